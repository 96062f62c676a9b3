package org.coreloss.data;

import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class NearestSpectraTest {
    static SpectrumMatrix random(int n, int c, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[n * c];
        for (int i = 0; i < d.length; i++) d[i] = (float) r.nextDouble();
        return new SpectrumMatrix(EnergyGrid.uniform(0, 1, c), n, d);
    }

    @Test
    void matchesBruteForceIncludingNearDuplicates() {
        check(train -> NearestSpectra.fit(train));
    }

    @Test
    void bothScreeningPathsMatchBruteForceAcrossSeveralBlasBlocks() {
        check(train -> new NearestSpectra(train, false, NearestSpectra.GEMM_BLOCK));
        if (NearestSpectra.usesBlas()) check(train -> new NearestSpectra(train, true, 1000)); // 3001 rows: 4 blocks
    }

    private void check(java.util.function.Function<SpectrumMatrix, NearestSpectra> fit) {
        int c = 101;
        SpectrumMatrix train = random(3001, c, 1);
        float[] d = train.rawData();
        // near-duplicates of row 5: differences far below float dot-product rounding
        for (int j = 0; j < c; j++) { d[10 * c + j] = d[5 * c + j] + 1e-5f; d[11 * c + j] = d[5 * c + j] + 2e-5f; }
        SpectrumMatrix queries = random(130, c, 2);
        System.arraycopy(d, 5 * c, queries.rawData(), 0, c); // query 0 == train row 5
        NearestSpectra.Result res = fit.apply(train).query(queries, 4);
        for (int q = 0; q < queries.rows(); q++) {
            final int qq = q;
            double[] exact = new double[train.rows()];
            for (int t = 0; t < train.rows(); t++) {
                double s = 0;
                for (int j = 0; j < c; j++) { double x = (double) queries.get(qq, j) - train.get(t, j); s += x * x; }
                exact[t] = s;
            }
            int[] best = IntStream.range(0, train.rows()).boxed().sorted(Comparator.<Integer>comparingDouble(t -> exact[t]).thenComparing(t -> t))
                    .limit(4).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(best, res.indices()[q], "query " + q);
            for (int a = 0; a < 4; a++) assertEquals(Math.sqrt(exact[best[a]]), res.distances()[q][a], 1e-12);
        }
        assertArrayEquals(new int[]{5, 10, 11}, Arrays.copyOf(res.indices()[0], 3));
        assertEquals(0.0, res.distances()[0][0]);
    }

    @Test
    void oneToThreeQueriesMatchBruteForce() {
        SpectrumMatrix train = random(300, 17, 5);
        for (int nq = 1; nq <= 3; nq++) {
            SpectrumMatrix qs = random(nq, 17, 10 + nq);
            NearestSpectra.Result res = NearestSpectra.fit(train).query(qs, 2);
            for (int q = 0; q < nq; q++) {
                int best = -1;
                double bd = Double.POSITIVE_INFINITY;
                for (int t = 0; t < 300; t++) {
                    double s = 0;
                    for (int j = 0; j < 17; j++) { double x = (double) qs.get(q, j) - train.get(t, j); s += x * x; }
                    if (s < bd) { bd = s; best = t; }
                }
                assertEquals(best, res.indices()[q][0], "nq " + nq + " query " + q);
                assertEquals(Math.sqrt(bd), res.distances()[q][0], 1e-12);
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        NearestSpectra ns = NearestSpectra.fit(random(5, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> ns.query(random(2, 4, 1), 1));
        assertThrows(IllegalArgumentException.class, () -> ns.query(random(2, 3, 1), 6));
    }
}
