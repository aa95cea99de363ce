// A FileSystem over another one in which some folders list but cannot be entered, as a
// folder with read but no search permission (mode 0444) behaves on the real disk: its
// names are listed, but nothing in it can be examined, resolved or read.
#pragma once

#include <cerrno>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "newsdex/file_system.h"

namespace newsdex::testing {

class LockedFoldersFileSystem final : public FileSystem {
 public:
  // `disk` must outlive this object.
  explicit LockedFoldersFileSystem(const FileSystem& disk) : disk_(disk) {}

  // Paths as they are passed to the calls, without a trailing '/'.
  void lock(const std::string& folder) { locked_.insert(folder); }
  void unlock(const std::string& folder) { locked_.erase(folder); }

  FileStatus status(const std::string& path) const override {
    if (!in_locked(path)) return disk_.status(path);
    FileStatus status;
    status.error = EACCES;
    return status;
  }
  std::string real_path(const std::string& path) const override {
    return in_locked(path) ? std::string() : disk_.real_path(path);
  }
  std::vector<std::string> list_directory(const std::string& path) const override {
    if (in_locked(path)) throw std::system_error(EACCES, std::generic_category(), path);
    return disk_.list_directory(path);
  }
  using FileSystem::read_file;
  std::string read_file(const std::string& path, const ReadLimits& limits) const override {
    if (in_locked(path)) throw std::system_error(EACCES, std::generic_category(), path);
    return disk_.read_file(path, limits);
  }

 private:
  // Whether `path` lies inside a locked folder (the folder itself is not inside).
  bool in_locked(const std::string& path) const {
    for (const std::string& folder : locked_) {
      if (path.size() > folder.size() + 1 && path.starts_with(folder + "/")) return true;
    }
    return false;
  }

  const FileSystem& disk_;
  std::set<std::string> locked_;
};

}  // namespace newsdex::testing
