package org.coreloss.cli;

import org.coreloss.data.io.AtomicFiles;
import org.coreloss.multiplet.Ion;
import org.coreloss.multiplet.Ions;
import org.coreloss.multiplet.MultipletEngine;
import org.coreloss.multiplet.MultipletParameters;
import org.coreloss.multiplet.MultipletSpectrum;
import org.coreloss.multiplet.PoleConvention;
import org.coreloss.multiplet.StickSpectrum;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code coreloss spectrum}: one 2p XAS multiplet spectrum of a 3d ion ({@link MultipletEngine}),
 * written as CSV {@code energy_ev,intensity}. With {@code --sticks}: the stick spectrum (energies
 * E_f - E_i in eV, isotropic intensities weighted by Boltzmann factors summing to 1, / 3 / Pcl = 2,
 * total (10 - n)/15); without: the broadened seed-003 spectrum (501 channels, [L3 - 5, L3 + 25] eV with
 * L3 = -zeta2p/2, box-normalised). Written atomically.
 */
@Command(name = "spectrum", mixinStandardHelpOptions = true,
        description = "Compute one 2p (L2,3) XAS crystal-field multiplet spectrum of a 3d ion and write it as CSV.")
public final class SpectrumCommand implements CliCommand, Callable<Integer> {
    @Option(names = "--ion", required = true, description = "Ion, e.g. Fe3+ (any ion of data/multiplet/hf_parameters.csv).")
    String ion;

    @Option(names = "--dq", description = "Crystal field Dq in eV (not 10Dq). Default: 0.1.")
    Double dq;

    @Option(names = "--ten-dq", description = "Crystal field 10Dq in eV (alternative to --dq).")
    Double tenDq;

    @Option(names = "--ds", defaultValue = "0", description = "Tetragonal Ds in eV. Default: ${DEFAULT-VALUE}.")
    double ds;

    @Option(names = "--dt", defaultValue = "0", description = "Tetragonal Dt in eV. Default: ${DEFAULT-VALUE}.")
    double dt;

    @Option(names = "--s1", defaultValue = "0.8", description = "Scale of F2dd, F4dd, F2pd. Default: ${DEFAULT-VALUE}.")
    double s1;

    @Option(names = "--s2", defaultValue = "0.8", description = "Scale of G1pd, G3pd. Default: ${DEFAULT-VALUE}.")
    double s2;

    @Option(names = "--temperature", defaultValue = "10", description = "Temperature in K. Default: ${DEFAULT-VALUE}.")
    double temperatureK;

    @Option(names = "--gauss-fwhm", defaultValue = "0", description = "Gaussian FWHM in eV (0 = none). Default: ${DEFAULT-VALUE}.")
    double gaussFwhmEv;

    @Option(names = "--gamma1", description = "Lorentzian FWHM in eV below the switch energy (L3). Default: the ion's tabulated value.")
    Double gamma1;

    @Option(names = "--gamma2", description = "Lorentzian FWHM in eV above the switch energy (L2). Default: the ion's tabulated value.")
    Double gamma2;

    @Option(names = "--switch", description = "Lorentzian switch energy in eV on the E_f - E_i axis. Default: zeta2p/4.")
    Double switchEv;

    @Option(names = "--bz-tesla", defaultValue = "0", description = "Magnetic field along z in tesla. Default: ${DEFAULT-VALUE}.")
    double bzTesla;

    @Option(names = "--quanty-poles", description = "Place poles at E_f - <a|H_f|a> (Quanty's convention) instead of E_f - E_a.")
    boolean quantyPoles;

    @Option(names = "--sticks", description = "Write the stick spectrum instead of the broadened one.")
    boolean sticks;

    @Option(names = "--out", required = true, description = "Output CSV file (energy_ev,intensity).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Ion theIon;
        MultipletParameters p;
        try {
            theIon = Ions.get(ion);
            if (dq != null && tenDq != null) throw new IllegalArgumentException("give --dq or --ten-dq, not both");
            double dqEv = dq != null ? dq : tenDq != null ? tenDq / 10.0 : 0.1;
            p = MultipletParameters.of(dqEv, ds, dt, s1, s2, temperatureK, gaussFwhmEv,
                    gamma1 != null ? gamma1 : theIon.gammaL3FwhmEv(), gamma2 != null ? gamma2 : theIon.gammaL2FwhmEv());
            if (switchEv != null) p = p.withLorentzianSwitchEv(switchEv);
            if (bzTesla != 0) p = p.withMagneticFieldTesla(bzTesla);
        } catch (IllegalArgumentException e) {
            System.err.println("coreloss spectrum: " + e.getMessage());
            return 2;
        }
        MultipletEngine engine = new MultipletEngine(MultipletEngine.Options.defaults()
                .withPoleConvention(quantyPoles ? PoleConvention.QUANTY : PoleConvention.FINAL_MINUS_INITIAL));
        StringBuilder sb = new StringBuilder("energy_ev,intensity\n");
        int rows;
        if (sticks) {
            StickSpectrum s = engine.sticks(theIon, p);
            for (int i = 0; i < s.size(); i++) {
                sb.append(String.format(Locale.ROOT, "%.8f,%.10e%n", s.energyEv(i), s.intensity(i)));
            }
            rows = s.size();
        } else {
            MultipletSpectrum s = engine.spectrum(theIon, p);
            for (int i = 0; i < s.channels(); i++) {
                sb.append(String.format(Locale.ROOT, "%.6f,%.8g%n", s.grid().energyEv(i), s.intensity(i)));
            }
            rows = s.channels();
        }
        AtomicFiles.writeString(out, sb.toString());
        System.out.printf(Locale.ROOT, "%s: %s %s, %d rows (%s)%n", out, theIon.name(), sticks ? "sticks" : "spectrum", rows, p);
        return 0;
    }
}
