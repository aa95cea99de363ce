// Names that the whole index, not one article, resolves to another canonical name.
//
// An article that names a person only as "Mr Bush" has "Bush" as its canonical name:
// the article alone cannot tell which Bush. The archive can: when the full names it
// holds that end in "Bush" are almost all "George W Bush", the index reads "Bush" as
// him. The indexer works this table out from the names of every article after each
// run (indexer/corpus_aliases.h), so it is the same whatever order articles came in;
// the search tool shows, counts and finds the canonical name in place of the alias.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsdex/schema.h"

namespace newsdex {

class CorpusAliases {
 public:
  // The kMetaCorpusAliases format: "facet<TAB>alias<TAB>canonical" lines, the facet
  // by its schema_facets() name ("people"). Lines of unknown facets are ignored.
  static CorpusAliases parse(std::string_view text);
  std::string serialise() const;

  struct Entry {
    FieldSource source;
    std::string alias;
    std::string canonical;
  };
  void add(FieldSource source, std::string alias, std::string canonical);
  bool empty() const { return canonical_.empty(); }
  std::vector<Entry> entries() const;

  // The canonical name of `name` among the values of `source`: `name` itself when the
  // index resolves it to no other.
  const std::string& canonical(FieldSource source, const std::string& name) const;
  // Replaces each name of `names` by its canonical name, keeping the first of any two
  // that become the same.
  void canonicalise(FieldSource source, std::vector<std::string>& names) const;

 private:
  std::map<std::pair<FieldSource, std::string>, std::string> canonical_;
};

}  // namespace newsdex
