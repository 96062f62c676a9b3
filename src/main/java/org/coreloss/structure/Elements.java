package org.coreloss.structure;

import java.util.HashMap;
import java.util.Map;

/**
 * Element symbols and single-bond covalent radii.
 *
 * <p>Radii in Angstrom from B. Cordero et al., "Covalent radii revisited", Dalton Trans. (2008)
 * 2832-2838, table 2 (for Mn, Fe, Co the high-spin values, as in oxides such as LiFeO2).
 */
public final class Elements {
    private Elements() {}

    private static final String[] SYMBOLS = ("H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn "
            + "Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd "
            + "Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm").split(" ");

    // Cordero 2008, Z = 1..96 (Mn, Fe, Co high spin; C sp3)
    private static final double[] RADII = {
            0.31, 0.28, 1.28, 0.96, 0.84, 0.76, 0.71, 0.66, 0.57, 0.58,
            1.66, 1.41, 1.21, 1.11, 1.07, 1.05, 1.02, 1.06, 2.03, 1.76,
            1.70, 1.60, 1.53, 1.39, 1.61, 1.52, 1.50, 1.24, 1.32, 1.22,
            1.22, 1.20, 1.19, 1.20, 1.20, 1.16, 2.20, 1.95, 1.90, 1.75,
            1.64, 1.54, 1.47, 1.46, 1.42, 1.39, 1.45, 1.44, 1.42, 1.39,
            1.39, 1.38, 1.39, 1.40, 2.44, 2.15, 2.07, 2.04, 2.03, 2.01,
            1.99, 1.98, 1.98, 1.96, 1.94, 1.92, 1.92, 1.89, 1.90, 1.87,
            1.87, 1.75, 1.70, 1.62, 1.51, 1.44, 1.41, 1.36, 1.36, 1.32,
            1.45, 1.46, 1.48, 1.40, 1.50, 1.50, 2.60, 2.21, 2.15, 2.06,
            2.00, 1.96, 1.90, 1.87, 1.80, 1.69};

    private static final Map<String, Integer> Z = new HashMap<>();
    static {
        for (int i = 0; i < SYMBOLS.length; i++) Z.put(SYMBOLS[i], i + 1);
    }

    /** Atomic number of a symbol ("Fe" -> 26), or -1 if unknown. */
    public static int atomicNumber(String symbol) {
        Integer z = Z.get(symbol);
        return z == null ? -1 : z;
    }

    /** Symbol of atomic number z (1..96). */
    public static String symbol(int z) {
        if (z < 1 || z > SYMBOLS.length) throw new IllegalArgumentException("z = " + z + ", expected 1.." + SYMBOLS.length);
        return SYMBOLS[z - 1];
    }

    public static boolean isElement(String symbol) { return Z.containsKey(symbol); }

    /**
     * Covalent radius in Angstrom (Cordero 2008).
     *
     * @throws IllegalArgumentException for an unknown symbol
     */
    public static double covalentRadiusA(String symbol) {
        Integer z = Z.get(symbol);
        if (z == null) throw new IllegalArgumentException("species '" + symbol + "': no covalent radius (not an element symbol H..Cm)");
        return RADII[z - 1];
    }

    /**
     * The element part of a VASP species label: "Fe_pv" -> "Fe", "O_h/1a2b" -> "O", "Li_sv" -> "Li".
     */
    static String cleanVaspSymbol(String label) {
        String s = label;
        int cut = s.length();
        for (char c : new char[] {'_', '/', '.'}) {
            int k = s.indexOf(c);
            if (k > 0 && k < cut) cut = k;
        }
        return s.substring(0, cut);
    }
}
