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
  // Prints the results of `request`; prints the "no matches" form when there are none.
  virtual void print(const SearchRequest& request, const SearchResults& results) = 0;
};

enum class ColorMode { kAuto, kAlways, kNever };

// Whether to colour: always/never as asked; auto colours only a terminal, and not when
// the NO_COLOR environment variable is set to anything non-empty (no-color.org).
bool should_color(ColorMode mode, bool output_is_terminal, const char* no_color_env);

// Titles, paths and passages; highlights in ANSI bold colour, or between [ and ].
std::unique_ptr<Printer> make_text_printer(std::ostream& out, bool color);

// One JSON object per hit; nothing at all when there are no hits.
std::unique_ptr<Printer> make_json_printer(std::ostream& out);

}  // namespace newsdex
