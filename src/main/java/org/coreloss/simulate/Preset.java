package org.coreloss.simulate;

import java.util.Locale;

/**
 * Parameter-space presets of seed study 003: {@link #D4H} the Table 1 ranges (training databases);
 * {@link #OH} the same with Ds = Dt = 0 (the paper's Oh interpolation test); {@link #C4V} Dq in
 * [-0.2, 0] eV with Ds = Dt = 0 and the rest unchanged (the paper's C4v extrapolation test, negative Dq).
 */
public enum Preset {
    D4H, OH, C4V;

    /** The preset's space for an ion, built from its Table 1 ranges. */
    public ParameterSpace space(String ion) {
        ParameterSpace d4h = Table1Ranges.forIon(ion);
        return switch (this) {
            case D4H -> new ParameterSpace(ion + " d4h", d4h.parameters());
            case OH -> new ParameterSpace(ion + " oh", d4h.parameters()).withRange("ds_eV", 0, 0).withRange("dt_eV", 0, 0);
            case C4V -> new ParameterSpace(ion + " c4v", d4h.parameters()).withRange("dq_eV", -0.2, 0.0)
                    .withRange("ds_eV", 0, 0).withRange("dt_eV", 0, 0);
        };
    }

    /** Lower-case name as used on the command line ({@code d4h}, {@code oh}, {@code c4v}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code d4h}, {@code oh}, {@code c4v} (any case). */
    public static Preset parse(String s) {
        if (s != null) {
            for (Preset p : values()) if (p.id().equalsIgnoreCase(s.trim())) return p;
        }
        throw new IllegalArgumentException("preset '" + s + "', expected one of d4h, oh, c4v");
    }
}
