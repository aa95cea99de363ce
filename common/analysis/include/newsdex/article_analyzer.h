// Finds who, where and what an article is about: entities and topics, filled into
// Article::entities before the document is built.
#pragma once

#include "newsdex/article.h"
#include "newsdex/entity_extractor.h"
#include "newsdex/topic_extractor.h"

namespace newsdex {

// Key phrases per article, before the section.
inline constexpr std::size_t kKeyPhrases = 5;

struct AnalysisOptions {
  bool entities = true;  // people, places, organisations, topics (off: --no-entities)
};

// What an article's analysis depends on besides its text, as 16 hex digits: the data
// compiled in (tagger model, name lists, known entities, aliases, topic frequencies),
// the version of the rules below, and the options. An index records the digest its
// articles were analysed with, so that a newer newsdex analyses them all again instead
// of mixing old and new names in one index.
std::string analysis_digest(const AnalysisOptions& options);

// Loads the data the analysis needs (gazetteer, tagger model, topic frequencies), the
// three at once; each is otherwise loaded on first use. Thread-safe.
void preload_analysis_data();

// Thread-safe (const); one may be shared by all workers.
class ArticleAnalyzer {
 public:
  explicit ArticleAnalyzer(AnalysisOptions options = {});

  // Fills article.entities and returns the mentions found (empty when entities are off).
  // Topics are the article's key phrases (names of its people, places and
  // organisations excluded), then its section when it has one.
  Extraction analyze(Article& article) const;

 private:
  AnalysisOptions options_;
  EntityExtractor extractor_;
  TopicExtractor topics_;
};

}  // namespace newsdex
