package org.coreloss.multiplet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A fixed-particle-number space of Slater determinants over the 16 spin-orbitals 2p (l=1) and 3d
 * (l=2), complex spherical harmonics, Quanty ordering (METHOD.md section 2): orbital o = 0..5 is 2p
 * with m = o/2 - 1, o = 6..15 is 3d with m = (o-6)/2 - 2; even o spin down, odd o spin up. A
 * determinant is a 16-bit occupation mask; c_j gives the sign (-1)^(occupied orbitals below j).
 *
 * <p>Determinants are grouped into symmetry blocks by 2Jz mod 8 (Jz = sum of m + s over electrons):
 * Coulomb and spin-orbit conserve Jz, the D4h field changes it by 0 or +-4, so H is block diagonal.
 * With {@code blocked = false} everything is one block (the dense reference path).
 */
final class DeterminantSpace {
    static final int ORBITALS = 16;
    static final int[] L = new int[ORBITALS];
    static final int[] M = new int[ORBITALS];
    static final int[] TWO_S = new int[ORBITALS];
    static final boolean[] IS_D = new boolean[ORBITALS];
    static final int P_MASK = 0x3F;
    static final int D_MASK = 0xFFC0;

    static {
        for (int o = 0; o < ORBITALS; o++) {
            IS_D[o] = o >= 6;
            L[o] = IS_D[o] ? 2 : 1;
            M[o] = IS_D[o] ? (o - 6) / 2 - 2 : o / 2 - 1;
            TWO_S[o] = (o % 2 == 0) ? -1 : 1;
        }
    }

    final int pElectrons;
    final int dElectrons;
    final boolean blocked;
    /** Determinant masks per block. */
    final int[][] blockDets;
    /** 2Jz mod 8 of each block (0 for the single unblocked block). */
    final int[] blockKeys;
    /** For each mask: block index, or -1 if not in the space. */
    final int[] blockOf = new int[1 << ORBITALS];
    /** For each mask: index inside its block. */
    final int[] localOf = new int[1 << ORBITALS];

    DeterminantSpace(int pElectrons, int dElectrons, boolean blocked) {
        this.pElectrons = pElectrons;
        this.dElectrons = dElectrons;
        this.blocked = blocked;
        TreeMap<Integer, List<Integer>> byKey = new TreeMap<>();
        for (int mask = 0; mask < (1 << ORBITALS); mask++) {
            if (Integer.bitCount(mask & P_MASK) != pElectrons || Integer.bitCount(mask & D_MASK) != dElectrons) continue;
            int key = blocked ? keyOf(mask) : 0;
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(mask);
        }
        Arrays.fill(blockOf, -1);
        blockDets = new int[byKey.size()][];
        blockKeys = new int[byKey.size()];
        int b = 0;
        for (var e : byKey.entrySet()) {
            blockKeys[b] = e.getKey();
            int[] d = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            blockDets[b] = d;
            for (int i = 0; i < d.length; i++) {
                blockOf[d[i]] = b;
                localOf[d[i]] = i;
            }
            b++;
        }
    }

    /** 2 Jz of a determinant. */
    static int twoJz(int mask) {
        int s = 0;
        for (int o = 0; o < ORBITALS; o++) if ((mask >> o & 1) != 0) s += 2 * M[o] + TWO_S[o];
        return s;
    }

    static int keyOf(int mask) {
        return Math.floorMod(twoJz(mask), 8);
    }

    int blocks() {
        return blockDets.length;
    }

    int dimension() {
        int n = 0;
        for (int[] d : blockDets) n += d.length;
        return n;
    }

    /** Block whose key is {@code key}, or -1. */
    int blockWithKey(int key) {
        for (int b = 0; b < blockKeys.length; b++) if (blockKeys[b] == key) return b;
        return -1;
    }

    /** Fermion sign (+1/-1) of the number of occupied orbitals below orbital j. */
    static int sign(int mask, int j) {
        return (Integer.bitCount(mask & ((1 << j) - 1)) & 1) == 0 ? 1 : -1;
    }
}
