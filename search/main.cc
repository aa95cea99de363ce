// newsdex-search: command line of the search tool. Parses options, runs the search and
// translates errors into one line on stderr and an exit code.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <stdexcept>

#include <xapian.h>
#include <boost/program_options.hpp>

#include "facets.h"
#include "help_query.h"
#include "hit_record.h"
#include "interactive.h"
#include "newsdex/default_index.h"
#include "newsdex/errors.h"
#include "newsdex/utf8.h"
#include "printer.h"
#include "result_output.h"
#include "searcher.h"
#include "timeline.h"

namespace po = boost::program_options;

namespace {

constexpr const char* kProgram = "newsdex-search";

// Exit codes; the README documents them.
enum ExitCode {
  kExitOk = 0,     // including a search with no hits
  kExitUsage = 2,  // bad options, an index that cannot be opened, a query that cannot be parsed
  kExitShard = 3,  // a shard of the index did not answer (see --allow-missing-shards)
};

void print_usage(std::ostream& out, const po::options_description& options) {
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
      << options << "\n"
      << "Exit status: 0 success (also when nothing matches), 2 usage error, unusable\n"
      << "index or unparsable query, 3 a shard of the index did not answer.\n";
}

// Bounds of the numeric options: far above any use, far below where they wrap.
constexpr Xapian::doccount kMaxHits = 1'000'000'000;
constexpr std::size_t kMaxPassages = 100;

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

newsdex::ColorMode parse_color_mode(const std::string& text) {
  if (text == "auto") return newsdex::ColorMode::kAuto;
  if (text == "always") return newsdex::ColorMode::kAlways;
  if (text == "never") return newsdex::ColorMode::kNever;
  throw po::error("--color must be auto, always or never, not '" + text + "'");
}

// Checks --list FACET before the index is opened, so a typo is a usage error.
// Whether `value` followed `option` as a word of its own on the command line (rather
// than "--option=value").
bool given_as_own_word(int argc, char** argv, std::string_view option, const std::string& value) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == option && argv[i + 1] == value) return true;
  }
  return false;
}

std::string parse_list_facet(const std::string& text) {
  // The singular, as the query fields spell them (person:, place:, org:, topic:).
  static const std::map<std::string, std::string> kSingular = {{"person", "people"},
                                                               {"place", "places"},
                                                               {"org", "organizations"},
                                                               {"organization", "organizations"},
                                                               {"organisation", "organizations"},
                                                               {"organisations", "organizations"},
                                                               {"orgs", "organizations"},
                                                               {"topic", "topics"}};
  try {
    auto singular = kSingular.find(text);
    return std::string(
        newsdex::facet_by_name(singular != kSingular.end() ? singular->second : text).name);
  } catch (const std::out_of_range&) {
    throw po::error("--list must be people, places, organizations or topics, not '" + text + "'");
  }
}

newsdex::SortOrder parse_sort(const std::string& text) {
  if (text == "relevance") return newsdex::SortOrder::kRelevance;
  if (text == "date" || text == "newest") return newsdex::SortOrder::kDate;
  if (text == "oldest") return newsdex::SortOrder::kOldest;
  throw po::error("--sort must be relevance, date (newest first) or oldest, not '" + text + "'");
}

