package org.coreloss.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded, reproducible splits of {@code n} rows (indices into a dataset). The same seed and input
 * give the same split on every machine (shuffles use {@link SplittableRandom}).
 * <ul>
 *   <li>{@link #trainValidationTest}: seed 001's split: shuffle, test = {@code round(n * testFraction)}
 *       rows (10%), validation = the same number of rows, train = the rest.</li>
 *   <li>{@link #kFold}: shuffled k-fold.</li>
 *   <li>{@link #stratifiedKFold}: each class (label value) dealt round-robin over the folds after
 *       shuffling, so every fold has the class proportions of the whole.</li>
 *   <li>{@link #groupKFold} and {@link #groupedTrainValidationTest}: all rows of one group (e.g. the
 *       sites of one structure) land in the same fold / subset, so no structure leaks from training
 *       into testing.</li>
 * </ul>
 * Index arrays are sorted ascending.
 */
public final class Splits {
    private Splits() {}

    /** Train/validation/test row indices. */
    public record Split(int[] train, int[] validation, int[] test) {
        /** The three subsets of {@code d}. */
        public List<SpectraDataset> apply(SpectraDataset d) {
            return List.of(d.subset(train), d.subset(validation), d.subset(test));
        }
        @Override public String toString() { return "Split[train " + train.length + ", validation " + validation.length + ", test " + test.length + "]"; }
    }

    /** One fold: the rows to train on and the held-out rows. */
    public record Fold(int[] train, int[] test) {
        @Override public String toString() { return "Fold[train " + train.length + ", test " + test.length + "]"; }
    }

    /** A seeded permutation of 0..n-1 (Fisher-Yates). */
    public static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) { int j = r.nextInt(i + 1); int t = p[i]; p[i] = p[j]; p[j] = t; }
        return p;
    }

    /** Seed 001's split with 10% test and a validation set the size of the test set. */
    public static Split trainValidationTest(int n, long seed) { return trainValidationTest(n, 0.1, seed); }

    public static Split trainValidationTest(int n, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 0.5)) throw new IllegalArgumentException("testFraction = " + testFraction + ", expected 0 < testFraction < 0.5");
        if (n < 3) throw new IllegalArgumentException("split: n = " + n + ", expected at least 3 rows");
        int nt = Math.max(1, (int) Math.round(n * testFraction));
        int[] p = permutation(n, seed);
        return new Split(sorted(p, 2 * nt, n), sorted(p, nt, 2 * nt), sorted(p, 0, nt));
    }

    /** Shuffled k-fold: fold f holds the rows at shuffled positions f, f+k, f+2k, ... */
    public static List<Fold> kFold(int n, int k, long seed) {
        checkK(n, k);
        int[] p = permutation(n, seed);
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) fold[p[i]] = i % k;
        return folds(fold, k);
    }

    /** Stratified k-fold by a class label (any string; missing values form their own class). */
    public static List<Fold> stratifiedKFold(String[] classes, int k, long seed) {
        int n = classes.length;
        checkK(n, k);
        int[] p = permutation(n, seed);
        Map<String, List<Integer>> byClass = new LinkedHashMap<>();
        for (int i : p) byClass.computeIfAbsent(classes[i] == null ? "" : classes[i], c -> new ArrayList<>()).add(i);
        int[] fold = new int[n];
        int next = 0;
        for (List<Integer> rows : byClass.values()) {
            for (int r : rows) { fold[r] = next; next = (next + 1) % k; }
        }
        return folds(fold, k);
    }

    /** Stratified k-fold of a dataset by one of its columns. */
    public static List<Fold> stratifiedKFold(SpectraDataset d, String column, int k, long seed) {
        return stratifiedKFold(d.labelAsString(column), k, seed);
    }

    /**
     * Grouped k-fold: groups are shuffled, then each goes to the fold with the fewest rows so far
     * (ties: lowest index). All rows of a group share a fold.
     */
    public static List<Fold> groupKFold(String[] groups, int k, long seed) {
        int n = groups.length;
        checkK(n, k);
        Map<String, List<Integer>> byGroup = groupRows(groups);
        if (byGroup.size() < k) throw new IllegalArgumentException("group k-fold: " + byGroup.size() + " groups for k = " + k + " folds, expected at least k groups");
        List<String> names = new ArrayList<>(byGroup.keySet());
        int[] perm = permutation(names.size(), seed);
        int[] size = new int[k];
        int[] fold = new int[n];
        for (int gi : perm) {
            int f = 0;
            for (int j = 1; j < k; j++) if (size[j] < size[f]) f = j;
            for (int r : byGroup.get(names.get(gi))) fold[r] = f;
            size[f] += byGroup.get(names.get(gi)).size();
        }
        return folds(fold, k);
    }

    public static List<Fold> groupKFold(SpectraDataset d, String groupColumn, int k, long seed) {
        return groupKFold(d.labelAsString(groupColumn), k, seed);
    }

    /**
     * Grouped train/validation/test: shuffled groups fill the test set until it holds at least
     * {@code round(n * testFraction)} rows, then the validation set to the same row count, the rest
     * is training. Sizes are approximate (whole groups).
     */
    public static Split groupedTrainValidationTest(String[] groups, double testFraction, long seed) {
        int n = groups.length;
        if (!(testFraction > 0 && testFraction < 0.5)) throw new IllegalArgumentException("testFraction = " + testFraction + ", expected 0 < testFraction < 0.5");
        Map<String, List<Integer>> byGroup = groupRows(groups);
        if (byGroup.size() < 3) throw new IllegalArgumentException("grouped split: " + byGroup.size() + " groups, expected at least 3");
        List<String> names = new ArrayList<>(byGroup.keySet());
        int target = Math.max(1, (int) Math.round(n * testFraction));
        List<Integer> test = new ArrayList<>(), val = new ArrayList<>(), train = new ArrayList<>();
        for (int gi : permutation(names.size(), seed)) {
            List<Integer> rows = byGroup.get(names.get(gi));
            if (test.size() < target) test.addAll(rows);
            else if (val.size() < target) val.addAll(rows);
            else train.addAll(rows);
        }
        return new Split(toSorted(train), toSorted(val), toSorted(test));
    }

    private static Map<String, List<Integer>> groupRows(String[] groups) {
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        for (int i = 0; i < groups.length; i++) m.computeIfAbsent(groups[i] == null ? "" : groups[i], g -> new ArrayList<>()).add(i);
        return m;
    }

    private static void checkK(int n, int k) {
        if (k < 2) throw new IllegalArgumentException("k = " + k + ", expected k >= 2 folds");
        if (n < k) throw new IllegalArgumentException("k-fold: n = " + n + " rows for k = " + k + ", expected n >= k");
    }

    private static List<Fold> folds(int[] fold, int k) {
        List<Fold> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Integer> tr = new ArrayList<>(), te = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) (fold[i] == f ? te : tr).add(i);
            out.add(new Fold(toSorted(tr), toSorted(te)));
        }
        return out;
    }

    private static int[] sorted(int[] p, int from, int to) {
        int[] s = Arrays.copyOfRange(p, from, to);
        Arrays.sort(s);
        return s;
    }

    private static int[] toSorted(List<Integer> l) {
        int[] a = l.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
