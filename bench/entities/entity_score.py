#!/usr/bin/env python3
"""Score extracted people, places and organisations against an annotated gold set.

usage: entity_score.py GOLD.jsonl PRED.jsonl [--heldout | --files LIST]
                       [--min-docs N] [--json] [--title TEXT]

GOLD.jsonl  one line per article: {"file", "PER": [...], "LOC": [...], "ORG": [...], ...}
PRED.jsonl  one line per article: {"file", "people": [...], "places": [...],
            "organizations": [...]} as printed by `newsdex-index --extract-only` and by
            compromise_entities.mjs. Other keys are ignored. An article of the gold set
            without a prediction line predicts nothing; predictions for articles outside
            the scored set are ignored.

Which articles are scored:
  (default)     every article of GOLD
  --heldout     only the articles whose file number is divisible by 4 (0004.txt,
                0008.txt, ...): the part newsdex's tagger is not trained on
  --files LIST  only the named articles; LIST is a file of names (whitespace or
                newline separated) or, when no such file exists, a comma-separated list

The rules are the ones documented for the annotated set's reference scorer
(entity_eval.py), written here independently:

  Normalising a name: Unicode NFKD, combining marks dropped; lower case; a possessive
  "'s" / "’s" at the end of a word removed; periods removed ("U.S." -> "us"); every run
  of other characters that are neither letters nor digits becomes a single space;
  surrounding and repeated spaces dropped. Empty results are discarded and each
  article's names are de-duplicated after normalising. A name is its list of tokens.

  A prediction p matches a gold name g when p == g, or p is a proper whole-token prefix
  or suffix of g ("netanyahu" and "benjamin" match "benjamin netanyahu").

  Document level, per class (PER/people, LOC/places, ORG/organizations), summed over the
  scored articles: precision = predictions that match some gold name of their article /
  all predictions; recall = gold names matched by some prediction of their article /
  all gold names; F1 = 2PR/(P+R).

  Retrieval view, PER and LOC: every normalised gold name found in at least --min-docs
  (default 2) scored articles is a query. relevant(q) = articles with a gold name that
  refers to q, retrieved(q) = articles with a prediction that refers to q, where "refers
  to" is equality (exact) or equality or whole-token prefix/suffix either way (relaxed).
  Micro P/R/F1 over the sums of |retrieved & relevant|, |retrieved|, |relevant|; macro
  recall and macro F1 are means over queries (a query retrieving nothing has F1 0).

--json prints {"selection", "doc_level": {CLASS: {...}}, "retrieval": {CLASS: {"exact",
"relaxed"}}} with the same keys as the reference scorer's --json output.
"""
import argparse
import json
import os
import re
import sys
import unicodedata

DOC_CLASSES = (("PER", "people"), ("LOC", "places"), ("ORG", "organizations"))
RETRIEVAL_CLASSES = (("PER", "people"), ("LOC", "places"))
CLASS_LABELS = {"PER": "people", "LOC": "places", "ORG": "organisations"}

# A possessive: apostrophe (straight or typographic) + s, not followed by a word character.
_POSSESSIVE = re.compile("['\u2019]s(?!\\w)")


def normalize(name):
    """Returns the token tuple of NAME under the documented normalisation (may be ())."""
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in decomposed if unicodedata.combining(ch) == 0).lower()
    text = _POSSESSIVE.sub("", text).replace(".", "")
    # Letters and digits are kept; everything else separates tokens.
    spaced = "".join(ch if ch.isalnum() else " " for ch in text)
    return tuple(spaced.split())


def normalized_names(names):
    """Distinct non-empty normalised names of one article, in first-seen order."""
    out = {}
    for name in names or ():
        tokens = normalize(name)
        if tokens:
            out.setdefault(tokens, None)
    return list(out)


def matches(pred, gold):
    """PRED equals GOLD or is a proper whole-token prefix or suffix of it."""
    if pred == gold:
        return True
    n = len(pred)
    return n < len(gold) and (gold[:n] == pred or gold[len(gold) - n:] == pred)


