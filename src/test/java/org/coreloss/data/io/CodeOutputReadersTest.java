package org.coreloss.data.io;

import org.coreloss.data.SpectraDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Readers of simulation-code outputs on files written here in each code's layout (docs/data.md, "Simulation-code
 * outputs", cites the sources of the layouts); the bad-input cases are in the corpus (BadInputTest).
 */
class CodeOutputReadersTest {
    static final String FDMNES_HEADER = "  7112.000   26  1  1  9.5222797E-03 -4.9956723E+00 -3.2821184E-01  1  1  7.2650319E+03  0.0000000E+00  0.0000000E+00  2.6457996E+00   1"
            + " = E_edge, Z, n_edge, j_edge, Abs_before_edge, VO_interstitial, E_cut, ninitl, ninit1, Epsii, UnitCell_Volume, Surface_ref, f0_forward, natomsym\n";

    static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void fdmnesRawOutputKeepsHeaderValuesAndTheXanesColumn(@TempDir Path dir) throws Exception {
        Path f = write(dir, "Fe_site1.txt", FDMNES_HEADER + "    Energy    <xanes>     (1,1)\n"
                + "  -10.0000  1.0483774E-05  2.0E-05\n   -9.5000  1.6542545E-03  3.0E-03\n   -9.0000  2.5-100  4.0E-03\n");
        SpectraDataset d = SpectraIO.read(f);
        assertEquals(1, d.size());
        assertEquals("Fe_site1", d.id(0));
        assertArrayEquals(new double[]{-10, -9.5, -9}, d.grid().energiesEv(), 0);
        assertEquals(1.6542545E-03f, d.spectra().row(0)[1]);
        assertEquals(0f, d.spectra().row(0)[2], "Fortran exponent 2.5-100 read as 2.5E-100");
        assertEquals(7112.0, d.label("fdmnes_E_edge")[0]);
        assertEquals(26.0, d.label("fdmnes_Z")[0]);
        assertEquals(7265.0319, d.label("fdmnes_Epsii")[0], 1e-9);
        SpectraDataset pol = SpectraIO.read(f, ReadOptions.defaults().withColumn("(1,1)"));
        assertEquals(3.0E-03f, pol.spectra().row(0)[1]);
        DataFormatException e = assertThrows(DataFormatException.class, () -> SpectraIO.read(f, ReadOptions.defaults().withColumn("<nope>")));
        assertEquals(2, e.line());
    }

    @Test
    void fdmnesFolderPrefersConvolutedFilesAndDropsTheConvSuffix(@TempDir Path dir) throws Exception {
        for (String id : List.of("Fe_001", "Fe_002")) {
            write(dir, id + ".txt", FDMNES_HEADER + "    Energy    <xanes>\n  -1.0  1.0\n  0.0  2.0\n");
            write(dir, id + "_bav.txt", "FDMNES log\n");
            write(dir, id + "_conv.txt", "    Energy    <xanes>\n   7110.0  0.5\n   7111.0  0.7\n   7112.0  0.9\n");
        }
        SpectraDataset d = SpectraIO.read(dir);
        assertArrayEquals(new String[]{"Fe_001", "Fe_002"}, d.ids());
        assertArrayEquals(new double[]{7110, 7111, 7112}, d.grid().energiesEv(), 0);
        assertTrue(d.history().isEmpty(), "same grid: no resampling step");
        SpectraDataset raw = SpectraIO.read(dir, ReadOptions.defaults().withGlob("Fe_00?.txt"));
        assertEquals(2, raw.size());
        assertEquals(7112.0, raw.label("fdmnes_E_edge")[1]);
    }

