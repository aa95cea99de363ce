#include "support/run_process.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/temp_dir.h"

namespace newsdex::testing {

namespace {

ProcessResult run(const std::vector<std::string>& argv,
                  const std::map<std::string, std::string>& env, const std::function<bool()>& ready,
                  int delay_ms, int signal) {
  // Output goes to files rather than pipes: no risk of a deadlock on a full pipe, and
  // the child sees ordinary files (not a terminal), as under cron.
  TempDir capture;
  std::string out_path = capture / "stdout", err_path = capture / "stderr";
  ProcessResult result;
  // Opened before the fork: a signal sent at once must not find the files not made yet.
  int in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  pid_t pid = in < 0 || out < 0 || err < 0 ? -1 : ::fork();
  if (pid == 0) {
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    for (const auto& [name, value] : env) {
      if (value.empty()) {
        ::unsetenv(name.c_str());
      } else {
        ::setenv(name.c_str(), value.c_str(), 1);
      }
    }
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  for (int fd : {in, out, err}) {
    if (fd >= 0) ::close(fd);
  }
  if (pid < 0) return result;
  if (signal != 0) {
    for (int waited_ms = 0; waited_ms < 10000 && !ready(); waited_ms += 2) ::usleep(2000);
    ::usleep(static_cast<useconds_t>(delay_ms) * 1000);
    ::kill(pid, signal);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  return result;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env) {
  return run(argv, env, {}, 0, 0);
}

ProcessResult run_process_signalled(const std::vector<std::string>& argv,
                                    const std::function<bool()>& ready, int delay_ms, int signal) {
  return run(argv, {}, ready, delay_ms, signal);
}

}  // namespace newsdex::testing
