#include "newsdex/file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <system_error>

#include "newsdex/errors.h"

namespace newsdex {
namespace {

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

double mtime_seconds(const struct stat& st) {
  return static_cast<double>(st.st_mtim.tv_sec) + st.st_mtim.tv_nsec / 1e9;
}

bool is_within(std::string_view path, std::string_view folder) {
  if (!path.starts_with(folder)) return false;
  return path.size() == folder.size() || folder.back() == '/' || path[folder.size()] == '/';
}

// Where the open descriptor `fd` really is: the kernel's path of it, or, without /proc,
// the real path of `path` when that is still the same file. "" when neither is known.
std::string opened_path(int fd, const std::string& path, const struct stat& opened) {
  char link[PATH_MAX + 1];
  std::string proc = "/proc/self/fd/" + std::to_string(fd);
  ssize_t length = ::readlink(proc.c_str(), link, sizeof link);
  if (length > 0 && static_cast<std::size_t>(length) < sizeof link) {
    return std::string(link, static_cast<std::size_t>(length));
  }
  std::unique_ptr<char, void (*)(void*)> resolved(::realpath(path.c_str(), nullptr), &::free);
  struct stat st;
  if (!resolved || ::stat(resolved.get(), &st) != 0 || st.st_dev != opened.st_dev ||
      st.st_ino != opened.st_ino) {
    return {};
  }
  return resolved.get();
}

}  // namespace

FileStatus RealFileSystem::status(const std::string& path) const {
  FileStatus result;
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno != ENOENT && errno != ENOTDIR) result.error = errno;
    return result;
  }
  result.exists = true;
  result.is_symlink = S_ISLNK(st.st_mode);
  if (result.is_symlink && ::stat(path.c_str(), &st) != 0) {
    result.exists = false;  // a dangling link or a loop of links
    result.is_link_loop = errno == ELOOP;
    return result;
  }
  result.is_directory = S_ISDIR(st.st_mode);
  result.is_regular_file = S_ISREG(st.st_mode);
  result.size = static_cast<std::uint64_t>(st.st_size);
  result.mtime = mtime_seconds(st);
  return result;
}

std::string RealFileSystem::real_path(const std::string& path) const {
  std::unique_ptr<char, void (*)(void*)> resolved(::realpath(path.c_str(), nullptr), &::free);
  return resolved ? std::string(resolved.get()) : std::string();
}

std::vector<std::string> RealFileSystem::list_directory(const std::string& path) const {
  std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(path.c_str()), &::closedir);
  if (!dir) throw_errno(path);
  std::vector<std::string> names;
  errno = 0;
  while (const dirent* entry = ::readdir(dir.get())) {
    std::string_view name = entry->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
  }
  if (errno != 0) throw_errno(path);
  return names;
}

std::string RealFileSystem::read_file(const std::string& path, const ReadLimits& limits) const {
  // O_NONBLOCK: a FIFO put in the file's place must not block the run in open();
  // O_NOFOLLOW: a link put in its place must not lead out of the indexed folders.
  int flags =
      O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | (limits.follow_symlink ? 0 : O_NOFOLLOW);
  int fd = ::open(path.c_str(), flags);
  if (fd < 0) {
    if (errno == ELOOP && !limits.follow_symlink) {
      throw ArticleError("became a symbolic link after the walk");
    }
    throw_errno(path);
  }
  std::unique_ptr<int, void (*)(int*)> closer(&fd, [](int* open_fd) { ::close(*open_fd); });
  struct stat st;
  if (::fstat(fd, &st) != 0) throw_errno(path);
  if (!S_ISREG(st.st_mode)) throw ArticleError("not a regular file (a FIFO, device or socket)");
  // O_NOFOLLOW guards the last component only: a folder on the way may have become a
  // link out of the indexed folders since the walk.
  if (limits.inside) {
    std::string opened = opened_path(fd, path, st);
    // The kernel gives no path past PATH_MAX: unknown is refused, never guessed.
    if (opened.empty()) {
      throw ArticleError("cannot tell whether it lies inside the indexed folders");
    }
    if (!is_within(opened, *limits.inside)) {
      throw ArticleError("lies outside the indexed folders (its path changed after the walk)");
    }
  }
  if (static_cast<std::uint64_t>(st.st_size) > limits.max_bytes) {
    throw ArticleError("larger than the size cap");
  }
  std::string content;
  content.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[65536];
  for (;;) {
    ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      throw_errno(path);
    }
    content.append(buffer, static_cast<std::size_t>(got));
    // A file that grows while it is read stops at the cap, not at the end of memory.
    if (content.size() > limits.max_bytes) throw ArticleError("larger than the size cap");
  }
  return content;
}

}  // namespace newsdex
