package org.coreloss.studies;

import java.util.List;
import org.coreloss.progress.ProgressListener;

/** Runs a study by name with its preset options and checks it against the preset thresholds. */
public final class Studies {
    /** Studies that {@link #run} knows. */
    public static final List<String> NAMES = List.of(Paper000Molecules.NAME, Paper001Sites.NAME, Paper002DosToSpectrum.NAME);

    private Studies() {
    }

    /**
     * Runs {@code name} in {@code mode}; {@code trainingSeeds} (may be null) overrides paper-002's training seeds.
     *
     * @throws IllegalArgumentException for an unknown study name
     */
    public static StudyResult run(String name, StudyMode mode, List<Long> trainingSeeds, ProgressListener progress) {
        return switch (name) {
            case Paper000Molecules.NAME -> Paper000Molecules.run(Paper000Molecules.Options.of(mode), progress);
            case Paper001Sites.NAME -> Paper001Sites.run(Paper001Sites.Options.of(mode), progress);
            case Paper002DosToSpectrum.NAME -> {
                Paper002DosToSpectrum.Options o = Paper002DosToSpectrum.Options.of(mode);
                yield Paper002DosToSpectrum.run(trainingSeeds == null ? o : o.withTrainingSeeds(trainingSeeds), progress);
            }
            default -> throw new IllegalArgumentException("unknown study \"" + name + "\"; expected one of " + NAMES);
        };
    }

    /** Checks a result against its mode's preset thresholds (throws {@link StudyCheckException}). */
    public static void check(StudyResult r) {
        if (r instanceof Paper000Molecules.Result x) x.check(Paper000Molecules.Thresholds.of(r.mode()));
        else if (r instanceof Paper001Sites.Result x) x.check(Paper001Sites.Thresholds.of(r.mode()));
        else if (r instanceof Paper002DosToSpectrum.Result x) x.check(Paper002DosToSpectrum.Thresholds.of(r.mode()));
        else throw new IllegalArgumentException("no thresholds for " + r.study());
    }
}
