// Output of search results: for people in a terminal, or JSON Lines for scripts.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "searcher.h"

namespace newsdex {

class Printer {
 public:
  virtual ~Printer() = default;
  // Prints the results of `request`, then their facets when it asked for them; prints
  // the "no matches" form (and no facets) when there are no hits.
  virtual void print(const SearchRequest& request, const SearchResults& results) = 0;
  // Prints the entity browser's values of one facet; the "none" form when empty.
  virtual void print_list(const ListRequest& request, const ListResults& results) = 0;
};

enum class ColorMode { kAuto, kAlways, kNever };

// Whether to colour: always/never as asked; auto colours only a terminal, and not when
// the NO_COLOR environment variable is set to anything non-empty (no-color.org).
bool should_color(ColorMode mode, bool output_is_terminal, const char* no_color_env);

// Titles, paths, the first people and places, passages; highlights in ANSI bold colour,
// or between [ and ]. Facets as a block after the hits, one line per facet, with a
// narrowed query to try. Browser lists as "  count  name" lines.
std::unique_ptr<Printer> make_text_printer(std::ostream& out, bool color);

// JSON Lines. Search: one object per hit (with its people, places, organizations and
// topics), then, when asked for, one last line
//   {"facets": {"people": [{"name": ..., "count": ...}, ...], "places": [...], ...}}
// and nothing at all when there are no hits. Browser: one {"name", "count"} per value.
std::unique_ptr<Printer> make_json_printer(std::ostream& out);

}  // namespace newsdex
