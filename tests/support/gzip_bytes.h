// gzip-compressed bytes, for tests that feed the indexer .gz articles and bombs.
#pragma once

#include <string>

namespace newsdex::testing {

// `plain` as a gzip stream (zlib's default level).
std::string gzip_bytes(const std::string& plain);

}  // namespace newsdex::testing
