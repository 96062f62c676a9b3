#!/usr/bin/python3
"""Writes notebooks/tutorial-1..3 (run with /usr/bin/python3; needs nbformat)."""
import os, nbformat as nbf
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

HEADER = '''import org.coreloss.data.*;
import org.coreloss.preprocess.*;
import org.coreloss.spectrum.*;
import org.coreloss.multiplet.*;
import org.coreloss.simulate.*;
import org.coreloss.nn.*;
import org.coreloss.eval.*;
import org.coreloss.plot.*;
import org.coreloss.provenance.*;
import java.util.*;
import java.nio.file.*;
import org.knowm.xchart.*;
Path root = Path.of("").toAbsolutePath();
while (root.getParent() != null && !Files.exists(root.resolve("pom.xml"))) root = root.getParent();
Path FIG = root.resolve("build/figures/NAME");
Files.createDirectories(FIG);
long t0 = System.nanoTime();
// a line chart of named curves {energies, intensities}, saved as SVG under FIG
Figure lines(String file, String title, String xLabel, Map<String, double[][]> curves) {
    XYChart c = new XYChartBuilder().width(600).height(380).title(title).xAxisTitle(xLabel).yAxisTitle("intensity (arb. units)").build();
    PaperTheme.apply(c);
    c.getStyler().setMarkerSize(0);
    c.getStyler().setXAxisDecimalPattern("0.#");
    curves.forEach((k, v) -> c.addSeries(k, v[0], v[1]).setLineWidth(0.8f));
    Figure f = Figure.single(file, PaperSize.SINGLE_COLUMN, c, Map.of());
    Figures.save(f, FIG.resolve(file + ".svg"));
    return f;
}'''

def seed_cell(extra=""):
    return ('// seed and quick mode (CORELOSS_QUICK=1 in CI)\nlong seed = 7;\n'
            'boolean quick = "1".equals(System.getenv("CORELOSS_QUICK"));\n' + extra + 'quick')

def record(name):
    return (f'RunRecord.Builder rb = RunRecord.builder("{name}").seed("seed", seed).option("quick", quick)\n'
            '        .timing("notebook", (System.nanoTime() - t0) / 1e9);\n'
            'RunRecord record = rb.build();\nrecord.write(FIG.resolve("run-record.json"));\nrecord')

def write(name, cells):
    nb = nbf.v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Java (Coreloss)", "language": "java", "name": "coreloss"},
                   "language_info": {"file_extension": ".jshell", "mimetype": "text/x-java-source", "name": "java"}}
    nb.cells = [nbf.v4.new_markdown_cell(s) if k == "md" else nbf.v4.new_code_cell(s) for k, s in cells]
    nbf.validate(nb)
    out = os.path.join(ROOT, "notebooks", name + ".ipynb")
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        nbf.write(nb, f)
    os.replace(out + ".tmp", out)
    print(out, len(cells), "cells")

