// The facet pack: all facet values of one article in a single value slot
// (kSlotFacetPack), so that counting facets reads one value per match instead of one
// per facet slot. The per-slot values stay too: Xapian's stock ValueCountMatchSpy
// counts them on remote shards, which cannot run newsdex's own spy.
//
// Layout: a version byte, then per value its facet's index in schema_facets() (one
// byte), the low 32 bits of fnv1a_64(name) (4 bytes, little-endian: counting then
// hashes nothing), and the name followed by a NUL. Canonical names never contain NUL.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "newsdex/hashing.h"

namespace newsdex {

inline constexpr char kFacetPackVersion = '1';

// The hash of a name stored in the pack.
inline std::uint32_t facet_name_hash(std::string_view name) {
  return static_cast<std::uint32_t>(fnv1a_64(name));
}

class FacetPackWriter {
 public:
  void add(unsigned facet_index, std::string_view name);
  // The pack; never empty (the version byte marks an article with no facet values too,
  // so a database where every article has a pack can be counted from packs alone).
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_{kFacetPackVersion};
};

// One value read back from a pack.
struct PackedFacetValue {
  unsigned facet_index;
  std::uint32_t hash;  // facet_name_hash(name)
  std::string_view name;
};

// Calls visit(PackedFacetValue) for each value of `pack` in order. Returns false,
// visiting nothing, when `pack` is not a pack of this version; stops at a truncated
// entry.
template <class Visit>
bool for_each_packed_facet_value(std::string_view pack, Visit&& visit) {
  if (pack.empty() || pack.front() != kFacetPackVersion) return false;
  constexpr std::size_t kHeader = 1 + 4;  // facet index, hash
  std::size_t pos = 1;
  while (pos + kHeader < pack.size()) {
    std::size_t end = pack.find('\0', pos + kHeader);
    if (end == std::string_view::npos) break;
    std::uint32_t hash = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      hash |= std::uint32_t{static_cast<unsigned char>(pack[pos + 1 + i])} << (8 * i);
    }
    visit(PackedFacetValue{static_cast<unsigned char>(pack[pos]), hash,
                           pack.substr(pos + kHeader, end - pos - kHeader)});
    pos = end + 1;
  }
  return true;
}

}  // namespace newsdex
