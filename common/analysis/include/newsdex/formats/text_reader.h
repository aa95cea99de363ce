// Plain text and Markdown articles, with an optional front-matter block.
#pragma once

#include <string_view>

#include "newsdex/formats/parsed_document.h"

namespace newsdex {

// Reads one article from UTF-8 text. A front-matter block is taken as metadata and
// removed from the text: a YAML block between "---" lines at the very start, or leading
// "Key: value" lines (title, date, source, author, url; case-insensitive keys) ended by
// a blank line. With `markdown`, Markdown syntax is turned into plain text (heading
// marks, emphasis, links keep their text, images and code fences go). Never throws.
ParsedDocument read_text_document(std::string_view utf8, bool markdown);

}  // namespace newsdex
