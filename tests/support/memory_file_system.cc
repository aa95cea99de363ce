#include "support/memory_file_system.h"

#include <cerrno>
#include <deque>
#include <system_error>
#include <vector>

#include "newsdex/errors.h"

namespace newsdex::testing {
namespace {

// As Linux's MAXSYMLINKS: more links than this on one lookup count as a loop.
constexpr int kMaxLinkHops = 40;

std::string parent_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::deque<std::string> split(const std::string& path) {
  std::deque<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = std::min(path.find('/', start), path.size());
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

std::string join(const std::vector<std::string>& parts) {
  std::string path;
  for (const std::string& part : parts) path += (path.empty() ? "" : "/") + part;
  return path;
}

[[noreturn]] void fail(int error, const std::string& path) {
  throw std::system_error(error, std::generic_category(), path);
}

}  // namespace

void MemoryFileSystem::add_parents(const std::string& path) {
  for (std::string dir = parent_of(path); !dir.empty(); dir = parent_of(dir)) {
    directories_.insert(dir);
  }
}

void MemoryFileSystem::add_file(const std::string& path, const std::string& content, double mtime) {
  files_[path] = {content, mtime};
  add_parents(path);
}

void MemoryFileSystem::remove_file(const std::string& path) { files_.erase(path); }

void MemoryFileSystem::add_symlink(const std::string& link_path, const std::string& target) {
  symlinks_[link_path] = target;
  add_parents(link_path);
}

void MemoryFileSystem::make_unreadable(const std::string& path) { unreadable_.insert(path); }

int MemoryFileSystem::resolve(const std::string& path, bool follow_last,
                              std::string& resolved) const {
  std::deque<std::string> pending = split(path);
  std::vector<std::string> done;
  int hops = 0;
  while (!pending.empty()) {
    std::string part = std::move(pending.front());
    pending.pop_front();
    if (part == ".") continue;
    if (part == "..") {
      if (!done.empty()) done.pop_back();
      continue;
    }
    std::string parent = join(done);
    if (!parent.empty() && !directories_.contains(parent)) {
      return files_.contains(parent) ? ENOTDIR : ENOENT;
    }
    done.push_back(std::move(part));
    auto link = symlinks_.find(join(done));
    if (link == symlinks_.end()) continue;
    if (pending.empty() && !follow_last) break;
    if (++hops > kMaxLinkHops) return ELOOP;
    done.pop_back();
    if (link->second.starts_with('/')) done.clear();
    std::deque<std::string> target = split(link->second);
    pending.insert(pending.begin(), target.begin(), target.end());
  }
  resolved = join(done);
  bool exists = resolved.empty() || directories_.contains(resolved) || files_.contains(resolved) ||
                symlinks_.contains(resolved);
  return exists ? 0 : ENOENT;
}

FileStatus MemoryFileSystem::status(const std::string& path) const {
  FileStatus status;
  std::string entry;
  if (resolve(path, /*follow_last=*/false, entry) != 0) return status;
  status.is_symlink = symlinks_.contains(entry);
  std::string target;
  if (int error = resolve(path, /*follow_last=*/true, target); error != 0) {
    status.is_link_loop = error == ELOOP;
    return status;
  }
  status.exists = true;
  if (directories_.contains(target) || target.empty()) {
    status.is_directory = true;
  } else if (auto file = files_.find(target); file != files_.end()) {
    status.is_regular_file = true;
    status.size = file->second.content.size();
    status.mtime = file->second.mtime;
  }
  return status;
}

std::string MemoryFileSystem::real_path(const std::string& path) const {
  std::string resolved;
  return resolve(path, /*follow_last=*/true, resolved) == 0 ? "/" + resolved : std::string();
}

std::vector<std::string> MemoryFileSystem::list_directory(const std::string& path) const {
  std::string dir;
  if (int error = resolve(path, /*follow_last=*/true, dir); error != 0) fail(error, path);
  if (!dir.empty() && !directories_.contains(dir)) {
    fail(files_.contains(dir) ? ENOTDIR : ENOENT, path);
  }
  if (unreadable_.contains(dir)) fail(EACCES, path);
  std::set<std::string> names;
  std::string prefix = dir.empty() ? dir : dir + "/";
  auto collect = [&](const std::string& entry) {
    if (!entry.starts_with(prefix)) return;
    std::string rest = entry.substr(prefix.size());
    names.insert(rest.substr(0, rest.find('/')));
  };
  for (const auto& [file, _] : files_) collect(file);
  for (const std::string& sub : directories_) collect(sub);
  for (const auto& [link, _] : symlinks_) collect(link);
  // Reverse order, so that tests show the walk sorts for itself.
  return {names.rbegin(), names.rend()};
}

std::string MemoryFileSystem::read_file(const std::string& path, const ReadLimits& limits) const {
  std::string resolved;
  if (!limits.follow_symlink && symlinks_.contains(path)) {
    throw ArticleError("became a symbolic link after the walk");
  }
  if (int error = resolve(path, /*follow_last=*/true, resolved); error != 0) fail(error, path);
  auto file = files_.find(resolved);
  if (file == files_.end()) fail(directories_.contains(resolved) ? EISDIR : ENOENT, path);
  if (unreadable_.contains(resolved) || unreadable_.contains(parent_of(resolved))) {
    fail(EACCES, path);
  }
  if (file->second.content.size() > limits.max_bytes)
    throw ArticleError("larger than the size cap");
  return file->second.content;
}

}  // namespace newsdex::testing
