#include "caching_stemmer.h"

namespace newsdex {

std::string CachingStemmer::operator()(const std::string& word) {
  if (auto it = stems_.find(word); it != stems_.end()) return it->second;
  if (stems_.size() >= kMaxWords) stems_.clear();
  return stems_.emplace(word, stemmer_(word)).first->second;
}

std::string CachingStemmer::get_description() const {
  return "cached " + stemmer_.get_description();
}

Xapian::Stem with_cache(Xapian::Stem stemmer) {
  // Xapian::Stem takes ownership of the implementation (reference counted).
  return Xapian::Stem(new CachingStemmer(std::move(stemmer)));
}

}  // namespace newsdex
