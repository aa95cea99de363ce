#!/usr/bin/env python3
"""Summaries of hyperfine --export-json results for bench/index/run.sh.

report.py RESULT.json TITLE            medians (min-max) per command, newsdex/other ratios
report.py --queries R1.json ... TITLE  per command, the median over the queries' medians
report.py --merge OUT.json R1.json ...  one result file with every run of the inputs
"""
import json
import statistics
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return {r["command"]: r for r in json.load(f)["results"]}


def ratios(medians, title):
    base = medians.get("newsdex")
    variants = [n for n in medians if n.startswith("newsdex") and n != "newsdex"]
    for name, median in medians.items():
        if not base or name == "newsdex":
            continue
        if name.startswith("newsdex"):  # a variant of newsdex, e.g. with --facets
            print(f"  {name} / newsdex: {median / base:.2f}x")
        else:
            print(f"  newsdex/{name}: {base / median:.2f}x")
            for variant in variants:  # each variant against the same baseline
                print(f"  {variant} / {name}: {medians[variant] / median:.2f}x")


def merge(out_path, paths):
    merged = {}
    for path in paths:
        for name, r in load(path).items():
            merged.setdefault(name, {"command": name, "times": []})["times"] += r["times"]
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump({"results": list(merged.values())}, f)


def main(argv):
    if argv[0] == "--merge":
        merge(argv[1], argv[2:])
        return
    if argv[0] == "--queries":
        *paths, title = argv[1:]
        per_command = {}
        for path in paths:
            for name, r in load(path).items():
                per_command.setdefault(name, []).append(statistics.median(r["times"]))
        print(f"  {title}:")
        medians = {}
        for name, values in per_command.items():
            medians[name] = statistics.median(values)
            print(f"  {name:<18} {medians[name] * 1000:8.1f} ms over {len(values)} queries")
        ratios(medians, title)
        return
    path, title = argv
    medians = {}
    for name, r in load(path).items():
        times = r["times"]
        medians[name] = statistics.median(times)
        print(f"  {name:<18} median {medians[name]:8.3f} s ({min(times):.3f}-{max(times):.3f}, {len(times)} runs)")
    ratios(medians, title)
    print()


if __name__ == "__main__":
    main(sys.argv[1:])
