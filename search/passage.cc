#include "passage.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <set>
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

// Builds folded text from bytes fed one at a time: blanks are folded into one
// separator, written just before the next character.
class Folder {
 public:
  void blank(char c) {
    pending_blank_ = true;
    pending_newlines_ += (c == '\n');
  }

  void append(char c) {
    std::string_view before = separator();
    text_ += before;
    code_points_ += count_code_points(before);
    pending_blank_ = false;
    pending_newlines_ = 0;
    text_ += c;
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++code_points_;
  }

  // Code points written so far.
  std::size_t code_points() const { return code_points_; }
  // Where the next character appended will be: after the separator it brings.
  std::size_t next_offset() const { return code_points_ + count_code_points(separator()); }
  std::string& text() { return text_; }

 private:
  std::string_view separator() const {
    if (!pending_blank_ || text_.empty()) return "";
    // A heading has no closing punctuation; without a mark it would read as the first
    // words of the paragraph after it.
    bool sentence_ended = kSentenceEnd.find(text_.back()) != std::string_view::npos;
    return pending_newlines_ >= 2 && !sentence_ended ? kBlockSeparator : " ";
  }

  std::string text_;
  std::size_t code_points_ = 0;
  bool pending_blank_ = false;
  int pending_newlines_ = 0;  // two or more end a paragraph
};

std::string without_markers(const std::string& text) {
  std::string clean = text;
  for (char& c : clean) {
    if (c == kHighlightStart || c == kHighlightEnd) c = ' ';
  }
  return clean;
}

// Bytes [begin, end) of a text; both ends next to non-blank bytes.
struct Span {
  std::size_t begin;
  std::size_t end;
};

// Whether a word ends a sentence: ".", "!" or "?", maybe followed by closing quotes or
// brackets (", ', ), ” or ’).
bool ends_sentence(std::string_view word) {
  constexpr std::array<std::string_view, 5> kClosers = {"\"", "'", ")", "\xE2\x80\x9D",
                                                        "\xE2\x80\x99"};
  for (bool stripped = true; stripped && !word.empty();) {
    stripped = false;
    for (std::string_view closer : kClosers) {
      if (word.ends_with(closer)) {
        word.remove_suffix(closer.size());
        stripped = true;
      }
    }
  }
  return !word.empty() && std::string_view(".!?").find(word.back()) != std::string_view::npos;
}

// The words (runs of non-blank bytes) of `text`, each flagged when a sentence or a
// paragraph ends after it.
struct Word {
  Span span;
  bool ends_unit;
};
std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t begin = i;
    while (i < text.size() && !is_blank(text[i])) ++i;
    int newlines = 0;
    std::size_t next = i;
    while (next < text.size() && is_blank(text[next])) newlines += (text[next++] == '\n');
    if (i > begin) {
      bool ends_unit = newlines >= 2 || ends_sentence(text.substr(begin, i - begin));
      words.push_back({{begin, i}, ends_unit});
    }
    i = next;
  }
  return words;
}

// Cuts `text` into windows of whole sentences of at most `length` bytes each where
// possible; a sentence longer than that is cut between words, and a word longer than
// that is a window of its own.
std::vector<Span> windows_of(std::string_view text, std::size_t length) {
  std::vector<Word> words = words_of(text);
  // Sentences first, longer ones cut into pieces that fit.
  std::vector<Span> units;
  std::size_t unit_begin = 0;  // index into words
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (w > unit_begin && words[w].span.end - words[unit_begin].span.begin > length) {
      units.push_back({words[unit_begin].span.begin, words[w - 1].span.end});
      unit_begin = w;
    }
    if (words[w].ends_unit || w + 1 == words.size()) {
      units.push_back({words[unit_begin].span.begin, words[w].span.end});
      unit_begin = w + 1;
    }
  }
  std::vector<Span> windows;
  for (const Span& unit : units) {
    if (!windows.empty() && unit.end - windows.back().begin <= length) {
      windows.back().end = unit.end;
    } else {
      windows.push_back(unit);
    }
  }
  return windows;
}

// The distinct query words highlighted: the needle groups held by highlighted words
// ("Blair" and "Blair's" count once, as do "talks" and "talk"), so that a window's
// highlight_bound holds. Without needles (wildcard queries): distinct highlighted words,
// ASCII letters folded.
std::size_t distinct_highlights(const Passage& passage, const std::vector<Needle>& needles) {
  std::set<std::string> words;
  std::set<std::size_t> groups;
  for (const auto& [start, end] : passage.highlights) {
    std::size_t from = byte_offset_of_code_point(passage.text, start);
    std::size_t to = byte_offset_of_code_point(passage.text, end);
    std::string_view word = std::string_view(passage.text).substr(from, to - from);
    if (needles.empty()) {
      std::string folded(word);
      for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      words.insert(std::move(folded));
    } else {
      for (std::size_t group : groups_held(word, needles)) groups.insert(group);
    }
  }
  return needles.empty() ? words.size() : groups.size();
}

// A window that can be chosen, and how it ranks.
struct Candidate {
  std::size_t window;  // index into the windows
  std::size_t distinct;
  std::size_t total;
  Passage passage;
};

// The order of passages by worth: the most distinct highlighted words, then the most
// highlights, then the earliest.
bool ranks_before(std::size_t distinct_a, std::size_t total_a, std::size_t window_a,
                  std::size_t distinct_b, std::size_t total_b, std::size_t window_b) {
  if (distinct_a != distinct_b) return distinct_a > distinct_b;
  if (total_a != total_b) return total_a > total_b;
  return window_a < window_b;
}

