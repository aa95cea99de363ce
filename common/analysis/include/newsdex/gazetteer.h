// Gazetteer lookups for the entity tagger: is a word or a run of words a known place, a
// given name or a family name. The lists are common/data/places.tsv, given_names.txt and
// family_names.txt (see common/data/ATTRIBUTION.md), compiled into the library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

enum PlaceKind : std::uint8_t {
  kPlaceCountry = 1,
  kPlaceSubdivision = 2,  // ISO 3166-2: states, provinces, regions of a country
  kPlaceCity = 4,         // GeoNames populated places
  kPlaceRegion = 8,       // continents, seas, regions such as "Middle East", "West Bank"
};

// The form names are matched in: name_key() (newsdex/name_fold.h), which the search
// tool uses too.
std::string gazetteer_key(std::string_view text);

// Immutable after construction, so one object serves every thread. Lookups never
// allocate.
class Gazetteer {
 public:
  // The lists compiled into the library, parsed on first use (a function-local static,
  // so the first call from any thread is safe). Never destroyed.
  static const Gazetteer& instance();

  // Parses lists in the formats of common/data: `places` has lines "name<TAB>kinds", kinds
  // a comma list of country, subdivision, city, region; the name lists have one name a
  // line. Lines without a known kind are skipped, and so are names longer than 256 bytes
  // once folded. Names that fold to one key are merged: kinds OR-ed, the first spelling
  // kept. Spellings are views into `places`, which must outlive the object (the
  // compiled-in data lives as long as the program). Throws std::length_error when
  // `places` is 4 GiB or more, std::bad_alloc when memory runs out.
  Gazetteer(std::string_view places, std::string_view given_names, std::string_view family_names);
  Gazetteer(const Gazetteer&) = delete;  // megabytes of tables: share one object instead
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
  // Both at the cost of one lookup.
  struct NameKinds {
    bool given = false;
    bool family = false;
  };
  NameKinds name_kinds(std::string_view word) const;

  // Most words in any place name: a caller trying spans of words need not try longer.
  std::size_t longest_place_words() const { return longest_place_words_; }

  std::size_t place_count() const { return place_count_; }
  std::size_t given_name_count() const { return given_name_count_; }
  std::size_t family_name_count() const { return family_name_count_; }

 private:
  // Both tables are open-addressing hash tables with linear probing, sized once to a power
  // of two at least 4/3 of the lines read (so at most 3/4 full, and never full), and
  // indexed by the top bits of a 64-bit hash of the folded key. A slot is that hash with
  // its lowest bits replaced by the entry's payload, which is never 0, so 0 marks an
  // empty slot. Keys themselves are not kept: entries are told apart by the rest of the
  // hash, 60 or 62 bits. With about 150,000 keys in a table the odds that two distinct
  // ones share those bits are about n^2 / 2^61 ~ 1e-8, and those of an unknown word
  // matching a stored key about n / 2^60 ~ 1e-13 a lookup.

  // A place's payload is its kinds, 4 bits.
  static constexpr std::uint64_t kKindBits = 0xF;
  // A name's payload is kGivenBit | kFamilyBit, as the lists have it.
  static constexpr std::uint64_t kGivenBit = 1;
  static constexpr std::uint64_t kFamilyBit = 2;
  static constexpr std::uint64_t kNameBits = kGivenBit | kFamilyBit;
  static constexpr std::size_t kNoSlot = ~std::size_t{0};

  // Folds `text` into a stack buffer and returns the key, or "" when no stored key can be
  // that long; `buffer` must hold kMaxKeyBytes.
  std::string_view lookup_key(std::string_view text, char* buffer) const;
  std::size_t find_place(std::string_view name) const;   // its slot, or kNoSlot
  std::uint64_t name_bits(std::string_view word) const;  // kGivenBit | kFamilyBit or 0

  // Keys longer than this are not stored, so lookups never allocate.
  static constexpr std::size_t kMaxKeyBytes = 256;

  std::string_view places_text_;          // where spellings_ point
  std::vector<std::uint64_t> places_;     // hash | kinds
  std::vector<std::uint32_t> spellings_;  // of places_[i]: offset of its line in places_text_
  std::vector<std::uint64_t> names_;      // hash | kGivenBit | kFamilyBit
  int places_shift_ = 0;                  // 64 - log2(places_.size()): hash >> shift is a slot
  int names_shift_ = 0;
  std::size_t place_count_ = 0;
  std::size_t given_name_count_ = 0;
  std::size_t family_name_count_ = 0;
  std::size_t longest_key_bytes_ = 0;
  std::size_t longest_place_words_ = 0;
};

}  // namespace newsdex
