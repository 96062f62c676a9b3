package org.coreloss.simulate;

import java.util.Objects;

/**
 * One named input of a multiplet database with its unit and sampling range [{@code min}, {@code max}]
 * (equal bounds = a fixed value). {@code name} is the label column name and carries the unit
 * ({@code dq_eV}, {@code temperature_K}); {@code unit} is the unit alone ({@code "eV"}, {@code "K"},
 * {@code "1"} for dimensionless scales).
 */
public record Parameter(String name, String unit, double min, double max) {
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (name.isBlank()) throw new IllegalArgumentException("parameter name: expected a non-blank name");
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("parameter " + name + ": range [" + min + ", " + max
                    + "] " + unit + ", expected finite bounds with min <= max");
        }
    }

    /** Whether the range is a single value. */
    public boolean isFixed() {
        return min == max;
    }

    /** The value at {@code u} in [0, 1): min + u (max - min); exactly {@code min} when fixed. */
    public double at(double u) {
        if (!(u >= 0 && u <= 1)) throw new IllegalArgumentException("parameter " + name + ": u = " + u + ", expected [0, 1]");
        if (isFixed()) return min;
        double v = min + u * (max - min);
        return Math.min(max, Math.max(min, v));
    }

    /** Same parameter with another range. */
    public Parameter withRange(double newMin, double newMax) {
        return new Parameter(name, unit, newMin, newMax);
    }

    public boolean contains(double v) {
        return v >= min && v <= max;
    }
}
