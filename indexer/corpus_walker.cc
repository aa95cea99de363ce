#include "corpus_walker.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <system_error>

#include "newsdex/errors.h"

namespace newsdex {
namespace {

bool has_extension(std::string_view name, const std::vector<std::string>& extensions) {
  for (const std::string& ext : extensions) {
    if (name.size() <= ext.size()) continue;
    std::string_view tail = name.substr(name.size() - ext.size());
    bool same = std::equal(tail.begin(), tail.end(), ext.begin(), ext.end(), [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) ==
             std::tolower(static_cast<unsigned char>(b));
    });
    if (same) return true;
  }
  return false;
}

std::string join_path(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  if (name.empty()) return dir;
  return dir.back() == '/' ? dir + name : dir + '/' + name;
}

class Walker {
 public:
  Walker(const FileSystem& fs, const WalkOptions& options, WalkResult& result)
      : fs_(fs), options_(options), result_(result) {}

  void walk_root(std::string root) {
    while (root.size() > 1 && root.back() == '/') root.pop_back();
    FileStatus status = fs_.status(root);
    if (!status.exists) throw UsageError("no such folder: " + root);
    if (!status.is_directory) throw UsageError("not a folder: " + root);
    root_ = root;
    try {
      fs_.list_directory(root);
    } catch (const std::system_error& e) {
      throw UsageError("cannot read folder " + root + ": " + e.code().message());
    }
    walk_directory("");
  }

 private:
  void walk_directory(const std::string& relative_dir) {
    std::string dir_path = join_path(root_, relative_dir);
    std::vector<std::string> names;
    try {
      names = fs_.list_directory(dir_path);
    } catch (const std::system_error& e) {
      result_.problems.push_back(
          {dir_path, "cannot read folder: " + e.code().message(), relative_dir + '/'});
      return;
    }
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      if (name.starts_with('.')) continue;
      std::string id = join_path(relative_dir, name);
      std::string path = join_path(root_, id);
      FileStatus status = fs_.status(path);
      if (status.is_directory) {
        if (!status.is_symlink) walk_directory(id);
      } else if (status.is_regular_file && has_extension(name, options_.extensions)) {
        add_file(std::move(id), std::move(path), status);
      }
    }
  }

  void add_file(std::string id, std::string path, const FileStatus& status) {
    if (!seen_ids_.insert(id).second) {
      result_.problems.push_back({path, "same article id as a file under an earlier root", ""});
      return;
    }
    result_.files.push_back({std::move(id), std::move(path), status.size, status.mtime});
  }

  const FileSystem& fs_;
  const WalkOptions& options_;
  WalkResult& result_;
  std::string root_;
  std::set<std::string> seen_ids_;
};

}  // namespace

WalkResult walk_corpus(const FileSystem& fs, const std::vector<std::string>& roots,
                       const WalkOptions& options) {
  WalkResult result;
  Walker walker(fs, options, result);
  for (const std::string& root : roots) walker.walk_root(root);
  return result;
}

}  // namespace newsdex
