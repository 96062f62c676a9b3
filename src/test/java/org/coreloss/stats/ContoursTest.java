package org.coreloss.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContoursTest {
    @Test
    void circleIsOneClosedPolylineOnTheRadius() {
        int n = 81;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = -2 + 4.0 * i / (n - 1);
        double[][] z = new double[n][n];
        for (int iy = 0; iy < n; iy++) for (int ix = 0; ix < n; ix++) z[iy][ix] = g[ix] * g[ix] + g[iy] * g[iy];
        List<Contours.Polyline> lines = Contours.isolines(g, g, z, 1.0);
        assertEquals(1, lines.size());
        Contours.Polyline c = lines.get(0);
        assertTrue(c.closed(), "closed");
        for (int i = 0; i < c.size(); i++) assertEquals(1.0, Math.hypot(c.x()[i], c.y()[i]), 0.01);
        // enclosed area (shoelace) is close to pi
        double a = 0;
        for (int i = 0; i + 1 < c.size(); i++) a += c.x()[i] * c.y()[i + 1] - c.x()[i + 1] * c.y()[i];
        assertEquals(Math.PI, Math.abs(a) / 2, 0.01);
    }

    @Test
    void twoBumpsGiveTwoLinesAndLevelsAreInside() {
        int n = 60;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = -3 + 6.0 * i / (n - 1);
        double[][] z = new double[n][n];
        for (int iy = 0; iy < n; iy++) for (int ix = 0; ix < n; ix++)
            z[iy][ix] = Math.exp(-((g[ix] - 1.5) * (g[ix] - 1.5) + g[iy] * g[iy])) + Math.exp(-((g[ix] + 1.5) * (g[ix] + 1.5) + g[iy] * g[iy]));
        assertEquals(2, Contours.isolines(g, g, z, 0.5).size());
        double[] lv = Contours.levels(z, 6);
        assertEquals(6, lv.length);
        for (int i = 1; i < lv.length; i++) assertTrue(lv[i] > lv[i - 1]);
        assertTrue(Contours.isolines(g, g, z, 2.0).isEmpty());
    }
}
