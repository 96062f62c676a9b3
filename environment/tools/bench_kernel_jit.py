#!/usr/bin/python3
"""Price of the kernelspec's -XX:TieredStopAtLevel=1 (C1 only) on compute in a cell, through jupyter_client.

Runs the installed kernelspec (--kernel, with the option) and a copy without it, alternated over --rounds
rounds; in each kernel: cells simulating 200 Ni2+ spectra with the multiplet engine (3 cells, seeds 1-3,
random Dq/Ds/Dt) and a pure-Java loop (300 x 300 matrix product, 10 times; 2 cells). Prints the wall
seconds each cell reported and writes them with the load average to --json.
"""
import argparse, datetime, json, os, shutil, statistics, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_kernel import execute  # noqa: E402
from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402
from jupyter_client.manager import KernelManager  # noqa: E402

MULTIPLET = '''long t0 = System.nanoTime();
org.coreloss.multiplet.MultipletEngine engine = new org.coreloss.multiplet.MultipletEngine();
org.coreloss.multiplet.Ion ni2 = org.coreloss.multiplet.Ions.get("Ni2+");
java.util.Random rnd = new java.util.Random(%d);
for (int i = 0; i < 200; i++) {
    double[] v = {0.05 + 0.15 * rnd.nextDouble(), -0.2 + 0.4 * rnd.nextDouble(), -0.1 + 0.2 * rnd.nextDouble(), 0.8, 0.8, 300, 0.1, 0.4, 0.6};
    engine.spectrum(ni2, org.coreloss.simulate.ParameterSpace.toMultipletParameters(v));
}
String.format("%%.3f", (System.nanoTime() - t0) / 1e9)'''
MATMUL = '''double[] mm(int n, long seed) {
    double[] x = new double[n * n], y = new double[n * n], z = new double[n * n];
    java.util.Random r = new java.util.Random(seed);
    for (int i = 0; i < n * n; i++) { x[i] = r.nextDouble(); y[i] = r.nextDouble(); }
    for (int rep = 0; rep < 10; rep++)
        for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) { double xi = x[i * n + k]; for (int j = 0; j < n; j++) z[i * n + j] += xi * y[k * n + j]; }
    return z;
}
long t1 = System.nanoTime(); mm(300, %d); String.format("%%.3f", (System.nanoTime() - t1) / 1e9)'''


def run_cells(kernel):
    km = KernelManager(kernel_name=kernel)
    km.start_kernel()
    c = km.client()
    c.start_channels()
    try:
        c.wait_for_ready(timeout=120)
        multiplet = [float(execute(c, MULTIPLET % s, timeout=600).strip("'\"")) for s in (1, 2, 3)]
        matmul = [float(execute(c, MATMUL % s, timeout=600).strip("'\"")) for s in (1, 2)]
        return multiplet, matmul
    finally:
        c.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", default="coreloss")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--json")
    args = ap.parse_args()
    spec = KernelSpecManager().get_kernel_spec(args.kernel)
    if "-XX:TieredStopAtLevel=1" not in spec.argv:
        sys.exit(f"kernelspec {args.kernel} has no -XX:TieredStopAtLevel=1")
    tmp = tempfile.mkdtemp(prefix="coreloss-jit-")
    try:
        full = os.path.join(tmp, "kernels", args.kernel + "-fulljit")
        shutil.copytree(spec.resource_dir, full)
        with open(os.path.join(full, "kernel.json")) as f:
            k = json.load(f)
        k["argv"] = [a for a in k["argv"] if a != "-XX:TieredStopAtLevel=1"]
        with open(os.path.join(full, "kernel.json"), "w") as f:
            json.dump(k, f)
        os.environ["JUPYTER_PATH"] = tmp + os.pathsep + os.environ.get("JUPYTER_PATH", "")
        names = {"c1_only": args.kernel, "full_jit": args.kernel + "-fulljit"}
        out = {n: {"multiplet_200_ni2_s": [], "matmul_300_x10_s": []} for n in names}
        loads = []
        for r in range(args.rounds):
            for n in (list(names) if r % 2 == 0 else list(names)[::-1]):
                mp, mm = run_cells(names[n])
                out[n]["multiplet_200_ni2_s"].append(mp)
                out[n]["matmul_300_x10_s"].append(mm)
                loads.append(os.getloadavg()[0])
                print(f"{n}: multiplet cells {mp} s, matmul cells {mm} s, load {loads[-1]:.1f}", file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    summary = {}
    for n in names:
        # cells after the first of each kernel (the first includes class loading and JIT warm-up)
        summary[n] = {
            "multiplet_first_cell_s_median": statistics.median(x[0] for x in out[n]["multiplet_200_ni2_s"]),
            "multiplet_later_cells_s_median": statistics.median(v for x in out[n]["multiplet_200_ni2_s"] for v in x[1:]),
            "matmul_s_median": statistics.median(v for x in out[n]["matmul_300_x10_s"] for v in x),
        }
    ratio = {key: summary["c1_only"][key] / summary["full_jit"][key] for key in summary["c1_only"]}
    for key, v in ratio.items():
        print(f"BENCH kernel_c1_vs_full_jit_{key.replace('_s_median', '')} {v:.2f} x")
    if args.json:
        rec = {"command": "environment/tools/bench_kernel_jit.py " + " ".join(sys.argv[1:]),
               "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
               "load_average_1min": [round(x, 1) for x in loads], "cpus": os.cpu_count(),
               "cells": out, "summary": summary, "c1_over_full_jit": {k: round(v, 3) for k, v in ratio.items()}}
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump(rec, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
