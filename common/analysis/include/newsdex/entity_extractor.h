// People, places and organisations of an article: tagged mentions resolved to one
// canonical name per entity ("Netanyahu" and "Mr Netanyahu" -> "Benjamin Netanyahu").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/entity_tagger.h"

namespace newsdex {

struct EntityMention {
  EntityType type;
  std::size_t begin = 0, end = 0;  // byte offsets into the text
  std::size_t entity = 0;          // index into Extraction::entities
};

struct ExtractedEntity {
  EntityType type;
  std::string name;                  // canonical: the fullest form the article uses
  std::vector<std::string> aliases;  // the other forms it uses, in order of appearance
  std::size_t mention_count = 0;
  std::size_t first_mention = 0;  // byte offset of the first mention
};

struct Extraction {
  std::vector<EntityMention> mentions;    // in text order
  std::vector<ExtractedEntity> entities;  // people, places, organisations; most mentioned first
};

// Thread-safe: const, and the model is immutable. Cheap to copy.
class EntityExtractor {
 public:
  explicit EntityExtractor(const TaggerModel& model = TaggerModel::embedded());

  Extraction extract(std::string_view text) const;

 private:
  const TaggerModel* model_;
};

// The text an article is analysed as: the title, a blank line, the body.
std::string analysis_text(const Article& article);

// Puts the canonical names (and aliases) of an extraction into `entities`.
void fill_entities(const Extraction& extraction, ArticleEntities& entities);

}  // namespace newsdex
