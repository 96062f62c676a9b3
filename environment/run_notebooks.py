#!/usr/bin/python3
"""Execute Jupyter notebooks headless (nbclient) and write executed .ipynb and .html files.

Usage: run_notebooks.py [--out DIR] [--timeout S] [--no-html] [PATH ...]

PATH is a notebook or a directory searched recursively (.ipynb_checkpoints skipped); default notebooks/.
Each notebook runs in the kernel named by its metadata (kernelspec.name), with the notebook's own
directory as working directory. Cells tagged `raises-exception` may fail; any other failing cell fails
the notebook. Prints one line per notebook: `NOTEBOOK <status> <seconds> <path>`; exits 1 if any failed.
Used by environment/start --execute and by the Maven integration test NotebookIT.
"""
import argparse
import os
import sys
import time
import traceback
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def find_notebooks(paths):
    out = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*.ipynb") if ".ipynb_checkpoints" not in q.parts))
        elif p.suffix == ".ipynb":
            out.append(p)
        else:
            raise SystemExit(f"run_notebooks: {p} is neither a notebook nor a directory")
    return out


def write_atomically(path: Path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


# Static HTML embeds PNG rather than SVG when an output has both (smaller, and fonts are baked in).
HTML_PRIORITY = ["application/vnd.jupyter.widget-view+json", "application/javascript", "text/html",
                 "text/markdown", "image/png", "image/jpeg", "image/svg+xml", "text/latex", "text/plain"]


def export_html(nb, target: Path):
    from nbconvert import HTMLExporter
    from traitlets.config import Config
    config = Config({"NbConvertBase": {"display_data_priority": HTML_PRIORITY}})
    body, _ = HTMLExporter(config=config).from_notebook_node(nb)
    write_atomically(target, body)


def run_one(path: Path, root: Path, out_dir: Path, timeout: int, html: bool) -> bool:
    nb = nbformat.read(str(path), as_version=4)
    kernel = nb.metadata.get("kernelspec", {}).get("name", "coreloss")
    client = NotebookClient(nb, kernel_name=kernel, timeout=timeout, allow_errors=False,
                            resources={"metadata": {"path": str(path.parent.resolve())}})
    ok = True
    start = time.monotonic()
    try:
        client.execute()
    except CellExecutionError as e:
        ok = False
        print(f"run_notebooks: {path}: a cell failed:\n{e}", file=sys.stderr)
    except Exception as e:  # kernel died, timeout, ...
        ok = False
        print(f"run_notebooks: {path}: {type(e).__name__}: {e}", file=sys.stderr)
        traceback.print_exc()
    seconds = time.monotonic() - start
    try:
        rel = path.resolve().relative_to(root.resolve())
    except ValueError:
        rel = Path(path.name)
    target = out_dir / rel
    write_atomically(target, nbformat.writes(nb))
    if html:
        try:
            export_html(nb, target.with_suffix(".html"))
        except Exception as e:
            ok = False
            print(f"run_notebooks: {path}: HTML export failed: {e}", file=sys.stderr)
    print(f"NOTEBOOK {'OK' if ok else 'FAILED'} {seconds:.1f} {path}", flush=True)
    return ok


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="build/notebooks", help="output directory (default build/notebooks)")
    ap.add_argument("--root", default="notebooks", help="notebook root; output paths mirror paths below it")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    ap.add_argument("--no-html", action="store_true", help="skip the HTML export")
    ap.add_argument("paths", nargs="*", default=["notebooks"])
    args = ap.parse_args(argv)
    notebooks = find_notebooks(args.paths)
    if not notebooks:
        print("run_notebooks: no notebooks found in " + " ".join(args.paths), file=sys.stderr)
        return 0
    failed = [nb for nb in notebooks
              if not run_one(nb, Path(args.root), Path(args.out), args.timeout, not args.no_html)]
    if failed:
        print("run_notebooks: FAILED: " + " ".join(str(f) for f in failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
