// Key phrases of an article ("ceasefire talks", "interest rates", "gene therapy"),
// indexed as topic terms and counted as facets. Scored against word document
// frequencies of a background news corpus (data/background_df.tsv), so that words
// every article uses lose to the ones that tell this article apart.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/article_cleaner.h"

namespace newsdex {

// In how many of docs() background articles each word occurs. Immutable once built, so
// one instance may be shared by all threads.
class BackgroundFrequencies {
 public:
  BackgroundFrequencies() = default;  // no data: every word weighs the same

  // Reads the `#docs<TAB>N` and `word<TAB>df` lines that build_background_df.py writes
  // (words lower case, as TopicExtractor splits them). Malformed lines are skipped, so
  // this never throws except std::bad_alloc. Copies what it keeps.
  static BackgroundFrequencies parse(std::string_view tsv);
  // The embedded data/background_df.tsv, parsed on first use (thread-safe).
  static const BackgroundFrequencies& embedded();

  std::uint32_t docs() const { return docs_; }
  std::size_t size() const { return entries_.size(); }
  // 0 for a word that is not listed (the data leaves out words seen only once).
  std::uint32_t df(std::string_view word) const;

 private:
  struct Entry {
    std::uint32_t offset;  // into words_
    std::uint32_t length;
    std::uint32_t df;
  };
  std::uint32_t docs_ = 0;
  std::string words_;
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> slots_;  // open addressing: entry index + 1, 0 = empty
};

// Thread-safe: const, and the frequencies are immutable. Cheap to copy.
class TopicExtractor {
 public:
  // Uses the embedded background frequencies (parsed once, shared).
  TopicExtractor();
  // Uses other frequencies (tests); `background` must outlive the extractor.
  explicit TopicExtractor(const BackgroundFrequencies& background);

  // Up to max_topics key phrases of the article, best first: lower case, 1 to 3 words,
  // no stopword at either end, no word that starts with a digit ("2024", "5bn").
  // `title` is the article's title (article.title is not read, so callers may pass
  // another). Words of `exclude` (e.g. the article's people and places, any case) are
  // not topics on their own, nor the last word of a phrase ("president biden"), nor two
  // words of one ("joe biden visit"). Deterministic; never throws except std::bad_alloc.
  std::vector<std::string> extract(const std::string& title, const CleanArticle& article,
                                   const std::vector<std::string>& exclude = {},
                                   std::size_t max_topics = 5) const;

 private:
  const BackgroundFrequencies* background_;
};

}  // namespace newsdex
