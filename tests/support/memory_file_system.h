// An in-memory FileSystem for unit tests of the walk and the indexer.
#pragma once

#include <map>
#include <set>
#include <string>

#include "newsdex/file_system.h"

namespace newsdex::testing {

class MemoryFileSystem final : public FileSystem {
 public:
  // Adds or replaces a file; its parent folders come into being. Paths are '/'-separated
  // without a trailing '/'.
  void add_file(const std::string& path, const std::string& content, double mtime = 1000);
  void remove_file(const std::string& path);
  // Listing this folder (and reading files in it) fails as a permission error would.
  void make_unreadable(const std::string& path);

  FileStatus status(const std::string& path) const override;
  std::vector<std::string> list_directory(const std::string& path) const override;
  std::string read_file(const std::string& path) const override;

 private:
  struct File {
    std::string content;
    double mtime;
  };
  std::map<std::string, File> files_;
  std::set<std::string> directories_;
  std::set<std::string> unreadable_;
};

}  // namespace newsdex::testing
