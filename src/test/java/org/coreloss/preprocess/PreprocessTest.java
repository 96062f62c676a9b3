package org.coreloss.preprocess;

import org.coreloss.data.SpectraDataset;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.*;

class PreprocessTest {
    static SpectraDataset delta(EnergyGrid g, double atEv) {
        float[] y = new float[g.size()];
        int k = g.nearestIndex(atEv);
        double[] w = Convolution.trapezoidWeights(g.energiesEv());
        y[k] = (float) (1.0 / w[k]); // unit area
        return SpectraDataset.of("delta", new SpectrumMatrix(g, 1, y));
    }

    static double area(SpectraDataset d, int row) {
        double[] e = d.grid().energiesEv();
        double a = 0;
        for (int j = 1; j < e.length; j++) a += 0.5 * (d.spectra().get(row, j) + d.spectra().get(row, j - 1)) * (e[j] - e[j - 1]);
        return a;
    }

    /** Full width at half maximum by linear interpolation of the two half-maximum crossings. */
    static double fwhm(SpectraDataset d, int row) {
        double[] e = d.grid().energiesEv();
        int c = e.length, m = 0;
        for (int j = 0; j < c; j++) if (d.spectra().get(row, j) > d.spectra().get(row, m)) m = j;
        double half = d.spectra().get(row, m) / 2.0;
        int a = m; while (d.spectra().get(row, a - 1) > half) a--;
        int b = m; while (d.spectra().get(row, b + 1) > half) b++;
        double ya = d.spectra().get(row, a - 1), yb = d.spectra().get(row, a);
        double left = e[a - 1] + (half - ya) / (yb - ya) * (e[a] - e[a - 1]);
        double y0 = d.spectra().get(row, b), y1 = d.spectra().get(row, b + 1);
        double right = e[b] + (y0 - half) / (y0 - y1) * (e[b + 1] - e[b]);
        return right - left;
    }

    /** A non-uniform grid: step 0.004 eV growing smoothly to 0.006 eV. */
    static EnergyGrid nonUniform() {
        double[] e = new double[5000];
        e[0] = -12;
        for (int i = 1; i < e.length; i++) e[i] = e[i - 1] + 0.004 + 0.002 * i / e.length;
        return EnergyGrid.of(e);
    }

    @Test
    void gaussianOfDeltaHasTheStatedFwhmAndArea() {
        for (EnergyGrid g : new EnergyGrid[]{EnergyGrid.uniform(-10, 10, 4001), nonUniform()}) {
            for (GaussianBroadening gb : new GaussianBroadening[]{GaussianBroadening.ofFwhm(1.0), GaussianBroadening.ofSigma(0.5)}) {
                SpectraDataset out = gb.apply(delta(g, 1.0));
                assertEquals(gb.fwhmEv(), fwhm(out, 0), 1e-3, g + " " + gb);
                assertEquals(1.0, area(out, 0), 1e-6);
                assertEquals("gaussian-broadening", out.history().get(0).name());
            }
        }
        assertEquals(2.0 * Math.sqrt(2 * Math.log(2)) * 0.5, GaussianBroadening.ofSigma(0.5).fwhmEv(), 1e-15);
    }

    @Test
    void lorentzianOfDeltaHasTheStatedFwhmAndArea() {
        EnergyGrid g = EnergyGrid.uniform(-20, 20, 8001);
        SpectraDataset out = LorentzianBroadening.ofFwhm(0.8).apply(delta(g, 0.3));
        assertEquals(0.8, fwhm(out, 0), 1e-3);
        assertEquals(1.0, area(out, 0), 1e-6);
        out = LorentzianBroadening.ofFwhm(0.8).apply(delta(nonUniform(), 0.0));
        assertEquals(0.8, fwhm(out, 0), 1e-3);
        assertEquals(1.0, area(out, 0), 1e-6);
        // two widths: the width follows the energy of the transition
        LorentzianBroadening two = LorentzianBroadening.twoWidths(0.4, 1.2, 0.0);
        assertEquals(0.4, fwhm(two.apply(delta(g, -5)), 0), 1e-3);
        assertEquals(1.2, fwhm(two.apply(delta(g, 5)), 0), 1e-3);
        assertEquals(1.0, area(two.apply(delta(g, 5)), 0), 1e-6);
    }

