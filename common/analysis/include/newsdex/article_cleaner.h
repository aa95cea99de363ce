// Cleaning of scraped news text: the title, the body paragraphs and headings, without
// the residue that scrapers leave (repeated titles, "Share:" lines, adverts, "Related
// News" trailers). All rules live in article_cleaner.cc, in one table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
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
  // residue_line_key() of every distinct learnable line at the edges of the input
  // (residue_edge_lines()), dropped or not: what the index counts to learn residue
  // (kResidueLinePrefix). Empty unless the context asks for them.
  std::vector<std::uint64_t> line_keys;

  // The body as stored for passages: blocks separated by blank lines.
  std::string body_text() const;
};

// What a corpus taught about its residue: lines at the edges of an article that its
// source repeats across a large share of its articles (a site's footer, a newsletter
// pitch), dropped on top of the rules. A learnt line inside the body is kept: only the
// first and last kResidueEdgeLines non-empty lines are boilerplate candidates.
struct CleaningContext {
  std::string_view source;  // the article's news source; keys are per source
  // residue_line_key()s to drop; may be null (nothing learnt yet).
  const std::unordered_set<std::uint64_t>* learnt_residue = nullptr;
  bool collect_line_keys = false;  // fill CleanArticle::line_keys
};

// Cleans UTF-8 text (LF, CRLF or CR line ends). Never throws; empty input gives an
// empty title and no blocks.
CleanArticle clean_article(std::string_view utf8_text, const CleaningContext& context = {});

// Non-empty lines at each end of an article's text that may be learnt as residue.
inline constexpr std::size_t kResidueEdgeLines = 3;

// The key of a source for residue learning (never 0): lines and article counts are kept
// per source.
std::uint64_t residue_source_key(std::string_view source);

// The key of a line of a source for residue learning, from the line with case and blanks
// folded; 0 when the line can never be site residue: too short or too long (a
// candidate is 8 to 160 bytes), a byline ("By ..."), a dateline or date line, or a list
// (a line-up, a results row: three or more commas or semicolons).
std::uint64_t residue_line_key(std::string_view source, std::string_view trimmed_line);

// A learnable line at the edges of a text: its key and the line as written.
struct EdgeLine {
  std::uint64_t key;
  std::string_view text;
};

// The learnable lines among the first and last kResidueEdgeLines non-empty lines of
// `utf8_text`, in order, without repeats: exactly the lines whose keys clean_article()
// collects and may drop. Views into utf8_text.
std::vector<EdgeLine> residue_edge_lines(std::string_view utf8_text, std::string_view source);

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
