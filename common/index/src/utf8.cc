#include <algorithm>
#include <cstdint>
#include <cstring>

#include "newsdex/utf8.h"

namespace newsdex {
namespace {

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
    // News text is mostly ASCII: skip it eight bytes at a time (the indexing hot path).
    if (std::uint64_t word; i + 8 <= bytes.size()) {
      std::memcpy(&word, bytes.data() + i, 8);
      if ((word & 0x8080808080808080u) == 0) {
        i += 8;
        continue;
      }
    }
    std::size_t length = utf8_sequence_length(bytes, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::size_t count_code_points(std::string_view utf8) {
  // The bytes that do not continue a sequence, eight at a time: passages count the code
  // points of every article they show.
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  std::size_t continuing = 0;
  std::size_t i = 0;
  for (; i + 8 <= utf8.size(); i += 8) {
    std::uint64_t eight;
    std::memcpy(&eight, utf8.data() + i, 8);
    // Bit 7 set in each byte 10xxxxxx (its bit 6, shifted under bit 7, is clear); the
    // product adds those bits up in the top byte.
    std::uint64_t continues = eight & ~(eight << 1) & (0x80 * kOnes);
    continuing += static_cast<std::size_t>(((continues >> 7) * kOnes) >> 56);
  }
  for (; i < utf8.size(); ++i) continuing += (static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80;
  return utf8.size() - continuing;
}

std::size_t byte_offset_of_code_point(std::string_view utf8, std::size_t code_point) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) continue;
    if (seen++ == code_point) return i;
  }
  return utf8.size();
}

namespace {

// The base letter of the accented Latin letters of U+00C0..U+017F ('.' = none).
constexpr std::string_view kLatin1Bases =
    "AAAAAA.CEEEEIIII.NOOOOO.OUUUUY..aaaaaa.ceeeeiiii.nooooo.ouuuuy.y";
constexpr std::string_view kLatinExtendedABases =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi..JjKk.LlLlLlLlLlNnNnNn...OoOoOo..RrRrRr"
    "SsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
static_assert(kLatin1Bases.size() == 0x40 && kLatinExtendedABases.size() == 0x80);

char32_t base_letter(char32_t c) {
  char base = '.';
  if (c >= 0xC0 && c < 0x100) base = kLatin1Bases[c - 0xC0];
  if (c >= 0x100 && c < 0x180) base = kLatinExtendedABases[c - 0x100];
  if (c >= 0x218 && c <= 0x21B) base = "SsTt"[c - 0x218];  // Romanian comma below
  return base == '.' ? c : static_cast<char32_t>(base);
}

}  // namespace

std::u32string fold_accents(std::u32string text) {
  for (char32_t& c : text) c = base_letter(c);
  return text;
}

std::string fold_accents(std::string_view utf8) {
  std::string folded;
  folded.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    // Only two-byte sequences (U+0080..U+07FF) hold letters that fold: the bytes up to
    // the next lead byte of one are copied as they are, in one piece.
    const std::size_t run = i;
    while (i < utf8.size() && (static_cast<unsigned char>(utf8[i]) < 0xC3 ||
                               static_cast<unsigned char>(utf8[i]) > 0xC8)) {
      ++i;
    }
    folded.append(utf8, run, i - run);
    if (i == utf8.size()) break;
    char32_t code = 0;
    const std::size_t length = decode_utf8_at(utf8, i, code);
    if (length == 0) {
      folded += utf8[i++];
      continue;
    }
    const char32_t base = base_letter(code);
    if (base != code) {
      folded += static_cast<char>(base);
    } else {
      folded.append(utf8, i, length);
    }
    i += length;
  }
  return folded;
}

std::string printable_on_terminal(std::string_view text) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t code = 0;
    std::size_t length = decode_utf8_at(text, i, code);
    if (length == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (code == '\t' || code == '\n' || code == '\r') {
      out += ' ';
    } else if (code < 0x20 || code == 0x7F || (code >= 0x80 && code < 0xA0)) {
      out += kReplacement;
    } else {
      out.append(text, i, length);
    }
    i += length;
  }
  return out;
}

}  // namespace newsdex