    @Test
    void foldersWithDifferentGridsAreResampledOntoTheCommonRangeAtTheFinestMedianSpacing(@TempDir Path dir) throws Exception {
        write(dir, "a_conv.txt", "    Energy    <xanes>\n 0.0 0.0\n 1.0 1.0\n 2.0 2.0\n 3.0 3.0\n 4.0 4.0\n");
        write(dir, "b_conv.txt", "    Energy    <xanes>\n 0.5 10.0\n 1.0 10.5\n 1.5 11.0\n 2.0 11.5\n 2.5 12.0\n 3.0 12.5\n 3.5 13.0\n");
        SpectraDataset d = SpectraIO.read(dir);
        assertArrayEquals(new double[]{0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5}, d.grid().energiesEv(), 1e-12);
        assertArrayEquals(new float[]{0.5f, 1f, 1.5f, 2f, 2.5f, 3f, 3.5f}, d.spectra().row(0), 1e-6f, "linear: y = E");
        assertArrayEquals(new float[]{10f, 10.5f, 11f, 11.5f, 12f, 12.5f, 13f}, d.spectra().row(1), 1e-6f, "b on its own grid");
        assertEquals("resample-on-load", d.history().get(0).name());
        assertEquals(0.5, (Double) d.history().get(0).parameters().get("stepEv"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> SpectraIO.read(dir, ReadOptions.defaults().withGridRule(ReadOptions.GridRule.SAME)));
        assertTrue(e.getMessage().contains("b_conv.txt"), e.getMessage());
        SpectraDataset g = SpectraIO.read(dir, ReadOptions.defaults().withGrid(ReadOptions.parseGrid("1:3:1")));
        assertArrayEquals(new float[]{11.5f - 1f, 11.5f, 12.5f}, g.spectra().row(1), 1e-6f);
        assertThrows(DataFormatException.class, () -> SpectraIO.read(dir, ReadOptions.defaults().withGrid(ReadOptions.parseGrid("0:3:1"))), "no extrapolation");
    }

    @Test
    void feffXmuAndChi(@TempDir Path dir) throws Exception {
        Path x = write(dir, "xmu.dat", "# # Cu                                                           FEFF 10.0.0\n"
                + "#  S02=1.000  Temp=   0.00  Debye_temp=   0.00  Global_sig2= 0.00000\n#     0/   0 paths used\n"
                + "#  xsedge+ 50, used to normalize mu           1.2667E-04\n"
                + "#  -----------------------------------------------------------------------\n"
                + "#  omega    e    k    mu    mu0     chi     @#\n"
                + "   11076.317    -40.000  -3.016  9.93209E-03  9.60242E-03  3.29662E-04\n"
                + "   11076.888    -39.429  -2.991  8.72601E-03  8.38540E-03  3.40613E-04\n"
                + "   11077.459    -38.858  -2.965  7.66539E-03  7.31069E-03  3.54700E-04\n");
        SpectraDataset d = SpectraIO.read(x);
        assertArrayEquals(new double[]{11076.317, 11076.888, 11077.459}, d.grid().energiesEv(), 0);
        assertEquals(8.72601E-03f, d.spectra().row(0)[1]);
        assertEquals("# Cu                                                           FEFF 10.0.0", d.labelAsString("feff_title")[0]);
        assertEquals(3.40613E-04f, SpectraIO.read(x, ReadOptions.defaults().withColumn("chi")).spectra().row(0)[1]);
        Path c = write(dir, "run1/chi.dat", "# Cu metal                                                       Feff 8.50\n"
                + "#     1/   2 paths used\n# -----------------------------------------------------------------------\n"
                + "#       k          chi          mag           phase @#\n"
                + "     0.0000   0.000000E+00  0.000000E+00  0.000000E+00\n     1.0000   1.000000E-02  1.000000E-02  1.0000\n     2.0000  -5.000000E-03  5.000000E-03  2.0000\n");
        SpectraDataset k = SpectraIO.read(c);
        assertArrayEquals(new double[]{0, SpectrumFiles.HBAR2_OVER_2ME_EV_A2, 4 * SpectrumFiles.HBAR2_OVER_2ME_EV_A2}, k.grid().energiesEv(), 1e-12);
        assertEquals(-5e-3f, k.spectra().row(0)[2]);
    }

    @Test
    void optadosCoreEdgeFileGivesOneSpectrumPerEdge(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder(" #*********************************************\n #            Core loss function               \n"
                + " #*********************************************\n #\n # Gaussian broadening: FWHM  0.50000000000000000\n #\n");
        for (String edge : List.of("O 1 K1", "O 2 K1")) {
            sb.append(" # ").append(edge).append('\n');
            for (int i = 0; i < 4; i++) sb.append("  ").append(-1.0 + 0.5 * i).append("  ").append(0.1 * i).append("  ").append(0.2 * i).append('\n');
            sb.append(" \n");
        }
        Path f = write(dir, "SiO2_core_edge.dat", sb.toString());
        SpectraDataset d = SpectraIO.read(f);
        assertArrayEquals(new String[]{"SiO2_core_edge:O1_K1", "SiO2_core_edge:O2_K1"}, d.ids());
        assertEquals(0.4f, d.spectra().row(1)[2], 1e-7f, "broadened column by default");
        assertEquals(0.5, d.label("optados_gaussian_fwhm_eV")[0]);
        assertArrayEquals(new double[]{1, 2}, d.label("site_in_species"));
        assertEquals(0.2f, SpectraIO.read(f, ReadOptions.defaults().withColumns(0, 2)).spectra().row(0)[2], 1e-7f);
    }

    @Test
    void twoColumnReaderSkipsLinesCommentsAndChoosesColumns(@TempDir Path dir) throws Exception {
        Path f = write(dir, "scan.dat", "Instrument X, scan 17\noperator: A. B.\n! beamline comment\nE_eV I0 mu\n100 5 0.1\n101 5 0.2\n102 5 0.4\n");
        DataFormatException bad = assertThrows(DataFormatException.class, () -> SpectraIO.read(f));
        assertEquals(2, bad.line(), "the header is one line; the second non-numeric line is reported");
        SpectraDataset d = SpectraIO.read(f, ReadOptions.defaults().withSkipLines(2).withColumns(1, 3));
        assertArrayEquals(new float[]{0.1f, 0.2f, 0.4f}, d.spectra().row(0));
        DataFormatException e = assertThrows(DataFormatException.class, () -> SpectraIO.read(f, ReadOptions.defaults().withSkipLines(2)));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("--columns"), e.getMessage());
        assertThrows(DataFormatException.class, () -> SpectraIO.read(f, ReadOptions.defaults().withSkipLines(99)));
        DataFormatException wide = assertThrows(DataFormatException.class, () -> SpectraIO.read(f, ReadOptions.defaults().withSkipLines(2).withColumns(1, 4)));
        assertEquals(5, wide.line());
    }

