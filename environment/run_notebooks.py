#!/usr/bin/python3
"""Execute Jupyter notebooks headless (nbclient) and write executed .ipynb and .html files.

Usage: run_notebooks.py [--out DIR] [--timeout S] [--no-html] [PATH ...]

PATH is a notebook or a directory searched recursively (.ipynb_checkpoints skipped); default notebooks/.
Each notebook runs in the kernel named by its metadata (kernelspec.name), with the notebook's own
directory as working directory. Cells tagged `raises-exception` may fail; any other failing cell fails
the notebook. Prints one line per notebook: `NOTEBOOK <status> <seconds> <path>`; exits 1 if any failed.
Used by environment/start --execute and by the Maven integration test NotebookIT.

SIGTERM or SIGINT stops the run: the running cell's kernel is shut down, no further notebook starts, and
the exit status is 128 + the signal number. (nbclient alone only shuts the kernel down on these signals
and carries on with the next cell and notebook, starting new kernels.)
"""
import argparse
import asyncio
import os
import signal
import sys
import time
import traceback
from contextlib import asynccontextmanager
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


class Stopped(BaseException):
    """A stop signal arrived (not an Exception, so that no handler meant for cell errors swallows it)."""

    def __init__(self, signum):
        super().__init__(f"stopped by signal {signum}")
        self.signum = signum


STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
_received = []


def _raise_stopped(signum, frame):
    _received.append(signum)
    raise Stopped(signum)


def install_stop_handlers():
    for sig in STOP_SIGNALS:
        signal.signal(sig, _raise_stopped)


class StoppableClient(NotebookClient):
    """nbclient's client whose SIGTERM/SIGINT handlers cancel the execution (the kernel is shut down on the
    way out by nbclient's own clean-up) instead of only shutting the kernel down."""

    @asynccontextmanager
    async def async_setup_kernel(self, **kwargs):
        loop = asyncio.get_running_loop()
        task = asyncio.current_task()

        def on_signal(signum):
            _received.append(signum)
            task.cancel()

        original = loop.add_signal_handler

        def add_signal_handler(sig, callback, *args):
            # nbclient registers its clean-up-only handler while it starts the kernel: use ours instead
            if sig in STOP_SIGNALS:
                return original(sig, on_signal, sig)
            return original(sig, callback, *args)

        loop.add_signal_handler = add_signal_handler
        try:
            async with super().async_setup_kernel(**kwargs):
                yield
        finally:
            del loop.add_signal_handler


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
    client = StoppableClient(nb, kernel_name=kernel, timeout=timeout, allow_errors=False,
                             resources={"metadata": {"path": str(path.parent.resolve())}})
    ok = True
    start = time.monotonic()
    try:
        client.execute()
    except asyncio.CancelledError:
        if _received:
            raise Stopped(_received[-1])
        raise
    except CellExecutionError as e:
        ok = False
        print(f"run_notebooks: {path}: a cell failed:\n{e}", file=sys.stderr)
    except Exception as e:  # kernel died, timeout, ...
        if _received:   # the kernel was shut down because a stop signal arrived
            raise Stopped(_received[-1])
        ok = False
        print(f"run_notebooks: {path}: {type(e).__name__}: {e}", file=sys.stderr)
        traceback.print_exc()
    finally:
        install_stop_handlers()   # nbclient resets the handlers to the defaults when it ends
    if _received:
        raise Stopped(_received[-1])
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
    install_stop_handlers()
    failed = []
    try:
        for nb in notebooks:
            if not run_one(nb, Path(args.root), Path(args.out), args.timeout, not args.no_html):
                failed.append(nb)
    except Stopped as e:
        print(f"run_notebooks: stopped by signal {e.signum}; kernels shut down, remaining notebooks skipped",
              file=sys.stderr, flush=True)
        return 128 + e.signum
    if failed:
        print("run_notebooks: FAILED: " + " ".join(str(f) for f in failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
