#include "passage.h"

#include <array>
#include <string_view>

#include "newsdex/text_decoding.h"

namespace newsdex {
namespace {

// Private marker bytes: control characters that cleaned article text never contains
// (make_passage blanks them out first), so they cannot be confused with the text.
constexpr char kHighlightStart = '\x01';
constexpr char kHighlightEnd = '\x02';
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …
// Shown between a block that does not end a sentence (a heading) and the next one.
constexpr std::string_view kBlockSeparator = " \xC2\xB7 ";  // " · "
// Last bytes that end a sentence; 0x9D and 0xBB end the UTF-8 of a closing ” and ».
constexpr std::string_view kSentenceEnd = ".!?:;\"')\x9D\xBB";

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
  std::size_t open_at = 0;      // where the highlight being read starts
  // Blanks are folded into one separator, written just before the next character.
  bool pending_blank = false;
  int pending_newlines = 0;  // two or more end a paragraph
  auto separator = [&]() -> std::string_view {
    if (!pending_blank || passage.text.empty()) return "";
    // A heading has no closing punctuation; without a mark it would read as the first
    // words of the paragraph after it.
    bool sentence_ended = kSentenceEnd.find(passage.text.back()) != std::string_view::npos;
    return pending_newlines >= 2 && !sentence_ended ? kBlockSeparator : " ";
  };
  auto append = [&](char c) {
    std::string_view before = separator();
    passage.text += before;
    code_points += count_code_points(before);
    pending_blank = false;
    pending_newlines = 0;
    passage.text += c;
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++code_points;
  };

  for (std::size_t i = 0; i < snippet.size(); ++i) {
    char c = snippet[i];
    if (c == kHighlightStart) {
      open_at = code_points + count_code_points(separator());
    } else if (c == kHighlightEnd) {
      if (code_points > open_at) passage.highlights.emplace_back(open_at, code_points);
    } else if (is_blank(c)) {
      pending_blank = true;
      pending_newlines += (c == '\n');
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
