package org.coreloss.fit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Tables of the results files written by {@code coreloss fit calibrate} and {@code coreloss fit measured-set}, for notebooks. */
public final class ResultTables {
    private ResultTables() {}

    /** One row per {@code calibration-*.json} in {@code dir}: ion, snr, cases, coverage90, min parameter, 10Dq error, seconds. */
    public static Table calibrations(Path dir) throws IOException {
        StringColumn ion = StringColumn.create("ion"), minName = StringColumn.create("coverage90_min_parameter_name");
        DoubleColumn snr = DoubleColumn.create("snr"), cov = DoubleColumn.create("coverage90"), cov68 = DoubleColumn.create("coverage68"),
                min = DoubleColumn.create("coverage90_min_parameter"), err = DoubleColumn.create("tendq_median_abs_error_ev"),
                sec = DoubleColumn.create("seconds_median"), cpu = DoubleColumn.create("cpu_seconds_median");
        IntColumn cases = IntColumn.create("cases");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("calibration-.+-snr[0-9]+\\.json")).sorted().toList();
        }
        for (Path p : files) {
            JsonObject o = JsonParser.parseString(Files.readString(p)).getAsJsonObject();
            ion.append(o.get("ion").getAsString()); snr.append(o.get("snr").getAsDouble()); cases.append(o.get("cases").getAsInt());
            cov.append(num(o, "coverage90")); cov68.append(num(o, "coverage68")); min.append(num(o, "coverage90_min_parameter"));
            minName.append(o.has("coverage90_min_parameter_name") && !o.get("coverage90_min_parameter_name").isJsonNull()
                    ? o.get("coverage90_min_parameter_name").getAsString() : "");
            err.append(num(o, "tendq_median_abs_error_ev")); sec.append(num(o, "seconds_median")); cpu.append(num(o, "cpu_seconds_median"));
        }
        return Table.create("calibration", ion, snr, cases, cov, cov68, min, minName, err, sec, cpu);
    }

    /** One row per candidate of every spectrum in {@code measured-summary.json}. */
    public static Table measured(Path summaryJson) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(summaryJson)).getAsJsonObject().getAsJsonObject("spectra");
        StringColumn id = StringColumn.create("id"), compound = StringColumn.create("compound"), formal = StringColumn.create("formal_ion"),
                cand = StringColumn.create("candidate");
        IntColumn rank = IntColumn.create("rank");
        DoubleColumn dbic = DoubleColumn.create("delta_bic"), se = DoubleColumn.create("se_exp");
        BooleanColumn poor = BooleanColumn.create("poor_fit");
        for (var e : o.entrySet()) {
            JsonObject row = e.getValue().getAsJsonObject();
            int r = 1;
            for (JsonElement x : row.getAsJsonArray("ranking")) {
                JsonObject c = x.getAsJsonObject();
                id.append(e.getKey()); compound.append(row.get("compound").getAsString()); formal.append(row.get("formal_ion").getAsString());
                cand.append(c.get("ion").getAsString()); rank.append(r++);
                dbic.append(c.has("delta_bic") ? c.get("delta_bic").getAsDouble() : Double.NaN);
                se.append(c.has("se_exp") ? c.get("se_exp").getAsDouble() : Double.NaN);
                poor.append(c.has("poor_fit") && c.get("poor_fit").getAsBoolean());
            }
        }
        return Table.create("measured fits", id, compound, formal, rank, cand, dbic, se, poor);
    }

    private static double num(JsonObject o, String k) {
        return o.has(k) && !o.get(k).isJsonNull() ? o.get(k).getAsDouble() : Double.NaN;
    }
}
