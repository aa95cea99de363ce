#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

#include "facets.h"
#include "newsdex/utf8.h"
#include "printer.h"

namespace newsdex {
namespace {

struct Style {
  std::string_view highlight_on, highlight_off, title_on, title_off, dim_on, dim_off;
  std::size_t highlight_columns;  // columns that highlight_on and highlight_off take
};
constexpr Style kAnsiStyle{"\x1b[1;33m", "\x1b[0m", "\x1b[1m", "\x1b[0m", "\x1b[2m", "\x1b[0m", 0};
constexpr Style kPlainStyle{"[", "]", "", "", "", "", 2};
constexpr std::string_view kIndent = "   ";
// Names of a hit's people and places shown under its title; the rest are in --json.
constexpr std::size_t kEntitiesPerHit = 3;
constexpr std::string_view kListSeparator = " \xC2\xB7 ";  // " · "

// "people: A, B, C, …" with the first kEntitiesPerHit names; "" when there are none.
std::string entity_summary(std::string_view label, const std::vector<std::string>& names) {
  if (names.empty()) return {};
  std::string text(label);
  text += ": ";
  for (std::size_t i = 0; i < names.size() && i < kEntitiesPerHit; ++i) {
    if (i > 0) text += ", ";
    text += names[i];
  }
  if (names.size() > kEntitiesPerHit) text += ", \xE2\x80\xA6";  // …
  return text;
}

std::string render_passage(const Passage& passage, const Style& style) {
  std::string out;
  std::size_t done = 0;
  for (const auto& [start, end] : passage.highlights) {
    std::size_t from = byte_offset_of_code_point(passage.text, start);
    std::size_t to = byte_offset_of_code_point(passage.text, end);
    out.append(passage.text, done, from - done);
    out += style.highlight_on;
    out.append(passage.text, from, to - from);
    out += style.highlight_off;
    done = to;
  }
  out.append(passage.text, done);
  return out;
}

// A title or path keeps at least this many columns, however little the rest leaves.
constexpr std::size_t kMinElidedColumns = 12;

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …

struct Range {
  char32_t first, last;
};
// East Asian Wide and Fullwidth blocks (Unicode EastAsianWidth W and F), coarsely.
constexpr Range kWide[] = {
    {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},
    {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},
    {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD},
    {0x30000, 0x3FFFD},
};
// Combining marks, zero-width spaces and joiners, variation selectors, the BOM.
constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2060, 0x2064},
    {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
};

template <std::size_t N>
bool in_ranges(const Range (&ranges)[N], char32_t code) {
  return std::any_of(std::begin(ranges), std::end(ranges),
                     [code](const Range& r) { return r.first <= code && code <= r.last; });
}

// A code point of text: where its bytes start and how many columns it takes.
struct Cell {
  std::size_t byte;
  std::size_t columns;
};

// The code points of `utf8`, plus an end cell at utf8.size(). A byte that is not UTF-8
// counts as one code point of one column.
std::vector<Cell> cells_of(std::string_view utf8) {
  std::vector<Cell> cells;
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t code = 0;
    std::size_t size = decode_utf8_at(utf8, i, code);
    std::size_t columns = 1;
    if (size == 0) {
      size = 1;
    } else if (in_ranges(kWide, code)) {
      columns = 2;
    } else if (in_ranges(kZeroWidth, code)) {
      columns = 0;
    }
    cells.push_back({i, columns});
    i += size;
  }
  cells.push_back({utf8.size(), 0});
  return cells;
}

// The end of `text` that fits `columns` columns with "…" in front.
std::string elide_start(std::string_view text, std::size_t columns) {
  std::vector<Cell> cells = cells_of(text);
  std::size_t used = 1;  // the ellipsis
  std::size_t keep = cells.size() - 1;
  while (keep > 0 && used + cells[keep - 1].columns <= columns) used += cells[--keep].columns;
  return std::string(kEllipsis) + std::string(text.substr(cells[keep].byte));
}

