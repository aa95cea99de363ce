// Everything newsdex-search prints for one search: the spelling note, the hits (by the
// chosen printer), then related entities and the timeline when asked for. Shared by the
// one-shot command and the interactive mode.
#pragma once

#include <cstddef>
#include <ostream>

#include "printer.h"
#include "searcher.h"

namespace newsdex {

enum class OutputStyle {
  kText,   // for people: the text printer
  kJson,   // JSON Lines
  kPaths,  // paths only: no notes, no extras
};

struct OutputOptions {
  OutputStyle style = OutputStyle::kText;
  bool color = false;
  std::size_t width = 80;  // columns for the timeline bars
};

// Prints `results` of `request` to `out` (notes for people go to `notes`: stderr for
// JSON and paths, so that stdout stays machine-readable).
void print_results(const SearchRequest& request, const SearchResults& results, Printer& printer,
                   const OutputOptions& options, std::ostream& out, std::ostream& notes);

// --count: the number of matching stories, or with JSON the total record that ends a
// search's output ({"type":"total","matches":...,"articles":...}).
void print_count(const SearchResults& results, const OutputOptions& options, std::ostream& out);

}  // namespace newsdex
