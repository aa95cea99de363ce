#!/usr/bin/env python3
"""Builds common/data/background_df.tsv: word document frequencies of a news corpus.

    python3 common/data/regenerate/build_background_df.py CORPUS_DIR [--output FILE]

Reads every .txt file under CORPUS_DIR (one article per file), splits it into words
exactly as newsdex::TopicExtractor does (common/analysis/src/topic_extractor.cc), and counts in
how many articles each word occurs. The output is a header line `#docs<TAB>N`, then
`word<TAB>df` for the words that occur in at least --min-df articles, sorted by the
UTF-8 bytes of the word. The topic extractor turns these counts into idf weights, so
that words every article uses ("said", "government") rank below the ones that tell
an article apart. Python 3 standard library only.

Words: runs of letters, digits and apostrophes; every code point at or above U+0080
counts as a letter except the punctuation and symbol ranges in SEPARATOR_RANGES. The
apostrophes ' U+2018 U+2019 become ', then apostrophes at either end and a possessive
"'s" are dropped. Lower case applies to ASCII and the Latin-1 capitals only, the same
rule the C++ side can apply byte by byte. Keep WORD rules and topic_extractor.cc in step.
"""

import argparse
import collections
import sys
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent

APOSTROPHES = {0x27, 0x2018, 0x2019}

# Code points at or above U+0080 that separate words (inclusive ranges): C1 controls and
# Latin-1 punctuation, the multiplication and division signs, general punctuation,
# currency, symbol and arrow blocks, CJK punctuation, variation selectors, the BOM,
# the replacement character and emoji.
SEPARATOR_RANGES = [
    (0x0080, 0x00BF),
    (0x00D7, 0x00D7),
    (0x00F7, 0x00F7),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2100, 0x2BFF),
    (0x3000, 0x303F),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFFD, 0xFFFD),
    (0x1F000, 0x1FAFF),
]


def is_word_char(cp):
    if cp < 0x80:
        return chr(cp).isalnum() or cp == 0x27
    if cp in APOSTROPHES:
        return True
    return not any(low <= cp <= high for low, high in SEPARATOR_RANGES)


def lower(cp):
    if 0x41 <= cp <= 0x5A or (0xC0 <= cp <= 0xDE and cp != 0xD7):
        return cp + 0x20
    return cp


def finish_word(chars):
    word = "".join(chars).strip("'")
    if word.endswith("'s"):
        word = word[:-2].rstrip("'")
    return word


def words(text):
    """Yields the words of text in order."""
    current = []
    for ch in text:
        cp = ord(ch)
        if is_word_char(cp):
            current.append("'" if cp in APOSTROPHES else chr(lower(cp)))
        elif current:
            word = finish_word(current)
            current = []
            if word:
                yield word
    if current:
        word = finish_word(current)
        if word:
            yield word


def decode(data):
    """UTF-8 (BOM stripped), else Windows-1252, as newsdex::decode_text reads files."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus_dir", type=Path, help="folder of .txt articles (recursive)")
    parser.add_argument("--output", type=Path, default=DATA_DIR / "background_df.tsv")
    parser.add_argument("--min-df", type=int, default=2,
                        help="drop words in fewer articles (default 2): mostly typos and "
                             "names, and they would only bloat the file")
    args = parser.parse_args()

    files = sorted(p for p in args.corpus_dir.rglob("*.txt") if p.is_file())
    if not files:
        sys.exit(f"build_background_df.py: no .txt files under {args.corpus_dir}")
    df = collections.Counter()
    for path in files:
        df.update(set(words(decode(path.read_bytes()))))

    kept = sorted((w for w, n in df.items() if n >= args.min_df),
                  key=lambda w: w.encode("utf-8"))
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"#docs\t{len(files)}\n")
        for w in kept:
            out.write(f"{w}\t{df[w]}\n")
    print(f"{args.output.name}: {len(files)} docs, {len(kept)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
