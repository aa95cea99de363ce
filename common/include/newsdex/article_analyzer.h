// Finds who, where and what an article is about: entities and topics, filled into
// Article::entities before the document is built.
#pragma once

#include "newsdex/article.h"
#include "newsdex/entity_extractor.h"

namespace newsdex {

struct AnalysisOptions {
  bool entities = true;  // people, places, organisations, topics (off: --no-entities)
};

// Thread-safe (const); one may be shared by all workers.
class ArticleAnalyzer {
 public:
  explicit ArticleAnalyzer(AnalysisOptions options = {});

  // Fills article.entities and returns the mentions found (empty when entities are off).
  // The section, when there is one, is always the last topic.
  Extraction analyze(Article& article) const;

 private:
  AnalysisOptions options_;
  EntityExtractor extractor_;
};

}  // namespace newsdex