    @Test
    void csvHeaderlessCommentedAndBomPrefixed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("w.csv");
        Files.write(f, ("\uFEFF# exported by tool Y\n# energies 1..3 eV\na,1,2,3\nb,4,5,6\n").getBytes(StandardCharsets.UTF_8));
        SpectraDataset d = SpectraIO.read(f, ReadOptions.defaults().withGrid(ReadOptions.parseGrid("1:3:1")));
        assertArrayEquals(new String[]{"a", "b"}, d.ids());
        assertArrayEquals(new float[]{4, 5, 6}, d.spectra().row(1));
        Path g = dir.resolve("c.csv");
        Files.writeString(g, "# comment\nid,10,11\n# between\nx,1,2\n");
        assertArrayEquals(new double[]{10, 11}, SpectraIO.read(g).grid().energiesEv(), 0);
        DataFormatException e = assertThrows(DataFormatException.class, () -> SpectraIO.read(f, ReadOptions.defaults().withGrid(ReadOptions.parseGrid("1:4:1"))));
        assertEquals(3, e.line());
    }

    @Test
    void optionsParseFromCommandLineWords() {
        List<String> a = new ArrayList<>(List.of("x", "--skip", "3", "--columns", "1,3", "--grid-rule", "same", "--as", "v"));
        ReadOptions o = ReadOptions.parse(a);
        assertEquals(List.of("x", "--as", "v"), a);
        assertEquals(3, o.skipLines());
        assertEquals(3, o.intensityColumn());
        assertEquals(ReadOptions.GridRule.SAME, o.gridRule());
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.parse(new ArrayList<>(List.of("--skip", "x"))));
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.parse(new ArrayList<>(List.of("--grid", "5:1:1"))));
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.parse(new ArrayList<>(List.of("--kind", "vasp"))));
    }
}
