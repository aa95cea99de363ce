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
  if (slot->entry != 0) return entries_[slot->entry - 1].stem;
  if (2 * (entries_.size() + 1) > slots_.size()) {
    grow();
    slot = find(hash, word);
  }
  entries_.push_back({word, stemmer_(word)});
  *slot = {hash, static_cast<std::uint32_t>(entries_.size())};
  return entries_.back().stem;
}

CachingStemmer::Slot* CachingStemmer::find(std::uint64_t hash, const std::string& word) {
  const std::size_t mask = slots_.size() - 1;
  // FNV-1a's high bits are the well mixed ones.
  for (std::size_t i = (hash >> 32) & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.entry == 0 || (slot.hash == hash && entries_[slot.entry - 1].word == word))
      return &slot;
  }
}

void CachingStemmer::grow() {
  if (slots_.size() >= kMaxSlots) {  // full at the largest size: start afresh
    slots_.assign(kMinSlots, Slot{});
    entries_.clear();
    return;
  }
  std::vector<Slot> old(2 * slots_.size());
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.entry == 0) continue;
    std::size_t i = (slot.hash >> 32) & mask;
    while (slots_[i].entry != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

Xapian::Stem with_stem_cache(Xapian::Stem stemmer) {
  return Xapian::Stem(new CachingStemmer(std::move(stemmer)));
}

}  // namespace newsdex
