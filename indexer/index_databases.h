// The databases the indexer writes: one database, or the shards of a sharded index
// (articles split by shard_of) with the side database that holds the metadata. Callers
// read through view(), whose document ids span all shards as Xapian numbers them in a
// combined database, and write through this class, which sends each change to its
// shard. One thread only: Xapian database objects are not thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

struct IndexOpenOptions {
  std::string db_path;
  // Shards of a new index; for an existing one it must be 0 (keep what it has) or
  // match. 0 for a new index means 1: a single database.
  unsigned shards = 0;
  // Start again from nothing when the index has another schema (newsdex-index --full).
  bool overwrite_other_schema = false;
};

class IndexDatabases {
 public:
  // Opens or creates the index and writes the schema metadata (part of the first
  // commit). Throws UsageError when `shards` does not match the index, IndexError when
  // it is not a newsdex index of this schema, Xapian::DatabaseLockError when another
  // writer holds it.
  explicit IndexDatabases(const IndexOpenOptions& options);

  // Every document of the index (uncommitted changes included).
  const Xapian::Database& view() const { return view_; }
  // Where metadata, the spelling dictionary and synonyms go: the side database of a
  // sharded index, the database itself otherwise.
  Xapian::WritableDatabase& aids() { return aids_; }
  unsigned shard_count() const { return static_cast<unsigned>(shards_.size()); }

  // Adds or replaces the article with this id term, in its shard.
  void replace(const std::string& id_term, const Xapian::Document& document);
  // Replaces or deletes the document with this view() docid.
  void replace(Xapian::docid docid, const Xapian::Document& document);
  void remove(Xapian::docid docid);
  // Commits every shard, then the side database.
  void commit();

 private:
  // The shard and its own docid for a view() docid (Xapian interleaves them).
  std::pair<Xapian::WritableDatabase*, Xapian::docid> locate(Xapian::docid docid);

  std::vector<Xapian::WritableDatabase> shards_;
  Xapian::WritableDatabase aids_;
  Xapian::Database view_;
  bool has_side_ = false;
};

}  // namespace newsdex
