#include "newsdex/article_analyzer.h"

#include <algorithm>
#include <thread>

#include "newsdex/gazetteer.h"

namespace newsdex {

void preload_analysis_data() {
  std::thread gazetteer([] { Gazetteer::instance(); });
  std::thread model([] { TaggerModel::embedded(); });
  BackgroundFrequencies::embedded();
  gazetteer.join();
  model.join();
}

ArticleAnalyzer::ArticleAnalyzer(AnalysisOptions options) : options_(options) {}

Extraction ArticleAnalyzer::analyze(Article& article) const {
  Extraction extraction;
  article.entities = {};
  if (options_.entities) {
    extraction = extractor_.extract(analysis_text(article));
    fill_entities(extraction, article.entities);
    // Names are facets of their own; as topics they would only repeat them.
    std::vector<std::string> names;
    for (FieldSource source :
         {FieldSource::kPeople, FieldSource::kPlaces, FieldSource::kOrganizations}) {
      const auto& canonical = *article.entities.list_for(source);
      const auto& aliases = *article.entities.aliases_for(source);
      names.insert(names.end(), canonical.begin(), canonical.end());
      names.insert(names.end(), aliases.begin(), aliases.end());
    }
    article.entities.topics = topics_.extract(article.title, article.clean, names, kKeyPhrases);
  }
  std::vector<std::string>& topics = article.entities.topics;
  if (!article.section.empty() &&
      std::find(topics.begin(), topics.end(), article.section) == topics.end()) {
    topics.push_back(article.section);
  }
  return extraction;
}

}  // namespace newsdex
