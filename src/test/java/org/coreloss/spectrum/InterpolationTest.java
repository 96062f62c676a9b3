package org.coreloss.spectrum;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class InterpolationTest {
    @Test
    void linearIsExactForLinesAndFillsOutside() {
        double[] x = {0, 1, 3, 4};
        double[] y = {1, 3, 7, 9}; // y = 2x + 1
        double[] out = Interpolation.linear(x, y, new double[]{-1, 0, 0.5, 2.5, 4, 5, 1.0}, Double.NaN);
        assertTrue(Double.isNaN(out[0]));
        assertArrayEquals(new double[]{1, 2, 6, 9}, new double[]{out[1], out[2], out[3], out[4]}, 1e-15);
        assertTrue(Double.isNaN(out[5]));
        assertEquals(3.0, out[6], 1e-15, "decreasing query after increasing ones");
        SpectrumMatrix m = SpectrumMatrix.of(EnergyGrid.of(x), new float[][]{{1, 3, 7, 9}});
        SpectrumMatrix r = Interpolation.resample(m, EnergyGrid.uniform(0, 5, 6), 0f);
        assertArrayEquals(new float[]{1, 3, 5, 7, 9, 0}, r.row(0));
    }
}
