#!/usr/bin/python3
"""Writes notebooks/paper-003-ledge/*.ipynb (seed study 003: neural generators of 2p XAS spectra).

Run: /usr/bin/python3 tools/make_paper003.py   (nbformat required). The notebooks are the source of truth
once written; this script keeps their shared preamble (seed, quick mode, paths, database helper) identical.
"""
import nbformat
from nbformat.v4 import new_notebook, new_markdown_cell, new_code_cell
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "notebooks" / "paper-003-ledge"

META = {
    "kernelspec": {"display_name": "Java (Coreloss)", "language": "java", "name": "coreloss"},
    "language_info": {"file_extension": ".jshell", "mimetype": "text/x-java-source", "name": "java"},
}

SEED_CELL = """// seed and quick mode (CORELOSS_QUICK=1 in CI)
long SEED = 3;
boolean QUICK = "1".equals(System.getenv("CORELOSS_QUICK"));
System.out.println("seed " + SEED + ", quick " + QUICK);"""

IMPORTS = """import java.nio.file.*;
import java.util.*;
import org.coreloss.multiplet.*;
import org.coreloss.simulate.*;
import org.coreloss.data.*;
import org.coreloss.spectrum.*;
import org.coreloss.nn.*;
import org.coreloss.eval.*;
import org.coreloss.plot.*;
import org.coreloss.provenance.*;
import org.coreloss.progress.ProgressListener;
import tech.tablesaw.api.*;"""

# Shared paths and the database helper: databases live in build/paper-003/db/<preset>/<ion>-n<N>-s<seed>/;
# the generator skips finished shards, so a database made by 01-database is reused by the other notebooks.
SETUP = """Path ROOT = Path.of("").toAbsolutePath();
while (ROOT.getParent() != null && !Files.exists(ROOT.resolve("pom.xml"))) ROOT = ROOT.getParent();
Path WORK = ROOT.resolve("build/paper-003"), FIG = ROOT.resolve("build/figures/paper-003");
Files.createDirectories(FIG);
// the 22 ions of seed 003 (Ti2+ ... Ni4+); quick mode uses four ions whose multiplet spectra are cheap
List<String> ALL_IONS = Ions.seed003().stream().map(Ion::name).toList();
List<String> IONS = QUICK ? List.of("Ni2+", "Co2+", "Ni3+", "Fe2+") : ALL_IONS;
// quick: 800 per ion (640 training), enough for a generator to beat the mean spectrum (docs/paper-003.md);
// the engine makes them in ~40 s for the four quick ions on 2 cores
int N_TRAIN = QUICK ? 800 : 4000;     // training + validation spectra per ion (the paper: 360,000)
int N_TEST = QUICK ? 60 : 1000;       // test spectra per ion and symmetry (the paper: 10,000)
int THREADS = Runtime.getRuntime().availableProcessors();   // multiplet engine threads (Java)
// one native ND4J thread per operation: on the shared 2-core machine two threads wait for each other and trained
// the quick generators 4-7x slower (docs/paper-003.md); the multiplet engine keeps its own THREADS
org.coreloss.nn.ComputeThreads.set(1);
Map<String, Double> TIMINGS = new LinkedHashMap<>();

/** A seeded multiplet database (made if missing, resumed if partial) loaded as one dataset. */
SpectraDataset database(String ion, Preset preset, int n, long seed) throws Exception {
    Path dir = WORK.resolve("db").resolve(preset.name().toLowerCase()).resolve(ion + "-n" + n + "-s" + seed);
    DatabaseSpec spec = new DatabaseSpec(ion, n, preset, Sampler.UNIFORM, seed, Math.min(n, 500));
    DatabaseGenerator.Result r = DatabaseGenerator.generate(spec, dir, THREADS, progress());
    if (r.spectraComputed() > 0) TIMINGS.merge("simulate_" + preset.name().toLowerCase() + "_s", r.seconds(), Double::sum);
    return ShardedDatabase.load(dir);
}
List<String> PARAMS = List.of("dq_eV", "ds_eV", "dt_eV", "s1", "s2", "temperature_K", "gaussian_fwhm_eV", "gamma1_fwhm_eV", "gamma2_fwhm_eV");
WORK"""

# The per-ion generator (sLCNN at CPU size) shared by 02-architectures, 03-analysis and 04-comparison.
MODEL = """int DEPTH = QUICK ? 2 : 7;                 // characteristic layers of the split generator (the paper: 7)
int EPOCHS = QUICK ? 15 : 80;             // the paper: 80
// Quick mode: small layers (pre-layers 64, 64; DNN 128 neurons; conv 4 filters of width 5) and a split DNN, because
// DL4J's LocallyConnected1D runs through SameDiff and is ~15x slower than Conv1D on this CPU (2 epochs on 128 spectra:
// 140 s). Full mode: GeneratorSpec.cpuDefault (pre-layers 260, 160; DNN 1000; conv 16 filters of width 9) and the
// paper's split LCNN.
GeneratorSpec.Arch SPLIT_ARCH = QUICK ? GeneratorSpec.Arch.DNN : GeneratorSpec.Arch.LCNN;
String SPLIT_NAME = "s" + SPLIT_ARCH + "-" + DEPTH;
GeneratorSpec sized(GeneratorSpec.Arch arch, int layers, int channels, int split) {
    int in = DatasetTraining.inputSize(PARAMS.size(), 3);
    return QUICK ? new GeneratorSpec(in, arch, 64, 64, layers, arch == GeneratorSpec.Arch.DNN ? 128 : 4, 5, channels, split)
                 : GeneratorSpec.cpuDefault(in, arch, layers, channels, split);
}
/** First L2 channel: the Lorentzian switch zeta2p/4 on the relative axis (between L3 and L2). */
int splitChannel(String ion, EnergyGrid grid) { return DatasetTraining.channelAt(grid, Ions.get(ion).zeta2pEv() / 4.0); }
GeneratorSpec splitNet(String ion, EnergyGrid grid, int layers) { return sized(SPLIT_ARCH, layers, grid.size(), splitChannel(ion, grid)); }
// quick: batches of 64 at twice the learning rate (same errors as 32 at 1e-3, half the time: DL4J's layers cost per step)
TrainingOptions trainingOptions(int epochs, int batch) {
    return TrainingOptions.defaults(SEED).withEpochs(epochs).withBatchSize(batch)
            .withLearningRate(QUICK ? 2e-3 : 1e-3, QUICK ? 0.95 : 0.97).withPatience(epochs);
}
// the recipe is in the name, so a model saved under another recipe is never picked up
Path modelBase(String ion) { return WORK.resolve("models").resolve((QUICK ? "quick-" : "full-") + ion + "-" + SPLIT_NAME + "-n" + N_TRAIN + "-e" + EPOCHS); }
/** The ion's split generator: loaded when 02-architectures saved it, else trained here (same recipe). */
TrainedModel generatorFor(String ion) throws Exception {
    if (Files.exists(Path.of(modelBase(ion) + ".zip"))) return ModelFiles.load(modelBase(ion));
    SpectraDataset[] tv = DatasetTraining.split(database(ion, Preset.D4H, N_TRAIN, SEED), 0.2, SEED);
    TrainingResult r = DatasetTraining.generator(tv[0], tv[1], PARAMS, 3, splitNet(ion, tv[0].grid(), DEPTH),
            trainingOptions(EPOCHS, QUICK ? 64 : 256), progress());
    ModelFiles.save(r.model(), modelBase(ion));
    return r.model();
}
/** The baseline every generator must beat: the mean spectrum of the ion's training split, whatever the parameters. */
double[] trainingMean(String ion) throws Exception {
    return SpectrumError.channelMean(DatasetTraining.split(database(ion, Preset.D4H, N_TRAIN, SEED), 0.2, SEED)[0].spectra());
}
/** Mean squared error per channel and spectrum of {@code p} against {@code y}. */
double mse(SpectrumMatrix p, SpectrumMatrix y) {
    double s = 0;
    for (int j = 0; j < y.rows(); j++) for (int i = 0; i < y.channels(); i++) { double d = p.get(j, i) - y.get(j, i); s += d * d; }
    return s / ((double) y.rows() * y.channels());
}
/** The same for one spectrum (e.g. a training mean) predicted for every row of {@code y}. */
double mse(double[] constant, SpectrumMatrix y) {
    double s = 0;
    for (int j = 0; j < y.rows(); j++) for (int i = 0; i < y.channels(); i++) { double d = constant[i] - y.get(j, i); s += d * d; }
    return s / ((double) y.rows() * y.channels());
}"""


