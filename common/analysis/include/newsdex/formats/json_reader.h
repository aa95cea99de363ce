// News dumps as JSON: one object, an array of objects, or JSON Lines.
#pragma once

#include <string_view>

#include "newsdex/formats/parsed_document.h"

namespace newsdex {

// Reads the articles of a .json file (one object, or an array of objects: id suffixes
// "#0", "#1", ...) or, with `json_lines`, of a .jsonl file (one object per line: id
// suffix ":N", N the 1-based line number; blank lines are ignored). Field names in
// common use are understood: title/headline, text/body/content/maintext/article,
// date/published/date_publish/published_at/pubDate, url/link, source/site/
// source_domain/publisher, author/authors/byline (a string, an array of strings or of
// objects with "name"). An entry that does not parse, is not an object or has no text
// becomes a DocumentProblem; the others are still read. Never throws.
ParsedFile read_json_documents(std::string_view utf8, bool json_lines);

}  // namespace newsdex
