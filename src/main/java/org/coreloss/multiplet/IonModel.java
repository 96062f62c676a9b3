package org.coreloss.multiplet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.coreloss.multiplet.DeterminantSpace.IS_D;
import static org.coreloss.multiplet.DeterminantSpace.L;
import static org.coreloss.multiplet.DeterminantSpace.M;
import static org.coreloss.multiplet.DeterminantSpace.ORBITALS;
import static org.coreloss.multiplet.DeterminantSpace.TWO_S;
import static org.coreloss.multiplet.DeterminantSpace.sign;

/**
 * Everything about one 3d^n ion that does not depend on the parameters, computed once: the initial
 * (2p6 3d^n) and final (2p5 3d^(n+1)) determinant spaces split into symmetry blocks, the sparse
 * matrices of every {@link Term} in each block (both spaces), and the dipole operators T_q
 * (q = -1, 0, +1) from initial to final blocks.
 *
 * <p>All matrix elements are real in this basis (complex spherical harmonics, Condon-Shortley
 * phases; only a Bx/By field would make H complex), so the blocks are real symmetric.
 */
final class IonModel {
    /** Two-body Coulomb: for each pair (k, l) the (i, j, values per Coulomb term) with V_ijkl != 0. */
    private static final int[][][] PAIR_IJ = new int[ORBITALS * ORBITALS][][];
    private static final double[][][] PAIR_V = new double[ORBITALS * ORBITALS][][];
    /** One-body tables h[term][i][j] for SO3D, SO2P, DQ, DS, DT, ZEEMAN (other entries null). */
    private static final double[][][] ONE_BODY = new double[Term.COUNT][][];

    static {
        buildCoulomb();
        buildOneBody();
    }

    final int electrons3d;
    final boolean blocked;
    final DeterminantSpace initial;
    final DeterminantSpace fin;
    final SparseTerms[] initialTerms;
    final SparseTerms[] finalTerms;
    /** dipole[initial block][q + 1] */
    final Dipole[][] dipole;
    /**
     * Time-reversal partner of each final block (key -k mod 8) and the signed permutation that maps
     * it: for a determinant with local index i in block b, Theta|i> = partnerSign[b][i] |partnerLocal[b][i]>
     * in block partnerBlock[b]. Without a magnetic field H commutes with Theta, so a block and its
     * partner have the same eigenvalues and eigenvectors related by this permutation.
     */
    final int[] partnerBlock;
    final int[][] partnerLocal;
    final int[][] partnerSign;
    /** Whether the time-reversal mapping was verified on every field-free term (it always should be). */
    final boolean timeReversalVerified;

    IonModel(int electrons3d, boolean blocked) {
        this.electrons3d = electrons3d;
        this.blocked = blocked;
        int n = electrons3d;
        initial = new DeterminantSpace(6, n, blocked);
        fin = new DeterminantSpace(5, n + 1, blocked);
        initialTerms = buildTerms(initial);
        finalTerms = buildTerms(fin);
        dipole = new Dipole[initial.blocks()][3];
        for (int b = 0; b < initial.blocks(); b++) {
            for (int q = -1; q <= 1; q++) dipole[b][q + 1] = buildDipole(b, q);
        }
        int nb = fin.blocks();
        partnerBlock = new int[nb];
        partnerLocal = new int[nb][];
        partnerSign = new int[nb][];
        for (int b = 0; b < nb; b++) {
            int[] dets = fin.blockDets[b];
            partnerLocal[b] = new int[dets.length];
            partnerSign[b] = new int[dets.length];
            partnerBlock[b] = blocked ? fin.blockWithKey(Math.floorMod(-fin.blockKeys[b], 8)) : b;
            for (int i = 0; i < dets.length; i++) {
                long tr = timeReverse(dets[i]);
                int td = (int) (tr & 0xFFFF);
                if (fin.blockOf[td] != partnerBlock[b]) throw new IllegalStateException("time reversal block bookkeeping");
                partnerLocal[b][i] = fin.localOf[td];
                partnerSign[b][i] = (tr >> 32) != 0 ? -1 : 1;
            }
        }
        timeReversalVerified = verifyTimeReversal();
    }

