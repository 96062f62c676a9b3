package org.coreloss.structure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes structures as VASP 5 POSCAR (Direct) or extended xyz. Numbers are written with
 * {@link Double#toString(double)}, which reads back to the identical double. Writes are atomic:
 * a temporary file in the target directory is moved over the target.
 */
public final class StructureWriter {
    private StructureWriter() {}

    /**
     * VASP 5 POSCAR text (scale 1, Direct). Interleaved species are written as repeated groups
     * ("O Fe O 1 3 2"), which VASP accepts (one POTCAR entry per group), so atom order is kept.
     */
    public static String poscarText(Structure s) {
        if (!s.isPeriodic()) throw new IllegalArgumentException("structure '" + s.name() + "': POSCAR needs a periodic structure");
        List<String> groups = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            String sp = s.species(i);
            if (!groups.isEmpty() && groups.get(groups.size() - 1).equals(sp)) {
                counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
            } else {
                groups.add(sp);
                counts.add(1);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(s.name().isEmpty() ? "coreloss" : s.name().replace('\n', ' ')).append('\n').append("1.0\n");
        for (double[] v : s.latticeA()) sb.append(v[0]).append(' ').append(v[1]).append(' ').append(v[2]).append('\n');
        sb.append(String.join(" ", groups)).append('\n');
        for (int k = 0; k < counts.size(); k++) sb.append(k == 0 ? "" : " ").append(counts.get(k));
        sb.append("\nDirect\n");
        for (int i = 0; i < s.size(); i++) {
            double[] f = s.fractional(i);
            sb.append(f[0]).append(' ').append(f[1]).append(' ').append(f[2]).append('\n');
        }
        return sb.toString();
    }

    /** Extended xyz text: Lattice="..." for periodic structures, plain comment otherwise. */
    public static String xyzText(Structure s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.size()).append('\n');
        if (s.isPeriodic()) {
            sb.append("Lattice=\"");
            double[][] l = s.latticeA();
            for (int k = 0; k < 9; k++) sb.append(k == 0 ? "" : " ").append(l[k / 3][k % 3]);
            sb.append("\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"");
        } else {
            sb.append(s.name().replace('\n', ' ').replace("Lattice=", "lattice_"));
        }
        sb.append('\n');
        for (int i = 0; i < s.size(); i++) {
            double[] c = s.cartesianA(i);
            sb.append(s.species(i)).append(' ').append(c[0]).append(' ').append(c[1]).append(' ').append(c[2]).append('\n');
        }
        return sb.toString();
    }

    public static void writePoscar(Structure s, Path file) throws IOException { writeAtomic(file, poscarText(s)); }

    public static void writeXyz(Structure s, Path file) throws IOException { writeAtomic(file, xyzText(s)); }

    static void writeAtomic(Path file, String text) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = umaskTempFile(dir, "." + abs.getFileName());
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }


    /** A new temp file with mode 0666 minus the umask ({@code Files.createTempFile} would make it 0600). */
    private static Path umaskTempFile(Path dir, String prefix) throws java.io.IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(prefix + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }
}