bool better(const Candidate& a, const Candidate& b) {
  return ranks_before(a.distinct, a.total, a.window, b.distinct, b.total, b.window);
}

}  // namespace

Passage passage_from_snippet(const std::string& snippet) {
  Folder folder;
  Passage passage;
  std::size_t open_at = 0;  // where the highlight being read starts
  for (std::size_t i = 0; i < snippet.size(); ++i) {
    char c = snippet[i];
    if (c == kHighlightStart) {
      open_at = folder.next_offset();
    } else if (c == kHighlightEnd) {
      if (folder.code_points() > open_at) {
        passage.highlights.emplace_back(open_at, folder.code_points());
      }
    } else if (is_blank(c)) {
      folder.blank(c);
    } else if (const Entity* entity = entity_at(snippet, i)) {
      folder.append(entity->plain);
      i += entity->escaped.size() - 1;
    } else {
      folder.append(c);
    }
  }
  passage.text = std::move(folder.text());
  return passage;
}

std::string fold_whitespace(const std::string& text) {
  Folder folder;
  for (char c : text) {
    if (is_blank(c)) {
      folder.blank(c);
    } else {
      folder.append(c);
    }
  }
  return std::move(folder.text());
}

Passage make_passage(const Xapian::MSet& mset, const std::string& text, const Xapian::Stem& stemmer,
                     std::size_t length) {
  std::string snippet = mset.snippet(
      without_markers(text), length, stemmer,
      Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
      std::string(1, kHighlightStart), std::string(1, kHighlightEnd), std::string(kEllipsis));
  return passage_from_snippet(snippet);
}

std::vector<Passage> make_passages(const Xapian::MSet& mset, const std::string& text,
                                   const Xapian::Stem& stemmer, std::size_t length,
                                   std::size_t count, const std::vector<Needle>& needles,
                                   WindowSelection selection) {
  std::string clean = without_markers(text);
  std::vector<Span> windows = windows_of(clean, length);
  if (windows.empty() || count == 0) return {};

  // The windows worth a snippet() call, best bound first. Without needles: all of them,
  // each bound by its size (nothing can be ruled out).
  struct Bounded {
    std::size_t window;
    HighlightBound bound;
  };
  std::vector<Bounded> order;
  if (needles.empty()) {
    for (std::size_t w = 0; w < windows.size(); ++w) order.push_back({w, {SIZE_MAX, SIZE_MAX}});
  } else {
    for (std::size_t w = 0; w < windows.size(); ++w) {
      std::string_view window(clean.data() + windows[w].begin, windows[w].end - windows[w].begin);
      HighlightBound bound = highlight_bound(window, needles);
      if (bound.total > 0 || selection == WindowSelection::kEvery) order.push_back({w, bound});
    }
    std::sort(order.begin(), order.end(), [](const Bounded& a, const Bounded& b) {
      return ranks_before(a.bound.distinct, a.bound.total, a.window, b.bound.distinct,
                          b.bound.total, b.window);
    });
  }

  // Highlights windows in that order until no window left can rank among the best
  // `count` found: the passages are those of highlighting every window.
  std::vector<Candidate> candidates;
  for (const Bounded& next : order) {
    if (selection == WindowSelection::kPruned && candidates.size() >= count) {
      std::nth_element(candidates.begin(), candidates.begin() + (count - 1), candidates.end(),
                       better);
      const Candidate& last_kept = candidates[count - 1];
      if (ranks_before(last_kept.distinct, last_kept.total, last_kept.window, next.bound.distinct,
                       next.bound.total, next.window)) {
        break;
      }
    }
    const Span& span = windows[next.window];
    std::string window = clean.substr(span.begin, span.end - span.begin);
    // A budget above the window's size makes snippet() return all of it, highlighted.
    std::string snippet =
        mset.snippet(window, 2 * window.size() + 16, stemmer, 0, std::string(1, kHighlightStart),
                     std::string(1, kHighlightEnd), std::string());
    Passage passage = passage_from_snippet(snippet);
    if (passage.highlights.empty()) continue;
    std::size_t distinct = distinct_highlights(passage, needles);
    std::size_t total = passage.highlights.size();
    candidates.push_back({next.window, distinct, total, std::move(passage)});
  }
  if (candidates.empty()) {
    Passage start;
    start.text = fold_whitespace(clean.substr(windows[0].begin, windows[0].end - windows[0].begin));
    candidates.push_back({0, 0, 0, std::move(start)});
  }
  std::sort(candidates.begin(), candidates.end(), better);
  candidates.resize(std::min(count, candidates.size()));
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.window < b.window; });

  // Where each chosen window starts in the folded article: one folding pass.
  Folder folder;
  std::size_t next = 0;  // the next candidate to place
  for (std::size_t i = 0; i < clean.size() && next < candidates.size(); ++i) {
    if (i == windows[candidates[next].window].begin) {
      candidates[next++].passage.start = folder.next_offset();
    }
    if (is_blank(clean[i])) {
      folder.blank(clean[i]);
    } else {
      folder.append(clean[i]);
    }
  }
  std::vector<Passage> passages;
  for (Candidate& candidate : candidates) passages.push_back(std::move(candidate.passage));
  return passages;
}

}  // namespace newsdex
