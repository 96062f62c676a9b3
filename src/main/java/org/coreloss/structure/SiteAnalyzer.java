package org.coreloss.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-site labels from a structure: coordination number, bond lengths, mean bond angle and
 * Voronoi volume (seed 001: Kiyohara, Tsubaki, Liao, Mizoguchi, J. Phys. Mater. 2 (2019) 024003,
 * section 3: "average bond length, average bond angle, Voronoi volume").
 *
 * <p>Mean bond angle: for bonded neighbours at displacements d_1..d_n (n >= 2), the mean over all
 * n(n-1)/2 pairs of {@code acos(d_j . d_k / (|d_j| |d_k|))} in degrees. For a bridging O with two Si
 * neighbours this is the Si-O-Si angle of the paper; for an octahedral site it is
 * (12 x 90 + 3 x 180) / 15 = 108 degrees.
 */
public final class SiteAnalyzer {
    private SiteAnalyzer() {}

    /** Search radius cap in Angstrom for the relative rule. */
    private static final double MAX_SEARCH_A = 8.0;

    /** Bonded neighbours of {@code site} under {@code rule}, sorted by distance. */
    public static List<Neighbor> bonds(Structure s, int site, CoordinationRule rule) {
        String cs = s.species(site);
        List<Neighbor> out = new ArrayList<>();
        switch (rule.kind()) {
            case FIXED -> {
                for (Neighbor n : Neighbors.within(s, site, rule.parameter())) if (rule.eligible(cs, n.species())) out.add(n);
            }
            case COVALENT -> {
                double rc = Elements.covalentRadiusA(cs);
                double rmax = 0;
                for (String sp : s.speciesCounts().keySet()) rmax = Math.max(rmax, Elements.covalentRadiusA(sp));
                for (Neighbor n : Neighbors.within(s, site, rule.parameter() * (rc + rmax))) {
                    if (rule.eligible(cs, n.species()) && n.distanceA() <= rule.parameter() * (rc + Elements.covalentRadiusA(n.species()))) out.add(n);
                }
            }
            case RELATIVE -> {
                double search = 3.0;
                while (true) {
                    List<Neighbor> all = Neighbors.within(s, site, search);
                    double dmin = Double.NaN;
                    for (Neighbor n : all) if (rule.eligible(cs, n.species())) { dmin = n.distanceA(); break; }
                    double limit = (1 + rule.parameter()) * dmin;
                    if (!Double.isNaN(dmin) && limit <= search) {
                        for (Neighbor n : all) if (rule.eligible(cs, n.species()) && n.distanceA() <= limit * (1 + 1e-12)) out.add(n);
                        break;
                    }
                    if (!Double.isNaN(dmin)) { search = limit * (1 + 1e-9); continue; }
                    if (search >= MAX_SEARCH_A) break;
                    search = Math.min(MAX_SEARCH_A, search * 2);
                }
            }
        }
        return out;
    }

    /** Geometry of one site (Voronoi cell included). */
    public static SiteGeometry analyze(Structure s, int site, CoordinationRule rule) {
        return analyze(s, site, rule, VoronoiCells.cell(s, site));
    }

    /** Geometry of every atom of {@code species} (all atoms when null), in file order. */
    public static List<SiteGeometry> analyzeAll(Structure s, String species, CoordinationRule rule) {
        List<SiteGeometry> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (species == null || s.species(i).equals(species)) out.add(analyze(s, i, rule));
        }
        return out;
    }

    private static SiteGeometry analyze(Structure s, int site, CoordinationRule rule, VoronoiCell cell) {
        List<Neighbor> b = bonds(s, site, rule);
        int n = b.size();
        double mean = Double.NaN, min = Double.NaN, max = Double.NaN, dist = Double.NaN, angle = Double.NaN;
        if (n > 0) {
            double sum = 0;
            min = Double.POSITIVE_INFINITY;
            max = 0;
            for (Neighbor x : b) {
                sum += x.distanceA();
                min = Math.min(min, x.distanceA());
                max = Math.max(max, x.distanceA());
            }
            mean = sum / n;
            double dev = 0;
            for (Neighbor x : b) dev += Math.abs(x.distanceA() - mean);
            dist = dev / n / mean;
        }
        if (n >= 2) {
            double sum = 0;
            int pairs = 0;
            for (int j = 0; j < n; j++) {
                for (int k = j + 1; k < n; k++) {
                    sum += angleDeg(b.get(j), b.get(k));
                    pairs++;
                }
            }
            angle = sum / pairs;
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Neighbor x : b) counts.merge(x.species(), 1, Integer::sum);
        int ordinal = 0;
        for (int i = 0; i < site; i++) if (s.species(i).equals(s.species(site))) ordinal++;
        double same = Double.POSITIVE_INFINITY;
        double search = 4.0;
        while (search <= 16.0) {
            for (Neighbor x : Neighbors.within(s, site, search)) {
                if (x.species().equals(s.species(site))) { same = x.distanceA(); break; }
            }
            if (Double.isFinite(same)) break;
            search *= 2;
        }
        return new SiteGeometry(site, s.species(site), ordinal, n, mean, min, max, dist, angle,
                cell.volumeA3(), cell.faceCount(), same, counts, b);
    }

    /** Angle j-centre-k in degrees between two neighbour displacements (atan2 form, accurate near 0 and 180). */
    static double angleDeg(Neighbor a, Neighbor b) {
        double[] u = a.vectorA(), v = b.vectorA();
        double c = Mat3.dot(u, v);
        double sn = Mat3.norm(Mat3.cross(u, v));
        return Math.toDegrees(Math.atan2(sn, c));
    }
}
