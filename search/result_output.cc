#include "result_output.h"

#include <nlohmann/json.hpp>

#include "newsdex/utf8.h"
#include "related_entities.h"
#include "timeline.h"

namespace newsdex {
namespace {

void print_spelling_text(const SearchResults& results, std::ostream& out) {
  if (results.corrected_from) {
    out << "Showing results for: " << printable_on_terminal(*results.suggestion)
        << "  (nothing much for " << printable_on_terminal(*results.corrected_from) << ")\n\n";
  } else if (results.suggestion) {
    out << "Did you mean: " << printable_on_terminal(*results.suggestion)
        << "  (or add --autocorrect)\n\n";
  }
}

void print_spelling_json(const SearchResults& results, std::ostream& out) {
  if (!results.suggestion) return;
  nlohmann::ordered_json line = {{"type", "did_you_mean"},
                                 {"did_you_mean", *results.suggestion},
                                 {"autocorrected", results.corrected_from.has_value()}};
  if (results.corrected_from) line["query"] = *results.corrected_from;
  // A query may hold bytes that are not UTF-8: they are replaced, never thrown over.
  out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

// The last record: the exact counts (see SearchResults), whatever the page.
void print_total_json(const SearchResults& results, std::ostream& out) {
  nlohmann::ordered_json line = {
      {"type", "total"}, {"matches", results.matches}, {"articles", results.articles}};
  out << line.dump() << "\n";
}

}  // namespace

void print_count(const SearchResults& results, const OutputOptions& options, std::ostream& out) {
  if (options.style == OutputStyle::kJson) {
    print_total_json(results, out);
  } else {
    out << results.matches << "\n";
  }
}

void print_results(const SearchRequest& request, const SearchResults& results, Printer& printer,
                   const OutputOptions& options, std::ostream& out, std::ostream& notes) {
  switch (options.style) {
    case OutputStyle::kPaths:
      printer.print(request, results);
      if (results.suggestion && !results.corrected_from) {
        notes << "newsdex-search: did you mean: " << printable_on_terminal(*results.suggestion)
              << "\n";
      }
      return;
    case OutputStyle::kJson:
      printer.print(request, results);
      print_spelling_json(results, out);
      if (!results.related.empty()) out << related_json_line(results.related) << "\n";
      if (results.timeline) out << timeline_json_line(*results.timeline) << "\n";
      print_total_json(results, out);
      if (results.matches == 0) {
        notes << "newsdex-search: no articles match: " << printable_on_terminal(request.query)
              << "\n";
      }
      return;
    case OutputStyle::kText:
      print_spelling_text(results, out);
      printer.print(request, results);
      if (!results.related.empty()) {
        out << "\n";
        print_related(out, results.related, options.color);
      }
      if (results.timeline) {
        out << "\n";
        print_timeline(out, *results.timeline, options.width, options.color);
      }
      return;
  }
}

}  // namespace newsdex
