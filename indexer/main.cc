// newsdex-index: command line of the indexer. Parses options, runs the library, and
// translates its errors into one line on stderr and an exit code.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include <xapian.h>
#include <boost/program_options.hpp>

#include "db_path_guard.h"
#include "extract_only.h"
#include "fatal_write.h"
#include "index_run.h"
#include "index_status.h"
#include "newsdex/default_index.h"
#include "newsdex/errors.h"
#include "newsdex/text_decoding.h"
#include "progress_line.h"
#include "rebuild.h"
#include "run_report.h"
#include "shard_layout.h"

namespace po = boost::program_options;

namespace {

constexpr const char* kProgram = "newsdex-index";

// Exit codes; the README documents them.
enum ExitCode {
  kExitOk = 0,
  kExitSkipped = 1,        // the run met a problem not met before (a new skip; see --strict)
  kExitUsage = 2,          // bad options, bad roots, or an index that cannot be used
  kExitBusy = 75,          // EX_TEMPFAIL: another writer holds the index
  kExitInterrupted = 130,  // SIGINT or SIGTERM: what was done is committed
};

// Set by SIGINT and SIGTERM; the indexer commits what it has and stops.
std::atomic<bool> g_interrupted{false};

void on_stop_signal(int) { g_interrupted = true; }

void install_stop_handlers() {
  static_assert(std::atomic<bool>::is_always_lock_free, "used from a signal handler");
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  // The flag is polled between documents; system calls in flight (Xapian's writes) are
  // restarted rather than failing with EINTR.
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

void print_usage(std::ostream& out, const po::options_description& options) {
  out << "Usage: " << kProgram << " --db DIR [options] ROOT...\n"
      << "  or:  " << kProgram << " --extract-only ROOT...\n"
      << "  or:  " << kProgram << " --db DIR --status\n"
      << "  or:  " << kProgram << " --db DIR --merge-to NEW_DIR\n\n"
      << "Indexes the news articles under each ROOT folder into the Xapian index DIR:\n"
      << ".txt, .md, .html/.htm, .json and .jsonl (dumps of many articles), each also\n"
      << "gzip-compressed (.gz); UTF-8, UTF-16 with a byte order mark, or Windows-1252.\n"
      << "Symbolic links are followed only to places inside a ROOT.\n"
      << "Re-runs are incremental: unchanged files (same mtime and size) are\n"
      << "not read, changed files are re-indexed, and articles whose files are gone are\n"
      << "deleted. Hidden files and folders are skipped. People, places, organisations\n"
      << "and topics are found in each article and indexed for person:, place:, org:\n"
      << "and topic: searches and facets.\n\n"
      << "Each article's date comes from its metadata, else a dateline or date line in\n"
      << "its text, else a date in its path (2024/02/07/, 20240207), else the file's\n"
      << "mtime; its source from its metadata, else its url's host, else the top folder\n"
      << "under ROOT. Lines at the start or end of articles that one source repeats in a\n"
      << "quarter or more of its articles (and 3 or more: site footers, newsletter\n"
      << "pitches) are learnt as residue and dropped; bylines, datelines, lists and\n"
      << "lines inside the body never are (--status lists them). Near-duplicate\n"
      << "stories are grouped so that a search shows each story once.\n\n"
      << "--db must be a newsdex index, an empty folder or a new path: anything else (a\n"
      << "folder of articles, any other file) is refused and left as it is, and so is an\n"
      << "index inside a ROOT or a ROOT inside the index. Article ids are paths under\n"
      << "their ROOT (with several ROOTs, after the ROOT's folder name, made unique by\n"
      << "-2, -3...); the paths shown are absolute.\n\n"
      << options << "\n"
      << "A config file (--config) holds the same options as \"name = value\" lines, e.g.\n"
      << "\"db = /var/lib/newsdex/index\" and one \"root = /srv/news\" per root; options\n"
      << "given on the command line win (ROOTs given there replace the file's).\n\n"
      << "A file skipped for its content (empty, corrupt, not text...) is remembered in\n"
      << "the index and not read again while its size and mtime stay the same; a\n"
      << "changed file is tried again, a vanished one forgotten. Skips print on stderr\n"
      << "the first time they are met, also with --quiet; --status lists the remembered.\n\n"
      << "Exit status: 0 done (remembered skips and files skipped on purpose included),\n"
      << "1 the run met a problem not met before (a new skip; reasons on stderr; with\n"
      << "--strict: any skip at all), 2 usage error or unusable index, 75 index locked\n"
      << "by another writer (after --lock-timeout), 130 interrupted by SIGINT or SIGTERM\n"
      << "(work done is committed; the next run completes it).\n";
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

void trim_trailing_slashes(std::string& path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
}

// One line on stderr. Messages quote file names and paths given, which may hold escape
// sequences: none of them reaches the terminal.
void say(const std::string& message) {
  std::cerr << kProgram << ": " << newsdex::printable_on_terminal(message) << "\n";
}

const std::string kNeedsDb =
    "--db DIR is required (or NEWSDEX_DB, or a line db = DIR in ~/.config/newsdex/config)";

int usage_error(const std::string& message) {
  say(message);
  std::cerr << "Try '" << kProgram << " --help' for more information.\n";
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  newsdex::IndexOptions options;
  bool extract_only = false, no_entities = false, quiet = false, status = false;
  bool status_json = false;
  bool rebuild = false, compact = false, strict = false, no_learn_residue = false;
  double max_file_mb = static_cast<double>(options.max_file_bytes >> 20);
  std::string config_path, report_path, merge_path;
  unsigned jobs = 0;  // automatic: see worker_threads()
  po::options_description visible("Options");
  // One option per line reads better than the formatter's packing.
  // clang-format off
  visible.add_options()
      ("db,d", po::value(&options.db_path)->value_name("DIR"),
       "index directory to create or update (default: $NEWSDEX_DB, else db = in "
       "~/.config/newsdex/config; required without them)")
      ("full", po::bool_switch(&options.full), "re-index every file, even unchanged ones")
      ("rebuild", po::bool_switch(&rebuild),
       "build a complete new index beside the live one, check it, then switch the stub file "
       "--db to it at once (searches never see half an index)")
      ("compact", po::bool_switch(&compact), "with --rebuild: compact the new index first")
      ("shards", po::value(&options.shards)->value_name("N"),
       "split a new index into N shard databases by a stable hash of each article's id, "
       "written in one folder with a stub that newsdex-search (and Xapian) opens as one "
       "index; an existing index keeps its number")
      ("merge-to", po::value(&merge_path)->value_name("DIR"),
       "merge the index --db (all its shards) into one new compact database DIR, and exit")
      ("extract-only", po::bool_switch(&extract_only),
       "print the people, places, organisations and topics found in each article as JSON "
       "Lines on stdout; write no index (--db not needed)")
      ("jobs,j", po::value(&jobs)->value_name("N"),
       "threads that read, analyse and build documents (default: the number of cores; one "
       "fewer when updating a one-database index, whose single writer thread is then the "
       "bottleneck)")
      ("no-learn-residue", po::bool_switch(&no_learn_residue),
       "learn no residue: keep every line, also edge lines that a source repeats across a "
       "quarter or more of its articles (site footers); an index built with learning has "
       "those articles cleaned again")
      ("no-entities", po::bool_switch(&no_entities),
       "skip entity and topic extraction (faster; person:, place:, org:, topic: find nothing)")
      ("lock-timeout", po::value(&options.lock_timeout)->value_name("SECONDS")->default_value(60),
       "wait this long for another writer to finish, then exit 75")
      ("max-file-size", po::value(&max_file_mb)->value_name("MB")->default_value(max_file_mb),
       "skip article files larger than this, on disk or decompressed")
      ("strict", po::bool_switch(&strict),
       "exit 1 while any file is skipped: also files skipped on purpose (over "
       "--max-file-size, links leading outside the ROOTs) and skips remembered from earlier "
       "runs, which are then printed again")
      ("retry-skipped", po::bool_switch(&options.retry_skipped),
       "read again the files remembered as skipped, though unchanged (a skip they give again "
       "is not new)")
      ("quiet,q", po::bool_switch(&quiet),
       "no progress line and no summary (for cron): only new skips and errors print")
      ("report-json", po::value(&report_path)->value_name("FILE"),
       "write a JSON report of the run: counts, skip reasons, durations, index size, revision")
      ("status", po::bool_switch(&status),
       "print what the index --db holds and how its last run went, and exit")
      ("json", po::bool_switch(&status_json), "with --status: one JSON object, for monitoring")
      ("config", po::value(&config_path)->value_name("FILE"),
       "read options from FILE (same names, \"name = value\" lines)")
      ("help,h", "print this help and exit")
      ("version", "print the version and exit");
  // clang-format on
  po::options_description all;
  all.add(visible).add_options()("root", po::value(&options.roots)->composing());
  po::positional_options_description positional;
  positional.add("root", -1);

  po::variables_map vm;
  try {
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
    po::notify(vm);
    // "-j -1" reads as a huge unsigned number, "nan" as a double: bounds catch both.
    if (jobs > 1024) throw po::error("--jobs must be a number from 0 to 1024");
    if (!(options.lock_timeout >= 0) || options.lock_timeout > 86400) {
      throw po::error("--lock-timeout must be a number of seconds from 0 to 86400");
    }
  } catch (const po::error& e) {
    return usage_error(e.what());
  }
  // Stored paths must work from any folder (newsdex-search --paths-only), so roots are
  // made absolute; ids stay relative to their root. A trailing '/' on --db would put
  // its build folders inside it.
  for (std::string& root : options.roots) root = absolute_path(root);
  // The default index that newsdex-search uses too (a --config file's db = wins over it).
  if (options.db_path.empty()) {
    try {
      if (auto default_db = newsdex::default_index()) options.db_path = default_db->path;
    } catch (const newsdex::UsageError& e) {
      return usage_error(e.what());
    }
  }
  trim_trailing_slashes(options.db_path);
  trim_trailing_slashes(merge_path);
  if (vm.count("help")) {
    print_usage(std::cout, visible);
    return kExitOk;
  }
  if (vm.count("version")) {
    std::cout << kProgram << " " << NEWSDEX_VERSION << " (Xapian " << Xapian::version_string()
              << ")\n";
    return kExitOk;
  }
  if (status_json && !status) return usage_error("--json goes with --status");
  if (status) {
    if (options.db_path.empty()) return usage_error(kNeedsDb);
    try {
      if (status_json) {
        newsdex::print_status_json(options.db_path, std::cout);
      } else {
        newsdex::print_status(options.db_path, std::cout);
      }
      return kExitOk;
    } catch (const newsdex::Error& e) {
      say(e.what());
      return kExitUsage;
    }
  }
  if (!merge_path.empty()) {
    if (options.db_path.empty()) return usage_error("--merge-to needs --db DIR");
    try {
      newsdex::check_db_path(merge_path, {}, "--merge-to");
      newsdex::merge_index(options.db_path, merge_path);
      return kExitOk;
    } catch (const newsdex::UsageError& e) {
      return usage_error(e.what());
    } catch (const newsdex::Error& e) {
      say(e.what());
      return kExitUsage;
    }
  }
  if (options.roots.empty()) return usage_error("no ROOT folder given");
  if (vm.count("shards") && (options.shards == 0 || options.shards > newsdex::kMaxShards)) {
    return usage_error("--shards must be between 1 and " + std::to_string(newsdex::kMaxShards));
  }
  if (rebuild && options.shards > 1) {
    return usage_error(
        "--rebuild switches a single-database stub; a sharded index is rebuilt "
        "into a new folder (see the README)");
  }
  if (!(max_file_mb > 0)) return usage_error("--max-file-size must be more than 0");
  options.max_file_bytes = static_cast<std::uint64_t>(max_file_mb * 1024 * 1024);
  options.analysis.entities = !no_entities;
  options.learn_residue = !no_learn_residue;
  options.jobs = jobs;
  // For --extract-only the analysis data loads while the corpus is walked; an index run
  // loads it only when some file needs work (run_index), so a no-change run stays cheap.
  std::thread preload;
  if (options.analysis.entities && extract_only) {
    preload = std::thread(newsdex::preload_analysis_data);
  }
  struct JoinOnExit {
    std::thread& thread;
    ~JoinOnExit() {
      if (thread.joinable()) thread.join();
    }
  } join_preload{preload};
  if (extract_only) {
    try {
      newsdex::RealFileSystem fs;
      newsdex::ArticleAnalyzer analyzer(options.analysis);
      std::size_t skipped = newsdex::extract_only(
          options.roots, fs, analyzer, std::cout,
          [](const std::string& path, const std::string& reason) {
            say("skipped " + path + ": " + reason);
          },
          jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency()),
          options.learn_residue);
      return skipped > 0 ? kExitSkipped : kExitOk;
    } catch (const newsdex::UsageError& e) {
      return usage_error(e.what());
    }
  }
  if (options.db_path.empty()) return usage_error(kNeedsDb);

  install_stop_handlers();
  newsdex::install_fatal_write_handler(kProgram, options.db_path, kExitUsage);
  options.interrupted = &g_interrupted;
  std::optional<newsdex::ProgressLine> progress;
  if (!quiet && ::isatty(STDERR_FILENO)) {
    progress.emplace(std::cerr);
    options.on_progress = [&](std::size_t done, std::size_t total) {
      progress->update(done, total);
    };
  }
  newsdex::RunReport report;
  report.index = options.db_path;
  report.started = newsdex::utc_now();
  auto started = std::chrono::steady_clock::now();
  int exit_code = kExitOk;
  try {
    // Also on the way out through an error, so its message starts on a clean line.
    struct ClearProgress {
      std::optional<newsdex::ProgressLine>& line;
      ~ClearProgress() {
        if (line) line->finish();
      }
    } clear_progress{progress};
    newsdex::RealFileSystem fs;
    // A new skip prints even with --quiet: it is what a cron mail is for. A remembered
    // one was printed when it was met, and again only when --strict fails the run for it.
    auto on_skip = [&](const std::string& path, const std::string& reason) {
      say("skipped " + path + ": " + reason);
      report.skipped.emplace_back(path, reason);
    };
    report.counts = rebuild ? newsdex::rebuild_index(options, compact, fs, on_skip)
                            : newsdex::run_index(options, fs, on_skip);
    if (progress) progress->finish();
    if (!quiet && !report.counts.resumed_build.empty()) {
      say("carried on with the rebuild stopped earlier in " + report.counts.resumed_build);
    }
    if (!quiet && report.counts.reanalysed) {
      say("the index was made by another analysis (an older newsdex's names or model, or "
          "--no-entities changed): every article was analysed again");
    }
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    report.seconds = elapsed.count();
    const newsdex::IndexCounts& counts = report.counts;
    if (strict) {
      for (const auto& [path, reason] : counts.remembered) {
        say("skipped " + path + ": " + reason + " (remembered)");
      }
    }
    if (!quiet) std::cerr << newsdex::format_summary(report.counts, report.seconds) << "\n";
    std::size_t counted_skips = strict ? counts.skipped : counts.new_problems;
    exit_code = counts.interrupted ? kExitInterrupted : counted_skips > 0 ? kExitSkipped : kExitOk;
  } catch (const newsdex::UsageError& e) {
    return usage_error(e.what());
  } catch (const newsdex::IndexBusyError& e) {
    say(e.what());
    exit_code = kExitBusy;
  } catch (const newsdex::Error& e) {
    say(e.what());
    exit_code = kExitUsage;
  } catch (const Xapian::Error& e) {
    say("index " + options.db_path + ": " + e.get_description());
    exit_code = kExitUsage;
  } catch (const std::exception& e) {
    // Anything else (a filesystem error, out of memory) is still one line and an exit
    // code, with the run report written, never an abort.
    say(e.what());
    exit_code = kExitUsage;
  }
  if (!report_path.empty()) {
    report.finished = newsdex::utc_now();
    report.exit_code = exit_code;
    try {
      newsdex::write_run_report(report_path, report);
    } catch (const newsdex::Error& e) {
      say(e.what());
      if (exit_code == kExitOk) exit_code = kExitUsage;
    }
  }
  return exit_code;
}
