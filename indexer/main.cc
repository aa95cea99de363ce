// newsdex-index: command line of the indexer. Parses options, runs the library, and
// translates its errors into one line on stderr and an exit code.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

#include <xapian.h>
#include <boost/program_options.hpp>

#include "extract_only.h"
#include "index_run.h"
#include "newsdex/errors.h"

namespace po = boost::program_options;

namespace {

constexpr const char* kProgram = "newsdex-index";

// Exit codes; the README documents them.
enum ExitCode {
  kExitOk = 0,
  kExitSkipped = 1,  // the run finished but some files were skipped
  kExitUsage = 2,    // bad options, bad roots, or an index that cannot be used
  kExitBusy = 75,    // EX_TEMPFAIL: another writer holds the index
};

void print_usage(std::ostream& out, const po::options_description& options) {
  out << "Usage: " << kProgram << " --db DIR [options] ROOT...\n"
      << "       " << kProgram << " --extract-only ROOT...\n\n"
      << "Indexes the news articles (.txt files) under each ROOT folder into the Xapian\n"
      << "index DIR. Re-runs are incremental: unchanged files (same mtime and size) are\n"
      << "not read, changed files are re-indexed, and articles whose files are gone are\n"
      << "deleted. Hidden files and folders are skipped. People, places, organisations\n"
      << "and topics are found in each article and indexed for person:, place:, org:\n"
      << "and topic: searches and facets.\n\n"
      << options << "\n"
      << "Exit status: 0 all files indexed, 1 some files skipped (reasons on stderr),\n"
      << "2 usage error or unusable index, 75 index locked by another writer.\n";
}

int usage_error(const std::string& message) {
  std::cerr << kProgram << ": " << message << "\n"
            << "Try '" << kProgram << " --help' for more information.\n";
  return kExitUsage;
}

std::string format_summary(const newsdex::IndexCounts& c, double seconds) {
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.2f", seconds);
  return "indexed: " + std::to_string(c.added) + " added, " + std::to_string(c.updated) +
         " updated, " + std::to_string(c.unchanged) + " unchanged, " + std::to_string(c.deleted) +
         " deleted, " + std::to_string(c.skipped) + " skipped in " + elapsed + " s";
}

}  // namespace

int main(int argc, char** argv) {
  newsdex::IndexOptions options;
  bool extract_only = false, no_entities = false;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  po::options_description visible("Options");
  // One option per line reads better than the formatter's packing.
  // clang-format off
  visible.add_options()
      ("db,d", po::value(&options.db_path)->value_name("DIR"),
       "index directory to create or update (required)")
      ("full", po::bool_switch(&options.full), "re-index every file, even unchanged ones")
      ("extract-only", po::bool_switch(&extract_only),
       "print the people, places, organisations and topics found in each article as JSON "
       "Lines on stdout; write no index (--db not needed)")
      ("jobs,j", po::value(&jobs)->value_name("N"),
       "threads that read, analyse and build documents (default: the number of cores)")
      ("no-entities", po::bool_switch(&no_entities),
       "skip entity and topic extraction (faster; person:, place:, org:, topic: find nothing)")
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
    po::notify(vm);
  } catch (const po::error& e) {
    return usage_error(e.what());
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
  if (options.roots.empty()) return usage_error("no ROOT folder given");
  options.analysis.entities = !no_entities;
  options.jobs = jobs;
  if (extract_only) {
    try {
      newsdex::RealFileSystem fs;
      newsdex::ArticleAnalyzer analyzer(options.analysis);
      std::size_t skipped = newsdex::extract_only(
          options.roots, fs, analyzer, std::cout,
          [](const std::string& path, const std::string& reason) {
            std::cerr << kProgram << ": skipped " << path << ": " << reason << "\n";
          },
          jobs);
      return skipped > 0 ? kExitSkipped : kExitOk;
    } catch (const newsdex::UsageError& e) {
      return usage_error(e.what());
    }
  }
  if (options.db_path.empty()) return usage_error("--db DIR is required");

  auto started = std::chrono::steady_clock::now();
  try {
    newsdex::RealFileSystem fs;
    newsdex::IndexCounts counts =
        newsdex::run_index(options, fs, [](const std::string& path, const std::string& reason) {
          std::cerr << kProgram << ": skipped " << path << ": " << reason << "\n";
        });
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    std::cerr << format_summary(counts, elapsed.count()) << "\n";
    return counts.skipped > 0 ? kExitSkipped : kExitOk;
  } catch (const newsdex::UsageError& e) {
    return usage_error(e.what());
  } catch (const newsdex::IndexBusyError& e) {
    std::cerr << kProgram << ": " << e.what() << "\n";
    return kExitBusy;
  } catch (const newsdex::Error& e) {
    std::cerr << kProgram << ": " << e.what() << "\n";
    return kExitUsage;
  } catch (const Xapian::Error& e) {
    std::cerr << kProgram << ": index " << options.db_path << ": " << e.get_description() << "\n";
    return kExitUsage;
  }
}
