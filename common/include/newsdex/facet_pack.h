// The facet pack: all facet values of one article in a single value slot
// (kSlotFacetPack), so that counting facets reads one value per match instead of one
// per facet slot. The per-slot values stay too: Xapian's stock ValueCountMatchSpy
// counts them on remote shards, which cannot run newsdex's own spy.
//
// Layout: a version byte, then per value its facet's index in schema_facets() (one
// byte) and the name followed by a NUL. Canonical names never contain NUL.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

inline constexpr char kFacetPackVersion = '1';

class FacetPackWriter {
 public:
  void add(unsigned facet_index, std::string_view name);
  // The pack; never empty (the version byte marks an article with no facet values too,
  // so a database where every article has a pack can be counted from packs alone).
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_{kFacetPackVersion};
};

// Calls visit(facet_index, name) for each value of `pack` in order. Returns false,
// visiting nothing, when `pack` is not a pack of this version; stops at a truncated
// entry.
template <class Visit>
bool for_each_packed_facet_value(std::string_view pack, Visit&& visit) {
  if (pack.empty() || pack.front() != kFacetPackVersion) return false;
  std::size_t pos = 1;
  while (pos + 1 < pack.size()) {
    unsigned facet_index = static_cast<unsigned char>(pack[pos]);
    std::size_t end = pack.find('\0', pos + 1);
    if (end == std::string_view::npos) break;
    visit(facet_index, pack.substr(pos + 1, end - pos - 1));
    pos = end + 1;
  }
  return true;
}

}  // namespace newsdex
