// A temporary folder removed with everything in it when the object goes.
#pragma once

#include <string>

namespace newsdex::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() joined with a relative name.
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Writes `content` to `path`, creating parent folders. Fails the test on error.
void write_file(const std::string& path, const std::string& content);

// Reads a whole file. Fails the test on error.
std::string read_file(const std::string& path);

// Copies a folder tree (used to get a private, editable copy of a corpus).
void copy_tree(const std::string& from, const std::string& to);

}  // namespace newsdex::testing
