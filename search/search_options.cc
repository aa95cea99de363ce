#include "search_options.h"

#include <map>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include <boost/program_options.hpp>

#include "facets.h"
#include "hit_record.h"
#include "newsdex/default_index.h"
#include "newsdex/errors.h"
#include "newsdex/text_analyzer.h"
#include "query_builder.h"
#include "timeline.h"

namespace po = boost::program_options;

namespace newsdex {
namespace {

// Bounds of the numeric options: far above any use, far below where they wrap.
constexpr Xapian::doccount kMaxHits = 1'000'000'000;
constexpr std::size_t kMaxPassages = 100;

// The options read as text (or seconds) before they are checked and converted into the
// SearchCommand.
struct OptionValues {
  std::string color = "auto", list_facet, sort = "relevance", duplicates = "collapse";
  std::string timeline, undated = "exclude", show, fields_list;
  double timeout_seconds = OpenOptions().remote_timeout_ms / 1000.0;
};

// The options shown by --help, each bound to its field of `command` or `values` (which
// must stay where they are until po::notify()).
po::options_description option_table(SearchCommand& command, OptionValues& values) {
  SearchRequest& request = command.request;
  po::options_description visible("Options");
  // One option per line reads better than the formatter's packing.
  // clang-format off
  visible.add_options()
      ("db,d", po::value(&command.db_path)->value_name("DIR"),
       "index directory to search (default: $NEWSDEX_DB, else db = in "
       "~/.config/newsdex/config; required without them)")
      ("limit,n", po::value(&request.limit)->value_name("N")->default_value(10),
       "show at most N articles (with --list: N names)")
      ("offset", po::value(&request.offset)->value_name("N")->default_value(0),
       "skip the first N articles (paging)")
      ("sort", po::value(&values.sort)->value_name("ORDER")->default_value("relevance"),
       "relevance (best match first), date (newest first, by the article's own date) or "
       "oldest (oldest first); undated articles come last either way")
      ("undated", po::value(&values.undated)->value_name("MODE")->default_value("exclude"),
       "articles with no date of their own: exclude them from date filters such as "
       "date:last-7-days (they are still found without one), include them in every date "
       "filter, or find only them (a QUERY is then optional)")
      ("recency", po::value(&request.recency_weight)->value_name("W")->default_value(0),
       "blend recency into relevance: a match gains W per year it is newer (BM25 weights "
       "of good matches are about 5 to 20; try 2); undated articles gain nothing")
      ("duplicates", po::value(&values.duplicates)->value_name("MODE")->default_value("collapse"),
       "collapse: one hit per story, with \"+N similar\" for its near-duplicates under "
       "other names or sites; show: list every copy")
      ("like", po::value(&request.like)->value_name("ID_OR_PATH"),
       "articles most like this one (its id as shown in results, or its path); a QUERY "
       "given too only filters them, e.g. --like world/x.txt date:2024")
      ("timeline", po::value(&values.timeline)->value_name("BUCKET")->implicit_value("auto"),
       "after the articles, a histogram of ALL matching articles by date: day, week, "
       "month, year, or auto (the default: picked from the span of the dates)")
      ("related", "after the articles, the people, places and organizations that appear "
       "most often with the query (--facet-limit of each)")
      ("facets", "after the articles, show the people, places, organizations and topics "
       "of ALL matching articles with article counts, most frequent first")
      ("facet-limit", po::value(&request.facet_limit)->value_name("N")->default_value(10),
       "show at most N names per facet")
      ("list", po::value(&values.list_facet)->value_name("FACET"),
       "list the people, places, organizations or topics (FACET) of the articles matching "
       "QUERY, or of the whole index without a QUERY, with article counts, most frequent "
       "first; --limit N names (default 10)")
      ("passages", po::value(&request.passages)->value_name("N")->default_value(1),
       "show up to N passages of each article, each with its highlights")
      ("autocorrect", "when the query finds little and a spelling correction finds more, "
       "show the corrected query's results (otherwise it is only suggested)")
      ("interactive,i", "a prompt: type queries, :more for the next page, :like N for "
       "articles like hit N, :help, :quit; line editing and history (~/.newsdex_history)")
      ("show", po::value(&values.show)->value_name("ID_OR_PATH"),
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
      ("fields", po::value(&values.fields_list)->value_name("LIST"),
       "with --json, --csv or --tsv: only these fields of each article, in this order, "
       "e.g. rank,date,title,people (see the README for the list)")
      ("timeout", po::value(&values.timeout_seconds)->value_name("SECONDS")
       ->default_value(values.timeout_seconds),
       "give up on a remote shard that does not answer within this time (exit 3)")
      ("allow-missing-shards", "search the shards that answer when others do not, with a "
       "warning naming the missing ones, instead of exit 3")
      ("color", po::value(&values.color)->value_name("WHEN")->default_value("auto"),
       "colour highlights: auto (a terminal, unless NO_COLOR is set), always, never")
      ("help,h", "print this help and exit")
      ("help-query", "print the query language (words, phrases, fields, dates) and exit")
      ("version", "print the version and exit");
  // clang-format on
  return visible;
}

// Stores the command line in `vm` and fills the fields bound by option_table(). Throws
// po::error.
void store_options(int argc, char** argv, const po::options_description& visible,
                   std::vector<std::string>& query_words, po::variables_map& vm) {
  po::options_description all;
  all.add(visible).add_options()("query", po::value(&query_words)->composing());
  po::positional_options_description positional;
  positional.add("query", -1);
  po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
  po::notify(vm);
}

ColorMode parse_color_mode(const std::string& text) {
  if (text == "auto") return ColorMode::kAuto;
  if (text == "always") return ColorMode::kAlways;
  if (text == "never") return ColorMode::kNever;
  throw UsageError("--color must be auto, always or never, not '" + text + "'");
}

UndatedPolicy parse_undated(const std::string& text) {
  std::optional<UndatedPolicy> policy = parse_undated_policy(text);
  if (!policy) throw UsageError("--undated must be exclude, include or only, not '" + text + "'");
  return *policy;
}

bool parse_collapse(const std::string& text) {
  if (text == "collapse") return true;
  if (text == "show") return false;
  throw UsageError("--duplicates must be collapse or show, not '" + text + "'");
}

// Whether `value` followed `option` as a word of its own on the command line (rather
// than "--option=value").
bool given_as_own_word(int argc, char** argv, std::string_view option, const std::string& value) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == option && argv[i + 1] == value) return true;
  }
  return false;
}

