#include "newsdex/name_fold.h"

namespace newsdex {

std::string name_key(std::string_view text) {
  std::string key(text.size(), '\0');
  key.resize(name_fold::fold_into(text, key.data(), key.size()));
  return key;
}

}  // namespace newsdex
