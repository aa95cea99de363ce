#include "newsdex/gazetteer.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "newsdex/embedded_data.h"
#include "newsdex/name_fold.h"
#include "newsdex/text_decoding.h"

namespace newsdex {
namespace {

using namespace name_fold;

// What scan_name() found.
struct ScannedName {
  std::size_t end;         // where the name ends in the text: a '\n', a tab or the end
  std::size_t key_length;  // of its fold; more than kMaxKeyBytes when too long to store
  std::size_t spaces;      // in the name
};

// How far scan_name() may write past kMaxKeyBytes + 1: a word of eight bytes.
constexpr std::size_t kScanSlack = 16;

// Folds the name at `text[start]`, up to the end of its line or, when `tab_ends_name`, a
// tab, into `out`, which holds max_key_bytes + kScanSlack bytes, in the same pass that
// finds where it ends: eight bytes at a time while they are ASCII without an apostrophe,
// so the lists are read about once. A trailing '\r' is the caller's to drop.
ScannedName scan_name(std::string_view text, std::size_t start, bool tab_ends_name,
                      std::size_t max_key_bytes, char* out) {
  const std::uint64_t tab_matters = tab_ends_name ? ~std::uint64_t{0} : 0;
  std::size_t i = start;
  std::size_t length = 0;
  std::size_t spaces = 0;
  auto put = [&](char c) { out[length++] = c; };  // at most 4 bytes past max_key_bytes + 1
  while (length <= max_key_bytes + 1) {
    if (i + 8 <= text.size()) {
      std::uint64_t word = load_word(text.data() + i);
      std::uint64_t stops = (word & kHighBits) | match_first(word, '\n') | match_first(word, '\'') |
                            (match_first(word, '\t') & tab_matters);
      store_word(out + length, ascii_lower(word & ~kHighBits));  // bytes past a stop: junk
      std::uint64_t blanks = match_all(word, ' ');
      if (stops == 0) {
        spaces += count_marked(blanks);
        i += 8;
        length += 8;
        continue;
      }
      std::size_t plain = static_cast<std::size_t>(std::countr_zero(stops)) / 8;  // 0..7
      spaces += count_marked(blanks & ((std::uint64_t{1} << (8 * plain)) - 1));
      i += plain;
      length += plain;
    }
    if (i == text.size() || text[i] == '\n' || (tab_ends_name && text[i] == '\t')) {
      return {i, length, spaces};
    }
    if (text[i] == ' ') ++spaces;
    i += fold_char(text, i, put);
  }
  // Too long to store: only where it ends still matters.
  while (i < text.size() && text[i] != '\n' && !(tab_ends_name && text[i] == '\t')) ++i;
  return {i, length, spaces};
}

std::uint8_t parse_kinds(std::string_view list) {
  std::uint8_t kinds = 0;
  while (!list.empty()) {
    std::size_t comma = list.find(',');
    std::string_view kind = list.substr(0, comma);
    if (kind == "country") kinds |= kPlaceCountry;
    if (kind == "subdivision") kinds |= kPlaceSubdivision;
    if (kind == "city") kinds |= kPlaceCity;
    if (kind == "region") kinds |= kPlaceRegion;
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return kinds;
}

// 1 + the number of '\n' in `text`, eight bytes at a time: the compilers' vector loops
// for std::count widen every byte to a 64-bit lane and end up slower.
std::size_t count_lines(std::string_view text) {
  std::size_t lines = 1;
  std::size_t i = 0;
  while (i + 8 <= text.size()) {
    // Up to 255 words summed a byte lane each before the lanes can overflow.
    std::uint64_t lanes = 0;
    for (std::size_t words = 0; words < 255 && i + 8 <= text.size(); ++words, i += 8) {
      lanes += match_all(load_word(text.data() + i), '\n') >> 7;
    }
    constexpr std::uint64_t kEvenBytes = 0x00FF00FF00FF00FF;
    std::uint64_t pairs = (lanes & kEvenBytes) + ((lanes >> 8) & kEvenBytes);  // 16-bit lanes
    lines += static_cast<std::size_t>((pairs * 0x0001000100010001) >> 48);
  }
  for (; i < text.size(); ++i) lines += text[i] == '\n' ? 1u : 0u;
  return lines;
}

// A power-of-two number of slots for up to `entries` keys, at most 3/4 of them used, and
// at least two so that the shift of slot_shift() stays below 64.
std::size_t table_size(std::size_t entries) {
  return std::bit_ceil(std::max<std::size_t>(entries + entries / 3 + 1, 2));
}

int slot_shift(std::size_t table_size) { return 64 - std::countr_zero(table_size); }

// The hash of a folded key, after wyhash (Wang Yi, public domain): 64-bit words mixed by
// the high and low halves of their 128-bit product. Only compared within one process, so
// the byte order of the loads does not matter.
void multiply(std::uint64_t& a, std::uint64_t& b) {  // a, b = low, high half of a * b
  __extension__ using Product = unsigned __int128;
  Product product = static_cast<Product>(a) * b;
  a = static_cast<std::uint64_t>(product);
  b = static_cast<std::uint64_t>(product >> 64);
}

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  multiply(a, b);
  return a ^ b;
}

std::uint64_t load64(const char* p) {
  std::uint64_t value;
  std::memcpy(&value, p, sizeof value);
  return value;
}

std::uint64_t load32(const char* p) {
  std::uint32_t value;
  std::memcpy(&value, p, sizeof value);
  return value;
}

std::uint64_t key_hash(std::string_view key) {
  constexpr std::uint64_t kSecret0 = 0xa0761d6478bd642f;
  constexpr std::uint64_t kSecret1 = 0xe7037ed1a0b428db;
  constexpr std::uint64_t kSecret2 = 0x8ebc6af09c88c6e3;
  const char* p = key.data();
  std::size_t n = key.size();
  std::uint64_t seed = kSecret2;
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  if (n > 16) {
    std::size_t left = n;
    for (; left > 16; left -= 16, p += 16) seed = mix(load64(p) ^ kSecret1, load64(p + 8) ^ seed);
    a = load64(p + left - 16);  // the last 16 bytes, overlapping the words before if need be
    b = load64(p + left - 8);
  } else if (n >= 4) {
    std::size_t step = (n >> 3) << 2;  // 0 or 4: four overlapping words cover 4..16 bytes
    a = (load32(p) << 32) | load32(p + step);
    b = (load32(p + n - 4) << 32) | load32(p + n - 4 - step);
  } else if (n > 0) {
    auto byte = [&](std::size_t k) {
      return static_cast<std::uint64_t>(static_cast<unsigned char>(p[k]));
    };
    a = (byte(0) << 16) | (byte(n >> 1) << 8) | byte(n - 1);
  }
  a ^= kSecret1;
  b ^= seed;
  multiply(a, b);
  return mix(a ^ kSecret0 ^ n, b ^ kSecret1);
}

// A line "name<TAB>kinds" of the places list, read: the hash of its folded name, where
// the name starts (its spelling), its words and its kinds.
struct PendingPlace {
  std::uint64_t hash;
  std::uint32_t spelling;  // offset of the name in the places list
  std::uint32_t words;
  std::uint64_t kinds;
};

// What read_kinds() found.
struct KindsOnLine {
  std::uint8_t kinds;    // 0 when the line lists none
  std::size_t line_end;  // its '\n', or the end of the list
};

// The kinds after the tab that ends a name at `name_end` in `places`, and where that line
// ends. Most lines list just "city", which is matched without parsing.
KindsOnLine read_kinds(std::string_view places, std::size_t name_end) {
  if (name_end >= places.size() || places[name_end] != '\t') return {0, name_end};
  const char* list = places.data() + name_end + 1;
  if (places.size() - name_end > 5 && std::memcmp(list, "city\n", 5) == 0) {
    return {kPlaceCity, name_end + 5};
  }
  std::size_t line_end = std::min(places.find('\n', name_end), places.size());
  std::string_view kind_list = places.substr(name_end + 1, line_end - name_end - 1);
  if (!kind_list.empty() && kind_list.back() == '\r') kind_list.remove_suffix(1);
  return {parse_kinds(kind_list), line_end};
}

// Calls visit(PendingPlace) for each line of `places` that lists a kind and whose name
// folds to 1..max_key_bytes bytes, in order, and returns the longest such fold. `buffer`
// holds max_key_bytes + kScanSlack bytes.
template <typename Visit>
std::size_t for_each_place(std::string_view places, std::size_t max_key_bytes, char* buffer,
                           Visit visit) {
  std::size_t longest_key = 0;
  for (std::size_t start = 0; start < places.size();) {
    ScannedName name = scan_name(places, start, true, max_key_bytes, buffer);
    KindsOnLine kinds = read_kinds(places, name.end);
    std::size_t name_start = start;
    start = kinds.line_end + 1;
    if (kinds.kinds == 0 || name.key_length == 0 || name.key_length > max_key_bytes) continue;
    longest_key = std::max(longest_key, name.key_length);
    std::uint64_t hash = key_hash(std::string_view(buffer, name.key_length));
    visit(PendingPlace{hash, static_cast<std::uint32_t>(name_start),
                       static_cast<std::uint32_t>(name.spaces + 1), kinds.kinds});
  }
  return longest_key;
}

// Calls visit(hash of the fold) for each line of `names`, one name a line, whose name
// folds to 1..max_key_bytes bytes, in order, and returns the longest such fold. `buffer`
// holds max_key_bytes + kScanSlack bytes.
template <typename Visit>
std::size_t for_each_name(std::string_view names, std::size_t max_key_bytes, char* buffer,
                          Visit visit) {
  std::size_t longest_key = 0;
  for (std::size_t start = 0; start < names.size();) {
    ScannedName name = scan_name(names, start, false, max_key_bytes, buffer);
    start = name.end + 1;
    std::size_t length = name.key_length;
    if (length > 0 && names[name.end - 1] == '\r') --length;  // the fold keeps '\r' as is
    if (length == 0 || length > max_key_bytes) continue;
    longest_key = std::max(longest_key, length);
    visit(key_hash(std::string_view(buffer, length)));
  }
  return longest_key;
}

// Holds the last kDepth items pushed and hands each to `insert` kDepth pushes later (the
// rest at drain()), in the order pushed. Filling a table of megabytes from a stream of
// keys, the caller prefetches an item's slot when pushing it, so that the slot is in
// cache by the time the item is inserted.
template <typename Item, std::size_t kDepth>
class Delay {
 public:
  template <typename InsertFn>
  void push(const Item& item, InsertFn insert) {
    if (size_ < kDepth) {
      items_[size_++] = item;
      return;
    }
    insert(items_[next_]);
    items_[next_] = item;
    next_ = (next_ + 1) % kDepth;
  }

