#include "newsdex/article.h"

#include "newsdex/hashing.h"

#include <cstdint>
#include <cstdio>
#include <utility>

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

std::string section_of(std::string_view article_id) {
  std::size_t slash = article_id.rfind('/');
  if (slash == std::string_view::npos) return {};
  std::string_view folder = article_id.substr(0, slash);
  std::size_t parent_slash = folder.rfind('/');
  if (parent_slash != std::string_view::npos) folder.remove_prefix(parent_slash + 1);
  return std::string(folder);
}

std::string content_hash(std::string_view bytes) { return hex64(fnv1a_64(bytes)); }

std::string hex64(std::uint64_t value) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(value));
  return hex;
}

}  // namespace newsdex
