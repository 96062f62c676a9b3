package org.coreloss.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.coreloss.data.NearestSpectra;
import org.coreloss.spectrum.SpectrumMatrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Seed 001's misprediction analysis: the worst N test spectra per property by absolute error, the
 * spectra that rank among the worst N in several properties ("thirteen spectra ranked in the worst
 * ten of more than two properties"), and, for one of them, the nearest training spectra by Euclidean
 * distance ({@link NearestSpectra}, exact) with their accurate and predicted properties (table 1, figure 3).
 *
 * @param properties names of the properties
 * @param worstN     N
 * @param worst      worst[p] = test indices of the N largest |error| of property p, worst first
 * @param rankCount  for each test spectrum, in how many properties it is among the worst N
 */
public record MispredictionAnalysis(List<String> properties, int worstN, int[][] worst, int[] rankCount) {

    /** Ranks the test errors; {@code truth} and {@code predicted} are n x properties. */
    public static MispredictionAnalysis of(List<String> properties, double[][] truth, double[][] predicted, int worstN) {
        Arrays2.sameShape("misprediction analysis", truth, predicted);
        int n = truth.length, p = properties.size();
        if (worstN < 1 || worstN > n) throw new IllegalArgumentException("worstN = " + worstN + ", expected 1 .. " + n);
        int[][] worst = new int[p][];
        int[] count = new int[n];
        for (int j = 0; j < p; j++) {
            final int jj = j;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -Math.abs(predicted[i][jj] - truth[i][jj])).thenComparingInt(i -> i));
            worst[j] = new int[worstN];
            for (int k = 0; k < worstN; k++) { worst[j][k] = order[k]; count[order[k]]++; }
        }
        return new MispredictionAnalysis(List.copyOf(properties), worstN, worst, count);
    }

    /** Test indices among the worst N in at least {@code minProperties} properties, most often first. */
    public int[] repeatedlyWorst(int minProperties) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rankCount.length; i++) if (rankCount[i] >= minProperties) out.add(i);
        out.sort(Comparator.comparingInt((Integer i) -> -rankCount[i]).thenComparingInt(i -> i));
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The worst-N test indices of one property. */
    public int[] worst(String property) {
        int j = properties.indexOf(property);
        if (j < 0) throw new IllegalArgumentException("unknown property '" + property + "'; known: " + properties);
        return worst[j].clone();
    }

    /**
     * The nearest training spectra of one test spectrum and their properties, as seed 001's table 1.
     *
     * @param testIndex  row of the test spectrum
     * @param neighbours rows of the training spectra, nearest first
     * @param distances  Euclidean distances to them
     * @param table      rows (property, Accurate|Predicted), columns: the spectrum, then 1st, 2nd, ... closest
     */
    public record NeighbourTable(int testIndex, int[] neighbours, double[] distances, Table table) {
        @Override public String toString() { return table.print(); }
    }

    /** Builds table 1 for test spectrum {@code testIndex} with its {@code k} nearest training spectra. */
    public static NeighbourTable nearestTraining(List<String> properties, int testIndex, int k,
                                                 SpectrumMatrix testSpectra, double[][] testTruth, double[][] testPredicted,
                                                 SpectrumMatrix trainSpectra, double[][] trainTruth, double[][] trainPredicted) {
        return nearestTraining(properties, testIndex, k, testSpectra, testTruth, testPredicted, NearestSpectra.fit(trainSpectra), trainTruth, trainPredicted);
    }

    /** As above with a prebuilt nearest-spectrum index of the training spectra (for repeated queries). */
    public static NeighbourTable nearestTraining(List<String> properties, int testIndex, int k,
                                                 SpectrumMatrix testSpectra, double[][] testTruth, double[][] testPredicted,
                                                 NearestSpectra trainIndex, double[][] trainTruth, double[][] trainPredicted) {
        if (testIndex < 0 || testIndex >= testSpectra.rows()) throw new IllegalArgumentException("testIndex = " + testIndex + ", expected 0 .. " + (testSpectra.rows() - 1));
        NearestSpectra.Result r = trainIndex.query(testSpectra.select(new int[] {testIndex}), k);
        int[] nnIdx = r.indices()[0];
        double[] nnDist = r.distances()[0];
        StringColumn prop = StringColumn.create("property"), kind = StringColumn.create("value");
        DoubleColumn self = DoubleColumn.create("spectrum " + testIndex);
        DoubleColumn[] near = new DoubleColumn[k];
        for (int m = 0; m < k; m++) near[m] = DoubleColumn.create(ordinal(m + 1) + " closest (train " + nnIdx[m] + ")");
        for (int p = 0; p < properties.size(); p++) {
            for (int acc = 0; acc < 2; acc++) {
                prop.append(properties.get(p));
                kind.append(acc == 0 ? "Accurate" : "Predicted");
                self.append(acc == 0 ? testTruth[testIndex][p] : testPredicted[testIndex][p]);
                for (int m = 0; m < k; m++) near[m].append(acc == 0 ? trainTruth[nnIdx[m]][p] : trainPredicted[nnIdx[m]][p]);
            }
        }
        Table t = Table.create("nearest training spectra of test spectrum " + testIndex, prop, kind, self);
        for (DoubleColumn c : near) t.addColumns(c);
        return new NeighbourTable(testIndex, nnIdx, nnDist, t);
    }

    private static String ordinal(int i) {
        return i + (i % 100 >= 11 && i % 100 <= 13 ? "th" : switch (i % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; });
    }
}
