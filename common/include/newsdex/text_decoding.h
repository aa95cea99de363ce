// Turns the bytes of a text file into valid UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex {

struct DecodedText {
  std::string utf8;
  // True when the bytes were not valid UTF-8 and were read as Windows-1252, the usual
  // encoding of old Western news files (Latin-1 is a subset of it).
  bool legacy_encoding = false;
  // Bytes that had no character in that encoding and became U+FFFD.
  std::size_t replaced_bytes = 0;
};

// Strips a UTF-8 byte order mark and decodes. Throws ArticleError when the bytes look
// binary (a NUL byte in the first 8 KiB, the test git and grep use).
DecodedText decode_text(std::string_view bytes);

// True when the whole of `bytes` is well-formed UTF-8 (no overlongs or surrogates).
bool is_valid_utf8(std::string_view bytes);

// Length of the well-formed UTF-8 sequence at text[i] (no overlongs, surrogates or code
// points past U+10FFFF) with its code point in `code`; 0 when the bytes there are not one.
std::size_t decode_utf8_at(std::string_view text, std::size_t i, char32_t& code);

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t code);

// Number of Unicode code points in valid UTF-8 text.
std::size_t count_code_points(std::string_view utf8);

// Byte offset of the code point with index `code_point` in valid UTF-8 text;
// utf8.size() when the text has no more code points than that.
std::size_t byte_offset_of_code_point(std::string_view utf8, std::size_t code_point);

}  // namespace newsdex
