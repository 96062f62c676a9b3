package org.coreloss.data.io;

import java.util.Arrays;

/**
 * A NumPy array read from or written to {@code .npy}: shape, and values in C (row-major) order as
 * float32 ({@link #floats()}) or float64 ({@link #doubles()}); exactly one of the two is non-null.
 * Integer arrays are read as float64.
 */
public record NpyArray(int[] shape, float[] floats, double[] doubles) {
    public NpyArray {
        shape = shape.clone();
        long n = 1;
        for (int s : shape) {
            if (s < 0) throw new IllegalArgumentException("npy shape " + Arrays.toString(shape) + ": negative dimension");
            n *= s;
        }
        if ((floats == null) == (doubles == null)) throw new IllegalArgumentException("npy array: exactly one of floats/doubles must be given");
        int len = floats != null ? floats.length : doubles.length;
        if (len != n) throw new IllegalArgumentException("npy array: " + len + " values for shape " + Arrays.toString(shape));
    }

    public static NpyArray ofFloats(float[] data, int... shape) { return new NpyArray(shape, data, null); }
    public static NpyArray ofDoubles(double[] data, int... shape) { return new NpyArray(shape, null, data); }

    public boolean isFloat32() { return floats != null; }
    public int rank() { return shape.length; }
    public long size() { return floats != null ? floats.length : doubles.length; }

    /** Values as float32 (converted from float64 if needed). */
    public float[] asFloats() {
        if (floats != null) return floats;
        float[] f = new float[doubles.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) doubles[i];
        return f;
    }

    /** Values as float64 (converted from float32 if needed). */
    public double[] asDoubles() {
        if (doubles != null) return doubles;
        double[] d = new double[floats.length];
        for (int i = 0; i < d.length; i++) d[i] = floats[i];
        return d;
    }

    @Override public String toString() { return "NpyArray[" + (isFloat32() ? "float32" : "float64") + ", shape " + Arrays.toString(shape) + "]"; }
}
