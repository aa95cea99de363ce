// An in-memory FileSystem for unit tests of the walk and the indexer.
#pragma once

#include <map>
#include <set>
#include <string>

#include "newsdex/file_system.h"

namespace newsdex::testing {

// Paths are '/'-separated without a trailing '/', relative to the top of the fake disk; a
// leading '/' names the same place, so "/news/a.txt" is "news/a.txt". Symbolic links are
// followed everywhere, as the real disk does, except for status()'s is_symlink.
class MemoryFileSystem final : public FileSystem {
 public:
  // Adds or replaces a file; its parent folders come into being.
  void add_file(const std::string& path, const std::string& content, double mtime = 1000);
  void remove_file(const std::string& path);
  // Adds a symbolic link at `link_path` (its parent folders come into being). `target` is
  // taken as written: relative to the link's folder, or from the top when it starts with
  // '/'. It may be missing or lead back to the link.
  void add_symlink(const std::string& link_path, const std::string& target);
  // Listing this folder (and reading files in it) fails as a permission error would.
  void make_unreadable(const std::string& path);

  FileStatus status(const std::string& path) const override;
  std::string real_path(const std::string& path) const override;
  std::vector<std::string> list_directory(const std::string& path) const override;
  using FileSystem::read_file;
  std::string read_file(const std::string& path, const ReadLimits& limits) const override;

 private:
  struct File {
    std::string content;
    double mtime;
  };
  void add_parents(const std::string& path);
  // Sets `resolved` to the canonical form of `path` (no leading '/') and returns 0, or
  // returns ENOENT, ENOTDIR or ELOOP. The last component stays unresolved when
  // `follow_last` is false.
  int resolve(const std::string& path, bool follow_last, std::string& resolved) const;

  std::map<std::string, File> files_;
  std::set<std::string> directories_;
  std::map<std::string, std::string> symlinks_;  // link path -> target as written
  std::set<std::string> unreadable_;
};

}  // namespace newsdex::testing