# ------------------------------------------------------------------ tutorial 1
N = "tutorial-1-core-loss-spectra"
write(N, [
("md", """# Tutorial 1 · What is a core-loss spectrum?

A core-loss spectrum (XANES with X-rays, ELNES with electrons) records how strongly a sample absorbs energy
when a **core electron** (1s, 2p, ...) is lifted into **empty states** above the Fermi level. Nothing happens
below the binding energy of that core level; at the binding energy the absorption jumps: this is the **edge**.
Edges are named after the core level: K = 1s, L1 = 2s, L2 = 2p1/2, L3 = 2p3/2. The shape of the first
20-30 eV above the edge (the *near-edge structure*) depends on the empty states of the absorbing atom and
therefore on its chemistry: oxidation state, coordination, bonding.

This notebook shows (1) measured edges from the bundled XAS Data Library files, (2) the L3 and L2 edges of a
3d transition-metal ion computed with the multiplet engine, (3) O K-edge site spectra. It runs in seconds;
there is no separate full mode."""),
("code", seed_cell()),
("code", HEADER.replace("NAME", N)),
("md", """## 1. Measured edges: three L edges of lead and the K edge of iron

`xdi-measured` holds 36 measured spectra on the axis E - E_edge (tabulated edge energy), without
normalisation. The three L edges of Pb metal sit at 15.86 keV (L1), 15.20 keV (L2) and 13.04 keV (L3): on the
relative axis they all jump at 0."""),
("code", """SpectraDataset xdi = Datasets.load("xdi-measured");
String[] element = xdi.labelAsString("element"), edge = xdi.labelAsString("edge");
Map<String, double[][]> pb = new LinkedHashMap<>();
for (int i = 0; i < xdi.size(); i++)
    if (element[i].equals("Pb")) pb.put("Pb " + edge[i] + " (" + Math.round(xdi.label("edge_energy_ev")[i]) + " eV)",
            new double[][]{xdi.grid().energiesEv(), xdi.spectra().rowAsDouble(i)});
lines("pb-l-edges", "Measured Pb L edges (XAS Data Library)", "E - E_edge (eV)", pb)"""),
("code", """Map<String, double[][]> k = new LinkedHashMap<>();
for (int i = 0; i < xdi.size(); i++)
    if (element[i].equals("Fe") || element[i].equals("Cu")) k.put(xdi.id(i), new double[][]{xdi.grid().energiesEv(), xdi.spectra().rowAsDouble(i)});
lines("fe-cu-k-edges", "Measured Fe and Cu K edges", "E - E_edge (eV)", k)"""),
("md", """The jump height depends on sample thickness and detector, which is why spectra are normalised before they
are compared (tutorial 2). The wiggles after the edge differ between the metal foil and the oxides: that
difference is the chemical information.

## 2. L3 and L2: spin-orbit splitting of the 2p level (multiplet engine)

For 3d metals the 2p core hole splits by spin-orbit coupling into 2p3/2 (L3, four states) and 2p1/2 (L2, two
states), about 17 eV apart for Ni. Statistically the L3 edge carries 2/3 of the intensity (the *branching ratio*
L3/(L3+L2) = 2/3); multiplet effects (2p-3d Coulomb interaction, crystal field) change both the shapes and the
ratio. Below: Ni2+ (3d8) in an octahedral crystal field, at two values of 10Dq = 10 x Dq."""),
("code", """MultipletEngine engine = new MultipletEngine();
Ion ni2 = Ions.get("Ni2+");
Map<String, double[][]> ni = new LinkedHashMap<>();
double[] branching = new double[2];
double[] dqs = {0.05, 0.15};
for (int n = 0; n < 2; n++) {
    // seed 003 order: Dq, Ds, Dt (eV), S1, S2, T (K), Gaussian FWHM, Gamma1, Gamma2 (eV)
    MultipletParameters p = ParameterSpace.toMultipletParameters(new double[]{dqs[n], 0, 0, 0.8, 0.8, 300, 0.1, 0.4, 0.6});
    Spectrum s = engine.spectrum(ni2, p).toSpectrum();
    double[] e = s.energiesEv(), y = s.intensities();
    double sw = MultipletEngine.switchEnergyEv(ni2, p), l3 = 0, l2 = 0;   // L3 below the switch energy, L2 above
    for (int j = 0; j < e.length; j++) { if (e[j] < sw) l3 += y[j]; else l2 += y[j]; }
    branching[n] = l3 / (l3 + l2);
    ni.put(String.format("10Dq = %.1f eV, L3/(L3+L2) = %.2f", 10 * dqs[n], branching[n]), new double[][]{e, y});
}
lines("ni2-l23", "Ni2+ 2p XAS (multiplet engine)", "E_f - E_i (eV, relative)", ni)"""),
("md", """## 3. The O K edge: one spectrum per oxygen site

A K edge has no spin-orbit split (1s has l = 0). The O K-edge near-edge structure maps the empty O 2p states
mixed with the metal d states; in a crystal each oxygen site has its own spectrum. `o-k-litmo` holds computed
site spectra of LiTMO oxides (seed 001)."""),
("code", """SpectraDataset ok = Datasets.load("o-k-litmo");
Map<String, double[][]> o = new LinkedHashMap<>();
for (int i = 0; i < 4; i++) o.put(ok.id(i), new double[][]{ok.grid().energiesEv(), ok.spectra().rowAsDouble(i)});
lines("o-k-sites", "O K-edge site spectra (o-k-litmo)", "energy (eV)", o)"""),
("md", """**Check yourself.** Why do the Pb L2 and L3 edges look alike but L1 differs? (L1 starts from 2s, L2/L3
from 2p: different final-state symmetry, s->p versus p->d.) What would a larger 10Dq do to the Ni L3 peak?
(It splits the eg/t2g-derived features further apart.)"""),
("code", record(N)),
])

