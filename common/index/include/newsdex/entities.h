// The people, places, organisations and topics of an article as the index stores them
// (canonical names and their aliases): written by the document builder, read back from
// the stored record by the search tool.
#pragma once

#include <string>
#include <vector>

#include "newsdex/schema.h"

namespace newsdex {

// Who and what an article is about: canonical names, most mentioned first.
struct ArticleEntities {
  std::vector<std::string> people;
  std::vector<std::string> places;
  std::vector<std::string> organizations;
  std::vector<std::string> topics;  // key phrases, then the section
  // Other names the article uses for the same people, places and organisations
  // ("Netanyahu" beside "Benjamin Netanyahu"): searchable, but not facet values.
  std::vector<std::string> people_aliases;
  std::vector<std::string> place_aliases;
  std::vector<std::string> organization_aliases;

  // The canonical list of a schema source (kPeople, ...); nullptr for other sources.
  const std::vector<std::string>* list_for(FieldSource source) const;
  std::vector<std::string>* list_for(FieldSource source);
  // The aliases of a schema source; nullptr when it has none (topics and others).
  const std::vector<std::string>* aliases_for(FieldSource source) const;
};

}  // namespace newsdex
