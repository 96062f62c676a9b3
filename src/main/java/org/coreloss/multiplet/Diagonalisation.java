package org.coreloss.multiplet;

/**
 * Eigen-solutions of H_i (all blocks, eagerly) and H_f (per block, lazily and once) for one ion and
 * one set of Hamiltonian parameters. Thread-safe: each final block is computed under its own lock.
 */
final class Diagonalisation {
    final IonModel model;
    final Solver solver;
    final double[] coefInitial;
    final double[] coefFinal;
    /** Initial eigenvalues / vectors per block (vectors column-major, real). */
    final double[][] initialValues;
    final double[][] initialVectors;
    private final Object[] locks;
    private final double[][] finalValues;
    private final double[][] finalVectors;
    private final Lapack.Factored[] factored;
    private final boolean[] complexVectors;

    Diagonalisation(IonModel model, Solver solver, double[] coefInitial, double[] coefFinal) {
        this.model = model;
        this.solver = solver;
        this.coefInitial = coefInitial;
        this.coefFinal = coefFinal;
        int bi = model.initial.blocks();
        initialValues = new double[bi][];
        initialVectors = new double[bi][];
        for (int b = 0; b < bi; b++) {
            double[] h = model.initialTerms[b].assemble(coefInitial);
            initialValues[b] = Lapack.symmetricEigen(h, model.initialTerms[b].n);
            initialVectors[b] = h;
        }
        int bf = model.fin.blocks();
        locks = new Object[bf];
        for (int b = 0; b < bf; b++) locks[b] = new Object();
        finalValues = new double[bf][];
        finalVectors = new double[bf][];
        factored = new Lapack.Factored[bf];
        complexVectors = new boolean[bf];
    }

    /**
     * |U_b^T V|^2 element-wise for V (n x m column-major, real): squared amplitudes of the vectors on
     * the eigenvectors of final block b.
     */
    double[] squaredAmplitudes(int b, double[] v, int m) {
        ensureFinal(b);
        int nf = model.finalTerms[b].n;
        double[] amp2 = new double[nf * m];
        if (factored[b] != null) {
            double[] a = factored[b].projectT(v, m);
            for (int i = 0; i < amp2.length; i++) amp2[i] = a[i] * a[i];
        } else if (complexVectors[b]) {
            double[] u = finalVectors[b];
            double[] ur = new double[nf * nf], ui = new double[nf * nf];
            for (int i = 0; i < nf * nf; i++) {
                ur[i] = u[2 * i];
                ui[i] = u[2 * i + 1];
            }
            double[] re = Lapack.atb(ur, nf, nf, v, m);
            double[] im = Lapack.atb(ui, nf, nf, v, m);
            for (int i = 0; i < amp2.length; i++) amp2[i] = re[i] * re[i] + im[i] * im[i];
        } else {
            double[] a = Lapack.atb(finalVectors[b], nf, nf, v, m);
            for (int i = 0; i < amp2.length; i++) amp2[i] = a[i] * a[i];
        }
        return amp2;
    }

    /** Eigenvalues of final block b (computing them with vectors if needed). */
    double[] finalValues(int b) {
        ensureFinal(b);
        return finalValues[b];
    }

    private void ensureFinal(int b) {
        synchronized (locks[b]) {
            if (finalValues[b] != null) return;
            SparseTerms t = model.finalTerms[b];
            if (solver == Solver.DENSE_COMPLEX) {
                double[] h = t.assembleComplex(coefFinal);
                finalValues[b] = Lapack.zheevd(h, t.n, true);
                finalVectors[b] = h;
                complexVectors[b] = true;
            } else if (Lapack.realLapackHealthy()) {
                Lapack.Factored f = Lapack.factoredEigen(t.assemble(coefFinal), t.n);
                finalValues[b] = f.values();
                factored[b] = f;
            } else {
                // native real kernels failed the self-test (see Lapack): the complex solver is correct there
                double[] h = t.assembleComplex(coefFinal);
                finalValues[b] = Lapack.zheevd(h, t.n, true);
                finalVectors[b] = h;
                complexVectors[b] = true;
            }
        }
    }
}
