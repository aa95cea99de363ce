// Runs a real program (no shell) and captures what it printed and how it ended.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace newsdex::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 when the process did not exit normally
  std::string out;     // everything written to stdout
  std::string err;     // everything written to stderr
};

// Runs `argv` (argv[0] is the program path) with stdin from /dev/null, plus `env`
// entries set on top of this process's environment (an empty value unsets one).
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env = {});

// Like run_process, but once `ready()` holds (polled every few milliseconds, for at
// most ten seconds) waits `delay_ms` more and sends `signal` to the program if it is
// still running, then waits for it to end.
ProcessResult run_process_signalled(const std::vector<std::string>& argv,
                                    const std::function<bool()>& ready, int delay_ms, int signal);

}  // namespace newsdex::testing
