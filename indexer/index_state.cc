#include "index_state.h"

#include "newsdex/schema.h"

namespace newsdex {

IndexState load_index_state(const Xapian::Database& db) {
  std::unordered_map<Xapian::docid, std::string> term_of_doc;
  term_of_doc.reserve(db.get_doccount());
  // One value stream when every document has its id term in kSlotIdTerm (the indexer
  // writes it); documents written before it was (or by another tool) are found through
  // their id terms' posting lists, one list each, which is slower.
  for (auto value = db.valuestream_begin(kSlotIdTerm); value != db.valuestream_end(kSlotIdTerm);
       ++value) {
    term_of_doc.emplace(value.get_docid(), *value);
  }
  if (term_of_doc.size() != db.get_doccount()) {
    for (auto term = db.allterms_begin("Q"); term != db.allterms_end("Q"); ++term) {
      auto posting = db.postlist_begin(*term);
      if (posting != db.postlist_end(*term)) term_of_doc.emplace(*posting, *term);
    }
  }

  IndexState state;
  state.reserve(term_of_doc.size());
  for (const auto& [docid, term] : term_of_doc) state[term].docid = docid;

  auto fill_slot = [&](Xapian::valueno slot, std::string StoredStamp::*member) {
    for (auto value = db.valuestream_begin(slot); value != db.valuestream_end(slot); ++value) {
      auto doc = term_of_doc.find(value.get_docid());
      if (doc != term_of_doc.end()) state[doc->second].*member = *value;
    }
  };
  fill_slot(kSlotMtime, &StoredStamp::mtime);
  fill_slot(kSlotSize, &StoredStamp::size);
  fill_slot(kSlotContentHash, &StoredStamp::content_hash);
  fill_slot(kSlotFile, &StoredStamp::file);
  return state;
}

}  // namespace newsdex
