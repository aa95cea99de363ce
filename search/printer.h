// Output of search results: for people in a terminal, or JSON Lines for scripts.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "searcher.h"

namespace newsdex {

class Printer {
 public:
  virtual ~Printer() = default;
  // Prints the results of `request`, then their facets when it asked for them; prints
  // the "no matches" form when there are no hits (JSON: the facets record, lists empty,
  // when asked for).
  virtual void print(const SearchRequest& request, const SearchResults& results) = 0;
  // Prints the entity browser's values of one facet; the "none" form when empty.
  virtual void print_list(const ListRequest& request, const ListResults& results) = 0;
  // Prints one article whole (--show): its metadata, names and cleaned text.
  virtual void print_article(const StoredArticle& article) = 0;
};

enum class ColorMode { kAuto, kAlways, kNever };

// Whether to colour: always/never as asked; auto colours only a terminal, and not when
// the NO_COLOR environment variable is set to anything non-empty (no-color.org).
bool should_color(ColorMode mode, bool output_is_terminal, const char* no_color_env);

// Titles, paths, the first people and places, passages (each on its own indented line);
// highlights in ANSI bold colour, or between [ and ]. Facets as a block after the hits,
// one line per facet, with a narrowed query to try. Browser lists as "  count  name"
// lines. With a `width` in columns, titles are cut at the end and paths in the middle so
// that their lines fit it; 0 = never cut (output that is not a terminal).
std::unique_ptr<Printer> make_text_printer(std::ostream& out, bool color, std::size_t width = 0);

// JSON Lines. Search: one object per hit (with its people, places, organizations and
// topics), then, when asked for, one last line
//   {"facets": {"people": [{"name": ..., "count": ...}, ...], "places": [...], ...}}
// with empty lists when there are no hits. Browser: one {"name", "count"} per value.
// With `fields` (see hit_record.h), a hit holds its type and those fields, in that order.
std::unique_ptr<Printer> make_json_printer(std::ostream& out, std::vector<std::string> fields = {});

// CSV (RFC 4180 quoting, `separator` ',') or TSV ('\t': tabs and line breaks inside a
// value become spaces) for spreadsheets: a header row of `fields`, then one row per hit
// (see field_text in hit_record.h); for --list, "name" and "count" columns. Lines end
// in LF. Only hits: facets, timelines and notes are not rows.
std::unique_ptr<Printer> make_table_printer(std::ostream& out, char separator,
                                            std::vector<std::string> fields);

// The columns of CSV and TSV output without --fields.
std::vector<std::string> default_table_fields();

// Nothing but the path of each hit (see display_path), each followed by `terminator`
// ('\n', or '\0' for xargs -0): no counts, no facets, nothing without hits. Browser
// lists print each name followed by `terminator`.
std::unique_ptr<Printer> make_paths_printer(std::ostream& out, char terminator);

// The article's file path as stored, plus where in the file it is for an entry of a
// file of several articles (":12" for line 12 of a JSON Lines dump).
std::string display_path(const StoredArticle& article);

// The article's date as the text printer shows it: its day ("2024-02-07"), marked when
// only its year is guessed ("2024-02-07 (year guessed)", date_source "mtime-year"), or
// "undated".
std::string display_date(const StoredArticle& article);

// The JSON form of an article's date, one format for every hit: "date" is its day
// "YYYY-MM-DD" (UTC), "date_time" the instant "YYYY-MM-DDTHH:MM:SSZ" when its source gave
// a time of day, "date_source" where it came from ("metadata", "text", "path",
// "path-year", "mtime-year"); each null when unknown, all three when it is undated.
struct JsonDate {
  std::optional<std::string> date, date_time, date_source;
};
JsonDate json_date(const StoredArticle& article);

// Columns of a terminal that `fd` is, from TIOCGWINSZ, else from a positive COLUMNS
// environment variable; 0 when `fd` is not a terminal.
std::size_t terminal_width(int fd);

// Terminal columns of UTF-8 text: East Asian wide and fullwidth characters take 2,
// combining marks and other zero-width characters 0, every other code point 1. Exposed
// for tests.
std::size_t display_width(std::string_view utf8);

// `text` cut at the end to at most `columns` columns, "…" included, when it is wider.
std::string elide_end(std::string_view text, std::size_t columns);

// `path` cut to at most `columns` columns when it is wider, keeping the file name and as
// many leading folders as fit: "world/…/long-name.txt"; when even "…/name" is too wide,
// the end of the name: "…ng-name.txt". Exposed for tests.
std::string elide_path(std::string_view path, std::size_t columns);

}  // namespace newsdex