// Lines of at most `columns` columns (a longer word is cut), broken at spaces, each with
// the highlights that fall in it; the spaces at the breaks are dropped. Each highlight
// takes `marker_columns` more for the marks around it ("[" and "]").
std::vector<Passage> wrap(const Passage& passage, std::size_t columns, std::size_t marker_columns) {
  std::vector<Cell> cells = cells_of(passage.text);
  for (const auto& [start, end] : passage.highlights) cells[start].columns += marker_columns;
  std::size_t n = cells.size() - 1;
  std::vector<std::pair<std::size_t, std::size_t>> lines;  // code points [begin, end)
  std::size_t begin = 0, used = 0;
  std::size_t space = n;  // the last space of the line being filled; n = none
  for (std::size_t i = 0; i < n; ++i) {
    bool is_space = passage.text[cells[i].byte] == ' ';
    if (is_space && i == begin) {
      ++begin;
      continue;
    }
    if (is_space) space = i;
    used += cells[i].columns;
    if (used <= columns) continue;
    if (space < n && space > begin) {
      lines.emplace_back(begin, space);
      begin = space + 1;
    } else {
      std::size_t cut = std::max(i, begin + 1);  // a line holds at least one code point
      lines.emplace_back(begin, cut);
      begin = cut;
    }
    space = n;
    used = 0;
    for (std::size_t k = begin; k <= i; ++k) used += cells[k].columns;
  }
  if (begin < n) lines.emplace_back(begin, n);

  std::vector<Passage> wrapped;
  for (const auto& [first, last] : lines) {
    Passage line;
    line.text = passage.text.substr(cells[first].byte, cells[last].byte - cells[first].byte);
    for (const auto& [start, end] : passage.highlights) {
      std::size_t from = std::max(start, first), to = std::min(end, last);
      if (from < to) line.highlights.emplace_back(from - first, to - first);
    }
    wrapped.push_back(std::move(line));
  }
  return wrapped;
}

// Columns left for one part of a line when the rest takes `others`.
std::size_t columns_left(std::size_t width, std::size_t others) {
  return std::max(kMinElidedColumns, width > others ? width - others : 0);
}

// "3 articles match", or, where copies of a story are collapsed into one hit,
// "2 stories match (3 articles with their copies)": the first number is what the pages
// list.
std::string describe_count(const SearchResults& results) {
  const std::size_t n = results.matches;
  if (results.articles == n) {
    return std::to_string(n) + (n == 1 ? " article matches" : " articles match");
  }
  return std::to_string(n) + (n == 1 ? " story matches (" : " stories match (") +
         std::to_string(results.articles) + " articles with their copies)";
}

// A value worth suggesting as a filter: the first (people first, most frequent first)
// that fewer than all matches have, so that adding it really narrows; nullptr if none.
const FacetValue* narrowing_value(const SearchResults& results, const Facet** facet) {
  for (const FacetCounts& counts : results.facets) {
    for (const FacetValue& value : counts.values) {
      if (value.count < results.articles) {
        *facet = &counts.facet;
        return &value;
      }
    }
  }
  return nullptr;
}

// "…" where a passage starts or ends inside a sentence, its highlights moved along.
Passage with_cut_marks(Passage passage) {
  if (passage.cut_start) {
    passage.text.insert(0, "\u2026 ");
    for (auto& [start, end] : passage.highlights) start += 2, end += 2;
  }
  if (passage.cut_end) passage.text += " \u2026";
  return passage;
}

class TextPrinter final : public Printer {
 public:
  TextPrinter(std::ostream& out, bool color, std::size_t width)
      : out_(out), style_(color ? kAnsiStyle : kPlainStyle), width_(width) {}

  void print(const SearchRequest& request, const SearchResults& results) override {
    if (results.matches == 0) {
      out_ << "No articles match: " << printable_on_terminal(request.query) << "\n";
      return;
    }
    if (request.limit == 0) {  // only the count (and the facets) were asked for
      out_ << style_.dim_on << describe_count(results) << style_.dim_off << "\n";
      if (request.facets) print_facets(request, results);
      return;
    }
    if (results.hits.empty()) {
      out_ << "No more articles for: " << printable_on_terminal(request.query) << " ("
           << describe_count(results) << ")\n";
      return;
    }
    out_ << style_.dim_on << describe_count(results) << "; showing " << results.hits.front().rank
         << "-" << results.hits.back().rank << style_.dim_off << "\n";
    for (const Hit& hit : results.hits) print_hit(hit);
    if (request.facets) print_facets(request, results);
  }

