#!/usr/bin/env python3
"""Turn newsdex --extract-only lines into the names newsdex indexes for each entity.

usage: with_aliases.py EXTRACT.jsonl > NAMES.jsonl

Each line's people/places/organizations hold one canonical name per entity; "aliases"
maps a canonical name to the other names the article uses for it ("Netanyahu" beside
"Benjamin Netanyahu"). person:/place:/org: searches match all of them, so the names an
article is found by are the canonical names plus their aliases; this writes those lists.
"""
import json
import sys


def main():
    with open(sys.argv[1], encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            aliases = article.get("aliases", {})
            for key in ("people", "places", "organizations"):
                names = []
                for name in article.get(key, []):
                    names.append(name)
                    names.extend(aliases.get(name, []))
                article[key] = names
            print(json.dumps(article, ensure_ascii=False))


if __name__ == "__main__":
    main()
