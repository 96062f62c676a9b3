package org.coreloss.fit;

import org.coreloss.multiplet.Ion;
import org.coreloss.multiplet.MultipletParameters;

import java.util.List;

/**
 * The model of a measured 2p XAS spectrum at absolute photon energies E (eV):
 * <pre>
 *   y(E) = scale * M(E - E0 - shift_eV; Dq, Ds, Dt, S1, S2, T, Gaussian FWHM, gamma1, gamma2)
 *        + step_height * [A(E3) + step_ratio_l2_l3 * A(E2)]
 *        + baseline_offset + baseline_slope_per_eV * (E - E_L3)
 *   A(Ec) = 1/2 + atan((E - shift_eV - Ec) / (step_width_eV / 2)) / pi
 * </pre>
 * where M is the forward model's line shape (unit area for the engine), E0 = E_L3 + zeta2p/2 maps the
 * engine's relative axis onto photon energy (the ion's tabulated L3 edge E_L3 then sits at the
 * one-electron 2p3/2 level -zeta2p/2, as on Crispy's absolute axis), and the arctan steps are centred
 * at the one-electron L3 and L2 levels (E_L3 and E_L3 + 1.5 zeta2p) plus {@code step_offset_eV}, moving
 * with the shift. Step width is the FWHM of the step's derivative.
 *
 * <p>The line shape is computed on a uniform grid that moves with the shift (step = the data step if the
 * data are uniform, else min(median step, 0.05 eV)) and interpolated linearly onto the data energies;
 * for uniform data the grid points are the data points.
 */
public final class SpectrumModel {
    public static final List<String> NAMES = List.of("dq_eV", "ds_eV", "dt_eV", "s1", "s2", "temperature_K",
            "gaussian_fwhm_eV", "gamma1_fwhm_eV", "gamma2_fwhm_eV", "shift_eV", "scale", "step_height",
            "step_ratio_l2_l3", "step_width_eV", "step_offset_eV", "baseline_offset", "baseline_slope_per_eV");
    public static final int DQ = 0, DS = 1, DT = 2, S1 = 3, S2 = 4, T = 5, GAUSS = 6, GAMMA1 = 7, GAMMA2 = 8, SHIFT = 9,
            SCALE = 10, STEP_HEIGHT = 11, STEP_RATIO = 12, STEP_WIDTH = 13, STEP_OFFSET = 14, BASE_OFFSET = 15, BASE_SLOPE = 16;
    /** Parameters the model is linear in (solved by linear least squares in the global search). */
    public static final int[] LINEAR = {SCALE, STEP_HEIGHT, BASE_OFFSET, BASE_SLOPE};

    private final ForwardModel forward;
    private final Ion ion;
    private final double[] energiesEv;
    private final double gridStepEv;
    private final boolean uniform;

    public SpectrumModel(ForwardModel forward, double[] energiesEv) {
        this.forward = forward;
        this.ion = forward.ion();
        this.energiesEv = energiesEv.clone();
        int n = energiesEv.length;
        double[] d = new double[n - 1];
        double dmin = Double.POSITIVE_INFINITY, dmax = 0;
        for (int i = 0; i < n - 1; i++) {
            d[i] = energiesEv[i + 1] - energiesEv[i];
            dmin = Math.min(dmin, d[i]);
            dmax = Math.max(dmax, d[i]);
        }
        java.util.Arrays.sort(d);
        double median = d[d.length / 2];
        this.uniform = dmax - dmin <= 1e-6 * Math.max(1, median) && median <= 0.1;
        this.gridStepEv = uniform ? (energiesEv[n - 1] - energiesEv[0]) / (n - 1) : Math.min(median, 0.05);
    }

    public static boolean isLinear(String name) {
        int i = NAMES.indexOf(name);
        for (int l : LINEAR) if (l == i) return true;
        return false;
    }

    public ForwardModel forward() { return forward; }
    public Ion ion() { return ion; }
    public double[] energiesEv() { return energiesEv.clone(); }
    int size() { return energiesEv.length; }

    /** Photon energy minus the relative engine energy (shift 0): E0 = E_L3 + zeta2p/2. */
    public double axisOffsetEv() { return ion.l3EdgeEv() + 0.5 * ion.zeta2pEv(); }

    /** The multiplet parameters in a full parameter vector. */
    public static MultipletParameters multiplet(double[] th) {
        return MultipletParameters.of(th[DQ], th[DS], th[DT], th[S1], th[S2], th[T], th[GAUSS], th[GAMMA1], th[GAMMA2]);
    }