def nb(name, cells):
    n = new_notebook(metadata=META)
    n.cells = [new_markdown_cell(c[3:]) if c.startswith("MD:") else new_code_cell(c) for c in cells]
    OUT.mkdir(parents=True, exist_ok=True)
    nbformat.write(n, OUT / name)
    print("wrote", OUT / name)


def record(name, extra):
    return f"""RunRecord.Builder rec = RunRecord.builder("{name}").seed("seed", SEED).option("quick", QUICK)
        .option("ions", IONS).option("n_train_per_ion", N_TRAIN).option("n_test_per_ion", N_TEST);
{extra}
TIMINGS.forEach(rec::timing);
RunRecord run = rec.build();
run.write(WORK.resolve("{name}.run.json"));
run"""


# ---------------------------------------------------------------------------------------------- 01
nb("01-database.ipynb", [
    """MD:# Seed 003 · 1 · A multiplet database for the 22 ions

Seed study 003 (neural networks that *generate* 2p XAS L-edge spectra from nine physical parameters)
trained on 360,000 Quanty spectra per ion for 22 ions Ti2+ … Ni4+ in a D4h crystal field (Table 1 ranges,
501 channels, 30 eV from 5 eV below L3, box-normalised). We generate the same kind of database with our own
multiplet engine (`org.coreloss.multiplet`, validated against Quanty in `docs/multiplet.md`) through
`org.coreloss.simulate` (seeded, sharded, resumable; `docs/simulate.md`).

* **Quick mode** (`CORELOSS_QUICK=1`, CI): four ions (Ni2+, Co2+, Ni3+, Fe2+), 800 spectra each (fewer
  leave the quick generators of notebook 2 little better than the mean spectrum); 30–50 s.
* **Full mode**: all 22 ions, 4,000 spectra each (88,000 spectra). At the measured 8–10 spectra/s of the
  engine on this 2-core machine (all ions mixed; `docs/multiplet.md`) that is **about 2.5–3 hours**; Ni2+
  alone is ~1 ms per spectrum, Cr2+/Mn3+/Fe4+/Co5+ (d4) are the slowest. The run is resumable: stop it
  and execute again, finished shards are kept.

The other notebooks of this folder reuse these databases (same folder, same spec).""",
    SEED_CELL, IMPORTS, SETUP,
    """MD:## Parameter ranges (Table 1) and ions""",
    """Table ranges = Table.create("Table 1 (seed 003), preset d4h",
    StringColumn.create("parameter", ParameterSpace.NAMES),
    DoubleColumn.create("min", Preset.D4H.space(IONS.get(0)).parameters().stream().mapToDouble(Parameter::min).toArray()),
    DoubleColumn.create("max", Preset.D4H.space(IONS.get(0)).parameters().stream().mapToDouble(Parameter::max).toArray()));
ranges""",
    """Table ions = Table.create("ions of seed 003", StringColumn.create("ion"), IntColumn.create("3d electrons"),
    DoubleColumn.create("zeta2p (eV)"));
for (String name : ALL_IONS) {
    Ion ion = Ions.get(name);
    ions.stringColumn(0).append(name); ions.intColumn(1).append(ion.electrons3d());
    ions.doubleColumn(2).append(ion.zeta2pEv());
}
ions.print(30)""",
    """MD:## Generate (progress bar), then load

One database per ion: uniform sampling in the D4h ranges, shards of up to 500 spectra, seed 3.""",
    """Map<String, SpectraDataset> DB = new LinkedHashMap<>();
long t0 = System.nanoTime();
for (String ion : IONS) DB.put(ion, database(ion, Preset.D4H, N_TRAIN, SEED));
double seconds = (System.nanoTime() - t0) / 1e9;
TIMINGS.put("databases_s", seconds);
System.out.printf("%d ions x %d spectra in %.1f s (%.1f spectra/s incl. loading; cached shards are not recomputed)%n",
        IONS.size(), N_TRAIN, seconds, IONS.size() * N_TRAIN / seconds);
DB.get(IONS.get(0))""",
    """Table sizes = Table.create("databases", StringColumn.create("ion"), IntColumn.create("spectra"), IntColumn.create("channels"),
    DoubleColumn.create("first eV"), DoubleColumn.create("last eV"), StringColumn.create("sha256"));
for (var e : DB.entrySet()) {
    SpectraDataset d = e.getValue();
    sizes.stringColumn(0).append(e.getKey()); sizes.intColumn(1).append(d.size()); sizes.intColumn(2).append(d.channels());
    sizes.doubleColumn(3).append(d.grid().energyEv(0)); sizes.doubleColumn(4).append(d.grid().energyEv(d.channels() - 1));
    sizes.stringColumn(5).append(d.sha256().substring(0, 12));
}
sizes""",
    """MD:## A look at the spectra

Three spectra of each ion (box-normalised, relative energy axis E_f − E_i) and the mean μ ± σ of each
database, the quantities against which the analysis notebook correlates the errors.""",
    """List<Figure> figs = new ArrayList<>();
for (String ion : IONS) {
    SpectraDataset d = DB.get(ion);
    double[] mu = SpectrumError.channelMean(d.spectra()), sd = SpectrumError.channelStd(d.spectra());
    double[] hi = new double[mu.length];
    for (int i = 0; i < mu.length; i++) hi[i] = mu[i] + sd[i];
    Figure f = Plots.spectrumOverlay(ion + ": mean (reference) and mean + sigma", d.grid().energiesEv(), mu, hi);
    Figures.save(f, FIG.resolve("db-mean-" + ion + ".svg"));
    figs.add(f);
}
figs.get(0)""",
    """Figure ex = Plots.spectrumOverlay(IONS.get(0) + ": spectra 0 and 1", DB.get(IONS.get(0)).grid().energiesEv(),
        DB.get(IONS.get(0)).spectra().rowAsDouble(0), DB.get(IONS.get(0)).spectra().rowAsDouble(1));
Figures.save(ex, FIG.resolve("db-examples.svg"));
ex""",
    """MD:## Run record""",
    record("paper003-01-database", """for (var e : DB.entrySet()) rec.dataset(e.getKey(), e.getValue().sha256());"""),
])

