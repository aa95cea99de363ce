// Finds the articles under the corpus roots: recursive, sorted, hidden entries skipped.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/file_system.h"

namespace newsdex {

struct WalkOptions {
  // File name endings that are articles, compared without regard to case. Every format is
  // also taken gzip-compressed.
  std::vector<std::string> extensions = {
      ".txt",    ".md",    ".markdown",    ".html",    ".htm",    ".json",    ".jsonl",
      ".txt.gz", ".md.gz", ".markdown.gz", ".html.gz", ".htm.gz", ".json.gz", ".jsonl.gz"};
  // Larger article files are refused with a WalkProblem: a stray dump or archive named
  // like an article must not make the indexer read gigabytes. 64 MiB is far above any
  // real article, even a gzip-compressed JSON Lines batch of them.
  std::uint64_t max_file_bytes = std::uint64_t{64} << 20;
};

// Something under a root that could not be walked or taken. Articles whose id starts with
// `id_prefix` must be kept in the index: their files may still be there. An empty
// `id_prefix` keeps nothing.
struct WalkProblem {
  std::string path;
  std::string reason;
  std::string id_prefix;
  // Skipped because the options say so (size cap, a link leading outside the roots), not
  // because something is wrong: newsdex-index exits 0 for these unless --strict.
  bool deliberate = false;
};

struct WalkResult {
  std::vector<SourceFile> files;  // sorted by root order, then by path
  std::vector<WalkProblem> problems;
};

// Walks every root. Entries whose name starts with '.' are skipped. A file's id is its
// path under its root; with several roots it starts with the root's label and '/' (see
// CheckedRoot), so that no two files share an id. Article files give SourceFiles, or
// these problems (fixed reasons, id_prefix in brackets):
//   "empty file", "larger than the size cap" [the file's id: its indexed version stays];
//   "cannot read folder: <error>" [the folder's id and '/'], also for a folder that lists
//   but whose entries cannot be entered (no search permission);
//   "path longer than the system allows (PATH_MAX)", or "cannot read: <error>", for an
//   entry that is there but cannot be examined [its id, and '/' unless it is named like
//   an article: it may be a folder];
//   "not a regular file (a FIFO, device or socket)" for such an entry named like an
//   article (deliberate).
// A symbolic link is walked like what it leads to, under its own path and id, when its
// real path is inside the real path of one of the roots. Otherwise it gives a problem,
// with no id_prefix: "symbolic link leads outside the indexed folders" (for links to
// folders and to article files; links to other files are ignored like those files),
// "broken symbolic link" or "symbolic link loop". A link back to a folder being walked
// counts as a loop. A folder is walked through one link at most: another link to it
// gives "folder already walked through another link" (deliberate), so that links that
// fan out cannot multiply the walk.
// Throws UsageError when a root is not a readable folder, or lists but cannot be entered
// (a mistyped root must never look like an empty corpus), before walking any root.
WalkResult walk_corpus(const FileSystem& fs, const std::vector<std::string>& roots,
                       const WalkOptions& options = {});

// The same in two steps, so that the walk can run beside other work once the roots are
// known to be good: check_roots throws the UsageError, walk_checked_roots walks.
struct CheckedRoot {
  std::string path;  // as given, without trailing '/'
  std::string real_path;
  // With several roots: the root's folder name, made unique by "-2", "-3"... in the
  // order the roots are given ("news", "news-2"). Empty with one root. Ids keep their
  // label when the roots move, as long as their names and order stay.
  std::string label;
};
std::vector<CheckedRoot> check_roots(const FileSystem& fs, const std::vector<std::string>& roots);
WalkResult walk_checked_roots(const FileSystem& fs, const std::vector<CheckedRoot>& roots,
                              const WalkOptions& options = {});

}  // namespace newsdex
