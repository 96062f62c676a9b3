package org.coreloss.kernel.magics;

import org.coreloss.data.SpectraDataset;
import org.coreloss.kernel.magic.Magic;
import org.coreloss.kernel.magic.MagicContext;
import org.coreloss.kernel.magic.MagicException;
import org.coreloss.multiplet.Ion;
import org.coreloss.multiplet.Ions;
import org.coreloss.multiplet.MultipletEngine;
import org.coreloss.multiplet.MultipletParameters;
import org.coreloss.multiplet.MultipletSpectrum;
import org.coreloss.progress.ProgressListener;
import org.coreloss.simulate.DatabaseGenerator;
import org.coreloss.simulate.DatabaseSpec;
import org.coreloss.simulate.Parameter;
import org.coreloss.simulate.ParameterSpace;
import org.coreloss.simulate.Preset;
import org.coreloss.simulate.Sampler;
import org.coreloss.simulate.ShardedDatabase;
import org.coreloss.simulate.ShardedDatabaseFormat;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * {@code %simulate}: the multiplet simulator in notebooks.
 * <ul>
 * <li>{@code %simulate spectrum --ion Ni2+ [--dq 0.1] [--ds 0] [--dt 0] [--s1 0.8] [--s2 0.8]
 *     [--temperature 10] [--gaussian 0.1] [--gamma1 G1] [--gamma2 G2] [--as var]}: one seed-003
 *     spectrum (501 channels, box-normalised; energies eV, temperature K, widths FWHM eV; defaults
 *     Oh 10Dq = 1 eV, S1 = S2 = 0.8, 10 K, Gaussian 0.1 eV, the ion's tabulated Lorentzian widths),
 *     shown as a chart.</li>
 * <li>{@code %simulate database --ion Ni2+ --n 200 [--preset d4h|oh|c4v] [--seed 1] --out DIR
 *     [--shard-size N] [--threads T] [--sampler uniform|lhs] [--as var]}: a sharded database (see
 *     {@link DatabaseGenerator}; resumes an interrupted one), with a live progress line, returned as one
 *     {@link SpectraDataset}.</li>
 * <li>{@code %simulate ranges [--ion Ni2+] [--preset d4h]}: the parameter ranges (seed 003 Table 1).</li>
 * </ul>
 */
public final class SimulateMagic implements Magic {
    @Override public String name() { return "simulate"; }

    @Override public String usage() {
        return "%simulate spectrum --ion Ni2+ [--dq 0.1 --ds 0 --dt 0 --s1 0.8 --s2 0.8 --temperature 10 --gaussian 0.1 --gamma1 G --gamma2 G] [--as var]"
                + " | %simulate database --ion Ni2+ --n 200 [--preset d4h|oh|c4v] [--seed 1] --out DIR [--shard-size N] [--threads T] [--sampler uniform|lhs] [--as var]"
                + " | %simulate ranges [--ion Ni2+] [--preset d4h]";
    }

    @Override public String description() {
        return "Computes 2p XAS multiplet spectra: one spectrum, a sharded seeded database, or the parameter ranges.";
    }

    @Override public Object execute(MagicContext context, List<String> args, String body) throws Exception {
        if (args.isEmpty()) throw new MagicException("usage: " + usage());
        String sub = args.get(0);
        Map<String, String> o = options(args.subList(1, args.size()));
        return switch (sub) {
            case "spectrum" -> spectrum(context, o);
            case "database" -> database(context, o);
            case "ranges" -> ranges(o);
            default -> throw new MagicException("%simulate: unknown subcommand '" + sub + "', expected spectrum, database or ranges");
        };
    }

    static final Set<String> SPECTRUM_OPTIONS = Set.of("ion", "dq", "ds", "dt", "s1", "s2", "temperature", "gaussian", "gamma1", "gamma2", "as");
    static final Set<String> DATABASE_OPTIONS = Set.of("ion", "n", "preset", "seed", "out", "shard-size", "threads", "sampler", "as");

    private static Map<String, String> options(List<String> a) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < a.size(); i++) {
            String k = a.get(i);
            if (!k.startsWith("--") || k.length() < 3) throw new MagicException("%simulate: unexpected argument '" + k + "', expected --option value");
            if (i + 1 >= a.size()) throw new MagicException("%simulate: option " + k + " needs a value");
            m.put(k.substring(2), a.get(++i));
        }
        return m;
    }

    private static void allow(Map<String, String> o, Set<String> allowed, String sub) {
        for (String k : o.keySet()) {
            if (!allowed.contains(k)) throw new MagicException("%simulate " + sub + ": unknown option --" + k + ", expected one of --" + String.join(", --", allowed.stream().sorted().toList()));
        }
    }

    private static double num(Map<String, String> o, String k, double def) {
        String v = o.get(k);
        if (v == null) return def;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new MagicException("%simulate: --" + k + " '" + v + "' is not a number");
        }
    }

    private static int integer(Map<String, String> o, String k, int def) {
        String v = o.get(k);
        if (v == null) return def;
        try {
            return Integer.parseInt(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new MagicException("%simulate: --" + k + " '" + v + "' is not an integer");
        }
    }

    private static String required(Map<String, String> o, String k, String sub) {
        String v = o.get(k);
        if (v == null) throw new MagicException("%simulate " + sub + ": --" + k + " is required");
        return v;
    }

    private static Object spectrum(MagicContext context, Map<String, String> o) {
        allow(o, SPECTRUM_OPTIONS, "spectrum");
        Ion ion;
        MultipletParameters p;
        try {
            ion = Ions.get(required(o, "ion", "spectrum"));
            MultipletParameters d = MultipletParameters.defaults(ion);
            p = MultipletParameters.of(num(o, "dq", d.dqEv()), num(o, "ds", d.dsEv()), num(o, "dt", d.dtEv()),
                    num(o, "s1", d.s1()), num(o, "s2", d.s2()), num(o, "temperature", d.temperatureK()),
                    num(o, "gaussian", 0.1), num(o, "gamma1", d.gamma1FwhmEv()), num(o, "gamma2", d.gamma2FwhmEv()));
        } catch (IllegalArgumentException e) {
            throw new MagicException("%simulate spectrum: " + e.getMessage());
        }
        MultipletSpectrum s = new MultipletEngine().spectrum(ion, p);
        if (o.containsKey("as")) context.setVariable(o.get("as"), MultipletSpectrum.class, s);
        return s;
    }

    private static Object database(MagicContext context, Map<String, String> o) throws Exception {
        allow(o, DATABASE_OPTIONS, "database");
        DatabaseSpec spec;
        try {
            spec = new DatabaseSpec(required(o, "ion", "database"), integer(o, "n", -1),
                    Preset.parse(o.getOrDefault("preset", "d4h")), Sampler.parse(o.getOrDefault("sampler", "uniform")),
                    (long) num(o, "seed", 1), integer(o, "shard-size", 1000));
        } catch (IllegalArgumentException e) {
            throw new MagicException("%simulate database: " + e.getMessage());
        }
        int threads = integer(o, "threads", Runtime.getRuntime().availableProcessors());
        Path out = context.workingDirectory().resolve(required(o, "out", "database"));
        ProgressListener progress = context.progress();
        try {
            DatabaseGenerator.generate(spec, out, threads, progress);
        } catch (CancellationException e) {
            throw new MagicException("%simulate database: interrupted; finished shards are kept in " + out + ", run the same line again to resume");
        } catch (IllegalArgumentException e) {
            throw new MagicException("%simulate database: " + e.getMessage());
        }
        ShardedDatabaseFormat.register();
        SpectraDataset ds = ShardedDatabase.load(out);
        if (o.containsKey("as")) context.setVariable(o.get("as"), SpectraDataset.class, ds);
        return ds;
    }

    private static Object ranges(Map<String, String> o) {
        allow(o, Set.of("ion", "preset"), "ranges");
        ParameterSpace s;
        try {
            s = Preset.parse(o.getOrDefault("preset", "d4h")).space(Ions.get(o.getOrDefault("ion", "Ni2+")).name());
        } catch (IllegalArgumentException e) {
            throw new MagicException("%simulate ranges: " + e.getMessage());
        }
        StringColumn name = StringColumn.create("parameter"), unit = StringColumn.create("unit");
        DoubleColumn lo = DoubleColumn.create("min"), hi = DoubleColumn.create("max");
        for (Parameter p : s.parameters()) {
            name.append(p.name());
            unit.append(p.unit());
            lo.append(p.min());
            hi.append(p.max());
        }
        return Table.create(s.name() + " (seed 003 Table 1)", name, unit, lo, hi);
    }

}
