#!/usr/bin/python3
"""Kernel benchmarks through jupyter_client (what a notebook front end sees).

BENCH kernel_cold_start_s: from starting the kernel process to the first execute_result of `1 + 1`
  (JVM start, shell start-up with default imports, first compilation), median of --starts runs.
BENCH kernel_cell_roundtrip_ms: median time from sending execute_request of a trivial cell to its
  execute_reply, over --cells cells after --warmup cells (the JIT compiles javac meanwhile).
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", default="coreloss")
    ap.add_argument("--starts", type=int, default=3)
    ap.add_argument("--cells", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=30)
    args = ap.parse_args()
    starts = []
    for i in range(args.starts):
        elapsed, km, client = cold_start(args.kernel)
        starts.append(elapsed)
        if i < args.starts - 1:
            client.stop_channels()
            km.shutdown_kernel(now=False)
    try:
        for _ in range(args.warmup):             # warm-up (JIT-compiles javac)
            execute(client, "1 + 1")
        cpu0 = cpu_seconds(km)
        times = []
        for i in range(args.cells):
            t0 = time.perf_counter()
            msg_id = client.execute(f"{i} + 1", store_history=False)
            reply = client.get_shell_msg(timeout=60)
            while reply["parent_header"].get("msg_id") != msg_id:
                reply = client.get_shell_msg(timeout=60)
            times.append((time.perf_counter() - t0) * 1000)
            if reply["content"]["status"] != "ok":
                raise RuntimeError("trivial cell failed")
        cpu1 = cpu_seconds(km)
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=False)
    load = os.getloadavg()[0]
    print(f"host load average (1 min): {load:.1f} on {os.cpu_count()} CPUs; wall times grow with load", file=sys.stderr)
    if cpu0 is not None and cpu1 is not None:
        print(f"kernel CPU per trivial cell (all JVM threads): {(cpu1 - cpu0) * 1000 / args.cells:.1f} ms", file=sys.stderr)
    print(f"cold starts (s): {' '.join(f'{s:.2f}' for s in starts)}", file=sys.stderr)
    print(f"round trips (ms): min {min(times):.1f} median {statistics.median(times):.1f} max {max(times):.1f}", file=sys.stderr)
    print(f"BENCH kernel_cold_start_s {statistics.median(starts):.2f} s")
    print(f"BENCH kernel_cell_roundtrip_ms {statistics.median(times):.1f} ms")


if __name__ == "__main__":
    main()
