// A program run on a pseudo-terminal and typed at like a user, for tests of the
// interactive mode. Every wait is bounded: a broken program fails the test, it cannot
// hang it.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

namespace newsdex::testing {

class PtySession {
 public:
  // Runs `child` in a child process whose stdin, stdout and stderr are the terminal,
  // with TERM=vt100, HOME=`home` and no EDITRC; its return value is the exit code.
  PtySession(const std::string& home, const std::function<int()>& child);
  ~PtySession();
  PtySession(const PtySession&) = delete;
  PtySession& operator=(const PtySession&) = delete;

  bool started() const { return pid_ > 0; }

  // Types `keys` once the program reads keys one by one (editline's raw mode). Keys
  // typed earlier, while the terminal is still in line mode, would be taken by the
  // terminal driver: Ctrl-D there is no key but the end of a line, and would be lost.
  void type(std::string_view keys);

  // Reads until `text` appears after what earlier waits found; false after a few seconds
  // without it, or when the child is gone.
  bool wait_for(std::string_view text);

  // The child's exit code once it ends; -1 when it does not end in time or crashes.
  int wait_exit();

  const std::string& output() const { return output_; }

 private:
  static constexpr auto kTimeout = std::chrono::seconds(5);

  // Appends what the child printed; false at the deadline or when it closed the terminal.
  bool read_some(std::chrono::steady_clock::time_point deadline);

  pid_t pid_ = -1;
  int master_ = -1;
  bool exited_ = false;
  std::string output_;
  std::size_t seen_ = 0;
};

}  // namespace newsdex::testing