    /** The unit-scale line shape M at the data energies for parameter vector {@code th} (shift applied). */
    public double[] lineShape(double[] th) {
        double off = axisOffsetEv() + th[SHIFT];
        double start = energiesEv[0] - off;
        double end = energiesEv[energiesEv.length - 1] - off;
        int n = (int) Math.ceil((end - start) / gridStepEv - 1e-9) + 1;
        double[] g = forward.lineShape(multiplet(th), start, gridStepEv, n);
        double[] out = new double[energiesEv.length];
        if (uniform && n == energiesEv.length) return g;
        for (int i = 0; i < out.length; i++) {
            double t = (energiesEv[i] - off - start) / gridStepEv;
            int j = Math.max(0, Math.min((int) Math.floor(t), n - 2));
            double f = t - j;
            out[i] = (1 - f) * g[j] + f * g[j + 1];
        }
        return out;
    }

    /** A line shape with shift 0 on a uniform relative-energy grid. */
    record Grid(double startEv, double stepEv, double[] values) {}

    /** The unit-scale line shape (shift 0) on a grid wide enough for every shift in [shiftMin, shiftMax]. */
    Grid lineShapeGrid(double[] th, double shiftMinEv, double shiftMaxEv) {
        double off = axisOffsetEv();
        double start = energiesEv[0] - off - shiftMaxEv;
        double end = energiesEv[energiesEv.length - 1] - off - shiftMinEv;
        int n = (int) Math.ceil((end - start) / gridStepEv - 1e-9) + 1;
        return new Grid(start, gridStepEv, forward.lineShape(multiplet(th), start, gridStepEv, n));
    }

    /** Grid step used for line shapes (eV). */
    double gridStepEv() { return gridStepEv; }

    /** The line shape of a grid at the data energies for a given shift (linear interpolation). */
    double[] sample(Grid g, double shiftEv) {
        double off = axisOffsetEv() + shiftEv;
        double[] out = new double[energiesEv.length];
        int n = g.values().length;
        for (int i = 0; i < out.length; i++) {
            double t = (energiesEv[i] - off - g.startEv()) / g.stepEv();
            int j = Math.max(0, Math.min((int) Math.floor(t), n - 2));
            double f = Math.max(0, Math.min(1, t - j));
            out[i] = (1 - f) * g.values()[j] + f * g.values()[j + 1];
        }
        return out;
    }

    /** The two arctan edge steps (unit step_height) at the data energies. */
    public double[] steps(double[] th) {
        double[] out = new double[energiesEv.length];
        double e3 = ion.l3EdgeEv() + th[SHIFT] + th[STEP_OFFSET];
        double e2 = e3 + 1.5 * ion.zeta2pEv();
        double hw = Math.max(th[STEP_WIDTH], 1e-6) / 2;
        for (int i = 0; i < out.length; i++) {
            double e = energiesEv[i];
            out[i] = 0.5 + Math.atan((e - e3) / hw) / Math.PI + th[STEP_RATIO] * (0.5 + Math.atan((e - e2) / hw) / Math.PI);
        }
        return out;
    }

    /** The model's parts at the data energies: multiplet (scaled), background (steps + baseline), total. */
    public record Components(double[] multiplet, double[] background, double[] total) {}

    public Components components(double[] th) {
        double[] m = lineShape(th);
        return components(th, m);
    }

    Components components(double[] th, double[] lineShape) {
        double[] st = steps(th);
        int n = energiesEv.length;
        double[] mult = new double[n], bg = new double[n], tot = new double[n];
        for (int i = 0; i < n; i++) {
            mult[i] = th[SCALE] * lineShape[i];
            bg[i] = th[STEP_HEIGHT] * st[i] + th[BASE_OFFSET] + th[BASE_SLOPE] * (energiesEv[i] - ion.l3EdgeEv());
            tot[i] = mult[i] + bg[i];
        }
        return new Components(mult, bg, tot);
    }

    /** The total model at the data energies. */
    public double[] evaluate(double[] th) {
        return components(th).total();
    }

    /** Basis columns of the linear parameters {scale, step_height, baseline_offset, baseline_slope} at the data energies. */
    double[][] linearBasis(double[] th, double[] lineShape, boolean withSteps) {
        double[] st = withSteps ? steps(th) : new double[energiesEv.length];
        int n = energiesEv.length;
        double[][] b = new double[4][n];
        for (int i = 0; i < n; i++) {
            b[0][i] = lineShape[i];
            b[1][i] = st[i];
            b[2][i] = 1;
            b[3][i] = energiesEv[i] - ion.l3EdgeEv();
        }
        return b;
    }
}
