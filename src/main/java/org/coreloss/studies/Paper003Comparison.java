package org.coreloss.studies;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.SpectraIO;
import org.coreloss.eval.SpectrumError;
import org.coreloss.multiplet.Ion;
import org.coreloss.multiplet.Ions;
import org.coreloss.multiplet.MultipletEngine;
import org.coreloss.multiplet.MultipletParameters;
import org.coreloss.multiplet.PoleConvention;
import org.coreloss.nn.TrainedModel;
import org.coreloss.progress.ProgressListener;
import org.coreloss.simulate.ParameterSpace;
import org.coreloss.simulate.Preset;
import org.coreloss.spectrum.SpectrumMatrix;

/**
 * Notebook 4 of seed 003: the multiplet engine against Quanty reference spectra (Crispy's regression tests, in
 * {@code src/test/resources/multiplet/crispy_quanty/}), and the speed of a trained generator against the engine.
 */
public final class Paper003Comparison {
    /** Ni2+ with the Hartree-Fock values that Crispy used for the references (see the references' README). */
    public static final Ion NI_CRISPY = new Ion("Ni", 28, 2, 8, true, 12.2338, 7.5975, 0.0826, 13.0058, 8.0839, 7.7213, 5.7865,
            3.2909, 0.1022, 11.507, 852.7, 0.48, 0.52);
    /** The references' absolute axis: relative axis + zeta2p/2 + 852.7 eV. */
    public static final double SHIFT_EV = 5.7535 + 852.7;
    /** Reference file -> the parameters Crispy ran (Lorentzian 0.48 eV FWHM only, absolute intensities). */
    public static final Map<String, MultipletParameters> QUANTY_CASES = cases();

    private Paper003Comparison() {
    }

    private static Map<String, MultipletParameters> cases() {
        Map<String, MultipletParameters> c = new LinkedHashMap<>();
        c.put("ref0_Ni2+_Oh_10Dq1.0_T300K_Bz15T_iso.spec", MultipletParameters.ofTenDq(1.0, 0, 0, 0.8, 0.8, 300, 0, 0.48, 0.48).withBzEv(8.6825727e-4));
        c.put("ref1_Ni2+_Oh_10Dq1.0_Fk0.75_Gk0.70_zeta0.90_iso.spec", MultipletParameters.ofTenDq(1.0, 0, 0, 0.75, 0.70, 10, 0, 0.48, 0.48).withZetaScale(0.9));
        c.put("ref2_Ni2+_Oh_10Dq1.6_iso.spec", MultipletParameters.ofTenDq(1.6, 0, 0, 0.8, 0.8, 10, 0, 0.48, 0.48));
        c.put("ref5_Ni2+_D4h_Dq0.10_Ds0.01_Dt0.01_iso.spec", MultipletParameters.of(0.10, 0.01, 0.01, 0.8, 0.8, 10, 0, 0.48, 0.48));
        return java.util.Collections.unmodifiableMap(c);
    }

    /** One reference against the engine on the reference's absolute axis. */
    public record QuantyMatch(String reference, double[] energyEv, double[] quanty, double[] coreloss, double rmsOverPeak, double se) {
    }

    /** rms(model − reference) / max(reference). */
    public static double rmsOverPeak(double[] model, double[] reference) {
        double peak = Arrays.stream(reference).max().orElseThrow(), ss = 0;
        for (int i = 0; i < reference.length; i++) ss += (model[i] - reference[i]) * (model[i] - reference[i]);
        return Math.sqrt(ss / reference.length) / peak;
    }

    /** Every case of {@link #QUANTY_CASES} read from {@code referenceDir} and computed with Quanty's pole convention. */
    public static List<QuantyMatch> againstQuanty(Path referenceDir) throws IOException {
        MultipletEngine quanty = new MultipletEngine(MultipletEngine.Options.defaults().withPoleConvention(PoleConvention.QUANTY));
        List<QuantyMatch> out = new ArrayList<>();
        for (var c : QUANTY_CASES.entrySet()) {
            SpectraDataset ref = SpectraIO.read(referenceDir.resolve(c.getKey()));
            double[] xAbs = ref.grid().energiesEv(), yRef = ref.spectrum(0).intensities();
            double[] xRel = Arrays.stream(xAbs).map(x -> x - SHIFT_EV).toArray();
            double[] y = MultipletEngine.lorentzianSpectrum(NI_CRISPY, quanty.sticks(NI_CRISPY, c.getValue()), c.getValue(), xRel);
            out.add(new QuantyMatch(c.getKey(), xAbs, yRef, y, rmsOverPeak(y, yRef), SpectrumError.se(y, yRef)));
        }
        return out;
    }

    /**
     * Generator against engine for one ion, on the same fresh uniform D4h parameters (all different, so no cache hits).
     *
     * @param engineOneThreadPerS  engine spectra per second, one thread; {@code engineAllThreadsPerS} with {@code threads}
     * @param generatorPerS        generator spectra per second (one batch of {@code nNet}, after a warm-up call)
     * @param maxSe                largest SE of the generator against the engine on the first {@code nEngine} spectra
     */
    public record Speed(String ion, int nEngine, int nNet, int threads, double engineOneThreadPerS, double engineAllThreadsPerS,
                        double generatorPerS, double maxSe, double generatorMse, double meanSpectrumMse) {
        public double ratio() { return generatorPerS / engineOneThreadPerS; }
    }

    /** Times engine and generator for one ion. */
    public static Speed speed(String ion, TrainedModel generator, double[] trainingMean, int nEngine, int nNet, int threads, long seed) {
        Ion ionModel = Ions.get(ion);
        ParameterSpace space = Preset.D4H.space(ion);
        SplittableRandom r = new SplittableRandom(seed + 77);
        float[][] x = new float[nNet][9];
        // rows 0..nEngine-1: single-thread timing, nEngine..2nEngine-1: all threads, 3 more: warm-up (JIT, operators)
        List<MultipletParameters> ps = new ArrayList<>();
        for (int j = 0; j < nNet; j++) {
            double[] u = new double[9];
            for (int k = 0; k < 9; k++) u[k] = r.nextDouble();
            double[] v = space.at(u);
            for (int k = 0; k < 9; k++) x[j][k] = (float) v[k];
            if (j < 2 * nEngine + 3) ps.add(ParameterSpace.toMultipletParameters(v));
        }
        MultipletEngine engine = new MultipletEngine();
        engine.spectra(ionModel, ps.subList(2 * nEngine, 2 * nEngine + 3), 1, ProgressListener.NONE);
        long t = System.nanoTime();
        SpectrumMatrix e1 = engine.spectra(ionModel, ps.subList(0, nEngine), 1, ProgressListener.NONE);
        double eng1 = nEngine / ((System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        engine.spectra(ionModel, ps.subList(nEngine, 2 * nEngine), threads, ProgressListener.NONE);
        double engN = nEngine / ((System.nanoTime() - t) / 1e9);
        generator.generate(Arrays.copyOf(x, 16));
        t = System.nanoTime();
        SpectrumMatrix g = generator.generate(x);
        double net = nNet / ((System.nanoTime() - t) / 1e9);
        double maxSe = 0;
        for (int j = 0; j < nEngine; j++) maxSe = Math.max(maxSe, SpectrumError.se(g.rowAsDouble(j), e1.rowAsDouble(j)));
        double genMse = Paper003Ledge.mse(g.select(IntStream.range(0, nEngine).toArray()), e1);
        return new Speed(ion, nEngine, nNet, threads, eng1, engN, net, maxSe, genMse, Paper003Ledge.mse(trainingMean, e1));
    }
}
