package org.coreloss.fit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ResultTablesTest {
    /** Only calibration-<ion>-snr<N>.json files are rows; other calibration-* files (the analysis) are not read. */
    @Test
    void calibrationTableReadsOnlyCalibrationRuns(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("calibration-Ni2+-snr100.json"),
                "{\"ion\":\"Ni2+\",\"snr\":100,\"cases\":50,\"coverage90\":0.874,\"coverage90_min_parameter\":0.76,\"tendq_median_abs_error_ev\":0.068}");
        Files.writeString(dir.resolve("calibration-analysis.json"), "{\"command\":\"x\",\"runs\":[]}");
        Files.writeString(dir.resolve("calibration-Ni2+-snr100.cases.jsonl"), "{}\n");
        var t = ResultTables.calibrations(dir);
        assertEquals(1, t.rowCount());
        assertEquals(0.874, t.doubleColumn("coverage90").get(0), 0.0);
        // the committed folder, as notebook 05 reads it
        assertEquals(8, ResultTables.calibrations(Path.of("results/fit")).rowCount(), "Ni2+, Co2+, Fe3+, Mn3+ at SNR 100 and 30");
    }
}