# ---------------------------------------------------------------------------------------------- 02
PAPER_TABLES = """// Tables 2 and 3 of seed 003 (sLCNN-7 after 80 epochs, 360k spectra per ion): {train MSE, train MAE, validation MSE, validation MAE}
Map<String, double[]> PAPER = new LinkedHashMap<>();
PAPER.put("Ti2+", new double[] {4.60e-5, 0.0034, 1.12e-4, 0.0046}); PAPER.put("V2+", new double[] {4.33e-5, 0.0034, 1.02e-4, 0.0046});
PAPER.put("Cr2+", new double[] {3.64e-5, 0.0032, 9.13e-5, 0.0043}); PAPER.put("Mn2+", new double[] {3.23e-5, 0.0030, 3.24e-5, 0.0030});
PAPER.put("Fe2+", new double[] {2.34e-5, 0.0025, 5.90e-5, 0.0033}); PAPER.put("Co2+", new double[] {2.19e-5, 0.0023, 4.62e-5, 0.0029});
PAPER.put("Ni2+", new double[] {7.61e-6, 0.0011, 1.76e-5, 0.0014});
PAPER.put("V3+", new double[] {4.89e-5, 0.0037, 1.40e-4, 0.0038}); PAPER.put("Cr3+", new double[] {3.66e-5, 0.0033, 1.10e-4, 0.0050});
PAPER.put("Mn3+", new double[] {3.65e-5, 0.0034, 9.42e-5, 0.0046}); PAPER.put("Fe3+", new double[] {3.67e-5, 0.0033, 8.98e-5, 0.0044});
PAPER.put("Co3+", new double[] {2.09e-5, 0.0025, 6.05e-5, 0.0035}); PAPER.put("Ni3+", new double[] {2.02e-5, 0.0023, 4.69e-5, 0.0030});
PAPER.put("Cr4+", new double[] {5.93e-5, 0.0044, 1.65e-4, 0.0064}); PAPER.put("Mn4+", new double[] {5.39e-5, 0.0043, 1.39e-4, 0.0061});
PAPER.put("Fe4+", new double[] {4.19e-5, 0.0038, 1.13e-4, 0.0053}); PAPER.put("Co4+", new double[] {3.831e-5, 0.0034, 1.08e-4, 0.0048});
PAPER.put("Ni4+", new double[] {2.87e-5, 0.0029, 7.96e-5, 0.0041});
PAPER.put("Mn5+", new double[] {6.74e-5, 0.0049, 1.98e-4, 0.0073}); PAPER.put("Fe5+", new double[] {5.25e-5, 0.0044, 1.46e-4, 0.0065});
PAPER.put("Co5+", new double[] {4.21e-5, 0.0039, 1.17e-4, 0.0056});
PAPER.put("Fe6+", new double[] {6.95e-5, 0.0051, 2.06e-4, 0.0077});
PAPER.size()"""

