package org.coreloss.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cell into Java parts and magics. A cell whose first non-blank line starts with {@code %%name}
 * is a cell magic (the rest of the cell is its body). Otherwise every line that starts with
 * {@code %name} (leading blanks allowed) is a line magic, and the Java source between such lines is
 * evaluated in order. Magic arguments are split like a shell does: blanks separate, single or double
 * quotes group, a backslash escapes the next character.
 */
public final class MagicSyntax {
    private MagicSyntax() {}

    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%([A-Za-z_][\\w.-]*)(.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%([A-Za-z_][\\w.-]*)(.*)$");

    /** One part of a cell. {@code firstLine} is the 1-based cell line where the part starts. */
    public sealed interface Part permits JavaPart, LineMagicPart, CellMagicPart {
        int firstLine();
    }

    /** Java source. */
    public record JavaPart(String code, int firstLine) implements Part {}

    /** {@code %name args}. */
    public record LineMagicPart(String name, List<String> args, int firstLine) implements Part {}

    /** {@code %%name args} followed by {@code body}. */
    public record CellMagicPart(String name, List<String> args, String body, int firstLine) implements Part {}

    /** Parts of {@code cell} in order; blank Java parts are dropped. */
    public static List<Part> parse(String cell) {
        String[] lines = cell.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) first++;
        List<Part> parts = new ArrayList<>();
        if (first < lines.length) {
            Matcher cm = CELL_MAGIC.matcher(lines[first]);
            if (cm.matches()) {
                String body = String.join("\n", java.util.Arrays.asList(lines).subList(first + 1, lines.length));
                parts.add(new CellMagicPart(cm.group(1), splitArgs(cm.group(2)), body, first + 1));
                return parts;
            }
        }
        StringBuilder java = new StringBuilder();
        int javaStart = 1;
        for (int i = 0; i < lines.length; i++) {
            Matcher lm = LINE_MAGIC.matcher(lines[i]);
            if (lm.matches() && !lines[i].stripLeading().startsWith("%%")) {
                if (!java.toString().isBlank()) parts.add(new JavaPart(java.toString(), javaStart));
                java.setLength(0);
                parts.add(new LineMagicPart(lm.group(1), splitArgs(lm.group(2)), i + 1));
                javaStart = i + 2;
            } else {
                if (java.length() > 0) java.append('\n');
                java.append(lines[i]);
            }
        }
        if (!java.toString().isBlank()) parts.add(new JavaPart(java.toString(), javaStart));
        return parts;
    }

    /** Shell-like splitting of magic arguments. Throws if a quote is not closed. */
    public static List<String> splitArgs(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < text.length()) cur.append(text.charAt(++i));
                else cur.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inToken = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                cur.append(text.charAt(++i));
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) { out.add(cur.toString()); cur.setLength(0); inToken = false; }
            } else {
                cur.append(c);
                inToken = true;
            }
        }
        if (quote != 0) throw new IllegalArgumentException("magic arguments: unclosed " + quote + " quote in '" + text.strip() + "'");
        if (inToken) out.add(cur.toString());
        return out;
    }
}
