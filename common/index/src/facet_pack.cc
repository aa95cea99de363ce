#include "newsdex/facet_pack.h"

namespace newsdex {

void FacetPackWriter::add(unsigned facet_index, std::string_view name) {
  bytes_ += static_cast<char>(facet_index);
  std::uint32_t hash = facet_name_hash(name);
  for (int i = 0; i < 4; ++i) bytes_ += static_cast<char>((hash >> (8 * i)) & 0xFF);
  bytes_ += name;
  bytes_ += '\0';
}

}  // namespace newsdex