// The bucket of --timeline. It is optional, so in "--timeline chelsea" a word after it
// that is no bucket belongs to the query: it goes back in front of `query_words`.
TimelineBucket parse_timeline(int argc, char** argv, const std::string& text,
                              std::vector<std::string>& query_words) {
  std::optional<TimelineBucket> bucket = parse_timeline_bucket(text);
  if (!bucket && given_as_own_word(argc, argv, "--timeline", text)) {
    query_words.insert(query_words.begin(), text);
    bucket = parse_timeline_bucket("auto");
  }
  if (!bucket) {
    throw UsageError("--timeline must be auto, day, week, month or year, not '" + text + "'");
  }
  return *bucket;
}

// Checks --list FACET before the index is opened, so a typo is a usage error.
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
    return std::string(facet_by_name(singular != kSingular.end() ? singular->second : text).name);
  } catch (const std::out_of_range&) {
    throw UsageError("--list must be people, places, organizations or topics, not '" + text + "'");
  }
}

// Options read into unsigned numbers take "-3" as a huge number: bounds catch it.
void check_bounds(const SearchRequest& request, double timeout_seconds) {
  if (request.limit > kMaxHits || request.offset > kMaxHits) {
    throw UsageError("--limit and --offset must be numbers from 0 to " + std::to_string(kMaxHits));
  }
  if (request.passages > kMaxPassages) {
    throw UsageError("--passages must be a number from 0 to " + std::to_string(kMaxPassages));
  }
  if (!(timeout_seconds > 0) || timeout_seconds > 3600) {
    throw UsageError("--timeout must be more than 0 and at most 3600 seconds");
  }
}

// Checks and converts the values read as text, in the order that decides which error a
// command line with several prints. Throws UsageError.
void convert_values(int argc, char** argv, const po::variables_map& vm, const OptionValues& values,
                    SearchCommand& command) {
  SearchRequest& request = command.request;
  command.color = parse_color_mode(values.color);
  request.sort = parse_sort(values.sort);
  request.undated = parse_undated(values.undated);
  request.collapse_duplicates = parse_collapse(values.duplicates);
  if (request.recency_weight < 0) throw UsageError("--recency must not be negative");
  if (vm.count("timeline")) {
    request.timeline = parse_timeline(argc, argv, values.timeline, command.query_words);
  }
  check_bounds(request, values.timeout_seconds);
  command.open_options.remote_timeout_ms = static_cast<unsigned>(values.timeout_seconds * 1000);
  command.open_options.connect_timeout_ms = command.open_options.remote_timeout_ms;
  if (vm.count("list")) {
    command.list_facet = parse_list_facet(values.list_facet);
    if (vm.count("facets")) throw UsageError("--list and --facets cannot be combined");
    if (!vm["offset"].defaulted()) throw UsageError("--offset pages articles, not --list");
  }
}