# ------------------------------------------------------------------ tutorial 2
N = "tutorial-2-preprocessing"
write(N, [
("md", """# Tutorial 2 · Preprocessing: alignment, broadening, normalisation, noise

Before spectra go into a network they are put on one energy grid, aligned, broadened and normalised; for
robustness tests noise is added. Every step is a `Transform` in `org.coreloss.preprocess`, and every applied
step is recorded in the dataset's history (and later in the `RunRecord`). Runs in seconds; no full mode."""),
("code", seed_cell()),
("code", HEADER.replace("NAME", N)),
("md", """## Alignment: putting the onsets at the same energy

`ThresholdAlign(fraction, targetEv, grid)` finds the first energy where a spectrum reaches `fraction` of its
maximum and shifts it there; seed 001 aligns every threshold to 0 eV. The onsets are stored in `onset_ev`."""),
("code", """SpectraDataset ok = Datasets.load("o-k-litmo");
SpectraDataset aligned = new ThresholdAlign(0.1, 0.0, EnergyGrid.uniform(-5, 20, 251)).apply(ok);
Map<String, double[][]> before = new LinkedHashMap<>(), after = new LinkedHashMap<>();
for (int i = 0; i < 4; i++) {
    before.put(ok.id(i), new double[][]{ok.grid().energiesEv(), ok.spectra().rowAsDouble(i)});
    after.put(ok.id(i) + String.format(" (onset %.2f eV)", aligned.label("onset_ev")[i]), new double[][]{aligned.grid().energiesEv(), aligned.spectra().rowAsDouble(i)});
}
display(lines("before-alignment", "before alignment", "energy (eV)", before));
lines("after-alignment", "after threshold alignment (10 % of max -> 0 eV)", "E - onset (eV)", after)"""),
("md", """## Broadening: sigma versus FWHM

A Gaussian of standard deviation sigma has full width at half maximum FWHM = 2 sqrt(2 ln 2) sigma = 2.355 sigma.
Papers quote either; seed 000 used a Gaussian of **FWHM** 0.6 eV (sigma = 0.255 eV). Mixing them up broadens
2.4 times too much or too little. `GaussianBroadening.ofFwhm` and `ofSigma` make the choice explicit."""),
("code", """double fwhmEv = 1.0;
GaussianBroadening byFwhm = GaussianBroadening.ofFwhm(fwhmEv), bySigma = GaussianBroadening.ofSigma(fwhmEv);
System.out.printf("FWHM %.2f eV -> sigma %.4f eV (FWHM/sigma = %.4f)%n", fwhmEv, byFwhm.sigmaEv(), GaussianBroadening.FWHM_PER_SIGMA);
SpectraDataset one = aligned.subset(new int[]{0});
Map<String, double[][]> br = new LinkedHashMap<>();
br.put("as computed", new double[][]{one.grid().energiesEv(), one.spectra().rowAsDouble(0)});
br.put("Gaussian FWHM 1 eV", new double[][]{one.grid().energiesEv(), byFwhm.apply(one).spectra().rowAsDouble(0)});
br.put("Gaussian sigma 1 eV (FWHM 2.35 eV)", new double[][]{one.grid().energiesEv(), bySigma.apply(one).spectra().rowAsDouble(0)});
lines("broadening", "sigma versus FWHM", "E - onset (eV)", br)"""),
("md", """## Normalisation

Absolute intensities depend on the experiment (thickness, dose, detector). Common choices: scale to maximum 1
(`Normalise.max()`), to unit area (`Normalise.area()`), or the XANES edge step (`Normalise.edgeStep(...)`:
pre-edge line subtracted, post-edge level at E0 = 0 scaled to 1). The measured Fe K edge shows why edge-step is the
standard for experimental spectra: the raw values are offsets plus an arbitrary jump."""),
("code", """SpectraDataset fe = Datasets.load("xdi-measured").filter(r -> r.getString("element").equals("Fe"));
Map<String, double[][]> raw = new LinkedHashMap<>(), norm = new LinkedHashMap<>();
SpectraDataset feNorm = Normalise.edgeStep(-20, -5, 30, 60, 0.0).apply(fe);
for (int i = 0; i < fe.size(); i++) {
    raw.put(fe.id(i), new double[][]{fe.grid().energiesEv(), fe.spectra().rowAsDouble(i)});
    norm.put(fe.id(i), new double[][]{fe.grid().energiesEv(), feNorm.spectra().rowAsDouble(i)});
}
display(lines("fe-raw", "Fe K edge, raw mu", "E - E_edge (eV)", raw));
lines("fe-edge-step", "Fe K edge, edge-step normalised", "E - E_edge (eV)", norm)"""),
("md", """## Noise

Measured spectra carry counting (Poisson) noise. `Noise.Poisson.ofCounts(peakCounts, seed)` scales each spectrum
so that its maximum corresponds to `peakCounts` counts, draws Poisson counts and scales back: fewer counts, more
noise (relative noise at the peak about 1/sqrt(counts)). The seed makes the noise reproducible."""),
("code", """Map<String, double[][]> nz = new LinkedHashMap<>();
SpectraDataset clean = Normalise.max().apply(one);
nz.put("clean", new double[][]{clean.grid().energiesEv(), clean.spectra().rowAsDouble(0)});
for (double counts : new double[]{1000, 50})
    nz.put((int) counts + " counts at the peak", new double[][]{clean.grid().energiesEv(), Noise.Poisson.ofCounts(counts, seed).apply(clean).spectra().rowAsDouble(0)});
lines("noise", "Poisson counting noise", "E - onset (eV)", nz)"""),
("md", """Every step above is in the dataset's history; this is what a `RunRecord` stores so that a result can be
reproduced:"""),
("code", """Pipeline.of(new ThresholdAlign(0.1, 0.0, EnergyGrid.uniform(-5, 20, 251)), GaussianBroadening.ofFwhm(0.6), Normalise.max())
        .apply(ok).history()"""),
("code", record(N)),
])

