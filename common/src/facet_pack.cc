#include "newsdex/facet_pack.h"

namespace newsdex {

void FacetPackWriter::add(unsigned facet_index, std::string_view name) {
  bytes_ += static_cast<char>(facet_index);
  bytes_ += name;
  bytes_ += '\0';
}

}  // namespace newsdex
