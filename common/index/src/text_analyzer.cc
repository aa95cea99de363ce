#include "newsdex/text_analyzer.h"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

namespace newsdex {
namespace {

// Eight bytes (in any byte order) lower-cased when all are ASCII and none is a dot, the
// bulk of a text, folded without a branch per byte; nothing otherwise.
std::optional<std::uint64_t> lower_ascii_without_dots(std::uint64_t eight) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHighBits = 0x80 * kOnes;
  if ((eight & kHighBits) != 0) return std::nullopt;
  // With every byte below 0x80, adding at most 0x7F to each carries into no other byte;
  // bit 7 of each byte then answers a question about it.
  std::uint64_t not_dots = (eight ^ ('.' * kOnes)) + 0x7F * kOnes;  // bit 7: byte != '.'
  if ((not_dots & kHighBits) != kHighBits) return std::nullopt;
  std::uint64_t from_a = eight + (0x80 - 'A') * kOnes;  // bit 7: byte >= 'A'
  std::uint64_t past_z = eight + (0x7F - 'Z') * kOnes;  // bit 7: byte > 'Z'
  std::uint64_t upper = from_a & ~past_z & kHighBits;
  return eight | (upper >> 2);  // 0x80 >> 2 is 'a' - 'A'
}

// The characters the TermGenerator keeps between two word characters of one word.
bool is_infix(unsigned code) {
  return code == '\'' || code == '&' || code == 0x2019 || code == 0x201B;
}

}  // namespace

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = ascii_lower(c);
  return lower;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

std::string_view term_prefix(std::string_view term) {
  std::size_t length = 0;
  while (length < term.size() && term[length] >= 'A' && term[length] <= 'Z') ++length;
  return term.substr(0, length);
}

std::string fold_case(std::string_view utf8) { return Xapian::Unicode::tolower(std::string(utf8)); }

std::string word_term(std::string_view word) {
  const std::string lower = fold_case(word);
  std::string term;
  term.reserve(lower.size());
  for (std::size_t i = 0; i < lower.size(); ++i) {
    // U+2019 and U+201B: E2 80 99 and E2 80 9B.
    if (lower.compare(i, 2, "\xE2\x80") == 0 && i + 2 < lower.size() &&
        (lower[i + 2] == '\x99' || lower[i + 2] == '\x9B')) {
      term += '\'';
      i += 2;
    } else {
      term += lower[i];
    }
  }
  return term;
}

std::string query_key(std::string_view text) { return fold_accents(fold_case(text)); }

std::string fold_for_match(std::string_view text) {
  // Written in place: an ASCII byte (most of a news text) folds to one byte or none, so
  // the text's size holds them; a longer lower case (rare) makes room as it comes.
  std::string folded(text.size(), '\0');
  char* out = folded.data();
  std::size_t i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size()) {
      std::uint64_t eight;
      std::memcpy(&eight, text.data() + i, 8);
      if (std::optional<std::uint64_t> lowered = lower_ascii_without_dots(eight)) {
        std::memcpy(out, &*lowered, 8);
        out += 8;
        i += 8;
        continue;
      }
    }
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      *out = ascii_lower(static_cast<char>(byte));
      out += (byte != '.');  // a dot is overwritten by the next byte
      ++i;
      continue;
    }
    Xapian::Utf8Iterator it(text.data() + i, text.size() - i);
    unsigned code = *it == 0x2019 ? unsigned{'\''} : Xapian::Unicode::tolower(*it);
    char utf8[4];
    std::size_t size = Xapian::Unicode::to_utf8(code, utf8);
    std::size_t length = std::max<std::size_t>(1, it.left() - (++Xapian::Utf8Iterator(it)).left());
    // Room for this character and one byte for each byte after it.
    std::size_t written = static_cast<std::size_t>(out - folded.data());
    std::size_t needed = written + size + (text.size() - i - length);
    if (needed > folded.size()) folded.resize(needed);
    out = std::copy(utf8, utf8 + size, folded.data() + written);
    i += length;
  }
  folded.resize(static_cast<std::size_t>(out - folded.data()));
  return folded;
}

std::size_t index_word_end(std::string_view text, std::size_t start) {
  const Xapian::Utf8Iterator end;
  Xapian::Utf8Iterator it(text.data() + start, text.size() - start);
  auto offset = [&](const Xapian::Utf8Iterator& at) {
    return at == end ? text.size() : static_cast<std::size_t>(at.raw() - text.data());
  };
  std::size_t word_end = start;
  while (it != end) {
    if (Xapian::Unicode::is_wordchar(*it)) {
      ++it;
      word_end = offset(it);
    } else if (word_end > start && is_infix(*it)) {
      Xapian::Utf8Iterator next = it;
      ++next;
      if (next == end || !Xapian::Unicode::is_wordchar(*next)) break;
      it = next;
    } else {
      break;
    }
  }
  return word_end;
}

std::vector<std::string> index_words(std::string_view text) {
  Xapian::TermGenerator generator;  // no stemmer: plain words only
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text(std::string(text));
  std::vector<std::pair<Xapian::termpos, std::string>> positioned;
  for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
    for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) {
      positioned.emplace_back(*pos, *term);
    }
  }
  std::sort(positioned.begin(), positioned.end());
  std::vector<std::string> words;
  words.reserve(positioned.size());
  for (auto& [pos, word] : positioned) words.push_back(std::move(word));
  return words;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& word : words) {
    if (!joined.empty()) joined += ' ';
    joined += word;
  }
  return joined;
}

std::vector<std::string> split_at_spaces(std::string_view text) {
  std::vector<std::string> words;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = std::min(text.find(' ', start), text.size());
    if (end > start) words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

}  // namespace newsdex
