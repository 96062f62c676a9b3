package org.coreloss.preprocess;

import org.coreloss.provenance.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * Seed 003's feature-engineering step: all monomials {@code x_1^a_1 ... x_n^a_n} of the n inputs with
 * {@code a_k >= 0} and {@code a_1 + ... + a_n <= M}. Their number, the constant monomial included, is
 * the binomial coefficient {@code C(n + M, M)}: 220 for the 9 multiplet parameters at M = 3 (219
 * without the constant). The paper reports 252 features for M = 3; no count of monomials of 9 inputs
 * gives 252 (C(12,3) = 220, C(13,4) = 715), so we follow the stated rule, not the number. The output
 * keeps the constant column 1 when {@code includeConstant}; columns are ordered by total degree,
 * then lexicographically by exponent vector (x1 before x2 ...). Inputs should be box-normalised
 * first (seed 003 passes normalised parameters), e.g. with {@link FeatureScaler#minMax()}.
 */
public record PolynomialFeatures(int degree, boolean includeConstant) {
    public PolynomialFeatures {
        if (degree < 1 || degree > 10) throw new IllegalArgumentException("polynomial degree M = " + degree + ", expected 1 <= M <= 10");
    }

    public static PolynomialFeatures of(int degree) { return new PolynomialFeatures(degree, true); }

    /** C(n + M, M), minus one without the constant. */
    public static long featureCount(int inputs, int degree, boolean includeConstant) {
        long c = 1;
        for (int k = 1; k <= degree; k++) c = c * (inputs + k) / k;
        return includeConstant ? c : c - 1;
    }

    public long featureCount(int inputs) { return featureCount(inputs, degree, includeConstant); }

    /** Exponent vectors in output order. */
    public List<int[]> exponents(int inputs) {
        List<int[]> out = new ArrayList<>();
        for (int d = includeConstant ? 0 : 1; d <= degree; d++) gen(new int[inputs], 0, d, out);
        return out;
    }

    private static void gen(int[] cur, int k, int left, List<int[]> out) {
        if (k == cur.length - 1) { cur[k] = left; out.add(cur.clone()); cur[k] = 0; return; }
        for (int a = left; a >= 0; a--) { cur[k] = a; gen(cur, k + 1, left - a, out); }
        cur[k] = 0;
    }

    /** Names such as {@code "Dq^2*Ds"} ("1" for the constant). */
    public List<String> names(String... inputNames) {
        List<String> out = new ArrayList<>();
        for (int[] e : exponents(inputNames.length)) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < e.length; k++) {
                if (e[k] == 0) continue;
                if (sb.length() > 0) sb.append('*');
                sb.append(inputNames[k]);
                if (e[k] > 1) sb.append('^').append(e[k]);
            }
            out.add(sb.length() == 0 ? "1" : sb.toString());
        }
        return out;
    }

    /** Expands each row of {@code x} (N x n) into N x featureCount(n). */
    public double[][] expand(double[][] x) {
        if (x.length == 0) return new double[0][];
        int n = x[0].length;
        List<int[]> ex = exponents(n);
        double[][] out = new double[x.length][ex.size()];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != n) throw new IllegalArgumentException("polynomial features: row " + i + " has " + x[i].length + " inputs, expected " + n);
            for (int f = 0; f < ex.size(); f++) {
                int[] e = ex.get(f);
                double v = 1;
                for (int k = 0; k < n; k++) for (int p = 0; p < e[k]; p++) v *= x[i][k];
                out[i][f] = v;
            }
        }
        return out;
    }

    public Step step() { return Step.of("polynomial-features", "degreeM", degree, "includeConstant", includeConstant, "countFormula", "C(n+M, M)" + (includeConstant ? "" : " - 1")); }
}
