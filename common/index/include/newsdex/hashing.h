// The one non-cryptographic hash of newsdex (FNV-1a, 64 bits) and its text form. Its
// values are stored in indexes (content hashes, line keys, long ids): never change it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsdex {

inline constexpr std::uint64_t kFnvOffsetBasis = 14695981039346656037ull;

// FNV-1a 64 of `bytes`, continuing from `hash` so that several pieces can be chained.
constexpr std::uint64_t fnv1a_64(std::string_view bytes, std::uint64_t hash = kFnvOffsetBasis) {
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// 16 lower-case hex digits: the text form of hashes, fingerprints and line keys.
std::string hex64(std::uint64_t value);

}  // namespace newsdex
