// newsdex-search: command line of the search tool. Parses options, runs the search and
// translates errors into one line on stderr and an exit code.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "help_query.h"
#include "interactive.h"
#include "newsdex/errors.h"
#include "newsdex/schema.h"
#include "newsdex/utf8.h"
#include "printer.h"
#include "result_output.h"
#include "search_options.h"
#include "searcher.h"

namespace {

constexpr const char* kProgram = "newsdex-search";

// Exit codes; the README documents them.
enum ExitCode {
  kExitOk = 0,     // including a search with no hits
  kExitUsage = 2,  // bad options, an index that cannot be opened, a query that cannot be parsed
  kExitShard = 3,  // a shard of the index did not answer (see --allow-missing-shards)
};

void print_usage(std::ostream& out, const std::string& options_help) {
  out << "Usage: " << kProgram << " --db DIR [options] QUERY...\n"
      << "  or:  " << kProgram << " --db DIR --like ID_OR_PATH [options] [QUERY...]\n"
      << "  or:  " << kProgram << " --db DIR --list FACET [options] [QUERY...]\n"
      << "  or:  " << kProgram << " --db DIR -i [options]\n\n"
      << "Searches a newsdex index (one database, a sharded folder, or a stub of remote\n"
      << "shards). All words must match unless joined by OR; also NOT word, -word,\n"
      << "\"exact phrase\", a NEAR b, presiden*, fields such as title:, person:, place:,\n"
      << "org:, topic:, section:, source: and dates such as date:2024-02..2024-03 or\n"
      << "date:last-30-days. --help-query describes the whole query language.\n"
      << "person:netanyahu finds \"Benjamin Netanyahu\"; UN, U.N. and \"United Nations\"\n"
      << "find each other; a misspelt query that finds little gets \"Did you mean\".\n\n"
      << "--facets and --list count articles by the names of their people, places,\n"
      << "organizations and topics (each article's " << newsdex::kFacetSlots
      << " most mentioned of each); add e.g.\n"
      << "person:\"NAME\" to the query to keep only the articles about NAME.\n\n"
      << options_help << "\n"
      << "Exit status: 0 success (also when nothing matches), 2 usage error, unusable\n"
      << "index or unparsable query, 3 a shard of the index did not answer.\n";
}

int fail(const std::string& message, bool hint = false, int code = kExitUsage) {
  // Messages quote the query or the path given, which may hold escape sequences.
  std::cerr << kProgram << ": " << newsdex::printable_on_terminal(message) << "\n";
  if (hint) std::cerr << "Try '" << kProgram << " --help' for more information.\n";
  return code;
}

void warn_missing_shards(const newsdex::Searcher& searcher) {
  for (const newsdex::ShardName& shard : searcher.missing_shards()) {
    std::cerr << kProgram << ": warning: shard " << newsdex::printable_on_terminal(shard.text)
              << " does not answer; results leave out its articles\n";
  }
}

// --help, --help-query and --version print their text instead of searching. Whether one
// did.
bool print_help_or_version(const newsdex::SearchCommand& command) {
  if (command.help) {
    print_usage(std::cout, command.options_help);
    return true;
  }
  if (command.help_query) {
    std::cout << newsdex::query_help_text();
    return true;
  }
  if (command.version) {
    std::cout << kProgram << " " << NEWSDEX_VERSION << " (Xapian " << Xapian::version_string()
              << ")\n";
    return true;
  }
  return false;
}
// Why --json printed nothing for the entity browser; empty when it printed values.
std::string empty_list_note(const newsdex::ListRequest& request,
                            const newsdex::ListResults& results) {
  if (!results.counts.values.empty()) return {};
  if (request.query.empty()) return "no " + request.facet + " in the index";
  if (results.matches == 0) return "no articles match: " + request.query;
  return "no " + request.facet + " in the articles matching: " + request.query;
}

// The interactive mode (-i): each query answered in the same open index; ":more" pages,
// ":like N" searches for articles like hit N of the last page.
int run_interactive_session(newsdex::Searcher& searcher, newsdex::SearchRequest request,
                            newsdex::Printer& printer, const newsdex::OutputOptions& output) {
  newsdex::SearchResults last;
  auto answer = [&] {
    last = searcher.search(request);
    warn_missing_shards(searcher);
    newsdex::print_results(request, last, printer, output, std::cout, std::cerr);
    std::cout.flush();
  };
  newsdex::InteractiveCommands commands;
  commands.search = [&](const std::string& query) {
    request.query = query;
    request.like.clear();
    request.offset = 0;
    answer();
  };
  commands.more = [&] {
    request.offset += request.limit;
    answer();
  };
  commands.like = [&](std::size_t rank) {
    for (const newsdex::Hit& hit : last.hits) {
      if (hit.rank != rank) continue;
      request.like = hit.article.id;
      request.query.clear();
      request.offset = 0;
      answer();
      return;
    }
    throw newsdex::QueryError("no hit " + std::to_string(rank) + " on the last page");
  };
  // A change of order or facets shows the last query's first page again.
  auto answer_again = [&] {
    if (request.query.empty() && request.like.empty()) return;
    request.offset = 0;
    answer();
  };
  commands.sort = [&](const std::string& order) {
    try {
      request.sort = newsdex::parse_sort(order);
    } catch (const newsdex::UsageError&) {
      throw newsdex::QueryError(":sort takes relevance, date or oldest, not '" + order + "'");
    }
    answer_again();
  };
  commands.facets = [&] {
    request.facets = !request.facets;
    std::cout << (request.facets ? "facets on" : "facets off") << "\n";
    answer_again();
  };
  commands.show = [&](std::size_t rank) {
    for (const newsdex::Hit& hit : last.hits) {
      if (hit.rank != rank) continue;
      std::optional<newsdex::StoredArticle> article = searcher.article(hit.article.id);
      if (!article)
        throw newsdex::QueryError("hit " + std::to_string(rank) + " is gone from the index");
      printer.print_article(*article);
      std::cout.flush();
      return;
    }
    throw newsdex::QueryError("no hit " + std::to_string(rank) + " on the last page");
  };
  const char* home = std::getenv("HOME");
  std::string history =
      home != nullptr && *home != '\0' ? std::string(home) + "/.newsdex_history" : std::string();
  return newsdex::run_interactive(commands, history, stdin, stdout, request.query);
}

// The printer of the format the options chose, and the options print_results() reads.
struct Output {
  newsdex::OutputOptions options;
  std::unique_ptr<newsdex::Printer> printer;
};

Output make_output(const newsdex::SearchCommand& command) {
  Output output;
  output.options.color =
      newsdex::should_color(command.color, ::isatty(STDOUT_FILENO), std::getenv("NO_COLOR"));
  std::size_t width = newsdex::terminal_width(STDOUT_FILENO);
  output.options.width = width > 0 ? width : 80;
  const std::vector<std::string>& fields = command.fields;
  if (command.json) {
    output.options.style = newsdex::OutputStyle::kJson;
    output.printer = newsdex::make_json_printer(std::cout, fields);
  } else if (command.table_separator() != '\0') {
    output.options.style = newsdex::OutputStyle::kPaths;  // rows only; notes go to stderr
    output.printer =
        newsdex::make_table_printer(std::cout, command.table_separator(),
                                    fields.empty() ? newsdex::default_table_fields() : fields);
  } else if (command.paths_only || command.nul_after_paths) {
    output.options.style = newsdex::OutputStyle::kPaths;
    output.printer = newsdex::make_paths_printer(std::cout, command.nul_after_paths ? '\0' : '\n');
  } else {
    output.printer = newsdex::make_text_printer(std::cout, output.options.color, width);
  }
  return output;
}

// --show: one article whole.
int show_article(newsdex::Searcher& searcher, const std::string& id_or_path,
                 newsdex::Printer& printer) {
  std::optional<newsdex::StoredArticle> article = searcher.article(id_or_path);
  if (!article) return fail("--show " + id_or_path + ": no such article in the index");
  printer.print_article(*article);
  return kExitOk;
}

// --list: the entity browser.
int list_facet_values(newsdex::Searcher& searcher, const newsdex::SearchCommand& command,
                      newsdex::Printer& printer) {
  const newsdex::SearchRequest& request = command.request;
  newsdex::ListRequest list_request{*command.list_facet, request.query, request.limit,
                                    request.undated};
  newsdex::ListResults list_results = searcher.list(list_request);
  warn_missing_shards(searcher);
  printer.print_list(list_request, list_results);
  if (std::string note = empty_list_note(list_request, list_results);
      (command.json || command.table_separator() != '\0') && !note.empty()) {
    std::cerr << kProgram << ": " << newsdex::printable_on_terminal(note) << "\n";
  }
  return kExitOk;
}

// One search: its results, or with --count only their number.
int search_and_print(newsdex::Searcher& searcher, const newsdex::SearchCommand& command,
                     const Output& output) {
  newsdex::SearchResults results = searcher.search(command.request);
  warn_missing_shards(searcher);
  if (command.count_only) {
    newsdex::print_count(results, output.options, std::cout);
    return kExitOk;
  }
  newsdex::print_results(command.request, results, *output.printer, output.options, std::cout,
                         std::cerr);
  return kExitOk;
}

// Opens the index and answers in the mode the options chose.
int run(const newsdex::SearchCommand& command) {
  try {
    newsdex::Searcher searcher(command.db_path, command.open_options);
    Output output = make_output(command);
    if (command.interactive) {
      return run_interactive_session(searcher, command.request, *output.printer, output.options);
    }
    if (command.show) return show_article(searcher, *command.show, *output.printer);
    if (command.list_facet) return list_facet_values(searcher, command, *output.printer);
    return search_and_print(searcher, command, output);
  } catch (const newsdex::ShardUnavailableError& e) {
    return fail(e.what(), false, kExitShard);
  } catch (const newsdex::Error& e) {
    return fail(e.what());
  } catch (const Xapian::Error& e) {
    return fail("index " + command.db_path + ": " + e.get_description());
  } catch (const std::exception& e) {
    // Anything else (a filesystem error, a JSON one) is still one line, never an abort.
    return fail(e.what());
  }
}

}  // namespace

int main(int argc, char** argv) {
  newsdex::SearchCommand command;
  try {
    command = newsdex::parse_search_command(argc, argv);
  } catch (const newsdex::UsageError& e) {
    return fail(e.what(), true);
  }
  if (print_help_or_version(command)) return kExitOk;
  try {
    newsdex::use_default_index(command);
  } catch (const newsdex::UsageError& e) {
    // The config file's own message: no --help hint, the options were fine.
    return fail(e.what());
  }
  try {
    newsdex::finish_search_command(command);
  } catch (const newsdex::UsageError& e) {
    return fail(e.what(), true);
  }
  return run(command);
}
