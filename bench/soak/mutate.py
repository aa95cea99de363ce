#!/usr/bin/env python3
"""Random changes to about 2% of a corpus's .txt files, for bench/soak/soak.sh.

usage: mutate.py CORPUS_DIR SEED

New articles (copies of others under new names, with a sentence of their own), new
articles of the soak's own words without any date and with a dateline ("PORTSMOUTH
2005-03-14"), edits (a sentence appended before any trailer, the mtime moved on),
touches (same bytes, new mtime), moves (to another section folder, maybe under another
source, same bytes) and deletions. Copies and moves carry a source's footer line with
them when the file has one. Prints a one-line summary. Deterministic for a given SEED
and corpus state.
"""
import os
import random
import sys
import time


def main():
    root, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".txt"))
    folders = sorted({os.path.dirname(f) for f in files})
    kinds = ["new", "edited", "touched", "moved", "deleted", "undated", "dated"]
    n = max(1, len(files) // 350)  # each kind on ~0.3% of the files: ~2% in all
    picked = rng.sample(files, min(len(files), len(kinds) * n))
    later = time.time() + 10 * seed
    counts = {kind: 0 for kind in kinds}
    sentence = f"A soak round {seed} note about the harbour tramway."
    for i, path in enumerate(picked):
        kind = kinds[i % len(kinds)]
        if kind in ("undated", "dated"):
            # Words of the soak's own, so that no copy of an article is made.
            place = rng.choice(["harbour", "quay", "ferry", "pier", "tramway", "lighthouse"])
            title = f"Soak {kind} report {seed}-{i} on the {place}"
            dateline = f"PORTSMOUTH 2005-03-{1 + i % 28:02d}\n\n" if kind == "dated" else ""
            body = " ".join(f"The {place} works reached stage {k} of round {seed}." for k in range(1, 6))
            target = os.path.join(rng.choice(folders), f"soak-{kind}-{seed}-{i}.txt")
            with open(target, "w", encoding="utf-8") as out:
                out.write(f"{title}\n\n{dateline}{body}\n")
        elif kind == "new":
            with open(path, encoding="utf-8", errors="replace") as src:
                text = src.read()
            title, _, body = text.partition("\n")
            target = os.path.join(rng.choice(folders), f"soak-{seed}-{i}.txt")
            with open(target, "w", encoding="utf-8") as out:
                out.write(f"{title} (round {seed})\n\n{sentence}\n{body}")
        elif kind == "edited":
            with open(path, encoding="utf-8", errors="replace") as src:
                text = src.read()
            title, _, body = text.partition("\n")
            with open(path, "w", encoding="utf-8") as out:
                out.write(f"{title}\n\n{sentence}\n{body}")
            os.utime(path, (later, later))
        elif kind == "touched":
            os.utime(path, (later, later))
        elif kind == "moved":
            target = os.path.join(rng.choice(folders), f"moved-{seed}-{os.path.basename(path)}")
            os.rename(path, target)
        else:
            os.remove(path)
        counts[kind] += 1
    print(", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
