#include "fatal_write.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include <atomic>
#include <climits>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <vector>

#include <xapian.h>

#include "newsdex/text_decoding.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

// Below this many free bytes the disk is taken to be full: Xapian writes whole blocks
// and its changes in MBs, so a disk with less is where the write failed.
constexpr unsigned long long kFullDiskBytes = 1ull << 20;

struct HandlerState {
  std::mutex mutex;  // guards the fields below
  std::string program = "newsdex-index";
  std::string db_path;
  int exit_code = 2;
  std::vector<std::string> removed_if_failing;
};

HandlerState& state() {
  static HandlerState* const instance = new HandlerState;  // never destroyed: used at exit
  return *instance;
}

std::atomic_flag g_ending = ATOMIC_FLAG_INIT;

// The free space of the disk that holds `path` (or the nearest folder above it that
// exists); ULLONG_MAX when it cannot be asked.
unsigned long long free_bytes_at(const std::string& path) {
  fs::path folder = path;
  while (!folder.empty()) {
    struct statvfs disk {};
    if (::statvfs(folder.c_str(), &disk) == 0) {
      return static_cast<unsigned long long>(disk.f_bavail) * disk.f_frsize;
    }
    if (folder == folder.parent_path()) break;
    folder = folder.parent_path();
  }
  return ULLONG_MAX;
}

// A folder that another writer thread may still be filling: try a few times.
void remove_folder(const std::string& path) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    std::error_code error;
    fs::remove_all(path, error);
    if (!fs::exists(path, error)) return;
  }
}

[[noreturn]] void on_terminate() {
  // Only the first thread to get here speaks; another one waits for it to end the process.
  if (g_ending.test_and_set()) {
    for (;;) ::pause();
  }
  HandlerState& handler = state();
  std::vector<std::string> paths;
  std::string program, db_path;
  int exit_code;
  {
    std::lock_guard lock(handler.mutex);
    paths = handler.removed_if_failing;
    program = handler.program;
    db_path = handler.db_path;
    exit_code = handler.exit_code;
  }
  std::string line =
      program + ": " +
      fatal_write_message(std::current_exception(), db_path, free_bytes_at(db_path)) + "\n";
  for (const std::string& path : paths) remove_folder(path);
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  std::_Exit(exit_code);
}

}  // namespace

std::string fatal_write_message(std::exception_ptr error, const std::string& db_path,
                                unsigned long long free_bytes) {
  std::string reason;
  try {
    if (error) std::rethrow_exception(error);
    reason = "Xapian stopped while writing the index";
  } catch (const Xapian::Error& e) {
    reason = e.get_description();
  } catch (const std::exception& e) {
    reason = e.what();
  } catch (...) {
    reason = "stopped by an unknown error while writing the index";
  }
  constexpr const char* kNoSpace = "No space left on device";
  if (free_bytes < kFullDiskBytes && reason.find(kNoSpace) == std::string::npos) {
    reason += std::string(" (") + kNoSpace + ")";
  }
  return printable_on_terminal("index " + db_path + ": " + reason);
}

void install_fatal_write_handler(const std::string& program, const std::string& db_path,
                                 int exit_code) {
  HandlerState& handler = state();
  {
    std::lock_guard lock(handler.mutex);
    handler.program = program;
    handler.db_path = db_path;
    handler.exit_code = exit_code;
  }
  std::set_terminate(on_terminate);
}

RemovedIfWritingFails::RemovedIfWritingFails(std::string path) : path_(std::move(path)) {
  HandlerState& handler = state();
  std::lock_guard lock(handler.mutex);
  handler.removed_if_failing.push_back(path_);
}

RemovedIfWritingFails::~RemovedIfWritingFails() {
  HandlerState& handler = state();
  std::lock_guard lock(handler.mutex);
  auto& paths = handler.removed_if_failing;
  for (auto it = paths.rbegin(); it != paths.rend(); ++it) {
    if (*it == path_) {
      paths.erase(std::next(it).base());
      break;
    }
  }
}

}  // namespace newsdex
