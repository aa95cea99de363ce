#!/usr/bin/env python3
"""Tables for run.sh from the JSON the benchmark steps write.

usage: report.py quality TITLE NEWSDEX.json COMPROMISE.json [COMPROMISE_LABEL]
       report.py retrieval TITLE SEARCH_RETRIEVAL.json
       report.py speed HYPERFINE.json ARTICLES
       report.py cost HYPERFINE.json ARTICLES

quality    two `entity_score.py --json` reports side by side
retrieval  a `search_retrieval.py --json` report: entity field vs plain phrase
speed      hyperfine export of the commands named "compromise" and "newsdex"
cost       hyperfine export of the commands named "with entities" and "no entities"
"""
import json
import sys

CLASSES = (("PER", "people"), ("LOC", "places"), ("ORG", "organisations"))


def load(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def quality(title, newsdex_path, compromise_path, compromise_label="compromise"):
    ours, theirs = load(newsdex_path), load(compromise_path)
    print(title)
    w = 24
    print(f"  {'':<15}{'newsdex':^{w}}  {compromise_label:^{w}}".rstrip())
    print((f"  {'class':<15}" + f"{'P':>8}{'R':>8}{'F1':>8}  " * 2).rstrip())
    for key, label in CLASSES:
        row = f"  {label:<15}"
        for rep in (ours, theirs):
            d = rep["doc_level"][key]
            row += f"{d['precision']:>8.3f}{d['recall']:>8.3f}{d['f1']:>8.3f}  "
        print(row.rstrip())
    print("  retrieval view: which articles mention X (relaxed rule, names in >= 2 articles)")
    for key, label in CLASSES[:2]:
        row = f"  {label:<15}"
        for rep in (ours, theirs):
            d = rep["retrieval"][key]["relaxed"]
            row += f"{d['precision']:>8.3f}{d['recall']:>8.3f}{d['f1']:>8.3f}  "
        print(row.rstrip() + f"   ({ours['retrieval'][key]['relaxed']['queries']} queries)")


def retrieval(title, path):
    rep = load(path)
    print(title)
    print(f"  {'class':<9}{'queries':>8}{'entity P':>10}{'R':>7}{'F1':>7}"
          f"{'phrase P':>11}{'R':>7}{'F1':>7}")
    for key, label in CLASSES[:2]:
        e, p = rep[f"{key}_entity"], rep[f"{key}_phrase"]
        print(f"  {label:<9}{e['queries']:>8}{e['precision']:>10.3f}{e['recall']:>7.3f}"
              f"{e['f1']:>7.3f}{p['precision']:>11.3f}{p['recall']:>7.3f}{p['f1']:>7.3f}")
    field = {"PER": "person", "LOC": "place"}
    print("  " + "; ".join(
        f"{field[k]}:\"NAME\" F1 {rep[k + '_entity']['f1']:.3f} vs phrase "
        f"{rep[k + '_phrase']['f1']:.3f}" for k, _ in CLASSES[:2]))


def by_name(path):
    return {r["command"]: r for r in load(path)["results"]}


def timing(r):
    n = len(r["times"])
    return f"{r['median']:.3f} s ({r['min']:.3f}–{r['max']:.3f}, {n} run{'s' if n != 1 else ''})"


def speed(path, articles):
    res = by_name(path)
    comp, nd = res["compromise"], res["newsdex"]
    for label, r in (("compromise", comp), ("newsdex", nd)):
        cpu = r["user"] + r["system"]
        print(f"  {label:<11} median {timing(r)}, {articles / r['median']:.0f} articles/s, "
              f"CPU {cpu:.3f} s (mean user+sys)")
    ratio = comp["median"] / nd["median"]
    cpu_ratio = (comp["user"] + comp["system"]) / max(nd["user"] + nd["system"], 1e-9)
    print(f"  newsdex extraction is {ratio:.1f} x faster than compromise "
          f"(medians of wall time; {cpu_ratio:.1f} x in CPU time)")


def cost(path, articles):
    res = by_name(path)
    with_e, without = res["with entities"], res["no entities"]
    t_with, t_without = articles / with_e["median"], articles / without["median"]
    for label, r, t in (("with entities", with_e, t_with), ("--no-entities", without, t_without)):
        print(f"  {label:<14} median {timing(r)}, {t:.0f} articles/s")
    print(f"  throughput ratio with/without entities: {t_with / t_without:.3f}")
    print(f"  extraction costs {100 * (1 - t_with / t_without):.1f}% of indexing throughput")


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cmd, args = argv[1], argv[2:]
    if cmd == "quality" and len(args) in (3, 4):
        quality(*args)
    elif cmd == "retrieval" and len(args) == 2:
        retrieval(*args)
    elif cmd == "speed" and len(args) == 2:
        speed(args[0], int(args[1]))
    elif cmd == "cost" and len(args) == 2:
        cost(args[0], int(args[1]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