    @Test
    void boxNormalisationSpansZeroToOne() {
        EnergyGrid g = EnergyGrid.uniform(0, 3, 4);
        SpectraDataset d = SpectraDataset.of("x", SpectrumMatrix.of(g, new float[][]{{2, 4, 6, 3}, {5, 5, 5, 5}}));
        SpectraDataset b = Normalise.box().apply(d);
        assertArrayEquals(new float[]{0, 0.5f, 1, 0.25f}, b.spectra().row(0));
        assertArrayEquals(new float[]{0, 0, 0, 0}, b.spectra().row(1));
        assertArrayEquals(new float[]{1 / 3f, 2 / 3f, 1, 0.5f}, Normalise.max().apply(d).spectra().row(0), 1e-7f);
        assertEquals(1.0, area(Normalise.area().apply(d), 0), 1e-6);
    }

    @Test
    void edgeStepMakesPreZeroAndPostOne() {
        EnergyGrid g = EnergyGrid.uniform(-20, 60, 321);
        float[] y = new float[g.size()];
        for (int j = 0; j < y.length; j++) {
            double e = g.energyEv(j);
            y[j] = (float) (0.3 + 0.001 * e + 2.5 / (1 + Math.exp(-e / 0.5)));
        }
        SpectraDataset n = Normalise.edgeStep(-20, -8, 20, 60, 0).apply(SpectraDataset.of("e", new SpectrumMatrix(g, 1, y)));
        assertEquals(0.0, n.spectra().get(0, g.nearestIndex(-15)), 1e-3);
        assertEquals(1.0, n.spectra().get(0, g.nearestIndex(40)), 1e-3);
    }

    @Test
    void noiseIsSeededAndHasTheStatedSnr() {
        EnergyGrid g = EnergyGrid.uniform(0, 1, 20000);
        float[] y = new float[g.size()];
        java.util.Arrays.fill(y, 10f);
        SpectraDataset d = SpectraDataset.of("flat", new SpectrumMatrix(g, 1, y));
        SpectraDataset a = Noise.gaussian(20, 42).apply(d), b = Noise.gaussian(20, 42).apply(d), c = Noise.gaussian(20, 43).apply(d);
        assertArrayEquals(a.spectra().rawData(), b.spectra().rawData());
        assertFalse(java.util.Arrays.equals(a.spectra().rawData(), c.spectra().rawData()));
        assertEquals(10.0 / 20, std(a.spectra().rawData(), 10), 0.01);
        SpectraDataset p = Noise.Poisson.ofSnr(10, 7).apply(d); // peak counts 100
        assertArrayEquals(p.spectra().rawData(), Noise.Poisson.ofSnr(10, 7).apply(d).spectra().rawData());
        assertEquals(10.0 / 10, std(p.spectra().rawData(), 10), 0.03);
        SpectraDataset p2 = Noise.Poisson.ofCounts(4, 7).apply(d); // small-lambda branch, sigma = 10/sqrt(4)
        assertEquals(5.0, std(p2.spectra().rawData(), 10), 0.15);
    }

    static double std(float[] v, double mean) {
        double s = 0;
        for (float x : v) s += (x - mean) * (x - mean);
        return Math.sqrt(s / v.length);
    }

    @Test
    void poissonSamplerMeanAndVariance() {
        var r = new java.util.SplittableRandom(1);
        for (double lam : new double[]{3, 45, 1000}) {
            double s = 0, s2 = 0;
            int n = 200_000;
            for (int i = 0; i < n; i++) { long k = Noise.poisson(r, lam); s += k; s2 += (double) k * k; }
            double m = s / n, v = s2 / n - m * m;
            assertEquals(lam, m, 5 * Math.sqrt(lam / n));
            assertEquals(lam, v, 0.02 * lam);
        }
    }

