#include "index_options.h"

#include <cstdint>
#include <filesystem>
#include <sstream>
#include <string>
#include <system_error>

#include <boost/program_options.hpp>

#include "newsdex/default_index.h"
#include "newsdex/errors.h"
#include "shard_layout.h"

namespace po = boost::program_options;

namespace newsdex {
namespace {

// The options shown by --help, each bound to its field of `command` (which must stay
// where it is until po::notify()).
po::options_description visible_options(IndexCommand& command) {
  IndexOptions& options = command.options;
  command.max_file_mb = static_cast<double>(options.max_file_bytes >> 20);
  po::options_description visible("Options");
  // One option per line reads better than the formatter's packing.
  // clang-format off
  visible.add_options()
      ("db,d", po::value(&options.db_path)->value_name("DIR"),
       "index directory to create or update (default: $NEWSDEX_DB, else db = in "
       "~/.config/newsdex/config; required without them)")
      ("full", po::bool_switch(&options.full), "re-index every file, even unchanged ones")
      ("rebuild", po::bool_switch(&command.rebuild),
       "build a complete new index beside the live one, check it, then switch the stub file "
       "--db to it at once (searches never see half an index)")
      ("compact", po::bool_switch(&command.compact), "with --rebuild: compact the new index first")
      ("shards", po::value(&options.shards)->value_name("N"),
       "split a new index into N shard databases by a stable hash of each article's id, "
       "written in one folder with a stub that newsdex-search (and Xapian) opens as one "
       "index; an existing index keeps its number")
      ("merge-to", po::value(&command.merge_path)->value_name("DIR"),
       "merge the index --db (all its shards) into one new compact database DIR, and exit")
      ("extract-only", po::bool_switch(&command.extract_only),
       "print the people, places, organisations and topics found in each article as JSON "
       "Lines on stdout; write no index (--db not needed)")
      ("jobs,j", po::value(&command.jobs)->value_name("N"),
       "threads that read, analyse and build documents (default: the number of cores; one "
       "fewer when updating a one-database index, whose single writer thread is then the "
       "bottleneck)")
      ("no-learn-residue", po::bool_switch(&command.no_learn_residue),
       "learn no residue: keep every line, also edge lines that a source repeats across a "
       "quarter or more of its articles (site footers); an index built with learning has "
       "those articles cleaned again")
      ("no-entities", po::bool_switch(&command.no_entities),
       "skip entity and topic extraction (faster; person:, place:, org:, topic: find nothing)")
      ("lock-timeout", po::value(&options.lock_timeout)->value_name("SECONDS")->default_value(60),
       "wait this long for another writer to finish, then exit 75")
      ("max-file-size",
       po::value(&command.max_file_mb)->value_name("MB")->default_value(command.max_file_mb),
       "skip article files larger than this, on disk or decompressed")
      ("strict", po::bool_switch(&command.strict),
       "exit 1 while any file is skipped: also files skipped on purpose (over "
       "--max-file-size, links leading outside the ROOTs) and skips remembered from earlier "
       "runs, which are then printed again")
      ("retry-skipped", po::bool_switch(&options.retry_skipped),
       "read again the files remembered as skipped, though unchanged (a skip they give again "
       "is not new)")
      ("quiet,q", po::bool_switch(&command.quiet),
       "no progress line and no summary (for cron): only new skips and errors print")
      ("report-json", po::value(&command.report_path)->value_name("FILE"),
       "write a JSON report of the run: counts, skip reasons, durations, index size, revision")
      ("status", po::bool_switch(&command.status),
       "print what the index --db holds and how its last run went, and exit")
      ("json", po::bool_switch(&command.status_json), "with --status: one JSON object, for monitoring")
      ("config", po::value<std::string>()->value_name("FILE"),
       "read options from FILE (same names, \"name = value\" lines)")
      ("help,h", "print this help and exit")
      ("version", "print the version and exit");
  // clang-format on
  return visible;
}

std::string absolute_path(const std::string& path) {
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(path, error);
  return error ? path : absolute.lexically_normal().string();
}

// A config file is read by cron or systemd from a folder that is not the user's: its
// relative paths (db, roots, report) are taken from the file's own folder.
void resolve_config_paths(po::parsed_options& file, const std::string& config_path) {
  const std::filesystem::path base =
      std::filesystem::path(absolute_path(config_path)).parent_path();
  for (po::option& option : file.options) {
    const std::string& key = option.string_key;
    if (key != "db" && key != "root" && key != "report-json" && key != "merge-to") continue;
    for (std::string& value : option.value) {
      if (!value.empty() && std::filesystem::path(value).is_relative()) {
        value = (base / value).lexically_normal().string();
      }
    }
  }
}

// Stores the command line, then the --config file it names, in `vm`. Throws po::error.
void store_options(int argc, char** argv, const po::options_description& all,
                   po::variables_map& vm) {
  po::positional_options_description positional;
  positional.add("root", -1);
  po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
  if (vm.count("config")) {
    // Stored after the command line, so that the command line wins; roots compose, so
    // the file's are dropped when the command line names any.
    const std::string& config = vm["config"].as<std::string>();
    po::parsed_options file = po::parse_config_file(config.c_str(), all);
    resolve_config_paths(file, config);
    if (vm.count("root")) {
      std::erase_if(file.options, [](const po::option& o) { return o.string_key == "root"; });
    }
    po::store(file, vm);
  }
}

// Parses into `command` (bound by visible_options()). Throws po::error.
void parse_options(int argc, char** argv, IndexCommand& command) {
  po::options_description visible = visible_options(command);
  po::options_description all;
  all.add(visible).add_options()("root", po::value(&command.options.roots)->composing());
  po::variables_map vm;
  store_options(argc, argv, all, vm);
  po::notify(vm);
  // "-j -1" reads as a huge unsigned number, "nan" as a double: bounds catch both.
  if (command.jobs > 1024) throw po::error("--jobs must be a number from 0 to 1024");
  const double lock_timeout = command.options.lock_timeout;
  if (!(lock_timeout >= 0) || lock_timeout > 86400) {
    throw po::error("--lock-timeout must be a number of seconds from 0 to 86400");
  }
  command.help = vm.count("help") > 0;
  command.version = vm.count("version") > 0;
  command.shards_given = vm.count("shards") > 0;
  std::ostringstream listing;
  listing << visible;
  command.options_help = listing.str();
}

void trim_trailing_slashes(std::string& path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
}

}  // namespace

IndexCommand parse_index_command(int argc, char** argv) {
  IndexCommand command;
  try {
    parse_options(argc, argv, command);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  IndexOptions& options = command.options;
  // Stored paths must work from any folder (newsdex-search --paths-only), so roots are
  // made absolute; ids stay relative to their root. A trailing '/' on --db would put
  // its build folders inside it.
  for (std::string& root : options.roots) root = absolute_path(root);
  // The default index that newsdex-search uses too (a --config file's db = wins over it).
  if (options.db_path.empty()) {
    if (auto default_db = default_index()) options.db_path = default_db->path;
  }
  trim_trailing_slashes(options.db_path);
  trim_trailing_slashes(command.merge_path);
  return command;
}

void finish_run_options(IndexCommand& command) {
  IndexOptions& options = command.options;
  if (options.roots.empty()) throw UsageError("no ROOT folder given");
  if (command.shards_given && (options.shards == 0 || options.shards > kMaxShards)) {
    throw UsageError("--shards must be between 1 and " + std::to_string(kMaxShards));
  }
  if (command.rebuild && options.shards > 1) {
    throw UsageError(
        "--rebuild switches a single-database stub; a sharded index is rebuilt "
        "into a new folder (see the README)");
  }
  if (!(command.max_file_mb > 0)) throw UsageError("--max-file-size must be more than 0");
  options.max_file_bytes = static_cast<std::uint64_t>(command.max_file_mb * 1024 * 1024);
  options.analysis.entities = !command.no_entities;
  options.learn_residue = !command.no_learn_residue;
  options.jobs = command.jobs;
}

}  // namespace newsdex
