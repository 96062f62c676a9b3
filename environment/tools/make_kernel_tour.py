#!/usr/bin/python3
"""Writes notebooks/00-kernel-tour.ipynb (run from the repository root)."""
import nbformat
from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell

md = new_markdown_cell
def code(src, tags=None):
    c = new_code_cell(src)
    if tags:
        c.metadata["tags"] = tags
    return c

nb = new_notebook(metadata={
    "kernelspec": {"name": "coreloss", "display_name": "Java (Coreloss)", "language": "java"},
    "language_info": {"name": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source"},
})
nb.cells = [
    md("# 00 · Kernel tour\n\n"
       "The Coreloss kernel runs Java (JShell) cells. The value of a cell's last expression is shown "
       "through the display registry: charts become PNG/SVG, tables HTML. `display`, `render`, "
       "`updateDisplay` and `progress()` are available in every cell, and magics start with `%`."),
    code('// seed and quick mode (CORELOSS_QUICK=1 in CI)\n'
         'long seed = 42;\n'
         'boolean quick = "1".equals(System.getenv("CORELOSS_QUICK"));\n'
         'quick'),
    md("Plain Java: the last expression is the cell's result."),
    code('// checked by the integration test: the sum 1 + 2 + ... + 100\n'
         'IntStream.rangeClosed(1, 100).sum()', tags=["tour-check"]),
    md("A synthetic carbon K edge (arctan step plus a Gaussian pi* peak) with seeded noise, on an `EnergyGrid` in eV."),
    code('EnergyGrid grid = EnergyGrid.uniform(280.0, 310.0, quick ? 151 : 601);\n'
         'Random rng = new Random(seed);\n'
         'double[] e = grid.energiesEv();\n'
         'double[] mu = new double[e.length];\n'
         'for (int i = 0; i < e.length; i++) {\n'
         '    double step = 0.5 + Math.atan((e[i] - 290.0) / 0.8) / Math.PI;\n'
         '    double peak = 1.6 * Math.exp(-0.5 * Math.pow((e[i] - 285.3) / 0.35, 2));\n'
         '    mu[i] = step + peak + 0.02 * rng.nextGaussian();\n'
         '}\n'
         'Spectrum spectrum = new Spectrum("synthetic C K edge", grid, mu);\n'
         'spectrum'),
    md("An XChart chart as the last expression is rendered as PNG (and SVG)."),
    code('XYChart chart = new XYChartBuilder().width(640).height(360)\n'
         '        .title("Synthetic C K edge").xAxisTitle("Energy loss (eV)").yAxisTitle("Intensity (a.u.)").build();\n'
         'chart.getStyler().setMarkerSize(0).setLegendVisible(false);\n'
         'chart.addSeries("mu", e, mu);\n'
         'chart'),
    md("A Tablesaw table is shown as an HTML table (escaped, at most 50 rows)."),
    code('Table table = Table.create("edge (first rows)",\n'
         '        DoubleColumn.create("energy_eV", Arrays.copyOf(e, 8)),\n'
         '        DoubleColumn.create("intensity", Arrays.copyOf(mu, 8)),\n'
         '        StringColumn.create("note", "<b>escaped</b>", "", "", "", "", "", "", "last"));\n'
         'table'),
    md("`display` shows something now and returns its id; `updateDisplay` replaces it. "
       "`progress()` is a notebook progress bar (a `ProgressListener`)."),
    code('String id = display("working ...");\n'
         'ProgressListener bar = progress();\n'
         'int steps = quick ? 20 : 100;\n'
         'bar.start("demo", steps);\n'
         'for (int i = 1; i <= steps && !bar.isCancelled(); i++) {\n'
         '    Thread.sleep(10);\n'
         '    bar.advance(i, null);\n'
         '}\n'
         'bar.finish();\n'
         'updateDisplay(id, "done: " + steps + " steps");'),
    md("Magics: `%help` lists them all."),
    code('%help'),
    code('%%time\n'
         'double s = 0;\n'
         'for (int i = 0; i < 1_000_000; i++) s += Math.sqrt(i);\n'
         's'),
    md("Errors show the cell line and the kernel keeps running (this cell is tagged `raises-exception`)."),
    code('int ok = 1;\n'
         'int bad = Integer.parseInt("not a number");', tags=["raises-exception"]),
    code('"kernel still alive after the error"'),
]
nbformat.validate(nb)
nbformat.write(nb, "notebooks/00-kernel-tour.ipynb")
print("wrote notebooks/00-kernel-tour.ipynb")
