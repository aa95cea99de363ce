// A stemmer with a memory of the words it has stemmed: articles share most of their
// words, so most are found here instead of being run through Snowball again. The index
// builder stems every word of every article with it; MSet::snippet, which stems every
// word of the text it highlights, uses it for passages too. An open-addressing table
// that doubles up to kMaxSlots and then starts afresh, which bounds its memory (some
// 10 MB) on endless streams of new words. Not thread-safe: one per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

class CachingStemmer : public Xapian::StemImplementation {
 public:
  explicit CachingStemmer(Xapian::Stem stemmer);

  std::string operator()(const std::string& word) override;
  // The wrapped stemmer's own description ("english"), so that a Xapian::Stem holding
  // the cache describes itself exactly as the plain stemmer does.
  std::string get_description() const override { return description_; }

 private:
  // Small to start: a search stems a few hundred words for its passages, and a table
  // of 4,096 full slots (320 KB to construct) cost it 4% of its time; the indexer's
  // grows to its size within an article or two.
  static constexpr std::size_t kMinSlots = std::size_t{1} << 6;
  static constexpr std::size_t kMaxSlots = std::size_t{1} << 17;
  // A slot is 16 bytes, the words and stems live in entries_ in the order they came: a
  // table of a given size costs a fifth of one holding the strings.
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t entry = 0;  // index into entries_ + 1; 0: free
  };
  struct Entry {
    std::string word;
    std::string stem;
  };

  // The slot holding `word`, else the free slot where it would go.
  Slot* find(std::uint64_t hash, const std::string& word);
  void grow();

  Xapian::Stem stemmer_;
  std::string description_;
  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
};

// `stemmer` behind a CachingStemmer, as a Xapian::Stem (which owns the cache, reference
// counted like every Xapian handle).
Xapian::Stem with_stem_cache(Xapian::Stem stemmer);

}  // namespace newsdex
