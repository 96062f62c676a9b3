package org.coreloss.data.bundle;

import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.DatasetFolderFormat;
import org.coreloss.data.io.LabelsCsv;
import org.coreloss.data.io.WideCsvFormat;
import org.coreloss.provenance.Step;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds {@code data/s-k-seidler/{xanes,xes}} from {@code ../shared/data/s_k_seidler}: the
 * processed matrices (wide CSV, quoted ids) joined with {@code labels.csv}, plus the derived
 * columns type_number, compound_class and oxidation_state. Usage: {@code BuildSKSeidler <src> <data>}.
 */
public final class BuildSKSeidler {
    static final Map<String, Object[]> TYPES = Map.of(
            "Type1", new Object[]{1.0, "sulfide", -2.0},
            "Type2", new Object[]{2.0, "thiocarbonyl", -2.0},
            "Type3", new Object[]{3.0, "thiol", -2.0},
            "Type4", new Object[]{4.0, "sulfoxide", 0.0},
            "Type5", new Object[]{5.0, "sulfone", 2.0});

    public static void main(String[] args) throws Exception {
        Path src = Path.of(args.length > 0 ? args[0] : "/work/shared/data/s_k_seidler");
        Path out = Path.of(args.length > 1 ? args[1] : "data").resolve("s-k-seidler");
        Table labels = LabelsCsv.read(src.resolve("labels.csv"));
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < labels.rowCount(); i++) row.put(labels.stringColumn("id").get(i), i);
        for (String kind : List.of("xanes", "xes")) {
            // 19 XES rows of the source are NaN in every channel (failed calculations): drop them
            List<String> lines = java.nio.file.Files.readAllLines(src.resolve(kind + "_processed_matrix.csv"));
            List<String> kept = new java.util.ArrayList<>();
            int dropped = 0;
            for (String l : lines) {
                if (l.endsWith(",nan") && l.matches(".*\"?,nan(,nan)+$") && l.replaceAll("^(\"[^\"]*\"|[^,]*)", "").replace(",nan", "").isEmpty()) { dropped++; continue; }
                kept.add(l);
            }
            Path tmp = java.nio.file.Files.createTempFile(kind, ".csv");
            java.nio.file.Files.write(tmp, kept);
            SpectraDataset m = new WideCsvFormat().read(tmp);
            java.nio.file.Files.delete(tmp);
            System.out.println(kind + ": dropped " + dropped + " all-NaN rows");
            StringColumn id = StringColumn.create("id"), folder = StringColumn.create("folder_type"), name = StringColumn.create("name"),
                    cls = StringColumn.create("compound_class"), desc = StringColumn.create("type_description"), conj = StringColumn.create("conjugation");
            DoubleColumn type = DoubleColumn.create("type_number"), ox = DoubleColumn.create("oxidation_state");
            for (String s : m.ids()) {
                Integer r = row.get(s);
                if (r == null) throw new IllegalStateException("no label row for " + s);
                String f = labels.stringColumn("folder_type").get(r);
                Object[] t = TYPES.get(f);
                id.append(s); folder.append(f); name.append(labels.stringColumn("name").get(r));
                desc.append(labels.stringColumn("type_description").get(r));
                conj.append(labels.column("conjugation_list").getString(r));
                if (t == null) { type.appendMissing(); cls.append("unknown"); ox.appendMissing(); }
                else { type.append((Double) t[0]); cls.append((String) t[1]); ox.append((Double) t[2]); }
            }
            Table t = Table.create(kind, id, folder, type, cls, ox, conj, name, desc);
            SpectraDataset ds = SpectraDataset.of(kind.equals("xanes") ? "s-k-seidler" : "s-k-seidler-xes", m.spectra(), t)
                    .withSource("https://github.com/Seidler-Lab/Sulfur-ML@698b9904 via ../shared/data/s_k_seidler/" + kind + "_processed_matrix.csv")
                    .withHistory(List.of(Step.of("import", "from", kind + "_processed_matrix.csv", "dtype", "float32",
                            "oxidationStateRule", "S-C/S-H bond -1, S=O +2 (Type1-3: -2, Type4: 0, Type5: +2, TEST: missing)")));
            new DatasetFolderFormat().write(ds, out.resolve(kind));
            System.out.println(kind + ": " + ds);
        }
    }
}
