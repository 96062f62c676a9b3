#!/usr/bin/python3
"""Writes notebooks/paper-000-molecules/paper-000-molecules.ipynb (run with /usr/bin/python3; needs nbformat)."""
import os, nbformat as nbf
nb = nbf.v4.new_notebook()
nb.metadata = {"kernelspec": {"display_name": "Java (Coreloss)", "language": "java", "name": "coreloss"},
               "language_info": {"file_extension": ".jshell", "mimetype": "text/x-java-source", "name": "java"}}
C = []
md = lambda s: C.append(nbf.v4.new_markdown_cell(s))
code = lambda s: C.append(nbf.v4.new_code_cell(s))

md("""# Paper 000 · Molecular spectra -> molecular labels (S K-edge XANES)

Seed 000 trained a feed-forward network on 240 intensities (24 eV at 0.1 eV) of calculated carbon K-edge
spectra of QM9 molecules and predicted 12 molecular properties; intensive properties (HOMO-LUMO gap) came out
well, extensive ones (internal energy) only after **extra descriptor inputs** were added next to the spectrum.

The QM9 C K-edge database is not bundled (see `docs/paper-000.md`). Here the same workflow runs on the bundled
**measured S K-edge XANES** set of Seidler and co-workers (`s-k-seidler`, 717 labelled organosulfur compounds):

1. classify the compound class (thiol, sulfide, thiocarbonyl, sulfoxide, sulfone) from the spectrum;
2. regress the formal sulfur oxidation state (-2, 0, +2) from the spectrum;
3. add **extra descriptor inputs**: three features of the Kbeta emission spectrum of the same molecule
   (`s-k-seidler-xes`) and a conjugation flag, and measure the change in error.

Split: stratified by compound class (5 folds, fold 0 held out as test; every compound appears once, so this is
also a split grouped by molecule). Quick mode (`CORELOSS_QUICK=1`) trains 12 epochs at batch 128 (about 2 minutes in all
on a loaded 2-core machine; its numbers are not converged);
full mode (unset) trains up to 400 epochs at batch 32 with early stopping (patience 60); measured 190 s on the
same machine (load 3-5), expect 3-5 minutes under heavier load.""")
code("""// seed and quick mode (CORELOSS_QUICK=1 in CI)
long seed = 0;
boolean quick = "1".equals(System.getenv("CORELOSS_QUICK"));
int epochs = quick ? 12 : 400;
int batch = quick ? 128 : 32;
System.out.println("seed " + seed + ", quick " + quick + ", epochs " + epochs);""")
code("""import org.coreloss.nn.*;
import org.coreloss.data.*;
import org.coreloss.preprocess.*;
import org.coreloss.spectrum.*;
import org.coreloss.eval.*;
import org.coreloss.plot.*;
import org.coreloss.provenance.*;
import java.util.*;
import java.nio.file.*;
// figures go to <repository>/build/figures/paper-000-molecules/
Path root = Path.of("").toAbsolutePath();
while (root.getParent() != null && !Files.exists(root.resolve("pom.xml"))) root = root.getParent();
Path FIG = root.resolve("build/figures/paper-000-molecules");
Files.createDirectories(FIG);
// one native thread per ND4J operation: multi-threaded reductions are not bit-reproducible, and on a
// small shared machine one thread is also faster (docs/nn.md)
ComputeThreads.set(1);
long t0 = System.nanoTime();
FIG""")
md("""## Data: XANES on the seed's 240-channel grid, XES descriptors

Unlabelled `TEST/` compounds are dropped. XANES: resampled to 2468.0-2491.9 eV in 0.1 eV steps (240 inputs, as
in the seed) and scaled to a maximum of 1. XES (Kbeta, 2445-2480 eV): per molecule the peak energy, the
intensity-weighted centroid and the standard deviation over 2460-2475 eV; these three numbers and `conj`
(1 for conjugated, 0.5 mixed, 0 not) are the extra descriptor inputs.""")
code("""SpectraDataset raw = Datasets.load("s-k-seidler").filter(r -> !r.getString("compound_class").equals("unknown"));
SpectraDataset xanes = Pipeline.of(Resample.uniform(2468.0, 2491.9, 240), Normalise.max()).apply(raw);
SpectraDataset xes = Datasets.load("s-k-seidler-xes");
double[] peakEv = new double[xanes.size()], centroidEv = new double[xanes.size()], widthEv = new double[xanes.size()], conj = new double[xanes.size()];
String[] conjugation = xanes.labelAsString("conjugation");
for (int i = 0; i < xanes.size(); i++) {
    int k = xes.indexOf(xanes.id(i));
    double[] e = xes.grid().energiesEv(), y = xes.spectra().rowAsDouble(k);
    double s0 = 0, s1 = 0, s2 = 0, best = -1;
    for (int j = 0; j < e.length; j++) {
        if (e[j] < 2460 || e[j] > 2475) continue;
        double w = Math.max(y[j], 0);
        s0 += w; s1 += w * e[j]; s2 += w * e[j] * e[j];
        if (y[j] > best) { best = y[j]; peakEv[i] = e[j]; }
    }
    centroidEv[i] = s1 / s0;
    widthEv[i] = Math.sqrt(Math.max(s2 / s0 - centroidEv[i] * centroidEv[i], 0));
    conj[i] = switch (conjugation[i]) { case "Conj" -> 1.0; case "Mixed" -> 0.5; default -> 0.0; };
}
xanes = xanes.withColumn("xes_peak_eV", peakEv).withColumn("xes_centroid_eV", centroidEv)
             .withColumn("xes_width_eV", widthEv).withColumn("conj", conj);
List<String> DESCRIPTORS = List.of("xes_peak_eV", "xes_centroid_eV", "xes_width_eV", "conj");
display(xanes);
xanes.table().xTabCounts("compound_class", "conjugation")""")
code("""// a few spectra per class
Map<String, double[]> firstOfClass = new LinkedHashMap<>();
String[] cls = xanes.labelAsString("compound_class");
for (int i = 0; i < xanes.size(); i++) firstOfClass.putIfAbsent(cls[i], xanes.spectra().rowAsDouble(i));
double[][] curves = firstOfClass.values().toArray(new double[0][]);
Figure fSpectra = Plots.nearestSpectra("S K-edge XANES, one compound per class", xanes.grid().energiesEv(),
        curves[0], Arrays.copyOfRange(curves, 1, curves.length), new ArrayList<>(firstOfClass.keySet()).subList(1, curves.length));
Figures.save(fSpectra, FIG.resolve("spectra-by-class.svg"));
fSpectra""")
md("""## Stratified split

`Splits.stratifiedKFold` keeps the class proportions in every fold. Fold 0 is the test set; 15 % of the rest
(seeded) is the validation set used for early stopping.""")
code("""Splits.Fold fold = Splits.stratifiedKFold(xanes, "compound_class", 5, seed).get(0);
SpectraDataset test = xanes.subset(fold.test());
SpectraDataset[] tv = DatasetTraining.split(xanes.subset(fold.train()), 0.15, seed);
SpectraDataset train = tv[0], val = tv[1];
TrainingOptions opts = TrainingOptions.defaults(seed).withEpochs(epochs).withBatchSize(batch).withPatience(quick ? epochs : 60);
String.format("train %d, validation %d, test %d", train.size(), val.size(), test.size())""")
md("""## 1. Compound class from the spectrum (softmax classifier), without and with descriptors

Same network (one hidden layer of 64 ReLU units, dropout 0.2, L2 1e-4, Adam, cross-entropy) with and without the
four descriptor inputs; the descriptor run uses `Trainer.fit` directly because the spectrum and the scalars are
concatenated (scalars standardised by the trainer's input scaler).""")
code("""List<String> classes = new ArrayList<>(new TreeSet<>(List.of(train.labelAsString("compound_class"))));
float[][] oneHot(SpectraDataset d, List<String> classes) {
    String[] c = d.labelAsString("compound_class");
    float[][] y = new float[c.length][classes.size()];
    for (int i = 0; i < c.length; i++) y[i][classes.indexOf(c[i])] = 1f;
    return y;
}
double[][] confusion(SpectraDataset d, int[] predicted, List<String> classes) {
    String[] c = d.labelAsString("compound_class");
    double[][] m = new double[classes.size()][classes.size()];
    for (int i = 0; i < c.length; i++) m[classes.indexOf(c[i])][predicted[i]]++;
    return m;
}
double accuracy(double[][] m) { double ok = 0, n = 0; for (int i = 0; i < m.length; i++) for (int j = 0; j < m.length; j++) { n += m[i][j]; if (i == j) ok += m[i][j]; } return ok / n; }
Map<String, Double> results = new LinkedHashMap<>();
Map<String, double[][]> confusions = new LinkedHashMap<>();
for (List<String> extra : List.of(List.<String>of(), DESCRIPTORS)) {
    RegressorSpec cs = new RegressorSpec(xanes.channels(), extra.size(), List.of(64), 0.2, 1e-4, classes.size(),
            RegressorSpec.Head.SOFTMAX, RegressorSpec.Loss.XENT);
    TrainingResult r = Trainer.fit(cs, DatasetTraining.inputs(train, extra), oneHot(train, classes),
            DatasetTraining.inputs(val, extra), oneHot(val, classes), opts, progress());
    double[][] m = confusion(test, r.model().predictClass(DatasetTraining.inputs(test, extra)), classes);
    String key = extra.isEmpty() ? "spectrum" : "spectrum + descriptors";
    confusions.put(key, m);
    results.put("class accuracy, " + key, accuracy(m));
}
results""")
code("""// confusion matrices (rows: true class, columns: predicted) as heat maps
List<org.knowm.xchart.HeatMapChart> charts = new ArrayList<>();
for (var e : confusions.entrySet()) {
    var h = new org.knowm.xchart.HeatMapChartBuilder().width(400).height(360).title(e.getKey())
            .xAxisTitle("predicted").yAxisTitle("true").build();
    List<Number[]> cells = new ArrayList<>();
    for (int i = 0; i < classes.size(); i++) for (int j = 0; j < classes.size(); j++) cells.add(new Number[]{j, i, e.getValue()[i][j]});
    h.addSeries("count", classes, classes, cells);
    h.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    h.getStyler().setChartTitleFont(PaperTheme.TITLE_FONT);
    h.getStyler().setAxisTickLabelsFont(PaperTheme.TICK_FONT);
    h.getStyler().setAxisTitleFont(PaperTheme.AXIS_TITLE_FONT);
    h.getStyler().setAnnotationTextFont(PaperTheme.LEGEND_FONT);
    h.getStyler().setLegendVisible(false);
    h.getStyler().setShowValue(true);
    h.getStyler().setXAxisLabelRotation(45);
    h.getStyler().setMin(0);
    h.getStyler().setRangeColors(new java.awt.Color[]{java.awt.Color.WHITE, PaperTheme.BLUE});
    charts.add(h);
}
Figure fConf = Figure.grid("confusion", PaperSize.DOUBLE_COLUMN.withHeight(3.2), charts, 2, Map.of("classes", classes));
Figures.save(fConf, FIG.resolve("confusion-class.svg"));
fConf""")
md("""## 2. Sulfur oxidation state: regression (parity) and classification

A linear-head regressor (MAE loss, targets standardised) predicts the formal oxidation state as a number;
rounding to the nearest allowed value {-2, 0, +2} turns it into a classifier. Three inputs are compared: the
spectrum alone, the descriptors alone (a 4-input network) and both.""")
code("""double[] allowed = {-2, 0, 2};
double snap(double v) { double b = allowed[0]; for (double a : allowed) if (Math.abs(a - v) < Math.abs(b - v)) b = a; return b; }
Map<String, double[][]> parity = new LinkedHashMap<>();
for (String mode : List.of("spectrum", "descriptors", "spectrum + descriptors")) {
    List<String> extra = mode.equals("spectrum") ? List.of() : DESCRIPTORS;
    boolean noSpectrum = mode.equals("descriptors");
    java.util.function.Function<SpectraDataset, float[][]> in = d -> noSpectrum
            ? DatasetTraining.columns(d, DESCRIPTORS) : DatasetTraining.inputs(d, extra);
    // descriptors alone: the 4 numbers are the whole input vector
    RegressorSpec rs = new RegressorSpec(noSpectrum ? DESCRIPTORS.size() : xanes.channels(), noSpectrum ? 0 : extra.size(),
            List.of(64), 0.2, 1e-4, 1, RegressorSpec.Head.LINEAR, RegressorSpec.Loss.MAE);
    TrainingResult r = Trainer.fit(rs, in.apply(train), DatasetTraining.columns(train, List.of("oxidation_state")),
            in.apply(val), DatasetTraining.columns(val, List.of("oxidation_state")), opts, progress());
    float[][] pTr = r.model().predict(in.apply(train)), pTe = r.model().predict(in.apply(test));
    double[] yTr = train.label("oxidation_state"), yTe = test.label("oxidation_state");
    double[] ptr = new double[pTr.length], pte = new double[pTe.length];
    for (int i = 0; i < ptr.length; i++) ptr[i] = pTr[i][0];
    for (int i = 0; i < pte.length; i++) pte[i] = pTe[i][0];
    double mae = 0, ok = 0;
    for (int i = 0; i < pte.length; i++) { mae += Math.abs(pte[i] - yTe[i]) / pte.length; if (snap(pte[i]) == yTe[i]) ok += 1.0 / pte.length; }
    results.put("oxidation-state MAE, " + mode, mae);
    results.put("oxidation-state accuracy (rounded), " + mode, ok);
    parity.put(mode, new double[][]{yTr, ptr, yTe, pte});
}
results""")
code("""List<Figure> parityFigures = new ArrayList<>();
for (var e : parity.entrySet()) {
    double[][] a = e.getValue();
    Figure f = Plots.parity("S oxidation state (" + e.getKey() + ")", a[0], a[1], a[2], a[3]);
    Figures.save(f, FIG.resolve("parity-oxidation-" + e.getKey().replace(" + ", "-plus-").replace(' ', '-') + ".svg"));
    parityFigures.add(f);
}
display(parityFigures.get(0));
parityFigures.get(2)""")
md("""Reading the parity plots: grey points are training compounds, coloured ones the held-out test fold; points on
the diagonal are perfect. Because the labels take only three values, each column of points is one oxidation
state and its vertical spread is the prediction error.""")
md("""## Readers for the QM9 carbon K-edge databases (for users who have the files)

Seed 000's own spectra were not found published, but the same group of methods (CASTEP core-hole C K-edge
spectra of QM9 molecules) is published as the **simulated carbon K-edge spectral database of organic molecules**
(Shibata, Kikumasa, Kiyohara, Mizoguchi, *Sci. Data* 9, 214 (2022); 117,340 unique carbon sites of 22,155
molecules). Download `site_spectra_0.5eV.hdf5` (and/or `mol_spectra_0.5eV.hdf5`) from its figshare collection
(doi:10.6084/m9.figshare.c.5494395) and the QM9 `dsgdb9nsd_*.xyz` files (Ramakrishnan et al., *Sci. Data* 2014,
figshare doi:10.6084/m9.figshare.c.978904), then set

* `CORELOSS_CK_EDGE_SITES` to the path of `site_spectra_0.5eV.hdf5`,
* `CORELOSS_QM9_XYZ` to the folder of the unpacked `dsgdb9nsd_*.xyz` files,

and re-run this section. `CkEdgeHdf5` reads one row per unique carbon site (own energy grid per site, shifted by
its excitation energy and interpolated onto 288-310 eV, 256 points, unless you pass another grid),
`moleculesFromSites` averages the sites of each molecule weighted by their multiplicity, and `withQm9Labels` adds
the QM9 properties (HOMO-LUMO gap `gap_Ha`, internal energy `U_Ha`, ...) by QM9 index: the inputs and labels of
seed 000. Without the files, the cell below runs the same calls on the small **format fixtures** of the tests
(synthetic Gaussians written by us in the database's layout, not data). Layout, sources and assumptions:
`docs/data.md`, section "Published C K-edge QM9 databases".""")
code("""import org.coreloss.data.io.CkEdgeHdf5;
import org.coreloss.data.io.Qm9Xyz;
String sitesEnv = System.getenv("CORELOSS_CK_EDGE_SITES"), xyzEnv = System.getenv("CORELOSS_QM9_XYZ");
boolean haveDatabase = sitesEnv != null && Files.isRegularFile(Path.of(sitesEnv));
Path sitesFile = haveDatabase ? Path.of(sitesEnv) : root.resolve("src/test/resources/ckedge/site_spectra_fixture.hdf5");
Path xyzFolder = xyzEnv != null && Files.isDirectory(Path.of(xyzEnv)) ? Path.of(xyzEnv) : root.resolve("src/test/resources/qm9");
if (!haveDatabase) System.out.println("CORELOSS_CK_EDGE_SITES not set (or not a file): using the format fixture " + root.relativize(sitesFile)
        + "\\nGet site_spectra_0.5eV.hdf5 from doi:10.6084/m9.figshare.c.5494395 and set CORELOSS_CK_EDGE_SITES to use the real database.");
// the whole site file is 117,340 spectra: quick mode reads the first 200 molecules
CkEdgeHdf5.Options ckOptions = CkEdgeHdf5.Options.defaults().withMaxMolecules(quick ? 200 : Integer.MAX_VALUE);
SpectraDataset ckSites = CkEdgeHdf5.read(sitesFile, ckOptions, org.coreloss.progress.ProgressListener.NONE);
SpectraDataset ckMolecules = CkEdgeHdf5.moleculesFromSites(ckSites);
tech.tablesaw.api.Table qm9 = Qm9Xyz.readFolder(xyzFolder);
SpectraDataset ckLabelled = CkEdgeHdf5.withQm9Labels(ckMolecules, qm9);
System.out.println(ckSites.size() + " site spectra, " + ckMolecules.size() + " molecules, " + ckLabelled.size()
        + " with QM9 labels from " + (xyzEnv != null ? xyzFolder : root.relativize(xyzFolder)) + ", grid " + ckSites.grid());
ckSites.table().first(6)""")
code("""// molecular spectra with their QM9 labels: spectrum -> gap_Ha / U_Ha is seed 000's regression task
ckLabelled.table().selectColumns("id", "qm9_index", "n_sites", "n_carbon_equivalent", "smiles", "gap_Ha", "U_Ha")""")
md("""## Summary and run record""")
code("""tech.tablesaw.api.Table summary = tech.tablesaw.api.Table.create("paper-000 (" + (quick ? "quick" : "full") + " mode, test fold)",
        tech.tablesaw.api.StringColumn.create("metric", results.keySet()),
        tech.tablesaw.api.DoubleColumn.create("value", results.values().stream().mapToDouble(Double::doubleValue).toArray()));
summary""")
code("""RunRecord.Builder rb = RunRecord.builder("paper-000-molecules").seed("split+training", seed).option("quick", quick)
        .option("epochs", epochs).option("descriptors", DESCRIPTORS).dataset("s-k-seidler", raw.sha256()).dataset("s-k-seidler-xes", xes.sha256())
        .steps(xanes.history()).timing("notebook", (System.nanoTime() - t0) / 1e9);
results.forEach((k, v) -> rb.option(k, v));
RunRecord record = rb.build();
record.write(FIG.resolve("run-record.json"));
record""")

nb.cells = C
nbf.validate(nb)
out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "notebooks", "paper-000-molecules", "paper-000-molecules.ipynb")
with open(out + ".tmp", "w", encoding="utf-8") as f:
    nbf.write(nb, f)
os.replace(out + ".tmp", out)
print(out, len(C), "cells")
