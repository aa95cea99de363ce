#include "passage.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <set>
#include <string_view>

#include "newsdex/text_analyzer.h"

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

// ' ', '\n', '\t', '\r' or '\f'. One test for the bytes above ' ', nearly all of a text.
bool is_blank(char c) {
  constexpr std::uint64_t kBlanks =
      (1ull << ' ') | (1ull << '\n') | (1ull << '\t') | (1ull << '\r') | (1ull << '\f');
  auto byte = static_cast<unsigned char>(c);
  return byte <= ' ' && ((kBlanks >> byte) & 1) != 0;
}

// The code points of the separator that a run of blanks folds to between a byte `before`
// (the last of the text so far) and the next character; two or more newlines end a
// paragraph.
std::size_t separator_code_points(char before, int newlines) {
  if (newlines < 2) return 1;  // " "
  // A heading has no closing punctuation; without a mark it would read as the first
  // words of the paragraph after it.
  bool sentence_ended = std::ranges::find(kSentenceEnd, before) != kSentenceEnd.end();
  return sentence_ended ? 1 : 3;  // " " or kBlockSeparator
}

// Builds folded text from bytes fed in order: blanks are folded into one separator,
// written just before the next character.
class Folder {
 public:
  explicit Folder(std::size_t expected_size) { text_.reserve(expected_size); }

  void blank(char c) {
    pending_blank_ = true;
    pending_newlines_ += (c == '\n');
  }

  // Appends bytes folded already: they begin and end with a non-blank byte, and any
  // blank between is a single space.
  void append(std::string_view bytes) {
    if (pending_blank_) write_separator();
    text_ += bytes;
  }

  // Code points written so far. Counted when asked, in bulk, as few callers ask.
  std::size_t code_points() {
    code_points_ += count_code_points(std::string_view(text_).substr(counted_bytes_));
    counted_bytes_ = text_.size();
    return code_points_;
  }
  // Where the next character appended will be: after the separator it brings.
  std::size_t next_offset() {
    bool separated = pending_blank_ && !text_.empty();
    return code_points() + (separated ? separator_code_points(text_.back(), pending_newlines_) : 0);
  }
  std::string& text() { return text_; }

 private:
  void write_separator() {
    if (!text_.empty()) {
      bool block = separator_code_points(text_.back(), pending_newlines_) == 3;
      text_ += block ? kBlockSeparator : std::string_view(" ");
    }
    pending_blank_ = false;
    pending_newlines_ = 0;
  }

  std::string text_;
  std::size_t code_points_ = 0;  // in text_[0, counted_bytes_)
  std::size_t counted_bytes_ = 0;
  bool pending_blank_ = false;
  int pending_newlines_ = 0;
};

// `text` with any marker bytes blanked out, or `text` itself (no copy) when it has none,
// as cleaned article text does not. `storage` holds the copy when one is made.
const std::string& without_markers(const std::string& text, std::string& storage) {
  if (std::memchr(text.data(), kHighlightStart, text.size()) == nullptr &&
      std::memchr(text.data(), kHighlightEnd, text.size()) == nullptr) {
    return text;
  }
  storage = text;
  for (char& c : storage) {
    if (c == kHighlightStart || c == kHighlightEnd) c = ' ';
  }
  return storage;
}

// Bytes [begin, end) of a text; both ends next to non-blank bytes.
struct Span {
  std::size_t begin;
  std::size_t end;
};

// Whether a word ends a sentence: ".", "!" or "?", maybe followed by closing quotes or
// brackets (", ', ), ” or ’).
bool ends_sentence(std::string_view word) {
  // Most words end in a letter: the bytes looked for below are all under 'A' (ASCII)
  // or over 0x7F.
  if (!word.empty()) {
    auto last = static_cast<unsigned char>(word.back());
    if (last >= 'A' && last < 0x80) return false;
  }
  std::size_t end = word.size();
  while (end > 0) {
    char last = word[end - 1];
    if (last == '"' || last == '\'' || last == ')') {
      --end;
    } else if ((last == '\x9D' || last == '\x99') && end >= 3 && word[end - 3] == '\xE2' &&
               word[end - 2] == '\x80') {
      end -= 3;  // ” or ’
    } else {
      break;
    }
  }
  return end > 0 && (word[end - 1] == '.' || word[end - 1] == '!' || word[end - 1] == '?');
}

