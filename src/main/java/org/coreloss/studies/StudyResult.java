package org.coreloss.studies;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.coreloss.provenance.RunRecord;

/** What every study run returns: the quoted numbers and the run record. */
public interface StudyResult {
    /** The study's name, e.g. {@code paper-001}: the folder under {@code results/}. */
    String study();

    StudyMode mode();

    /** Every number the README and docs quote, keyed without spaces (JSON-pointer friendly). */
    Map<String, Object> summary();

    RunRecord record();

    /** Writes {@code <dir>/<study>/<mode>.json} (see {@link StudyOutput}). */
    default Path write(Path dir) throws IOException {
        return StudyOutput.write(dir, study(), mode(), summary(), record());
    }

    /** Writes to {@link StudyPaths#notebookResults()} (what notebooks do: {@code build/results/} unless {@code CORELOSS_RESULTS_DIR} is set). */
    default Path writeToBuild() throws IOException {
        return write(StudyPaths.notebookResults());
    }
}
