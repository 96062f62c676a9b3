package org.coreloss.stats;

/**
 * Gaussian-process regression (Rasmussen and Williams 2006, algorithm 2.1) with a squared-exponential
 * (RBF) kernel plus white noise:
 * {@code k(x, x') = s^2 exp(-|x - x'|^2 / (2 l^2)) + sigma_n^2 delta(x, x')}.
 * Targets are standardised (mean 0, standard deviation 1) before fitting; s is in standardised
 * units, l in the units of the inputs. Hyperparameters (l, s, sigma_n) maximise the log marginal
 * likelihood {@code -1/2 y^T K^-1 y - 1/2 log|K| - n/2 log 2 pi}: a log-spaced grid search (5 x 3 x 4)
 * followed by a pattern search in log space down to steps of 0.01 (robust, no gradients needed).
 *
 * <p>Seed 003 (figure 9) fits SE against the crystal-field parameter Dq in the extrapolation range.
 * Cost is O(n^3): subsample large data sets before fitting (see {@code ExtrapolationAnalysis}).
 */
public final class GaussianProcess {
    /**
     * Hyperparameters.
     *
     * @param lengthScale  l, in input units (> 0)
     * @param signalStd    s, in standardised target units (> 0)
     * @param noiseStd     sigma_n, in standardised target units (> 0)
     */
    public record Hyperparameters(double lengthScale, double signalStd, double noiseStd) {
        public Hyperparameters {
            if (!(lengthScale > 0)) throw new IllegalArgumentException("lengthScale = " + lengthScale + ", expected > 0");
            if (!(signalStd > 0)) throw new IllegalArgumentException("signalStd = " + signalStd + ", expected > 0");
            if (!(noiseStd > 0)) throw new IllegalArgumentException("noiseStd = " + noiseStd + ", expected > 0");
        }
    }

    /** A prediction: mean, latent standard deviation and standard deviation including noise, in target units. */
    public record Prediction(double[] mean, double[] std, double[] stdWithNoise) {
        /** Lower edge of the central 95 % band of the latent function (mean - 1.96 std). */
        public double[] lower95() { return shift(-1.959963984540054); }
        /** Upper edge of the central 95 % band (mean + 1.96 std). */
        public double[] upper95() { return shift(1.959963984540054); }
        private double[] shift(double z) {
            double[] o = new double[mean.length];
            for (int i = 0; i < o.length; i++) o[i] = mean[i] + z * std[i];
            return o;
        }
    }

    private final double[][] x;
    private final double yMean, yStd;
    private final Hyperparameters hp;
    private final double[][] chol;
    private final double[] alpha;
    private final double logMarginalLikelihood;

    private GaussianProcess(double[][] x, double yMean, double yStd, Hyperparameters hp, double[][] chol, double[] alpha, double lml) {
        this.x = x; this.yMean = yMean; this.yStd = yStd; this.hp = hp; this.chol = chol; this.alpha = alpha; this.logMarginalLikelihood = lml;
    }

    /** Fits 1D inputs with hyperparameters by maximum marginal likelihood. */
    public static GaussianProcess fit(double[] x, double[] y) {
        double[][] xx = new double[x.length][];
        for (int i = 0; i < x.length; i++) xx[i] = new double[] {x[i]};
        return fit(xx, y);
    }

    /** Fits n x d inputs with hyperparameters by maximum marginal likelihood. */
    public static GaussianProcess fit(double[][] x, double[] y) {
        checkData(x, y);
        double[] ys = standardise(y);
        double range = inputRange(x);
        double[] best = null;
        double bestL = Double.NEGATIVE_INFINITY;
        for (double lf : new double[] {0.03, 0.1, 0.3, 1, 3}) {
            for (double s : new double[] {0.5, 1, 2}) {
                for (double nz : new double[] {0.02, 0.1, 0.3, 0.7}) {
                    double[] th = {Math.log(lf * range), Math.log(s), Math.log(nz)};
                    double l = lml(x, ys, th);
                    if (l > bestL) { bestL = l; best = th; }
                }
            }
        }
        // pattern search in log space
        double step = 0.5;
        while (step > 1e-2) {
            boolean improved = false;
            for (int p = 0; p < 3; p++) {
                for (int sgn = -1; sgn <= 1; sgn += 2) {
                    double[] th = best.clone();
                    th[p] += sgn * step;
                    if (th[2] < Math.log(1e-4)) continue; // keep a noise floor for conditioning
                    double l = lml(x, ys, th);
                    if (l > bestL + 1e-12) { bestL = l; best = th; improved = true; }
                }
            }
            if (!improved) step /= 2;
        }
        return fit(x, y, new Hyperparameters(Math.exp(best[0]), Math.exp(best[1]), Math.exp(best[2])));
    }