// The end of the word that starts at `i`: the first blank byte after it, or the text's
// end. Eight bytes at a time where the byte order allows: most words end within eight.
std::size_t word_end(std::string_view text, std::size_t i) {
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t kOnes = 0x0101010101010101;
    while (i + 8 <= text.size()) {
      std::uint64_t eight;
      std::memcpy(&eight, text.data() + i, 8);
      // Bit 7 set in the first byte at most ' ' (all blanks are), and maybe in bytes
      // after it (a borrow), but in none before.
      std::uint64_t low = (eight - 0x21 * kOnes) & ~eight & (0x80 * kOnes);
      if (low == 0) {
        i += 8;
        continue;
      }
      i += static_cast<std::size_t>(std::countr_zero(low)) / 8;
      if (is_blank(text[i])) return i;
      ++i;  // a control byte that is not blank
    }
  }
  while (i < text.size() && !is_blank(text[i])) ++i;
  return i;
}

// A window of a text, and where it starts in the text folded by fold_whitespace, in code
// points (Passage::start).
struct Window {
  Span span;
  std::size_t folded_start;
  bool cut_start = false;  // begins inside a sentence that a window before holds
  bool cut_end = false;    // ends inside a sentence that the next window goes on with
  // A paragraph that ends no sentence: a heading, a byline or a date line ("By Political
  // Staff | 5 July 2024"). It is a window of its own, not the start of a passage of prose.
  bool heading = false;
};

// Cuts `text` into windows of whole sentences of at most `length` bytes each where
// possible; a sentence longer than that is cut between words, and a word longer than
// that is a window of its own. One pass over the words (runs of non-blank bytes), which
// also finds where each window starts in the folded text.
std::vector<Window> windows_of(std::string_view text, std::size_t length) {
  std::vector<Window> windows;
  // A sentence joins the window before it when both fit in `length` together. A piece of
  // a sentence too long for one stays alone, so that a passage is cut on one side at most
  // where it must be, never with whole sentences beside the cut.
  auto add_unit = [&](const Window& unit) {
    auto whole = [](const Window& w) { return !w.cut_start && !w.cut_end; };
    if (!windows.empty() && whole(windows.back()) && whole(unit) && !windows.back().heading &&
        !unit.heading && unit.span.end - windows.back().span.begin <= length) {
      windows.back().span.end = unit.span.end;
    } else {
      windows.push_back(unit);
    }
  };
  // Where a word starts in the folded text, in code points: the bytes of the words
  // before it and the code points of the separators after them, less the bytes of those
  // words that continue a character (blanks never do; counted in bulk when asked).
  std::size_t word_bytes_and_separators = 0;
  std::size_t continuing_bytes = 0;  // in text[0, counted)
  std::size_t counted = 0;
  auto folded_start_of = [&](std::size_t word_begin) {
    std::string_view uncounted = text.substr(counted, word_begin - counted);
    continuing_bytes += uncounted.size() - count_code_points(uncounted);
    counted = word_begin;
    return word_bytes_and_separators - continuing_bytes;
  };

  Window unit{};
  bool unit_open = false;
  std::size_t previous_end = 0;  // of the word before; 0 before the first
  std::size_t i = 0;
  while (i < text.size() && is_blank(text[i])) ++i;
  while (i < text.size()) {
    std::size_t begin = i;
    i = word_end(text, i);
    int newlines = 0;
    std::size_t next = i;
    while (next < text.size() && is_blank(text[next])) newlines += (text[next++] == '\n');

    // The piece of a sentence too long for a window: cut here, between words.
    bool continues_sentence = false;
    if (unit_open && i - unit.span.begin > length) {
      add_unit({{unit.span.begin, previous_end}, unit.folded_start, unit.cut_start, true});
      unit_open = false;
      continues_sentence = true;
    }
    if (!unit_open) {
      unit = {{begin, 0}, folded_start_of(begin), continues_sentence, false};
      unit_open = true;
    }
    const bool sentence_ends = ends_sentence(text.substr(begin, i - begin));
    if (newlines >= 2 || next == text.size() || sentence_ends) {
      unit.span.end = i;
      unit.heading = !sentence_ends && !unit.cut_start && newlines >= 2;
      add_unit(unit);
      unit_open = false;
    }
    word_bytes_and_separators += (i - begin) + separator_code_points(text[i - 1], newlines);
    previous_end = i;
    i = next;
  }
  return windows;
}

