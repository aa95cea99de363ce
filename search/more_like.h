// More like this (--like ID_OR_PATH): a query for the articles most like a given one, by
// Xapian's relevance-set expansion. The query holds plain terms only, so remote shards
// (a stock xapian-tcpsrv) run it like any other; the expansion reads the article's
// term list, which remote databases serve too.
#pragma once

#include <optional>
#include <string_view>

#include <xapian.h>

namespace newsdex {

// The document of an article named by its id exactly as indexed ("world/x.txt",
// "feed.jsonl:12"), or by a path that ends with its id: leading "./" are dropped, then
// the text and each suffix after a '/' are tried in turn, longest first, so
// "sample-corpus/world/x.txt" and "/home/me/news/world/x.txt" find "world/x.txt".
// nullopt when none is an article id. Throws Xapian errors (database errors only).
std::optional<Xapian::docid> find_article(const Xapian::Database& db, std::string_view id_or_path);

// A query for articles like document `docid` (from find_article on the same `db`): the
// `max_terms` best expand terms of the document as a relevance set, OR-ed with weights
// scaled by their expand weight relative to the best one, AND_NOT the article's own id
// term so that it never matches itself. Its near-duplicates do match: collapse them as
// for any search. The terms are the Z-prefixed stems of plain (unprefixed) words of
// three characters or more, so inflections of a word count together. An article without
// such terms gives an empty Xapian::Query (matches nothing). Combine with filters as
// Xapian::Query(OP_FILTER, like, filter). Throws Xapian::DocNotFoundError for a docid
// not in `db`.
Xapian::Query more_like_query(const Xapian::Database& db, Xapian::docid docid,
                              Xapian::termcount max_terms = 40);

}  // namespace newsdex
