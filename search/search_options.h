// The command line of newsdex-search, parsed and checked: what to do, and the
// SearchRequest and OpenOptions to do it with. Boost.Program_options stays behind this
// header.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "index_opener.h"
#include "printer.h"
#include "searcher.h"

namespace newsdex {

struct SearchCommand {
  std::string db_path;                   // --db, else the default index: see use_default_index()
  std::vector<std::string> query_words;  // joined into request.query by finish_search_command()
  // limit, offset, sort, undated, recency, duplicates, like, timeline, facets, facet_limit,
  // related_limit, passages, autocorrect; limit is 0 with --count.
  SearchRequest request;
  OpenOptions open_options;  // --timeout, --allow-missing-shards
  ColorMode color = ColorMode::kAuto;
  // What to do instead of one search.
  bool help = false;
  bool help_query = false;
  bool version = false;
  bool interactive = false;
  std::optional<std::string> list_facet;  // --list, as a schema facet name
  std::optional<std::string> show;        // --show ID_OR_PATH
  bool count_only = false;
  // --related was given; request.related_limit stays 0 with --facet-limit 0.
  bool related = false;
  // How to print: at most one format (finish_search_command() checks).
  bool json = false;
  bool csv = false;
  bool tsv = false;
  bool paths_only = false;
  bool nul_after_paths = false;            // -0
  std::optional<std::string> fields_list;  // --fields, as given
  std::vector<std::string> fields;         // parsed from it; empty = the printer's own
  std::string options_help;                // the listing of the options, for --help

  // ',' for --csv, '\t' for --tsv, '\0' for neither.
  char table_separator() const { return csv ? ',' : tsv ? '\t' : '\0'; }
};

// Parses the command line and checks each option's value (not yet how options combine:
// --help must work first). Throws UsageError with the message to print.
SearchCommand parse_search_command(int argc, char** argv);

// Without --db: the default index (NEWSDEX_DB, else the config file's db line). Throws
// UsageError for a config file that cannot be read or holds a line it does not know.
void use_default_index(SearchCommand& command);

// Checks that an index is named and that the options go together, joins the query and
// parses --fields. Throws UsageError with the message to print.
void finish_search_command(SearchCommand& command);

// --sort's orders (also the interactive :sort). Throws UsageError naming --sort.
SortOrder parse_sort(const std::string& text);

}  // namespace newsdex
