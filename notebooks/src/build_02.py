#!/usr/bin/python3
"""Builds notebooks/02-multiplet-simulator.ipynb from 02-multiplet-simulator.cells (same '#MD'/'#CODE'
format as cells_to_ipynb.py) with the json module only (nbformat 4.5 structure)."""
import json, os, sys
src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "02-multiplet-simulator.cells")
cells, cur = [], None
for line in open(src, encoding="utf-8").read().splitlines():
    if line in ("#MD", "#CODE"):
        cur = [line, []]; cells.append(cur)
    elif cur is not None:
        cur[1].append(line)
out_cells = []
for i, (kind, lines) in enumerate(cells):
    text = "\n".join(lines).strip("\n")
    source = [l + "\n" for l in text.split("\n")]
    source[-1] = source[-1].rstrip("\n")
    c = {"cell_type": "markdown" if kind == "#MD" else "code", "id": "c%02d" % i, "metadata": {}, "source": source}
    if kind == "#CODE":
        c["execution_count"] = None; c["outputs"] = []
    out_cells.append(c)
nb = {"cells": out_cells, "metadata": {
        "kernelspec": {"name": "coreloss", "display_name": "Coreloss (Java)", "language": "java"},
        "language_info": {"name": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source"}},
      "nbformat": 4, "nbformat_minor": 5}
out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(src))), "02-multiplet-simulator.ipynb")
with open(out + ".tmp", "w", encoding="utf-8") as f:
    json.dump(nb, f, indent=1, ensure_ascii=False); f.write("\n")
os.replace(out + ".tmp", out)
print(out, len(out_cells), "cells")
