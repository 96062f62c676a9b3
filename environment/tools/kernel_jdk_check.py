#!/usr/bin/python3
"""Through jupyter_client, with the kernelspec found on JUPYTER_PATH: a cell, an uncooperative busy loop
stopped by interrupt_request, a cell that reads state made before the loop, and an ND4J call. Prints
`KERNEL_JDK OK <java.version> ...` and exits 0, or prints what failed and exits 1."""
import sys
import threading
import time

from jupyter_client.manager import KernelManager


def main():
    km = KernelManager(kernel_name="coreloss")
    km.start_kernel()
    c = km.client()
    c.start_channels()
    try:
        c.wait_for_ready(timeout=180)

        def run(code):
            mid = c.execute(code)
            out = []
            while True:
                m = c.get_iopub_msg(timeout=180)
                if m["parent_header"].get("msg_id") != mid:
                    continue
                t = m["msg_type"]
                if t == "execute_result":
                    out.append(m["content"]["data"]["text/plain"])
                elif t == "stream":
                    out.append("STREAM:" + m["content"]["text"])
                elif t == "error":
                    out.append("ERROR:" + m["content"]["ename"] + ": " + m["content"]["evalue"])
                elif t == "status" and m["content"]["execution_state"] == "idle":
                    return out

        version = run('System.getProperty("java.version")')
        run("int x = 41;")
        res = {}
        th = threading.Thread(target=lambda: res.setdefault("r", run("while (true) { }")))
        th.start()
        time.sleep(2)
        t0 = time.time()
        km.interrupt_kernel()
        th.join(30)
        stopped = time.time() - t0
        loop = res.get("r")
        after = run("x + 1")
        nd4j = run("org.nd4j.linalg.factory.Nd4j.create(new float[] {1, 2, 3}).sumNumber()")
        ok = (loop is not None and any(o.startswith("ERROR:") for o in loop) and after == ["42"]
              and nd4j == ["6.0"] and not any("WARNING" in o for o in nd4j))
        print(f"KERNEL_JDK {'OK' if ok else 'FAILED'} java {version} runaway loop {loop} stopped {stopped:.1f} s "
              f"after interrupt_request; next cell {after}; ND4J {nd4j}", flush=True)
        return 0 if ok else 1
    finally:
        c.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    sys.exit(main())
