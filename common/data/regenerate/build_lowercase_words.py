#!/usr/bin/env python3
"""Builds common/data/lowercase_words.txt: words a news corpus writes in lower case.

    python3 common/data/regenerate/build_lowercase_words.py CORPUS_DIR [--output FILE]

Reads every .txt file under CORPUS_DIR and, for each word of ASCII letters written in
the middle of a sentence (not first on its line, not after . ! ? : or a quote), counts
how often it is written in lower case. A word is listed when it was seen there at least
--min-seen times and in lower case at least --min-share of them: "banks", "most",
"fully", but not "bush" or "brown", which the news mostly writes as names. The entity
extractor reads the list to tell a common word that starts a sentence ("Banks, however,
face ...") from a name. Output: one word per line, lower case, sorted. Counts only, no
text of the corpus. Python 3 standard library only.
"""

import argparse
import collections
import re
import sys
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent
# Whole words only: "nd" of "2nd" is no word.
WORD = re.compile(r"(?<![A-Za-z0-9'])[A-Za-z]+(?![A-Za-z0-9'])")
SENTENCE_END = set(".!?:\"'\u2018\u2019\u201c\u201d")


def count(corpus):
    lower = collections.Counter()
    seen = collections.Counter()
    for path in sorted(Path(corpus).rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            for match in WORD.finditer(line):
                before = line[: match.start()].rstrip()
                if not before or before[-1] in SENTENCE_END:
                    continue  # a capital here says nothing
                word = match.group(0)
                key = word.lower()
                seen[key] += 1
                if word == key:
                    lower[key] += 1
    return lower, seen


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--output", default=str(DATA_DIR / "lowercase_words.txt"))
    parser.add_argument("--min-seen", type=int, default=5)
    parser.add_argument("--min-share", type=float, default=0.95)
    args = parser.parse_args()
    lower, seen = count(args.corpus)
    listed = sorted(w for w, n in seen.items()
                    if n >= args.min_seen and lower[w] >= args.min_share * n and len(w) > 1)
    with open(args.output, "w", encoding="utf-8") as out:
        for word in listed:
            out.write(word + "\n")
    print(f"{len(listed)} words written to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
