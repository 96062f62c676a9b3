import org.coreloss.fit.*;
import java.util.*;
/** Probe of the search stage (sampler off): java -cp target/classes:target/lib/* environment/tools/RetryProbe.java ION SNR cases. Probe on calibration cases: java Probe ION SNR case,case,... */
public class RetryProbe {
    public static void main(String[] a) {
        String ion = a[0]; double snr = Double.parseDouble(a[1]);
        for (String cs : a[2].split(",")) {
            int i = Integer.parseInt(cs);
            long seed = 1L * 100003L + i;
            double[] truth = Calibration.drawTruth(ion, seed);
            var data = Calibration.simulate(ion, truth, snr, seed);
            var setup = FitSetup.simulated(ion, truth[SpectrumModel.T]);
            var opts = FitOptions.defaults(seed).withSampler(FitOptions.Sampling.NONE);
            long t0 = System.nanoTime();
            FitResult r = Fitter.fit(data, setup, new EngineForwardModel(setup.ion()), opts, null);
            double[] mTrue = new SpectrumModel(new EngineForwardModel(setup.ion()), data.energiesEv()).evaluate(truth);
            double rt = 0; double[] yy = data.intensities(); for (int j = 0; j < yy.length; j++) rt += (mTrue[j]-yy[j])*(mTrue[j]-yy[j]);
            double sigma2 = Math.pow(1.0 / snr, 2);
            System.out.printf(Locale.ROOT, "%s snr%.0f case %d: (rss-rss_truth)/sigma2 %.1f chi2diff %.2f dq %.3f/%.3f ds %.3f/%.3f dt %.3f/%.3f wall %.1f s %s%n",
                ion, snr, i, (r.rss() - rt) / sigma2, r.reducedChi2Difference(), truth[SpectrumModel.DQ], r.summary("dq_eV").best(),
                truth[SpectrumModel.DS], r.summary("ds_eV").best(), truth[SpectrumModel.DT], r.summary("dt_eV").best(),
                (System.nanoTime() - t0) * 1e-9, r.seconds());
        }
    }
}
