package org.coreloss.data.io;

import org.coreloss.data.SpectraDataset;
import org.coreloss.spectrum.EnergyGrid;
import org.coreloss.spectrum.SpectrumMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Written files and folders follow the umask: their modes equal those of a file and a folder made with plain
 * {@code Files.createFile} / {@code createDirectory} in the same process (0666/0777 minus umask), not the 0600/0700
 * of {@code Files.createTemp*}, which the atomic writes used to rename onto the target.
 */
class UmaskTest {
    @Test
    void atomicWritesGetTheUmaskModes(@TempDir Path dir) throws Exception {
        Set<PosixFilePermission> file = Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe-file")));
        Set<PosixFilePermission> folder = Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("probe-folder")));
        assertNotEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), file,
                "this test needs a umask that lets group or others read (e.g. 022), got " + file);
        SpectraDataset d = SpectraDataset.of("x", SpectrumMatrix.of(EnergyGrid.uniform(0, 1, 2), new float[][]{{1, 2}}));
        SpectraIO.write(d, dir.resolve("x.csv"));
        SpectraIO.write(d, dir.resolve("x.npy"));
        SpectraIO.write(d, dir.resolve("ds"));
        SpectraIO.write(d, dir.resolve("ds"));   // replacing an existing folder
        assertEquals(file, Files.getPosixFilePermissions(dir.resolve("x.csv")));
        assertEquals(file, Files.getPosixFilePermissions(dir.resolve("x.npy")));
        assertEquals(folder, Files.getPosixFilePermissions(dir.resolve("ds")));
        try (Stream<Path> s = Files.list(dir.resolve("ds"))) {
            for (Path p : s.toList()) assertEquals(file, Files.getPosixFilePermissions(p), p.toString());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith(".")).count(), "no temp files left");
        }
    }
}
