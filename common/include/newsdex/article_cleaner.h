// Cleaning of scraped news text: the title, the body paragraphs and headings, without
// the residue that scrapers leave (repeated titles, "Share:" lines, adverts, "Related
// News" trailers). All rules live in article_cleaner.cc, in one table.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

enum class BlockKind { kParagraph, kHeading };

struct TextBlock {
  BlockKind kind;
  std::string text;  // lines of one paragraph joined by '\n'; never empty

  bool operator==(const TextBlock&) const = default;
};

struct CleanArticle {
  std::string title;              // first non-empty, non-residue line; may be empty
  std::vector<TextBlock> blocks;  // body in reading order
  std::size_t removed_lines = 0;  // residue and repeated-title lines dropped

  // The body as stored for passages: blocks separated by blank lines.
  std::string body_text() const;
};

// Cleans UTF-8 text (LF, CRLF or CR line ends). Never throws; empty input gives an
// empty title and no blocks.
CleanArticle clean_article(std::string_view utf8_text);

// What the residue table says about one line (exposed for table tests).
enum class LineVerdict {
  kKeep,
  kDropLine,     // site residue on its own line: "Share:", "Advertisement", ...
  kDropTrailer,  // start of a trailer ("Related News"): this line and all after it
};
LineVerdict classify_line(std::string_view trimmed_line);

// Whether a one-line paragraph reads as a section heading (short, no closing
// punctuation). Exposed for table tests.
bool looks_like_heading(std::string_view trimmed_line);

}  // namespace newsdex
