#!/usr/bin/env python3
"""Per-case analysis of fit calibration runs (results/fit/**/calibration-*.cases.jsonl) for docs/fit.md.

Usage: environment/tools/fit_calibration_analysis.py OUT.json NAME=CASES.jsonl[:SNR] ...
For each run: cases; global misses (RSS above the RSS at the truth by more than 25 sigma^2, sigma = 1/SNR);
their reduced chi2 against the difference noise and the intervals they missed; the chi2 range of the other
cases; how the chains were sampled; global retries; the median width of Dq's 90 % interval and the 10Dq error it implies; and, for runs that
share cases, coverage90 over the common cases (key "common").
"""
import json
import re
import statistics
import sys


def load(path):
    rows = {}
    for line in open(path, encoding="utf-8"):
        if line.strip():
            o = json.loads(line)
            rows[o["case"]] = o
    return rows


def stratum(o, key):
    p = o["parameters"]
    return (p["ds_eV"][key] >= 0, p["dt_eV"][key] >= 0, p["dq_eV"][key] >= 0.1)


def coverage(rows, cases):
    hit = tot = 0
    for c in cases:
        for v in rows[c]["parameters"].values():
            hit += bool(v["covered90"])
            tot += 1
    return hit / tot if tot else None


def main():
    out_path, specs = sys.argv[1], sys.argv[2:]
    runs, out = {}, {"command": "environment/tools/fit_calibration_analysis.py " + " ".join(sys.argv[1:]), "runs": {}}
    for spec in specs:
        name, rest = spec.split("=", 1)
        path, snr = (rest.rsplit(":", 1) + ["100"])[:2] if rest.count(":") else (rest, "100")
        rows = load(path)
        runs[name] = rows
        sig2 = (1 / float(snr)) ** 2
        missed, found_chi2, missed_intervals = [], [], 0
        for c, o in sorted(rows.items()):
            if "rss_truth" in o:
                d = (o["rss"] - o["rss_truth"]) / sig2
            else:
                d = None
            if d is not None and d > 25:
                missed.append({"case": c, "rss_minus_rss_truth_over_sigma2": d,
                               "reduced_chi2_difference": o["reduced_chi2_difference"],
                               "intervals_missed": sum(not v["covered90"] for v in o["parameters"].values()),
                               # stratum of the retry's search (Fitter.globalSearch): signs of Ds and Dt, half of Table 1's Dq range 0..0.2 eV
                               "other_stratum_than_truth": stratum(o, "best") != stratum(o, "truth")})
                missed_intervals += missed[-1]["intervals_missed"]
            else:
                found_chi2.append(o["reduced_chi2_difference"])
        samplers = {}
        for o in rows.values():
            key = re.sub(r"[^a-z0-9]+", "_", o["sampler"].split(",")[0].lower()).strip("_")
            samplers[key] = samplers.get(key, 0) + 1
        dq_w = [o["parameters"]["dq_eV"]["q95"] - o["parameters"]["dq_eV"]["q05"] for o in rows.values()]
        out["runs"][name] = {
            "file": path, "snr": float(snr), "cases": len(rows), "coverage90": coverage(rows, rows.keys()),
            # binomial standard error of coverage90 over all intervals (treated as independent) and its distance to 0.85
            "coverage90_binomial_se": (lambda c, t: (c * (1 - c) / t) ** 0.5)(coverage(rows, rows.keys()), sum(len(o["parameters"]) for o in rows.values())),
            "coverage90_minus_085_in_se": (lambda c, t: (c - 0.85) / (c * (1 - c) / t) ** 0.5)(coverage(rows, rows.keys()), sum(len(o["parameters"]) for o in rows.values())),
            "global_misses": missed, "global_miss_count": len(missed),
            "global_misses_in_other_stratum": sum(m["other_stratum_than_truth"] for m in missed), "intervals_missed_in_global_misses": missed_intervals,
            "intervals_missed_total": sum(not v["covered90"] for o in rows.values() for v in o["parameters"].values()),
            # coverage90 over the cases that found the optimum (RSS within 25 sigma^2 of the truth's): the intervals' own calibration
            "coverage90_outside_global_misses": coverage(rows, [c for c in rows if c not in {m["case"] for m in missed}]),
            "reduced_chi2_difference_other_cases_min": min(found_chi2) if found_chi2 else None,
            "reduced_chi2_difference_other_cases_max": max(found_chi2) if found_chi2 else None,
            "samplers": samplers,
            "global_retries": sum(any("global search repeated" in w for w in o["warnings"]) for o in rows.values()),
            "dq_interval90_width_ev_median": statistics.median(dq_w),
            # a Gaussian posterior of sd s = width / 3.29 has median |median - truth| = 0.674 s: the 10Dq error the widths imply
            "tendq_median_abs_error_implied_by_widths_ev": 10 * 0.6745 * statistics.median(dq_w) / 3.29,
        }
    names = list(runs)
    common = {}
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            cs = sorted(set(runs[a]) & set(runs[b]))
            if cs and len(cs) < max(len(runs[a]), len(runs[b])):
                common[a + "|" + b] = {"cases": len(cs), a: coverage(runs[a], cs), b: coverage(runs[b], cs)}
    out["common"] = common
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
