package org.coreloss.simulate;

import org.coreloss.multiplet.MultipletParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The nine inputs of a seed-003 multiplet database in a fixed order, each with its unit and range
 * (seed study 003, Table 1): Dq, Ds, Dt (eV), S1, S2 (dimensionless), temperature (K), Gaussian
 * FWHM (eV; seed 003's sigma_G read as FWHM like Quanty's Broaden), Gamma1 and Gamma2 (Lorentzian
 * FWHM of L3 and L2, eV). A point of the unit cube [0, 1)^9 maps linearly onto the ranges
 * ({@link #at}); fixed parameters (min = max) take their value whatever the draw.
 *
 * @param name       e.g. {@code "Ni2+ d4h"}
 * @param parameters the nine parameters in {@link #NAMES} order
 */
public record ParameterSpace(String name, List<Parameter> parameters) {
    /** Label column names, in order (units in the names). */
    public static final List<String> NAMES = List.of("dq_eV", "ds_eV", "dt_eV", "s1", "s2", "temperature_K",
            "gaussian_fwhm_eV", "gamma1_fwhm_eV", "gamma2_fwhm_eV");
    /** Units of {@link #NAMES}, in order ("1" = dimensionless). */
    public static final List<String> UNITS = List.of("eV", "eV", "eV", "1", "1", "K", "eV", "eV", "eV");

    public ParameterSpace {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters"));
        if (parameters.size() != NAMES.size()) {
            throw new IllegalArgumentException("parameter space " + name + ": " + parameters.size()
                    + " parameters, expected " + NAMES.size() + " " + NAMES);
        }
        for (int i = 0; i < NAMES.size(); i++) {
            Parameter p = parameters.get(i);
            if (!p.name().equals(NAMES.get(i)) || !p.unit().equals(UNITS.get(i))) {
                throw new IllegalArgumentException("parameter space " + name + ": parameter " + (i + 1) + " is "
                        + p.name() + " [" + p.unit() + "], expected " + NAMES.get(i) + " [" + UNITS.get(i) + "]");
            }
        }
        // the engine's own validation, at the corners of the box
        toMultipletParameters(lows(parameters));
        toMultipletParameters(highs(parameters));
    }

    private static double[] lows(List<Parameter> ps) {
        double[] v = new double[ps.size()];
        for (int i = 0; i < v.length; i++) v[i] = ps.get(i).min();
        return v;
    }

    private static double[] highs(List<Parameter> ps) {
        double[] v = new double[ps.size()];
        for (int i = 0; i < v.length; i++) v[i] = ps.get(i).max();
        return v;
    }

    public int dimensions() {
        return parameters.size();
    }

    public Parameter parameter(String parameterName) {
        for (Parameter p : parameters) if (p.name().equals(parameterName)) return p;
        throw new IllegalArgumentException("parameter space " + name + ": no parameter '" + parameterName
                + "', expected one of " + NAMES);
    }

    /** The same space with one parameter's range replaced. */
    public ParameterSpace withRange(String parameterName, double min, double max) {
        List<Parameter> ps = new ArrayList<>(parameters);
        int i = NAMES.indexOf(parameterName);
        if (i < 0) throw new IllegalArgumentException("no parameter '" + parameterName + "', expected one of " + NAMES);
        ps.set(i, ps.get(i).withRange(min, max));
        return new ParameterSpace(name, ps);
    }

    /** The values (in {@link #NAMES} order) at a point {@code u} of the unit cube. */
    public double[] at(double[] u) {
        if (u.length != dimensions()) throw new IllegalArgumentException("unit point has " + u.length + " coordinates, expected " + dimensions());
        double[] v = new double[u.length];
        for (int i = 0; i < u.length; i++) v[i] = parameters.get(i).at(u[i]);
        return v;
    }

    /** Engine parameters from values in {@link #NAMES} order (no magnetic field, default switch energy). */
    public static MultipletParameters toMultipletParameters(double[] v) {
        if (v.length != NAMES.size()) throw new IllegalArgumentException(v.length + " values, expected " + NAMES.size() + " " + NAMES);
        return MultipletParameters.of(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    /** The nine values of engine parameters in {@link #NAMES} order. */
    public static double[] values(MultipletParameters p) {
        return new double[]{p.dqEv(), p.dsEv(), p.dtEv(), p.s1(), p.s2(), p.temperatureK(), p.gaussianFwhmEv(),
                p.gamma1FwhmEv(), p.gamma2FwhmEv()};
    }

    /** Whether every value lies within its range. */
    public boolean contains(double[] v) {
        for (int i = 0; i < v.length; i++) if (!parameters.get(i).contains(v[i])) return false;
        return true;
    }
}
