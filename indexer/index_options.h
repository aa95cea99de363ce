// The command line of newsdex-index, parsed: what to do, and the IndexOptions to do it
// with. Boost.Program_options stays behind this header.
#pragma once

#include <string>

#include "index_run.h"

namespace newsdex {

struct IndexCommand {
  IndexOptions options;  // db_path, roots, full, shards, retry_skipped, lock_timeout
  // What to do instead of indexing.
  bool help = false;
  bool version = false;
  bool extract_only = false;
  bool status = false;
  bool status_json = false;  // --json, with --status
  std::string merge_path;    // --merge-to: trailing '/' removed
  // How to index.
  bool rebuild = false;
  bool compact = false;  // with --rebuild
  bool strict = false;
  bool quiet = false;
  std::string report_path;    // --report-json
  bool shards_given = false;  // --shards was given (0 then is an error)
  bool no_entities = false;
  bool no_learn_residue = false;
  double max_file_mb = 0;    // --max-file-size
  unsigned jobs = 0;         // automatic: see worker_threads()
  std::string options_help;  // the listing of the options, for --help
};

// Parses the command line and the --config file it names (the command line wins), makes
// the roots absolute, and falls back on the default index for --db. Throws UsageError
// with the message to print (bad options, values out of bounds, a bad default index).
IndexCommand parse_index_command(int argc, char** argv);

// Checks the options of a run that reads roots (an index run or --extract-only) and
// completes command.options from them. Throws UsageError.
void finish_run_options(IndexCommand& command);

}  // namespace newsdex
