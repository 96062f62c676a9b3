#!/usr/bin/python3
"""Writes notebooks/tutorial-4-bring-your-own-data.ipynb (stable cell ids, no outputs; run with /usr/bin/python3)."""
import json, os
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAME = "tutorial-4-bring-your-own-data"

CELLS = [
("md", """# Tutorial 4 · Bring your own spectra and structures

You have a folder of spectra from a simulation code and one structure per spectrum, and want a model that reads a
structural property off the spectrum. This notebook does it in four calls: **read** the folder (FDMNES, FEFF and
OptaDOS outputs are recognised; files on different energy grids are put on one grid by a stated rule), **join** the
structures (the absorber's coordination number, bond lengths, ... computed from each `.xyz`/POSCAR), **train** on a
split and **evaluate** against the mean predictor.

The data (`data/fe-k-fdmnes-demo`, see its `PROVENANCE.md`) are 180 *synthetic* Fe K-edge spectra written in FDMNES's
convolution-output layout (`fe_001_conv.txt`: a line `Energy <xanes>`, then energy and intensity) with one Fe-O cluster
per spectrum (`fe_001.xyz`). They come from a small documented model, not from FDMNES: use them to learn the workflow,
then point the same calls at your own folders."""),
("code", """import org.coreloss.data.*;
import org.coreloss.data.io.*;
import org.coreloss.eval.*;
import java.nio.file.*;
Path root = Path.of("").toAbsolutePath();
while (root.getParent() != null && !Files.exists(root.resolve("pom.xml"))) root = root.getParent();
Path demo = root.resolve("data/fe-k-fdmnes-demo");
demo"""),
("md", """## 1 · Read the folder
`%spectra load` takes a file or a folder. Here it finds FDMNES `_conv.txt` files on two different grids (0.5 eV and
0.4 eV steps) and resamples them onto the energy range every file covers, at the finest median spacing, by linear
interpolation (no extrapolation); the dataset's history records the rule. For other layouts add options, e.g.
`--kind feff-xmu`, `--column mu0`, `--skip 3 --columns 1,3`, `--glob '*_conv.txt'`, `--grid-rule same`,
`--grid 7100:7180:0.25` (see `docs/data.md`)."""),
("code", """%spectra load ../data/fe-k-fdmnes-demo/spectra --as spectra"""),
("code", """spectra.history()"""),
("md", """## 2 · Join the structures
Spectrum `fe_001` takes `structures/fe_001.xyz` (ids are file stems; `_conv` is dropped). The absorber is the only Fe
atom of each cluster; the labels follow the bond rule of `coreloss sites` (Fe-O bonds up to 2.6 A), so the second shell
at 3.4-3.9 A does not count."""),
("code", """SpectraDataset data = SiteLabels.forDataset(spectra, demo.resolve("structures"), "Fe", SiteLabels.Options.defaults());
data.table().selectColumns("id", "coordination_number", "mean_bond_length_A", "mean_bond_angle_deg").first(6)"""),
("md", """## 3 · Train on a split and evaluate against the baseline
`--test-fraction 0.2` holds out 36 seeded test rows before training; the cell shows MAE, RMSE and R² of the model next
to the mean predictor (every test spectrum predicted as the training mean), and the parity figure. The trainer picks
its thread count and, without `--batch`, its batch size (`docs/nn.md`, "Threads and batch size")."""),
("code", """%train regressor data --targets coordination_number,mean_bond_length_A --hidden 64,32 --dropout 0 --epochs 150 --patience 40 --test-fraction 0.2 --seed 3"""),
("code", """model_eval.beatsBaseline()"""),
("md", """## 4 · Predict and plot
`%predict` adds `pred_<target>` columns; `%plot parity` takes that dataset directly."""),
("code", """%predict model model_test --as predicted"""),
("code", """%plot parity predicted"""),
("md", """The same from a shell, for a folder of your own:

```
environment/coreloss sites data/fe-k-fdmnes-demo/structures --species Fe > fe-sites.csv
environment/coreloss train regressor --data my_fdmnes_runs --glob '*_conv.txt' --targets ... --test-fraction 0.2 --out model
```
(`coreloss train` reads labels from a `labels.csv` beside the spectra; write it from `data` with
`SpectraIO.write(data, Path.of("labelled"))`.)"""),
]

def main():
    cells = []
    for i, (kind, src) in enumerate(CELLS):
        lines = src.split("\n")
        source = [l + "\n" for l in lines[:-1]] + [lines[-1]]
        c = {"cell_type": "markdown" if kind == "md" else "code", "id": "t4-%02d" % (i + 1), "metadata": {}, "source": source}
        if kind == "code":
            c["execution_count"] = None
            c["outputs"] = []
        cells.append(c)
    nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Java (Coreloss)", "language": "java", "name": "coreloss"},
                                       "language_info": {"file_extension": ".jshell", "mimetype": "text/x-java-source", "name": "java"}},
          "nbformat": 4, "nbformat_minor": 5}
    out = os.path.join(ROOT, "notebooks", NAME + ".ipynb")
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False)
        f.write("\n")
    os.replace(out + ".tmp", out)
    print(out, len(cells), "cells")

if __name__ == "__main__":
    main()
