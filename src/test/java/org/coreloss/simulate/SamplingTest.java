package org.coreloss.simulate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class SamplingTest {
    @Test
    void table1RangesAreThePapers() {
        assertEquals(22, Table1Ranges.ions().size());
        ParameterSpace s = Table1Ranges.forIon("Ni2+");
        double[][] expected = {{0.0, 0.2}, {-1.4, 1.4}, {-0.8, 0.8}, {0.6, 1.0}, {0.6, 1.0}, {1, 1000}, {0.05, 0.20}, {0.3, 1.0}, {0.3, 1.2}};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], s.parameters().get(i).min(), 0.0, ParameterSpace.NAMES.get(i));
            assertEquals(expected[i][1], s.parameters().get(i).max(), 0.0, ParameterSpace.NAMES.get(i));
        }
        for (String ion : Table1Ranges.ions()) assertEquals(s.parameters(), Table1Ranges.forIon(ion).parameters(), ion);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Table1Ranges.forIon("Cu2+"));
        assertTrue(e.getMessage().contains("Ni2+"), e.getMessage());
    }

    @Test
    void presets() {
        ParameterSpace oh = Preset.OH.space("Fe3+");
        assertTrue(oh.parameter("ds_eV").isFixed());
        assertEquals(0.0, oh.parameter("dt_eV").max());
        assertEquals(0.2, oh.parameter("dq_eV").max());
        ParameterSpace c4v = Preset.C4V.space("Fe3+");
        assertEquals(-0.2, c4v.parameter("dq_eV").min());
        assertEquals(0.0, c4v.parameter("dq_eV").max());
        assertEquals(0.0, c4v.parameter("ds_eV").max());
        assertEquals(1000.0, c4v.parameter("temperature_K").max());
        assertEquals(Preset.C4V, Preset.parse("C4v"));
        assertThrows(IllegalArgumentException.class, () -> Preset.parse("td"));
    }

    @Test
    void uniformIsSeededAndInRange() {
        DatabaseSpec spec = new DatabaseSpec("Ni2+", 2000, Preset.D4H, Sampler.UNIFORM, 7, 1000);
        List<double[]> a = ShardFunction.parameterValues(spec, 1), b = ShardFunction.parameterValues(spec, 1);
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i));
        List<double[]> other = ShardFunction.parameterValues(spec, 0);
        assertNotEquals(a.get(0)[0], other.get(0)[0]);
        ParameterSpace space = spec.space();
        double meanT = 0;
        for (double[] v : a) {
            assertTrue(space.contains(v));
            meanT += v[5] / a.size();
        }
        // mean of U(1, 1000) is 500.5, standard error 288/sqrt(1000) = 9.1
        assertEquals(500.5, meanT, 40);
        // a shorter last shard is a prefix of the full-length stream for the uniform sampler
        DatabaseSpec shorter = new DatabaseSpec("Ni2+", 1500, Preset.D4H, Sampler.UNIFORM, 7, 1000);
        assertArrayEquals(a.get(499), ShardFunction.parameterValues(shorter, 1).get(499));
        // presets share the draws: Oh = D4h with Ds = Dt = 0
        DatabaseSpec oh = new DatabaseSpec("Ni2+", 2000, Preset.OH, Sampler.UNIFORM, 7, 1000);
        double[] p = ShardFunction.parameterValues(oh, 1).get(3);
        assertEquals(a.get(3)[0], p[0]);
        assertEquals(0.0, p[1]);
        assertEquals(0.0, p[2]);
    }

    @Test
    void latinHypercubeHasOnePointPerStratum() {
        int n = 37, d = 9;
        double[][] u = Sampler.LHS.unitPoints(n, d, new SplittableRandom(3));
        for (int j = 0; j < d; j++) {
            boolean[] seen = new boolean[n];
            for (double[] row : u) {
                assertTrue(row[j] >= 0 && row[j] < 1);
                int stratum = (int) Math.floor(row[j] * n);
                assertFalse(seen[stratum], "dimension " + j + " stratum " + stratum + " twice");
                seen[stratum] = true;
            }
        }
        double[][] again = Sampler.LHS.unitPoints(n, d, new SplittableRandom(3));
        for (int i = 0; i < n; i++) assertArrayEquals(u[i], again[i]);
    }

    @Test
    void shardSeedsDependOnSeedIonAndShard() {
        long a = DatabaseSpec.shardSeed(1, "Ni2+", 0);
        assertEquals(a, DatabaseSpec.shardSeed(1, "Ni2+", 0));
        assertNotEquals(a, DatabaseSpec.shardSeed(2, "Ni2+", 0));
        assertNotEquals(a, DatabaseSpec.shardSeed(1, "Fe3+", 0));
        assertNotEquals(a, DatabaseSpec.shardSeed(1, "Ni2+", 1));
    }

    @Test
    void specValidation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DatabaseSpec("Ni2+", 0, Preset.D4H, Sampler.UNIFORM, 1, 10));
        assertTrue(e.getMessage().contains("count"));
        e = assertThrows(IllegalArgumentException.class, () -> new DatabaseSpec("Ni2+", 10, Preset.D4H, Sampler.UNIFORM, 1, 0));
        assertTrue(e.getMessage().contains("shardSize"));
        DatabaseSpec s = new DatabaseSpec("Ni2+", 25, Preset.D4H, Sampler.LHS, 1, 10);
        assertEquals(3, s.shards());
        assertEquals(5, s.rowsInShard(2));
        assertEquals(20, s.firstRow(2));
    }
}
