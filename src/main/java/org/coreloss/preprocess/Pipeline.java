package org.coreloss.preprocess;

import org.coreloss.data.SpectraDataset;
import org.coreloss.provenance.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of {@link Transform}s. {@link #fit} fits each step on the training data as
 * transformed by the steps before it and returns a fitted pipeline; {@link #apply} runs the fitted
 * steps on any dataset (validation, test, experiment). Immutable.
 */
public record Pipeline(List<Transform> transforms) implements Transform {
    public Pipeline {
        transforms = List.copyOf(transforms);
    }

    public static Pipeline of(Transform... transforms) { return new Pipeline(List.of(transforms)); }

    /** A pipeline with {@code t} appended. */
    public Pipeline then(Transform t) {
        List<Transform> l = new ArrayList<>(transforms);
        l.add(t);
        return new Pipeline(l);
    }

    @Override public Step step() {
        List<Object> steps = new ArrayList<>();
        for (Transform t : transforms) steps.add(t.step());
        return Step.of("pipeline", "steps", steps);
    }

    /** The steps of the transforms (as recorded into datasets). */
    public List<Step> steps() { return transforms.stream().map(Transform::step).toList(); }

    @Override public Pipeline fit(SpectraDataset train) {
        List<Transform> fitted = new ArrayList<>();
        SpectraDataset d = train;
        for (int i = 0; i < transforms.size(); i++) {
            Transform f = transforms.get(i).fit(d);
            fitted.add(f);
            if (i + 1 < transforms.size()) d = f.apply(d);
        }
        return new Pipeline(fitted);
    }

    @Override public boolean isFitted() { return transforms.stream().allMatch(Transform::isFitted); }

    @Override public SpectraDataset apply(SpectraDataset data) {
        SpectraDataset d = data;
        for (Transform t : transforms) {
            if (!t.isFitted()) throw new IllegalStateException("pipeline step " + t.step().name() + " is not fitted: call fit(train) first");
            d = t.apply(d);
        }
        return d;
    }
}
