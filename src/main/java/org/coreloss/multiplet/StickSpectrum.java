package org.coreloss.multiplet;

/**
 * A stick (line) spectrum: transition energies (eV, ascending) and isotropic intensities
 * I = sum_a w_a (|&lt;f|T_x|a&gt;|^2 + |&lt;f|T_y|a&gt;|^2 + |&lt;f|T_z|a&gt;|^2) / 3 / 2, with Boltzmann weights
 * w_a summing to 1 and Crispy's Pcl = 2 (METHOD.md sections 6-8). The total intensity is
 * (10 - n) / 15 for a 3d^n ion. Energies are E_f - E_a (default) or E_f - &lt;a|H_f|a&gt; (Quanty's
 * pole convention), see {@link PoleConvention}.
 *
 * @param energiesEv transition energies in eV, ascending
 * @param intensities stick intensities (same length)
 * @param groundStateEnergyEv lowest eigenvalue of H_i in eV
 * @param initialStates number of initial states included (Boltzmann cut-off, whole manifolds)
 * @param convention the energy convention used
 */
public record StickSpectrum(double[] energiesEv, double[] intensities, double groundStateEnergyEv,
                            int initialStates, PoleConvention convention) {
    public StickSpectrum {
        if (energiesEv.length != intensities.length) {
            throw new IllegalArgumentException("stick spectrum: " + energiesEv.length + " energies but "
                    + intensities.length + " intensities");
        }
        energiesEv = energiesEv.clone();
        intensities = intensities.clone();
    }

    /** Transition energies in eV, ascending (a copy). */
    @Override
    public double[] energiesEv() {
        return energiesEv.clone();
    }

    /** Stick intensities (a copy). */
    @Override
    public double[] intensities() {
        return intensities.clone();
    }

    /** Energy of stick i in eV. */
    public double energyEv(int i) {
        return energiesEv[i];
    }

    /** Intensity of stick i. */
    public double intensity(int i) {
        return intensities[i];
    }

    public int size() {
        return energiesEv.length;
    }

    /** Sum of all stick intensities. */
    public double totalIntensity() {
        double s = 0;
        for (double v : intensities) s += v;
        return s;
    }
}