nb("02-architectures.ipynb", [
    """MD:# Seed 003 · 2 · Architectures (figure 3) and per-ion errors (tables 2, 3)

Generators map the nine Table-1 parameters (expanded to all monomials of degree ≤ 3: 220 features; the
paper's FES) through two dense pre-layers (260, 160) and *L* characteristic layers of one kind — dense
(DNN), convolution (CNN), transposed convolution (TCNN), locally connected (LCNN) — to 501 channels; the
split network (sLCNN) has one sub-network for L3 and one for L2 (`org.coreloss.nn.GeneratorSpec`). Loss:
MSE, optimiser RMSProp, as in the paper.

**CPU sizes.** The paper trained on a GPU with 165 filters of width 25 and 32k–320k Ni2+ spectra. Full mode
here uses `GeneratorSpec.cpuDefault` (conv kinds 16 filters of width 9, DNN layers 1000 neurons).
* **Quick** (CI, ~1.5–2 min): Ni2+ only, 1,000 spectra (800 training, 200 validation), depths 1–2, sizes
  200/800, 8 epochs of batches of 64 (learning rate 2e-3, ×0.95 per epoch), small layers (pre-layers 64/64, DNN 128, conv 4 filters of width 5). **LCNN is left out
  of quick mode** and the split network is a split DNN (sDNN): DL4J's LocallyConnected1D runs through
  SameDiff and took 140 s for 2 epochs on 128 spectra on this loaded 2-core machine (Conv1D: 10 s). The
  per-ion table uses the four quick ions (640 training spectra each) with 2-layer sDNNs and 15 epochs.
  Quick numbers are not converged and not comparable to the paper's, but every quick model beats the
  **mean-spectrum baseline** (a "model" that predicts the mean training spectrum whatever the parameters),
  which is printed beside every error below; a check cell fails the notebook if the DNN does not.
* **Full** (documented, not run in CI): Ni2+ 32,000 spectra (~1 min to simulate), depths 1–5, sizes
  4k–25.6k, 40 epochs; 22 ions × sLCNN-7 × 80 epochs on 3,200 training spectra each: roughly 4–6 hours on 2 cores.""",
    SEED_CELL, IMPORTS, SETUP, MODEL,
    """MD:## Figure 3a, b: validation MSE against depth and against data size (Ni2+)""",
    """int N_ARCH = QUICK ? 1000 : 32000;
SpectraDataset ni = database("Ni2+", Preset.D4H, N_ARCH, SEED + 100);
SpectraDataset[] ntv = DatasetTraining.split(ni, 0.2, SEED);
int[] DEPTHS = QUICK ? new int[] {1, 2} : new int[] {1, 2, 3, 4, 5};
int[] SIZES = QUICK ? new int[] {200, 800} : new int[] {4000, 8000, 16000, 25600};   // the last = the whole training split
int ARCH_EPOCHS = QUICK ? 8 : 40, ARCH_BATCH = QUICK ? 64 : 256;
// quick: no LCNN (see the note above); the split network is then a split DNN
List<String> KINDS = QUICK ? List.of("DNN", "CNN", "TCNN", "sDNN") : List.of("DNN", "CNN", "TCNN", "LCNN", "sLCNN");
GeneratorSpec archSpec(String kind, int layers, EnergyGrid grid) {
    if (kind.startsWith("s")) return sized(GeneratorSpec.Arch.valueOf(kind.substring(1)), layers, grid.size(), splitChannel("Ni2+", grid));
    return sized(GeneratorSpec.Arch.valueOf(kind), layers, grid.size(), 0);
}
/** One network trained on the first n rows of the training split (a run on the whole split is trained once and reused). */
Map<String, TrainingResult> ARCH_RUNS = new LinkedHashMap<>();
TrainingResult archRun(String kind, int layers, int n) {
    int rowsUsed = Math.min(n, ntv[0].size());
    return ARCH_RUNS.computeIfAbsent(kind + "-" + layers + "-n" + rowsUsed, key -> {
        int[] rows = java.util.stream.IntStream.range(0, rowsUsed).toArray();
        return DatasetTraining.generator(ntv[0].subset(rows), ntv[1], PARAMS, 3, archSpec(kind, layers, ni.grid()),
                trainingOptions(ARCH_EPOCHS, ARCH_BATCH), ProgressListener.NONE);
    });
}
/** Best validation MSE (spectrum units) of that network. */
double validationMse(String kind, int layers, int n) { return archRun(kind, layers, n).bestValidationLoss(); }
/** Validation MSE of the mean of the same n training spectra: the baseline of that network. */
double baselineMse(int n) {
    int[] rows = java.util.stream.IntStream.range(0, Math.min(n, ntv[0].size())).toArray();
    return mse(SpectrumError.channelMean(ntv[0].subset(rows).spectra()), ntv[1].spectra());
}
System.out.printf("Ni2+: %d training, %d validation spectra; validation MSE of the mean training spectrum (baseline) %.5f%n",
        ntv[0].size(), ntv[1].size(), baselineMse(ntv[0].size()));
ni""",
    """long tArch = System.nanoTime();
Map<String, double[]> byDepth = new LinkedHashMap<>();
for (String kind : KINDS) {
    double[] v = new double[DEPTHS.length];
    for (int d = 0; d < DEPTHS.length; d++) v[d] = validationMse(kind, DEPTHS[d], ntv[0].size());
    byDepth.put(kind, v);
    System.out.printf("%-5s validation MSE by depth %s   (baseline %.5f)%n", kind, Arrays.toString(Arrays.stream(v).mapToObj(x -> String.format("%.5f", x)).toArray()), baselineMse(ntv[0].size()));
}
double[] flat = new double[DEPTHS.length];
Arrays.fill(flat, baselineMse(ntv[0].size()));
byDepth.put("mean spectrum (baseline)", flat);
Figure fig3a = Plots.series("Figure 3a: Ni2+, " + ntv[0].size() + " training spectra", "characteristic layers", "validation MSE",
        Arrays.stream(DEPTHS).asDoubleStream().toArray(), byDepth, true);
Figures.save(fig3a, FIG.resolve("fig3a-depth.svg"));
fig3a""",
    """int deepest = DEPTHS[DEPTHS.length - 1];
Map<String, double[]> bySize = new LinkedHashMap<>();
for (String kind : KINDS) {
    double[] v = new double[SIZES.length];
    for (int s = 0; s < SIZES.length; s++) v[s] = validationMse(kind, deepest, SIZES[s]);
    bySize.put(kind, v);
    System.out.printf("%-5s validation MSE by size %s%n", kind, Arrays.toString(Arrays.stream(v).mapToObj(x -> String.format("%.5f", x)).toArray()));
}
double[] baseBySize = Arrays.stream(SIZES).mapToDouble(n -> baselineMse(n)).toArray();
System.out.printf("mean spectrum of the same n (baseline) %s%n", Arrays.toString(Arrays.stream(baseBySize).mapToObj(x -> String.format("%.5f", x)).toArray()));
bySize.put("mean spectrum (baseline)", baseBySize);
TIMINGS.put("architectures_s", (System.nanoTime() - tArch) / 1e9);
Figure fig3b = Plots.series("Figure 3b: Ni2+, " + deepest + " characteristic layers", "training spectra", "validation MSE",
        Arrays.stream(SIZES).asDoubleStream().toArray(), bySize, true);
Figures.save(fig3b, FIG.resolve("fig3b-size.svg"));
fig3b""",
    """Table fig3 = Table.create("figure 3: validation MSE (Ni2+)", StringColumn.create("network"));
for (int d : DEPTHS) fig3.addColumns(DoubleColumn.create("depth " + d));
for (int s : SIZES) fig3.addColumns(DoubleColumn.create("n=" + s + " (depth " + deepest + ")"));
for (String kind : bySize.keySet()) {
    fig3.stringColumn(0).append(kind);
    for (int d = 0; d < DEPTHS.length; d++) fig3.doubleColumn(1 + d).append(byDepth.get(kind)[d]);
    for (int s = 0; s < SIZES.length; s++) fig3.doubleColumn(1 + DEPTHS.length + s).append(bySize.get(kind)[s]);
}
fig3""",
    """MD:### Check: held-out Ni2+ spectra, against the mean spectrum

The networks of figure 3 at the largest depth and data size, on Ni2+ test spectra that neither training nor
model selection saw (the D4h test set of notebook 3: another seed), against the mean training spectrum.
This cell **fails the notebook** when the DNN is not clearly better than that baseline (test MSE above
0.6 × baseline) or any kind is not better at all: with raw spectra as targets and 14 gradient steps the
earlier quick models were worse than it (docs/paper-003.md).""",
    """SpectraDataset niTest = database("Ni2+", Preset.D4H, N_TEST, SEED + 1000);
double niBase = mse(SpectrumError.channelMean(ntv[0].spectra()), niTest.spectra());
Table check = Table.create("held-out Ni2+ test MSE (" + niTest.size() + " spectra), depth " + deepest + ", " + ntv[0].size() + " training spectra",
    StringColumn.create("network"), DoubleColumn.create("test MSE"), DoubleColumn.create("mean-spectrum test MSE"), DoubleColumn.create("ratio"));
Map<String, Double> RATIO = new LinkedHashMap<>();
for (String kind : KINDS) {
    TrainedModel m = archRun(kind, deepest, ntv[0].size()).model();
    double e = mse(m.generate(DatasetTraining.columns(niTest, PARAMS)), niTest.spectra());
    RATIO.put(kind, e / niBase);
    check.stringColumn(0).append(kind); check.doubleColumn(1).append(e); check.doubleColumn(2).append(niBase); check.doubleColumn(3).append(e / niBase);
}
display(check);
List<String> failures = new ArrayList<>();
if (!(RATIO.get("DNN") < 0.6)) failures.add(String.format("DNN test MSE is %.2f x the mean-spectrum baseline (expected < 0.6)", RATIO.get("DNN")));
RATIO.forEach((kind, r) -> { if (!(r < 1.0)) failures.add(String.format("%s test MSE is %.2f x the mean-spectrum baseline (expected < 1)", kind, r)); });
if (!failures.isEmpty()) throw new IllegalStateException("generators do not beat the mean spectrum: " + failures);
System.out.println("check passed: every network beats the mean training spectrum on held-out Ni2+ spectra; DNN at " + String.format("%.2f", RATIO.get("DNN")) + " x baseline");""",
    """MD:## Tables 2 and 3: sLCNN per ion, training and validation MSE [MAE]

Each ion's database (notebook 1) is split 80:20 (seeded); the split network (sLCNN full, sDNN quick) is trained and saved to
`build/paper-003/models/` for the analysis and comparison notebooks. Errors are on box-normalised spectra,
averaged over all channels and spectra, as in the paper. The column "val MSE of mean train spectrum" is
the error of a model that ignores its inputs: a useful generator must be well below it (the cell fails if one is not). The paper's values (360k spectra, sLCNN-7 with
165 filters, 80 epochs, GPU) stand beside ours.""",
    PAPER_TABLES,
    """double[] mseMae(TrainedModel m, SpectraDataset d) {
    SpectrumMatrix p = m.generate(DatasetTraining.columns(d, PARAMS));
    double se = 0, ae = 0; long n = 0;
    for (int j = 0; j < d.size(); j++) for (int i = 0; i < d.channels(); i++) {
        double diff = p.get(j, i) - d.spectra().get(j, i); se += diff * diff; ae += Math.abs(diff); n++;
    }
    return new double[] {se / n, ae / n};
}
Table t23 = Table.create("tables 2 and 3: " + SPLIT_NAME + " (ours, " + (QUICK ? "quick" : "full") + ") vs sLCNN-7 (paper)",
    StringColumn.create("ion"), IntColumn.create("train spectra"), IntColumn.create("epochs"),
    DoubleColumn.create("train MSE"), DoubleColumn.create("train MAE"), DoubleColumn.create("val MSE"), DoubleColumn.create("val MAE"),
    DoubleColumn.create("val MSE of mean train spectrum"), DoubleColumn.create("val MSE / baseline"), DoubleColumn.create("paper train MSE"), DoubleColumn.create("paper train MAE"), DoubleColumn.create("paper val MSE"), DoubleColumn.create("paper val MAE"));
Map<String, TrainingResult> RESULTS = new LinkedHashMap<>();
long tIons = System.nanoTime();
for (String ion : IONS) {
    SpectraDataset[] tv = DatasetTraining.split(database(ion, Preset.D4H, N_TRAIN, SEED), 0.2, SEED);
    TrainingResult r = DatasetTraining.generator(tv[0], tv[1], PARAMS, 3, splitNet(ion, tv[0].grid(), DEPTH),
            trainingOptions(EPOCHS, QUICK ? 64 : 256), progress());
    ModelFiles.save(r.model(), modelBase(ion));
    RESULTS.put(ion, r);
    double[] tr = mseMae(r.model(), tv[0]), va = mseMae(r.model(), tv[1]), pp = PAPER.get(ion);
    t23.stringColumn(0).append(ion); t23.intColumn(1).append(tv[0].size()); t23.intColumn(2).append(r.epochsRun());
    t23.doubleColumn(3).append(tr[0]); t23.doubleColumn(4).append(tr[1]); t23.doubleColumn(5).append(va[0]); t23.doubleColumn(6).append(va[1]);
    // baseline: predict the mean training spectrum for every validation spectrum
    double base = mse(SpectrumError.channelMean(tv[0].spectra()), tv[1].spectra());
    t23.doubleColumn(7).append(base); t23.doubleColumn(8).append(va[0] / base);
    System.out.printf("%s: validation MSE %.5f, mean-spectrum baseline %.5f (ratio %.2f)%n", ion, va[0], base, va[0] / base);
    for (int k = 0; k < 4; k++) t23.doubleColumn(9 + k).append(pp[k]);
}
TIMINGS.put("per_ion_training_s", (System.nanoTime() - tIons) / 1e9);
for (Row row : t23) if (!(row.getDouble("val MSE / baseline") < 1.0))
    throw new IllegalStateException(row.getString("ion") + ": " + SPLIT_NAME + " validation MSE " + row.getDouble("val MSE") + " is not below the mean-spectrum baseline " + row.getDouble("val MSE of mean train spectrum"));
t23""",
    """Map<String, double[]> curves = new LinkedHashMap<>();
for (var e : RESULTS.entrySet()) {
    curves.put(e.getKey() + " train", e.getValue().trainLoss().stream().mapToDouble(Double::doubleValue).toArray());
    curves.put(e.getKey() + " val", e.getValue().validationLoss().stream().mapToDouble(Double::doubleValue).toArray());
}
Figure loss = Plots.lossCurves(curves, "MSE");
Figures.save(loss, FIG.resolve("tables23-loss-curves.svg"));
loss""",
    """MD:## Run record""",
    record("paper003-02-architectures", """rec.option("arch_epochs", ARCH_EPOCHS).option("depths", Arrays.toString(DEPTHS)).option("sizes", Arrays.toString(SIZES))
   .option("split_network", SPLIT_NAME).option("epochs", EPOCHS).dataset("Ni2+ architectures", ni.sha256());
for (String kind : KINDS) rec.option("fig3a_" + kind, Arrays.toString(byDepth.get(kind))).option("fig3b_" + kind, Arrays.toString(bySize.get(kind)));
for (Row row : t23) rec.option("val_mse_" + row.getString("ion"), row.getDouble("val MSE")).option("val_mse_baseline_" + row.getString("ion"), row.getDouble("val MSE of mean train spectrum"));
RATIO.forEach((kind, r) -> rec.option("ni_test_mse_over_baseline_" + kind, r));"""),
])

