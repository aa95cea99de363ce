// The fold of names that the index and the search tool compare by (gazetteer places,
// entity names, query words naming an entity): lower case, Latin letters without their
// diacritics ("São Paulo" -> "sao paulo", "Łódź" -> "lodz", "ß" -> "ss"), apostrophes and
// combining marks dropped ("Côte d’Ivoire" -> "cote divoire"); other characters kept.
// The one definition of that fold; the gazetteer reads its lists through the same pieces
// (fold_char, and the eight-bytes-at-a-time helpers) to fold them as fast as it can.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "newsdex/utf8.h"

namespace newsdex {

// The fold of `text`. Never longer than `text`. Never throws except std::bad_alloc.
std::string name_key(std::string_view text);

namespace name_fold {

// The ASCII fold of each code point of U+00C0..U+024F and U+1E00..U+1EFF (Latin-1 to
// Latin Extended-B, and Latin Extended Additional, where GeoNames' transliterations and
// Vietnamese live), two bytes each: one or two letters padded with a space, or two spaces
// to keep the character as it is. Printed by
// `common/data/regenerate/build_gazetteers.py --fold-table`, whose fold() merges the
// spellings of the data files in the same way; regenerate both together.
inline constexpr std::string_view kFoldLatin =
    "a a a a a a aec e e e e i i i i d n o o o o o   o u u u u y thss"
    "a a a a a a aec e e e e i i i i d n o o o o o   o u u u u y thy "
    "a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g "
    "g g g g h h h h i i i i i i i i i i ijijj j k k k l l l l l l l "
    "l l l n n n n n n n n n o o o o o o oeoer r r r r r s s s s s s "
    "s s t t t t t t u u u u u u u u u u u u w w y y y z z z z z z s "
    "                                                                "
    "o o                           u u                               "
    "        dzdzdzljljljnjnjnja a i i o o u u u u u u u u u u   a a "
    "a a         g g k k o o o o     j dzdzdzg g     n n a a         "
    "a a a a e e e e i i i i o o o o r r r r u u u u s s t t     h h "
    "            a a e e o o o o o o o o y y                         "
    "                                ";
inline constexpr char32_t kFoldLatinFirst = 0x00C0;
inline constexpr std::string_view kFoldLatinAdditional =
    "a a b b b b b b c c d d d d d d d d d d e e e e e e e e e e f f "
    "g g h h h h h h h h h h i i i i k k k k k k l l l l l l l l m m "
    "m m m m n n n n n n n n o o o o o o o o p p p p r r r r r r r r "
    "s s s s s s s s s s t t t t t t t t u u u u u u u u u u v v v v "
    "w w w w w w w w w w x x x x y y z z z z z z h t w y a s     ss  "
    "a a a a a a a a a a a a a a a a a a a a a a a a e e e e e e e e "
    "e e e e e e e e i i i i o o o o o o o o o o o o o o o o o o o o "
    "o o o o u u u u u u u u u u u u u u y y y y y y y y             ";
inline constexpr char32_t kFoldLatinAdditionalFirst = 0x1E00;
static_assert(kFoldLatin.size() == 2 * (0x0250 - 0x00C0));
static_assert(kFoldLatinAdditional.size() == 2 * 0x100);

// Apostrophes differ between sources and sites (' ’ ‘ and the modifier letters GeoNames
// writes for ʿayn and hamza), so none of them takes part in a match.
inline bool is_dropped(char32_t code) {
  return code == 0x2018 || code == 0x2019 || code == 0x02BB || code == 0x02BC || code == 0x02BE ||
         code == 0x02BF || (code >= 0x0300 && code < 0x0370);
}

// Words of eight bytes, for the loops that fold and scan eight ASCII bytes at a time.
inline constexpr std::uint64_t kEveryByte = 0x0101010101010101;
inline constexpr std::uint64_t kHighBits = 0x8080808080808080;

// The eight bytes at `p`, the first in the lowest bits whatever the machine's byte order.
inline std::uint64_t load_word(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
  return word;
}

inline void store_word(char* p, std::uint64_t word) {
  if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
  std::memcpy(p, &word, sizeof word);
}

// The high bit of each byte of `word` equal to `byte`, exact up to the first such byte
// (a borrow may mark bytes after it): enough to find where a run of plain bytes ends.
inline std::uint64_t match_first(std::uint64_t word, char byte) {
  std::uint64_t x = word ^ (kEveryByte * static_cast<unsigned char>(byte));
  return (x - kEveryByte) & ~x & kHighBits;
}

// The high bit of every byte of `word` equal to `byte`, exactly.
inline std::uint64_t match_all(std::uint64_t word, char byte) {
  std::uint64_t x = word ^ (kEveryByte * static_cast<unsigned char>(byte));
  return ~(((x & ~kHighBits) + ~kHighBits) | x) & kHighBits;
}

inline std::size_t count_marked(std::uint64_t high_bits) {
  return static_cast<std::size_t>(((high_bits >> 7) * kEveryByte) >> 56);  // at most 8
}

// `word` with A-Z lower-cased, for bytes below 0x80: 0x20 added where 'A' <= byte <= 'Z'
// (the sums cannot carry into the next byte).
inline std::uint64_t ascii_lower(std::uint64_t word) {
  std::uint64_t at_least_a = word + kEveryByte * (0x80 - 'A');
  std::uint64_t above_z = word + kEveryByte * (0x7F - 'Z');
  return word | ((at_least_a & ~above_z & kHighBits) >> 2);
}

// Passes the fold of the character at `text[i]` to `put`, a byte at a time, and returns
// how many bytes of `text` it took. The one definition of the fold, which fold_into() and
// scan_name() speed up for runs of ASCII without apostrophes.
template <typename PutFn>
inline std::size_t fold_char(std::string_view text, std::size_t i, PutFn put) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    if (c != '\'') put(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
    return 1;
  }
  char32_t code = 0;
  std::size_t bytes = decode_utf8_at(text, i, code);
  if (bytes == 0) {
    put(static_cast<char>(c));
    return 1;
  }
  std::string_view cell;
  if (code >= kFoldLatinFirst && code < kFoldLatinFirst + kFoldLatin.size() / 2) {
    cell = kFoldLatin.substr(2 * (code - kFoldLatinFirst), 2);
  } else if (code >= kFoldLatinAdditionalFirst &&
             code < kFoldLatinAdditionalFirst + kFoldLatinAdditional.size() / 2) {
    cell = kFoldLatinAdditional.substr(2 * (code - kFoldLatinAdditionalFirst), 2);
  }
  if (!cell.empty() && cell[0] != ' ') {
    put(cell[0]);
    if (cell[1] != ' ') put(cell[1]);
  } else if (!is_dropped(code)) {
    for (std::size_t k = 0; k < bytes; ++k) put(text[i + k]);
  }
  return bytes;
}

// The fold of gazetteer_key() into `out`, which holds `capacity` bytes; returns the
// length, or capacity + 1 as soon as the key would not fit. The fold never lengthens a
// character, so capacity == text.size() always suffices.
inline std::size_t fold_into(std::string_view text, char* out, std::size_t capacity) {
  std::size_t length = 0;
  auto put = [&](char c) {
    if (length < capacity) out[length] = c;
    ++length;
  };
  for (std::size_t i = 0; i < text.size() && length <= capacity;) {
    if (i + 8 <= text.size() && length + 8 <= capacity) {
      std::uint64_t word = load_word(text.data() + i);
      if (((word & kHighBits) | match_first(word, '\'')) == 0) {
        store_word(out + length, ascii_lower(word));
        i += 8;
        length += 8;
        continue;
      }
    }
    i += fold_char(text, i, put);
  }
  return length <= capacity ? length : capacity + 1;
}

}  // namespace name_fold
}  // namespace newsdex
