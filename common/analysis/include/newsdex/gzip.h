// Transparent reading of .gz files (zlib).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex {

// True when `bytes` start with the gzip magic number.
bool looks_gzipped(std::string_view bytes);

// Decompresses gzip data (several concatenated members too). Throws ArticleError
// "corrupt gzip data" when it is damaged or truncated, and "larger than N MB when
// decompressed" when the output would pass `max_output_bytes` (a guard against
// compression bombs).
std::string gunzip(std::string_view bytes, std::size_t max_output_bytes);

}  // namespace newsdex