    @Test
    void polynomialFeatureCount() {
        assertEquals(220, PolynomialFeatures.featureCount(9, 3, true));
        assertEquals(219, PolynomialFeatures.featureCount(9, 3, false));
        PolynomialFeatures pf = PolynomialFeatures.of(3);
        double[][] x = pf.expand(new double[][]{{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}});
        assertEquals(220, x[0].length);
        assertEquals(1.0, x[0][0]);
        assertEquals(0.1, x[0][1], 1e-15);
        var names = new PolynomialFeatures(2, true).names("a", "b");
        assertEquals(java.util.List.of("1", "a", "b", "a^2", "a*b", "b^2"), names);
    }

    static SpectraDataset labelled(float[][] rows, double[] exc) {
        EnergyGrid g = EnergyGrid.uniform(0, rows[0].length - 1, rows[0].length);
        String[] ids = new String[rows.length];
        for (int i = 0; i < ids.length; i++) ids[i] = "s" + i;
        Table t = Table.create("t", StringColumn.create("id", ids), DoubleColumn.create("excitation_ev", exc));
        return SpectraDataset.of("l", SpectrumMatrix.of(g, rows), t);
    }

    @Test
    void excitationEnergyAlignmentShiftsAndZeroPads() {
        SpectraDataset d = labelled(new float[][]{{1, 2, 3}, {4, 5, 6}}, new double[]{10, 12});
        ExcitationEnergyAlign fitted = ExcitationEnergyAlign.auto("excitation_ev").fit(d);
        assertEquals(10.0, fitted.output().minEv(), 1e-12);
        assertEquals(14.0, fitted.output().maxEv(), 1e-12);
        SpectraDataset a = fitted.apply(d);
        assertArrayEquals(new float[]{1, 2, 3, 0, 0}, a.spectra().row(0));
        assertArrayEquals(new float[]{0, 0, 4, 5, 6}, a.spectra().row(1));
        assertThrows(IllegalStateException.class, () -> ExcitationEnergyAlign.auto("excitation_ev").apply(d));
    }

    @Test
    void thresholdAlignmentPutsTheOnsetAtTheTarget() {
        SpectraDataset d = labelled(new float[][]{{0, 0, 0, 1, 2, 2}, {0, 1, 2, 2, 2, 2}}, new double[]{0, 0});
        SpectraDataset a = new ThresholdAlign(0.5, 1.0, null).apply(d);
        assertArrayEquals(new double[]{3.0, 1.0}, a.label("onset_ev"), 1e-12);
        assertArrayEquals(new float[]{0, 1, 2, 2, 0, 0}, a.spectra().row(0));
        assertArrayEquals(new float[]{0, 1, 2, 2, 2, 2}, a.spectra().row(1));
    }

    @Test
    void pipelineFitsOnTrainAndRecordsSteps() {
        SpectraDataset train = labelled(new float[][]{{0, 2}, {2, 4}}, new double[]{0, 0});
        SpectraDataset test = labelled(new float[][]{{1, 3}}, new double[]{0});
        Pipeline p = Pipeline.of(GaussianBroadening.ofSigma(1e-3), ChannelScaler.standard());
        assertFalse(p.isFitted());
        Pipeline f = p.fit(train);
        SpectraDataset t = f.apply(test);
        assertArrayEquals(new float[]{0, 0}, t.spectra().row(0), 1e-6f); // train means 1 and 3
        assertEquals(java.util.List.of("gaussian-broadening", "channel-standard-scaler"), t.history().stream().map(s -> s.name()).toList());
        assertThrows(IllegalStateException.class, () -> p.apply(test));
        FeatureScaler mm = FeatureScaler.minMax().fit(new double[][]{{1, 10}, {3, 30}});
        assertArrayEquals(new double[]{0.5, 0.5}, mm.transform(new double[][]{{2, 20}})[0], 1e-15);
        assertArrayEquals(new double[]{2, 20}, mm.inverse(mm.transform(new double[][]{{2, 20}}))[0], 1e-12);
    }

    @Test
    void optionsAreValidated() {
        var e = assertThrows(IllegalArgumentException.class, () -> GaussianBroadening.ofSigma(-1));
        assertTrue(e.getMessage().contains("sigmaEv"));
        assertThrows(IllegalArgumentException.class, () -> new Crop(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Noise.gaussian(0, 1));
        assertThrows(IllegalArgumentException.class, () -> PolynomialFeatures.of(0));
    }
}
