package org.coreloss.fit;

import org.coreloss.data.io.ColumnSpectrum;
import org.junit.jupiter.api.Test;

class FitSmokeTest {
    @Test void timing() {
        for (String ion : new String[] {"Ni2+", "Co2+"}) {
            long cs = 5;
            double[] truth = Calibration.drawTruth(ion, cs);
            ColumnSpectrum data = Calibration.simulate(ion, truth, 100, cs);
            FitSetup setup = FitSetup.simulated(ion, truth[SpectrumModel.T]);
            long t0 = System.nanoTime();
            FitResult r = Fitter.fit(data, setup, FitOptions.defaults(cs));
            System.out.println(ion + " truth " + java.util.Arrays.toString(truth));
            System.out.println(r);
            System.out.println(r.seconds() + " calls " + r.simulatorCalls() + " " + r.samplerMode() + " acc " + r.acceptanceFraction() + " emu " + r.emulatorRmsOverSigma() + " warn " + r.warnings());
        }
    }
}
