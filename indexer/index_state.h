// What the index already holds, read once per run, so that the change check for each
// file is a lookup in memory rather than a database query.
#pragma once

#include <string>
#include <unordered_map>

#include <xapian.h>

namespace newsdex {

struct StoredStamp {
  Xapian::docid docid = 0;
  std::string mtime;         // the serialised kSlotMtime value
  std::string size;          // the serialised kSlotSize value
  std::string content_hash;  // the kSlotContentHash value ("" in indexes made before it)
  std::string file;          // the kSlotFile value: set only for articles of a JSON dump
  bool seen = false;         // set by the run: the article is still in the corpus
};

// Keyed by unique id term ("Q...").
using IndexState = std::unordered_map<std::string, StoredStamp>;

// Reads the id term and change stamp of every document, using the term list of "Q" and
// one pass over each value stream.
IndexState load_index_state(const Xapian::Database& db);

}  // namespace newsdex
