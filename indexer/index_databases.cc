#include "index_databases.h"

#include <filesystem>
#include <fstream>

#include "newsdex/errors.h"
#include "newsdex/schema.h"
#include "shard_layout.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

Xapian::WritableDatabase open_checked(const std::string& path, bool overwrite_other_schema,
                                      bool no_sync) {
  int sync = no_sync ? Xapian::DB_NO_SYNC : 0;
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN | sync);
  try {
    check_schema_metadata(db, path);
  } catch (const IndexError&) {
    // Only an index of newsdex (another schema) is started again: a Xapian database of
    // another program is never overwritten, --full or not.
    bool ours = !db.get_metadata(std::string(kMetaSchemaVersion)).empty();
    if (!overwrite_other_schema || !ours) throw;
    db.close();
    db = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OVERWRITE | sync);
  }
  // Part of the first commit, so that a run killed after any batch leaves an index
  // that the next run and the search tool recognise.
  write_schema_metadata(db);
  return db;
}

// Written after the side database and the shards exist: until the stub is renamed into
// place the folder is not an index that anything would open.
void write_stub(const std::string& db_path, unsigned shards) {
  fs::path stub = fs::path(db_path) / kStubFileName;
  fs::path temporary = stub;
  temporary += ".new";
  {
    std::ofstream out(temporary);
    out << stub_text(shards);
    if (!out.flush()) throw IndexError("cannot write " + temporary.string());
  }
  fs::rename(temporary, stub);
}

}  // namespace

IndexDatabases::IndexDatabases(const IndexOpenOptions& options) {
  unsigned existing = existing_shard_count(options.db_path);
  unsigned wanted = options.shards;
  if (existing != 0 && wanted != 0 && wanted != existing) {
    throw UsageError("index " + options.db_path + " has " + std::to_string(existing) +
                     (existing == 1 ? " shard" : " shards") + ", not " + std::to_string(wanted) +
                     ": index into a new folder with --shards " + std::to_string(wanted) +
                     ", or merge this one with --merge-to (see the README)");
  }
  unsigned count = existing != 0 ? existing : wanted != 0 ? wanted : 1;
  if (count > kMaxShards) {
    throw UsageError("--shards must be at most " + std::to_string(kMaxShards));
  }
  if (count == 1) {
    shards_.push_back(std::make_unique<Xapian::WritableDatabase>(
        open_checked(options.db_path, options.overwrite_other_schema, options.no_sync)));
    aids_ = *shards_.front();
    view_ = *shards_.front();
    return;
  }
  if (existing == 0) fs::create_directories(options.db_path);
  has_side_ = true;
  fs::path base(options.db_path);
  aids_ = open_checked((base / kSideFolderName).string(), options.overwrite_other_schema,
                       options.no_sync);
  for (unsigned i = 0; i < count; ++i) {
    // Each shard carries the schema too, so that it can be opened, served or merged on
    // its own.
    shards_.push_back(std::make_unique<Xapian::WritableDatabase>(open_checked(
        (base / shard_folder_name(i)).string(), options.overwrite_other_schema, options.no_sync)));
    view_.add_database(*shards_.back());
  }
  for (auto& shard : shards_) writers_.push_back(std::make_unique<ShardWriter>(*shard));
  if (existing == 0) write_stub(options.db_path, count);
}

IndexDatabases::~IndexDatabases() = default;
IndexDatabases::IndexDatabases(IndexDatabases&&) noexcept = default;

const Xapian::Database& IndexDatabases::view() {
  wait_for_writers();
  return view_;
}

void IndexDatabases::wait_for_writers() {
  for (auto& writer : writers_) writer->wait_idle();
}

void IndexDatabases::apply(std::size_t shard, ShardWriter::Change change) {
  if (writers_.empty()) {
    change(*shards_[shard]);
  } else {
    writers_[shard]->post(std::move(change));
  }
}

void IndexDatabases::replace(const std::string& id_term, Xapian::Document&& document,
                             SynonymInputWatch* watch) {
  apply(shard_of(id_term, shard_count()),
        [id_term, document = std::move(document), watch](Xapian::WritableDatabase& db) {
          if (watch != nullptr) watch->before_replace(db, id_term, document);
          db.replace_document(id_term, document);
        });
}

std::pair<std::size_t, Xapian::docid> IndexDatabases::locate(Xapian::docid docid) const {
  auto n = static_cast<Xapian::docid>(shards_.size());
  return {(docid - 1) % n, (docid - 1) / n + 1};
}

void IndexDatabases::update(Xapian::docid docid, std::function<void(Xapian::Document&)> change) {
  auto [shard, own] = locate(docid);
  apply(shard, [own, change = std::move(change)](Xapian::WritableDatabase& db) {
    Xapian::Document document = db.get_document(own);
    change(document);
    db.replace_document(own, document);
  });
}

void IndexDatabases::remove(Xapian::docid docid) {
  auto [shard, own] = locate(docid);
  apply(shard, [own](Xapian::WritableDatabase& db) { db.delete_document(own); });
}

void IndexDatabases::commit() {
  for (std::size_t i = 0; i < shards_.size(); ++i) {
    apply(i, [](Xapian::WritableDatabase& db) { db.commit(); });
  }
  wait_for_writers();
  if (has_side_) aids_.commit();
}

void IndexDatabases::close() {
  wait_for_writers();
  writers_.clear();
  for (auto& shard : shards_) shard->close();
  if (has_side_) aids_.close();
}

}  // namespace newsdex