# ------------------------------------------------------------------ tutorial 3
N = "tutorial-3-first-models"
write(N, [
("md", """# Tutorial 3 · A first regressor, a first generator, and how to read their plots

Two small networks: a **regressor** (spectrum -> a number, here the mean O-metal bond length of an oxygen
site, seed 001) and a **generator** (a few physical parameters -> a whole spectrum, seed 003). Then the two plots
the papers use to judge them: the **parity plot** and the **SE histogram**.

Quick mode (`CORELOSS_QUICK=1`) trains a few epochs (under 2 minutes); full mode trains longer (about 10 minutes
on a loaded 2-core machine). Quick-mode numbers are not converged."""),
("code", seed_cell("int epochs = quick ? 15 : 300;\n")),
("code", HEADER.replace("NAME", N)),
("md", """## A first regressor

Inputs: the aligned O K-edge site spectrum on 160 channels (-1 to 15 eV), scaled to maximum 1. Output: the
mean bond length in Angstrom. 20 % of the sites are held out (seeded split)."""),
("code", """SpectraDataset ok = Pipeline.of(Resample.uniform(-1.0, 14.9, 160), Normalise.max()).apply(Datasets.load("o-k-litmo"));
SpectraDataset[] tv = DatasetTraining.split(ok, 0.2, seed);
List<String> target = List.of("mean_bond_length_A");
RegressorSpec spec = RegressorSpec.seed001(ok.channels(), List.of(32), 1e-4, 1);
TrainingResult reg = DatasetTraining.regressor(tv[0], tv[1], target, List.of(), spec,
        TrainingOptions.defaults(seed).withEpochs(epochs).withBatchSize(16), progress());
double[] col(float[][] a) { double[] d = new double[a.length]; for (int i = 0; i < a.length; i++) d[i] = a[i][0]; return d; }
double[] yTr = tv[0].label(target.get(0)), yTe = tv[1].label(target.get(0));
double[] pTr = col(reg.model().predict(DatasetTraining.inputs(tv[0], List.of()))), pTe = col(reg.model().predict(DatasetTraining.inputs(tv[1], List.of())));
double[][] transpose(double[] v) { double[][] m = new double[v.length][1]; for (int i = 0; i < v.length; i++) m[i][0] = v[i]; return m; }
RegressionReport rep = RegressionReport.of(target, transpose(yTe), transpose(pTe));
rep"""),
("code", """Figure parity = Plots.parity("mean bond length (A)", yTr, pTr, yTe, pTe);
Figures.save(parity, FIG.resolve("parity.svg"));
parity"""),
("md", """### Reading a parity plot

* x: the true value, y: the prediction. A perfect model puts every point on the **diagonal**.
* **Grey** points are training data, **coloured** points held-out test data. Test points much further from the
  diagonal than training points mean over-fitting.
* A cloud that is **flatter** than the diagonal (predictions pulled towards the mean) means the model has not
  learned the trend yet: typical after few epochs. Points that **all** lie off to one side: a bias.
* The marginal histograms show whether the predictions cover the same range as the truth.
* Compare the MAE with the spread of the labels: a model is only useful if its MAE is well below the MAE of
  always predicting the training mean."""),
("code", """double mean = Arrays.stream(yTr).average().orElseThrow(), base = 0;
for (double v : yTe) base += Math.abs(v - mean) / yTe.length;
String.format("test MAE %.4f A, mean-predictor MAE %.4f A", rep.mae()[0], base)"""),
("md", """## A first generator

The generator goes the other way: from 9 multiplet parameters of Ni2+ (crystal field Dq, Ds, Dt; Slater
scalings; temperature; broadenings) to the 2p XAS spectrum. Training spectra come from the multiplet engine
(`DatabaseGenerator`, seeded)."""),
("code", """Path dbDir = Files.createTempDirectory("tutorial-3-ni2");
DatabaseGenerator.generate(new DatabaseSpec("Ni2+", quick ? 120 : 1500, Preset.OH, Sampler.UNIFORM, seed, 100), dbDir,
        Runtime.getRuntime().availableProcessors(), progress());
SpectraDataset ni = ShardedDatabase.load(dbDir);
List<String> params = ni.numericColumnNames();
SpectraDataset[] ntv = DatasetTraining.split(ni, 0.2, seed);
GeneratorSpec gspec = GeneratorSpec.cpuDefault(DatasetTraining.inputSize(params.size(), 3), GeneratorSpec.Arch.DNN, 2, ni.channels(), 0);
TrainingResult gen = DatasetTraining.generator(ntv[0], ntv[1], params, 3, gspec,
        TrainingOptions.defaults(seed).withEpochs(quick ? 10 : 200).withBatchSize(32).withLearningRate(1e-4, 1.0), progress());
SpectrumMatrix generated = gen.model().generate(DatasetTraining.columns(ntv[1], params));
double[] se = SpectrumError.se(generated, ntv[1].spectra());
SeIntervals intervals = SeIntervals.of(se);
intervals"""),
("code", """Figure overlay = Plots.spectrumOverlay("held-out Ni2+ spectrum 0: reference vs generated", ni.grid().energiesEv(),
        ntv[1].spectra().rowAsDouble(0), generated.rowAsDouble(0));
Figures.save(overlay, FIG.resolve("generated-spectrum.svg"));
overlay"""),
("code", """Figure seHist = Plots.seIntervals(Map.of("Ni2+", intervals));
Figures.save(seHist, FIG.resolve("se-intervals.svg"));
seHist"""),
("md", """### Reading an SE histogram

SE (seed 003) is a normalised spectrum error per test spectrum (definition in `docs/eval.md`); 0 is a perfect
match. The papers bin SE into intervals I1..I7 with edges 0, 0.03, 0.04, 0.05, 0.06, 0.07, 0.10, infinity: I1-I6
count as **matches**, I7 (SE > 0.10) as **outliers**. A good generator has most spectra in I1-I2 and few in I7.
A histogram piled up in I7 (as after 10 quick epochs) means the generator has not learned yet: train longer or
give it more data, then look at the outliers: which parameters do they have?"""),
("code", record(N).replace('.timing(', '.option("test_mae_A", rep.mae()[0]).option("se_good_fraction", intervals.goodFraction())\n        .timing(')),
])
