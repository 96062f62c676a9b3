package org.coreloss.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared text-parsing helpers: strict UTF-8 reading (a UTF-8 byte-order mark is skipped, UTF-16/32
 * marks are rejected), CSV field splitting with double quotes, and number parsing with messages that
 * name file, line and column. Only finite numbers with a dot as decimal separator are accepted.
 */
public final class TextInput {
    private TextInput() {}

    /** Lines of a UTF-8 text file (without line terminators); throws if empty or not UTF-8. */
    public static List<String> lines(Path file, String expected) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int off = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) off = 3;
        else if (b.length >= 2 && (((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) || ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE))) {
            throw new DataFormatException(file, 1, 1, "UTF-16 byte-order mark found: expected UTF-8 (or ASCII) text");
        }
        if (b.length - off == 0 || new String(b, off, b.length - off, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new DataFormatException(file, 1, 1, "empty file: expected " + expected);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, b.length - off)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(file, 0, 0, "not valid UTF-8 text: expected " + expected, e);
        }
        if (text.indexOf('\0') >= 0) {
            int nul = text.indexOf('\0');
            long line = text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1;
            throw new DataFormatException(file, line, 0, "binary content (NUL byte): expected text with " + expected);
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                out.add(text.substring(start, end));
                start = i + 1;
            }
        }
        if (start < text.length()) out.add(text.endsWith("\r") ? text.substring(start, text.length() - 1) : text.substring(start));
        return out;
    }

    /** Splits one CSV record on {@code delim}, honouring double quotes ({@code ""} inside quotes is a quote). */
    public static List<String> splitCsv(String line, char delim, Path file, long lineNo) throws DataFormatException {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false, wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') { sb.append('"'); i++; }
                    else quoted = false;
                } else sb.append(c);
            } else if (c == '"' && sb.toString().isBlank()) {
                quoted = true; wasQuoted = true; sb.setLength(0);
            } else if (c == delim) {
                out.add(wasQuoted ? sb.toString() : sb.toString().strip());
                sb.setLength(0); wasQuoted = false;
            } else sb.append(c);
        }
        if (quoted) throw new DataFormatException(file, lineNo, line.length(), "unterminated quoted field: expected a closing \"");
        out.add(wasQuoted ? sb.toString() : sb.toString().strip());
        return out;
    }

    /** Splits on runs of whitespace (and commas or semicolons? no: whitespace or single commas). */
    public static String[] splitColumns(String line) {
        String s = line.strip();
        if (s.isEmpty()) return new String[0];
        if (s.indexOf(',') >= 0 && s.indexOf(' ') < 0 && s.indexOf('\t') < 0) return s.split("\\s*,\\s*", -1);
        return s.split("[\\s,]+");
    }

    /** Parses a finite double; messages name file, line, column and what was expected. */
    public static double parseFinite(String s, Path file, long line, int column, String what) throws DataFormatException {
        String t = s.strip();
        if (t.isEmpty()) throw new DataFormatException(file, line, column, "empty field: expected " + what);
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            String hint = t.matches("[-+]?\\d+,\\d+([eE][-+]?\\d+)?") ? " (comma as decimal separator? use a dot)" : "";
            throw new DataFormatException(file, line, column, "expected " + what + ", got '" + abbreviate(t) + "'" + hint);
        }
        if (!Double.isFinite(v)) throw new DataFormatException(file, line, column, "expected " + what + " (finite), got " + t);
        if (t.endsWith("d") || t.endsWith("D") || t.endsWith("f") || t.endsWith("F")) {
            throw new DataFormatException(file, line, column, "expected " + what + ", got '" + abbreviate(t) + "' (Java type suffix)");
        }
        return v;
    }

    static String abbreviate(String s) { return s.length() > 40 ? s.substring(0, 37) + "..." : s; }

    /** Whether {@code s} is a plain finite decimal number. */
    public static boolean isNumber(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.endsWith("d") || t.endsWith("D") || t.endsWith("f") || t.endsWith("F")) return false;
        try { return Double.isFinite(Double.parseDouble(t)); } catch (NumberFormatException e) { return false; }
    }
}
