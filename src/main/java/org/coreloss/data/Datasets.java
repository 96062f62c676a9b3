package org.coreloss.data;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Catalog of the bundled data sets ({@link BundledDataset} implementations found with
 * {@link ServiceLoader}). {@code Datasets.list()} shows them; {@code Datasets.load("s-k-seidler")}
 * reads one from the {@code data/} folder (see {@link DataDirectory}).
 */
public final class Datasets {
    private Datasets() {}

    /** Every bundled data set, sorted by name. */
    public static List<BundledDataset> all() {
        List<BundledDataset> out = new ArrayList<>();
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) cl = Datasets.class.getClassLoader();
        for (BundledDataset d : ServiceLoader.load(BundledDataset.class, cl)) out.add(d);
        if (out.isEmpty() && cl != Datasets.class.getClassLoader()) {
            for (BundledDataset d : ServiceLoader.load(BundledDataset.class, Datasets.class.getClassLoader())) out.add(d);
        }
        out.sort(Comparator.comparing(BundledDataset::name));
        return out;
    }

    /** Names of the bundled data sets, sorted. */
    public static List<String> names() { return all().stream().map(BundledDataset::name).toList(); }

    /** A table with columns name, description, rows (-1 if unknown without loading), licence. */
    public static Table list() {
        StringColumn name = StringColumn.create("name"), desc = StringColumn.create("description"), lic = StringColumn.create("licence");
        IntColumn rows = IntColumn.create("rows");
        for (BundledDataset d : all()) {
            name.append(d.name()); desc.append(d.description()); rows.append(d.rows()); lic.append(d.licence());
        }
        return Table.create("bundled datasets", name, desc, rows, lic);
    }

    /** The bundled data set called {@code name}; throws {@link IllegalArgumentException} listing the known names. */
    public static BundledDataset get(String name) {
        for (BundledDataset d : all()) if (d.name().equals(name)) return d;
        throw new IllegalArgumentException("no bundled dataset \"" + name + "\"; known: " + names());
    }

    /** Loads a bundled data set by name (wrapping I/O failures in {@link UncheckedIOException}). */
    public static SpectraDataset load(String name) {
        try {
            return get(name).load().withSource("bundled:" + name);
        } catch (IOException e) {
            throw new UncheckedIOException("loading bundled dataset " + name + ": " + e.getMessage(), e);
        }
    }

    /** Whether a bundled data set of that name exists. */
    public static boolean exists(String name) { return names().contains(name); }
}
