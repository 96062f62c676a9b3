package org.coreloss.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class DataDirectoryTest {
    @Test
    void propertyWinsAndWalkingUpFindsTheProjectFolder(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("proj/data"));
        Files.writeString(data.resolve("PROVENANCE.md"), "# test");
        Path deep = Files.createDirectories(dir.resolve("proj/notebooks/sub"));
        assertEquals(data.toAbsolutePath(), DataDirectory.walkUp(deep).orElseThrow());
        assertTrue(DataDirectory.walkUp(dir).isEmpty());
        String old = System.getProperty(DataDirectory.PROPERTY);
        try {
            System.setProperty(DataDirectory.PROPERTY, data.toString());
            assertEquals(data.toAbsolutePath(), DataDirectory.locate());
        } finally {
            if (old == null) System.clearProperty(DataDirectory.PROPERTY); else System.setProperty(DataDirectory.PROPERTY, old);
        }
        // from the project working directory (as in Maven tests) the real data folder is found
        assertTrue(Files.isDirectory(DataDirectory.locate().resolve("s-k-seidler")));
    }
}
