package org.coreloss.eval;

import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;

/**
 * The KS-style maximal misfit of one predicted spectrum against its reference (seed 003, figure 5a):
 * the largest absolute difference and the energy where it occurs.
 *
 * <p>Two modes ({@link Mode}):
 * <ul>
 *   <li>{@link Mode#PEAK} (default, the seed's text): {@code D = max_i |y_p(i) - y_a(i)|}, value in
 *       intensity units; "the largest difference corresponds to the largest peak misfit
 *       (Delta_ij)... only absolute values are considered".</li>
 *   <li>{@link Mode#CUMULATIVE} (the classical Kolmogorov-Smirnov statistic): both spectra are
 *       normalised to unit area and integrated (trapezoid rule on the energy grid) into cumulative
 *       distributions P, A; {@code D = max_i |P(i) - A(i)|}, dimensionless in [0, 1] for non-negative
 *       spectra. Its position lies between features rather than on a peak.</li>
 * </ul>
 *
 * @param spectrum  row index of the spectrum in the test set
 * @param channel   channel index of the maximum
 * @param energyEv  energy of the maximum in eV
 * @param value     |D| (intensity units for PEAK, dimensionless for CUMULATIVE)
 * @param signed    signed difference predicted - reference at the maximum (> 0: overestimate)
 */
public record PeakMisfit(int spectrum, int channel, double energyEv, double value, double signed) {

    /** How the misfit is measured. */
    public enum Mode { PEAK, CUMULATIVE }

    /** The maximal misfit of one spectrum pair on {@code grid}. */
    public static PeakMisfit of(int spectrum, EnergyGrid grid, double[] predicted, double[] reference, Mode mode) {
        int c = grid.size();
        if (predicted.length != c || reference.length != c) throw new IllegalArgumentException("spectrum " + spectrum + ": expected " + c + " channels (grid size), got " + predicted.length + " and " + reference.length);
        double[] d = new double[c];
        if (mode == Mode.PEAK) {
            for (int i = 0; i < c; i++) d[i] = predicted[i] - reference[i];
        } else {
            double[] p = cumulative(grid, predicted), a = cumulative(grid, reference);
            for (int i = 0; i < c; i++) d[i] = p[i] - a[i];
        }
        int best = 0;
        for (int i = 1; i < c; i++) if (Math.abs(d[i]) > Math.abs(d[best])) best = i;
        return new PeakMisfit(spectrum, best, grid.energyEv(best), Math.abs(d[best]), d[best]);
    }

    /** The maximal misfit of every row. */
    public static PeakMisfit[] of(SpectrumMatrix predicted, SpectrumMatrix reference, Mode mode) {
        Arrays2.sameShape(predicted, reference);
        PeakMisfit[] out = new PeakMisfit[predicted.rows()];
        for (int j = 0; j < out.length; j++) out[j] = of(j, predicted.grid(), predicted.rowAsDouble(j), reference.rowAsDouble(j), mode);
        return out;
    }

    /** Normalised cumulative integral (trapezoid); all zeros if the area is zero. */
    static double[] cumulative(EnergyGrid grid, double[] y) {
        int c = y.length;
        double[] cum = new double[c];
        for (int i = 1; i < c; i++) cum[i] = cum[i - 1] + 0.5 * (y[i] + y[i - 1]) * (grid.energyEv(i) - grid.energyEv(i - 1));
        double total = cum[c - 1];
        if (total != 0) for (int i = 0; i < c; i++) cum[i] /= total;
        return cum;
    }
}
