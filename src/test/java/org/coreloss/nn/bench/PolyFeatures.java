package org.coreloss.nn.bench;

import java.util.ArrayList;
import java.util.List;

/** All monomials of degree 0..d of the inputs (9 inputs, d = 3: 220 features); benchmark input only. */
final class PolyFeatures {
    private PolyFeatures() {}

    static int size(int inputs, int degree) { return monomials(inputs, degree).size(); }

    static List<int[]> monomials(int inputs, int degree) {
        List<int[]> out = new ArrayList<>();
        build(inputs, degree, 0, new int[0], out);
        return out;
    }

    private static void build(int n, int left, int from, int[] cur, List<int[]> out) {
        out.add(cur);
        if (left == 0) return;
        for (int i = from; i < n; i++) {
            int[] next = java.util.Arrays.copyOf(cur, cur.length + 1);
            next[cur.length] = i;
            build(n, left - 1, i, next, out);
        }
    }

    static float[][] expand(float[][] x, int degree) {
        List<int[]> mons = monomials(x[0].length, degree);
        float[][] f = new float[x.length][mons.size()];
        for (int r = 0; r < x.length; r++) {
            for (int k = 0; k < mons.size(); k++) {
                float v = 1f;
                for (int i : mons.get(k)) v *= x[r][i];
                f[r][k] = v;
            }
        }
        return f;
    }
}
