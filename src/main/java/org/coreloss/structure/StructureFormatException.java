package org.coreloss.structure;

import java.io.IOException;

/**
 * A structure file that cannot be read: names the file, the 1-based line (0 when the problem is
 * not tied to one line) and what was expected there.
 */
public final class StructureFormatException extends IOException {
    private final String file;
    private final int line;

    public StructureFormatException(String file, int line, String message) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** The file name (or a label for in-memory text). */
    public String file() { return file; }

    /** 1-based line number, 0 when the error concerns the whole file. */
    public int line() { return line; }
}