def related(a, b):
    """The relaxed retrieval rule: either name matches the other."""
    return matches(a, b) or matches(b, a)


def ratio(num, den):
    return num / den if den else 0.0


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def read_jsonl(path):
    """Records of a JSON Lines file keyed by their "file" (a later line wins)."""
    records = {}
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise SystemExit(f"{path}:{number}: not JSON: {e}")
            if "file" not in rec:
                raise SystemExit(f'{path}:{number}: no "file" key')
            records[rec["file"]] = rec
    return records


def is_heldout(file_name):
    """True for articles whose number is divisible by 4 (0004.txt, 0008.txt, ...)."""
    stem = os.path.splitext(os.path.basename(file_name))[0]
    return stem.isdigit() and int(stem) % 4 == 0


def read_file_list(spec):
    """Names from a list file (whitespace separated) or a comma-separated string."""
    if os.path.isfile(spec):
        with open(spec, encoding="utf-8") as fh:
            return fh.read().split()
    return [s.strip() for s in spec.split(",") if s.strip()]


def select_gold(gold, heldout=False, files=None):
    """Restricts GOLD to the scored articles; returns (gold, description)."""
    if heldout:
        chosen = {f: r for f, r in gold.items() if is_heldout(f)}
        return chosen, f"held-out ({len(chosen)} of {len(gold)} articles, number % 4 == 0)"
    if files is not None:
        wanted = set(files)
        missing = sorted(wanted - set(gold))
        if missing:
            raise SystemExit(f"entity_score: {len(missing)} listed files are not in the gold set, "
                             f"e.g. {missing[0]}")
        chosen = {f: r for f, r in gold.items() if f in wanted}
        return chosen, f"listed ({len(chosen)} of {len(gold)} articles)"
    return dict(gold), f"all ({len(gold)} articles)"


def score_documents(gold_names, pred_names):
    """Document-level counts and P/R/F1 for one class.

    GOLD_NAMES, PRED_NAMES: {file: [token tuples]} over the same scored files."""
    n_gold = n_pred = correct = found = 0
    for f, golds in gold_names.items():
        preds = pred_names.get(f, [])
        n_gold += len(golds)
        n_pred += len(preds)
        correct += sum(any(matches(p, g) for g in golds) for p in preds)
        found += sum(any(matches(p, g) for p in preds) for g in golds)
    p, r = ratio(correct, n_pred), ratio(found, n_gold)
    return {"docs": len(gold_names), "gold": n_gold, "pred": n_pred, "correct_pred": correct,
            "found_gold": found, "precision": p, "recall": r, "f1": f1(p, r)}


def retrieval_queries(gold_names, min_docs):
    """Normalised gold names found in at least MIN_DOCS articles, sorted."""
    df = {}
    for names in gold_names.values():
        for name in names:
            df[name] = df.get(name, 0) + 1
    return sorted(name for name, count in df.items() if count >= min_docs)


def articles_referring(names_by_file, query, rule):
    return {f for f, names in names_by_file.items() if any(rule(n, query) for n in names)}


def score_retrieval(gold_names, pred_names, min_docs):
    """Retrieval view for one class: {"exact": {...}, "relaxed": {...}}."""
    queries = retrieval_queries(gold_names, min_docs)
    pred_names = {f: pred_names.get(f, []) for f in gold_names}
    result = {}
    for variant, rule in (("exact", lambda a, b: a == b), ("relaxed", related)):
        hits = n_retrieved = n_relevant = 0
        sum_recall = sum_f1 = 0.0
        for q in queries:
            relevant = articles_referring(gold_names, q, rule)
            retrieved = articles_referring(pred_names, q, rule)
            h = len(relevant & retrieved)
            hits += h
            n_retrieved += len(retrieved)
            n_relevant += len(relevant)
            qp, qr = ratio(h, len(retrieved)), ratio(h, len(relevant))
            sum_recall += qr
            sum_f1 += f1(qp, qr)
        p, r = ratio(hits, n_retrieved), ratio(hits, n_relevant)
        nq = max(len(queries), 1)
        result[variant] = {"queries": len(queries), "relevant": n_relevant,
                           "retrieved": n_retrieved, "hits": hits, "precision": p,
                           "recall": r, "f1": f1(p, r), "macro_recall": sum_recall / nq,
                           "macro_f1": sum_f1 / nq}
    return result


