package org.coreloss.studies;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.coreloss.provenance.RunRecord;

/**
 * Writes one study run as JSON: {@code {"study", "mode", "result": {...summary...}, "runRecord": {...}}}. The summary
 * holds the numbers the README and docs quote (value markers point into {@code /result/...}). Committed runs live
 * under {@code results/<study>/<mode>.json}; notebooks write to {@code build/results/} so that CI leaves the
 * repository untouched.
 */
public final class StudyOutput {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    private StudyOutput() {
    }

    /** The JSON text of a run. */
    public static String json(String study, StudyMode mode, Map<String, ?> summary, RunRecord record) {
        JsonObject o = new JsonObject();
        o.addProperty("study", study);
        o.addProperty("mode", mode.fileName());
        o.add("result", GSON.toJsonTree(summary));
        o.add("runRecord", JsonParser.parseString(record.toJson()));
        return GSON.toJson(o) + "\n";
    }

    /** Writes {@code <dir>/<study>/<mode>.json} atomically and returns its path. */
    public static Path write(Path dir, String study, StudyMode mode, Map<String, ?> summary, RunRecord record) throws IOException {
        Path file = dir.resolve(study).resolve(mode.fileName() + ".json");
        writeAtomically(file, json(study, mode, summary, record));
        return file;
    }

    /** Writes {@code <dir>/<study>/<stem>-<mode>.json} (studies with several notebooks, e.g. paper-003's). */
    public static Path write(Path dir, String study, String stem, StudyMode mode, Map<String, ?> summary, RunRecord record) throws IOException {
        Path file = dir.resolve(study).resolve(stem + "-" + mode.fileName() + ".json");
        writeAtomically(file, json(study, mode, summary, record));
        return file;
    }

    /** Reads the {@code result} object of a written run. */
    public static JsonElement readResult(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject().get("result");
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        org.coreloss.data.io.AtomicFiles.writeString(file, text);
    }
}
