#include "newsdex/search_lease.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <thread>

namespace newsdex {
namespace {

constexpr off_t kGateByte = 0;
constexpr off_t kSearchesByte = 1;
constexpr std::chrono::milliseconds kPoll{5};

// F_OFD_SETLK on one byte: true when the lock was set (or released).
bool set_lock(int fd, off_t byte, short type) {
  struct flock lock {};
  lock.l_type = type;
  lock.l_whence = SEEK_SET;
  lock.l_start = byte;
  lock.l_len = 1;
  return ::fcntl(fd, F_OFD_SETLK, &lock) == 0;
}

// Tries set_lock until it succeeds, `timeout` seconds pass or *interrupted is set.
bool poll_lock(int fd, off_t byte, short type, double timeout,
               const std::atomic<bool>* interrupted) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout);
  while (!set_lock(fd, byte, type)) {
    if (errno != EAGAIN && errno != EACCES && errno != EINTR) return false;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    if (interrupted != nullptr && *interrupted) return false;
    std::this_thread::sleep_for(kPoll);
  }
  return true;
}

std::string lock_file_of(const std::string& index_path) { return index_path + ".lock"; }

}  // namespace

SearchLease::SearchLease(const std::string& index_path, double timeout) {
  if (index_path.empty()) return;
  fd_ = ::open(lock_file_of(index_path).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) return;
  // Through the gate (not past an indexer waiting there), then among the searches.
  bool leased = poll_lock(fd_, kGateByte, F_RDLCK, timeout, nullptr) &&
                poll_lock(fd_, kSearchesByte, F_RDLCK, timeout, nullptr);
  if (leased) set_lock(fd_, kGateByte, F_UNLCK);
  if (!leased) {
    ::close(fd_);  // releases whatever was taken
    fd_ = -1;
  }
}

SearchLease::~SearchLease() {
  if (fd_ >= 0) ::close(fd_);
}

SearchGate::SearchGate(const std::string& index_path) {
  fd_ = ::open(lock_file_of(index_path).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
}

SearchGate::~SearchGate() {
  if (fd_ >= 0) ::close(fd_);
}

bool SearchGate::wait_for_searches(double timeout, const std::atomic<bool>* interrupted) {
  if (fd_ < 0) return true;
  if (gave_up_) return false;
  const auto started = std::chrono::steady_clock::now();
  auto left = [&] {
    std::chrono::duration<double> waited = std::chrono::steady_clock::now() - started;
    return timeout - waited.count();
  };
  // Searches hold the gate only for a moment, on their way in.
  bool clear = poll_lock(fd_, kGateByte, F_WRLCK, timeout, interrupted) &&
               poll_lock(fd_, kSearchesByte, F_WRLCK, left(), interrupted);
  set_lock(fd_, kSearchesByte, F_UNLCK);
  set_lock(fd_, kGateByte, F_UNLCK);
  if (!clear && left() <= 0) gave_up_ = true;
  return clear;
}

}  // namespace newsdex
