// Near-duplicate detection: a 64-bit SimHash of an article's text.
#pragma once

#include <cstdint>
#include <string_view>

namespace newsdex {

// SimHash over overlapping word shingles of the text (case-folded words, punctuation
// ignored). Lightly edited copies of a story give fingerprints a few bits apart;
// different stories differ in about half their bits.
std::uint64_t text_fingerprint(std::string_view utf8);

// Number of differing bits.
int fingerprint_distance(std::uint64_t a, std::uint64_t b);

// Fingerprints at most this many bits apart are the same story.
inline constexpr int kNearDuplicateDistance = 6;

}  // namespace newsdex
