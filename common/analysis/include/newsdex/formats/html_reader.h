// Saved HTML pages: the article's main text and metadata, through a real HTML parser.
#pragma once

#include <string_view>

#include "newsdex/formats/parsed_document.h"

namespace newsdex {

// Reads one article from a UTF-8 HTML page: title, date, author, source and url from
// meta tags, <time> and JSON-LD where present; the main text without navigation,
// scripts, styles, forms, headers, footers, asides or related-link blocks. Never throws;
// a page with no text gives an empty text (the caller skips it).
ParsedDocument read_html_document(std::string_view utf8);

}  // namespace newsdex
