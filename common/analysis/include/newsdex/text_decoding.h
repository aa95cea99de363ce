// Turns the bytes of a text file into valid UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "newsdex/utf8.h"

namespace newsdex {

struct DecodedText {
  std::string utf8;
  // What the bytes were read as: "utf-8", "utf-16le", "utf-16be" or "windows-1252".
  std::string encoding = "utf-8";
  // True when the bytes were not valid UTF-8 and were read as Windows-1252, the usual
  // encoding of old Western news files (Latin-1 is a subset of it).
  bool legacy_encoding = false;
  // Input bytes that were no character in that encoding and became U+FFFD: the five bytes
  // Windows-1252 leaves undefined (one each), unpaired UTF-16 surrogates (two bytes each)
  // and an odd last byte of UTF-16.
  std::size_t replaced_bytes = 0;
};

// Decodes the bytes of a text file to UTF-8:
// - a UTF-16 byte order mark (LE or BE) means UTF-16; the mark is dropped;
// - otherwise a UTF-8 byte order mark is stripped, valid UTF-8 is kept as it is, and
//   anything else is read as Windows-1252.
// Throws ArticleError "not a text file (contains NUL bytes)" when the bytes look binary: a
// NUL byte in the first 8 KiB (the test git and grep use), or for UTF-16 a U+0000 in the
// first 8 KiB of the text. UTF-16 without a mark is therefore binary: its NUL bytes look
// just like those of binary data, and the programs that write UTF-16 put a mark first.
// Throws std::runtime_error when ICU fails (a broken installation).
DecodedText decode_text(std::string_view bytes);

}  // namespace newsdex
