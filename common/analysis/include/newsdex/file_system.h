// File access behind a small interface so that the corpus walk and the indexer can be
// unit-tested against an in-memory fake.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace newsdex {

struct FileStatus {
  bool exists = false;
  bool is_directory = false;
  bool is_regular_file = false;
  bool is_symlink = false;  // the entry itself is a symbolic link
  // With exists == false: the links never end in a real entry (a loop, ELOOP), as opposed
  // to a link whose target is missing.
  bool is_link_loop = false;
  // With exists == false and no link: the errno of an entry that is there but could not
  // be examined (EACCES in a folder that lists but cannot be entered, ENAMETOOLONG for a
  // path longer than PATH_MAX); 0 when the entry is missing.
  int error = 0;
  std::uint64_t size = 0;
  double mtime = 0;  // seconds since the epoch, sub-second precision
};

// What read_file accepts: the walk saw the file some time before it is read, and the
// entry may have changed since (replaced by a link, a FIFO or a device, or grown).
struct ReadLimits {
  // False for an entry the walk saw as a regular file: a path that is now a symbolic
  // link is refused rather than followed out of the indexed folders.
  bool follow_symlink = true;
  // More bytes than this are refused, whatever size the walk saw.
  std::uint64_t max_bytes = UINT64_MAX;
  // The real path of the folder the opened file must lie in (the root the walk found it
  // under), checked on the open descriptor: a folder on the path replaced by a link to
  // somewhere else after the walk is refused. Null: anywhere. Shared by the files of a
  // root, so that a corpus of many files holds the path once.
  std::shared_ptr<const std::string> inside{};
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // Status of `path`, following a final symlink for type, size and mtime (is_symlink
  // tells whether the entry was one). A missing path gives exists == false.
  virtual FileStatus status(const std::string& path) const = 0;

  // The canonical absolute path of `path`, with every symbolic link on the way resolved,
  // or "" when it cannot be resolved (a missing target, a loop of links, no permission).
  virtual std::string real_path(const std::string& path) const = 0;

  // Names of the entries in a directory (not "." or ".."), in no particular order.
  // Throws std::system_error when the directory cannot be read.
  virtual std::vector<std::string> list_directory(const std::string& path) const = 0;

  // The whole content of a regular file, opened once and checked on the open descriptor.
  // Throws std::system_error when it cannot be read, ArticleError when it is not a
  // regular file, is a symbolic link against `limits`, lies outside `limits.inside`, or
  // holds more than max_bytes.
  virtual std::string read_file(const std::string& path, const ReadLimits& limits) const = 0;
  std::string read_file(const std::string& path) const { return read_file(path, ReadLimits{}); }
};

// The real disk, through POSIX calls.
class RealFileSystem final : public FileSystem {
 public:
  FileStatus status(const std::string& path) const override;
  std::string real_path(const std::string& path) const override;
  std::vector<std::string> list_directory(const std::string& path) const override;
  using FileSystem::read_file;
  std::string read_file(const std::string& path, const ReadLimits& limits) const override;
};

}  // namespace newsdex
