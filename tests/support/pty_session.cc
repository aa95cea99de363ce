#include "support/pty_session.h"

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include <gtest/gtest.h>

namespace newsdex::testing {

PtySession::PtySession(const std::string& home, const std::function<int()>& child) {
  pid_ = ::forkpty(&master_, nullptr, nullptr, nullptr);
  if (pid_ == 0) {
    // A known terminal type, and no ~/.editrc of whoever runs the tests.
    ::setenv("TERM", "vt100", 1);
    ::setenv("HOME", home.c_str(), 1);
    ::unsetenv("EDITRC");
    int code = child();
    std::fflush(nullptr);
    ::_exit(code);
  }
}

PtySession::~PtySession() {
  if (pid_ > 0 && !exited_) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (master_ >= 0) ::close(master_);
}

void PtySession::type(std::string_view keys) {
  auto deadline = std::chrono::steady_clock::now() + kTimeout;
  termios mode{};
  while (::tcgetattr(master_, &mode) == 0 && (mode.c_lflag & ICANON) != 0 &&
         std::chrono::steady_clock::now() < deadline) {
    ::usleep(1'000);
  }
  ASSERT_EQ(::write(master_, keys.data(), keys.size()), static_cast<ssize_t>(keys.size()));
}

bool PtySession::wait_for(std::string_view text) {
  auto deadline = std::chrono::steady_clock::now() + kTimeout;
  while (true) {
    if (std::size_t at = output_.find(text, seen_); at != std::string::npos) {
      seen_ = at + text.size();
      return true;
    }
    if (!read_some(deadline)) return false;
  }
}

int PtySession::wait_exit() {
  auto deadline = std::chrono::steady_clock::now() + kTimeout;
  while (read_some(deadline)) {
  }
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      exited_ = true;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    ::usleep(10'000);
  }
  return -1;
}

bool PtySession::read_some(std::chrono::steady_clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return false;
  pollfd fd{master_, POLLIN, 0};
  if (::poll(&fd, 1, static_cast<int>(left.count())) <= 0) return false;
  char buffer[4096];
  ssize_t n = ::read(master_, buffer, sizeof buffer);
  if (n <= 0) return false;  // EIO once the child has closed its side
  output_.append(buffer, static_cast<std::size_t>(n));
  return true;
}

}  // namespace newsdex::testing
