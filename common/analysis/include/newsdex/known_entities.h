// Names whose class and shown name are known beforehand (common/data/known_entities.tsv):
// "US", "U.S." and "America" are the place "United States" in every article, "Tory" is
// the organisation "Conservative Party", and "Christmas" or "DVD" is no entity at all,
// whatever one sentence's context made the tagger think.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsdex/entity_features.h"

namespace newsdex {

// The form of a name that mentions are compared by: lower case, words separated by one
// space, periods dropped ("U.S." and "US" are one name), other punctuation a space.
std::string entity_key(std::string_view name);

struct KnownEntity {
  EntityType type;   // kMisc: no person, place or organisation (the "none" class)
  std::string name;  // as shown
};

class KnownEntities {
 public:
  // Parses the known_entities.tsv format (described at the top of that file). Throws
  // std::runtime_error naming the line of an unknown class, a line without a name, or
  // a form given to two entities.
  static KnownEntities parse(std::string_view tsv);
  // Adds the "none" lines of `tsv` (works.tsv) whose forms no entity has yet: a
  // generated list never overrides, nor breaks on, the hand-written one.
  void add_unknown_things(std::string_view tsv);
  // The shipped list, parsed once. Thread-safe.
  static const KnownEntities& shipped();

  // The entity whose form has this entity_key(), or null.
  const KnownEntity* find(std::string_view key) const;

 private:
  std::vector<KnownEntity> entities_;
  std::unordered_map<std::string, std::size_t> by_key_;
};

}  // namespace newsdex
