#include "newsdex/aliases.h"

#include <stdexcept>

#include "newsdex/embedded_data.h"
#include "newsdex/lines.h"

namespace newsdex {

std::vector<AliasGroup> parse_aliases(std::string_view tsv) {
  std::vector<AliasGroup> groups;
  std::size_t line_number = 0;
  while (!tsv.empty()) {
    std::string_view line = take_line(tsv);
    ++line_number;
    if (line.find_first_not_of(" \t") == std::string_view::npos || line.front() == '#') continue;

    AliasGroup group;
    while (true) {
      std::size_t tab = line.find('\t');
      std::string_view text = line.substr(0, tab);
      AliasForm form;
      if (!text.empty() && text.front() == '!') {
        form.common_word = true;
        text.remove_prefix(1);
      }
      if (text.find_first_not_of(' ') == std::string_view::npos) {
        throw std::runtime_error("aliases line " + std::to_string(line_number) + ": empty form");
      }
      form.text = text;
      group.forms.push_back(std::move(form));
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    if (group.forms.size() < 2) {
      throw std::runtime_error("aliases line " + std::to_string(line_number) +
                               ": a group needs at least two forms");
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

const std::vector<AliasGroup>& shipped_aliases() {
  static const std::vector<AliasGroup> groups = parse_aliases(embedded::aliases());
  return groups;
}

}  // namespace newsdex
