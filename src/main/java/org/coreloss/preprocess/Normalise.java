package org.coreloss.preprocess;

import org.coreloss.data.SpectraDataset;
import org.coreloss.provenance.Step;
import org.coreloss.spectrum.SpectrumMatrix;

/**
 * Per-spectrum normalisations (stateless):
 * <ul>
 *   <li>{@link Box}: {@code (y - min) / (max - min)}, so each spectrum spans [0, 1] (seed 003's "box
 *       normalisation"); a flat spectrum becomes all zeros.</li>
 *   <li>{@link Max}: {@code y / max}.</li>
 *   <li>{@link Area}: {@code y / A} with A the trapezoid area over the grid (or a window).</li>
 *   <li>{@link EdgeStep}: XAS edge-step normalisation: a straight line fitted (least squares) to the
 *       pre-edge window is subtracted, and the result divided by the step = post-edge line minus
 *       pre-edge line at {@code e0Ev}; a normalised spectrum is ~0 before and ~1 after the edge.</li>
 * </ul>
 */
public final class Normalise {
    private Normalise() {}

    public static Box box() { return new Box(); }
    public static Max max() { return new Max(); }
    public static Area area() { return new Area(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY); }
    public static Area area(double fromEv, double toEv) { return new Area(fromEv, toEv); }
    public static EdgeStep edgeStep(double preFromEv, double preToEv, double postFromEv, double postToEv, double e0Ev) {
        return new EdgeStep(preFromEv, preToEv, postFromEv, postToEv, e0Ev);
    }

    /** Seed 003's box normalisation of each spectrum to [0, 1]. */
    public record Box() implements Transform {
        @Override public Step step() { return Step.of("box-normalise", "formula", "(y - min) / (max - min)"); }
        @Override public SpectraDataset apply(SpectraDataset d) {
            return d.withSpectra(perRow(d.spectra(), (y, o, c) -> {
                float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < c; j++) { lo = Math.min(lo, y[o + j]); hi = Math.max(hi, y[o + j]); }
                double r = hi - lo;
                for (int j = 0; j < c; j++) y[o + j] = r > 0 ? (float) ((y[o + j] - lo) / r) : 0f;
            }), step());
        }
    }

    /** Divides each spectrum by its maximum (left unchanged if the maximum is not positive). */
    public record Max() implements Transform {
        @Override public Step step() { return Step.of("max-normalise", "formula", "y / max"); }
        @Override public SpectraDataset apply(SpectraDataset d) {
            return d.withSpectra(perRow(d.spectra(), (y, o, c) -> {
                float hi = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < c; j++) hi = Math.max(hi, y[o + j]);
                if (hi > 0) for (int j = 0; j < c; j++) y[o + j] = y[o + j] / hi;
            }), step());
        }
    }

    /** Divides each spectrum by its trapezoid area between {@code fromEv} and {@code toEv} (grid points inside). */
    public record Area(double fromEv, double toEv) implements Transform {
        public Area {
            if (!(toEv > fromEv)) throw new IllegalArgumentException("area window: toEv (" + toEv + ") must exceed fromEv (" + fromEv + ")");
        }
        @Override public Step step() { return Step.of("area-normalise", "fromEv", Double.isInfinite(fromEv) ? "grid start" : fromEv, "toEv", Double.isInfinite(toEv) ? "grid end" : toEv); }
        @Override public SpectraDataset apply(SpectraDataset d) {
            double[] e = d.grid().energiesEv();
            return d.withSpectra(perRow(d.spectra(), (y, o, c) -> {
                double a = 0;
                for (int j = 1; j < c; j++) {
                    if (e[j - 1] >= fromEv && e[j] <= toEv) a += 0.5 * (y[o + j] + y[o + j - 1]) * (e[j] - e[j - 1]);
                }
                if (a != 0) for (int j = 0; j < c; j++) y[o + j] = (float) (y[o + j] / a);
            }), step());
        }
    }

    /** XAS edge-step normalisation with linear pre- and post-edge lines. */
    public record EdgeStep(double preFromEv, double preToEv, double postFromEv, double postToEv, double e0Ev) implements Transform {
        public EdgeStep {
            if (!(preToEv > preFromEv)) throw new IllegalArgumentException("edge step: preToEv must exceed preFromEv");
            if (!(postToEv > postFromEv)) throw new IllegalArgumentException("edge step: postToEv must exceed postFromEv");
            if (!(postFromEv >= preToEv)) throw new IllegalArgumentException("edge step: post-edge window must start at or after the pre-edge window ends");
        }
        @Override public Step step() {
            return Step.of("edge-step-normalise", "preFromEv", preFromEv, "preToEv", preToEv, "postFromEv", postFromEv, "postToEv", postToEv, "e0Ev", e0Ev);
        }
        @Override public SpectraDataset apply(SpectraDataset d) {
            double[] e = d.grid().energiesEv();
            return d.withSpectra(perRow(d.spectra(), (y, o, c) -> {
                double[] pre = line(e, y, o, c, preFromEv, preToEv), post = line(e, y, o, c, postFromEv, postToEv);
                double step = (post[0] + post[1] * e0Ev) - (pre[0] + pre[1] * e0Ev);
                if (step == 0 || !Double.isFinite(step)) throw new IllegalArgumentException("edge step is zero or undefined");
                for (int j = 0; j < c; j++) y[o + j] = (float) ((y[o + j] - (pre[0] + pre[1] * e[j])) / step);
            }), step());
        }

        /** Least-squares line {a, b} (y = a + b E) through the points in [from, to]; needs 2 points. */
        static double[] line(double[] e, float[] y, int o, int c, double from, double to) {
            double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
            for (int j = 0; j < c; j++) {
                if (e[j] < from || e[j] > to) continue;
                n++; sx += e[j]; sy += y[o + j]; sxx += e[j] * e[j]; sxy += e[j] * y[o + j];
            }
            if (n < 2) throw new IllegalArgumentException("edge step: window " + from + ".." + to + " eV holds " + (int) n + " grid points, expected at least 2");
            double den = n * sxx - sx * sx;
            double b = den == 0 ? 0 : (n * sxy - sx * sy) / den;
            return new double[]{(sy - b * sx) / n, b};
        }
    }

    interface RowOp { void apply(float[] data, int offset, int channels); }

    static SpectrumMatrix perRow(SpectrumMatrix m, RowOp op) {
        float[] d = m.rawData().clone();
        int c = m.channels();
        for (int i = 0; i < m.rows(); i++) op.apply(d, i * c, c);
        return new SpectrumMatrix(m.grid(), m.rows(), d);
    }
}
