// newsdex-search: command line of the search tool. Parses options, runs the search and
// translates errors into one line on stderr and an exit code.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <xapian.h>
#include <boost/program_options.hpp>

#include "newsdex/errors.h"
#include "printer.h"
#include "searcher.h"

namespace po = boost::program_options;

namespace {

constexpr const char* kProgram = "newsdex-search";

// Exit codes; the README documents them.
enum ExitCode {
  kExitOk = 0,     // including a search with no hits
  kExitUsage = 2,  // bad options, an index that cannot be opened, a query that cannot be parsed
};

void print_usage(std::ostream& out, const po::options_description& options) {
  out << "Usage: " << kProgram << " --db DIR [options] QUERY...\n\n"
      << "Searches a newsdex index. All words must match unless joined by OR; also\n"
      << "NOT word, -word, \"exact phrase\", title:word, section:NAME, id:PATH and\n"
      << "trailing wildcards (presiden*).\n\n"
      << options << "\n"
      << "Exit status: 0 success (also when nothing matches), 2 usage error, unusable\n"
      << "index or unparsable query.\n";
}

int fail(const std::string& message, bool hint = false) {
  std::cerr << kProgram << ": " << message << "\n";
  if (hint) std::cerr << "Try '" << kProgram << " --help' for more information.\n";
  return kExitUsage;
}

newsdex::ColorMode parse_color_mode(const std::string& text) {
  if (text == "auto") return newsdex::ColorMode::kAuto;
  if (text == "always") return newsdex::ColorMode::kAlways;
  if (text == "never") return newsdex::ColorMode::kNever;
  throw po::error("--color must be auto, always or never, not '" + text + "'");
}

std::string join_words(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) {
    if (!text.empty()) text += ' ';
    text += word;
  }
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path, color = "auto";
  std::vector<std::string> query_words;
  newsdex::SearchRequest request;
  po::options_description visible("Options");
  // One option per line reads better than the formatter's packing.
  // clang-format off
  visible.add_options()
      ("db,d", po::value(&db_path)->value_name("DIR"), "index directory to search (required)")
      ("limit,n", po::value(&request.limit)->value_name("N")->default_value(10),
       "show at most N articles")
      ("offset", po::value(&request.offset)->value_name("N")->default_value(0),
       "skip the first N articles (paging)")
      ("json", "print JSON Lines: one object per article")
      ("color", po::value(&color)->value_name("WHEN")->default_value("auto"),
       "colour highlights: auto (a terminal, unless NO_COLOR is set), always, never")
      ("help,h", "print this help and exit")
      ("version", "print the version and exit");
  // clang-format on
  po::options_description all;
  all.add(visible).add_options()("query", po::value(&query_words)->composing());
  po::positional_options_description positional;
  positional.add("query", -1);

  po::variables_map vm;
  newsdex::ColorMode color_mode;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    color_mode = parse_color_mode(color);
  } catch (const po::error& e) {
    return fail(e.what(), true);
  }
  if (vm.count("help")) {
    print_usage(std::cout, visible);
    return kExitOk;
  }
  if (vm.count("version")) {
    std::cout << kProgram << " " << NEWSDEX_VERSION << " (Xapian " << Xapian::version_string()
              << ")\n";
    return kExitOk;
  }
  if (db_path.empty()) return fail("--db DIR is required", true);
  request.query = join_words(query_words);
  if (request.query.empty()) return fail("no query given", true);

  bool json = vm.count("json") > 0;
  try {
    newsdex::Searcher searcher(db_path);
    newsdex::SearchResults results = searcher.search(request);
    auto printer = json ? newsdex::make_json_printer(std::cout)
                        : newsdex::make_text_printer(
                              std::cout, newsdex::should_color(color_mode, ::isatty(STDOUT_FILENO),
                                                               std::getenv("NO_COLOR")));
    printer->print(request, results);
    if (json && results.hits.empty()) {
      std::cerr << kProgram << ": no articles match: " << request.query << "\n";
    }
    return kExitOk;
  } catch (const newsdex::Error& e) {
    return fail(e.what());
  } catch (const Xapian::Error& e) {
    return fail("index " + db_path + ": " + e.get_description());
  }
}
