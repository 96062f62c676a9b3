package org.coreloss.fit;

import org.coreloss.multiplet.Ion;
import org.coreloss.multiplet.Ions;
import org.coreloss.simulate.ParameterSpace;
import org.coreloss.simulate.Table1Ranges;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ion and the 17 parameters of {@link SpectrumModel} (each fixed, bounded, or with a Gaussian
 * prior). Two presets: {@link #measured} (crystal field and Slater scalings free in seed 003's Table 1
 * ranges, broadening free in wider ranges, T fixed at 300 K, shift +-6 eV, L3/L2 edge steps with ratio
 * 1/2 and width 1 eV fixed and free height, free linear baseline) and {@link #simulated} (Table 1 ranges,
 * no background: the calibration setting). Change any parameter with {@link #fix}, {@link #free},
 * {@link #prior}, {@link #start}; the setup is immutable.
 */
public final class FitSetup {
    private final Ion ion;
    private final Map<String, FitParameter> parameters;

    private FitSetup(Ion ion, Map<String, FitParameter> parameters) {
        this.ion = ion;
        this.parameters = parameters;
    }

    public Ion ion() { return ion; }

    /** Table 1 ranges of the ion, or the (identical) Ni2+ ranges for ions outside seed 003's set. */
    static ParameterSpace table1(Ion ion) {
        return Table1Ranges.ions().contains(ion.name()) ? Table1Ranges.forIon(ion.name()) : Table1Ranges.forIon("Ni2+");
    }

    /** Preset for measured spectra (see class comment). */
    public static FitSetup measured(String ionName) {
        Ion ion = Ions.get(ionName);
        ParameterSpace s = table1(ion);
        Map<String, FitParameter> m = new LinkedHashMap<>();
        m.put("dq_eV", FitParameter.free("dq_eV", 0.1, s.parameter("dq_eV").min(), s.parameter("dq_eV").max()));
        m.put("ds_eV", FitParameter.free("ds_eV", 0.0, s.parameter("ds_eV").min(), s.parameter("ds_eV").max()));
        m.put("dt_eV", FitParameter.free("dt_eV", 0.0, s.parameter("dt_eV").min(), s.parameter("dt_eV").max()));
        m.put("s1", FitParameter.free("s1", 0.8, s.parameter("s1").min(), s.parameter("s1").max()));
        m.put("s2", FitParameter.free("s2", 0.8, s.parameter("s2").min(), s.parameter("s2").max()));
        m.put("temperature_K", FitParameter.fixed("temperature_K", 300));
        m.put("gaussian_fwhm_eV", FitParameter.free("gaussian_fwhm_eV", 0.3, 0.02, 1.5));
        m.put("gamma1_fwhm_eV", FitParameter.free("gamma1_fwhm_eV", 0.4, 0.1, 2.0));
        m.put("gamma2_fwhm_eV", FitParameter.free("gamma2_fwhm_eV", 0.6, 0.1, 2.5));
        m.put("shift_eV", FitParameter.free("shift_eV", 0.0, -6, 6));
        m.put("scale", FitParameter.free("scale", 1.0, 0, Double.POSITIVE_INFINITY));
        m.put("step_height", FitParameter.free("step_height", 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        m.put("step_ratio_l2_l3", FitParameter.fixed("step_ratio_l2_l3", 0.5));
        m.put("step_width_eV", FitParameter.fixed("step_width_eV", 1.0));
        m.put("step_offset_eV", FitParameter.fixed("step_offset_eV", 0.0));
        m.put("baseline_offset", FitParameter.free("baseline_offset", 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        m.put("baseline_slope_per_eV", FitParameter.free("baseline_slope_per_eV", 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        return new FitSetup(ion, m);
    }

    /**
     * Preset for engine spectra without background (calibration): Dq, Ds, Dt, S1, S2, the three widths
     * free in Table 1 ranges, shift +-1 eV, scale free, T fixed at {@code temperatureK}, no steps, no baseline.
     */
    public static FitSetup simulated(String ionName, double temperatureK) {
        Ion ion = Ions.get(ionName);
        ParameterSpace s = table1(ion);
        FitSetup f = measured(ionName);
        Map<String, FitParameter> m = new LinkedHashMap<>(f.parameters);
        for (String n : List.of("gaussian_fwhm_eV", "gamma1_fwhm_eV", "gamma2_fwhm_eV")) {
            double lo = s.parameter(n).min(), hi = s.parameter(n).max();
            m.put(n, FitParameter.free(n, 0.5 * (lo + hi), lo, hi));
        }
        m.put("temperature_K", FitParameter.fixed("temperature_K", temperatureK));
        m.put("shift_eV", FitParameter.free("shift_eV", 0.0, -1, 1));
        for (String n : List.of("step_height", "baseline_offset", "baseline_slope_per_eV")) m.put(n, FitParameter.fixed(n, 0.0));
        return new FitSetup(ion, m);
    }

    private FitSetup with(FitParameter p) {
        if (!parameters.containsKey(p.name())) throw unknown(p.name());
        Map<String, FitParameter> m = new LinkedHashMap<>(parameters);
        m.put(p.name(), p);
        return new FitSetup(ion, m);
    }

    private static FitException unknown(String name) {
        return new FitException("no fit parameter '" + name + "', expected one of " + SpectrumModel.NAMES);
    }

    /** Fixes {@code name} at {@code value}. */
    public FitSetup fix(String name, double value) { return with(FitParameter.fixed(name, value)); }

    /** Frees {@code name} within [min, max], starting at the current value clamped into the range. */
    public FitSetup free(String name, double min, double max) {
        double v = Math.max(min, Math.min(max, parameter(name).value()));
        return with(FitParameter.free(name, v, min, max));
    }

    /** Gives a free parameter a Gaussian prior (mean, sd); it keeps its bounds. */
    public FitSetup prior(String name, double mean, double sd) {
        FitParameter p = parameter(name);
        return with(new FitParameter(name, p.value(), p.min(), p.max(), p.fixed(), mean, sd));
    }

    /** Sets the start value (the fixed value for a fixed parameter). */
    public FitSetup start(String name, double value) { return with(parameter(name).withValue(value)); }

    public FitParameter parameter(String name) {
        FitParameter p = parameters.get(name);
        if (p == null) throw unknown(name);
        return p;
    }

    /** All 17 parameters in {@link SpectrumModel#NAMES} order. */
    public List<FitParameter> parameters() {
        List<FitParameter> out = new ArrayList<>();
        for (String n : SpectrumModel.NAMES) out.add(parameters.get(n));
        return out;
    }

    /** Indices (into {@link SpectrumModel#NAMES}) of the free parameters. */
    public int[] freeIndices() {
        return java.util.stream.IntStream.range(0, SpectrumModel.NAMES.size())
                .filter(i -> !parameters.get(SpectrumModel.NAMES.get(i)).fixed()).toArray();
    }

    /** Names of the free parameters. */
    public List<String> freeNames() {
        List<String> out = new ArrayList<>();
        for (int i : freeIndices()) out.add(SpectrumModel.NAMES.get(i));
        return out;
    }

    /** The start values as a full vector. */
    public double[] startVector() {
        double[] v = new double[SpectrumModel.NAMES.size()];
        for (int i = 0; i < v.length; i++) v[i] = parameters.get(SpectrumModel.NAMES.get(i)).value();
        return v;
    }

    /** Same parameters for another ion (the same settings; candidate ranking). */
    public FitSetup forIon(String ionName) {
        return new FitSetup(Ions.get(ionName), parameters);
    }

    /**
     * Applies text settings: {@code name=value} fixes, {@code name=min:max} frees within bounds,
     * {@code name~mean:sd} sets a Gaussian prior, {@code name@value} sets the start value.
     */
    public FitSetup apply(List<String> specs) {
        FitSetup s = this;
        for (String spec : specs) {
            String t = spec.strip();
            try {
                int at = t.indexOf('@'), tilde = t.indexOf('~'), eq = t.indexOf('=');
                if (tilde > 0) {
                    String[] v = t.substring(tilde + 1).split(":");
                    s = s.prior(t.substring(0, tilde), Double.parseDouble(v[0]), Double.parseDouble(v[1]));
                } else if (at > 0) {
                    s = s.start(t.substring(0, at), Double.parseDouble(t.substring(at + 1)));
                } else if (eq > 0) {
                    String v = t.substring(eq + 1);
                    if (v.contains(":")) {
                        String[] b = v.split(":");
                        s = s.free(t.substring(0, eq), parseBound(b[0]), parseBound(b[1]));
                    } else s = s.fix(t.substring(0, eq), Double.parseDouble(v));
                } else throw new NumberFormatException();
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new FitException("parameter setting '" + spec + "': expected name=value (fix), name=min:max (free), "
                        + "name~mean:sd (prior) or name@value (start), names " + SpectrumModel.NAMES);
            }
        }
        return s;
    }

    private static double parseBound(String v) {
        String t = v.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("inf") || t.equals("+inf")) return Double.POSITIVE_INFINITY;
        if (t.equals("-inf")) return Double.NEGATIVE_INFINITY;
        return Double.parseDouble(t);
    }

    @Override public String toString() {
        return "FitSetup[" + ion.name() + ", free " + freeNames() + "]";
    }
}