def names_by_file(records, files, key):
    return {f: normalized_names(records.get(f, {}).get(key)) for f in files}


def score(gold, pred, min_docs=2):
    """Full report for GOLD (already restricted to the scored files) and PRED."""
    out = {"doc_level": {}, "retrieval": {}}
    for gkey, pkey in DOC_CLASSES:
        out["doc_level"][gkey] = score_documents(names_by_file(gold, gold, gkey),
                                                 names_by_file(pred, gold, pkey))
    for gkey, pkey in RETRIEVAL_CLASSES:
        out["retrieval"][gkey] = score_retrieval(names_by_file(gold, gold, gkey),
                                                 names_by_file(pred, gold, pkey), min_docs)
    return out


def print_report(report, title, min_docs):
    print(title)
    print("document level (micro over articles; whole-token prefix/suffix rule)")
    print(f"  {'class':<15}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for gkey, _ in DOC_CLASSES:
        d = report["doc_level"][gkey]
        print(f"  {CLASS_LABELS[gkey]:<15}{d['gold']:>6}{d['pred']:>6}"
              f"{d['precision']:>8.3f}{d['recall']:>8.3f}{d['f1']:>8.3f}")
    print(f"retrieval view (gold names in >= {min_docs} articles; micro P/R/F1, macro R/F1)")
    print(f"  {'class':<9}{'rule':<9}{'queries':>8}{'rel':>6}{'ret':>6}"
          f"{'P':>8}{'R':>8}{'F1':>8}{'macroR':>8}{'macroF1':>8}")
    for gkey, _ in RETRIEVAL_CLASSES:
        for variant in ("exact", "relaxed"):
            d = report["retrieval"][gkey][variant]
            print(f"  {CLASS_LABELS[gkey]:<9}{variant:<9}{d['queries']:>8}{d['relevant']:>6}"
                  f"{d['retrieved']:>6}{d['precision']:>8.3f}{d['recall']:>8.3f}{d['f1']:>8.3f}"
                  f"{d['macro_recall']:>8.3f}{d['macro_f1']:>8.3f}")


def add_selection_args(ap):
    """--heldout or --files LIST: which articles a script scores (shared by the scripts)."""
    which = ap.add_mutually_exclusive_group()
    which.add_argument("--heldout", action="store_true",
                       help="score only articles whose number is divisible by 4")
    which.add_argument("--files", metavar="LIST",
                       help="score only these articles (list file or comma-separated names)")


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Document-level P/R/F1 and retrieval view of predicted entities "
                    "against gold.jsonl (rules in the module docstring).")
    ap.add_argument("gold", help="gold.jsonl of the annotated set")
    ap.add_argument("pred", help="predictions, JSON Lines {file, people, places, organizations}")
    add_selection_args(ap)
    ap.add_argument("--min-docs", type=int, default=2,
                    help="retrieval queries: gold names in at least N articles (default 2)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--title", help="first line of the text report")
    args = ap.parse_args(argv)

    gold_all = read_jsonl(args.gold)
    pred = read_jsonl(args.pred)
    gold, selection = select_gold(gold_all, args.heldout,
                                  read_file_list(args.files) if args.files else None)
    if not gold:
        raise SystemExit("entity_score: no articles to score")
    unscored = set(gold) - set(pred)
    if unscored:
        print(f"entity_score: warning: {len(unscored)} scored articles have no prediction "
              f"line (scored as predicting nothing)", file=sys.stderr)

    report = score(gold, pred, args.min_docs)
    if args.json:
        print(json.dumps({"selection": selection, **report}, indent=1))
    else:
        print_report(report, args.title or f"{args.pred}: {selection}", args.min_docs)


if __name__ == "__main__":
    main()