    /** Fits with fixed hyperparameters. */
    public static GaussianProcess fit(double[][] x, double[] y, Hyperparameters hp) {
        checkData(x, y);
        double mean = Moments.mean(y);
        double sd = Math.sqrt(Moments.variance(y));
        if (!(sd > 0)) sd = 1;
        double[] ys = new double[y.length];
        for (int i = 0; i < y.length; i++) ys[i] = (y[i] - mean) / sd;
        double[][] xc = new double[x.length][];
        for (int i = 0; i < x.length; i++) xc[i] = x[i].clone();
        double[][] k = kernelMatrix(xc, hp.lengthScale(), hp.signalStd(), hp.noiseStd());
        double[][] l = cholesky(k);
        if (l == null) throw new IllegalArgumentException("kernel matrix not positive definite for " + hp);
        double[] a = backSolve(l, forwardSolve(l, ys));
        return new GaussianProcess(xc, mean, sd, hp, l, a, lmlFrom(l, ys, a));
    }

    public Hyperparameters hyperparameters() { return hp; }

    /** Log marginal likelihood of the standardised targets at the fitted hyperparameters. */
    public double logMarginalLikelihood() { return logMarginalLikelihood; }

    /** Predicts at 1D inputs. */
    public Prediction predict(double[] xs) {
        double[][] q = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) q[i] = new double[] {xs[i]};
        return predict(q);
    }

    /** Predicts at m x d inputs: mean, latent std and std with noise, in target units. */
    public Prediction predict(double[][] xs) {
        int n = x.length;
        double[] mean = new double[xs.length], std = new double[xs.length], stdN = new double[xs.length];
        double s2 = hp.signalStd() * hp.signalStd(), n2 = hp.noiseStd() * hp.noiseStd();
        for (int m = 0; m < xs.length; m++) {
            double[] ks = new double[n];
            double mu = 0;
            for (int i = 0; i < n; i++) {
                ks[i] = s2 * Math.exp(-0.5 * KMeans.dist2(xs[m], x[i]) / (hp.lengthScale() * hp.lengthScale()));
                mu += ks[i] * alpha[i];
            }
            double[] v = forwardSolve(chol, ks);
            double var = s2;
            for (double vi : v) var -= vi * vi;
            var = Math.max(var, 0);
            mean[m] = yMean + yStd * mu;
            std[m] = yStd * Math.sqrt(var);
            stdN[m] = yStd * Math.sqrt(var + n2);
        }
        return new Prediction(mean, std, stdN);
    }

    private static void checkData(double[][] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x has " + x.length + " rows but y has " + y.length + " values");
        if (x.length < 2) throw new IllegalArgumentException("Gaussian process: expected at least 2 points, got " + x.length);
        int d = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) throw new IllegalArgumentException("x: row " + i + " has " + x[i].length + " values, expected " + d);
            for (double v : x[i]) if (!Double.isFinite(v)) throw new IllegalArgumentException("x: row " + i + " is not finite");
            if (!Double.isFinite(y[i])) throw new IllegalArgumentException("y: value " + i + " is not finite");
        }
    }

    private static double[] standardise(double[] y) {
        double m = Moments.mean(y), sd = Math.sqrt(Moments.variance(y));
        if (!(sd > 0)) sd = 1;
        double[] o = new double[y.length];
        for (int i = 0; i < y.length; i++) o[i] = (y[i] - m) / sd;
        return o;
    }

    private static double inputRange(double[][] x) {
        double r = 0;
        for (int j = 0; j < x[0].length; j++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double[] row : x) { lo = Math.min(lo, row[j]); hi = Math.max(hi, row[j]); }
            r = Math.max(r, hi - lo);
        }
        return r > 0 ? r : 1;
    }

    private static double lml(double[][] x, double[] y, double[] th) {
        double[][] k = kernelMatrix(x, Math.exp(th[0]), Math.exp(th[1]), Math.exp(th[2]));
        double[][] l = cholesky(k);
        if (l == null) return Double.NEGATIVE_INFINITY;
        double[] a = backSolve(l, forwardSolve(l, y));
        return lmlFrom(l, y, a);
    }

    private static double lmlFrom(double[][] l, double[] y, double[] a) {
        double fit = 0, logdet = 0;
        for (int i = 0; i < y.length; i++) { fit += y[i] * a[i]; logdet += Math.log(l[i][i]); }
        return -0.5 * fit - logdet - 0.5 * y.length * Math.log(2 * Math.PI);
    }

    private static double[][] kernelMatrix(double[][] x, double len, double s, double noise) {
        int n = x.length;
        double[][] k = new double[n][n];
        double s2 = s * s, inv = 1.0 / (len * len);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = s2 * Math.exp(-0.5 * KMeans.dist2(x[i], x[j]) * inv);
                k[i][j] = v; k[j][i] = v;
            }
            k[i][i] += noise * noise + 1e-10;
        }
        return k;
    }

    /** Lower Cholesky factor, or null when not positive definite. */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                double[] li = l[i], lj = l[j];
                for (int k = 0; k < j; k++) s -= li[k] * lj[k];
                if (i == j) {
                    if (!(s > 0)) return null;
                    li[i] = Math.sqrt(s);
                } else {
                    li[j] = s / lj[j];
                }
            }
        }
        return l;
    }

    static double[] forwardSolve(double[][] l, double[] b) {
        int n = b.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i][k] * z[k];
            z[i] = s / l[i][i];
        }
        return z;
    }

    static double[] backSolve(double[][] l, double[] z) {
        int n = z.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < n; k++) s -= l[k][i] * x[k];
            x[i] = s / l[i][i];
        }
        return x;
    }
}
