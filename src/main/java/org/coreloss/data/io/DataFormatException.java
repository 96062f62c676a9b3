package org.coreloss.data.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Malformed input: names the file, the 1-based line and column (0 when not applicable) and what was
 * expected. The message reads {@code "<file>, line L, column C: <what>"}.
 */
public class DataFormatException extends IOException {
    private final Path file;
    private final long line;
    private final int column;
    private final String problem;

    public DataFormatException(Path file, long line, int column, String problem) {
        this(file, line, column, problem, null);
    }

    public DataFormatException(Path file, long line, int column, String problem, Throwable cause) {
        super(format(file, line, column, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    private static String format(Path file, long line, int column, String problem) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (line > 0) sb.append(", line ").append(line);
        if (column > 0) sb.append(", column ").append(column);
        return sb.append(": ").append(problem).toString();
    }

    /** The file (may be an entry path such as {@code archive.npz!/x.npy}). */
    public Path file() { return file; }
    /** 1-based line (or record) number; 0 if not applicable. */
    public long line() { return line; }
    /** 1-based column (or byte offset for binary headers); 0 if not applicable. */
    public int column() { return column; }
    /** What was wrong and what was expected, without the location. */
    public String problem() { return problem; }
}