// The distinct query words highlighted: the needle groups held by highlighted words
// ("Blair" and "Blair's" count once, as do "talks" and "talk"), so that a window's
// highlight_bound holds. Without needles (no filter): distinct highlighted words, ASCII
// letters folded.
std::size_t distinct_highlights(const Passage& passage, const std::vector<Needle>& needles) {
  std::set<std::string> words;
  std::vector<std::size_t> groups;
  // Highlights are in text order: their byte offsets come from one walk of the text.
  std::string_view text = passage.text;
  std::size_t byte = 0;
  std::size_t code_point = 0;  // the index of the one at `byte`, if `byte` starts one
  auto byte_offset_of = [&](std::size_t wanted) {
    for (; byte < text.size(); ++byte) {
      if ((static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) continue;
      if (code_point == wanted) return byte;
      ++code_point;
    }
    return text.size();
  };
  for (const auto& [start, end] : passage.highlights) {
    std::size_t from = byte_offset_of(start);
    std::string_view word = text.substr(from, byte_offset_of(end) - from);
    if (needles.empty()) {
      words.insert(fold_for_match(word));
    } else {
      for (std::size_t group : groups_held(word, needles)) groups.push_back(group);
    }
  }
  if (needles.empty()) return words.size();
  std::sort(groups.begin(), groups.end());
  return static_cast<std::size_t>(std::unique(groups.begin(), groups.end()) - groups.begin());
}

// A window that can be chosen, and how it ranks.
struct Candidate {
  std::size_t window;  // index into the windows
  std::size_t distinct;
  std::size_t total;
  Passage passage;
};

// How a window ranks: the most distinct highlighted words, then the most highlights,
// then prose before a heading (that says no more than the paragraph it heads), then the
// earliest.
struct Rank {
  std::size_t distinct;
  std::size_t total;
  bool heading;
  std::size_t window;
};

bool ranks_before(const Rank& a, const Rank& b) {
  if (a.distinct != b.distinct) return a.distinct > b.distinct;
  if (a.total != b.total) return a.total > b.total;
  if (a.heading != b.heading) return !a.heading;
  return a.window < b.window;
}

// The passage of a snippet of `folded_window` as `window` reads: with its accents, and
// with what snippet() leaves out before the window's first word and after its last (the
// '."' that ends a quoted sentence, an opening quote), its highlights moved along.
void restore_window_text(Passage& passage, const std::string& folded_window,
                         const std::string& window) {
  const std::string folded_whole = fold_whitespace(folded_window);
  const std::size_t at = folded_whole.find(passage.text);
  if (at == std::string::npos) return;
  const std::size_t shift = count_code_points(std::string_view(folded_whole).substr(0, at));
  for (auto& [start, end] : passage.highlights) start += shift, end += shift;
  passage.text = fold_whitespace(window);
}

}  // namespace

Passage passage_from_snippet(const std::string& snippet) {
  // A byte that stands for itself and is not blank: neither a marker nor an '&' (which
  // may begin an entity).
  auto is_plain = [](char c) {
    return c != kHighlightStart && c != kHighlightEnd && c != '&' && !is_blank(c);
  };
  Folder folder(snippet.size());
  Passage passage;
  std::size_t open_at = 0;  // where the highlight being read starts
  std::size_t i = 0;
  while (i < snippet.size()) {
    char c = snippet[i];
    if (c == kHighlightStart) {
      open_at = folder.next_offset();
      ++i;
    } else if (c == kHighlightEnd) {
      std::size_t code_points = folder.code_points();
      if (code_points > open_at) passage.highlights.emplace_back(open_at, code_points);
      ++i;
    } else if (is_blank(c)) {
      folder.blank(c);
      ++i;
    } else if (const Entity* entity = entity_at(snippet, i)) {
      folder.append(std::string_view(&entity->plain, 1));
      i += entity->escaped.size();
    } else {
      // Text that folding leaves as it is, appended at once: plain bytes, and single
      // spaces between them (most of a snippet).
      std::size_t end = i + 1;
      while (end < snippet.size()) {
        if (is_plain(snippet[end])) {
          ++end;
        } else if (snippet[end] == ' ' && end + 1 < snippet.size() && is_plain(snippet[end + 1])) {
          end += 2;
        } else {
          break;
        }
      }
      folder.append(std::string_view(snippet).substr(i, end - i));
      i = end;
    }
  }
  passage.text = std::move(folder.text());
  return passage;
}

std::string fold_whitespace(const std::string& text) {
  Folder folder(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_blank(text[i])) {
      folder.blank(text[i++]);
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && !is_blank(text[end])) ++end;
    folder.append(std::string_view(text).substr(i, end - i));
    i = end;
  }
  return std::move(folder.text());
}

Passage make_passage(const Xapian::MSet& mset, const std::string& text, const Xapian::Stem& stemmer,
                     std::size_t length) {
  std::string storage;
  std::string snippet = mset.snippet(
      without_markers(text, storage), length, stemmer,
      Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
      std::string(1, kHighlightStart), std::string(1, kHighlightEnd), std::string(kEllipsis));
  return passage_from_snippet(snippet);
}

