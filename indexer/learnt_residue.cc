#include "learnt_residue.h"

#include <algorithm>
#include <cstdlib>

#include "newsdex/hashing.h"
#include "newsdex/schema.h"

namespace newsdex {
namespace {

// Space-separated hex keys (see recorded_residue()).
constexpr std::string_view kMetaRecordedResidue = "newsdex.learnt_residue";

std::string line_term(std::uint64_t key) { return std::string(kResidueLinePrefix) + hex64(key); }

std::uint64_t key_of_term(const std::string& term) {
  return std::strtoull(term.c_str() + kResidueLinePrefix.size(), nullptr, 16);
}

}  // namespace

LineKeys load_learnt_residue(const Xapian::Database& db) {
  LineKeys learnt;
  std::string prefix(kResidueLinePrefix);
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
    if (term.get_termfreq() >= kLearntResidueMinArticles) learnt.insert(key_of_term(*term));
  }
  return learnt;
}

std::vector<Xapian::docid> articles_with_lines(const Xapian::Database& db,
                                               const std::vector<std::uint64_t>& keys) {
  std::vector<Xapian::docid> docids;
  for (std::uint64_t key : keys) {
    std::string term = line_term(key);
    for (auto posting = db.postlist_begin(term); posting != db.postlist_end(term); ++posting) {
      docids.push_back(*posting);
    }
  }
  std::sort(docids.begin(), docids.end());
  docids.erase(std::unique(docids.begin(), docids.end()), docids.end());
  return docids;
}

LineKeys recorded_residue(const Xapian::Database& db) {
  LineKeys keys;
  std::string text = db.get_metadata(std::string(kMetaRecordedResidue));
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = std::min(text.find(' ', start), text.size());
    if (end > start)
      keys.insert(std::strtoull(text.substr(start, end - start).c_str(), nullptr, 16));
    start = end + 1;
  }
  return keys;
}

void record_residue(Xapian::WritableDatabase& db, const LineKeys& keys) {
  std::vector<std::uint64_t> sorted(keys.begin(), keys.end());
  std::sort(sorted.begin(), sorted.end());
  std::string text;
  for (std::uint64_t key : sorted) {
    if (!text.empty()) text += ' ';
    text += hex64(key);
  }
  db.set_metadata(std::string(kMetaRecordedResidue), text);
}

std::vector<std::uint64_t> keys_added(const LineKeys& now, const LineKeys& before) {
  std::vector<std::uint64_t> added;
  for (std::uint64_t key : now) {
    if (!before.contains(key)) added.push_back(key);
  }
  std::sort(added.begin(), added.end());
  return added;
}

}  // namespace newsdex
