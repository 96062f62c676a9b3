"""Writes notebooks/01-datasets.ipynb (run with /usr/bin/python3; needs nbformat)."""
import nbformat as nbf

nb = nbf.v4.new_notebook()
nb.metadata = {"kernelspec": {"display_name": "Java (Coreloss)", "language": "java", "name": "coreloss"},
               "language_info": {"file_extension": ".jshell", "mimetype": "text/x-java-source", "name": "java"}}
C = []
md = lambda s: C.append(nbf.v4.new_markdown_cell(s))
code = lambda s: C.append(nbf.v4.new_code_cell(s))

md("""# 01 · Datasets: bundled spectra, file formats, preprocessing, splits

Every study in the seeds starts the same way: load spectra, align and broaden them, split them reproducibly.
This notebook walks through the data layer (`org.coreloss.data`, `data.io`, `preprocess`, `provenance`).
Details: `docs/data.md`.""")
code("""// seed and quick mode (CORELOSS_QUICK=1 in CI)
long seed = 42;
boolean quick = "1".equals(System.getenv("CORELOSS_QUICK"));
quick""")
md("""## The bundled data sets
`Datasets.list()` finds every `BundledDataset` on the class path (ServiceLoader) and reads nothing yet.""")
code("""Datasets.list()""")
md("""Load each one and show its summary (`describe()`: one row per label column, plus the intensities) and an
overlay of a few spectra.""")
code("""Map<String, SpectraDataset> loaded = new LinkedHashMap<>();
for (String name : Datasets.names()) {
    SpectraDataset d = Datasets.load(name);
    loaded.put(name, d);
    display(SpectraInfo.of(d));
}
loaded.keySet()""")
md("""## Magics
`%spectra load <name|path> [--as var]` defines a notebook variable; `%spectra info <var>` summarises it.""")
code("""%spectra load s-k-seidler --as sk""")
code("""%spectra info sk --max 6""")
md("""Labels come back as `double[]` (numeric columns) or `String[]`. The sulfur oxidation state is the formal one
implied by the compound class (sulfide/thiol/thiocarbonyl -2, sulfoxide 0, sulfone +2; TEST compounds missing):""")
code("""double[] ox = sk.label("oxidation_state");
Map<String, Long> counts = Arrays.stream(ox).mapToObj(v -> Double.isNaN(v) ? "missing" : String.valueOf((int) v))
        .collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
counts""")
md("""## Seeded splits
Seed 001: test = 10 %, validation the size of the test set, the rest for training. The same seed gives the same split.""")
code("""Splits.Split split = Splits.trainValidationTest(sk.size(), seed);
List<SpectraDataset> parts = split.apply(sk);
SpectraDataset train = parts.get(0), validation = parts.get(1), test = parts.get(2);
System.out.println(split + "; reproducible: " + Arrays.equals(split.test(), Splits.trainValidationTest(sk.size(), seed).test()));
// stratified 5-fold by compound class: every fold keeps the class proportions
Splits.stratifiedKFold(sk, "compound_class", 5, seed).stream().map(Object::toString).collect(Collectors.joining(", "))""")
md("""Grouped folds keep all rows of a group together (for the O K-edge sites: all sites of one structure). Here the
measured spectra are grouped by element, so no element is in both the training and the held-out fold.""")
code("""SpectraDataset xdi = loaded.get("xdi-measured");
List<Splits.Fold> folds = Splits.groupKFold(xdi, "element", 3, seed);
for (Splits.Fold f : folds) {
    Set<String> held = Arrays.stream(f.test()).mapToObj(i -> xdi.labelAsString("element")[i]).collect(Collectors.toCollection(TreeSet::new));
    System.out.println(f + " held-out elements " + held);
}""")
md("""## Preprocessing fitted on the training set
A `Pipeline` of transforms: crop to the edge region, Gaussian broadening (named by FWHM; seed 001 used sigma = 0.5 eV),
box normalisation (seed 003) and a per-channel standard scaler whose means and deviations come from the
training spectra only. Each step is recorded in the dataset history.""")
code("""Pipeline pipeline = Pipeline.of(
        new Crop(2468.0, 2490.0),
        GaussianBroadening.ofFwhm(0.5),
        Normalise.box(),
        ChannelScaler.standard());
Pipeline fitted = pipeline.fit(train);
SpectraDataset testProcessed = fitted.apply(test);
testProcessed.history()""")
code("""SpectraDataset trainBoxed = Pipeline.of(new Crop(2468.0, 2490.0), GaussianBroadening.ofFwhm(0.5), Normalise.box()).fitApply(train);
SpectraPlots.overlay(trainBoxed, 6)""")
md("""Measured spectra need edge-step normalisation (pre-edge line to 0, post-edge level to 1) before they can be compared;
energies are relative to the tabulated edge.""")
code("""SpectraDataset xdiNorm = Normalise.edgeStep(-20, -8, 25, 60, 0).apply(xdi);
SpectraPlots.overlay(xdiNorm, quick ? 6 : 12)""")
md("""Noise with a stated signal-to-noise ratio (SNR = peak intensity / noise standard deviation), seeded:""")
code("""SpectraDataset one = trainBoxed.subset(new int[]{0});
SpectraDataset noisy = Noise.gaussian(20, seed).apply(one);
XYChart noiseChart = new XYChartBuilder().width(640).height(360).title(one.id(0) + ": SNR 20")
        .xAxisTitle("Energy (eV)").yAxisTitle("Box-normalised intensity").build();
noiseChart.getStyler().setMarkerSize(0);
noiseChart.addSeries("clean", one.grid().energiesEv(), one.spectra().rowAsDouble(0));
noiseChart.addSeries("Gaussian noise, SNR 20", noisy.grid().energiesEv(), noisy.spectra().rowAsDouble(0));
noiseChart""")
md("""## Nearest training spectra
For each test spectrum, the training spectra at the smallest Euclidean distance (seed 001, figure 3).""")
code("""NearestSpectra nn = NearestSpectra.fit(trainBoxed);
SpectraDataset testBoxed = Pipeline.of(new Crop(2468.0, 2490.0), GaussianBroadening.ofFwhm(0.5), Normalise.box()).apply(test);
NearestSpectra.Result res = nn.query(testBoxed, 3);
StringColumn q = StringColumn.create("test spectrum"), nb1 = StringColumn.create("nearest training spectrum");
DoubleColumn dist = DoubleColumn.create("distance");
for (int i = 0; i < (quick ? 5 : 15); i++) {
    q.append(testBoxed.id(i)); nb1.append(trainBoxed.id(res.indices()[i][0])); dist.append(res.distances()[i][0]);
}
Table.create("nearest", q, nb1, dist)""")
md("""## Files: dataset folders and other formats
A dataset folder (`spectra.npy` float32 + `labels.csv` + `manifest.json`) is written atomically and reads back
bit-identical; NumPy can `np.load` the spectra directly.""")
code("""Path tmp = Files.createTempDirectory("coreloss-01");
SpectraIO.write(testProcessed, tmp.resolve("test-processed"));
SpectraDataset back = SpectraIO.read(tmp.resolve("test-processed"));
SpectraIO.write(testProcessed, tmp.resolve("test-processed.npz"));
System.out.println(Arrays.equals(back.spectra().rawData(), testProcessed.spectra().rawData()) + " " + back.history().size() + " steps kept");
try (var s = Files.list(tmp.resolve("test-processed"))) { s.map(p -> p.getFileName().toString()).sorted().forEach(System.out::println); }""")
md("""## Provenance
A `RunRecord` holds seeds, options, dataset hashes, processing steps, library versions and timings.""")
code("""RunRecord.Builder rb = RunRecord.builder("01-datasets").seed("split", seed).option("quick", quick)
        .dataset("s-k-seidler", sk.sha256());
Pipeline refitted = rb.time("pipelineFitS", () -> pipeline.fit(train));
RunRecord record = rb.steps(refitted.apply(test).history()).build();
record.write(tmp.resolve("run.json"));
record""")
nb.cells = C
nbf.write(nb, "notebooks/01-datasets.ipynb")
