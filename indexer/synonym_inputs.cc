#include "synonym_inputs.h"

#include <set>
#include <string_view>
#include <vector>

#include "newsdex/schema.h"
#include "newsdex/text_analyzer.h"

namespace newsdex {
namespace {

// The prefixes write_synonyms() reads: every field of people, places and organisations.
const std::set<std::string, std::less<>>& entity_prefixes() {
  static const std::set<std::string, std::less<>> prefixes = [] {
    std::set<std::string, std::less<>> found;
    for (const Field& field : schema_fields()) {
      if (field.source == FieldSource::kPeople || field.source == FieldSource::kPlaces ||
          field.source == FieldSource::kOrganizations) {
        found.emplace(field.prefix);
      }
    }
    return found;
  }();
  return prefixes;
}

// Whether write_synonyms() can read `term`: a word, or a term of an entity field.
bool is_input(std::string_view term) {
  std::string_view prefix = term_prefix(term);
  return prefix.empty() || entity_prefixes().count(prefix) > 0;
}

}  // namespace

void SynonymInputWatch::before_replace(const Xapian::Database& db, const std::string& id_term,
                                       const Xapian::Document& replacement) {
  Xapian::PostingIterator old = db.postlist_begin(id_term);
  if (old == db.postlist_end(id_term)) {
    article_added_or_deleted();
    return;
  }
  // Both term lists are sorted: walk them side by side.
  std::vector<std::pair<std::string, int>> words;  // gained +1, lost -1
  bool entity_changed = false;
  Xapian::TermIterator before = db.termlist_begin(*old), before_end = db.termlist_end(*old);
  Xapian::TermIterator after = replacement.termlist_begin(), after_end = replacement.termlist_end();
  auto differs = [&](const std::string& term, int change) {
    if (!is_input(term)) return;
    if (term_prefix(term).empty()) {
      words.emplace_back(term, change);
    } else {
      entity_changed = true;
    }
  };
  while (!entity_changed && (before != before_end || after != after_end)) {
    if (after == after_end || (before != before_end && *before < *after)) {
      differs(*before, -1);
      ++before;
    } else if (before == before_end || *after < *before) {
      differs(*after, +1);
      ++after;
    } else {
      ++before;
      ++after;
    }
  }
  std::lock_guard lock(mutex_);
  if (entity_changed) changed_ = true;
  for (auto& [word, change] : words) word_changes_[word] += change;
}

void SynonymInputWatch::article_added_or_deleted() {
  std::lock_guard lock(mutex_);
  changed_ = true;
}

bool SynonymInputWatch::may_change_synonyms(const Xapian::Database& docs) const {
  std::lock_guard lock(mutex_);
  if (changed_) return true;
  // A word matters only when it came into the index or left it.
  for (const auto& [word, change] : word_changes_) {
    if (change == 0) continue;
    auto now = static_cast<long long>(docs.get_termfreq(word));
    long long before = now - change;
    if ((before == 0) != (now == 0)) return true;
  }
  return false;
}

}  // namespace newsdex
