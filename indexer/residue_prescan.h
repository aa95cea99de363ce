// The residue a run cleans with, learnt before any of its articles is analysed.
#pragma once

#include <atomic>
#include <vector>

#include <xapian.h>

#include "newsdex/article.h"
#include "newsdex/file_system.h"
#include "residue_learning.h"

namespace newsdex {

// What a run will change, as far as residue learning is concerned.
struct ResidueInputs {
  const Xapian::Database* db = nullptr;  // the index; null with from_scratch and no index
  bool learning = true;                  // false: --no-learn-residue, nothing is residue
  bool from_scratch = false;  // every indexed article is written anew (new index, --full)
  std::vector<const SourceFile*> files;              // new and changed files, pre-scanned
  std::vector<std::vector<Xapian::docid>> replaced;  // per file: the articles it replaces
  std::vector<Xapian::docid> deleted;                // articles whose files are gone
  ReadOptions read;
  const FileSystem* fs = nullptr;
  unsigned workers = 1;
  // Set by a stop signal: the pre-scan reads no more files (the run then stops before
  // cleaning any article). May be null.
  const std::atomic<bool>* interrupted = nullptr;
};

struct ResidueLearned {
  LearntSet lines;              // what the run cleans with
  ResidueRecord record;         // what to record once every article is cleaned with it
  bool counted = false;         // learnt by this run's pre-scan (else carried over)
  bool record_changed = false;  // the record is to be written
};

// Pre-scans the files (a file that cannot be read leaves its indexed articles counted,
// as the run will keep them) and counts the corpus as the run leaves it: the index's
// counts, less what is replaced or deleted, plus what is scanned. Carries the recorded
// residue over when nothing changes.
ResidueLearned learn_residue(const ResidueInputs& inputs, const ResidueRecord& recorded);

}  // namespace newsdex
