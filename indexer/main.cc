// newsdex-index: command line of the indexer. Parses options, runs the library, and
// translates its errors into one line on stderr and an exit code.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <thread>

#include <xapian.h>

#include "db_path_guard.h"
#include "extract_only.h"
#include "fatal_write.h"
#include "index_options.h"
#include "index_run.h"
#include "index_status.h"
#include "newsdex/errors.h"
#include "newsdex/text_decoding.h"
#include "progress_line.h"
#include "rebuild.h"
#include "run_report.h"
#include "shard_layout.h"

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

void print_usage(std::ostream& out, const std::string& options_help) {
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
      << options_help << "\n"
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

// --status: what the index holds.
int print_index_status(const newsdex::IndexCommand& command) {
  const std::string& db_path = command.options.db_path;
  if (db_path.empty()) return usage_error(kNeedsDb);
  try {
    if (command.status_json) {
      newsdex::print_status_json(db_path, std::cout);
    } else {
      newsdex::print_status(db_path, std::cout);
    }
    return kExitOk;
  } catch (const newsdex::Error& e) {
    say(e.what());
    return kExitUsage;
  }
}

// --merge-to: the index merged into one new database.
int merge_to(const newsdex::IndexCommand& command) {
  const std::string& db_path = command.options.db_path;
  if (db_path.empty()) return usage_error("--merge-to needs --db DIR");
  try {
    newsdex::check_db_path(command.merge_path, {}, "--merge-to");
    newsdex::merge_index(db_path, command.merge_path);
    return kExitOk;
  } catch (const newsdex::UsageError& e) {
    return usage_error(e.what());
  } catch (const newsdex::Error& e) {
    say(e.what());
    return kExitUsage;
  }
}

// --extract-only: the analysis of each article as JSON Lines, no index.
int run_extract_only(const newsdex::IndexCommand& command) {
  const newsdex::IndexOptions& options = command.options;
  // For --extract-only the analysis data loads while the corpus is walked; an index run
  // loads it only when some file needs work (run_index), so a no-change run stays cheap.
  std::thread preload;
  if (options.analysis.entities) preload = std::thread(newsdex::preload_analysis_data);
  struct JoinOnExit {
    std::thread& thread;
    ~JoinOnExit() {
      if (thread.joinable()) thread.join();
    }
  } join_preload{preload};
  try {
    newsdex::RealFileSystem fs;
    newsdex::ArticleAnalyzer analyzer(options.analysis);
    std::size_t skipped = newsdex::extract_only(
        options.roots, fs, analyzer, std::cout,
        [](const std::string& path, const std::string& reason) {
          say("skipped " + path + ": " + reason);
        },
        command.jobs != 0 ? command.jobs : std::max(1u, std::thread::hardware_concurrency()),
        options.learn_residue);
    return skipped > 0 ? kExitSkipped : kExitOk;
  } catch (const newsdex::UsageError& e) {
    return usage_error(e.what());
  }
}

// Progress on stderr when it is a terminal and the run is not --quiet; sets
// options.on_progress to update `progress`, which must outlive the run.
void show_progress(const newsdex::IndexCommand& command, newsdex::IndexOptions& options,
                   std::optional<newsdex::ProgressLine>& progress) {
  if (!command.quiet && ::isatty(STDERR_FILENO)) {
    progress.emplace(std::cerr);
    options.on_progress = [&progress](std::size_t done, std::size_t total) {
      progress->update(done, total);
    };
  }
}

// What a finished run tells besides the summary: a rebuild carried on, a new analysis.
void say_run_notes(const newsdex::IndexCounts& counts) {
  if (!counts.resumed_build.empty()) {
    say("carried on with the rebuild stopped earlier in " + counts.resumed_build);
  }
  if (counts.reanalysed) {
    say("the index was made by another analysis (an older newsdex's names or model, or "
        "--no-entities changed): every article was analysed again");
  }
}

// Runs the index (or the rebuild) into report.counts and tells how it went; returns the
// exit code. Throws what the run throws.
int index_and_tell(const newsdex::IndexCommand& command, const newsdex::IndexOptions& options,
                   std::optional<newsdex::ProgressLine>& progress, newsdex::RunReport& report,
                   std::chrono::steady_clock::time_point started) {
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
  report.counts = command.rebuild ? newsdex::rebuild_index(options, command.compact, fs, on_skip)
                                  : newsdex::run_index(options, fs, on_skip);
  if (progress) progress->finish();
  if (!command.quiet) say_run_notes(report.counts);
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  report.seconds = elapsed.count();
  const newsdex::IndexCounts& counts = report.counts;
  if (command.strict) {
    for (const auto& [path, reason] : counts.remembered) {
      say("skipped " + path + ": " + reason + " (remembered)");
    }
  }
  if (!command.quiet) std::cerr << newsdex::format_summary(report.counts, report.seconds) << "\n";
  std::size_t counted_skips = command.strict ? counts.skipped : counts.new_problems;
  return counts.interrupted ? kExitInterrupted : counted_skips > 0 ? kExitSkipped : kExitOk;
}

// Writes --report-json; returns the exit code, kExitUsage for an ok run whose report
// cannot be written.
int write_report(const std::string& report_path, newsdex::RunReport& report, int exit_code) {
  report.finished = newsdex::utc_now();
  report.exit_code = exit_code;
  try {
    newsdex::write_run_report(report_path, report);
  } catch (const newsdex::Error& e) {
    say(e.what());
    if (exit_code == kExitOk) exit_code = kExitUsage;
  }
  return exit_code;
}

// The index run: stops cleanly on a signal, and turns each error into one line and an
// exit code (and the run report, but for a usage error).
int run_indexer(const newsdex::IndexCommand& command) {
  newsdex::IndexOptions options = command.options;
  install_stop_handlers();
  newsdex::install_fatal_write_handler(kProgram, options.db_path, kExitUsage);
  options.interrupted = &g_interrupted;
  std::optional<newsdex::ProgressLine> progress;
  show_progress(command, options, progress);
  newsdex::RunReport report;
  report.index = options.db_path;
  report.started = newsdex::utc_now();
  auto started = std::chrono::steady_clock::now();
  int exit_code = kExitOk;
  try {
    exit_code = index_and_tell(command, options, progress, report, started);
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
  if (!command.report_path.empty())
    exit_code = write_report(command.report_path, report, exit_code);
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  newsdex::IndexCommand command;
  try {
    command = newsdex::parse_index_command(argc, argv);
  } catch (const newsdex::UsageError& e) {
    return usage_error(e.what());
  }
  if (command.help) {
    print_usage(std::cout, command.options_help);
    return kExitOk;
  }
  if (command.version) {
    std::cout << kProgram << " " << NEWSDEX_VERSION << " (Xapian " << Xapian::version_string()
              << ")\n";
    return kExitOk;
  }
  if (command.status_json && !command.status) return usage_error("--json goes with --status");
  if (command.status) return print_index_status(command);
  if (!command.merge_path.empty()) return merge_to(command);
  try {
    newsdex::finish_run_options(command);
  } catch (const newsdex::UsageError& e) {
    return usage_error(e.what());
  }
  if (command.extract_only) return run_extract_only(command);
  if (command.options.db_path.empty()) return usage_error(kNeedsDb);
  return run_indexer(command);
}
