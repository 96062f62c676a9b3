package org.coreloss.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class SplitsTest {
    static void assertPartition(int n, int[]... parts) {
        int[] all = Arrays.stream(parts).flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(IntStream.range(0, n).toArray(), all, "disjoint and complete");
    }

    @Test
    void sameSeedSameSplitAndSeed001Sizes() {
        Splits.Split a = Splits.trainValidationTest(1000, 42), b = Splits.trainValidationTest(1000, 42), c = Splits.trainValidationTest(1000, 43);
        assertArrayEquals(a.test(), b.test());
        assertArrayEquals(a.validation(), b.validation());
        assertArrayEquals(a.train(), b.train());
        assertFalse(Arrays.equals(a.test(), c.test()));
        assertEquals(100, a.test().length);
        assertEquals(100, a.validation().length);
        assertEquals(800, a.train().length);
        assertPartition(1000, a.train(), a.validation(), a.test());
        // pinned numbers: the permutation must not change between versions
        assertArrayEquals(new int[]{1, 5, 0, 4, 2, 8, 7, 3, 9, 6}, Splits.permutation(10, 7));
    }

    @Test
    void kFoldCoversEveryRowOnce() {
        List<Splits.Fold> f = Splits.kFold(103, 5, 1);
        assertEquals(5, f.size());
        assertPartition(103, f.stream().map(Splits.Fold::test).toArray(int[][]::new));
        for (Splits.Fold x : f) {
            assertEquals(103, x.train().length + x.test().length);
            assertTrue(x.test().length == 20 || x.test().length == 21);
        }
        assertArrayEquals(f.get(2).test(), Splits.kFold(103, 5, 1).get(2).test());
    }

    @Test
    void stratifiedKeepsProportions() {
        String[] cls = new String[100];
        for (int i = 0; i < 100; i++) cls[i] = i < 80 ? "a" : "b";
        for (Splits.Fold f : Splits.stratifiedKFold(cls, 5, 3)) {
            long b = Arrays.stream(f.test()).filter(i -> cls[i].equals("b")).count();
            assertEquals(4, b);
            assertEquals(20, f.test().length);
        }
    }

    @Test
    void groupedNeverSplitsAGroup() {
        String[] g = new String[147];
        for (int i = 0; i < g.length; i++) g[i] = "structure" + (i / 49) + "-" + (i % 7); // 21 groups of 7
        List<Splits.Fold> folds = Splits.groupKFold(g, 5, 11);
        assertPartition(147, folds.stream().map(Splits.Fold::test).toArray(int[][]::new));
        Map<String, Integer> foldOf = new HashMap<>();
        for (int f = 0; f < folds.size(); f++) for (int i : folds.get(f).test()) {
            Integer prev = foldOf.put(g[i], f);
            assertTrue(prev == null || prev == f, "group " + g[i] + " in two folds");
        }
        Splits.Split s = Splits.groupedTrainValidationTest(g, 0.1, 5);
        assertPartition(147, s.train(), s.validation(), s.test());
        Set<String> tr = new HashSet<>(), te = new HashSet<>();
        for (int i : s.train()) tr.add(g[i]);
        for (int i : s.test()) te.add(g[i]);
        tr.retainAll(te);
        assertTrue(tr.isEmpty(), "no group in both train and test");
        assertTrue(s.test().length >= 15);
    }
}
