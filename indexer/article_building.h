// The workers' step of an index run: a file that needs work read, cleaned, analysed and
// built into the documents that the writer then applies (see ordered_pipeline.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "index_state.h"
#include "newsdex/article.h"
#include "newsdex/article_analyzer.h"
#include "newsdex/document_builder.h"
#include "newsdex/file_system.h"
#include "newsdex/stored_article.h"

namespace newsdex {

// A file that needs work, with what the index holds of it.
struct FileJob {
  const SourceFile* file;
  const StoredStamp* stored;           // one of its articles; null for a new file
  std::vector<std::string> old_terms;  // id terms of its articles in the index
  bool force = false;                  // read and analyse even when the bytes are the same
};

// What a worker made of a file, for the writer.
struct BuiltFile {
  struct Entry {
    std::string term;
    Xapian::Document document;
    Fingerprint fingerprint;
  };
  std::vector<Entry> entries;
  std::vector<DocumentProblem> problems;  // entries of a dump that were skipped
  std::string skip_reason;                // the whole file was skipped
  std::size_t replaced_bytes = 0;         // see FileArticles
  bool touched = false;                   // same content as indexed: only the stamp needs writing
  bool moved = false;                     // a vanished article's content under a new name
};

// Articles whose files vanished since the last run, by content hash: a new file with the
// same bytes is the same article moved or renamed, and keeps its analysis.
using VanishedArticles = std::unordered_map<std::string, StoredArticle>;

// What the workers of one pass share; only read by them.
struct BuildInputs {
  const FileSystem* fs = nullptr;
  ReadOptions read;   // with the pass's residue
  bool full = false;  // read and analyse every file, even with the bytes indexed
  const VanishedArticles* vanished = nullptr;
  // Set whenever a pass has files to analyse.
  const std::optional<ArticleAnalyzer>* analyzer = nullptr;
};

// Reads, cleans, analyses and builds the documents of one file. Never throws for the
// file's own problems: they are its skip_reason (see skip_reason() in index_run.h), or
// the problems of its dump entries. Safe on several threads, each with its own builder.
BuiltFile build_file(const FileJob& job, const BuildInputs& inputs, DocumentBuilder& builder);

}  // namespace newsdex
