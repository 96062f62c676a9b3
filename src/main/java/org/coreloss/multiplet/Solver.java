package org.coreloss.multiplet;

/** How the Hamiltonians are diagonalised. */
public enum Solver {
    /** Symmetry blocks 2Jz mod 8, real symmetric LAPACK dsyevd per block (fast default). */
    BLOCKED,
    /** One dense real symmetric matrix, dsyevd (for comparisons). */
    DENSE_REAL,
    /** One dense complex Hermitian matrix, zheevd, as the general codes do (benchmark baseline). */
    DENSE_COMPLEX
}
