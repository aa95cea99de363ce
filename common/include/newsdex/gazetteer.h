// Gazetteer lookups for the entity tagger: is a word or a run of words a known place, a
// given name or a family name. The lists are common/data/places.tsv, given_names.txt and
// family_names.txt (see common/data/ATTRIBUTION.md), compiled into the library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace newsdex {

enum PlaceKind : std::uint8_t {
  kPlaceCountry = 1,
  kPlaceSubdivision = 2,  // ISO 3166-2: states, provinces, regions of a country
  kPlaceCity = 4,         // GeoNames populated places
  kPlaceRegion = 8,       // continents, seas, regions such as "Middle East", "West Bank"
};

// The form names are matched in: ASCII and Latin letters lower-cased and stripped of
// diacritics ("São Paulo" -> "sao paulo", "Łódź" -> "lodz", "ß" -> "ss"), apostrophes and
// combining marks dropped ("Côte d’Ivoire" -> "cote divoire"); other characters kept.
// Never longer than `text`. Never throws except std::bad_alloc.
std::string gazetteer_key(std::string_view text);

// Immutable after construction, so one object serves every thread.
class Gazetteer {
 public:
  // The lists compiled into the library, parsed on first use (a function-local static,
  // so the first call from any thread is safe).
  static const Gazetteer& instance();

  // Parses lists in the formats of common/data: `places` has lines "name<TAB>kinds", kinds
  // a comma list of country, subdivision, city, region; the name lists have one name a
  // line. Lines without a known kind are skipped. Names that fold to one key are merged:
  // kinds OR-ed, the first spelling kept. Spellings are views into `places`, which must
  // outlive the object (the compiled-in data lives as long as the program).
  Gazetteer(std::string_view places, std::string_view given_names, std::string_view family_names);
  Gazetteer(const Gazetteer&) = delete;  // the maps hold views into key_bytes_
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Bitmask of PlaceKind for a name as written in text, in any case and with or without
  // diacritics ("SAUDI ARABIA", "saudi arabia", "Rafah" for GeoNames' "Rafaḩ"); 0 when
  // not a known place. Words of a multi-word name are joined by single spaces.
  std::uint8_t place_kinds(std::string_view name) const;

  // The name as the gazetteer writes it ("Saudi Arabia" for "SAUDI ARABIA"), or "" when
  // unknown. Because matching ignores diacritics this may add some ("São Paulo" for
  // "SAO PAULO").
  std::string_view place_spelling(std::string_view name) const;

  bool is_given_name(std::string_view word) const;   // any case, any diacritics
  bool is_family_name(std::string_view word) const;  // any case, any diacritics

  // Most words in any place name: a caller trying spans of words need not try longer.
  std::size_t longest_place_words() const { return longest_place_words_; }

  std::size_t place_count() const { return places_.size(); }
  std::size_t given_name_count() const { return given_names_.size(); }
  std::size_t family_name_count() const { return family_names_.size(); }

 private:
  struct Place {
    std::string_view spelling;
    std::uint8_t kinds = 0;
  };

  // Folds `text` into a stack buffer and returns the key, or "" when no stored key can be
  // that long; `buffer` must hold kMaxKeyBytes.
  std::string_view lookup_key(std::string_view text, char* buffer) const;
  const Place* find_place(std::string_view name) const;

  // Keys longer than this are not stored, so lookups never allocate.
  static constexpr std::size_t kMaxKeyBytes = 256;

  std::unique_ptr<char[]> key_bytes_;  // every folded key, back to back; never resized
  std::unordered_map<std::string_view, Place> places_;
  std::unordered_set<std::string_view> given_names_;
  std::unordered_set<std::string_view> family_names_;
  std::size_t longest_key_bytes_ = 0;
  std::size_t longest_place_words_ = 0;
};

}  // namespace newsdex
