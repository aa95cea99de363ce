// How a sharded index lies on disk: a folder holding the shard databases, a small side
// database and a Xapian stub file that lists the shards, so that Xapian (and
// newsdex-search) opens the folder as one database.
//
//   DIR/XAPIANDB    "auto shard-00" ... one line per shard (Xapian's stub format)
//   DIR/shard-NN/   glass databases holding the articles
//   DIR/side/       glass database without documents: metadata, spelling, synonyms
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

inline constexpr std::string_view kStubFileName = "XAPIANDB";
inline constexpr std::string_view kSideFolderName = "side";
inline constexpr unsigned kMaxShards = 256;

// The folder name of shard `index` ("shard-00").
std::string shard_folder_name(unsigned index);

// The shard an article belongs to: a stable hash of its id term, so that an article
// stays in its shard from run to run and on every machine.
unsigned shard_of(std::string_view id_term, unsigned shard_count);

// The stub text for `shard_count` shards.
std::string stub_text(unsigned shard_count);

// What `db_path` holds: 0 when nothing is there yet, 1 for a single database (a glass
// folder or a stub file written by --rebuild), N for a sharded index folder. Throws
// IndexError for a folder with a stub that newsdex did not write.
unsigned existing_shard_count(const std::string& db_path);

// The database folders of an index of `shard_count` shards: `db_path` itself for one,
// else each shard's folder and the side database's.
std::vector<std::string> database_folders(const std::string& db_path, unsigned shard_count);

// Merges the index at `db_path` (every shard, and the side database's metadata,
// spelling and synonyms) into one new compact database `out_path` with
// Xapian::Database::compact. Throws UsageError when `out_path` exists, IndexError when
// `db_path` is not an index.
void merge_index(const std::string& db_path, const std::string& out_path);

}  // namespace newsdex
