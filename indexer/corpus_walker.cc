#include "corpus_walker.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <memory>
#include <set>
#include <system_error>
#include <unordered_set>

#include "newsdex/errors.h"
#include "newsdex/text_analyzer.h"

namespace newsdex {
namespace {

bool has_extension(std::string_view name, const std::vector<std::string>& extensions) {
  for (const std::string& ext : extensions) {
    if (name.size() <= ext.size()) continue;
    std::string_view tail = name.substr(name.size() - ext.size());
    if (iequals_ascii(tail, ext)) return true;
  }
  return false;
}

std::string join_path(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  if (name.empty()) return dir;
  return dir.back() == '/' ? dir + name : dir + '/' + name;
}

bool is_within(const std::string& real_path, const std::string& real_folder) {
  if (!real_path.starts_with(real_folder)) return false;
  return real_path.size() == real_folder.size() || real_folder.back() == '/' ||
         real_path[real_folder.size()] == '/';
}

using Root = CheckedRoot;

std::string last_component(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The folder name of a root as given, else of its real path ("." or ".." name no
// folder); "root" for the top of the disk.
std::string root_label_base(const CheckedRoot& root) {
  std::string name = last_component(root.path);
  if (name.empty() || name == "." || name == "..") name = last_component(root.real_path);
  return name.empty() ? "root" : name;
}

// `base`, or "base-2", "base-3"... when an earlier root took it.
std::string unique_label(const std::string& base, std::set<std::string>& taken) {
  std::string label = base;
  for (int n = 2; !taken.insert(label).second; ++n) label = base + "-" + std::to_string(n);
  return label;
}

Root check_root(const FileSystem& fs, std::string root) {
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  FileStatus status = fs.status(root);
  if (!status.exists && !status.is_symlink && status.error != 0) {
    // There, but behind a folder that cannot be entered, or past PATH_MAX: not missing.
    throw UsageError("cannot read folder " + root + ": " +
                     std::error_code(status.error, std::generic_category()).message());
  }
  if (!status.exists) throw UsageError("no such folder: " + root);
  if (!status.is_directory) throw UsageError("not a folder: " + root);
  std::vector<std::string> names;
  try {
    names = fs.list_directory(root);
  } catch (const std::system_error& e) {
    throw UsageError("cannot read folder " + root + ": " + e.code().message());
  }
  // A root that lists but cannot be entered would give a problem for a folder whose
  // articles share no id prefix to keep them by.
  if (!names.empty() && fs.status(join_path(root, names.front())).error == EACCES) {
    throw UsageError("cannot read folder " + root + ": " +
                     std::error_code(EACCES, std::generic_category()).message());
  }
  std::string real_path = fs.real_path(root);
  if (real_path.empty()) throw UsageError("cannot resolve folder " + root);
  return {std::move(root), std::move(real_path), {}};
}

class Walker {
 public:
  Walker(const FileSystem& fs, const WalkOptions& options, const std::vector<Root>& roots,
         WalkResult& result)
      : fs_(fs), options_(options), roots_(roots), result_(result) {
    for (const Root& root : roots_) {
      root_real_paths_.push_back(std::make_shared<const std::string>(root.real_path));
    }
  }

  void walk_root(const Root& root) {
    root_ = root.path;
    label_ = root.label;
    walk_directory("", root.real_path);
  }

 private:
  // `real_dir` is the real path of the folder, kept on the stack of folders being walked so
  // that links back to one of them are not followed round and round.
  void walk_directory(const std::string& relative_dir, const std::string& real_dir) {
    std::string dir_path = join_path(root_, relative_dir);
    std::vector<std::string> names;
    try {
      names = fs_.list_directory(dir_path);
    } catch (const std::system_error& e) {
      result_.problems.push_back(
          {dir_path, "cannot read folder: " + e.code().message(), labelled(relative_dir) + '/'});
      return;
    }
    std::sort(names.begin(), names.end());
    walk_stack_.push_back(real_dir);
    for (const std::string& name : names) {
      if (name.starts_with('.')) continue;
      std::string relative = join_path(relative_dir, name);
      std::string path = join_path(root_, relative);
      FileStatus status = fs_.status(path);
      if (!status.exists && !status.is_symlink && status.error == EACCES) {
        // Listed, but its entries cannot be entered (read without search permission):
        // none of them can be taken, and all of its articles stay.
        problem(dir_path, "cannot read folder: " + error_message(EACCES),
                labelled(relative_dir) + '/');
        break;
      }
      if (!status.exists && !status.is_symlink && status.error != 0) {
        // There, but not to be examined: a file or a folder, whose articles stay. A
        // path past PATH_MAX cannot be opened at all.
        std::string id = labelled(relative);
        problem(path,
                status.error == ENAMETOOLONG ? "path longer than the system allows (PATH_MAX)"
                                             : "cannot read: " + error_message(status.error),
                has_extension(name, options_.extensions) ? id : id + '/');
        continue;
      }
      bool article = status.is_regular_file && has_extension(name, options_.extensions);
      if (status.is_symlink) {
        if (!status.exists) {
          problem(path, status.is_link_loop ? "symbolic link loop" : "broken symbolic link");
          continue;
        }
        if (!status.is_directory && !article) continue;
        std::string real_path = fs_.real_path(path);
        if (real_path.empty()) {
          problem(path, "broken symbolic link");  // it changed since status()
        } else if (!inside_roots(real_path)) {
          problem(path, "symbolic link leads outside the indexed folders", "", true);
        } else if (status.is_directory && !on_walk_stack(real_path) &&
                   !linked_dirs_.insert(real_path).second) {
          // Links that fan out (two per level) would walk one folder 2^depth times.
          problem(path, "folder already walked through another link", "", true);
        } else if (status.is_directory) {
          enter(relative, path, real_path);
        } else {
          add_file(relative, std::move(path), status, real_path);
        }
      } else if (status.is_directory) {
        enter(relative, path, join_path(real_dir, name));
      } else if (article) {
        add_file(relative, std::move(path), status, join_path(real_dir, name));
      } else if (status.exists && !status.is_regular_file &&
                 has_extension(name, options_.extensions)) {
        // Named like an article but nothing a file can be read from: said, not dropped.
        problem(path, "not a regular file (a FIFO, device or socket)", "", true);
      }
    }
    walk_stack_.pop_back();
  }

  bool on_walk_stack(const std::string& real_path) const {
    return std::find(walk_stack_.begin(), walk_stack_.end(), real_path) != walk_stack_.end();
  }

  void enter(const std::string& relative, const std::string& path, const std::string& real_path) {
    if (on_walk_stack(real_path)) {
      problem(path, "symbolic link loop");
    } else {
      walk_directory(relative, real_path);
    }
  }

  bool inside_roots(const std::string& real_path) const {
    return root_holding(real_path) != nullptr;
  }

  // The real path of a root that `real_path` lies in, or null.
  std::shared_ptr<const std::string> root_holding(const std::string& real_path) const {
    for (const auto& root : root_real_paths_) {
      if (is_within(real_path, *root)) return root;
    }
    return nullptr;
  }

  static std::string error_message(int error) {
    return std::error_code(error, std::generic_category()).message();
  }

  void problem(const std::string& path, std::string reason, std::string id_prefix = "",
               bool deliberate = false) {
    result_.problems.push_back({path, std::move(reason), std::move(id_prefix), deliberate});
  }

  // The article id of a path under the root being walked: unique, as root labels are.
  std::string labelled(const std::string& relative) const {
    return label_.empty() ? relative : join_path(label_, relative);
  }

  // `real_path`: where the walk found the file really is; it must still be inside the
  // same root when it is read.
  void add_file(const std::string& relative, std::string path, const FileStatus& status,
                const std::string& real_path) {
    std::string id = labelled(relative);
    if (status.size == 0) {
      problem(path, "empty file", std::move(id));
    } else if (status.size > options_.max_file_bytes) {
      problem(path, "larger than the size cap", std::move(id), true);
    } else {
      ReadLimits limits{.follow_symlink = status.is_symlink,
                        .max_bytes = options_.max_file_bytes,
                        .inside = root_holding(real_path)};
      result_.files.push_back(
          {std::move(id), std::move(path), status.size, status.mtime, label_, limits});
    }
  }

  const FileSystem& fs_;
  const WalkOptions& options_;
  const std::vector<Root>& roots_;
  WalkResult& result_;
  std::string root_;
  std::string label_;
  std::vector<std::shared_ptr<const std::string>> root_real_paths_;  // in the order of roots_
  std::vector<std::string> walk_stack_;          // real paths, a few deep: a vector is enough
  std::unordered_set<std::string> linked_dirs_;  // real paths of folders entered by a link
};

}  // namespace

std::vector<CheckedRoot> check_roots(const FileSystem& fs, const std::vector<std::string>& roots) {
  // All roots are checked first: the inside-or-outside test of links needs all of them.
  std::vector<CheckedRoot> checked;
  for (const std::string& root : roots) checked.push_back(check_root(fs, root));
  if (checked.size() > 1) {
    std::set<std::string> taken;
    for (CheckedRoot& root : checked) root.label = unique_label(root_label_base(root), taken);
  }
  return checked;
}

WalkResult walk_checked_roots(const FileSystem& fs, const std::vector<CheckedRoot>& roots,
                              const WalkOptions& options) {
  WalkResult result;
  Walker walker(fs, options, roots, result);
  for (const Root& root : roots) walker.walk_root(root);
  return result;
}

WalkResult walk_corpus(const FileSystem& fs, const std::vector<std::string>& roots,
                       const WalkOptions& options) {
  return walk_checked_roots(fs, check_roots(fs, roots), options);
}

}  // namespace newsdex