bool parse_collapse(const std::string& text) {
  if (text == "collapse") return true;
  if (text == "show") return false;
  throw po::error("--duplicates must be collapse or show, not '" + text + "'");
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
      request.sort = parse_sort(order);
    } catch (const po::error&) {
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
  std::string db_path, color = "auto", list_facet, sort = "relevance", duplicates = "collapse";
  std::string timeline, undated = "exclude", show, fields_list;
  std::vector<std::string> query_words;
  newsdex::SearchRequest request;
  newsdex::OpenOptions open_options;
  double timeout_seconds = open_options.remote_timeout_ms / 1000.0;
  po::options_description visible("Options");
  // One option per line reads better than the formatter's packing.
  // clang-format off
  visible.add_options()
      ("db,d", po::value(&db_path)->value_name("DIR"),
       "index directory to search (default: $NEWSDEX_DB, else db = in "
       "~/.config/newsdex/config; required without them)")
      ("limit,n", po::value(&request.limit)->value_name("N")->default_value(10),
       "show at most N articles (with --list: N names)")
      ("offset", po::value(&request.offset)->value_name("N")->default_value(0),
       "skip the first N articles (paging)")
      ("sort", po::value(&sort)->value_name("ORDER")->default_value("relevance"),
       "relevance (best match first), date (newest first, by the article's own date) or "
       "oldest (oldest first); undated articles come last either way")
      ("undated", po::value(&undated)->value_name("MODE")->default_value("exclude"),
       "articles with no date of their own: exclude them from date filters such as "
       "date:last-7-days (they are still found without one), include them in every date "
       "filter, or find only them (a QUERY is then optional)")
      ("recency", po::value(&request.recency_weight)->value_name("W")->default_value(0),
       "blend recency into relevance: a match gains W per year it is newer (BM25 weights "
       "of good matches are about 5 to 20; try 2); undated articles gain nothing")
      ("duplicates", po::value(&duplicates)->value_name("MODE")->default_value("collapse"),
       "collapse: one hit per story, with \"+N similar\" for its near-duplicates under "
       "other names or sites; show: list every copy")
      ("like", po::value(&request.like)->value_name("ID_OR_PATH"),
       "articles most like this one (its id as shown in results, or its path); a QUERY "
       "given too only filters them, e.g. --like world/x.txt date:2024")
      ("timeline", po::value(&timeline)->value_name("BUCKET")->implicit_value("auto"),
       "after the articles, a histogram of ALL matching articles by date: day, week, "
       "month, year, or auto (the default: picked from the span of the dates)")
      ("related", "after the articles, the people, places and organizations that appear "
       "most often with the query (--facet-limit of each)")
      ("facets", "after the articles, show the people, places, organizations and topics "
       "of ALL matching articles with article counts, most frequent first")
      ("facet-limit", po::value(&request.facet_limit)->value_name("N")->default_value(10),
       "show at most N names per facet")
      ("list", po::value(&list_facet)->value_name("FACET"),
       "list the people, places, organizations or topics (FACET) of the articles matching "
       "QUERY, or of the whole index without a QUERY, with article counts, most frequent "
       "first; --limit N names (default 10)")
      ("passages", po::value(&request.passages)->value_name("N")->default_value(1),
       "show up to N passages of each article, each with its highlights")
      ("autocorrect", "when the query finds little and a spelling correction finds more, "
       "show the corrected query's results (otherwise it is only suggested)")
      ("interactive,i", "a prompt: type queries, :more for the next page, :like N for "
       "articles like hit N, :help, :quit; line editing and history (~/.newsdex_history)")
      ("show", po::value(&show)->value_name("ID_OR_PATH"),
       "print one article whole: its metadata, names and cleaned text (an id as results "
       "show it, or its path; also an entry of a JSON dump)")
      ("count", "print only the number of matching stories (articles with --duplicates=show), "
       "exact, as --paths-only would list them; with --json, the {\"type\": \"total\"} "
       "record")
      ("paths-only", "print only the path of each article, one per line (for scripts)")
      ("null,0", "print only the paths, each ended by a NUL byte (for xargs -0)")
      ("json", "print JSON Lines: one object per article, then {\"facets\": ...} with "
       "--facets; with --list one {\"name\", \"count\"} object per name")
      ("csv", "print CSV for spreadsheets: a header row, then one row per article (names "
       "joined by \"; \"); with --list, name and count")
      ("tsv", "print tab-separated values, as --csv (tabs and line breaks in a value become "
       "spaces)")
      ("fields", po::value(&fields_list)->value_name("LIST"),
       "with --json, --csv or --tsv: only these fields of each article, in this order, "
       "e.g. rank,date,title,people (see the README for the list)")
      ("timeout", po::value(&timeout_seconds)->value_name("SECONDS")
       ->default_value(timeout_seconds),
       "give up on a remote shard that does not answer within this time (exit 3)")
      ("allow-missing-shards", "search the shards that answer when others do not, with a "
       "warning naming the missing ones, instead of exit 3")
      ("color", po::value(&color)->value_name("WHEN")->default_value("auto"),
       "colour highlights: auto (a terminal, unless NO_COLOR is set), always, never")
      ("help,h", "print this help and exit")
      ("help-query", "print the query language (words, phrases, fields, dates) and exit")
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
    request.sort = parse_sort(sort);
    std::optional<newsdex::UndatedPolicy> undated_policy = newsdex::parse_undated_policy(undated);
    if (!undated_policy) {
      throw po::error("--undated must be exclude, include or only, not '" + undated + "'");
    }
    request.undated = *undated_policy;
    request.collapse_duplicates = parse_collapse(duplicates);
    if (request.recency_weight < 0) throw po::error("--recency must not be negative");
    if (vm.count("timeline")) {
      request.timeline = newsdex::parse_timeline_bucket(timeline);
      if (!request.timeline && given_as_own_word(argc, argv, "--timeline", timeline)) {
        // "--timeline chelsea": the bucket is optional, so a word after it that is no
        // bucket belongs to the query.
        query_words.insert(query_words.begin(), timeline);
        request.timeline = newsdex::parse_timeline_bucket("auto");
      }
      if (!request.timeline) {
        throw po::error("--timeline must be auto, day, week, month or year, not '" + timeline +
                        "'");
      }
    }
    // Options read into unsigned numbers take "-3" as a huge number: bounds catch it.
    if (request.limit > kMaxHits || request.offset > kMaxHits) {
      throw po::error("--limit and --offset must be numbers from 0 to " + std::to_string(kMaxHits));
    }
    if (request.passages > kMaxPassages) {
      throw po::error("--passages must be a number from 0 to " + std::to_string(kMaxPassages));
    }
    if (!(timeout_seconds > 0) || timeout_seconds > 3600) {
      throw po::error("--timeout must be more than 0 and at most 3600 seconds");
    }
    if (vm.count("list")) {
      list_facet = parse_list_facet(list_facet);
      if (vm.count("facets")) throw po::error("--list and --facets cannot be combined");
      if (!vm["offset"].defaulted()) throw po::error("--offset pages articles, not --list");
    }
  } catch (const po::error& e) {
    return fail(e.what(), true);
  }
  if (vm.count("help")) {
    print_usage(std::cout, visible);
    return kExitOk;
  }
  if (vm.count("help-query")) {
    std::cout << newsdex::query_help_text();
    return kExitOk;
  }
  if (vm.count("version")) {
    std::cout << kProgram << " " << NEWSDEX_VERSION << " (Xapian " << Xapian::version_string()
              << ")\n";
    return kExitOk;
  }
  if (db_path.empty()) {
    try {
      if (auto default_db = newsdex::default_index()) db_path = default_db->path;
    } catch (const newsdex::UsageError& e) {
      return fail(e.what());
    }
  }
  if (db_path.empty()) {
    return fail("--db DIR is required (or NEWSDEX_DB, or a line db = DIR in " +
                    (newsdex::user_config_path().empty() ? std::string("~/.config/newsdex/config")
                                                         : newsdex::user_config_path()) +
                    ")",
                true);
  }
  request.query = join_words(query_words);
  bool listing = vm.count("list") > 0;
  bool interactive = vm.count("interactive") > 0;
  if (request.query.empty() && !listing && request.like.empty() && !interactive &&
      vm.count("show") == 0 && request.undated != newsdex::UndatedPolicy::kOnly) {
    return fail("no query given", true);
  }
  if (interactive && listing) return fail("--interactive and --list cannot be combined", true);
  const bool count_only = vm.count("count") > 0;
  if (count_only && (interactive || listing)) {
    return fail("--count answers one query: not with --interactive or --list", true);
  }
  if (count_only && (vm.count("paths-only") || vm.count("null") || vm.count("facets") ||
                     vm.count("timeline") || vm.count("related"))) {
    return fail(
        "--count prints one number: not with --paths-only, -0, --facets, --timeline or "
        "--related",
        true);
  }
  if (count_only) request.limit = 0;
  const bool showing = vm.count("show") > 0;
  if (showing && (count_only || interactive || listing || !request.query.empty())) {
    return fail("--show prints one article: not with a query, --count, --list or -i", true);
  }
  request.facets = vm.count("facets") > 0;
  if (vm.count("related")) request.related_limit = request.facet_limit;
  request.autocorrect = vm.count("autocorrect") > 0;

  bool json = vm.count("json") > 0;
  const char table_separator = vm.count("csv") ? ',' : vm.count("tsv") ? '\t' : '\0';
  // -0 is --paths-only with NUL endings, so the two go together.
  int formats = int(json) + int(vm.count("paths-only") > 0 || vm.count("null") > 0) +
                int(vm.count("csv") > 0) + int(vm.count("tsv") > 0);
  if (formats > 1) return fail("choose one of --json, --csv, --tsv and --paths-only (-0)", true);
  std::vector<std::string> fields;
  if (vm.count("fields")) {
    if (!json && table_separator == '\0') {
      return fail("--fields goes with --json, --csv or --tsv", true);
    }
    if (listing || showing)
      return fail("--fields chooses fields of hits: not with --list or --show", true);
    try {
      fields = newsdex::parse_fields(fields_list);
    } catch (const newsdex::UsageError& e) {
      return fail(e.what(), true);
    }
  }
  if (table_separator != '\0' && (interactive || showing || count_only || request.facets ||
                                  request.timeline || request.related_limit > 0)) {
    return fail(
        "--csv and --tsv print articles or a --list: not with --facets, --timeline, "
        "--related, --show, --count or -i",
        true);
  }
  open_options.remote_timeout_ms = static_cast<unsigned>(timeout_seconds * 1000);
  open_options.connect_timeout_ms = open_options.remote_timeout_ms;
  open_options.allow_missing_shards = vm.count("allow-missing-shards") > 0;
  try {
    newsdex::Searcher searcher(db_path, open_options);
    newsdex::OutputOptions output;
    output.color =
        newsdex::should_color(color_mode, ::isatty(STDOUT_FILENO), std::getenv("NO_COLOR"));
    std::size_t width = newsdex::terminal_width(STDOUT_FILENO);
    output.width = width > 0 ? width : 80;
    std::unique_ptr<newsdex::Printer> printer;
    if (json) {
      output.style = newsdex::OutputStyle::kJson;
      printer = newsdex::make_json_printer(std::cout, fields);
    } else if (table_separator != '\0') {
      output.style = newsdex::OutputStyle::kPaths;  // rows only; notes go to stderr
      printer = newsdex::make_table_printer(
          std::cout, table_separator, fields.empty() ? newsdex::default_table_fields() : fields);
    } else if (vm.count("paths-only") || vm.count("null")) {
      output.style = newsdex::OutputStyle::kPaths;
      printer = newsdex::make_paths_printer(std::cout, vm.count("null") ? '\0' : '\n');
    } else {
      printer = newsdex::make_text_printer(std::cout, output.color, width);
    }
    if (interactive) return run_interactive_session(searcher, request, *printer, output);
    if (showing) {
      std::optional<newsdex::StoredArticle> article = searcher.article(show);
      if (!article) return fail("--show " + show + ": no such article in the index");
      printer->print_article(*article);
      return kExitOk;
    }
    if (listing) {
      newsdex::ListRequest list_request{list_facet, request.query, request.limit, request.undated};
      newsdex::ListResults list_results = searcher.list(list_request);
      warn_missing_shards(searcher);
      printer->print_list(list_request, list_results);
      if (std::string note = empty_list_note(list_request, list_results);
          (json || table_separator != '\0') && !note.empty()) {
        std::cerr << kProgram << ": " << newsdex::printable_on_terminal(note) << "\n";
      }
      return kExitOk;
    }
    newsdex::SearchResults results = searcher.search(request);
    warn_missing_shards(searcher);
    if (count_only) {
      newsdex::print_count(results, output, std::cout);
      return kExitOk;
    }
    newsdex::print_results(request, results, *printer, output, std::cout, std::cerr);
    return kExitOk;
  } catch (const newsdex::ShardUnavailableError& e) {
    return fail(e.what(), false, kExitShard);
  } catch (const newsdex::Error& e) {
    return fail(e.what());
  } catch (const Xapian::Error& e) {
    return fail("index " + db_path + ": " + e.get_description());
  } catch (const std::exception& e) {
    // Anything else (a filesystem error, a JSON one) is still one line, never an abort.
    return fail(e.what());
  }
}