// The options that take no value, and the ones whose value needs no check.
void read_switches(const po::variables_map& vm, const OptionValues& values,
                   SearchCommand& command) {
  command.help = vm.count("help") > 0;
  command.help_query = vm.count("help-query") > 0;
  command.version = vm.count("version") > 0;
  command.interactive = vm.count("interactive") > 0;
  if (vm.count("show")) command.show = values.show;
  command.count_only = vm.count("count") > 0;
  command.request.facets = vm.count("facets") > 0;
  command.related = vm.count("related") > 0;
  if (command.related) command.request.related_limit = command.request.facet_limit;
  command.request.autocorrect = vm.count("autocorrect") > 0;
  command.open_options.allow_missing_shards = vm.count("allow-missing-shards") > 0;
  command.json = vm.count("json") > 0;
  command.csv = vm.count("csv") > 0;
  command.tsv = vm.count("tsv") > 0;
  command.paths_only = vm.count("paths-only") > 0;
  command.nul_after_paths = vm.count("null") > 0;
  if (vm.count("fields")) command.fields_list = values.fields_list;
}

// The modes that answer otherwise than one search (-i, --list, --count, --show): each
// excludes the others.
void check_modes(const SearchCommand& command) {
  const SearchRequest& request = command.request;
  const bool listing = command.list_facet.has_value();
  const bool showing = command.show.has_value();
  if (request.query.empty() && !listing && request.like.empty() && !command.interactive &&
      !showing && request.undated != UndatedPolicy::kOnly) {
    throw UsageError("no query given");
  }
  if (command.interactive && listing) {
    throw UsageError("--interactive and --list cannot be combined");
  }
  if (command.count_only && (command.interactive || listing)) {
    throw UsageError("--count answers one query: not with --interactive or --list");
  }
  if (command.count_only && (command.paths_only || command.nul_after_paths || request.facets ||
                             request.timeline || command.related)) {
    throw UsageError(
        "--count prints one number: not with --paths-only, -0, --facets, --timeline or "
        "--related");
  }
  if (showing && (command.count_only || command.interactive || listing || !request.query.empty())) {
    throw UsageError("--show prints one article: not with a query, --count, --list or -i");
  }
}

void check_one_format(const SearchCommand& command) {
  // -0 is --paths-only with NUL endings, so the two go together.
  int formats = int(command.json) + int(command.paths_only || command.nul_after_paths) +
                int(command.csv) + int(command.tsv);
  if (formats > 1) throw UsageError("choose one of --json, --csv, --tsv and --paths-only (-0)");
}

// --fields, checked against the format and the mode. Throws UsageError, also for an
// unknown field.
std::vector<std::string> parse_output_fields(const SearchCommand& command) {
  if (!command.fields_list) return {};
  if (!command.json && command.table_separator() == '\0') {
    throw UsageError("--fields goes with --json, --csv or --tsv");
  }
  if (command.list_facet || command.show) {
    throw UsageError("--fields chooses fields of hits: not with --list or --show");
  }
  return parse_fields(*command.fields_list);
}

// CSV and TSV are rows of hits or of a --list, and nothing else.
void check_table_format(const SearchCommand& command) {
  const SearchRequest& request = command.request;
  if (command.table_separator() != '\0' &&
      (command.interactive || command.show || command.count_only || request.facets ||
       request.timeline || request.related_limit > 0)) {
    throw UsageError(
        "--csv and --tsv print articles or a --list: not with --facets, --timeline, "
        "--related, --show, --count or -i");
  }
}

}  // namespace

SearchCommand parse_search_command(int argc, char** argv) {
  SearchCommand command;
  OptionValues values;
  po::options_description visible = option_table(command, values);
  po::variables_map vm;
  try {
    store_options(argc, argv, visible, command.query_words, vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  read_switches(vm, values, command);
  convert_values(argc, argv, vm, values, command);
  std::ostringstream listing;
  listing << visible;
  command.options_help = listing.str();
  return command;
}

void use_default_index(SearchCommand& command) {
  if (!command.db_path.empty()) return;
  if (auto default_db = default_index()) command.db_path = default_db->path;
}

void finish_search_command(SearchCommand& command) {
  if (command.db_path.empty()) {
    throw UsageError("--db DIR is required (or NEWSDEX_DB, or a line db = DIR in " +
                     (user_config_path().empty() ? std::string("~/.config/newsdex/config")
                                                 : user_config_path()) +
                     ")");
  }
  command.request.query = join_words(command.query_words);
  check_modes(command);
  if (command.count_only) command.request.limit = 0;  // the count needs no hits
  check_one_format(command);
  command.fields = parse_output_fields(command);
  check_table_format(command);
}

SortOrder parse_sort(const std::string& text) {
  if (text == "relevance") return SortOrder::kRelevance;
  if (text == "date" || text == "newest") return SortOrder::kDate;
  if (text == "oldest") return SortOrder::kOldest;
  throw UsageError("--sort must be relevance, date (newest first) or oldest, not '" + text + "'");
}

}  // namespace newsdex
