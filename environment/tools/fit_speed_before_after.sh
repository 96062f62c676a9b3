#!/usr/bin/env bash
# One fit (or a few) before/after a change: `coreloss fit calibrate --ion ION --cases N --snr 100 --seed 1` (one
# thread) with jar BEFORE, then with jar AFTER, one after the other; writes OUT.json with the per-case wall and CPU
# seconds, sampler, reduced chi2 against the difference noise, intervals missed, and the load averages.
# Usage: environment/tools/fit_speed_before_after.sh ION N BEFORE.jar AFTER.jar OUT.json
set -euo pipefail
ion=$1; n=$2; before=$3; after=$4; out_json=$5
root="$(cd "$(dirname "$0")/../.." && pwd)"
out=$(mktemp -d)
for which in before after; do
  if [ $which = before ]; then jar=$before; else jar=$after; fi
  echo "$which $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/load.txt"
  nice -n 10 java -Djava.awt.headless=true -cp "$jar:$root/target/lib/*" org.coreloss.cli.Main fit calibrate --ion "$ion" --cases "$n" \
    --snr 100 --seed 1 --out-dir "$out/$which" --quiet > "$out/$which.log" 2>&1
  echo "$which-end $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/load.txt"
done
python3 - "$out" "$ion" "$n" "$before" "$after" "$out_json" <<'PY'
import json, sys
out, ion, n, before, after, path = sys.argv[1:]
r = {"command": f"coreloss fit calibrate --ion {ion} --cases {n} --snr 100 --seed 1 (one thread), {before} then {after}",
     "note": "seconds: wall clock on the shared 2-core machine; cpu_seconds: CPU time of the fitting thread; load: 1-, 5-, 15-min load average before/after each run"}
r["load"] = {l.split()[0]: " ".join(l.split()[1:]) for l in open(f"{out}/load.txt")}
for w in ("before", "after"):
    rows = sorted((json.loads(l) for l in open(f"{out}/{w}/calibration-{ion}-snr100.cases.jsonl")), key=lambda o: o["case"])
    r[w] = {"cases": [{"case": o["case"], "seconds": o["seconds"], "cpu_seconds": o["cpu_seconds"], "sampler": o["sampler"],
                       "reduced_chi2_difference": o["reduced_chi2_difference"],
                       "intervals_missed": sum(not v["covered90"] for v in o["parameters"].values())} for o in rows],
            "cpu_seconds_sum": sum(o["cpu_seconds"] for o in rows), "seconds_sum": sum(o["seconds"] for o in rows)}
r["cpu_ratio_after_over_before"] = r["after"]["cpu_seconds_sum"] / r["before"]["cpu_seconds_sum"]
json.dump(r, open(path, "w"), indent=2)
PY
