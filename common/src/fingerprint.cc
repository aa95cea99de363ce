#include "newsdex/fingerprint.h"

#include "newsdex/hashing.h"

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {
namespace {

// Words per shingle. Three words make a shingle specific to one story (common two-word
// phrases like "the government" would pull unrelated stories together) while one changed
// word still touches only three shingles.
constexpr std::size_t kShingleWords = 3;

// Bytes >= 0x80 count as letters so that UTF-8 words stay whole.
bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

char fold(unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c); }

// The case-folded words of a text, each followed by one space, in one buffer ("the cat
// sat "), with where each word starts; the words [i, i + n) are then one contiguous run
// of bytes, which is what the shingle hash reads.
struct Words {
  std::string bytes;
  std::vector<std::uint32_t> starts;  // one past the last: bytes.size()

  std::size_t count() const { return starts.size() - 1; }
};

Words words_of(std::string_view text) {
  Words words;
  words.bytes.reserve(text.size() + 1);
  words.starts.reserve(text.size() / 4 + 1);
  bool in_word = false;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (is_word_byte(c)) {
      if (!in_word) words.starts.push_back(static_cast<std::uint32_t>(words.bytes.size()));
      words.bytes += fold(c);
      in_word = true;
    } else if (in_word) {
      words.bytes += ' ';
      in_word = false;
    }
  }
  if (in_word) words.bytes += ' ';
  words.starts.push_back(static_cast<std::uint32_t>(words.bytes.size()));
  return words;
}

// FNV-1a spreads bits poorly in the high half; the splitmix64 finaliser makes every output
// bit depend on every input byte, which SimHash needs (each bit is one vote).
std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

// Hash of words [first, first + count), each followed by a space, so ("ab", "c") and
// ("a", "bc") differ; a space never occurs inside a word.
std::uint64_t shingle_hash(const Words& words, std::size_t first, std::size_t count) {
  std::string_view run(words.bytes.data() + words.starts[first],
                       words.starts[first + count] - words.starts[first]);
  return mix(fnv1a_64(run));
}

// Counts, for each of the 64 bits, how many hashes have it set. The counts are kept as
// eight bytes to a word, one word per byte of the hashes, so that one hash costs eight
// additions; the bytes are emptied into the totals before they can overflow.
class BitCounter {
 public:
  void add(std::uint64_t h) {
    for (int k = 0; k < 8; ++k) lanes_[k] += kSpread[(h >> (8 * k)) & 0xFF];
    if (++pending_ == 255) flush();
  }

  // Bit i of the result is set when more than half of the `total` hashes added have it.
  std::uint64_t majority(std::size_t total) {
    flush();
    std::uint64_t result = 0;
    for (int bit = 0; bit < 64; ++bit) {
      if (2 * ones_[bit] > total) result |= std::uint64_t{1} << bit;
    }
    return result;
  }

 private:
  // kSpread[b] holds bit j of b in byte j.
  static constexpr std::array<std::uint64_t, 256> kSpread = [] {
    std::array<std::uint64_t, 256> spread{};
    for (unsigned b = 0; b < 256; ++b) {
      for (int j = 0; j < 8; ++j) spread[b] |= std::uint64_t{(b >> j) & 1u} << (8 * j);
    }
    return spread;
  }();

  void flush() {
    for (int k = 0; k < 8; ++k) {
      for (int j = 0; j < 8; ++j) ones_[8 * k + j] += (lanes_[k] >> (8 * j)) & 0xFF;
      lanes_[k] = 0;
    }
    pending_ = 0;
  }

  std::array<std::uint64_t, 8> lanes_{};
  std::array<std::size_t, 64> ones_{};
  int pending_ = 0;
};

}  // namespace

std::uint64_t text_fingerprint(std::string_view utf8) {
  const Words words = words_of(utf8);
  // Texts shorter than a shingle vote with their single words.
  const std::size_t width = words.count() < kShingleWords ? 1 : kShingleWords;
  BitCounter counter;
  std::size_t shingles = 0;
  for (std::size_t first = 0; first + width <= words.count(); ++first, ++shingles) {
    counter.add(shingle_hash(words, first, width));
  }
  return counter.majority(shingles);
}

int fingerprint_distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

}  // namespace newsdex
