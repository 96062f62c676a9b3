package org.coreloss.multiplet;

import org.coreloss.eval.SpectrumError;
import org.coreloss.simulate.ParameterSpace;
import org.coreloss.simulate.Table1Ranges;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The re-broadening operator against the engine's own broadening, over random Table 1 parameters. */
class RebroadeningTest {
    @Test
    void rebroadenedNarrowSpectrumEqualsTheEngineSpectrum() {
        MultipletEngine engine = new MultipletEngine();
        for (String name : new String[]{"Ni2+", "Fe3+"}) {
            Ion ion = Ions.get(name);
            Rebroadening rb = Rebroadening.seed003(ion);
            ParameterSpace space = Table1Ranges.forIon(name);
            SplittableRandom rnd = new SplittableRandom(7);
            double worstSe = 0, worstAbs = 0;
            for (int c = 0; c < 12; c++) {
                double[] u = new double[9];
                for (int k = 0; k < 9; k++) u[k] = rnd.nextDouble();
                if (c == 0) { u[6] = 1; u[7] = 1; u[8] = 1; } // widest
                if (c == 1) { u[6] = 0; u[7] = 0; u[8] = 0; } // narrowest: the identity
                MultipletParameters p = ParameterSpace.toMultipletParameters(space.at(u));
                StickSpectrum s = engine.sticks(ion, p);
                double[] ref = MultipletEngine.broaden(ion, s, p, rb.window(), true);
                double[] got = rb.broaden(rb.narrow(s), p.gaussianFwhmEv(), p.gamma1FwhmEv(), p.gamma2FwhmEv(), true);
                worstSe = Math.max(worstSe, SpectrumError.se(got, ref));
                for (int j = 0; j < ref.length; j++) worstAbs = Math.max(worstAbs, Math.abs(got[j] - ref[j]));
            }
            System.out.printf("Rebroadening %s: worst SE %.2e, worst |difference| %.2e (box-normalised)%n", name, worstSe, worstAbs);
            assertTrue(worstSe < 5e-4, name + ": worst SE " + worstSe);
            assertTrue(worstAbs < 3e-3, name + ": worst abs difference " + worstAbs);
        }
    }

    @Test
    void kernelIsNormalisedAndZeroWidthIsTheIdentity() {
        double[] k = Rebroadening.kernel(0.5, 2001, 0.06);
        double s = 0;
        for (double v : k) s += v;
        // the Lorentzian's mass beyond +-120 eV is 2/pi * atan-complement: about 0.25/(pi*120)*2
        assertEquals(1.0, s, 2e-3);
        double[] id = Rebroadening.kernel(0, 11, 0.06);
        assertEquals(1.0, id[10]);
    }

    @Test
    void widthsBelowTheNarrowSpectrumsAreRefused() {
        Rebroadening rb = Rebroadening.seed003(Ions.get("Ni2+"));
        double[] y = new double[rb.narrowChannels()];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rb.broaden(y, 0.1, 0.2, 0.5, true));
        assertTrue(e.getMessage().contains("gamma1FwhmEv = 0.2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> rb.broaden(new double[10], 0.1, 0.4, 0.5, true));
        assertTrue(e.getMessage().contains("expected " + rb.narrowChannels()), e.getMessage());
    }
}
