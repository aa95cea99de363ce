#include "corpus_aliases.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "newsdex/name_fold.h"
#include "newsdex/schema.h"

namespace newsdex {
namespace {

struct NamedEntity {
  std::string name;
  Xapian::doccount articles;
  bool person;
};

// The names of the boolean field of `source`, with the articles that hold each.
void read_names(const Xapian::Database& docs, FieldSource source, std::vector<NamedEntity>& out) {
  for (const Field& field : schema_fields()) {
    if (field.source != source || field.kind != FieldKind::kBoolean) continue;
    const std::string prefix(field.prefix);
    for (auto it = docs.allterms_begin(prefix); it != docs.allterms_end(prefix); ++it) {
      out.push_back(
          {boolean_term_value(field, *it), it.get_termfreq(), source == FieldSource::kPeople});
    }
  }
}

}  // namespace

CorpusAliases find_corpus_aliases(const Xapian::Database& docs) {
  std::vector<NamedEntity> names;
  for (FieldSource source :
       {FieldSource::kPeople, FieldSource::kPlaces, FieldSource::kOrganizations}) {
    read_names(docs, source, names);
  }
  // name_key() of a word -> the names of several words that end in it, and the articles
  // of the people whose name starts with it ("Charles" Kennedy).
  std::map<std::string, std::vector<const NamedEntity*>> ending_in;
  std::map<std::string, Xapian::doccount> first_name_articles;
  for (const NamedEntity& entity : names) {
    std::size_t last_space = entity.name.rfind(' ');
    if (last_space == std::string::npos) continue;
    ending_in[name_key(std::string_view(entity.name).substr(last_space + 1))].push_back(&entity);
    if (entity.person) {
      first_name_articles[name_key(
          std::string_view(entity.name).substr(0, entity.name.find(' ')))] += entity.articles;
    }
  }
  CorpusAliases aliases;
  for (const NamedEntity& entity : names) {
    if (!entity.person || entity.name.find(' ') != std::string::npos) continue;
    const std::string key = name_key(entity.name);
    auto found = ending_in.find(key);
    if (found == ending_in.end()) continue;
    // The best full name must outweigh, kDominance times, every other use of the word:
    // another person, place or organisation whose name ends in it ("Lleyton Hewitt",
    // however typed, beside Patricia Hewitt), and the people whose first name it is
    // ("Charles" Kennedy beside Ray Charles), taken together.
    const NamedEntity* best = nullptr;
    Xapian::doccount runner_up = first_name_articles[key];
    for (const NamedEntity* candidate : found->second) {
      if (candidate->person &&
          (best == nullptr || candidate->articles > best->articles ||
           (candidate->articles == best->articles && candidate->name < best->name))) {
        if (best != nullptr) runner_up = std::max(runner_up, best->articles);
        best = candidate;
      } else {
        runner_up = std::max(runner_up, candidate->articles);
      }
    }
    // A one-word name used more than any full name is a name of its own (Ronaldo).
    if (best == nullptr || best->articles < kMinFullNameArticles ||
        best->articles <= entity.articles || best->articles < kDominance * runner_up) {
      continue;
    }
    aliases.add(FieldSource::kPeople, entity.name, best->name);
  }
  return aliases;
}

std::vector<AliasGroup> corpus_alias_groups(const CorpusAliases& aliases) {
  std::vector<AliasGroup> groups;
  for (const CorpusAliases::Entry& entry : aliases.entries()) {
    groups.push_back(AliasGroup{{AliasForm{entry.canonical, false}, AliasForm{entry.alias, true}}});
  }
  return groups;
}

}  // namespace newsdex
