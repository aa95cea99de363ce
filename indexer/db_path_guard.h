// The one check every write of newsdex-index passes first: --db (or --merge-to) names a
// newsdex index, or nothing yet. A mistyped --db or config "db =" line must never turn
// a folder of articles, or any file of the user's, into a Xapian database: newsdex
// rebuilds, compacts and renames what it believes to be its own.
#pragma once

#include <string>
#include <vector>

#include "newsdex/errors.h"

namespace newsdex {

// A write to this path was refused; nothing there was changed. The message is one line
// ("--db PATH is not a newsdex index (...); refusing to write there"); newsdex-index
// prints it and exits 2.
class DbPathRefused : public Error {
 public:
  using Error::Error;
};

// What a path holds, as far as newsdex is concerned.
enum class DbPathKind {
  kMissing,       // nothing there: a new index may be created
  kEmptyFolder,   // an empty folder: as good as missing
  kDatabase,      // a glass database folder of newsdex (or an empty one, of a first run)
  kShardedIndex,  // a folder with the stub, side and shards that newsdex-index writes
  kStubFile,      // the stub file that --rebuild switches ("glass DB.gen-..." lines)
  kForeign,       // anything else: never written
};

struct DbPathVerdict {
  DbPathKind kind = DbPathKind::kMissing;
  std::string why;  // for kForeign: what is there, e.g. "a folder holding 3 entries: a.txt, ..."
};

// Looks at `path` without changing anything. A glass database counts as newsdex's when
// its metadata has newsdex's schema version (of any version: an older index is
// recognised, and refused or rebuilt by the run) or it holds no documents, and its
// folder holds nothing but Xapian's files (compacting it in place would drop the rest).
DbPathVerdict classify_db_path(const std::string& path);

// Throws DbPathRefused unless `db_path` is missing, an empty folder or a newsdex index,
// unless the leftovers of a run beside it ("DB.building", "DB.merging", "DB.lock",
// "DB.new-stub") are newsdex's own, and when the index and a ROOT overlap: an index
// inside a ROOT would be walked as articles, a ROOT inside the index written over.
// Paths are compared by their canonical form (links resolved, missing tails kept).
// `option` names the path in the message ("--db", "--merge-to").
void check_db_path(const std::string& db_path, const std::vector<std::string>& roots,
                   const std::string& option = "--db");

// The part of check_db_path about the leftovers beside the index: throws DbPathRefused
// unless each is missing or newsdex's own, so that a run may remove or overwrite them.
void check_run_leftovers(const std::string& db_path);

// Whether `path` is what a killed run of newsdex leaves: for "DB.building", a folder
// holding only a sharded layout's entries (XAPIANDB, side, shard-NN) or nothing; for
// "DB.merging", a folder of Xapian's files only. Such leftovers may be removed.
bool is_build_leftover(const std::string& path);
bool is_merge_leftover(const std::string& path);

}  // namespace newsdex
