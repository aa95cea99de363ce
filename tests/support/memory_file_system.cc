#include "support/memory_file_system.h"

#include <cerrno>
#include <system_error>

namespace newsdex::testing {
namespace {

std::string parent_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

[[noreturn]] void fail(int error, const std::string& path) {
  throw std::system_error(error, std::generic_category(), path);
}

}  // namespace

void MemoryFileSystem::add_file(const std::string& path, const std::string& content, double mtime) {
  files_[path] = {content, mtime};
  for (std::string dir = parent_of(path); !dir.empty(); dir = parent_of(dir)) {
    directories_.insert(dir);
  }
}

void MemoryFileSystem::remove_file(const std::string& path) { files_.erase(path); }

void MemoryFileSystem::make_unreadable(const std::string& path) { unreadable_.insert(path); }

FileStatus MemoryFileSystem::status(const std::string& path) const {
  FileStatus status;
  if (directories_.contains(path)) {
    status.exists = status.is_directory = true;
  } else if (auto file = files_.find(path); file != files_.end()) {
    status.exists = status.is_regular_file = true;
    status.size = file->second.content.size();
    status.mtime = file->second.mtime;
  }
  return status;
}

std::vector<std::string> MemoryFileSystem::list_directory(const std::string& path) const {
  if (!directories_.contains(path)) fail(ENOENT, path);
  if (unreadable_.contains(path)) fail(EACCES, path);
  std::set<std::string> names;
  std::string prefix = path + "/";
  auto collect = [&](const std::string& entry) {
    if (!entry.starts_with(prefix)) return;
    std::string rest = entry.substr(prefix.size());
    names.insert(rest.substr(0, rest.find('/')));
  };
  for (const auto& [file, _] : files_) collect(file);
  for (const std::string& dir : directories_) collect(dir);
  // Reverse order, so that tests show the walk sorts for itself.
  return {names.rbegin(), names.rend()};
}

std::string MemoryFileSystem::read_file(const std::string& path) const {
  auto file = files_.find(path);
  if (file == files_.end()) fail(ENOENT, path);
  if (unreadable_.contains(path) || unreadable_.contains(parent_of(path))) fail(EACCES, path);
  return file->second.content;
}

}  // namespace newsdex::testing
