// Whether a run changed anything write_synonyms() reads, so that a run which did not
// (the usual re-run: a few articles edited, their names unchanged) keeps the synonym
// table instead of working it out again over every name of the index (a tenth of such
// a run's time).
//
// write_synonyms() reads the names of people, places and organisations (their boolean
// terms), which documents hold them and the words of their text fields, and whether
// words exist in the index. So an edit that keeps every such term of its article, and
// adds or removes only words that other articles still hold, changes nothing it reads.
// Added and deleted articles are taken as changes without looking closer.
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace newsdex {

// Thread-safe: shard writers report to one watch.
class SynonymInputWatch {
 public:
  // Before `db` replaces (or adds) the article with `id_term` by `replacement`.
  void before_replace(const Xapian::Database& db, const std::string& id_term,
                      const Xapian::Document& replacement);
  // An article is added or deleted some other way.
  void article_added_or_deleted();

  // After the run's changes, seen through `docs`: whether the synonym table may differ.
  bool may_change_synonyms(const Xapian::Database& docs) const;

 private:
  mutable std::mutex mutex_;
  bool changed_ = false;
  // Words gained (positive) or lost (negative) by replaced articles, net.
  std::unordered_map<std::string, int> word_changes_;
};

}  // namespace newsdex
