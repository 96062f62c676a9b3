package org.coreloss.simulate;

import org.coreloss.data.SpectraDataset;
import org.coreloss.data.io.DatasetFolderFormat;
import org.coreloss.provenance.Step;
import org.coreloss.spectrum.SpectrumMatrix;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a whole sharded multiplet database ({@link DatabaseGenerator}'s folder) as one
 * {@link SpectraDataset}: the shards of {@code database.json} in order, concatenated (rows in global
 * row order, ids {@code <ion>-<row>}). Each shard's SHA-256 is checked against the top-level manifest.
 */
public final class ShardedDatabase {
    private ShardedDatabase() {}

    /** Loads every shard; throws if the database is incomplete or a shard does not match its SHA-256. */
    public static SpectraDataset load(Path folder) throws IOException {
        DatabaseGenerator.DatabaseManifest m = DatabaseGenerator.readManifest(folder);
        DatasetFolderFormat fmt = new DatasetFolderFormat();
        List<SpectraDataset> parts = new ArrayList<>();
        long rows = 0;
        for (DatabaseGenerator.ShardEntry e : m.shards()) {
            SpectraDataset s = fmt.read(folder.resolve(e.folder()));
            if (!s.sha256().equals(e.sha256())) {
                throw new IOException(folder.resolve(e.folder()) + ": content SHA-256 " + s.sha256() + " differs from "
                        + DatabaseGenerator.DATABASE + " (" + e.sha256() + "); delete the shard and run the simulate command again");
            }
            parts.add(s);
            rows += s.size();
        }
        if (parts.isEmpty()) throw new IOException(folder + ": database has no shards");
        if (rows > Integer.MAX_VALUE / parts.get(0).channels()) throw new IOException(folder + ": " + rows + " spectra do not fit one float array; load shards separately");
        int c = parts.get(0).channels();
        float[] data = new float[(int) rows * c];
        int off = 0;
        Table t = parts.get(0).table();
        for (int i = 0; i < parts.size(); i++) {
            SpectraDataset s = parts.get(i);
            if (!s.grid().equals(parts.get(0).grid())) throw new IOException(folder.resolve(m.shards().get(i).folder()) + ": grid differs from the first shard");
            float[] d = s.spectra().rawData();
            System.arraycopy(d, 0, data, off, d.length);
            off += d.length;
            if (i > 0) t.append(s.table());
        }
        DatabaseSpec spec = m.spec();
        String name = spec.ion() + " " + spec.preset().id() + " seed " + spec.seed();
        t.setName(name);
        Step step = Step.of("multiplet-simulate", "ion", spec.ion(), "preset", spec.preset().id(), "sampler", spec.sampler().id(),
                "seed", spec.seed(), "count", spec.count(), "shardSize", spec.shardSize());
        return SpectraDataset.of(name, new SpectrumMatrix(parts.get(0).grid(), (int) rows, data), t)
                .withHistory(List.of(step)).withSource(folder.toString());
    }

    /** The spec of a database folder (from {@code spec.json}; works for incomplete databases too). */
    public static DatabaseSpec spec(Path folder) throws IOException {
        Path p = folder.resolve(DatabaseGenerator.SPEC);
        try {
            return DatabaseGenerator.GSON.fromJson(java.nio.file.Files.readString(p), DatabaseSpec.class);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(p + ": missing; expected a Coreloss multiplet database folder", e);
        } catch (RuntimeException e) {
            throw new IOException(p + ": invalid database spec (" + e.getMessage() + ")", e);
        }
    }
}