  void print_article(const StoredArticle& a) override {
    // Everything here comes from files nobody checked: no escape sequence may pass.
    out_ << style_.title_on << printable_on_terminal(a.title) << style_.title_off << "\n";
    std::string about = display_date(a);
    for (const std::string* part : {&a.section, &a.source, &a.author, &a.url}) {
      if (!part->empty()) about += "  " + printable_on_terminal(*part);
    }
    out_ << style_.dim_on << about << "\n"
         << printable_on_terminal(display_path(a)) << style_.dim_off << "\n";
    for (const Facet& facet : schema_facets()) {
      const std::vector<std::string>& names = *a.entities.list_for(facet.source);
      if (names.empty()) continue;
      std::string line = std::string(facet.name) + ": ";
      for (std::size_t i = 0; i < names.size(); ++i) line += (i > 0 ? ", " : "") + names[i];
      out_ << printable_on_terminal(line) << "\n";
    }
    out_ << "\n";
    // Line by line: the line breaks are the text's own, and nothing else may pass raw.
    std::string_view body = a.body;
    while (!body.empty()) {
      const std::size_t end = std::min(body.find('\n'), body.size());
      out_ << printable_on_terminal(body.substr(0, end)) << "\n";
      body.remove_prefix(std::min(end + 1, body.size()));
    }
  }

  void print_list(const ListRequest& request, const ListResults& results) override {
    const std::vector<FacetValue>& values = results.counts.values;
    if (values.empty()) {
      bool whole_index = request.query.find_first_not_of(" \t\n") == std::string::npos;
      if (whole_index) {
        out_ << "No " << results.counts.facet.name << " in the index\n";
      } else if (results.matches == 0) {
        out_ << "No articles match: " << printable_on_terminal(request.query) << "\n";
      } else {
        out_ << "No " << results.counts.facet.name
             << " in the articles matching: " << printable_on_terminal(request.query) << "\n";
      }
      return;
    }
    // Counts right-aligned: values come most frequent first.
    std::size_t width = std::to_string(values.front().count).size();
    for (const FacetValue& value : values) {
      std::string count = std::to_string(value.count);
      out_ << "  " << std::string(width - count.size(), ' ') << count << "  "
           << printable_on_terminal(value.name) << "\n";
    }
  }

 private:
  void print_hit(const Hit& hit) {
    const StoredArticle& a = hit.article;
    std::string rank = std::to_string(hit.rank) + ". ";
    // Titles, names and paths come from files nobody checked: no escape sequence in them
    // may reach the terminal.
    std::string section = a.section.empty() ? "" : "  (" + printable_on_terminal(a.section) + ")";
    std::string title = printable_on_terminal(a.title);
    if (width_ > 0) {
      title = elide_end(title, columns_left(width_, rank.size() + display_width(section)));
    }
    out_ << "\n" << rank << style_.title_on << title << style_.title_off << section << "\n";

    // The top folder stands in for an unknown source; it is often the section too.
    std::string before = display_date(a);
    if (!a.source.empty() && a.source != a.section)
      before += "  " + printable_on_terminal(a.source);
    std::string after = std::to_string(hit.percent) + "%";
    if (hit.similar > 0) after += "  +" + std::to_string(hit.similar) + " similar";
    std::string path = printable_on_terminal(display_path(a));
    if (width_ > 0) {
      std::size_t others = kIndent.size() + display_width(before) + 4 + display_width(after);
      path = elide_path(path, columns_left(width_, others));
    }
    out_ << kIndent << style_.dim_on << before << "  " << path << "  " << after << style_.dim_off
         << "\n";

    std::string people = entity_summary("people", a.entities.people);
    std::string places = entity_summary("places", a.entities.places);
    if (!people.empty() || !places.empty()) {
      std::string_view separator = people.empty() || places.empty() ? "" : kListSeparator;
      std::string entities = printable_on_terminal(people + std::string(separator) + places);
      if (width_ > 0) entities = elide_end(entities, columns_left(width_, kIndent.size()));
      out_ << kIndent << style_.dim_on << entities << style_.dim_off << "\n";
    }
    for (Passage passage : hit.passages) {
      if (passage.text.empty()) continue;
      passage = with_cut_marks(passage);
      passage.text = printable_on_terminal(passage.text);
      if (width_ == 0) {
        out_ << kIndent << render_passage(passage, style_) << "\n";
        continue;
      }
      for (const Passage& line :
           wrap(passage, columns_left(width_, kIndent.size()), style_.highlight_columns)) {
        out_ << kIndent << render_passage(line, style_) << "\n";
      }
    }
  }

