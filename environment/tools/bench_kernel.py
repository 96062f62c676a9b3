#!/usr/bin/python3
"""Kernel benchmarks through jupyter_client (what a notebook front end sees), for the Coreloss kernel and,
in the same run with the kernels alternated, the Python kernel (ipykernel) as the peer.

BENCH kernel_cold_start_s: from starting the kernel process to the first execute_result of `1 + 1`
  (JVM start, shell start-up with default imports, first compilation), median of --starts runs.
BENCH kernel_cell_roundtrip_ms: median time from sending execute_request of a trivial cell to its
  execute_reply, over --cells cells after --warmup cells (the JIT compiles javac meanwhile).
The same two figures for ipykernel (ipykernel_cold_start_s, ipykernel_cell_roundtrip_ms) and the ratios
kernel_cold_start_vs_ipykernel and kernel_cell_roundtrip_vs_ipykernel.
"""
import argparse
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager


def execute(client, code, timeout=120):
    msg_id = client.execute(code, store_history=False)
    result = None
    while True:
        msg = client.get_iopub_msg(timeout=timeout)
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        t = msg["msg_type"]
        if t == "execute_result":
            result = msg["content"]["data"].get("text/plain")
        elif t == "error":
            raise RuntimeError("cell failed: " + msg["content"]["evalue"])
        elif t == "status" and msg["content"]["execution_state"] == "idle":
            return result


def cpu_seconds(km):
    """User + system CPU time of the kernel process (Linux /proc), or None."""
    try:
        pid = km.provisioner.process.pid
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except Exception:
        return None


def cold_start(kernel):
    km = KernelManager(kernel_name=kernel)
    t0 = time.perf_counter()
    km.start_kernel()
    client = km.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=120)
        value = execute(client, "1 + 1")
        elapsed = time.perf_counter() - t0
        cpu = cpu_seconds(km)
        if cpu is not None:
            print(f"cold start: {elapsed:.2f} s wall, kernel CPU {cpu:.2f} s (all JVM threads)", file=sys.stderr)
        if value != "2":
            raise RuntimeError(f"unexpected result {value!r}")
        return elapsed, km, client
    except Exception:
        client.stop_channels()
        km.shutdown_kernel(now=True)
        raise


def roundtrip_ms(client, code):
    t0 = time.perf_counter()
    msg_id = client.execute(code, store_history=False)
    reply = client.get_shell_msg(timeout=60)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = client.get_shell_msg(timeout=60)
    elapsed = (time.perf_counter() - t0) * 1000
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"trivial cell {code!r} failed")
    return elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", default="coreloss")
    ap.add_argument("--peer", default="python3", help="the Python kernel (ipykernel) measured in the same run")
    ap.add_argument("--starts", type=int, default=3)
    ap.add_argument("--cells", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=30)
    ap.add_argument("--json", help="also write the figures to this JSON file (e.g. results/kernel/kernel-bench.json)")
    args = ap.parse_args()
    kernels = [args.kernel, args.peer]
    starts = {k: [] for k in kernels}
    live = {}
    # kernels alternated (and the order flipped each round) so that both see the same machine load
    for i in range(args.starts):
        order = kernels if i % 2 == 0 else kernels[::-1]
        for k in order:
            elapsed, km, client = cold_start(k)
            starts[k].append(elapsed)
            if i < args.starts - 1:
                client.stop_channels()
                km.shutdown_kernel(now=False)
            else:
                live[k] = (km, client)
    times = {k: [] for k in kernels}
    try:
        for _ in range(args.warmup):             # warm-up (the JVM JIT-compiles javac)
            for k in kernels:
                execute(live[k][1], "1 + 1")
        cpu0 = cpu_seconds(live[args.kernel][0])
        for i in range(args.cells):
            for k in (kernels if i % 2 == 0 else kernels[::-1]):
                times[k].append(roundtrip_ms(live[k][1], f"{i} + 1"))
        cpu1 = cpu_seconds(live[args.kernel][0])
    finally:
        for km, client in live.values():
            client.stop_channels()
            km.shutdown_kernel(now=False)
    load = os.getloadavg()[0]
    print(f"host load average (1 min): {load:.1f} on {os.cpu_count()} CPUs; wall times grow with load", file=sys.stderr)
    if cpu0 is not None and cpu1 is not None:
        print(f"{args.kernel} kernel CPU per trivial cell (all JVM threads): {(cpu1 - cpu0) * 1000 / args.cells:.1f} ms", file=sys.stderr)
    for k in kernels:
        print(f"{k}: cold starts (s) {' '.join(f'{s:.2f}' for s in starts[k])}; round trips (ms) min {min(times[k]):.1f} "
              f"median {statistics.median(times[k]):.1f} max {max(times[k]):.1f}", file=sys.stderr)
    cs = {k: statistics.median(starts[k]) for k in kernels}
    rt = {k: statistics.median(times[k]) for k in kernels}
    print(f"BENCH kernel_cold_start_s {cs[args.kernel]:.2f} s")
    print(f"BENCH ipykernel_cold_start_s {cs[args.peer]:.2f} s")
    print(f"BENCH kernel_cold_start_vs_ipykernel {cs[args.kernel] / cs[args.peer]:.2f} x")
    print(f"BENCH kernel_cell_roundtrip_ms {rt[args.kernel]:.1f} ms")
    print(f"BENCH ipykernel_cell_roundtrip_ms {rt[args.peer]:.1f} ms")
    print(f"BENCH kernel_cell_roundtrip_vs_ipykernel {rt[args.kernel] / rt[args.peer]:.2f} x")
    if args.json:
        import datetime
        import json
        record = {
            "command": "environment/bench.d/00-kernel " + " ".join(sys.argv[1:]),
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "load_average_1min": round(load, 1), "cpus": os.cpu_count(),
            "starts": args.starts, "cells": args.cells, "warmup_cells": args.warmup,
            "kernel_cpu_per_cell_ms": None if cpu0 is None or cpu1 is None else round((cpu1 - cpu0) * 1000 / args.cells, 1),
            "cold_start_s": {k: [round(x, 3) for x in starts[k]] for k in kernels},
            "roundtrip_ms_median": {k: round(rt[k], 2) for k in kernels},
            "kernel_cold_start_s": round(cs[args.kernel], 3), "ipykernel_cold_start_s": round(cs[args.peer], 3),
            "kernel_cold_start_vs_ipykernel": round(cs[args.kernel] / cs[args.peer], 3),
            "kernel_cell_roundtrip_ms": round(rt[args.kernel], 2), "ipykernel_cell_roundtrip_ms": round(rt[args.peer], 2),
            "kernel_cell_roundtrip_vs_ipykernel": round(rt[args.kernel] / rt[args.peer], 3),
        }
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        tmp = args.json + ".tmp"
        with open(tmp, "w") as f:
            json.dump(record, f, indent=2)
            f.write("\n")
        os.replace(tmp, args.json)


if __name__ == "__main__":
    main()
