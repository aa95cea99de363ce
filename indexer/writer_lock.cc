#include "writer_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

#include "newsdex/errors.h"

namespace newsdex {
namespace {

constexpr std::chrono::milliseconds kRetry{100};

std::string read_holder(int fd) {
  char pid[32] = {};
  ssize_t got = ::pread(fd, pid, sizeof pid - 1, 0);
  std::string text(pid, got > 0 ? static_cast<std::size_t>(got) : 0);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

WriterLock::WriterLock(const std::string& index_path, double timeout,
                       const std::atomic<bool>* interrupted) {
  std::string path = index_path + ".lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw IndexError("cannot create the lock file " + path + ": " + std::strerror(errno));
  auto started = std::chrono::steady_clock::now();
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    std::chrono::duration<double> waited = std::chrono::steady_clock::now() - started;
    if (waited.count() >= timeout || (interrupted != nullptr && *interrupted)) {
      std::string holder = read_holder(fd_);
      ::close(fd_);
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%.1f", waited.count());
      throw IndexBusyError("index " + index_path + " is locked by another writer" +
                           (holder.empty() ? "" : " (pid " + holder + ")") + " (waited " + seconds +
                           " s)");
    }
    std::this_thread::sleep_for(kRetry);
  }
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) == 0) {
    [[maybe_unused]] ssize_t written = ::pwrite(fd_, pid.data(), pid.size(), 0);
  }
}

WriterLock::~WriterLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace newsdex
