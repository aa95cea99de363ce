// A chain of nested folders whose path grows past PATH_MAX, made and removed through
// descriptors (mkdirat, openat, unlinkat): no call ever sees the whole path, which the
// kernel would refuse with ENAMETOOLONG.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace newsdex::testing {

class DeepFolders {
 public:
  // Makes `top`/NAME/NAME/... with NAME `component` until the deepest folder's path is
  // longer than `length` bytes. `top` must exist.
  DeepFolders(std::string top, std::string component, std::size_t length)
      : top_(std::move(top)), component_(std::move(component)) {
    int fd = ::open(top_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    EXPECT_GE(fd, 0) << top_;
    fds_.push_back(fd);
    while (fd >= 0 && path(depth()).size() <= length) {
      EXPECT_EQ(::mkdirat(fd, component_.c_str(), 0755), 0) << "depth " << depth();
      fd = ::openat(fd, component_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      EXPECT_GE(fd, 0) << "depth " << depth();
      if (fd >= 0) fds_.push_back(fd);
    }
  }

  // Removes what it made, from the bottom up.
  ~DeepFolders() {
    for (std::size_t depth = fds_.size() - 1; depth > 0; --depth) {
      for (const auto& [at, name] : files_) {
        if (at == depth) ::unlinkat(fds_[depth], name.c_str(), 0);
      }
      ::close(fds_[depth]);
      ::unlinkat(fds_[depth - 1], component_.c_str(), AT_REMOVEDIR);
    }
    if (!fds_.empty() && fds_[0] >= 0) ::close(fds_[0]);
  }

  DeepFolders(const DeepFolders&) = delete;
  DeepFolders& operator=(const DeepFolders&) = delete;

  // Folders in the chain; depth() names the deepest.
  std::size_t depth() const { return fds_.size() - 1; }

  // The path of the folder at `depth` (0: `top`); may be longer than PATH_MAX.
  std::string path(std::size_t depth) const {
    std::string path = top_;
    for (std::size_t i = 0; i < depth; ++i) path += "/" + component_;
    return path;
  }

  // The deepest folder whose path joined with `name` stays under `length` bytes.
  std::size_t deepest_under(std::size_t length, const std::string& name) const {
    std::size_t depth = 0;
    while (depth < this->depth() && (path(depth + 1) + "/" + name).size() < length) ++depth;
    return depth;
  }

  // Writes a file into the folder at `depth`, through its descriptor.
  void write(std::size_t depth, const std::string& name, const std::string& content) {
    int fd = ::openat(fds_.at(depth), name.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    ASSERT_GE(fd, 0) << name;
    ASSERT_EQ(::write(fd, content.data(), content.size()), static_cast<ssize_t>(content.size()));
    ::close(fd);
    files_.emplace_back(depth, name);
  }

 private:
  std::string top_;
  std::string component_;
  std::vector<int> fds_;                                    // of `top` and of each folder below it
  std::vector<std::pair<std::size_t, std::string>> files_;  // depth, name
};

}  // namespace newsdex::testing
