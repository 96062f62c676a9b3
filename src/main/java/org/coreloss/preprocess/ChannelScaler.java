package org.coreloss.preprocess;

import org.coreloss.data.SpectraDataset;
import org.coreloss.provenance.Step;
import org.coreloss.spectrum.SpectrumMatrix;

/** A {@link FeatureScaler} applied per energy channel of the spectra, fitted on the training spectra. */
public record ChannelScaler(FeatureScaler scaler) implements Transform {
    public static ChannelScaler standard() { return new ChannelScaler(FeatureScaler.standard()); }
    public static ChannelScaler minMax() { return new ChannelScaler(FeatureScaler.minMax()); }

    @Override public boolean isFitted() { return scaler.isFitted(); }

    @Override public ChannelScaler fit(SpectraDataset train) {
        int c = train.channels();
        float[] d = train.spectra().rawData();
        double[][] rows = new double[train.size()][c];
        for (int i = 0; i < rows.length; i++) for (int j = 0; j < c; j++) rows[i][j] = d[i * c + j];
        return new ChannelScaler(scaler.fit(rows));
    }

    @Override public Step step() {
        Step s = scaler.step();
        return new Step("channel-" + s.name(), s.parameters());
    }

    @Override public SpectraDataset apply(SpectraDataset d) {
        if (!isFitted()) throw new IllegalStateException("channel scaler is not fitted: call fit(train) first");
        int c = d.channels();
        if (scaler.offset().length != c) throw new IllegalArgumentException("channel scaler fitted on " + scaler.offset().length + " channels, data have " + c);
        float[] src = d.spectra().rawData(), out = new float[src.length];
        for (int i = 0; i < d.size(); i++) for (int j = 0; j < c; j++) out[i * c + j] = (float) ((src[i * c + j] - scaler.offset()[j]) / scaler.scale()[j]);
        return d.withSpectra(new SpectrumMatrix(d.grid(), d.size(), out), step());
    }
}
