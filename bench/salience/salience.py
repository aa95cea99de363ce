#!/usr/bin/env python3
"""Salience of entity-only queries: do the articles about an entity come first?

usage: salience.py SEARCH_BIN DB [--top N] [--per-class K]

For each of the K most frequent people, places and organisations of the index (--list),
the articles that person:"NAME" (place:, org:) matches are read whole (--json -n all),
and the articles about the entity are taken to be those whose title names it (a
person's family name, else the whole name, as a word). Entities that no matching
article's title names are left out. An entity counts as a hit when one of those
articles ranks in the top N (default 3) of the entity query; the same is measured for
the plain phrase query "NAME", side by side. Prints one line per class and the total.
"""
import json
import re
import subprocess
import sys

FIELDS = {"people": "person", "places": "place", "organizations": "org"}


def search(search_bin, db, *args):
    out = subprocess.run([search_bin, "--db", db, "--color=never", *args], check=False,
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"salience.py: {search_bin} {' '.join(args)} failed: {out.stderr.strip()}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def title_word(facet, name):
    words = name.split()
    return words[-1] if facet == "people" and len(words) > 1 else name


def names_in_title(title, word):
    return re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", title, re.IGNORECASE) is not None


def ranks_of_titled(hits, word):
    return [hit["rank"] for hit in hits if names_in_title(hit.get("title", ""), word)]


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    search_bin, db = args[0], args[1]
    top = int(args[args.index("--top") + 1]) if "--top" in args else 3
    per_class = int(args[args.index("--per-class") + 1]) if "--per-class" in args else 40
    totals = {"typed": 0, "phrase": 0, "judged": 0}
    for facet, field in FIELDS.items():
        listed = search(search_bin, db, "--list", facet, "-n", str(per_class), "--json")
        names = [line["name"] for line in listed if line.get("type") == "value"]
        typed_hits = phrase_hits = judged = 0
        for name in names:
            word = title_word(facet, name)
            quoted = '"' + name.replace('"', "") + '"'
            typed = [h for h in search(search_bin, db, "--json", "-n", "100000",
                                       f"{field}:{quoted}") if "rank" in h]
            titled = ranks_of_titled(typed, word)
            if not titled:
                continue
            judged += 1
            typed_hits += min(titled) <= top
            phrase = [h for h in search(search_bin, db, "--json", "-n", str(top), quoted)
                      if "rank" in h]
            phrase_hits += bool(ranks_of_titled(phrase, word))
        print(f"{facet:14} {judged:3} entities with a titled article; one in the top {top}: "
              f"{field}: {typed_hits}/{judged}, phrase: {phrase_hits}/{judged}")
        totals["typed"] += typed_hits
        totals["phrase"] += phrase_hits
        totals["judged"] += judged
    j = max(1, totals["judged"])
    print(f"{'all':14} {totals['judged']:3} entities; typed query {totals['typed']}/{j} "
          f"({totals['typed'] / j:.0%}), phrase query {totals['phrase']}/{j} "
          f"({totals['phrase'] / j:.0%})")


if __name__ == "__main__":
    main()