# ---------------------------------------------------------------------------------------------- 03
nb("03-analysis.ipynb", [
    """MD:# Seed 003 · 3 · Test analysis: SE intervals, peak misfits, L3/L2, correlations, Oh and C4v

For every ion the split generator of notebook 2 (sLCNN in full mode, sDNN in quick mode) (loaded from `build/paper-003/models/`, or trained
here with the same recipe if missing) predicts fresh test spectra that were never used in training:

* **D4h** test set (Table 1 ranges, another seed): SE and its intervals I1…I7 (figure 4); maximal peak
  misfits (MEPD, the paper's KST) with k-means L3/L2 clusters and KDE contours (figure 5); the L3/L2
  misfit ratio (figure 6) against the branching ratio (figure 7); Pearson correlations of SE_c, M_KST and
  N_KST with μ and σ of the test spectra (figure 8).
* **Oh** (Ds = Dt = 0, an interpolation at the edge of the ranges) and **C4v** (Dq ∈ [−0.2, 0] eV, an
  extrapolation): SE_max against the number of outliers (figure 9a), SE against Dq with a Gaussian-process
  fit and the ratio of matches per 0.05 eV bin with the 95 % marker (figure 9b–d).

Definitions: `docs/eval.md`. Quick mode: 4 ions × 60 test spectra per symmetry (~40 s). Full mode:
22 ions × 1,000 per symmetry (66,000 multiplet spectra, **~2–2.5 h** to simulate on 2 cores, the models
from notebook 2's full run).""",
    SEED_CELL, IMPORTS, SETUP, MODEL,
    """Map<String, TrainedModel> MODELS = new LinkedHashMap<>();
Map<String, double[]> TRAIN_MEAN = new LinkedHashMap<>();   // the mean-spectrum baseline of each ion
for (String ion : IONS) { MODELS.put(ion, generatorFor(ion)); TRAIN_MEAN.put(ion, trainingMean(ion)); }
// test MSE of the generator and of the mean training spectrum, per ion and symmetry: {model, baseline}
Map<String, double[]> TEST_MSE = new LinkedHashMap<>();
/** {predicted, reference} spectra of a test database. */
SpectrumMatrix[] predictAndReference(String ion, SpectraDataset test) {
    SpectrumMatrix p = MODELS.get(ion).generate(DatasetTraining.columns(test, PARAMS));
    return new SpectrumMatrix[] {SpectrumMatrix.of(test.grid(), p.toArray()), test.spectra()};
}
MODELS.keySet()""",
    """MD:## D4h test sets: SE intervals (figure 4)""",
    """Map<String, SpectrumEvaluation> EVALS = new LinkedHashMap<>();
Map<String, SeIntervals> INTERVALS = new LinkedHashMap<>();
for (String ion : IONS) {
    SpectraDataset test = database(ion, Preset.D4H, N_TEST, SEED + 1000);
    SpectrumMatrix[] pr = predictAndReference(ion, test);
    SpectrumEvaluation ev = SpectrumEvaluation.of(ion, pr[0], pr[1], SpectrumEvaluation.Options.defaults(SEED));
    TEST_MSE.put(ion + " D4h", new double[] {mse(pr[0], pr[1]), mse(TRAIN_MEAN.get(ion), pr[1])});
    EVALS.put(ion, ev); INTERVALS.put(ion, ev.intervals());
}
Figure fig4 = Plots.seIntervals(INTERVALS);
Figures.save(fig4, FIG.resolve("fig4-se-intervals.svg"));
fig4""",
    """Table shares = Table.create("SE intervals (% of test spectra); paper: I1 >= 88 % for every ion, I1..I5 (SE < 7 %) >= 99 %",
    StringColumn.create("ion"), DoubleColumn.create("mean SE"), DoubleColumn.create("SE max"));
for (String l : SeIntervals.LABELS) shares.addColumns(DoubleColumn.create(l + " %"));
shares.addColumns(DoubleColumn.create("SE < 7 % (I1..I5) %"));
for (var e : EVALS.entrySet()) {
    SeIntervals iv = e.getValue().intervals();
    shares.stringColumn(0).append(e.getKey()); shares.doubleColumn(1).append(e.getValue().meanSe()); shares.doubleColumn(2).append(iv.maxSe());
    double[] f = iv.fractions();
    for (int k = 0; k < 7; k++) shares.doubleColumn(3 + k).append(100 * f[k]);
    shares.doubleColumn(10).append(100 * iv.goodFraction());
}
shares""",
    """MD:### Test MSE against the mean-spectrum baseline

The error of the generator on these test spectra beside the error of the mean training spectrum of the ion
(a "model" that ignores the parameters). The Oh and C4v rows are added by the symmetry section below.""",
    """Table TEST_TABLE = Table.create("test MSE: generator vs mean training spectrum", StringColumn.create("ion, symmetry"),
    IntColumn.create("test spectra"), DoubleColumn.create("generator MSE"), DoubleColumn.create("mean-spectrum MSE"), DoubleColumn.create("ratio"));
void addTestRows(String suffix) {
    TEST_MSE.forEach((k, v) -> { if (k.endsWith(suffix)) {
        TEST_TABLE.stringColumn(0).append(k); TEST_TABLE.intColumn(1).append(N_TEST);
        TEST_TABLE.doubleColumn(2).append(v[0]); TEST_TABLE.doubleColumn(3).append(v[1]); TEST_TABLE.doubleColumn(4).append(v[0] / v[1]);
    }});
}
addTestRows(" D4h");
TEST_TABLE""",
    """MD:### The worst test spectrum of the first ion""",
    """SpectrumEvaluation ev0 = EVALS.get(IONS.get(0));
int worst = 0;
for (int j = 0; j < ev0.se().length; j++) if (ev0.se()[j] > ev0.se()[worst]) worst = j;
SpectraDataset test0 = database(IONS.get(0), Preset.D4H, N_TEST, SEED + 1000);
SpectrumMatrix[] pr0 = predictAndReference(IONS.get(0), test0);
Figure worstFig = Plots.spectrumOverlay(String.format("%s test %d, SE = %.3f", IONS.get(0), worst, ev0.se()[worst]),
        test0.grid().energiesEv(), pr0[1].rowAsDouble(worst), pr0[0].rowAsDouble(worst));
Figures.save(worstFig, FIG.resolve("worst-" + IONS.get(0) + ".svg"));
worstFig""",
    """MD:## Maximal peak misfits (MEPD), k-means L3/L2 and KDE contours (figure 5)

The paper shows Ni2+, Fe2+ and Co2+ (all three are quick-mode ions).""",
    """List<Figure> fig5 = new ArrayList<>();
for (String ion : List.of("Ni2+", "Fe2+", "Co2+")) if (EVALS.containsKey(ion)) {
    Figure f = Plots.misfitScatter(EVALS.get(ion), 6);
    Figures.save(f, FIG.resolve("fig5-mepd-" + ion + ".svg"));
    fig5.add(f);
}
fig5.get(0)""",
    """fig5.size() > 1 ? fig5.get(1) : fig5.get(0)""",
    """MD:## L3/L2 misfit ratio (figure 6) against the branching ratio (figure 7)""",
    """Map<String, MepdAnalysis> MEPD = new LinkedHashMap<>();
EVALS.forEach((ion, ev) -> MEPD.put(ion, ev.mepd()));
Figure fig6 = Plots.mepdRatioBars(MEPD);
Figures.save(fig6, FIG.resolve("fig6-mepd-ratio.svg"));
fig6""",
    """Figure fig7 = Plots.branchingRelation(MEPD);
Figures.save(fig7, FIG.resolve("fig7-branching.svg"));
Table l3l2 = Table.create("L3/L2", StringColumn.create("ion"), IntColumn.create("misfits in L3"), IntColumn.create("misfits in L2"),
    DoubleColumn.create("r_MEPD"), DoubleColumn.create("I_L3/I_L2 of mu"), DoubleColumn.create("L3 centre eV"), DoubleColumn.create("L2 centre eV"));
MEPD.forEach((ion, m) -> { l3l2.stringColumn(0).append(ion); l3l2.intColumn(1).append(m.countL3()); l3l2.intColumn(2).append(m.countL2());
    l3l2.doubleColumn(3).append(m.ratio()); l3l2.doubleColumn(4).append(m.branchingRatio()); l3l2.doubleColumn(5).append(m.centreL3Ev()); l3l2.doubleColumn(6).append(m.centreL2Ev()); });
display(fig7);
l3l2""",
    """MD:## Pearson correlations (figure 8)

ρ of the channel-resolved SE_c, the maximal misfit per channel M_KST and the misfit count per channel
N_KST with μ and σ of the test spectra (paper: ρ(SE_c, μ/σ) 0.87 … ≈1; M_KST 0.65 … 0.96, mean ≈ 0.9;
N_KST ≈ 0.9 (μ) and 0.8 (σ)).""",
    """Map<String, ChannelCorrelations> CORR = new LinkedHashMap<>();
EVALS.forEach((ion, ev) -> CORR.put(ion, ev.correlations()));
Figure fig8 = Plots.correlationBars(CORR);
Figures.save(fig8, FIG.resolve("fig8-correlations.svg"));
Table corr = Table.create("Pearson rho", StringColumn.create("ion"));
for (String l : ChannelCorrelations.LABELS) corr.addColumns(DoubleColumn.create(l));
CORR.forEach((ion, c) -> { corr.stringColumn(0).append(ion); double[] v = c.values(); for (int k = 0; k < v.length; k++) corr.doubleColumn(1 + k).append(v[k]); });
display(fig8);
corr""",
    """MD:## High symmetry: Oh (interpolation) and C4v (extrapolation), figure 9

The same D4h-trained models; Oh and C4v test databases from the `oh` and `c4v` presets (paired rows:
same S1, S2, T and widths). The paper: Oh SE_max 8.3–28.5 %, on average 43 outliers per 10,000;
C4v: accurate extrapolation mostly only within the first 2.5 % of the Dq range, r_a 34 % on average
(median 28.3 %), Co5+ 78 %.""",
    """Map<String, SeIntervals> OH = new LinkedHashMap<>(), C4V = new LinkedHashMap<>();
Map<String, ExtrapolationAnalysis> EXTRA = new LinkedHashMap<>();
for (String ion : IONS) {
    SpectrumMatrix[] oh = predictAndReference(ion, database(ion, Preset.OH, N_TEST, SEED + 2000));
    TEST_MSE.put(ion + " Oh", new double[] {mse(oh[0], oh[1]), mse(TRAIN_MEAN.get(ion), oh[1])});
    OH.put(ion, SeIntervals.of(SpectrumError.se(oh[0], oh[1])));
    SpectraDataset c4vTest = database(ion, Preset.C4V, N_TEST, SEED + 3000);
    SpectrumMatrix[] c4v = predictAndReference(ion, c4vTest);
    TEST_MSE.put(ion + " C4v", new double[] {mse(c4v[0], c4v[1]), mse(TRAIN_MEAN.get(ion), c4v[1])});
    double[] se = SpectrumError.se(c4v[0], c4v[1]);
    C4V.put(ion, SeIntervals.of(se));
    // bins of 0.05 eV from the training edge Dq = 0, 95 % marker; GP on at most 300 points
    EXTRA.put(ion, ExtrapolationAnalysis.of(c4vTest.label("dq_eV"), se, ExtrapolationAnalysis.Options.of(0.05, 0.0, SEED)));
}
Figure fig9a = Plots.outlierOverview(OH);
Figures.save(fig9a, FIG.resolve("fig9a-oh-outliers.svg"));
fig9a""",
    """String showIon = IONS.contains("Co5+") ? "Co5+" : IONS.get(0);   // the paper's example is Co5+
Figure fig9b = Plots.extrapolation(showIon + ", C4v", "Dq (eV)", EXTRA.get(showIon));
Figures.save(fig9b, FIG.resolve("fig9b-c4v-" + showIon + ".svg"));
fig9b""",
    """Figure fig9c = Plots.gpCurves("Dq (eV)", EXTRA);
Figures.save(fig9c, FIG.resolve("fig9c-gp.svg"));
fig9c""",
    """Figure fig9d = Plots.outlierOverview(C4V);
Figures.save(fig9d, FIG.resolve("fig9d-c4v-matches.svg"));
Table sym = Table.create("Oh and C4v", StringColumn.create("ion"), DoubleColumn.create("D4h SE max"), LongColumn.create("D4h outliers"),
    DoubleColumn.create("Oh SE max"), LongColumn.create("Oh outliers"), DoubleColumn.create("C4v SE max"), LongColumn.create("C4v outliers"),
    DoubleColumn.create("C4v 95 % marker Dq eV"), DoubleColumn.create("C4v reliable fraction"), IntColumn.create("test spectra"));
for (String ion : IONS) {
    sym.stringColumn(0).append(ion); sym.doubleColumn(1).append(INTERVALS.get(ion).maxSe()); sym.longColumn(2).append(INTERVALS.get(ion).outliers());
    sym.doubleColumn(3).append(OH.get(ion).maxSe()); sym.longColumn(4).append(OH.get(ion).outliers());
    sym.doubleColumn(5).append(C4V.get(ion).maxSe()); sym.longColumn(6).append(C4V.get(ion).outliers());
    sym.doubleColumn(7).append(EXTRA.get(ion).marker()); sym.doubleColumn(8).append(EXTRA.get(ion).reliableFraction()); sym.intColumn(9).append(N_TEST);
}
display(fig9d);
sym""",
    """addTestRows(" Oh");
addTestRows(" C4v");
TEST_TABLE""",
    """MD:## Run record""",
    record("paper003-03-analysis", """for (String ion : IONS) rec.option("i1_share_" + ion, INTERVALS.get(ion).fractions()[0]).option("good_share_" + ion, INTERVALS.get(ion).goodFraction())
   .option("oh_outliers_" + ion, OH.get(ion).outliers()).option("c4v_reliable_fraction_" + ion, EXTRA.get(ion).reliableFraction());
TEST_MSE.forEach((k, v) -> rec.option("test_mse_" + k.replace(' ', '_'), v[0]).option("test_mse_baseline_" + k.replace(' ', '_'), v[1]));"""),
])