  template <typename InsertFn>
  void drain(InsertFn insert) {
    for (std::size_t k = 0; k < size_; ++k) insert(items_[(next_ + k) % kDepth]);
    size_ = next_ = 0;
  }

 private:
  Item items_[kDepth];
  std::size_t size_ = 0;
  std::size_t next_ = 0;
};

}  // namespace

std::string gazetteer_key(std::string_view text) { return name_key(text); }

const Gazetteer& Gazetteer::instance() {
  // Allocated once and never deleted: the tables are freed with the process anyway, and a
  // static object's destructor would only spend time at exit (and could run while another
  // thread still looks names up).
  static const Gazetteer* const gazetteer =
      new Gazetteer(embedded::places(), embedded::given_names(), embedded::family_names());
  return *gazetteer;
}

Gazetteer::Gazetteer(std::string_view places, std::string_view given_names,
                     std::string_view family_names)
    : places_text_(places),
      places_(table_size(count_lines(places))),
      spellings_(places_.size()),
      names_(table_size(count_lines(given_names) + count_lines(family_names))),
      places_shift_(slot_shift(places_.size())),
      names_shift_(slot_shift(names_.size())) {
  if (places.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("gazetteer: places list of 4 GiB or more");
  }
  char buffer[kMaxKeyBytes + kScanSlack];

  // Each place read is inserted a few lines later (see Delay).
  const std::size_t places_mask = places_.size() - 1;
  auto insert_place = [&](const PendingPlace& place) {
    std::uint64_t tag = place.hash & ~kKindBits;
    std::size_t i = place.hash >> places_shift_;
    for (; places_[i] != 0; i = (i + 1) & places_mask) {
      if ((places_[i] & ~kKindBits) == tag) {
        places_[i] |= place.kinds;  // the first spelling stays
        return;
      }
    }
    places_[i] = tag | place.kinds;
    spellings_[i] = place.spelling;
    ++place_count_;
    if (place.words > longest_place_words_) longest_place_words_ = place.words;
  };
  Delay<PendingPlace, 16> pending_places;
  std::size_t longest_key =
      for_each_place(places, kMaxKeyBytes, buffer, [&](const PendingPlace& place) {
        __builtin_prefetch(&places_[place.hash >> places_shift_]);
        __builtin_prefetch(&spellings_[place.hash >> places_shift_]);
        pending_places.push(place, insert_place);
      });
  pending_places.drain(insert_place);

  // One name a line; given and family names share a table, a bit each.
  struct PendingName {
    std::uint64_t hash;
    std::uint64_t bit;
  };
  const std::size_t names_mask = names_.size() - 1;
  auto insert_name = [&](const PendingName& name) {
    std::uint64_t tag = name.hash & ~kNameBits;
    std::size_t i = name.hash >> names_shift_;
    for (; names_[i] != 0; i = (i + 1) & names_mask) {
      if ((names_[i] & ~kNameBits) == tag) break;
    }
    if ((names_[i] & name.bit) != 0) return;
    names_[i] |= tag | name.bit;
    if (name.bit == kGivenBit) {
      ++given_name_count_;
    } else {
      ++family_name_count_;
    }
  };
  Delay<PendingName, 16> pending_names;
  auto load_names = [&](std::string_view text, std::uint64_t bit) {
    return for_each_name(text, kMaxKeyBytes, buffer, [&](std::uint64_t hash) {
      __builtin_prefetch(&names_[hash >> names_shift_]);
      pending_names.push(PendingName{hash, bit}, insert_name);
    });
  };
  longest_key = std::max(longest_key, load_names(given_names, kGivenBit));
  longest_key = std::max(longest_key, load_names(family_names, kFamilyBit));
  pending_names.drain(insert_name);
  longest_key_bytes_ = longest_key;
}

std::string_view Gazetteer::lookup_key(std::string_view text, char* buffer) const {
  std::size_t length = fold_into(text, buffer, longest_key_bytes_);  // <= kMaxKeyBytes
  return length > longest_key_bytes_ ? std::string_view() : std::string_view(buffer, length);
}

std::size_t Gazetteer::find_place(std::string_view name) const {
  char buffer[kMaxKeyBytes];
  std::string_view key = lookup_key(name, buffer);
  if (key.empty()) return kNoSlot;
  std::uint64_t hash = key_hash(key);
  std::uint64_t tag = hash & ~kKindBits;
  const std::size_t mask = places_.size() - 1;
  for (std::size_t i = hash >> places_shift_;; i = (i + 1) & mask) {
    std::uint64_t slot = places_[i];
    if (slot == 0) return kNoSlot;
    if ((slot & ~kKindBits) == tag) return i;
  }
}

std::uint64_t Gazetteer::name_bits(std::string_view word) const {
  char buffer[kMaxKeyBytes];
  std::string_view key = lookup_key(word, buffer);
  if (key.empty()) return 0;
  std::uint64_t hash = key_hash(key);
  std::uint64_t tag = hash & ~kNameBits;
  const std::size_t mask = names_.size() - 1;
  for (std::size_t i = hash >> names_shift_;; i = (i + 1) & mask) {
    std::uint64_t slot = names_[i];
    if (slot == 0) return 0;
    if ((slot & ~kNameBits) == tag) return slot & kNameBits;
  }
}

std::uint8_t Gazetteer::place_kinds(std::string_view name) const {
  std::size_t slot = find_place(name);
  return slot == kNoSlot ? 0 : static_cast<std::uint8_t>(places_[slot] & kKindBits);
}

std::string_view Gazetteer::place_spelling(std::string_view name) const {
  std::size_t slot = find_place(name);
  if (slot == kNoSlot) return {};
  std::string_view line = places_text_.substr(spellings_[slot]);
  return line.substr(0, line.find('\t'));  // stored names all end at a tab
}

bool Gazetteer::is_given_name(std::string_view word) const {
  return (name_bits(word) & kGivenBit) != 0;
}

bool Gazetteer::is_family_name(std::string_view word) const {
  return (name_bits(word) & kFamilyBit) != 0;
}

Gazetteer::NameKinds Gazetteer::name_kinds(std::string_view word) const {
  std::uint64_t bits = name_bits(word);
  return {(bits & kGivenBit) != 0, (bits & kFamilyBit) != 0};
}

}  // namespace newsdex
