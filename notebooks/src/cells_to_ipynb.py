#!/usr/bin/python3
"""Builds notebooks/NN-name.ipynb from notebooks/src/NN-name.cells.

A .cells file is plain text split by lines '#MD' (markdown cell follows) and '#CODE' (Java code
cell follows). Usage: /usr/bin/python3 notebooks/src/cells_to_ipynb.py notebooks/src/04-evaluation.cells
"""
import os
import sys

import nbformat

for src in sys.argv[1:]:
    cells, cur = [], None
    with open(src, encoding="utf-8") as f:
        for line in f.read().splitlines():
            if line in ("#MD", "#CODE"):
                cur = [line, []]
                cells.append(cur)
            elif cur is not None:
                cur[1].append(line)
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "coreloss", "display_name": "Coreloss (Java)", "language": "java"}
    nb.metadata["language_info"] = {"name": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source"}
    for kind, lines in cells:
        text = "\n".join(lines).strip("\n")
        nb.cells.append(nbformat.v4.new_markdown_cell(text) if kind == "#MD" else nbformat.v4.new_code_cell(text))
    nbformat.validate(nb)
    out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(src))),
                       os.path.basename(src)[: -len(".cells")] + ".ipynb")
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        nbformat.write(nb, f)
    os.replace(tmp, out)
    print(out, len(nb.cells), "cells")
