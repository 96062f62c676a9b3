package org.coreloss.simulate;

import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.SpectraFormat;
import org.coreloss.data.io.SpectraIO;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A sharded multiplet database folder (the one with {@code database.json}) as a {@link SpectraFormat}:
 * reading is {@link ShardedDatabase#load}; writing is {@link DatabaseGenerator}'s job, so this format
 * does not write. {@link #register()} adds it to {@link SpectraIO} (idempotent), after which
 * {@code SpectraIO.read(dir)} loads a whole database.
 */
public final class ShardedDatabaseFormat implements SpectraFormat {
    private static volatile boolean registered;

    /** Adds this format to {@link SpectraIO} once. */
    public static synchronized void register() {
        if (!registered) {
            SpectraIO.register(new ShardedDatabaseFormat());
            registered = true;
        }
    }

    @Override public String name() { return "multiplet-database"; }
    @Override public List<String> extensions() { return List.of(); }
    @Override public boolean canRead(Path path) {
        return Files.isDirectory(path) && Files.isRegularFile(path.resolve(DatabaseGenerator.DATABASE));
    }
    @Override public SpectraDataset read(Path path) throws IOException { return ShardedDatabase.load(path); }
    @Override public boolean canWrite() { return false; }
    @Override public void write(SpectraDataset dataset, Path path) {
        throw new IllegalArgumentException("multiplet-database: not writable here; generate databases with DatabaseGenerator"
                + " (coreloss simulate) or write a dataset folder instead");
    }
}
