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
    }

    /** Eigenvalues of final block b (computing them with vectors if needed). */
    double[] finalValues(int b) {
        ensureFinal(b);
        return finalValues[b];
    }

    /** Eigenvectors of final block b: real column-major n x n, or complex interleaved for DENSE_COMPLEX. */
    double[] finalVectors(int b) {
        ensureFinal(b);
        return finalVectors[b];
    }

    private void ensureFinal(int b) {
        synchronized (locks[b]) {
            if (finalValues[b] != null) return;
            SparseTerms t = model.finalTerms[b];
            if (solver == Solver.DENSE_COMPLEX) {
                double[] h = t.assembleComplex(coefFinal);
                finalValues[b] = Lapack.zheevd(h, t.n, true);
                finalVectors[b] = h;
            } else {
                double[] h = t.assemble(coefFinal);
                finalValues[b] = Lapack.symmetricEigen(h, t.n);
                finalVectors[b] = h;
            }
        }
    }
}
