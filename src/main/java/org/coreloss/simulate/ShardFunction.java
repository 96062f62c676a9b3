package org.coreloss.simulate;

import org.coreloss.data.SpectraDataset;
import org.coreloss.multiplet.Ion;
import org.coreloss.multiplet.Ions;
import org.coreloss.multiplet.MultipletEngine;
import org.coreloss.multiplet.MultipletParameters;
import org.coreloss.progress.ProgressListener;
import org.coreloss.provenance.Step;
import org.coreloss.spectrum.SpectrumMatrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One shard of a multiplet database as a pure function of ({@link DatabaseSpec}, shard index): the
 * shard's unit-cube points ({@link Sampler} on {@link DatabaseSpec#shardRandom}), mapped onto the
 * preset's ranges, then one seed-003 spectrum each (501 channels, box-normalised, float32) from
 * {@link MultipletEngine#spectra}. No global state is read or written (the engine's per-ion operator
 * matrices are a memo of constants), so shards can run on any worker, in any order, and the same
 * (spec, k) gives bit-identical spectra and labels whatever the thread count.
 *
 * <p>Labels: {@code id} ({@code <ion>-<global row, 8 digits>}) and the nine inputs with units in the
 * column names ({@link ParameterSpace#NAMES}), exactly the doubles given to the engine.
 */
public final class ShardFunction {
    private ShardFunction() {}

    /** The parameters of shard {@code k}'s rows (no spectra computed). */
    public static List<double[]> parameterValues(DatabaseSpec spec, int k) {
        int n = spec.rowsInShard(k);
        ParameterSpace space = spec.space();
        double[][] u = spec.sampler().unitPoints(n, space.dimensions(), spec.shardRandom(k));
        List<double[]> out = new ArrayList<>(n);
        for (double[] row : u) out.add(space.at(row));
        return out;
    }

    /** The label table of shard {@code k} (id + the nine parameters). */
    public static Table labels(DatabaseSpec spec, int k, List<double[]> values) {
        int n = values.size();
        String[] ids = new String[n];
        int first = spec.firstRow(k);
        for (int i = 0; i < n; i++) ids[i] = String.format(Locale.ROOT, "%s-%08d", spec.ion(), first + i);
        Table t = Table.create(spec.ion() + " " + DatabaseSpec.shardName(k), StringColumn.create(SpectraDataset.ID, ids));
        for (int j = 0; j < ParameterSpace.NAMES.size(); j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = values.get(i)[j];
            t.addColumns(DoubleColumn.create(ParameterSpace.NAMES.get(j), col));
        }
        return t;
    }

    /** The processing step recorded in each shard's manifest (deterministic: no times, no paths). */
    public static Step step(DatabaseSpec spec, int k) {
        return Step.of("multiplet-simulate", "ion", spec.ion(), "preset", spec.preset().id(), "sampler", spec.sampler().id(),
                "seed", spec.seed(), "count", spec.count(), "shardSize", spec.shardSize(), "shardIndex", k,
                "firstRow", spec.firstRow(k), "rows", spec.rowsInShard(k),
                "engine", "org.coreloss.multiplet.MultipletEngine seed003 window (501 channels, box-normalised)",
                "poleConvention", "FINAL_MINUS_INITIAL");
    }

    /**
     * Computes shard {@code k}. {@code listener} gets {@code advance(done)} with the shard-local count
     * and is polled for cancellation between spectra; a cancelled shard throws
     * {@link java.util.concurrent.CancellationException} and returns nothing.
     */
    public static SpectraDataset compute(DatabaseSpec spec, int k, MultipletEngine engine, int threads, ProgressListener listener) {
        Objects.requireNonNull(engine, "engine");
        Ion ion = Ions.get(spec.ion());
        List<double[]> values = parameterValues(spec, k);
        List<MultipletParameters> params = new ArrayList<>(values.size());
        for (double[] v : values) params.add(ParameterSpace.toMultipletParameters(v));
        SpectrumMatrix m = engine.spectra(ion, params, threads, listener);
        String name = spec.ion() + " " + spec.preset().id() + " seed " + spec.seed() + " " + DatabaseSpec.shardName(k);
        return SpectraDataset.of(name, m, labels(spec, k, values)).withHistory(List.of(step(spec, k)));
    }
}
