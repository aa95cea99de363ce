// UTF-8 walking, accent folding and terminal-safe text: what both the indexer and the
// search tool need of text, without ICU (decoding other encodings is the analysis's job,
// text_decoding.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex {

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

// `text` made safe to print on a terminal: every control character (C0, DEL, C1: the
// bytes that start escape sequences) and every byte that is not UTF-8 becomes U+FFFD, a
// tab or line break a space. One code point stays one code point, so offsets counted in
// code points (passage highlights) still hold.
std::string printable_on_terminal(std::string_view text);

// The accented Latin letters (U+00C0..U+017F, and s and t with a comma below) as their
// base letters, one code point for one ("José" -> "Jose"), so that offsets in code points
// hold in both; every other code point, and bytes that are not UTF-8, as they are. The
// index holds the folded form of each accented word beside it, and queries are folded:
// "jose" and "josé" find each other.
std::u32string fold_accents(std::u32string text);
std::string fold_accents(std::string_view utf8);

}  // namespace newsdex
