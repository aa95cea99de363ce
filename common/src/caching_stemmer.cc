#include "newsdex/caching_stemmer.h"

#include <string_view>
#include <utility>

#include "newsdex/hashing.h"

namespace newsdex {

namespace {

// Xapian::Stem describes itself as "Xapian::Stem(" + its implementation's description +
// ")": the inner part is what an implementation reports.
std::string implementation_description(const Xapian::Stem& stemmer) {
  constexpr std::string_view kWrapperStart = "Xapian::Stem(";
  std::string description = stemmer.get_description();
  if (description.size() > kWrapperStart.size() && description.back() == ')' &&
      description.compare(0, kWrapperStart.size(), kWrapperStart) == 0) {
    return description.substr(kWrapperStart.size(), description.size() - kWrapperStart.size() - 1);
  }
  return description;
}

}  // namespace

CachingStemmer::CachingStemmer(Xapian::Stem stemmer)
    : stemmer_(std::move(stemmer)),
      description_(implementation_description(stemmer_)),
      slots_(kMinSlots) {}

std::string CachingStemmer::operator()(const std::string& word) {
  std::uint64_t hash = fnv1a_64(word);
  Slot* slot = find(hash, word);
  if (slot->used) return slot->stem;
  if (2 * (used_ + 1) > slots_.size()) {
    grow();
    slot = find(hash, word);
  }
  *slot = {hash, true, word, stemmer_(word)};
  ++used_;
  return slot->stem;
}

CachingStemmer::Slot* CachingStemmer::find(std::uint64_t hash, const std::string& word) {
  const std::size_t mask = slots_.size() - 1;
  // FNV-1a's high bits are the well mixed ones.
  for (std::size_t i = (hash >> 32) & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (!slot.used || (slot.hash == hash && slot.word == word)) return &slot;
  }
}

void CachingStemmer::grow() {
  std::vector<Slot> old(slots_.size() < kMaxSlots ? 2 * slots_.size() : kMinSlots);
  old.swap(slots_);
  used_ = 0;
  if (slots_.size() < old.size()) return;  // full at the largest size: start afresh
  for (Slot& slot : old) {
    if (!slot.used) continue;
    *find(slot.hash, slot.word) = std::move(slot);
    ++used_;
  }
}

Xapian::Stem with_stem_cache(Xapian::Stem stemmer) {
  return Xapian::Stem(new CachingStemmer(std::move(stemmer)));
}

}  // namespace newsdex
