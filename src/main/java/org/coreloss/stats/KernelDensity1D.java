package org.coreloss.stats;

/**
 * Gaussian kernel density estimate in one dimension:
 * {@code f(x) = 1/(n h) * sum_i phi((x - x_i) / h)} with phi the standard normal density.
 * Integrates to 1 over the real line.
 */
public final class KernelDensity1D {
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);
    private final double[] data;
    private final double bandwidth;

    private KernelDensity1D(double[] data, double bandwidth) {
        this.data = data;
        this.bandwidth = bandwidth;
    }

    /** Fits with a rule-of-thumb bandwidth. */
    public static KernelDensity1D fit(double[] data, Bandwidth rule) {
        return new KernelDensity1D(checked(data), rule.bandwidth1D(data));
    }

    /** Fits with an explicit bandwidth {@code h > 0} (units of the data). */
    public static KernelDensity1D fit(double[] data, double bandwidth) {
        if (!(bandwidth > 0) || !Double.isFinite(bandwidth)) throw new IllegalArgumentException("bandwidth = " + bandwidth + ", expected a finite value > 0");
        return new KernelDensity1D(checked(data), bandwidth);
    }

    private static double[] checked(double[] data) {
        if (data.length < 1) throw new IllegalArgumentException("data: expected at least 1 value, got 0");
        for (int i = 0; i < data.length; i++) if (!Double.isFinite(data[i])) throw new IllegalArgumentException("data: value " + i + " is not finite");
        return data.clone();
    }

    public double bandwidth() { return bandwidth; }

    public int size() { return data.length; }

    /** The density at {@code x}. */
    public double density(double x) {
        double s = 0;
        for (double v : data) {
            double u = (x - v) / bandwidth;
            s += Math.exp(-0.5 * u * u);
        }
        return s * INV_SQRT_2PI / (data.length * bandwidth);
    }

    /** The density at each of {@code xs}. */
    public double[] density(double[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) out[i] = density(xs[i]);
        return out;
    }
}
