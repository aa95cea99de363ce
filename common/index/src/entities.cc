#include "newsdex/entities.h"

namespace newsdex {

const std::vector<std::string>* ArticleEntities::list_for(FieldSource source) const {
  switch (source) {
    case FieldSource::kPeople:
      return &people;
    case FieldSource::kPlaces:
      return &places;
    case FieldSource::kOrganizations:
      return &organizations;
    case FieldSource::kTopics:
      return &topics;
    default:
      return nullptr;
  }
}

std::vector<std::string>* ArticleEntities::list_for(FieldSource source) {
  return const_cast<std::vector<std::string>*>(std::as_const(*this).list_for(source));
}

const std::vector<std::string>* ArticleEntities::aliases_for(FieldSource source) const {
  switch (source) {
    case FieldSource::kPeople:
      return &people_aliases;
    case FieldSource::kPlaces:
      return &place_aliases;
    case FieldSource::kOrganizations:
      return &organization_aliases;
    default:
      return nullptr;
  }
}

}  // namespace newsdex
