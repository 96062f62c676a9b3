package org.coreloss.preprocess;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class PrincipalBasisTest {
    /** Rows on a 2-dimensional affine subspace of R^6 plus tiny noise: two components keep > 99.99 %, and rebuild the rows. */
    @Test
    void recoversALowRankSubspace() {
        SplittableRandom r = new SplittableRandom(1);
        double[] u = {1, 2, 0, -1, 0.5, 0}, v = {0, 1, 1, 1, -2, 3}, m = {5, 5, 5, 5, 5, 5};
        float[][] rows = new float[400][6];
        for (float[] row : rows) {
            double a = r.nextGaussian() * 3, b = r.nextGaussian();
            for (int j = 0; j < 6; j++) row[j] = (float) (m[j] + a * u[j] + b * v[j] + 1e-4 * r.nextGaussian());
        }
        PrincipalBasis p = PrincipalBasis.fit(rows, 0.9999);
        assertEquals(2, p.size());
        assertTrue(p.keptShare() >= 0.9999);
        float[][] back = p.reconstruct(p.project(rows));
        for (int i = 0; i < rows.length; i++) for (int j = 0; j < 6; j++) assertEquals(rows[i][j], back[i][j], 2e-3);
        double dot = 0;
        for (int j = 0; j < 6; j++) dot += p.components()[0][j] * p.components()[1][j];
        assertEquals(0, dot, 1e-9);
        assertEquals(6, PrincipalBasis.fit(rows, 1.0).size()); // share 1 keeps every component
    }
}