  void print_facets(const SearchRequest& request, const SearchResults& results) {
    out_ << "\n" << style_.title_on << "Facets" << style_.title_off << "\n";
    bool any = false;
    for (const FacetCounts& counts : results.facets) {
      if (counts.values.empty()) continue;
      any = true;
      out_ << kIndent << counts.facet.name << ": ";
      for (std::size_t i = 0; i < counts.values.size(); ++i) {
        const FacetValue& value = counts.values[i];
        out_ << (i > 0 ? ", " : "") << printable_on_terminal(value.name) << " (" << value.count
             << ")";
      }
      out_ << "\n";
    }
    if (!any) {
      out_ << kIndent << "no people, places, organizations or topics in the matching articles\n";
      return;
    }
    const Facet* facet = nullptr;
    if (const FacetValue* value = narrowing_value(results, &facet)) {
      out_ << kIndent << style_.dim_on << "narrow with: "
           << printable_on_terminal(narrowed_query(request.query, *facet, value->name))
           << style_.dim_off << "\n";
    }
  }

  std::ostream& out_;
  Style style_;
  std::size_t width_;  // 0 = no eliding or wrapping
};

}  // namespace

bool should_color(ColorMode mode, bool output_is_terminal, const char* no_color_env) {
  switch (mode) {
    case ColorMode::kAlways:
      return true;
    case ColorMode::kNever:
      return false;
    case ColorMode::kAuto:
      return output_is_terminal && (no_color_env == nullptr || *no_color_env == '\0');
  }
  return false;
}

std::unique_ptr<Printer> make_text_printer(std::ostream& out, bool color, std::size_t width) {
  return std::make_unique<TextPrinter>(out, color, width);
}

std::size_t terminal_width(int fd) {
  if (!::isatty(fd)) return 0;
  winsize size{};
  if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  const char* columns = std::getenv("COLUMNS");
  long value = columns == nullptr ? 0 : std::strtol(columns, nullptr, 10);
  return value > 0 ? static_cast<std::size_t>(value) : 0;
}

std::size_t display_width(std::string_view utf8) {
  std::size_t columns = 0;
  for (const Cell& cell : cells_of(utf8)) columns += cell.columns;
  return columns;
}

std::string elide_end(std::string_view text, std::size_t columns) {
  std::vector<Cell> cells = cells_of(text);
  std::size_t total = 0;
  for (const Cell& cell : cells) total += cell.columns;
  if (total <= columns) return std::string(text);
  if (columns == 0) return {};
  std::size_t used = 1;  // the ellipsis
  std::size_t keep = 0;
  while (used + cells[keep].columns <= columns) used += cells[keep++].columns;
  std::string_view kept = text.substr(0, cells[keep].byte);
  while (kept.ends_with(' ')) kept.remove_suffix(1);
  return std::string(kept) + std::string(kEllipsis);
}

std::string elide_path(std::string_view path, std::size_t columns) {
  if (display_width(path) <= columns) return std::string(path);
  std::size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return elide_start(path, columns);
  std::string tail = "/";
  tail += kEllipsis;
  tail += path.substr(slash);
  std::size_t tail_columns = display_width(tail);
  // The most leading folders that fit: heads end just before a '/' of the folder part.
  for (std::size_t end = slash; end > 0;) {
    end = path.rfind('/', end - 1);
    if (end == std::string_view::npos) break;
    if (display_width(path.substr(0, end)) + tail_columns <= columns) {
      return std::string(path.substr(0, end)) + tail;
    }
  }
  if (tail_columns - 1 <= columns) return tail.substr(1);
  return elide_start(path, columns);
}

}  // namespace newsdex
