#include "search_aids.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "corpus_aliases.h"
#include "newsdex/hashing.h"
#include "newsdex/schema.h"
#include "newsdex/text_analyzer.h"
#include "newsdex/text_decoding.h"

namespace newsdex {
namespace {

bool has_letter(const std::string& term) {
  return std::any_of(term.begin(), term.end(), [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
  });
}

bool is_spelling_word(const std::string& term) {
  return term.size() >= kMinSpellingWordBytes && term.size() <= kMaxSpellingWordBytes &&
         has_letter(term);
}

bool is_prefixed(const std::string& term) { return term[0] >= 'A' && term[0] <= 'Z'; }

using SynonymTable = std::map<std::string, std::set<std::string>>;

// Names that differ only in case, full stops and spacing are one name: "U.S." and "US".
std::string fold_name(const std::string& name) {
  std::string folded;
  bool space = false;
  for (char c : fold_case(name)) {
    if (c == '.') continue;
    if (c == ' ' || c == '\t') {
      space = !folded.empty();
      continue;
    }
    if (space) folded += ' ';
    space = false;
    folded += c;
  }
  return folded;
}

std::u32string code_points(const std::string& text) {
  std::u32string out;
  for (Xapian::Utf8Iterator it(text); it != Xapian::Utf8Iterator(); ++it) out += *it;
  return out;
}

// Whether one insertion, deletion or substitution turns `a` into `b`.
bool one_edit_apart(const std::u32string& a, const std::u32string& b) {
  const std::u32string& shorter = a.size() <= b.size() ? a : b;
  const std::u32string& longer = a.size() <= b.size() ? b : a;
  if (longer.size() - shorter.size() > 1) return false;
  std::size_t i = 0;
  while (i < shorter.size() && shorter[i] == longer[i]) ++i;
  if (i == longer.size()) return false;  // equal
  if (shorter.size() == longer.size()) {
    return std::equal(shorter.begin() + i + 1, shorter.end(), longer.begin() + i + 1);
  }
  return std::equal(shorter.begin() + i, shorter.end(), longer.begin() + i + 1);
}

AliasGroup pair_group(const std::string& a, const std::string& b) {
  return AliasGroup{{AliasForm{a, false}, AliasForm{b, false}}};
}

// A family name this short may be another family: "Kane", "Cane".
constexpr std::size_t kMinVariantLetters = 5;

// A person's name split into lower-case words.
struct PersonName {
  std::string display;
  std::vector<std::string> words;
};

// The name with word `i` left out: two names that differ only there give the same key.
std::string without_word(const std::vector<std::string>& words, std::size_t i) {
  std::vector<std::string> rest = words;
  rest[i] = "*";
  return join_words(rest);
}

// Spelling variants among the canonical names of people (see write_synonyms()): a group
// of the two full names for each pair, plus a group of the two differing words when no
// one else's name has either word in that place ("zelensky", but not "regan" when Mark
// Regan is in the corpus beside Ronald Reagan and Ronald Regan).
std::vector<AliasGroup> person_variants(const std::vector<std::string>& names) {
  std::vector<PersonName> people;
  for (const std::string& name : names) {
    std::vector<std::string> words = split_at_spaces(fold_case(name));
    if (words.size() >= 2) people.push_back({name, std::move(words)});
  }
  // "1 bullock" -> the names with "bullock" second, that word left out.
  std::map<std::string, std::set<std::string>> owners;
  auto slot = [](const PersonName& person, std::size_t i) {
    return std::to_string(i) + ' ' + person.words[i];
  };
  std::map<std::u32string, std::vector<const PersonName*>> by_unaccented;
  std::map<std::string, std::vector<const PersonName*>> by_given_names;
  for (const PersonName& person : people) {
    for (std::size_t i = 0; i < person.words.size(); ++i) {
      owners[slot(person, i)].insert(without_word(person.words, i));
    }
    by_unaccented[fold_accents(code_points(join_words(person.words)))].push_back(&person);
    by_given_names[without_word(person.words, person.words.size() - 1)].push_back(&person);
  }

  std::vector<AliasGroup> groups;
  auto add_pair = [&](const PersonName& a, const PersonName& b) {
    if (a.words == b.words) return;  // the same name in other capitals
    groups.push_back(pair_group(a.display, b.display));
    for (std::size_t i = 0; i < a.words.size(); ++i) {
      if (a.words[i] != b.words[i] && owners[slot(a, i)].size() == 1 &&
          owners[slot(b, i)].size() == 1) {
        groups.push_back(pair_group(a.words[i], b.words[i]));
      }
    }
  };
  for (const auto& [key, spellings] : by_unaccented) {
    for (std::size_t i = 1; i < spellings.size(); ++i) add_pair(*spellings[0], *spellings[i]);
  }
  for (const auto& [given_names, namesakes] : by_given_names) {
    for (std::size_t i = 0; i < namesakes.size(); ++i) {
      std::u32string a = code_points(namesakes[i]->words.back());
      for (std::size_t j = i + 1; j < namesakes.size(); ++j) {
        std::u32string b = code_points(namesakes[j]->words.back());
        if (std::min(a.size(), b.size()) >= kMinVariantLetters && a[0] == b[0] &&
            one_edit_apart(a, b)) {
          add_pair(*namesakes[i], *namesakes[j]);
        }
      }
    }
  }
  return groups;
}

// "ECB" for "European Central Bank", as the entity extractor reads acronyms.
std::string initials(const std::vector<std::string>& words) {
  std::string letters;
  for (const std::string& word : words) {
    if (word == "of" || word == "the" || word == "and" || word == "for") continue;
    letters += word[0];
  }
  return letters;
}

bool is_acronym(const std::string& name) {
  return name.size() >= 2 && name.size() <= 6 &&
         std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool has_word(const std::string& name, const std::string& lower_word) {
  std::vector<std::string> words = split_at_spaces(fold_case(name));
  return std::find(words.begin(), words.end(), lower_word) != words.end();
}

// The fields of people, places and organisations.
struct EntityFields {
  const Field* person = nullptr;  // boolean: exact canonical names
  const Field* place = nullptr;
  const Field* organization = nullptr;
  std::string organization_text;  // free text: words of the names (org:)
  std::string person_text;        // ... (person:)
  std::vector<std::string> text;  // free text prefixes of all three (person:, place:, org:)
};

EntityFields entity_fields() {
  EntityFields fields;
  for (const Field& field : schema_fields()) {
    const Field** boolean = nullptr;
    switch (field.source) {
      case FieldSource::kPeople:
        boolean = &fields.person;
        if (field.kind == FieldKind::kFreeText) fields.person_text = field.prefix;
        break;
      case FieldSource::kPlaces:
        boolean = &fields.place;
        break;
      case FieldSource::kOrganizations:
        boolean = &fields.organization;
        if (field.kind == FieldKind::kFreeText) fields.organization_text = field.prefix;
        break;
      default:
        continue;
    }
    if (field.kind == FieldKind::kBoolean) {
      *boolean = &field;
    } else {
      fields.text.emplace_back(field.prefix);
    }
  }
  return fields;
}

// Whether an article names the organisation `long_name` and also calls an organisation
// `acronym` without having it as, or in, one of its canonical names: the acronym is then
// an alias that the entity extractor resolved to one of the article's organisations.
bool used_as_alias(const Xapian::Database& docs, const EntityFields& fields,
                   const std::string& long_name, const std::string& acronym) {
  const std::string long_term = boolean_term(*fields.organization, long_name);
  const std::string lower_acronym = fold_case(acronym);
  const std::string acronym_word = fields.organization_text + lower_acronym;
  const std::string org_prefix(fields.organization->prefix);
  const Xapian::PostingIterator words_end = docs.postlist_end(acronym_word);
  Xapian::PostingIterator word = docs.postlist_begin(acronym_word);
  for (auto doc = docs.postlist_begin(long_term);
       doc != docs.postlist_end(long_term) && word != words_end; ++doc) {
    word.skip_to(*doc);
    if (word == words_end || *word != *doc) continue;
    bool canonical_use = false;
    Xapian::TermIterator term = docs.termlist_begin(*doc);
    for (term.skip_to(org_prefix); term != docs.termlist_end(*doc); ++term) {
      const std::string& name = *term;
      if (name.compare(0, org_prefix.size(), org_prefix) != 0) break;
      if (has_word(boolean_term_value(*fields.organization, name), lower_acronym)) {
        canonical_use = true;
      }
    }
    if (!canonical_use) return true;
  }
  return false;
}

// Acronym groups of organisations (see write_synonyms()). `names` are canonical names;
// acronyms that are forms of the shipped list (`shipped_names`, folded) stay as shipped.
std::vector<AliasGroup> organization_acronyms(const Xapian::Database& docs,
                                              const std::vector<std::string>& names,
                                              const std::set<std::string>& shipped_names,
                                              const EntityFields& fields) {
  std::map<std::string, std::vector<std::string>> long_names_by_initials;
  for (const std::string& name : names) {
    std::vector<std::string> words = split_at_spaces(name);
    if (words.size() > 1) long_names_by_initials[initials(words)].push_back(name);
  }
  std::vector<AliasGroup> groups;
  for (const std::string& acronym : names) {
    auto candidates = long_names_by_initials.find(acronym);
    if (!is_acronym(acronym) || candidates == long_names_by_initials.end() ||
        shipped_names.count(fold_name(acronym)) > 0) {
      continue;
    }
    std::vector<std::string> used;
    for (const std::string& long_name : candidates->second) {
      // "HD DVDs" has the initials of "HD" but does not spell it out.
      if (!has_word(long_name, fold_case(acronym)) &&
          used_as_alias(docs, fields, long_name, acronym)) {
        used.push_back(long_name);
      }
    }
    // "EC" for both the European Commission and the European Council: neither.
    if (used.size() == 1) groups.push_back(pair_group(used.front(), acronym));
  }
  return groups;
}

// The canonical names of the boolean terms of `field`.
std::vector<std::string> entity_names(const Xapian::Database& docs, const Field& field) {
  const std::string prefix(field.prefix);
  std::vector<std::string> names;
  for (auto it = docs.allterms_begin(prefix); it != docs.allterms_end(prefix); ++it) {
    std::string name = boolean_term_value(field, *it);
    if (!name.empty()) names.push_back(std::move(name));
  }
  return names;
}

// Folded name (fold_name()) -> canonical names and their boolean terms.
using EntityTermsByName = std::map<std::string, std::vector<std::pair<std::string, std::string>>>;

// Adds the entries of one group: each form's key gets the other one-word forms and the
// entity terms of every form.
void add_group(const Xapian::Database& docs, const AliasGroup& group,
               const EntityTermsByName& entity_terms_by_name,
               const std::vector<std::string>& text_prefixes, SynonymTable& table) {
  struct Form {
    std::string key;
    bool one_word, common_word;
  };
  std::vector<Form> forms;
  std::set<std::string> entity_terms;
  for (const AliasForm& form : group.forms) {
    std::vector<std::string> words = index_words(form.text);
    if (words.empty()) continue;
    // Keyed as queries reach the index, folded (query_key()): "Côte d'Ivoire" is looked
    // up as "cote d'ivoire".
    forms.push_back({query_key(join_words(words)), words.size() == 1, form.common_word});
    auto terms = entity_terms_by_name.find(fold_name(form.text));
    if (terms == entity_terms_by_name.end()) continue;
    for (const auto& [name, term] : terms->second) {
      // "Who" at the start of a sentence is no WHO: common words only as written.
      if (!form.common_word || name == form.text) entity_terms.insert(term);
    }
  }
  // A multi-word value counts when each of its words is indexed: newsdex's QueryBuilder
  // turns it into a phrase (Xapian 1.4 would look it up as one term), so "UN" finds an
  // article that spells out "United Nations" even where no entity was tagged.
  auto indexed = [&](const std::string& value) {
    if (is_prefixed(value)) return docs.term_exists(value);  // entity terms hold spaces
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t end = std::min(value.find(' ', start), value.size());
      if (!docs.term_exists(value.substr(start, end - start))) return false;
      start = end + 1;
    }
    return true;
  };
  auto add = [&](const std::string& key, const std::string& value) {
    if (value != key && indexed(value)) table[key].insert(value);
  };
  for (const Form& form : forms) {
    for (const std::string& term : entity_terms) add(form.key, term);
    for (const Form& other : forms) {
      if (!other.common_word) add(form.key, other.key);
    }
    if (!form.one_word) continue;
    // After an explicit field a common word is no longer ambiguous: place:us.
    for (const std::string& prefix : text_prefixes) {
      for (const std::string& term : entity_terms) add(prefix + form.key, term);
      for (const Form& other : forms) {
        if (other.one_word) add(prefix + form.key, prefix + other.key);
      }
    }
  }
}

}  // namespace

std::size_t sync_spelling(const Xapian::Database& docs, Xapian::WritableDatabase& aids) {
  // Changes wait until both iterations end: writing spellings while iterating them is
  // not safe.
  std::vector<std::pair<std::string, std::int64_t>> changes;  // word, frequency change
  Xapian::TermIterator term = docs.allterms_begin(), terms_end = docs.allterms_end();
  Xapian::TermIterator spelling = aids.spellings_begin(), spellings_end = aids.spellings_end();
  auto next_word = [&] {
    while (term != terms_end) {
      std::string name = *term;
      if (is_prefixed(name)) {
        term.skip_to("[");  // past every term that starts with a capital: all prefixed
      } else if (!is_spelling_word(name)) {
        ++term;
      } else {
        return;
      }
    }
  };
  next_word();
  while (term != terms_end || spelling != spellings_end) {
    int order = term == terms_end ? 1 : spelling == spellings_end ? -1 : (*term).compare(*spelling);
    if (order < 0) {
      changes.emplace_back(*term, term.get_termfreq());
      ++term;
      next_word();
    } else if (order > 0) {
      changes.emplace_back(*spelling, -std::int64_t{spelling.get_termfreq()});
      ++spelling;
    } else {
      std::int64_t change = std::int64_t{term.get_termfreq()} - spelling.get_termfreq();
      if (change != 0) changes.emplace_back(*term, change);
      ++term;
      ++spelling;
      next_word();
    }
  }
  for (const auto& [word, change] : changes) {
    if (word.size() > kMaxTermBytes) continue;  // too long for Xapian's spelling table
    if (change > 0) {
      aids.add_spelling(word, static_cast<Xapian::termcount>(change));
    } else {
      aids.remove_spelling(word, static_cast<Xapian::termcount>(-change));
    }
  }
  return changes.size();
}

std::size_t write_synonyms(const Xapian::Database& docs, Xapian::WritableDatabase& aids,
                           const std::vector<AliasGroup>& shipped, const CorpusAliases& corpus) {
  const EntityFields fields = entity_fields();
  EntityTermsByName entity_terms_by_name, people_terms_by_name;
  std::vector<std::string> people, organizations;
  for (const Field* field : {fields.person, fields.place, fields.organization}) {
    for (std::string& name : entity_names(docs, *field)) {
      entity_terms_by_name[fold_name(name)].emplace_back(name, boolean_term(*field, name));
      if (field == fields.person) {
        people_terms_by_name[fold_name(name)].emplace_back(name, boolean_term(*field, name));
      }
      if (field == fields.person) people.push_back(std::move(name));
      if (field == fields.organization) organizations.push_back(std::move(name));
    }
  }
  std::vector<AliasGroup> groups = shipped;
  for (AliasGroup& group : person_variants(people)) groups.push_back(std::move(group));
  std::set<std::string> shipped_names;
  for (const AliasGroup& group : shipped) {
    for (const AliasForm& form : group.forms) shipped_names.insert(fold_name(form.text));
  }
  for (AliasGroup& group : organization_acronyms(docs, organizations, shipped_names, fields)) {
    groups.push_back(std::move(group));
  }

  SynonymTable wanted;
  for (const AliasGroup& group : groups) {
    add_group(docs, group, entity_terms_by_name, fields.text, wanted);
  }
  // "Bush" the person is George W Bush; "Bush" the place is not, and place:bush finds no
  // more than it did.
  for (const AliasGroup& group : corpus_alias_groups(corpus)) {
    add_group(docs, group, people_terms_by_name, {fields.person_text}, wanted);
  }

  SynonymTable current;
  for (auto key = aids.synonym_keys_begin(); key != aids.synonym_keys_end(); ++key) {
    std::set<std::string>& values = current[*key];
    for (auto value = aids.synonyms_begin(*key); value != aids.synonyms_end(*key); ++value) {
      values.insert(*value);
    }
  }
  std::size_t written = 0;
  for (const auto& [key, values] : current) {
    if (wanted.count(key) == 0) {
      aids.clear_synonyms(key);
      ++written;
    }
  }
  for (const auto& [key, values] : wanted) {
    if (key.size() > kMaxTermBytes) continue;  // too long for Xapian's synonym table
    auto old = current.find(key);
    if (old != current.end() && old->second == values) continue;
    if (old != current.end()) aids.clear_synonyms(key);
    for (const std::string& value : values) {
      if (value.size() <= kMaxTermBytes) aids.add_synonym(key, value);
    }
    ++written;
  }
  return written;
}

std::string synonym_source(const std::vector<AliasGroup>& shipped) {
  std::uint64_t hash = fnv1a_64(std::to_string(kSynonymRulesVersion));
  for (const AliasGroup& group : shipped) {
    for (const AliasForm& form : group.forms) {
      hash = fnv1a_64(form.text, hash);
      hash = fnv1a_64(form.common_word ? "\x01" : "\x02", hash);
    }
    hash = fnv1a_64("\n", hash);
  }
  return "rules " + std::to_string(kSynonymRulesVersion) + ", aliases " + hex64(hash);
}

}  // namespace newsdex
