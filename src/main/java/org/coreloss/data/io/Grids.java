package org.coreloss.data.io;

import org.coreloss.spectrum.EnergyGrid;

import java.nio.file.Path;

/** Builds an {@link EnergyGrid} from parsed energies, reporting the offending line/column of a bad point. */
final class Grids {
    private Grids() {}

    /** {@code lines[i]}/{@code columns[i]} locate point i (either may be null: then line/column = 0 / i+offset). */
    static EnergyGrid of(double[] e, Path file, long[] lines, int[] columns) throws DataFormatException {
        if (e.length == 0) throw new DataFormatException(file, 0, 0, "no energies: expected at least one point");
        for (int i = 1; i < e.length; i++) {
            if (!(e[i] > e[i - 1])) {
                long line = lines == null ? 0 : lines[i];
                int col = columns == null ? 0 : columns[i];
                String what = e[i] == e[i - 1] ? "duplicated energy " + e[i] + " eV" : "energy " + e[i] + " eV is below the previous " + e[i - 1] + " eV";
                throw new DataFormatException(file, line, col, what + ": expected strictly increasing energies");
            }
        }
        return EnergyGrid.of(e);
    }
}
