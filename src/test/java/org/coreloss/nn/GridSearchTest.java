package org.coreloss.nn;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class GridSearchTest {
    @Test
    void foldsPartitionRowsEvenlyAndDeterministically() {
        int[] a = GridSearch.foldOf(103, 5, 9), b = GridSearch.foldOf(103, 5, 9);
        assertArrayEquals(a, b);
        int[] count = new int[5];
        for (int f : a) count[f]++;
        for (int c : count) assertTrue(c == 20 || c == 21, "fold size " + c);
        assertThrows(IllegalArgumentException.class, () -> GridSearch.foldOf(10, 1, 0));
    }

    @Test
    void gridSearchReturnsOneRowPerCombinationAndPrefersCapacity() {
        Synthetic d = new Synthetic(180, 32, 12);
        RegressorSpec base = new RegressorSpec(32, 0, List.of(1), 0.0, 0, 1, RegressorSpec.Head.LINEAR, NetworkSpec.Loss.MAE);
        GridSearch.Grid grid = new GridSearch.Grid(List.of(1, 2), List.of(1, 32), List.of(0.0));
        Table t = GridSearch.run(base, d.spectra, d.column(0), grid, 3,
                TrainingOptions.defaults(4).withEpochs(10).withBatchSize(16), null);
        assertEquals(4, t.rowCount());
        assertEquals(List.of("depth", "width", "l2", "cv_loss", "cv_loss_std", "cv_mae", "epochs"), t.columnNames());
        // a single ReLU neuron cannot fit the peak centre as well as 32 neurons
        assertEquals(32, t.intColumn("width").get(0));
        assertTrue(t.doubleColumn("cv_loss").get(0) <= t.doubleColumn("cv_loss").get(3));
        assertEquals(32, GridSearch.best(base, t).hiddenWidths().get(0));
    }

    @Test
    void datasetOverloadChecksSizesAndRuns() {
        Synthetic d = new Synthetic(40, 20, 31);
        org.coreloss.data.SpectraDataset ds = DatasetTrainingTest.dataset(d, 20);
        RegressorSpec base = new RegressorSpec(20, 0, List.of(4), 0.0, 0, 1, RegressorSpec.Head.LINEAR, NetworkSpec.Loss.MAE);
        Table t = GridSearch.run(base, ds, List.of("centre_eV"), List.of(), new GridSearch.Grid(List.of(1), List.of(4), List.of(0.0)), 2,
                TrainingOptions.defaults(1).withEpochs(1), null);
        assertEquals(1, t.rowCount());
        assertThrows(IllegalArgumentException.class, () -> GridSearch.run(base, ds, List.of("centre_eV", "height"), List.of(),
                new GridSearch.Grid(List.of(1), List.of(4), List.of(0.0)), 2, TrainingOptions.defaults(1), null));
    }

    @Test
    void explicitFoldsGiveTheSameTableAsSeededFoldsAndAreChecked() {
        Synthetic d = new Synthetic(30, 12, 5);
        RegressorSpec base = RegressorSpec.seed001(12, List.of(8), 0.0, 1);
        GridSearch.Grid grid = new GridSearch.Grid(List.of(1), List.of(4), List.of(0.0, 0.01));
        TrainingOptions o = TrainingOptions.defaults(3).withEpochs(3).withBatchSize(16);
        Table a = GridSearch.run(base, d.spectra, d.column(0), grid, 3, o, null);
        Table b = GridSearch.run(base, d.spectra, d.column(0), grid, GridSearch.foldOf(30, 3, 3), o, null);
        assertEquals(a.print(), b.print());
        int[] gap = new int[30];
        for (int i = 0; i < 30; i++) gap[i] = i % 2 == 0 ? 0 : 2;   // fold 1 empty
        assertThrows(IllegalArgumentException.class, () -> GridSearch.run(base, d.spectra, d.column(0), grid, gap, o, null));
        assertThrows(IllegalArgumentException.class, () -> GridSearch.run(base, d.spectra, d.column(0), grid, new int[29], o, null));
        assertThrows(IllegalArgumentException.class, () -> GridSearch.run(base, d.spectra, d.column(0), grid, new int[30], o, null));
    }
}
