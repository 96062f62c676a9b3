package org.coreloss.eval;

import org.coreloss.spectrum.SpectrumMatrix;

/** Conversions between float and double row arrays and shape checks, used across {@code eval}. */
final class Arrays2 {
    private Arrays2() {}

    static double[][] toDouble(float[][] a) {
        double[][] o = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            o[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) o[i][j] = a[i][j];
        }
        return o;
    }

    static double[] column(double[][] a, int j) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = a[i][j];
        return c;
    }

    static void sameShape(String what, double[][] truth, double[][] pred) {
        if (truth.length != pred.length) throw new IllegalArgumentException(what + ": " + truth.length + " true rows but " + pred.length + " predicted rows");
        for (int i = 0; i < truth.length; i++) {
            if (truth[i].length != pred[i].length) throw new IllegalArgumentException(what + ": row " + i + " has " + truth[i].length + " true values but " + pred[i].length + " predicted");
        }
    }

    static void sameShape(SpectrumMatrix predicted, SpectrumMatrix reference) {
        if (predicted.rows() != reference.rows()) throw new IllegalArgumentException("predicted has " + predicted.rows() + " spectra but reference has " + reference.rows());
        if (predicted.channels() != reference.channels()) throw new IllegalArgumentException("predicted has " + predicted.channels() + " channels but reference has " + reference.channels());
    }
}
