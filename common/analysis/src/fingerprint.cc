#include "newsdex/fingerprint.h"

#include "newsdex/hashing.h"
#include "newsdex/text_analyzer.h"

#include <algorithm>
#include <array>
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
    if (is_loose_word_byte(c)) {
      if (!in_word) words.starts.push_back(static_cast<std::uint32_t>(words.bytes.size()));
      words.bytes += ascii_lower(static_cast<char>(c));
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

// Multipliers and offsets of the kMinHashes hash functions, h -> a * h + b (mod 2^64),
// applied to a shingle's well-mixed 64-bit hash; drawn once from splitmix64, so they are
// the same on every machine (they are part of the index format).
struct HashFunctions {
  std::array<std::uint64_t, kMinHashes> multiplier{};
  std::array<std::uint64_t, kMinHashes> offset{};
};

static_assert(kRowsPerBand * 16 <= 64, "a band's rows must fit one 64-bit key");

constexpr HashFunctions kHashFunctions = [] {
  HashFunctions functions;
  std::uint64_t state = 0x6e657773646578ULL;  // "newsdex"
  auto next = [&state] {
    state += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  for (std::size_t k = 0; k < kMinHashes; ++k) {
    functions.multiplier[k] = next() | 1;  // odd: a permutation of 64-bit values
    functions.offset[k] = next();
  }
  return functions;
}();

std::uint64_t digest_of(const std::array<std::uint16_t, kMinHashes>& minima) {
  std::uint64_t hash = kFnvOffsetBasis;
  for (std::uint16_t value : minima) {
    const char bytes[2] = {static_cast<char>(value & 0xFF), static_cast<char>(value >> 8)};
    hash = fnv1a_64(std::string_view(bytes, 2), hash);  // little-endian, as stored
  }
  hash = mix(hash);
  return hash == 0 ? 1 : hash;
}

}  // namespace

Fingerprint text_fingerprint(std::string_view utf8) {
  const Words words = words_of(utf8);
  Fingerprint fingerprint;
  if (words.count() == 0) return fingerprint;
  // Texts shorter than a shingle vote with their single words.
  const std::size_t width = words.count() < kShingleWords ? 1 : kShingleWords;
  std::array<std::uint64_t, kMinHashes> smallest;
  smallest.fill(~std::uint64_t{0});
  for (std::size_t first = 0; first + width <= words.count(); ++first) {
    const std::uint64_t h = shingle_hash(words, first, width);
    for (std::size_t k = 0; k < kMinHashes; ++k) {
      smallest[k] =
          std::min(smallest[k], kHashFunctions.multiplier[k] * h + kHashFunctions.offset[k]);
    }
  }
  // The high bits of a * h + b order the shingles (they depend on all of h); bits 24 to 39
  // of the smallest value are as good as random, so two different minima rarely agree
  // there (b-bit MinHash).
  for (std::size_t k = 0; k < kMinHashes; ++k) {
    fingerprint.minima[k] = static_cast<std::uint16_t>(smallest[k] >> 24);
  }
  fingerprint.digest = digest_of(fingerprint.minima);
  return fingerprint;
}

int shared_minima(const Fingerprint& a, const Fingerprint& b) {
  int shared = 0;
  for (std::size_t k = 0; k < kMinHashes; ++k) shared += a.minima[k] == b.minima[k];
  return shared;
}

std::uint64_t band_key(const Fingerprint& fingerprint, std::size_t band) {
  std::uint64_t key = 0;
  for (std::size_t row = 0; row < kRowsPerBand; ++row) {
    key = (key << 16) | fingerprint.minima[band * kRowsPerBand + row];
  }
  return key;
}

bool near_duplicates(const Fingerprint& a, const Fingerprint& b) {
  if (a.empty() || b.empty() || shared_minima(a, b) < kSameStoryMinima) return false;
  for (std::size_t band = 0; band < kBands; ++band) {
    if (band_key(a, band) == band_key(b, band)) return true;
  }
  return false;
}

std::string fingerprint_bytes(const Fingerprint& fingerprint) {
  std::string bytes;
  bytes.reserve(2 * kMinHashes);
  for (std::uint16_t value : fingerprint.minima) {
    bytes += static_cast<char>(value & 0xFF);
    bytes += static_cast<char>(value >> 8);
  }
  return bytes;
}

Fingerprint fingerprint_from_bytes(std::string_view bytes) {
  Fingerprint fingerprint;
  if (bytes.size() != 2 * kMinHashes) return fingerprint;
  for (std::size_t k = 0; k < kMinHashes; ++k) {
    fingerprint.minima[k] = static_cast<std::uint16_t>(
        static_cast<unsigned char>(bytes[2 * k]) |
        (static_cast<unsigned>(static_cast<unsigned char>(bytes[2 * k + 1])) << 8));
  }
  fingerprint.digest = digest_of(fingerprint.minima);
  return fingerprint;
}

}  // namespace newsdex
