package org.coreloss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed notebooks are the source: stored without outputs, with kernelspec {@code coreloss} ("Java (Coreloss)"),
 * nbformat 4.5 with stable, unique, readable cell ids; paper notebooks are thin (no code cell longer than a screen,
 * no methods defined in cells: the logic is in {@code org.coreloss.studies}).
 */
class NotebookFormatTest {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** A method declaration at the start of a line: {@code Type name(args) {} }. */
    static final Pattern METHOD = Pattern.compile("^(?:static\\s+)?[A-Za-z_][\\w<>\\[\\],.? ]*\\s+[a-z]\\w*\\s*\\([^)]*\\)\\s*(?:throws\\s+[\\w., ]+)?\\s*\\{",
            Pattern.MULTILINE);
    static final int SCREEN_LINES = 30;

    static List<Path> notebooks() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("notebooks"))) {
            return s.filter(p -> p.toString().endsWith(".ipynb") && !p.toString().contains(".ipynb_checkpoints")).sorted().toList();
        }
    }

    /** Problems of one notebook's JSON (empty when it follows the convention). */
    static List<String> problems(String name, String json, boolean thin) {
        List<String> out = new ArrayList<>();
        JsonObject nb = JsonParser.parseString(json).getAsJsonObject();
        if (nb.get("nbformat").getAsInt() != 4 || nb.get("nbformat_minor").getAsInt() < 5) out.add(name + ": nbformat must be 4.5 or later (cell ids)");
        JsonObject ks = nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec");
        if (ks == null || !"coreloss".equals(ks.get("name").getAsString()) || !"Java (Coreloss)".equals(ks.get("display_name").getAsString())) {
            out.add(name + ": kernelspec must be {name: coreloss, display_name: Java (Coreloss)}, got " + ks);
        }
        Set<String> ids = new HashSet<>();
        JsonArray cells = nb.getAsJsonArray("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonObject c = cells.get(i).getAsJsonObject();
            String where = name + " cell " + i;
            JsonElement id = c.get("id");
            if (id == null || !ID.matcher(id.getAsString()).matches()) out.add(where + ": missing or invalid id " + id);
            else if (!ids.add(id.getAsString())) out.add(where + ": duplicate id " + id.getAsString());
            if (!"code".equals(c.get("cell_type").getAsString())) continue;
            if (c.has("outputs") && c.getAsJsonArray("outputs").size() > 0) out.add(where + " (" + id + "): has outputs");
            if (c.has("execution_count") && !c.get("execution_count").isJsonNull()) out.add(where + " (" + id + "): has an execution count");
            if (thin) {
                StringBuilder src = new StringBuilder();
                for (JsonElement l : c.getAsJsonArray("source")) src.append(l.getAsString());
                int lines = src.toString().split("\n", -1).length;
                if (lines > SCREEN_LINES) out.add(where + " (" + id + "): " + lines + " lines, longer than a screen (" + SCREEN_LINES + ")");
                var m = METHOD.matcher(src);
                if (m.find()) out.add(where + " (" + id + "): defines a method (belongs in the library): " + m.group().strip());
            }
        }
        return out;
    }

    static boolean isPaper(Path p) {
        return p.toString().replace('\\', '/').contains("/paper-");
    }

    @Test
    void committedNotebooksFollowTheConvention() throws IOException {
        List<Path> nbs = notebooks();
        assertTrue(nbs.size() >= 12, "notebooks found: " + nbs);
        List<String> all = new ArrayList<>();
        for (Path p : nbs) all.addAll(problems(p.toString(), Files.readString(p, StandardCharsets.UTF_8), isPaper(p)));
        assertEquals(List.of(), all);
    }

    @Test
    void detectsOutputsKernelspecIdsAndHelpers() {
        String good = """
                {"cells": [{"cell_type": "code", "id": "a", "metadata": {}, "source": ["int x = 1;"], "outputs": [], "execution_count": null}],
                 "metadata": {"kernelspec": {"name": "coreloss", "display_name": "Java (Coreloss)", "language": "java"}},
                 "nbformat": 4, "nbformat_minor": 5}""";
        assertEquals(List.of(), problems("good", good, true));
        String outputs = good.replace("\"outputs\": []", "\"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [\"1\"]}]");
        assertTrue(problems("n", outputs, false).get(0).contains("has outputs"));
        assertTrue(problems("n", good.replace("\"execution_count\": null", "\"execution_count\": 3"), false).get(0).contains("execution count"));
        assertTrue(problems("n", good.replace("Java (Coreloss)", "Coreloss (Java)"), false).get(0).contains("kernelspec"));
        assertTrue(problems("n", good.replace("\"name\": \"coreloss\"", "\"name\": \"java\""), false).get(0).contains("kernelspec"));
        assertTrue(problems("n", good.replace("\"id\": \"a\", ", ""), false).get(0).contains("missing or invalid id"));
        String helper = good.replace("[\"int x = 1;\"]", "[\"double mean(double[] a) {\\n\", \"  return 0;\\n\", \"}\"]");
        assertTrue(problems("n", helper, true).get(0).contains("defines a method"));
        assertFalse(problems("n", helper, false).stream().anyMatch(s -> s.contains("method")), "only paper notebooks must be thin");
        StringBuilder longCell = new StringBuilder("[");
        for (int i = 0; i < 31; i++) longCell.append(i == 0 ? "" : ",").append("\"x();\\n\"");
        assertTrue(problems("n", good.replace("[\"int x = 1;\"]", longCell + "]"), true).get(0).contains("longer than a screen"));
    }
}
