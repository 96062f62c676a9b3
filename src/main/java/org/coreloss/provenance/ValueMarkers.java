package org.coreloss.provenance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Value markers: numbers in Markdown documents that name the results file they come from, so that the
 * text can be regenerated from, and checked against, the committed results.
 *
 * <pre>{@code <!--@ FILE POINTER [FORMAT] -->TEXT<!--@-->}</pre>
 *
 * <ul>
 *   <li>{@code FILE}: path of a JSON file relative to the repository root;</li>
 *   <li>{@code POINTER}: an RFC 6901 JSON Pointer into it ({@code /a/0/b}, with {@code ~0} for {@code ~} and
 *       {@code ~1} for {@code /}); the URI-fragment form {@code #/a%20b} (percent-encoded, RFC 6901 section 6)
 *       reaches keys that contain spaces;</li>
 *   <li>{@code FORMAT} (optional, default {@code %s}): a {@link java.util.Formatter} pattern, applied with
 *       {@link Locale#ROOT}. Numbers are passed as {@code double}, except integral JSON numbers under a
 *       {@code %d} conversion, or written without a fraction or exponent under {@code %s} (so {@code %s} of 3 reads "3", of 3.0 "3.0"), which are passed as {@code long};
 *       strings and booleans as themselves. An optional scale prefix {@code x<factor>:} multiplies the value
 *       first, e.g. {@code x100:%.1f} for percentages;</li>
 *   <li>{@code TEXT}: what the reader sees; {@link #render} rewrites it, {@link #check} compares it.</li>
 * </ul>
 * A marker lies on one line. Markers inside inline code spans ({@code `...`}) and fenced code blocks are text, not
 * markers (so documentation can show the syntax). Errors (file missing, pointer not found, bad format) name the document, line and marker.
 */
public final class ValueMarkers {
    /** One marker: {@code <!--@ FILE POINTER [FORMAT] -->TEXT<!--@-->}. */
    static final Pattern MARKER = Pattern.compile("<!--@\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*?))?\\s*-->(.*?)<!--@-->");
    private static final Pattern SCALE = Pattern.compile("^x([-+0-9.eE]+):(.*)$", Pattern.DOTALL);

    private ValueMarkers() {
    }

    /**
     * A marker found in a document.
     *
     * @param document the Markdown file (as given)
     * @param line     1-based line number
     * @param file     the results file named in the marker (relative to the root)
     * @param pointer  the JSON pointer as written
     * @param format   the format as written (null when absent)
     * @param text     the text between the markers
     */
    public record Marker(Path document, int line, String file, String pointer, String format, String text) {
        /** {@code README.md:12 <!--@ results/x.json /a %.2f -->}. */
        public String where() {
            return document + ":" + line + " <!--@ " + file + " " + pointer + (format == null ? "" : " " + format) + " -->";
        }
    }

    /** A marker whose text differs from the value its results file gives. */
    public record Difference(Marker marker, String expected) {
        @Override
        public String toString() {
            return marker.where() + ": text \"" + marker.text() + "\", results file gives \"" + expected + "\"";
        }
    }

    /** Thrown when a marker cannot be evaluated; the message names document, line and marker. */
    public static final class MarkerException extends RuntimeException {
        public MarkerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Every marker of a Markdown text, in order. */
    public static List<Marker> parse(Path document, String markdown) {
        List<Marker> out = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        boolean[] fenced = fenced(lines);
        for (int i = 0; i < lines.length; i++) {
            if (fenced[i]) continue;
            Matcher m = MARKER.matcher(lines[i]);
            while (m.find()) {
                if (inCodeSpan(lines[i], m.start())) continue;
                out.add(new Marker(document, i + 1, m.group(1), m.group(2), m.group(3) == null || m.group(3).isBlank() ? null : m.group(3).trim(), m.group(4)));
            }
        }
        return out;
    }

    /** Reads JSON files relative to a root, each once. */
    public static final class Resolver {
        private final Path root;
        private final Map<String, JsonElement> cache = new HashMap<>();

        public Resolver(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        JsonElement json(Marker m) {
            return cache.computeIfAbsent(m.file(), f -> {
                Path p = root.resolve(f);
                if (!Files.isRegularFile(p)) {
                    throw new MarkerException(m.where() + ": results file " + p + " not found", null);
                }
                try {
                    return JsonParser.parseString(Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new MarkerException(m.where() + ": cannot read " + p + ": " + e.getMessage(), e);
                } catch (JsonParseException e) {
                    throw new MarkerException(m.where() + ": " + p + " is not valid JSON: " + e.getMessage(), e);
                }
            });
        }

        /** The text the marker should hold, from its results file. */
        public String value(Marker m) {
            JsonElement v = resolve(json(m), m);
            return format(v, m);
        }
    }

    /** RFC 6901 evaluation. */
    static JsonElement resolve(JsonElement doc, Marker m) {
        String pointer = m.pointer();
        if (pointer.startsWith("#")) {
            pointer = URLDecoder.decode(pointer.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        if (pointer.isEmpty()) return doc;
        if (!pointer.startsWith("/")) {
            throw new MarkerException(m.where() + ": JSON pointer must start with '/' (or '#/'), got \"" + m.pointer() + "\"", null);
        }
        JsonElement cur = doc;
        StringBuilder path = new StringBuilder();
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            path.append('/').append(raw);
            if (cur instanceof JsonObject o) {
                if (!o.has(token)) {
                    throw new MarkerException(m.where() + ": " + m.file() + " has no member \"" + token + "\" at " + path
                            + " (members: " + o.keySet() + ")", null);
                }
                cur = o.get(token);
            } else if (cur instanceof JsonArray a) {
                int k;
                try {
                    k = Integer.parseInt(token);
                } catch (NumberFormatException e) {
                    throw new MarkerException(m.where() + ": " + path + ": expected an array index, got \"" + token + "\"", e);
                }
                if (k < 0 || k >= a.size()) {
                    throw new MarkerException(m.where() + ": " + path + ": index " + k + " out of range 0.." + (a.size() - 1), null);
                }
                cur = a.get(k);
            } else {
                throw new MarkerException(m.where() + ": " + path + ": cannot descend into a " + (cur == null ? "null" : cur.getClass().getSimpleName()), null);
            }
        }
        return cur;
    }

    static String format(JsonElement v, Marker m) {
        String fmt = m.format() == null ? "%s" : m.format();
        double scale = 1;
        boolean scaled = false;
        Matcher sm = SCALE.matcher(fmt);
        if (sm.matches()) {
            try {
                scale = Double.parseDouble(sm.group(1));
            } catch (NumberFormatException e) {
                throw new MarkerException(m.where() + ": bad scale prefix \"x" + sm.group(1) + ":\"", e);
            }
            scaled = true;
            fmt = sm.group(2).isEmpty() ? "%s" : sm.group(2);
        }
        if (!(v instanceof JsonPrimitive p)) {
            throw new MarkerException(m.where() + ": value is " + (v == null || v.isJsonNull() ? "null" : "not a number, string or boolean: " + v), null);
        }
        Object arg;
        if (p.isNumber() || (p.isString() && isSpecialDouble(p.getAsString()))) {
            double d = p.isNumber() ? p.getAsDouble() : Double.parseDouble(p.getAsString());
            if (scaled) d *= scale;
            boolean integral = !Double.isNaN(d) && !Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e15;
            char conv = conversion(fmt);
            if (conv == 'd') {
                if (!integral) throw new MarkerException(m.where() + ": %d needs an integral value, got " + d, null);
                arg = (long) d;
            } else if (conv == 's' && integral && (scaled || isIntegralLiteral(p))) {
                arg = (long) d;
            } else {
                arg = d;
            }
        } else if (p.isBoolean()) {
            if (scaled) throw new MarkerException(m.where() + ": a scale prefix needs a number, got " + p, null);
            arg = p.getAsBoolean();
        } else {
            if (scaled) throw new MarkerException(m.where() + ": a scale prefix needs a number, got \"" + p.getAsString() + "\"", null);
            arg = p.getAsString();
        }
        try {
            return String.format(Locale.ROOT, fmt, arg);
        } catch (IllegalFormatException e) {
            throw new MarkerException(m.where() + ": format \"" + fmt + "\" does not fit the value " + p + ": " + e.getMessage(), e);
        }
    }

    private static boolean isSpecialDouble(String s) {
        return s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity");
    }

    private static boolean isIntegralLiteral(JsonPrimitive p) {
        if (!p.isNumber()) return false;
        String t = p.getAsString();
        return t.indexOf('.') < 0 && t.indexOf('e') < 0 && t.indexOf('E') < 0;
    }

    /** The conversion character of the first format specifier ('s' when there is none). */
    static char conversion(String fmt) {
        Matcher m = Pattern.compile("%[-#+ 0,(<]*\\d*(?:\\.\\d+)?([a-zA-Z%])").matcher(fmt);
        while (m.find()) {
            char c = m.group(1).charAt(0);
            if (c != '%' && c != 'n') return Character.toLowerCase(c);
        }
        return 's';
    }

    /** Lines inside fenced code blocks (``` or ~~~), fences included. */
    static boolean[] fenced(String[] lines) {
        boolean[] out = new boolean[lines.length];
        boolean in = false;
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].stripLeading();
            boolean fence = t.startsWith("```") || t.startsWith("~~~");
            out[i] = in || fence;
            if (fence) in = !in;
        }
        return out;
    }

    /** True when position {@code pos} of the line lies inside an inline code span (an odd number of backticks before it). */
    static boolean inCodeSpan(String line, int pos) {
        int ticks = 0;
        for (int i = 0; i < pos; i++) if (line.charAt(i) == '`') ticks++;
        return ticks % 2 == 1;
    }

    /** The document with every marker's text replaced by the value from its results file. */
    public static String render(Path document, String markdown, Resolver resolver) {
        String[] lines = markdown.split("\n", -1);
        StringBuilder out = new StringBuilder(markdown.length());
        boolean[] fenced = fenced(lines);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i]);
            StringBuilder line = new StringBuilder();
            while (!fenced[i] && m.find()) {
                if (inCodeSpan(lines[i], m.start())) {
                    m.appendReplacement(line, Matcher.quoteReplacement(m.group()));
                    continue;
                }
                Marker mk = new Marker(document, i + 1, m.group(1), m.group(2), m.group(3) == null || m.group(3).isBlank() ? null : m.group(3).trim(), m.group(4));
                String value = resolver.value(mk);
                String head = lines[i].substring(m.start(), m.start(4));
                m.appendReplacement(line, Matcher.quoteReplacement(head + value + "<!--@-->"));
            }
            m.appendTail(line);
            out.append(line);
            if (i < lines.length - 1) out.append('\n');
        }
        return out.toString();
    }

    /** Every marker whose text differs from its results file. */
    public static List<Difference> check(Path document, String markdown, Resolver resolver) {
        List<Difference> out = new ArrayList<>();
        for (Marker m : parse(document, markdown)) {
            String v = resolver.value(m);
            if (!v.equals(m.text())) out.add(new Difference(m, v));
        }
        return out;
    }

    /**
     * The documents the report covers: {@code README.md} and {@code docs/*.md} under the root (sorted).
     */
    public static List<Path> defaultDocuments(Path root) {
        List<Path> docs = new ArrayList<>();
        if (Files.isRegularFile(root.resolve("README.md"))) docs.add(root.resolve("README.md"));
        Path dir = root.resolve("docs");
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(docs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return docs;
    }

    /** Summary of one {@link #report} call. */
    public record Report(int documents, int markers, List<Difference> differences, List<Path> rewritten) {
    }

    /**
     * Checks ({@code write = false}) or rewrites ({@code write = true}) every marker in the documents.
     * Documents are named relative to the root in messages. Rewrites are atomic and only touch files that change.
     */
    public static Report report(Path root, List<Path> documents, boolean write) throws IOException {
        Resolver resolver = new Resolver(root);
        int markers = 0;
        List<Difference> diffs = new ArrayList<>();
        List<Path> rewritten = new ArrayList<>();
        for (Path doc : documents) {
            Path abs = doc.isAbsolute() ? doc : root.resolve(doc);
            Path name = abs.startsWith(root) ? root.relativize(abs) : abs;
            String text = Files.readString(abs, StandardCharsets.UTF_8);
            List<Marker> ms = parse(name, text);
            markers += ms.size();
            diffs.addAll(check(name, text, resolver));
            if (write) {
                String rendered = render(name, text, resolver);
                if (!rendered.equals(text)) {
                    writeAtomically(abs, rendered);
                    rewritten.add(name);
                }
            }
        }
        return new Report(documents.size(), markers, List.copyOf(diffs), List.copyOf(rewritten));
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        RunRecord.writeTextAtomically(file, text);
    }
}
