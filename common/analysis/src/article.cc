#include "newsdex/article.h"

#include "newsdex/hashing.h"

#include <cstdint>
#include <cstdio>
#include <utility>

namespace newsdex {

std::string section_of(std::string_view article_id) {
  std::size_t slash = article_id.rfind('/');
  if (slash == std::string_view::npos) return {};
  std::string_view folder = article_id.substr(0, slash);
  std::size_t parent_slash = folder.rfind('/');
  if (parent_slash != std::string_view::npos) folder.remove_prefix(parent_slash + 1);
  return std::string(folder);
}

std::string content_hash(std::string_view bytes) { return hex64(fnv1a_64(bytes)); }

}  // namespace newsdex