    /**
     * Time reversal of a determinant: Theta c+_{l m s} Theta^-1 = (-1)^m (+1 for s up, -1 for s down)
     * c+_{l -m -s} (Condon-Shortley phases), applied to the ordered product of creators and sorted back
     * to ascending orbital order. Returns the new mask in the low 16 bits and a sign flag in bit 32.
     */
    static long timeReverse(int mask) {
        int[] orb = new int[ORBITALS];
        int n = 0;
        int sign = 1;
        for (int o = 0; o < ORBITALS; o++) {
            if ((mask >> o & 1) == 0) continue;
            int to = partnerOrbital(o);
            if ((M[o] & 1) != 0) sign = -sign;
            if (TWO_S[o] < 0) sign = -sign;
            orb[n++] = to;
        }
        // bubble sort, counting transpositions
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n - 1 - i; j++) {
                if (orb[j] > orb[j + 1]) {
                    int t = orb[j];
                    orb[j] = orb[j + 1];
                    orb[j + 1] = t;
                    sign = -sign;
                }
            }
        }
        int out = 0;
        for (int i = 0; i < n; i++) out |= 1 << orb[i];
        return (out & 0xFFFFL) | (sign < 0 ? 1L << 32 : 0L);
    }

    /** Orbital with -m and opposite spin. */
    static int partnerOrbital(int o) {
        int base = IS_D[o] ? 6 : 0;
        int l = L[o];
        int m = -M[o];
        int spinBit = TWO_S[o] > 0 ? 0 : 1;
        return base + 2 * (m + l) + spinBit;
    }

    /** Checks Theta H_b Theta^-1 = H_partner entry by entry for every term but the Zeeman term. */
    private boolean verifyTimeReversal() {
        int tc = Term.COUNT;
        for (int b = 0; b < fin.blocks(); b++) {
            int c = partnerBlock[b];
            SparseTerms tb = finalTerms[b], tcb = finalTerms[c];
            Map<Long, Integer> pos = new HashMap<>();
            for (int e = 0; e < tcb.rows.length; e++) pos.put((long) tcb.rows[e] * tcb.n + tcb.cols[e], e);
            for (int e = 0; e < tb.rows.length; e++) {
                int r = tb.rows[e], col = tb.cols[e];
                Integer e2 = pos.get((long) partnerLocal[b][r] * tcb.n + partnerLocal[b][col]);
                double sg = partnerSign[b][r] * partnerSign[b][col];
                for (int t = 0; t < tc; t++) {
                    if (t == Term.ZEEMAN.ordinal()) continue;
                    double v = tb.vals[e * tc + t];
                    double w = e2 == null ? 0 : tcb.vals[e2 * tc + t];
                    if (Math.abs(v - sg * w) > 1e-10) return false;
                }
            }
        }
        return true;
    }

    /**
     * Sparse map of T_q = sum c^1(2 m, 1 m') d+_{m s} p_{m' s} (q = m - m') from initial block
     * {@code ib} to final block {@code finalBlock}: column j (initial local index) has entries
     * colPtr[j] .. colPtr[j+1]-1 with final local rows and values.
     */
    record Dipole(int finalBlock, int[] colPtr, int[] rows, double[] vals) {}

    private Dipole buildDipole(int ib, int q) {
        int[] dets = initial.blockDets[ib];
        int targetKey = blocked ? Math.floorMod(initial.blockKeys[ib] + 2 * q, 8) : 0;
        int fb = fin.blockWithKey(targetKey);
        int[] colPtr = new int[dets.length + 1];
        List<int[]> rows = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        int nnz = 0;
        for (int j = 0; j < dets.length; j++) {
            int det = dets[j];
            for (int pOrb = 0; pOrb < 6; pOrb++) {
                if ((det >> pOrb & 1) == 0) continue;
                int s1 = sign(det, pOrb);
                int d1 = det & ~(1 << pOrb);
                for (int dOrb = 6; dOrb < ORBITALS; dOrb++) {
                    if (TWO_S[dOrb] != TWO_S[pOrb] || M[dOrb] - M[pOrb] != q) continue;
                    if ((d1 >> dOrb & 1) != 0) continue;
                    double c = Angular.gaunt(1, 2, M[dOrb], 1, M[pOrb]);
                    if (c == 0) continue;
                    int s2 = sign(d1, dOrb);
                    int d2 = d1 | (1 << dOrb);
                    if (fin.blockOf[d2] != fb) throw new IllegalStateException("dipole block bookkeeping");
                    rows.add(new int[]{fin.localOf[d2]});
                    vals.add(c * s1 * s2);
                    nnz++;
                }
            }
            colPtr[j + 1] = nnz;
        }
        int[] r = new int[nnz];
        double[] v = new double[nnz];
        for (int e = 0; e < nnz; e++) {
            r[e] = rows.get(e)[0];
            v[e] = vals.get(e);
        }
        return new Dipole(fb, colPtr, r, v);
    }

    private static SparseTerms[] buildTerms(DeterminantSpace space) {
        SparseTerms[] out = new SparseTerms[space.blocks()];
        int tc = Term.COUNT;
        for (int b = 0; b < space.blocks(); b++) {
            int[] dets = space.blockDets[b];
            int n = dets.length;
            List<int[]> rc = new ArrayList<>();
            List<double[]> vs = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                Map<Integer, double[]> col = new HashMap<>();
                int det = dets[c];
                // one-body terms
                for (int t = 0; t < tc; t++) {
                    double[][] h = ONE_BODY[t];
                    if (h == null) continue;
                    for (int j = 0; j < ORBITALS; j++) {
                        if ((det >> j & 1) == 0) continue;
                        int sj = sign(det, j);
                        int d1 = det & ~(1 << j);
                        for (int i = 0; i < ORBITALS; i++) {
                            double hij = h[i][j];
                            if (hij == 0 || (d1 >> i & 1) != 0) continue;
                            int si = sign(d1, i);
                            int d2 = d1 | (1 << i);
                            add(space, b, col, d2, t, hij * sj * si);
                        }
                    }
                }
                // two-body Coulomb: 1/2 sum V_ijkl c+_i c+_j c_l c_k
                for (int k = 0; k < ORBITALS; k++) {
                    if ((det >> k & 1) == 0) continue;
                    int sk = sign(det, k);
                    int d1 = det & ~(1 << k);
                    for (int l = 0; l < ORBITALS; l++) {
                        if (l == k || (d1 >> l & 1) == 0) continue;
                        int sl = sign(d1, l);
                        int d2 = d1 & ~(1 << l);
                        int[][] ij = PAIR_IJ[k * ORBITALS + l];
                        double[][] vv = PAIR_V[k * ORBITALS + l];
                        for (int e = 0; e < ij.length; e++) {
                            int j = ij[e][1], i = ij[e][0];
                            if ((d2 >> j & 1) != 0) continue;
                            int sj = sign(d2, j);
                            int d3 = d2 | (1 << j);
                            if ((d3 >> i & 1) != 0) continue;
                            int si = sign(d3, i);
                            int d4 = d3 | (1 << i);
                            double s = 0.5 * sk * sl * sj * si;
                            double[] v = vv[e];
                            for (int t = 0; t < v.length; t++) {
                                if (v[t] != 0) add(space, b, col, d4, t, s * v[t]);
                            }
                        }
                    }
                }
                for (var en : col.entrySet()) {
                    double[] v = en.getValue();
                    boolean any = false;
                    for (double x : v) if (Math.abs(x) > 1e-14) any = true;
                    if (!any) continue;
                    rc.add(new int[]{en.getKey(), c});
                    vs.add(v);
                }
            }
            int nnz = rc.size();
            int[] rows = new int[nnz], cols = new int[nnz];
            double[] vals = new double[nnz * tc];
            for (int e = 0; e < nnz; e++) {
                rows[e] = rc.get(e)[0];
                cols[e] = rc.get(e)[1];
                System.arraycopy(vs.get(e), 0, vals, e * tc, tc);
            }
            out[b] = new SparseTerms(n, rows, cols, vals);
        }
        return out;
    }

    private static void add(DeterminantSpace space, int b, Map<Integer, double[]> col, int det, int t, double v) {
        if (space.blockOf[det] != b) {
            throw new IllegalStateException("operator " + Term.values()[t] + " leaves its symmetry block");
        }
        col.computeIfAbsent(space.localOf[det], x -> new double[Term.COUNT])[t] += v;
    }

    private static void buildCoulomb() {
        for (int k = 0; k < ORBITALS; k++) {
            for (int l = 0; l < ORBITALS; l++) {
                List<int[]> ij = new ArrayList<>();
                List<double[]> vs = new ArrayList<>();
                for (int i = 0; i < ORBITALS; i++) {
                    for (int j = 0; j < ORBITALS; j++) {
                        if (TWO_S[i] != TWO_S[k] || TWO_S[j] != TWO_S[l]) continue;
                        if (M[i] + M[j] != M[k] + M[l]) continue;
                        double[] v = new double[Term.COUNT];
                        boolean any = false;
                        boolean di = IS_D[i], dj = IS_D[j], dk = IS_D[k], dl = IS_D[l];
                        int[] ks;
                        Term[] terms;
                        if (di && dj && dk && dl) {
                            ks = new int[]{0, 2, 4};
                            terms = new Term[]{Term.F0DD, Term.F2DD, Term.F4DD};
                        } else if (di == dk && dj == dl && di != dj) { // direct p-d
                            ks = new int[]{0, 2};
                            terms = new Term[]{Term.F0PD, Term.F2PD};
                        } else if (di == dl && dj == dk && di != dj) { // exchange p-d
                            ks = new int[]{1, 3};
                            terms = new Term[]{Term.G1PD, Term.G3PD};
                        } else {
                            continue; // p-p-p-p (closed shell / one hole: constant) and configuration-changing terms
                        }
                        for (int a = 0; a < ks.length; a++) {
                            double c = Angular.gaunt(ks[a], L[i], M[i], L[k], M[k]) * Angular.gaunt(ks[a], L[l], M[l], L[j], M[j]);
                            if (Math.abs(c) > 1e-15) {
                                v[terms[a].ordinal()] += c;
                                any = true;
                            }
                        }
                        if (any) {
                            ij.add(new int[]{i, j});
                            vs.add(v);
                        }
                    }
                }
                PAIR_IJ[k * ORBITALS + l] = ij.toArray(new int[0][]);
                PAIR_V[k * ORBITALS + l] = vs.toArray(new double[0][]);
            }
        }
    }

    private static void buildOneBody() {
        ONE_BODY[Term.SO3D.ordinal()] = spinOrbit(true);
        ONE_BODY[Term.SO2P.ordinal()] = spinOrbit(false);
        ONE_BODY[Term.DQ.ordinal()] = crystalField(new double[][]{{4, 0, 21}, {4, 4, 1.5 * Math.sqrt(70)}, {4, -4, 1.5 * Math.sqrt(70)}});
        ONE_BODY[Term.DS.ordinal()] = crystalField(new double[][]{{2, 0, -7}});
        ONE_BODY[Term.DT.ordinal()] = crystalField(new double[][]{{4, 0, -21}});
        double[][] z = new double[ORBITALS][ORBITALS];
        for (int o = 6; o < ORBITALS; o++) z[o][o] = M[o] + TWO_S[o]; // Lz + 2 Sz
        ONE_BODY[Term.ZEEMAN.ordinal()] = z;
    }

    /** l.s within the 3d (or 2p) shell, METHOD.md section 4. */
    private static double[][] spinOrbit(boolean d) {
        double[][] h = new double[ORBITALS][ORBITALS];
        for (int a = 0; a < ORBITALS; a++) {
            if (IS_D[a] != d) continue;
            for (int b = 0; b < ORBITALS; b++) {
                if (IS_D[b] != d) continue;
                int l = L[a];
                int ma = M[a], mb = M[b];
                if (a == b) {
                    h[a][b] = ma * TWO_S[a] / 2.0;
                } else if (TWO_S[a] == -1 && TWO_S[b] == 1 && ma == mb + 1) {
                    // <l m+1 dn| l.s |l m up> = 1/2 sqrt(l(l+1) - m(m+1))
                    h[a][b] = 0.5 * Math.sqrt(l * (l + 1) - mb * (mb + 1));
                } else if (TWO_S[a] == 1 && TWO_S[b] == -1 && ma == mb - 1) {
                    // <l m-1 up| l.s |l m dn> = 1/2 sqrt(l(l+1) - m(m-1))
                    h[a][b] = 0.5 * Math.sqrt(l * (l + 1) - mb * (mb - 1));
                }
            }
        }
        return h;
    }

    /** sum_kq A_kq C^k_q on the 3d shell (spin diagonal): &lt;2 m|H|2 m'&gt; = sum A_kq c^k(2m, 2m'), q = m - m'. */
    private static double[][] crystalField(double[][] akq) {
        double[][] h = new double[ORBITALS][ORBITALS];
        for (int a = 6; a < ORBITALS; a++) {
            for (int b = 6; b < ORBITALS; b++) {
                if (TWO_S[a] != TWO_S[b]) continue;
                double s = 0;
                for (double[] t : akq) {
                    int k = (int) t[0], q = (int) t[1];
                    if (M[a] - M[b] != q) continue;
                    s += t[2] * Angular.gaunt(k, 2, M[a], 2, M[b]);
                }
                h[a][b] = s;
            }
        }
        return h;
    }

    /** One-body 3d crystal-field matrix for the given parameters on m = -2..2 (tests). */
    static double[][] crystalFieldMatrix(CrystalField cf) {
        double[][] out = new double[5][5];
        double[][] dq = ONE_BODY[Term.DQ.ordinal()], ds = ONE_BODY[Term.DS.ordinal()], dt = ONE_BODY[Term.DT.ordinal()];
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                int oa = 6 + 2 * a, ob = 6 + 2 * b; // spin down orbitals
                out[a][b] = cf.dqEv() * dq[oa][ob] + cf.dsEv() * ds[oa][ob] + cf.dtEv() * dt[oa][ob];
            }
        }
        return out;
    }
}
