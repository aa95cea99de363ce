// Finds the articles under the corpus roots: recursive, sorted, hidden entries skipped.
#pragma once

#include <string>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/file_system.h"

namespace newsdex {

struct WalkOptions {
  // File name endings that are articles, compared without regard to case.
  std::vector<std::string> extensions = {".txt"};
};

// Something under a root that could not be walked. Articles whose id starts with
// `id_prefix` must be kept in the index: their files may still be there.
struct WalkProblem {
  std::string path;
  std::string reason;
  std::string id_prefix;
};

struct WalkResult {
  std::vector<SourceFile> files;  // sorted by root order, then by path
  std::vector<WalkProblem> problems;
};

// Walks every root. Entries whose name starts with '.' are skipped, and symbolic links
// to folders are not followed (they could loop). Throws UsageError when a root is not a
// readable folder: a mistyped root must never look like an empty corpus.
WalkResult walk_corpus(const FileSystem& fs, const std::vector<std::string>& roots,
                       const WalkOptions& options = {});

}  // namespace newsdex
