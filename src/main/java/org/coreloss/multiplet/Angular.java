package org.coreloss.multiplet;

/**
 * Angular-momentum algebra: Wigner 3j symbols (Racah's formula, integer arguments) and the Gaunt
 * coefficients c^k(l m, l' m') = (-1)^m sqrt((2l+1)(2l'+1)) (l k l'; 0 0 0) (l k l'; -m m-m' m')
 * of METHOD.md section 3 (Condon-Shortley phases).
 */
final class Angular {
    private static final double[] FACT = new double[40];

    static {
        FACT[0] = 1;
        for (int i = 1; i < FACT.length; i++) FACT[i] = FACT[i - 1] * i;
    }

    private Angular() {}

    static double factorial(int n) {
        if (n < 0) throw new IllegalArgumentException("factorial of " + n);
        return FACT[n];
    }

    /** Wigner 3j symbol (j1 j2 j3; m1 m2 m3) for integer arguments. */
    static double threeJ(int j1, int j2, int j3, int m1, int m2, int m3) {
        if (m1 + m2 + m3 != 0) return 0;
        if (j3 < Math.abs(j1 - j2) || j3 > j1 + j2) return 0;
        if (Math.abs(m1) > j1 || Math.abs(m2) > j2 || Math.abs(m3) > j3) return 0;
        double delta = factorial(j1 + j2 - j3) * factorial(j1 - j2 + j3) * factorial(-j1 + j2 + j3)
                / factorial(j1 + j2 + j3 + 1);
        double pre = Math.sqrt(delta * factorial(j1 + m1) * factorial(j1 - m1) * factorial(j2 + m2)
                * factorial(j2 - m2) * factorial(j3 + m3) * factorial(j3 - m3));
        int kmin = Math.max(0, Math.max(j2 - j3 - m1, j1 - j3 + m2));
        int kmax = Math.min(j1 + j2 - j3, Math.min(j1 - m1, j2 + m2));
        double sum = 0;
        for (int k = kmin; k <= kmax; k++) {
            double den = factorial(k) * factorial(j3 - j2 + k + m1) * factorial(j3 - j1 + k - m2)
                    * factorial(j1 + j2 - j3 - k) * factorial(j1 - k - m1) * factorial(j2 - k + m2);
            sum += ((k & 1) == 0 ? 1 : -1) / den;
        }
        int phase = j1 - j2 - m3;
        return ((phase & 1) == 0 ? 1 : -1) * pre * sum;
    }

    /** Gaunt coefficient c^k(l m, l' m') = &lt;l m|C^k_{m-m'}|l' m'&gt;. */
    static double gaunt(int k, int l, int m, int lp, int mp) {
        double a = threeJ(l, k, lp, 0, 0, 0);
        if (a == 0) return 0;
        double b = threeJ(l, k, lp, -m, m - mp, mp);
        if (b == 0) return 0;
        return ((m & 1) == 0 ? 1 : -1) * Math.sqrt((2 * l + 1) * (2 * lp + 1)) * a * b;
    }
}
