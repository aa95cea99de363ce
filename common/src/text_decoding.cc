#include "newsdex/text_decoding.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "newsdex/errors.h"

namespace newsdex {
namespace {

constexpr std::size_t kBinarySniffBytes = 8192;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Windows-1252 code points for bytes 0x80..0x9F (0 = undefined). 0xA0..0xFF equal
// Latin-1, i.e. the byte value.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Length of the well-formed UTF-8 sequence starting at bytes[i], or 0 if ill-formed
// (Unicode table 3-7: no overlongs, no surrogates, nothing above U+10FFFF).
std::size_t utf8_sequence_length(std::string_view bytes, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length;
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > bytes.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

std::size_t decode_utf8_at(std::string_view text, std::size_t i, char32_t& code) {
  std::size_t length = utf8_sequence_length(text, i);
  if (length == 0) return 0;
  unsigned char lead = static_cast<unsigned char>(text[i]);
  code = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  }
  return length;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_valid_utf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t length = utf8_sequence_length(bytes, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::size_t count_code_points(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::size_t byte_offset_of_code_point(std::string_view utf8, std::size_t code_point) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) continue;
    if (seen++ == code_point) return i;
  }
  return utf8.size();
}

DecodedText decode_text(std::string_view bytes) {
  if (bytes.substr(0, kBinarySniffBytes).find('\0') != std::string_view::npos) {
    throw ArticleError("not a text file (contains NUL bytes)");
  }
  if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());

  DecodedText decoded;
  if (is_valid_utf8(bytes)) {
    decoded.utf8.assign(bytes);
    return decoded;
  }
  decoded.legacy_encoding = true;
  decoded.utf8.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char byte : bytes) {
    char32_t cp = byte;
    if (byte >= 0x80 && byte <= 0x9F) cp = kCp1252High[byte - 0x80];
    if (cp == 0) {
      cp = 0xFFFD;
      ++decoded.replaced_bytes;
    }
    append_utf8(decoded.utf8, cp);
  }
  return decoded;
}

}  // namespace newsdex
