#include "passage.h"

#include <array>
#include <string_view>

namespace newsdex {
namespace {

// Private marker bytes: control characters that cleaned article text never contains
// (make_passage blanks them out first), so they cannot be confused with the text.
constexpr char kHighlightStart = '\x01';
constexpr char kHighlightEnd = '\x02';
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …

struct Entity {
  std::string_view escaped;
  char plain;
};
constexpr std::array kEntities = {Entity{"&amp;", '&'},  Entity{"&lt;", '<'},
                                  Entity{"&gt;", '>'},   Entity{"&quot;", '"'},
                                  Entity{"&#39;", '\''}, Entity{"&apos;", '\''}};

const Entity* entity_at(std::string_view text, std::size_t i) {
  if (text[i] != '&') return nullptr;
  for (const Entity& entity : kEntities) {
    if (text.substr(i).starts_with(entity.escaped)) return &entity;
  }
  return nullptr;
}

bool is_blank(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

}  // namespace

Passage passage_from_snippet(const std::string& snippet) {
  Passage passage;
  std::size_t code_points = 0;  // length of passage.text in code points
  std::size_t open_at = 0;
  bool pending_space = false;  // blanks are folded into one space before the next text
  auto flush_space = [&] {
    if (pending_space && !passage.text.empty()) {
      passage.text += ' ';
      ++code_points;
    }
    pending_space = false;
  };
  auto append = [&](char c) {
    flush_space();
    passage.text += c;
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++code_points;
  };

  for (std::size_t i = 0; i < snippet.size(); ++i) {
    char c = snippet[i];
    if (c == kHighlightStart) {
      // A pending space is written before the next character, outside the highlight.
      open_at = code_points + (pending_space && !passage.text.empty() ? 1 : 0);
    } else if (c == kHighlightEnd) {
      if (code_points > open_at) passage.highlights.emplace_back(open_at, code_points);
    } else if (is_blank(c)) {
      pending_space = true;
    } else if (const Entity* entity = entity_at(snippet, i)) {
      append(entity->plain);
      i += entity->escaped.size() - 1;
    } else {
      append(c);
    }
  }
  return passage;
}

Passage make_passage(const Xapian::MSet& mset, const std::string& text, const Xapian::Stem& stemmer,
                     std::size_t length) {
  std::string clean = text;
  for (char& c : clean) {
    if (c == kHighlightStart || c == kHighlightEnd) c = ' ';
  }
  std::string snippet = mset.snippet(
      clean, length, stemmer,
      Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
      std::string(1, kHighlightStart), std::string(1, kHighlightEnd), std::string(kEllipsis));
  return passage_from_snippet(snippet);
}

}  // namespace newsdex
