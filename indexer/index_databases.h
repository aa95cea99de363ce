// The databases the indexer writes: one database, or the shards of a sharded index
// (articles split by shard_of) with the side database that holds the metadata. Callers
// read through view(), whose document ids span all shards as Xapian numbers them in a
// combined database, and write through this class, which sends each change to its
// shard; the shards of a sharded index are written in parallel, one ShardWriter thread
// each. Used from one thread.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "shard_writer.h"
#include "synonym_inputs.h"

namespace newsdex {

struct IndexOpenOptions {
  std::string db_path;
  // Shards of a new index; for an existing one it must be 0 (keep what it has) or
  // match. 0 for a new index means 1: a single database.
  unsigned shards = 0;
  // Start again from nothing when the index has another newsdex schema (newsdex-index
  // --full); a database without newsdex's schema metadata is never overwritten.
  bool overwrite_other_schema = false;
  // Commit without fsync (Xapian's DB_NO_SYNC): for a temporary build, where waiting
  // for the disk only leaves the cores idle and a power cut loses nothing kept.
  bool no_sync = false;
};

class IndexDatabases {
 public:
  // Opens or creates the index and writes the schema metadata (part of the first
  // commit). Throws UsageError when `shards` does not match the index, IndexError when
  // it is not a newsdex index of this schema, Xapian::DatabaseLockError when another
  // writer holds it.
  explicit IndexDatabases(const IndexOpenOptions& options);

  ~IndexDatabases();
  IndexDatabases(IndexDatabases&&) noexcept;

  // Every document of the index, uncommitted changes included (waits for the shard
  // writers first). Do not keep reading through it while changes are posted.
  const Xapian::Database& view();
  // Where metadata, the spelling dictionary and synonyms go: the side database of a
  // sharded index, the database itself otherwise.
  Xapian::WritableDatabase& aids() { return aids_; }
  unsigned shard_count() const { return static_cast<unsigned>(shards_.size()); }

  // Adds or replaces the article with this id term, in its shard. Takes the document:
  // Xapian's handles count owners without atomics, so no copy may stay on this thread.
  // With `watch`, tells it first (on the shard's writer thread).
  void replace(const std::string& id_term, Xapian::Document&& document,
               SynonymInputWatch* watch = nullptr);
  // Changes the document with this view() docid in place (in its shard's thread).
  void update(Xapian::docid docid, std::function<void(Xapian::Document&)> change);
  // Deletes the document with this view() docid.
  void remove(Xapian::docid docid);
  // Commits every shard, then the side database.
  void commit();
  // Closes every database (after commit()); nothing may be used afterwards.
  void close();

 private:
  // The shard index and its own docid for a view() docid (Xapian interleaves them).
  std::pair<std::size_t, Xapian::docid> locate(Xapian::docid docid) const;
  // Applies `change` to shard `shard`: in its writer thread when there are several.
  void apply(std::size_t shard, ShardWriter::Change change);
  void wait_for_writers();

  // unique_ptr: the writers keep references to them.
  std::vector<std::unique_ptr<Xapian::WritableDatabase>> shards_;
  std::vector<std::unique_ptr<ShardWriter>> writers_;  // empty for a single database
  Xapian::WritableDatabase aids_;
  Xapian::Database view_;
  bool has_side_ = false;
};

}  // namespace newsdex
