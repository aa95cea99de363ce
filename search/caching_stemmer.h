// A stemmer that remembers its answers. MSet::snippet stems every word of every text it
// is given, and the words of news repeat ("said", "the", the query's names): with the
// cache, the passages of a page of results cost about half as much. Not thread-safe;
// each Searcher has its own.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace newsdex {

class CachingStemmer : public Xapian::StemImplementation {
 public:
  explicit CachingStemmer(Xapian::Stem stemmer) : stemmer_(std::move(stemmer)) {}

  std::string operator()(const std::string& word) override;
  std::string get_description() const override;

 private:
  // Cleared when full, so that a long interactive session stays small.
  static constexpr std::size_t kMaxWords = 1 << 16;

  Xapian::Stem stemmer_;
  std::unordered_map<std::string, std::string> stems_;
};

// `stemmer` behind a cache, as a Xapian::Stem (which owns the cache).
Xapian::Stem with_cache(Xapian::Stem stemmer);

}  // namespace newsdex
