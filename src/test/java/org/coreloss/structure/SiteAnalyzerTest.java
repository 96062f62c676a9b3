package org.coreloss.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteAnalyzerTest {

    @Test
    void fccNearestNeighbourShell() {
        double a = 3.6;
        for (Structure s : List.of(Lattices.fccConventional(a), Lattices.fccPrimitive(a))) {
            SiteGeometry g = SiteAnalyzer.analyze(s, 0, CoordinationRule.relative(0.1));
            assertEquals(12, g.coordinationNumber(), s.name());
            assertEquals(a / Math.sqrt(2), g.meanBondLengthA(), 1e-12);
            // per neighbour: 4 at 60, 2 at 90, 4 at 120, 1 at 180 degrees -> 1080 / 11
            assertEquals(1080.0 / 11.0, g.meanBondAngleDeg(), 1e-9);
            assertEquals(a * a * a / 4, g.voronoiVolumeA3(), 1e-10);
            assertEquals(12, g.voronoiFaceCount());
        }
    }

    @Test
    void bccShellAngles() {
        SiteGeometry g = SiteAnalyzer.analyze(Lattices.bccPrimitive(2.87), 0, CoordinationRule.relative(0.05));
        assertEquals(8, g.coordinationNumber());
        assertEquals(2.87 * Math.sqrt(3) / 2, g.meanBondLengthA(), 1e-12);
        // per neighbour: 3 at acos(1/3), 3 at acos(-1/3) (sum 180 each pair), 1 at 180 -> 720 / 7
        assertEquals(720.0 / 7.0, g.meanBondAngleDeg(), 1e-9);
        assertEquals(2.87 * 2.87 * 2.87 / 2, g.voronoiVolumeA3(), 1e-10);
    }

    @Test
    void rockSaltOctahedron() {
        double a = 5.64;
        Structure s = Lattices.rockSalt(a);
        for (CoordinationRule rule : List.of(CoordinationRule.relative(0.2), CoordinationRule.fixed(3.0),
                CoordinationRule.covalent(1.2).excludingCentreSpecies(), CoordinationRule.relative(0.2).onlySpecies(Set.of("Cl")))) {
            SiteGeometry g = SiteAnalyzer.analyze(s, 0, rule);
            assertEquals(6, g.coordinationNumber(), rule.toString());
            assertEquals(a / 2, g.meanBondLengthA(), 1e-12, rule.toString());
            assertEquals(108.0, g.meanBondAngleDeg(), 1e-9, "(12 x 90 + 3 x 180) / 15");
            assertEquals(Set.of("Cl"), g.neighbourCounts().keySet());
            assertEquals(6, g.count("Cl"));
            assertEquals(0.0, g.bondLengthDistortion(), 1e-12);
            assertEquals(a / Math.sqrt(2), g.nearestSameSpeciesA(), 1e-12);
        }
        assertEquals(4, SiteAnalyzer.analyze(s, 5, CoordinationRule.fixed(3.0)).speciesOrdinal() + 3, "Cl #1 is the 2nd Cl");
    }

    @Test
    void bentBridgeAngleInMolecule() {
        // water-like O with two H at 0.96 A and 104.5 degrees
        double t = Math.toRadians(104.5);
        Structure m = Structure.molecule("h2o", List.of("O", "H", "H"),
                new double[][] {{0, 0, 0}, {0.96, 0, 0}, {0.96 * Math.cos(t), 0.96 * Math.sin(t), 0}});
        SiteGeometry g = SiteAnalyzer.analyze(m, 0, CoordinationRule.covalent(1.3));
        assertEquals(2, g.coordinationNumber());
        assertEquals(104.5, g.meanBondAngleDeg(), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, g.voronoiVolumeA3());
        SiteGeometry h = SiteAnalyzer.analyze(m, 1, CoordinationRule.covalent(1.3));
        assertEquals(1, h.coordinationNumber(), "H-H = 1.52 A is beyond 1.3 x 0.62");
        assertTrue(Double.isNaN(h.meanBondAngleDeg()), "one neighbour: no angle");
    }

    @Test
    void ruleValidation() {
        assertThrows(IllegalArgumentException.class, () -> CoordinationRule.fixed(-1));
        assertThrows(IllegalArgumentException.class, () -> CoordinationRule.relative(3));
        assertThrows(IllegalArgumentException.class, () -> CoordinationRule.covalent(Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SiteAnalyzer.analyze(Structure.molecule("m", List.of("Qq", "O"), new double[][] {{0, 0, 0}, {1, 0, 0}}), 0, CoordinationRule.covalent(1.2)));
        assertTrue(e.getMessage().contains("Qq"), e.getMessage());
    }
}