namespace {

// A window and the most it can highlight.
struct Bounded {
  std::size_t window;
  HighlightBound bound;
};

// The windows worth a snippet() call, best bound first. Without needles: all of them,
// each bound by its size (nothing can be ruled out).
std::vector<Bounded> windows_worth_a_snippet(const std::vector<Window>& windows,
                                             const std::string& clean,
                                             const std::vector<Needle>& needles,
                                             WindowSelection selection) {
  std::vector<Bounded> order;
  if (needles.empty()) {
    for (std::size_t w = 0; w < windows.size(); ++w) order.push_back({w, {SIZE_MAX, SIZE_MAX}});
    return order;
  }
  for (std::size_t w = 0; w < windows.size(); ++w) {
    const Span& span = windows[w].span;
    HighlightBound bound = highlight_bound(
        fold_accents(std::string_view(clean).substr(span.begin, span.end - span.begin)), needles);
    if (bound.total > 0 || selection == WindowSelection::kEvery) order.push_back({w, bound});
  }
  std::sort(order.begin(), order.end(), [&](const Bounded& a, const Bounded& b) {
    return ranks_before({a.bound.distinct, a.bound.total, windows[a.window].heading, a.window},
                        {b.bound.distinct, b.bound.total, windows[b.window].heading, b.window});
  });
  return order;
}

// The passage when no window has a highlight: the article's start, its first window of
// prose (not a byline or a heading) when it has one.
Candidate start_of_article(const std::vector<Window>& windows, const std::string& clean) {
  std::size_t first = 0;
  while (first + 1 < windows.size() && windows[first].heading) ++first;
  if (windows[first].heading) first = 0;
  Passage start;
  const Span& span = windows[first].span;
  start.text = fold_whitespace(clean.substr(span.begin, span.end - span.begin));
  return {first, 0, 0, std::move(start)};
}

}  // namespace

std::vector<Passage> make_passages(const Xapian::MSet& mset, const std::string& text,
                                   const Xapian::Stem& stemmer, std::size_t length,
                                   std::size_t count, const std::vector<Needle>& needles,
                                   WindowSelection selection) {
  std::string storage;
  const std::string& clean = without_markers(text, storage);
  std::vector<Window> windows = windows_of(clean, length);
  // Queries are folded (fold_accents): so is each window they are matched against, code
  // point for code point, so that offsets hold in the text as written. (Window by
  // window: folding shortens the bytes, and the windows' spans are in `clean`'s.)
  if (windows.empty() || count == 0) return {};
  auto rank_of = [&](const Candidate& c) {
    return Rank{c.distinct, c.total, windows[c.window].heading, c.window};
  };
  auto better = [&](const Candidate& a, const Candidate& b) {
    return ranks_before(rank_of(a), rank_of(b));
  };

  const std::vector<Bounded> order = windows_worth_a_snippet(windows, clean, needles, selection);

  // Highlights windows in that order until no window left can rank among the best
  // `count` found: the passages are those of highlighting every window.
  std::vector<Candidate> candidates;
  for (const Bounded& next : order) {
    if (selection == WindowSelection::kPruned && candidates.size() >= count) {
      std::nth_element(candidates.begin(), candidates.begin() + (count - 1), candidates.end(),
                       better);
      const Candidate& last_kept = candidates[count - 1];
      if (ranks_before(rank_of(last_kept), {next.bound.distinct, next.bound.total,
                                            windows[next.window].heading, next.window})) {
        break;
      }
    }
    const Span& span = windows[next.window].span;
    std::string window =
        fold_accents(std::string_view(clean).substr(span.begin, span.end - span.begin));
    // A budget above the window's size makes snippet() return all of it, highlighted.
    std::string snippet =
        mset.snippet(window, 2 * window.size() + 16, stemmer, 0, std::string(1, kHighlightStart),
                     std::string(1, kHighlightEnd), std::string());
    Passage passage = passage_from_snippet(snippet);
    if (passage.highlights.empty()) continue;
    restore_window_text(passage, window, clean.substr(span.begin, span.end - span.begin));
    std::size_t distinct = distinct_highlights(passage, needles);
    std::size_t total = passage.highlights.size();
    candidates.push_back({next.window, distinct, total, std::move(passage)});
  }
  if (candidates.empty()) candidates.push_back(start_of_article(windows, clean));
  std::sort(candidates.begin(), candidates.end(), better);
  candidates.resize(std::min(count, candidates.size()));
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.window < b.window; });

  for (Candidate& candidate : candidates) {
    const Window& window = windows[candidate.window];
    candidate.passage.start = window.folded_start;
    candidate.passage.cut_start = window.cut_start;
    candidate.passage.cut_end = window.cut_end;
  }
  std::vector<Passage> passages;
  for (Candidate& candidate : candidates) passages.push_back(std::move(candidate.passage));
  return passages;
}

}  // namespace newsdex
