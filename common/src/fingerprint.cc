#include "newsdex/fingerprint.h"

#include "newsdex/hashing.h"

#include <array>
#include <bit>
#include <cstddef>
#include <string>
#include <utility>
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

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (is_word_byte(c)) {
      word += fold(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
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

// Hash of words[first, first + count). A space separates the words, so ("ab", "c") and
// ("a", "bc") differ; a space never occurs inside a word.
std::uint64_t shingle_hash(const std::vector<std::string>& words, std::size_t first,
                           std::size_t count) {
  std::uint64_t h = kFnvOffsetBasis;
  for (std::size_t i = first; i < first + count; ++i) h = fnv1a_64(" ", fnv1a_64(words[i], h));
  return mix(h);
}

}  // namespace

std::uint64_t text_fingerprint(std::string_view utf8) {
  const std::vector<std::string> words = words_of(utf8);
  // Texts shorter than a shingle vote with their single words.
  const std::size_t width = words.size() < kShingleWords ? 1 : kShingleWords;
  std::array<int, 64> votes{};
  for (std::size_t first = 0; first + width <= words.size(); ++first) {
    const std::uint64_t h = shingle_hash(words, first, width);
    for (int bit = 0; bit < 64; ++bit) {
      votes[bit] += (h >> bit) & 1 ? 1 : -1;
    }
  }
  std::uint64_t fingerprint = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (votes[bit] > 0) fingerprint |= std::uint64_t{1} << bit;
  }
  return fingerprint;
}

int fingerprint_distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

}  // namespace newsdex
