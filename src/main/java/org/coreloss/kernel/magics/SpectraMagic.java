package org.coreloss.kernel.magics;

import org.coreloss.data.Datasets;
import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.ReadOptions;
import org.coreloss.data.io.SpectraIO;
import org.coreloss.display.SpectraInfo;
import org.coreloss.kernel.magic.Magic;
import org.coreloss.kernel.magic.MagicContext;
import org.coreloss.kernel.magic.MagicException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code %spectra load <name|path> [--as var] [reading options]}: loads a bundled dataset by name (see
 * {@code Datasets.list()}) or any supported file/folder (path relative to the notebook), defines
 * the notebook variable (default: the name with non-identifier characters replaced by {@code _})
 * as a {@link SpectraDataset}, and shows its summary. Reading options (FDMNES/FEFF/OptaDOS kinds, skipped lines,
 * comments, columns, folder glob, grid rule or grid) are those of {@link ReadOptions#parse}. {@code %spectra info <var>}: summary table and
 * an overlay plot of a few spectra. {@code %spectra list}: the bundled datasets.
 */
public final class SpectraMagic implements Magic {
    @Override public String name() { return "spectra"; }
    static final String LOAD_USAGE = "%spectra load <name|path> [--as var] [--kind auto|two-column|fdmnes|feff-xmu|feff-chi|optados] [--skip N] "
            + "[--comment C,..] [--columns E,I] [--column NAME] [--glob PATTERN] [--grid-rule same|overlap] [--grid FROM:TO:STEP]";

    @Override public String usage() { return LOAD_USAGE + " | %spectra info <var> [--max N] | %spectra list"; }
    @Override public String description() { return "Loads a bundled or file dataset into a variable, or summarises and plots one."; }

    @Override public Object execute(MagicContext context, List<String> args, String body) {
        if (args.isEmpty()) throw new MagicException("usage: " + usage());
        return switch (args.get(0)) {
            case "load" -> load(context, args.subList(1, args.size()));
            case "info" -> info(context, args.subList(1, args.size()));
            case "list" -> Datasets.list();
            default -> throw new MagicException("unknown subcommand '" + args.get(0) + "'; usage: " + usage());
        };
    }

    private Object load(MagicContext ctx, List<String> args) {
        List<String> a = new java.util.ArrayList<>(args);
        ReadOptions options;
        try {
            options = ReadOptions.parse(a);
        } catch (IllegalArgumentException e) {
            throw new MagicException("%spectra load: " + e.getMessage());
        }
        String target = null, var = null;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals("--as")) {
                if (i + 1 >= a.size()) throw new MagicException("--as needs a variable name");
                var = a.get(++i);
            } else if (target == null) target = a.get(i);
            else throw new MagicException("unexpected argument '" + a.get(i) + "'; usage: " + LOAD_USAGE);
        }
        if (target == null) throw new MagicException("usage: " + LOAD_USAGE + "; bundled: " + Datasets.names());
        SpectraDataset ds;
        if (Datasets.exists(target) && !options.isDefault()) throw new MagicException("%spectra load " + target + ": reading options apply to files and folders, not to bundled datasets");
        if (Datasets.exists(target)) {
            try {
                ds = Datasets.load(target);
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new MagicException("cannot load bundled dataset " + target + ": " + e.getMessage(), e);
            }
        } else {
            Path p = ctx.workingDirectory().resolve(target);
            if (!Files.exists(p)) throw new MagicException("'" + target + "' is neither a bundled dataset " + Datasets.names() + " nor an existing file or folder (" + p + ")");
            try {
                ds = SpectraIO.read(p, options);
            } catch (IOException e) {
                throw new MagicException(e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new MagicException("%spectra load: " + e.getMessage(), e);
            }
        }
        if (var == null) var = variableName(Datasets.exists(target) ? target : SpectraIO.stem(Path.of(target)));
        if (!var.matches("[A-Za-z_$][A-Za-z0-9_$]*")) throw new MagicException("'" + var + "' is not a valid Java variable name");
        ctx.setVariable(var, SpectraDataset.class, ds);
        return ds;
    }

    private Object info(MagicContext ctx, List<String> a) {
        if (a.isEmpty()) throw new MagicException("usage: %spectra info <var> [--max N]");
        int max = 8;
        if (a.size() == 3 && a.get(1).equals("--max")) {
            try { max = Integer.parseInt(a.get(2)); } catch (NumberFormatException e) { throw new MagicException("--max expects a whole number, got '" + a.get(2) + "'"); }
            if (max < 1) throw new MagicException("--max must be >= 1");
        } else if (a.size() != 1) throw new MagicException("usage: %spectra info <var> [--max N]");
        Object v = ctx.getVariable(a.get(0));
        if (!(v instanceof SpectraDataset ds)) {
            throw new MagicException("variable '" + a.get(0) + "' is " + (v == null ? "null" : v.getClass().getSimpleName()) + ", expected a SpectraDataset");
        }
        return new SpectraInfo(ds, max);
    }

    /** {@code "s-k-seidler"} -> {@code "s_k_seidler"}; a leading digit gets an underscore. */
    static String variableName(String s) {
        String v = s.replaceAll("[^A-Za-z0-9_$]", "_");
        return v.isEmpty() || Character.isDigit(v.charAt(0)) ? "_" + v : v;
    }
}