# ---------------------------------------------------------------------------------------------- 04
nb("04-comparison.ipynb", [
    """MD:# Seed 003 · 4 · Against Quanty, and the speed of the generator

The paper's table 4 compared its networks with experimental spectra of CoO, FeO, CoPc and FePc (digitised
from figures, not redistributable). In its place we check the **physics** under every notebook of this
folder: our multiplet engine against Quanty spectra from Crispy's regression tests (Ni2+, Oh and D4h;
`src/test/resources/multiplet/crispy_quanty/`, provenance in its README), then the **speed** of the neural
generator against the multiplet engine, per spectrum, measured here on this CPU.

Quick and full mode differ only in the number of spectra timed (quick: ~30 s; full: ~5 min).""",
    SEED_CELL, IMPORTS, SETUP, MODEL,
    """MD:## Coreloss engine over Quanty

Quanty places poles at ⟨H_f⟩ of the initial states, so the engine runs in `PoleConvention.QUANTY`, with the
Lorentzian only (0.48 eV FWHM, no Gaussian, absolute intensities) on the references' absolute axis
(shift ζ2p/2 + 852.7 eV). The four current references use the Crispy HF values listed in the README.""",
    """Path REF = ROOT.resolve("src/test/resources/multiplet/crispy_quanty");
Ion niCrispy = new Ion("Ni", 28, 2, 8, true, 12.2338, 7.5975, 0.0826, 13.0058, 8.0839, 7.7213, 5.7865, 3.2909, 0.1022, 11.507, 852.7, 0.48, 0.52);
double SHIFT_EV = 5.7535 + 852.7;
Map<String, MultipletParameters> CASES = new LinkedHashMap<>();
CASES.put("ref0_Ni2+_Oh_10Dq1.0_T300K_Bz15T_iso.spec", MultipletParameters.ofTenDq(1.0, 0, 0, 0.8, 0.8, 300, 0, 0.48, 0.48).withBzEv(8.6825727e-4));
CASES.put("ref1_Ni2+_Oh_10Dq1.0_Fk0.75_Gk0.70_zeta0.90_iso.spec", MultipletParameters.ofTenDq(1.0, 0, 0, 0.75, 0.70, 10, 0, 0.48, 0.48).withZetaScale(0.9));
CASES.put("ref2_Ni2+_Oh_10Dq1.6_iso.spec", MultipletParameters.ofTenDq(1.6, 0, 0, 0.8, 0.8, 10, 0, 0.48, 0.48));
CASES.put("ref5_Ni2+_D4h_Dq0.10_Ds0.01_Dt0.01_iso.spec", MultipletParameters.of(0.10, 0.01, 0.01, 0.8, 0.8, 10, 0, 0.48, 0.48));
MultipletEngine quanty = new MultipletEngine(MultipletEngine.Options.defaults().withPoleConvention(PoleConvention.QUANTY));
Table vsQuanty = Table.create("Coreloss vs Quanty", StringColumn.create("reference"), DoubleColumn.create("rms/peak"), DoubleColumn.create("SE"));
List<Figure> overlays = new ArrayList<>();
for (var c : CASES.entrySet()) {
    SpectraDataset ref = org.coreloss.data.io.SpectraIO.read(REF.resolve(c.getKey()));
    double[] xAbs = ref.grid().energiesEv(), yRef = ref.spectrum(0).intensities();
    double[] xRel = Arrays.stream(xAbs).map(x -> x - SHIFT_EV).toArray();
    double[] yModel = MultipletEngine.lorentzianSpectrum(niCrispy, quanty.sticks(niCrispy, c.getValue()), c.getValue(), xRel);
    double peak = Arrays.stream(yRef).max().getAsDouble(), ss = 0;
    for (int i = 0; i < xAbs.length; i++) ss += (yModel[i] - yRef[i]) * (yModel[i] - yRef[i]);
    vsQuanty.stringColumn(0).append(c.getKey()); vsQuanty.doubleColumn(1).append(Math.sqrt(ss / xAbs.length) / peak);
    vsQuanty.doubleColumn(2).append(SpectrumError.se(yModel, yRef));
    Figure f = Plots.spectrumOverlay(c.getKey().replace("_iso.spec", "") + ": Quanty (reference) vs Coreloss", xAbs, yRef, yModel);
    Figures.save(f, FIG.resolve("quanty-" + c.getKey().replace("_iso.spec", "") + ".svg"));
    overlays.add(f);
}
vsQuanty""",
    """overlays.get(3)""",
    """overlays.get(0)""",
    """MD:## Generator against multiplet engine: spectra per second

Both produce the same thing: a box-normalised 501-channel spectrum from the nine Table-1 parameters.
The engine is timed on fresh uniform D4h parameters (no cache hits: every spectrum is a new
Hamiltonian), single thread and all threads; the generator (the ion's split network of notebook 2: sLCNN at CPU size in full mode, the small sDNN in quick mode) is timed on
the same parameters in one batch, after a warm-up call. The paper reported "a few seconds" for 10,000
spectra per ion on a GPU against "days to weeks" for Quanty on a multicore CPU (no per-spectrum numbers).""",
    """int N_ENGINE = QUICK ? 8 : 100, N_NET = QUICK ? 2000 : 10000;
MultipletEngine engine = new MultipletEngine();
Table speed = Table.create("speed (" + (QUICK ? "quick" : "full") + ", this machine)", StringColumn.create("ion"),
    DoubleColumn.create("engine spectra/s (1 thread)"), DoubleColumn.create("engine spectra/s (" + THREADS + " threads)"),
    DoubleColumn.create("generator spectra/s"), DoubleColumn.create("ratio generator/engine (1 thread)"), DoubleColumn.create("max SE gen vs engine"),
    DoubleColumn.create("MSE gen vs engine"), DoubleColumn.create("MSE mean spectrum vs engine"));
for (String ion : IONS) {
    Ion I = Ions.get(ion);
    ParameterSpace space = Preset.D4H.space(ion);
    SplittableRandom r = new SplittableRandom(SEED + 77);
    float[][] x = new float[N_NET][9];
    // rows 0..N_ENGINE-1: single-thread timing, N_ENGINE..2N_ENGINE-1: all threads, 3 more: warm-up (JIT, operators);
    // all different, so the engine's diagonalisation cache never hits
    List<MultipletParameters> ps = new ArrayList<>();
    for (int j = 0; j < N_NET; j++) {
        double[] u = new double[9]; for (int k = 0; k < 9; k++) u[k] = r.nextDouble();
        double[] v = space.at(u);
        for (int k = 0; k < 9; k++) x[j][k] = (float) v[k];
        if (j < 2 * N_ENGINE + 3) ps.add(ParameterSpace.toMultipletParameters(v));
    }
    engine.spectra(I, ps.subList(2 * N_ENGINE, 2 * N_ENGINE + 3), 1, ProgressListener.NONE);
    long t = System.nanoTime();
    SpectrumMatrix e1 = engine.spectra(I, ps.subList(0, N_ENGINE), 1, ProgressListener.NONE);
    double eng1 = N_ENGINE / ((System.nanoTime() - t) / 1e9);
    t = System.nanoTime();
    engine.spectra(I, ps.subList(N_ENGINE, 2 * N_ENGINE), THREADS, ProgressListener.NONE);
    double engN = N_ENGINE / ((System.nanoTime() - t) / 1e9);
    TrainedModel m = generatorFor(ion);
    m.generate(Arrays.copyOf(x, 16));
    t = System.nanoTime();
    SpectrumMatrix g = m.generate(x);
    double net = N_NET / ((System.nanoTime() - t) / 1e9);
    double maxSe = 0;
    for (int j = 0; j < N_ENGINE; j++) maxSe = Math.max(maxSe, SpectrumError.se(g.rowAsDouble(j), e1.rowAsDouble(j)));
    // the same N_ENGINE spectra: generator and the mean training spectrum (baseline) against the engine
    double genMse = mse(g.select(java.util.stream.IntStream.range(0, N_ENGINE).toArray()), e1), baseMse = mse(trainingMean(ion), e1);
    speed.stringColumn(0).append(ion); speed.doubleColumn(1).append(eng1); speed.doubleColumn(2).append(engN);
    speed.doubleColumn(3).append(net); speed.doubleColumn(4).append(net / eng1); speed.doubleColumn(5).append(maxSe);
    speed.doubleColumn(6).append(genMse); speed.doubleColumn(7).append(baseMse);
    TIMINGS.put("engine_spectra_per_s_" + ion, eng1); TIMINGS.put("generator_spectra_per_s_" + ion, net);
}
speed""",
    """Map<String, double[]> perSpectrum = new LinkedHashMap<>();
double[] idx = new double[IONS.size()];
double[] engMs = new double[IONS.size()], netMs = new double[IONS.size()];
for (int k = 0; k < IONS.size(); k++) { idx[k] = k + 1; engMs[k] = 1000 / speed.doubleColumn(1).get(k); netMs[k] = 1000 / speed.doubleColumn(3).get(k); }
perSpectrum.put("multiplet engine (1 thread)", engMs);
perSpectrum.put(SPLIT_NAME + " generator (batch)", netMs);
Figure sp = Plots.series("ms per spectrum; ions " + IONS, "ion index", "ms per spectrum", idx, perSpectrum, true);
Figures.save(sp, FIG.resolve("speed.svg"));
sp""",
    """MD:## Run record""",
    record("paper003-04-comparison", """for (Row row : vsQuanty) rec.option("rms_over_peak_" + row.getString("reference"), row.getDouble("rms/peak"));
for (Row row : speed) rec.option("speed_ratio_" + row.getString("ion"), row.getDouble("ratio generator/engine (1 thread)"));"""),
])
