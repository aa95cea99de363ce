#include "newsdex/schema.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <stdexcept>

#include "newsdex/errors.h"
#include "newsdex/hashing.h"
#include "newsdex/text_analyzer.h"

namespace newsdex {
namespace {

// Prefixes follow Omega (docs/termprefixes.rst): Q unique id, S title, X... our own.
constexpr std::array kFields = {
    Field{"id", "Q", FieldKind::kBoolean, FieldSource::kId},
    Field{"title", "S", FieldKind::kFreeText, FieldSource::kTitle, 1, 3},
    Field{"", "", FieldKind::kFreeText, FieldSource::kBody, 1, 0},
    // Lower-cased, so that section:Sport finds the folder "sport" (and "Sport").
    Field{"section", "XSECTION", FieldKind::kBoolean, FieldSource::kSection, 1, 0, true},
    // Lower-cased, so that source:reuters finds "Reuters".
    Field{"source", "XSOURCE", FieldKind::kBoolean, FieldSource::kNewsSource, 1, 0, true},
    Field{"", "XLINE", FieldKind::kBoolean, FieldSource::kResidueLines},
    // Omega's conventions: A for the author's words, U for the URL, exact.
    Field{"author", "A", FieldKind::kFreeText, FieldSource::kAuthor},
    Field{"url", "U", FieldKind::kBoolean, FieldSource::kUrl},
    // Entities and topics twice: words of the canonical names (person:netanyahu finds
    // "Benjamin Netanyahu"; a quoted name is a phrase within one name), and one exact
    // boolean term per canonical name for filters, facets and the entity browser.
    Field{"person", "XP", FieldKind::kFreeText, FieldSource::kPeople},
    Field{"place", "XL", FieldKind::kFreeText, FieldSource::kPlaces},
    Field{"org", "XO", FieldKind::kFreeText, FieldSource::kOrganizations},
    Field{"topic", "XT", FieldKind::kFreeText, FieldSource::kTopics},
    Field{"", "XPERSON", FieldKind::kBoolean, FieldSource::kPeople},
    Field{"", "XPLACE", FieldKind::kBoolean, FieldSource::kPlaces},
    Field{"", "XORG", FieldKind::kBoolean, FieldSource::kOrganizations},
    Field{"", "XTOPIC", FieldKind::kBoolean, FieldSource::kTopics},
};

constexpr std::array kFacets = {
    Facet{"people", "person", FieldSource::kPeople, kSlotFacetsBegin},
    Facet{"places", "place", FieldSource::kPlaces, kSlotFacetsBegin + kFacetSlots},
    Facet{"organizations", "org", FieldSource::kOrganizations, kSlotFacetsBegin + 2 * kFacetSlots},
    Facet{"topics", "topic", FieldSource::kTopics, kSlotFacetsBegin + 3 * kFacetSlots},
};
static_assert(kSlotFacetPack == kSlotFacetsBegin + kFacets.size() * kFacetSlots,
              "the facet pack slot follows the facet slots");

// `head` + `value`, made to fit Xapian's term limit: a value too long to fit keeps a
// readable start and ends in a hash of the whole value, so that it stays unique and a
// query for the same value builds the same term. Every term built from a value of the
// article (a path, a source, a name) goes through here, so no value can end a run.
std::string fitted_term(std::string_view head, std::string_view value) {
  std::string term(head);
  if (head.size() + value.size() <= kMaxTermBytes) {
    term += value;
    return term;
  }
  constexpr std::size_t kHashBytes = 17;  // '#' and 16 hex digits
  std::size_t keep = kMaxTermBytes - std::min(head.size(), kMaxTermBytes - kHashBytes) - kHashBytes;
  keep = std::min(keep, value.size());
  // Cut on a UTF-8 character boundary so the term stays valid text.
  while (keep > 0 && (static_cast<unsigned char>(value[keep]) & 0xC0) == 0x80) --keep;
  char hash[kHashBytes + 1];
  std::snprintf(hash, sizeof hash, "#%016llx", static_cast<unsigned long long>(fnv1a_64(value)));
  term.resize(std::min(term.size(), kMaxTermBytes - kHashBytes));
  term += value.substr(0, keep);
  term += hash;
  return term;
}

}  // namespace

std::span<const Field> schema_fields() { return kFields; }

const Field& field_by_name(std::string_view name) {
  for (const Field& field : kFields) {
    if (!name.empty() && field.name == name) return field;
  }
  throw std::out_of_range("no field named '" + std::string(name) + "'");
}

std::span<const Facet> schema_facets() { return kFacets; }

bool field_takes_exact_value(std::string_view name) {
  if (name == kDateFieldName) return true;
  for (const Field& field : kFields) {
    if (!field.name.empty() && field.name == name) return field.kind == FieldKind::kBoolean;
  }
  return false;
}

std::string boolean_term(const Field& field, std::string_view value) {
  std::string folded;
  if (field.fold_case) {
    folded = ascii_lower(value);
    value = folded;
  }
  std::string head(field.prefix);
  bool needs_colon = field.prefix.size() > 1 && !value.empty() &&
                     ((value[0] >= 'A' && value[0] <= 'Z') || value[0] == ':');
  if (needs_colon) head += ':';
  return fitted_term(head, value);
}

std::string boolean_term_value(const Field& field, std::string_view term) {
  std::size_t start = std::min(field.prefix.size(), term.size());
  if (start < term.size() && term[start] == ':' && field.prefix.size() > 1) ++start;
  return std::string(term.substr(start));
}

std::string id_term(std::string_view article_id) { return fitted_term("Q", article_id); }

Xapian::Stem make_stemmer() { return Xapian::Stem(std::string(kStemLanguage)); }

void write_schema_metadata(Xapian::WritableDatabase& db) {
  db.set_metadata(std::string(kMetaSchemaVersion), std::to_string(kSchemaVersion));
  db.set_metadata(std::string(kMetaStemLanguage), std::string(kStemLanguage));
}

void check_schema_metadata(const Xapian::Database& db, const std::string& db_path) {
  std::string version = db.get_metadata(std::string(kMetaSchemaVersion));
  if (version.empty()) {
    if (db.get_doccount() == 0) return;  // a new, empty index
    throw IndexError(db_path + " is not a newsdex index (no schema version in its metadata)");
  }
  if (version != std::to_string(kSchemaVersion)) {
    throw IndexError(db_path + " was built with newsdex schema " + version +
                     ", this newsdex reads schema " + std::to_string(kSchemaVersion) +
                     ": rebuild it with newsdex-index --full");
  }
  std::string language = db.get_metadata(std::string(kMetaStemLanguage));
  if (language != kStemLanguage) {
    throw IndexError(db_path + " was built with stemmer '" + language + "', expected '" +
                     std::string(kStemLanguage) + "': rebuild it with newsdex-index --full");
  }
}

}  // namespace newsdex
