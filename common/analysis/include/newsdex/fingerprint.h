// Near-duplicate detection: a MinHash signature of an article's word shingles.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsdex {

inline constexpr std::size_t kMinHashes = 64;

// For each of kMinHashes hash functions, 16 bits of the smallest hash among the text's
// shingles (b-bit MinHash): two texts agree at a position with probability about the
// Jaccard similarity of their shingle sets, so the share of agreeing positions estimates
// how much of one story the other carries. Edits as syndication makes them (a sentence
// dropped, words changed, a line added) keep most shingles; different stories share
// almost none.
struct Fingerprint {
  std::array<std::uint16_t, kMinHashes> minima{};
  // A hash of the minima, never 0 for a text with words: equal signatures, equal digests.
  // 0 for a text without words, which has nothing to compare (see empty()).
  std::uint64_t digest = 0;

  bool empty() const { return digest == 0; }
  bool operator==(const Fingerprint&) const = default;
};

// The signature of the text's overlapping three-word shingles (case-folded words,
// punctuation ignored; a text of one or two words votes with its words).
Fingerprint text_fingerprint(std::string_view utf8);

// Positions at which the two signatures agree.
int shared_minima(const Fingerprint& a, const Fingerprint& b);

// Near duplicates (the same story): their signatures agree on all rows of at least one of
// kBands bands (the lookup key, see NeighbourIndex) and at at least kSameStoryMinima
// positions in all, an estimated Jaccard similarity of 0.56. Measured by
// bench/duplicates (newsdex-dupbench): at 32 (one half), wire briefs written from one
// template (a league result where only the clubs, score and day differ) were grouped;
// at 36 none were, and BBC copies with three edits at once are still caught 98.8%.
inline constexpr std::size_t kBands = 16;
inline constexpr std::size_t kRowsPerBand = kMinHashes / kBands;
inline constexpr int kSameStoryMinima = 36;
bool near_duplicates(const Fingerprint& a, const Fingerprint& b);

// Band `band`'s rows as one number: equal for two signatures exactly when they agree on
// every row of the band.
std::uint64_t band_key(const Fingerprint& fingerprint, std::size_t band);

// The value-slot form (kSlotFingerprint): 2 * kMinHashes bytes, little-endian. Reading
// anything else (an older index's 64-bit SimHash) gives an empty fingerprint.
std::string fingerprint_bytes(const Fingerprint& fingerprint);
Fingerprint fingerprint_from_bytes(std::string_view bytes);

}  // namespace newsdex
