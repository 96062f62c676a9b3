package org.coreloss.nn;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Model files: {@code <base>.zip} (DL4J ComputationGraph with updater state) and {@code <base>.json}
 * ({@link ModelMetadata}). Both are written atomically (temporary file in the same directory, then an atomic
 * move). {@code base} may be given with or without the {@code .zip} extension.
 */
public final class ModelFiles {
    private ModelFiles() {}

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /** Writes the model; returns the zip path. */
    public static Path save(TrainedModel model, Path base) throws IOException {
        Path zip = zipPath(base), json = jsonPath(base);
        Path dir = zip.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        writeGraph(model.graph(), zip);
        writeString(json, GSON.toJson(model.info().withCreated(Instant.now().toString())));
        return zip;
    }

    /** Reads a model written by {@link #save}; errors name the file. */
    public static TrainedModel load(Path base) throws IOException {
        Path zip = zipPath(base), json = jsonPath(base);
        if (!Files.isRegularFile(zip)) throw new IOException(zip + ": model file not found (expected a DL4J zip)");
        if (!Files.isRegularFile(json)) throw new IOException(json + ": metadata file not found (expected JSON next to the zip)");
        ModelMetadata meta;
        try {
            meta = GSON.fromJson(Files.readString(json), ModelMetadata.class);
        } catch (RuntimeException e) {
            throw new IOException(json + ": not valid model metadata: " + e.getMessage(), e);
        }
        if (meta == null) throw new IOException(json + ": empty metadata");
        ComputationGraph g;
        try {
            g = ModelSerializer.restoreComputationGraph(zip.toFile(), true);
        } catch (RuntimeException e) {
            throw new IOException(zip + ": not a DL4J ComputationGraph zip: " + e.getMessage(), e);
        }
        if (g.numParams() != meta.spec().parameterCount()) {
            throw new IOException(zip + ": " + g.numParams() + " parameters, but " + json + " describes " + meta.spec().parameterCount());
        }
        return new TrainedModel(g, meta);
    }

    static Path zipPath(Path base) {
        String n = base.getFileName().toString();
        return n.endsWith(".zip") ? base : base.resolveSibling(n + ".zip");
    }

    static Path jsonPath(Path base) {
        String n = zipPath(base).getFileName().toString();
        return base.resolveSibling(n.substring(0, n.length() - 4) + ".json");
    }

    /** Atomic write of a graph (with updater) to {@code target}. */
    static void writeGraph(ComputationGraph g, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = org.coreloss.data.io.AtomicFiles.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                ModelSerializer.writeModel(g, os, true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Atomic write of a UTF-8 text file. */
    static void writeString(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = org.coreloss.data.io.AtomicFiles.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, text.getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
