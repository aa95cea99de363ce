#!/usr/bin/env python3
"""Entity search as retrieval: does person:"X" / place:"X" find the articles about X?

usage: search_retrieval.py SEARCH_BIN DB GOLD.jsonl [--heldout | --files LIST]
                           [--min-docs N] [--jobs N] [--json]

SEARCH_BIN is newsdex-search, DB an index of the annotated articles (the article id or
path's last component is the gold "file" name), GOLD.jsonl the annotated set's gold file.

For each class (PER with person:, LOC with place:), every normalised gold name that
occurs in at least --min-docs (default 2) scored articles is a query, asked twice
through the real binary (`SEARCH_BIN --db DB --json --limit 10000 QUERY`):
  entity  person:"NAME"  /  place:"NAME"
  phrase  "NAME"          (what a user would type without entity fields)
NAME is the normalised name (lower case, no periods or punctuation; see entity_score.py).
Relevant articles are the scored articles with a gold name of the class that is the
query name or a whole-token prefix or suffix of it, or has it as one (entity_score.py's
relaxed rule). Micro precision/recall/F1 per class and variant over the sums of
|retrieved & relevant|, |retrieved| and |relevant|.

--heldout / --files LIST choose the scored articles as in entity_score.py; hits on
articles outside them are ignored, so the figures are those of an index holding only the
scored articles. Without them every hit counts. A search that fails (non-zero exit) stops
the run with exit status 1. --json prints the figures as one JSON object whose keys
(PER_entity, PER_phrase, LOC_entity, LOC_phrase) follow the reference
search_retrieval_eval.py, with the raw counts and unrounded ratios.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from entity_score import (add_selection_args, normalized_names, read_file_list, read_jsonl,  # noqa: E402
                          related, retrieval_queries, select_gold, ratio, f1)

CLASSES = (("PER", "person", "people"), ("LOC", "place", "places"))
VARIANTS = ("entity", "phrase")


class SearchError(Exception):
    pass


class Searcher:
    """Runs newsdex-search for one query and returns the article file names it finds."""

    def __init__(self, binary, db):
        self.binary = binary
        self.db = db
        # Later newsdex versions may fold near-duplicate articles; ask for all of them.
        try:
            help_text = subprocess.run([binary, "--help"], capture_output=True, text=True).stdout
        except OSError as e:
            raise SearchError(f"cannot run {binary}: {e}")
        self.extra = ["--duplicates=show"] if "--duplicates" in help_text else []

    def __call__(self, query):
        cmd = [self.binary, "--db", self.db, "--json", "--limit", "10000", *self.extra, query]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            raise SearchError(f"newsdex-search failed (exit {r.returncode}) for {query}: "
                              f"{r.stderr.strip()}")
        found = set()
        for line in r.stdout.splitlines():
            if not line.strip():
                continue
            hit = json.loads(line)
            if isinstance(hit, dict) and "rank" in hit:
                found.add(os.path.basename(hit.get("path") or hit.get("id")))
        return found


def evaluate(searcher, gold, restrict, min_docs, jobs):
    """Figures per class and variant; RESTRICT: ignore hits outside GOLD's files."""
    scored = set(gold)
    plan = []  # (class key, variant, query string, relevant files)
    for gkey, field, _ in CLASSES:
        names = {f: normalized_names(rec.get(gkey)) for f, rec in gold.items()}
        for q in retrieval_queries(names, min_docs):
            relevant = {f for f, ns in names.items() if any(related(n, q) for n in ns)}
            text = " ".join(q)
            plan.append((gkey, "entity", f'{field}:"{text}"', relevant))
            plan.append((gkey, "phrase", f'"{text}"', relevant))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(searcher, [p[2] for p in plan]))
    sums = {(g, v): [0, 0, 0, 0] for g, _, _ in CLASSES for v in VARIANTS}
    for (gkey, variant, _, relevant), got in zip(plan, results):
        if restrict:
            got &= scored
        s = sums[(gkey, variant)]
        s[0] += 1
        s[1] += len(relevant & got)
        s[2] += len(got)
        s[3] += len(relevant)
    out = {}
    for (gkey, variant), (queries, hits, retrieved, relevant) in sums.items():
        p, r = ratio(hits, retrieved), ratio(hits, relevant)
        out[f"{gkey}_{variant}"] = {"queries": queries, "hits": hits, "retrieved": retrieved,
                                    "relevant": relevant, "precision": p, "recall": r,
                                    "f1": f1(p, r)}
    return out


def print_report(res, title):
    print(title)
    print(f"  {'class':<8}{'query':<16}{'queries':>8}{'rel':>6}{'ret':>6}{'hits':>6}"
          f"{'P':>8}{'R':>8}{'F1':>8}")
    for gkey, field, label in CLASSES:
        for variant in VARIANTS:
            d = res[f"{gkey}_{variant}"]
            shape = f'{field}:"NAME"' if variant == "entity" else '"NAME"'
            print(f"  {label:<8}{shape:<16}{d['queries']:>8}{d['relevant']:>6}"
                  f"{d['retrieved']:>6}{d['hits']:>6}{d['precision']:>8.3f}"
                  f"{d['recall']:>8.3f}{d['f1']:>8.3f}")


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Micro P/R/F1 of newsdex-search person:/place: queries and plain "
                    "phrases against the gold articles of each name (see the docstring).")
    ap.add_argument("search_bin", help="the newsdex-search binary")
    ap.add_argument("db", help="index of the annotated articles")
    ap.add_argument("gold", help="gold.jsonl of the annotated set")
    add_selection_args(ap)
    ap.add_argument("--min-docs", type=int, default=2,
                    help="query gold names found in at least N articles (default 2)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="searches run in parallel (default: number of CPUs)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    gold, selection = select_gold(read_jsonl(args.gold), args.heldout,
                                  read_file_list(args.files) if args.files else None)
    if not gold:
        raise SystemExit("search_retrieval: no articles to score")
    try:
        res = evaluate(Searcher(args.search_bin, args.db), gold,
                       args.heldout or args.files is not None, args.min_docs, max(args.jobs, 1))
    except SearchError as e:
        print(f"search_retrieval: {e}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"selection": selection, **res}))
    else:
        print_report(res, f"search retrieval: {selection}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
