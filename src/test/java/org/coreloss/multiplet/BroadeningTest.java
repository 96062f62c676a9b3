package org.coreloss.multiplet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BroadeningTest {
    @Test
    void lorentzianIsAreaNormalisedWithFwhm() {
        int n = 200001;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = -1000 + i * 0.01;
        double[] y = Broadening.lorentzian(new double[]{0.0}, new double[]{2.0}, x, 0.5, 0.5, 1e9);
        double area = 0;
        for (double v : y) area += v * 0.01;
        assertEquals(2.0, area, 2.0 * 5e-4); // tails beyond +-1000 eV hold 0.5 * 0.5 / (pi * 1000)
        assertEquals(2.0 / (Math.PI * 0.25), y[100000], 1e-9); // peak 2 I / (pi G)
        assertEquals(0.5 * y[100000], y[100025], 1e-9); // half maximum at G/2 = 0.25 eV
    }

    @Test
    void lorentzianSwitchIsAStepInTheEvaluationEnergy() {
        double[] x = {-1, 0.999, 1.0, 3};
        double[] y = Broadening.lorentzian(new double[]{0.0}, new double[]{1.0}, x, 0.2, 1.0, 1.0);
        assertEquals(0.1 / Math.PI / (1 + 0.01), y[0], 1e-12);
        assertEquals(0.5 / Math.PI / (1 + 0.25), y[2], 1e-12);
    }

    @Test
    void gaussianKeepsAreaAndHasTheRequestedFwhm() {
        double[] y = new double[2001];
        y[1000] = 1;
        double[] g = Broadening.gaussian(y, 0.01, 0.5);
        double s = 0;
        for (double v : g) s += v;
        assertEquals(1.0, s, 1e-12);
        double half = g[1000] / 2;
        int j = 1000;
        while (g[j] > half) j++;
        double frac = (g[j - 1] - half) / (g[j - 1] - g[j]);
        assertEquals(0.25, (j - 1 + frac - 1000) * 0.01, 0.003);
        assertArrayEquals(y, Broadening.gaussian(y, 0.01, 0.0));
    }

    @Test
    void boxNormalisation() {
        double[] y = {2, 4, 3, 6};
        Broadening.boxNormalise(y);
        assertArrayEquals(new double[]{0, 0.5, 0.25, 1}, y, 1e-15);
        double[] c = {3, 3};
        Broadening.boxNormalise(c);
        assertArrayEquals(new double[]{0, 0}, c);
    }
}
