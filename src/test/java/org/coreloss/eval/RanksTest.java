package org.coreloss.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RanksTest {
    /** Reference values from scipy.stats.spearmanr (1.x), with and without ties. */
    @Test
    void spearmanMatchesScipy() {
        assertEquals(0.8207826816681233, Ranks.spearman(new double[]{1, 2, 3, 4, 5}, new double[]{5, 6, 7, 8, 7}), 1e-12);
        assertEquals(-0.316227766016838, Ranks.spearman(new double[]{3, 1, 2, 2}, new double[]{1, 2, 3, 4}), 1e-12);
        assertArrayEquals(new double[]{4, 1, 2.5, 2.5}, Ranks.ranks(new double[]{3, 1, 2, 2}));
        assertThrows(IllegalArgumentException.class, () -> Ranks.ranks(new double[]{Double.NaN}));
    }
}
