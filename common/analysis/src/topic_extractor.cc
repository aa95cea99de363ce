#include "newsdex/topic_extractor.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>
#include <iterator>
#include <utility>

#include "newsdex/embedded_data.h"
#include "newsdex/lines.h"
#include "newsdex/text_decoding.h"

// The method: simple, explainable and fast (one pass over the text, no model).
//
// 1. Candidates are the runs of 1 to 3 content words inside one clause. Stopwords,
//    numbers, one-letter words and punctuation (except a hyphen inside a word) end a
//    run, so a candidate never starts or ends with a stopword and never spans two
//    clauses, where no phrase a reader would name can be.
// 2. A word scores tf x idf: its occurrences, the title counting 2 and a heading 1.5
//    (they are the writer's own summary), times ln(N / df) from the background corpus,
//    so that "said", "government" or "people" lose to "ceasefire". A word the
//    background never saw (df <= 1) gets the highest idf. Every topic must occur at
//    least twice: once is an aside, and for an unknown word often a typo or a name.
// 3. A phrase scores tf x (the sum of its words' idf), so a repeated phrase beats its
//    words. It takes part only when repeated, or when it is a pair of words in the
//    title (headline phrases are chosen on purpose); once in a paragraph is an accident
//    of wording. A phrase that takes part claims its words: their occurrences inside it
//    do not count for the words alone ("rates" in "interest rates" is the phrase).
// 4. Topics are taken best first, skipping one that shares a word with one already
//    taken ("gaza ceasefire" after "ceasefire talks"), so that five topics say five
//    things.
//
// Headlines compress ("ECB cuts interest rates", "Santander posts record profit"), and
// their verbs are not stopwords. So the title and heading bonus goes only to words that
// the paragraphs use too, and a pair seen only in the title takes part only when the
// paragraphs use both its words and neither is a name to exclude: "posts record" and
// "ecb cuts" do not, "interest rates" does. Plurals ("rate", "rates") are merged by a
// crude suffix fold before counting.
//
// Cost: hashing each word once dominates. The per-article tables are flat (open
// addressing, no node per entry) and background lookups are left for the words seen
// twice: about 30 us for a 400-word article.

namespace newsdex {
namespace {

enum class Zone : std::uint8_t { kTitle, kHeading, kParagraph };

constexpr double kTitleWeight = 2.0;
constexpr double kHeadingWeight = 1.5;
constexpr std::size_t kMaxPhraseWords = 3;
constexpr std::size_t kMaxWordBytes = 40;  // longer "words" are URLs and junk
constexpr std::uint32_t kMinCount = 2;     // occurrences of a word or phrase (rules 2, 3)
constexpr std::uint32_t kNone = 0xFFFFFFFF;

// Function words, the words of news reporting that say nothing about the subject
// (said, told, mr, year, monday, million, announced), and name particles ("von der
// Leyen", "al-Thani") that would otherwise pair up as a phrase.
constexpr std::string_view kStopwords[] = {
    "a",          "about",      "above",     "according", "across",    "added",    "after",
    "afterwards", "again",      "against",   "ago",       "al",        "all",      "almost",
    "along",      "already",    "also",      "although",  "always",    "am",       "among",
    "an",         "and",        "announced", "another",   "any",       "anyone",   "anything",
    "april",      "are",        "around",    "as",        "asked",     "at",       "august",
    "back",       "be",         "became",    "because",   "become",    "been",     "before",
    "being",      "believed",   "below",     "best",      "better",    "between",  "billion",
    "bin",        "bn",         "both",      "but",       "by",        "called",   "came",
    "can",        "cannot",     "cent",      "claimed",   "confirmed", "could",    "da",
    "das",        "day",        "days",      "de",        "december",  "del",      "della",
    "der",        "des",        "described", "di",        "did",       "do",       "does",
    "doing",      "done",       "down",      "dozen",     "dr",        "du",       "during",
    "each",       "eight",      "eighth",    "either",    "el",        "eleven",   "else",
    "end",        "enough",     "even",      "ever",      "every",     "everyone", "everything",
    "expected",   "february",   "few",       "fifth",     "first",     "five",     "for",
    "former",     "four",       "fourth",    "friday",    "from",      "further",  "gen",
    "get",        "gets",       "getting",   "given",     "go",        "goes",     "going",
    "got",        "had",        "half",      "has",       "have",      "having",   "he",
    "her",        "here",       "hers",      "herself",   "him",       "himself",  "his",
    "how",        "however",    "hundred",   "i",         "if",        "in",       "including",
    "insisted",   "into",       "is",        "it",        "its",       "itself",   "january",
    "jr",         "july",       "june",      "just",      "la",        "last",     "later",
    "latest",     "le",         "least",     "less",      "let",       "like",     "likely",
    "lot",        "lots",       "made",      "make",      "makes",     "making",   "many",
    "march",      "may",        "me",        "might",     "million",   "monday",   "month",
    "months",     "more",       "most",      "mostly",    "mr",        "mrs",      "ms",
    "much",       "must",       "my",        "myself",    "near",      "nearly",   "need",
    "never",      "new",        "next",      "nine",      "ninth",     "no",       "nobody",
    "nor",        "not",        "nothing",   "november",  "now",       "october",  "of",
    "off",        "often",      "on",        "once",      "one",       "only",     "or",
    "other",      "others",     "otherwise", "our",       "ours",      "out",      "over",
    "own",        "per",        "percent",   "perhaps",   "prof",      "put",      "rather",
    "re",         "really",     "reported",  "revealed",  "said",      "same",     "saturday",
    "say",        "saying",     "says",      "second",    "see",       "seen",     "september",
    "set",        "seven",      "seventh",   "several",   "she",       "should",   "since",
    "sir",        "six",        "sixth",     "so",        "some",      "someone",  "something",
    "st",         "still",      "such",      "suggested", "sunday",    "take",     "taken",
    "ten",        "tenth",      "than",      "that",      "the",       "their",    "theirs",
    "them",       "themselves", "then",      "there",     "these",     "they",     "thing",
    "things",     "third",      "this",      "those",     "though",    "thousand", "three",
    "through",    "thursday",   "thus",      "time",      "to",        "today",    "together",
    "told",       "tomorrow",   "too",       "took",      "toward",    "towards",  "trillion",
    "tuesday",    "twelve",     "twenty",    "two",       "under",     "until",    "up",
    "upon",       "us",         "use",       "used",      "van",       "very",     "via",
    "von",        "want",       "wanted",    "wants",     "warned",    "was",      "way",
    "we",         "wednesday",  "week",      "weeks",     "well",      "were",     "what",
    "whatever",   "when",       "where",     "whether",   "which",     "while",    "who",
    "whole",      "whom",       "whose",     "why",       "will",      "win",      "wins",
    "with",       "within",     "without",   "won",       "would",     "year",     "years",
    "yesterday",  "yet",        "you",       "your",      "yours",
};

// Kept sorted and without repeats, so that a reader finds a word at once.
static_assert(std::adjacent_find(std::begin(kStopwords), std::end(kStopwords),
                                 std::greater_equal<>()) == std::end(kStopwords));

// Merges plural and singular ("rates" -> "rate", "companies" -> "company") so that both
// count for one topic. Crude on purpose: the key is never shown, and a wrong merge needs
// both forms in one article.
std::string_view fold_plural(std::string_view word, std::string& buffer) {
  if (word.size() >= 5 && word.ends_with("ies")) {
    buffer.assign(word.substr(0, word.size() - 3));
    buffer += 'y';
    return buffer;
  }
  if (word.size() >= 4 && word.back() == 's' && !word.ends_with("ss") && !word.ends_with("us") &&
      !word.ends_with("is")) {
    return word.substr(0, word.size() - 1);
  }
  return word;
}

// ---- Words: keep in step with common/data/regenerate/build_background_df.py ----------

// The code point at text[i] and its length in bytes; a byte that starts no well-formed
// sequence reads as U+FFFD, a separator.
char32_t next_code(std::string_view text, std::size_t i, std::size_t& length) {
  unsigned char lead = static_cast<unsigned char>(text[i]);
  length = 1;
  if (lead < 0x80) return lead;
  char32_t code = 0;
  std::size_t n = decode_utf8_at(text, i, code);
  if (n == 0) return 0xFFFD;
  length = n;
  return code;
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2018 || c == 0x2019; }

// Letters, digits and apostrophes. Above ASCII everything is a letter except the
// punctuation and symbol blocks (SEPARATOR_RANGES in the Python script): right for
// every script without a Unicode table.
bool is_word_char(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'';
  }
  if (is_apostrophe(c)) return true;
  static constexpr std::pair<char32_t, char32_t> kSeparators[] = {
      {0x0080, 0x00BF}, {0x00D7, 0x00D7}, {0x00F7, 0x00F7},   {0x2000, 0x206F},
      {0x20A0, 0x20CF}, {0x2100, 0x2BFF}, {0x3000, 0x303F},   {0xFE00, 0xFE0F},
      {0xFEFF, 0xFEFF}, {0xFFFD, 0xFFFD}, {0x1F000, 0x1FAFF},
  };
  for (const auto& [low, high] : kSeparators) {
    if (c >= low && c <= high) return false;
  }
  return true;
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x00A0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// ASCII and Latin-1 capitals only: enough for English news, and a rule the Python side
// applies identically.
char32_t to_lower(char32_t c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 0x20;
  return c;
}

// Drops apostrophes at either end and a possessive "'s" ("Britain's" -> "britain").
std::string_view trim_word(std::string_view word) {
  auto trim = [](std::string_view w) {
    while (!w.empty() && w.front() == '\'') w.remove_prefix(1);
    while (!w.empty() && w.back() == '\'') w.remove_suffix(1);
    return w;
  };
  word = trim(word);
  std::size_t n = word.size();
  if (n >= 2 && word[n - 2] == '\'' && word[n - 1] == 's') word = trim(word.substr(0, n - 2));
  return word;
}

bool is_plain(unsigned char byte) {
  return (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9');
}

// Calls on_word(lower-cased word) for each word of `text`, and on_break() where a clause
// ends: at any punctuation or symbol except a hyphen inside a word ("cost-of-living"),
// and at the end of the text. `buffer` is scratch space.
template <typename OnWord, typename OnBreak>
void scan_words(std::string_view text, std::string& buffer, OnWord on_word, OnBreak on_break) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  auto flush = [&] {
    if (buffer.empty()) return;
    std::string_view word = trim_word(buffer);
    if (!word.empty()) on_word(word);
    buffer.clear();
  };
  buffer.clear();
  bool after_word = false;  // the previous character is part of a word
  for (std::size_t i = 0; i < text.size();) {
    if (is_plain(byte(i))) {
      std::size_t end = i + 1;
      while (end < text.size() && is_plain(byte(end))) ++end;
      // Most words are lower-case ASCII up to a space or punctuation: those need no copy.
      bool ends = end == text.size() || (byte(end) < 0x80 && !is_word_char(byte(end)));
      if (buffer.empty() && ends) {
        on_word(text.substr(i, end - i));
      } else {
        buffer.append(text, i, end - i);
      }
      after_word = true;
      i = end;
      continue;
    }
    std::size_t length;
    char32_t c = next_code(text, i, length);
    if (is_word_char(c)) {
      if (is_apostrophe(c)) {
        buffer += '\'';
      } else {
        append_utf8(buffer, to_lower(c));
      }
      after_word = true;
    } else {
      flush();
      if (!is_space(c)) {
        std::size_t next_length;
        bool inner_hyphen = is_hyphen(c) && after_word && i + length < text.size() &&
                            is_word_char(next_code(text, i + length, next_length));
        if (!inner_hyphen) on_break();
      }
      after_word = false;
    }
    i += length;
  }
  flush();
  on_break();
}

// ---- Flat hash tables -------------------------------------------------------------------

// Eight bytes per multiply (most words are one or two rounds), and the same in every run.
std::uint64_t hash_bytes(std::string_view s) {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = s.size() * kMultiplier;
  const char* p = s.data();
  std::size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    h = (h ^ chunk) * kMultiplier;
    h ^= h >> 32;
  }
  if (n > 0) {
    std::uint64_t chunk = 0;
    for (std::size_t k = 0; k < n; ++k) {
      chunk |= std::uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
    }
    h = (h ^ chunk) * kMultiplier;
    h ^= h >> 32;
  }
  return h;
}

std::uint64_t hash_key(std::uint64_t key) {  // splitmix64's finaliser
  key = (key ^ (key >> 30)) * 0xBF58476D1CE4E5B9ull;
  key = (key ^ (key >> 27)) * 0x94D049BB133111EBull;
  return key ^ (key >> 31);
}

// Open addressing with linear probing over dense ids (slot = id + 1, 0 = empty): no
// allocation per entry, which node-based maps would spend most of the time on. Returns
// the id for which matches(id) holds, or kNone and the empty slot to fill.
template <typename Matches>
std::pair<std::uint32_t, std::size_t> probe(const std::vector<std::uint32_t>& slots,
                                            std::uint64_t hash, Matches matches) {
  std::size_t mask = slots.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    if (slots[i] == 0) return {kNone, i};
    if (matches(slots[i] - 1)) return {slots[i] - 1, i};
  }
}

// Slots for `count` ids at most half full: a power of two, for the mask.
std::size_t slot_count(std::size_t count) {
  std::size_t size = 16;
  while (size < 2 * count + 2) size *= 2;
  return size;
}

std::vector<std::uint32_t> empty_slots(std::size_t count) {
  return std::vector<std::uint32_t>(slot_count(count), 0);
}

// Re-enters ids 0..count-1 into slots sized for them.
template <typename HashOf>
void rebuild(std::vector<std::uint32_t>& slots, std::size_t count, HashOf hash_of) {
  slots = empty_slots(count);
  for (std::uint32_t id = 0; id < count; ++id) {
    auto [found, slot] = probe(slots, hash_of(id), [](std::uint32_t) { return false; });
    slots[slot] = id + 1;
  }
}

// Distinct strings numbered from 0 in order of arrival.
class StringTable {
 public:
  explicit StringTable(std::size_t expected = 0) : slots_(empty_slots(expected)) {
    items_.reserve(expected);
    bytes_.reserve(expected * 8);
  }

  // The id of `s`, adding it when new.
  std::uint32_t intern(std::string_view s, bool& added) {
    std::uint64_t hash = hash_bytes(s);
    auto [id, slot] = probe(slots_, hash, [&](std::uint32_t i) { return matches(i, hash, s); });
    added = id == kNone;
    if (!added) return id;
    id = static_cast<std::uint32_t>(items_.size());
    items_.push_back(
        {hash, static_cast<std::uint32_t>(bytes_.size()), static_cast<std::uint32_t>(s.size())});
    bytes_ += s;
    slots_[slot] = id + 1;
    if (2 * items_.size() + 2 > slots_.size()) {
      rebuild(slots_, items_.size(), [&](std::uint32_t i) { return items_[i].hash; });
    }
    return id;
  }

  bool contains(std::string_view s) const {
    std::uint64_t hash = hash_bytes(s);
    return probe(slots_, hash, [&](std::uint32_t i) { return matches(i, hash, s); }).first != kNone;
  }

  std::string_view at(std::uint32_t id) const {
    return std::string_view(bytes_).substr(items_[id].offset, items_[id].length);
  }

 private:
  struct Item {
    std::uint64_t hash;
    std::uint32_t offset;
    std::uint32_t length;
  };

  bool matches(std::uint32_t id, std::uint64_t hash, std::string_view s) const {
    const Item& item = items_[id];
    return item.hash == hash && item.length == s.size() &&
           std::memcmp(bytes_.data() + item.offset, s.data(), s.size()) == 0;
  }

  std::string bytes_;
  std::vector<Item> items_;
  std::vector<std::uint32_t> slots_;
};

bool is_stopword(std::string_view word) {
  // A hash set: this runs for every new word of every article, and a binary search of
  // the list cost a tenth of the extraction.
  static const StringTable stopwords = [] {
    StringTable table(std::size(kStopwords));
    bool added;
    for (std::string_view stopword : kStopwords) table.intern(stopword, added);
    return table;
  }();
  if (stopwords.contains(word)) return true;
  // Contractions ("don't", "we're", "they've", "i'd"); "it's" and "let's" already lost
  // their "'s" as possessives.
  if (word.find('\'') == std::string_view::npos) return false;
  for (std::string_view tail : {"n't", "'re", "'ve", "'ll", "'d", "'m"}) {
    if (word.size() > tail.size() && word.ends_with(tail)) return true;
  }
  return false;
}

// Words that cannot be part of a topic: stopwords, numbers ("2024", "5bn", "1990s"),
// single letters and junk.
bool is_breaker(std::string_view word) {
  if (word.size() < 2 || word.size() > kMaxWordBytes) return true;
  if (word.front() >= '0' && word.front() <= '9') return true;
  return is_stopword(word);
}

// ---- Counting one article -------------------------------------------------------------

// Occurrences by where they stand.
struct Counts {
  std::uint32_t title = 0;
  std::uint32_t heading = 0;
  std::uint32_t paragraph = 0;

  void add(Zone zone) {
    switch (zone) {
      case Zone::kTitle:
        ++title;
        break;
      case Zone::kHeading:
        ++heading;
        break;
      case Zone::kParagraph:
        ++paragraph;
        break;
    }
  }
  std::uint32_t total() const { return title + heading + paragraph; }
  // The title and heading bonus needs the paragraphs' backing (see the top of the file).
  double weight(bool in_paragraphs) const {
    if (!in_paragraphs) return total();
    return paragraph + kTitleWeight * title + kHeadingWeight * heading;
  }
};

struct Term {                      // a word, plural and singular merged
  std::uint32_t best_surface = 0;  // the spelling used most (first seen on a tie)
  std::uint32_t df = 0;            // the largest background df of its spellings
  bool excluded = false;
  double idf = 0;
  Counts all;
  Counts residual;  // outside the phrases that take part
};

struct Surface {               // a spelling as written (lower-cased)
  std::uint32_t term = kNone;  // kNone: a stopword, number or other run breaker
  std::uint32_t count = 0;
};

struct Candidate {
  std::uint64_t key = 0;  // term ids + 1, kTermBits each
  std::array<std::uint32_t, kMaxPhraseWords> terms{};
  std::uint32_t size = 0;  // words
  std::uint32_t first_position = 0;
  Counts counts;
  bool phrase_counts = false;  // a phrase that takes part (rule 3)
  double score = 0;
};

struct Position {  // one content word of the text
  std::uint32_t term;
  std::uint32_t surface;
  std::uint32_t clause;
  Zone zone;
  // The candidates of 2 and 3 words that start here, or kNone.
  std::array<std::uint32_t, kMaxPhraseWords - 1> phrases;
};

constexpr unsigned kTermBits = 21;
constexpr std::uint32_t kMaxTerms = (1u << kTermBits) - 2;

bool share_a_word(const Candidate& a, const Candidate& b) {
  for (std::uint32_t i = 0; i < a.size; ++i) {
    for (std::uint32_t j = 0; j < b.size; ++j) {
      if (a.terms[i] == b.terms[j]) return true;
    }
  }
  return false;
}

// A row of a table: a line of a paragraph that does not end a sentence and of whose
// words (runs between blanks) two or more, and a third or more, hold a figure. Titles and
// headings are never rows ("Chinese exports rise 25% in 2004").
bool is_table_row(std::string_view line) {
  std::size_t words = 0, figures = 0;
  bool in_word = false, has_figure = false;
  for (char c : line) {
    const bool blank = c == ' ' || c == '\t' || c == '\r';
    if (!blank && !in_word) {
      ++words;
      has_figure = false;
    }
    if (!blank && !has_figure && c >= '0' && c <= '9') {
      ++figures;
      has_figure = true;
    }
    in_word = !blank;
  }
  const std::size_t last = line.find_last_not_of(" \t\r");
  const bool ends_sentence = last != std::string_view::npos &&
                             (line[last] == '.' || line[last] == '!' || line[last] == '?');
  return figures >= 2 && 3 * figures >= words && !ends_sentence;
}

class ArticleStats {
 public:
  ArticleStats(const BackgroundFrequencies& background, const StringTable& exclude,
               std::size_t text_bytes)
      : background_(background), exclude_(exclude) {
    // About one word in six bytes, half of them content words.
    positions_.reserve(text_bytes / 12 + 16);
    surfaces_ = StringTable(text_bytes / 12 + 16);
    surface_info_.reserve(text_bytes / 12 + 16);
    folds_ = StringTable(text_bytes / 24 + 16);
    terms_.reserve(text_bytes / 24 + 16);
    term_candidates_.reserve(text_bytes / 24 + 16);
    candidates_.reserve(text_bytes / 6 + 16);
    phrase_slots_.resize(slot_count(text_bytes / 8));
  }

  // The lines of `text` but the rows of a table, whose words are column labels and units
  // ("Net 41.2 mln 32.6 mln"), not what the article is about.
  void add_text(std::string_view text, Zone zone) {
    while (!text.empty()) {
      const std::string_view line = take_line(text);
      if (zone == Zone::kParagraph && is_table_row(line)) {
        end_clause();  // no phrase runs across the row left out
        continue;
      }
      // A phrase may run on across a line break of wrapped text, as before.
      scan_words(
          line, buffer_, [&](std::string_view word) { add_word(word, zone); },
          [&] { end_clause(); });
    }
  }

  // Decides which phrases take part (rule 3) and what their words keep for themselves.
  void settle() {
    // Background and exclusion lookups only for the words that can score, those seen at
    // least kMinCount times (the words of a phrase that counts are): most words of an
    // article occur once.
    for (std::uint32_t id = 0; id < surface_info_.size(); ++id) {
      const Surface& surface = surface_info_[id];
      if (surface.term == kNone || terms_[surface.term].all.total() < kMinCount) continue;
      Term& term = terms_[surface.term];
      std::string_view word = surfaces_.at(id);
      term.df = std::max(term.df, background_.df(word));
      term.excluded = term.excluded || exclude_.contains(word);
      term.idf = idf(term.df);
    }
    for (Candidate& c : candidates_) {
      if (c.size > 1) c.phrase_counts = phrase_counts(c);
    }
    std::vector<bool> claimed(positions_.size(), false);
    for (std::size_t i = 0; i < positions_.size(); ++i) {
      for (std::size_t k = 0; k < kMaxPhraseWords - 1; ++k) {
        std::uint32_t id = positions_[i].phrases[k];
        if (id == kNone) break;
        const Candidate& c = candidates_[id];
        if (c.phrase_counts) std::fill_n(claimed.begin() + i, c.size, true);
      }
    }
    for (std::size_t i = 0; i < positions_.size(); ++i) {
      if (!claimed[i]) terms_[positions_[i].term].residual.add(positions_[i].zone);
    }
    for (Candidate& c : candidates_) c.score = score(c);
  }

  const std::vector<Candidate>& candidates() const { return candidates_; }

  // A single word in its commonest spelling; a phrase as first written.
  std::string text_of(const Candidate& c) const {
    if (c.size == 1) return std::string(surfaces_.at(terms_[c.terms[0]].best_surface));
    std::string text;
    for (std::uint32_t k = 0; k < c.size; ++k) {
      if (k > 0) text += ' ';
      text += surfaces_.at(positions_[c.first_position + k].surface);
    }
    return text;
  }

 private:
  // A phrase takes part when repeated. It may not end with an excluded word ("president
  // biden") nor hold two ("joe biden"); one in front is a subject ("gaza ceasefire").
  // A pair of words seen once, in the title, takes part too when both words are in the
  // paragraphs and neither is excluded: headline verbs ("posts", "wins") are seldom in
  // the paragraphs, and a name in front is mostly the actor ("ecb cuts").
  bool phrase_counts(const Candidate& c) const {
    if (c.counts.total() < kMinCount && (c.size != 2 || c.counts.title == 0)) return false;
    std::uint32_t excluded = 0;
    bool backed = true;
    for (std::uint32_t k = 0; k < c.size; ++k) {
      const Term& term = terms_[c.terms[k]];
      excluded += term.excluded ? 1 : 0;
      backed = backed && term.df > 0 && term.all.paragraph > 0;
    }
    if (c.counts.total() >= kMinCount) {
      return excluded < 2 && !terms_[c.terms[c.size - 1]].excluded;
    }
    return c.size == 2 && c.counts.title > 0 && backed && excluded == 0;
  }

  double score(const Candidate& c) const {
    if (c.size == 1) {
      const Term& term = terms_[c.terms[0]];
      if (term.excluded) return 0;
      if (term.all.total() < kMinCount) return 0;
      return term.residual.weight(term.all.paragraph > 0) * term.idf;
    }
    if (!c.phrase_counts) return 0;
    double idf_sum = 0;
    for (std::uint32_t k = 0; k < c.size; ++k) idf_sum += terms_[c.terms[k]].idf;
    // The title bonus needs no backing here: a phrase that counts is repeated or made of
    // words the paragraphs use.
    return c.counts.weight(true) * idf_sum;
  }

  void add_word(std::string_view word, Zone zone) {
    bool added = false;
    std::uint32_t surface_id = surfaces_.intern(word, added);
    if (added) surface_info_.push_back({term_for(word, surface_id), 0});
    Surface& surface = surface_info_[surface_id];
    ++surface.count;
    if (surface.term == kNone) {
      end_clause();
      return;
    }
    Term& term = terms_[surface.term];
    term.all.add(zone);
    if (surface.count > surface_info_[term.best_surface].count) term.best_surface = surface_id;

    auto position = static_cast<std::uint32_t>(positions_.size());
    positions_.push_back({surface.term, surface_id, clause_, zone, {kNone, kNone}});
    static_assert(kMaxPhraseWords == 3);
    if (window_size_ == kMaxPhraseWords) {
      window_ = {window_[1], window_[2], 0};
      --window_size_;
    }
    window_[window_size_++] = surface.term;
    // The runs that end at this word: the word, and with the one or two words before it.
    std::uint64_t key = 0;
    for (std::uint32_t size = 1; size <= window_size_; ++size) {
      key |= std::uint64_t{window_[window_size_ - size] + 1u} << (kTermBits * (size - 1));
      std::uint32_t start = position + 1 - size;
      std::uint32_t id = candidate_for(key, size, start);
      Candidate& c = candidates_[id];
      c.counts.add(zone);
      if (size > 1) positions_[start].phrases[size - 2] = id;
    }
  }

  std::uint32_t candidate_for(std::uint64_t key, std::uint32_t size, std::uint32_t start) {
    if (size == 1) {  // a single word needs no hashing
      std::uint32_t& id = term_candidates_[positions_[start].term];
      if (id == kNone) id = new_candidate(key, size, start);
      return id;
    }
    // Keys sit in the slots, so a probe touches nothing else.
    std::size_t mask = phrase_slots_.size() - 1;
    std::size_t i = hash_key(key) & mask;
    for (; phrase_slots_[i].key != 0; i = (i + 1) & mask) {
      if (phrase_slots_[i].key == key) return phrase_slots_[i].id;
    }
    std::uint32_t id = new_candidate(key, size, start);
    phrase_slots_[i] = {key, id};
    if (2 * ++phrase_count_ + 2 > phrase_slots_.size()) {
      std::vector<KeySlot> old = std::exchange(phrase_slots_, {});
      phrase_slots_.resize(2 * old.size());
      for (const KeySlot& slot : old) {
        if (slot.key == 0) continue;
        std::size_t j = hash_key(slot.key) & (phrase_slots_.size() - 1);
        while (phrase_slots_[j].key != 0) j = (j + 1) & (phrase_slots_.size() - 1);
        phrase_slots_[j] = slot;
      }
    }
    return id;
  }

  std::uint32_t new_candidate(std::uint64_t key, std::uint32_t size, std::uint32_t start) {
    auto id = static_cast<std::uint32_t>(candidates_.size());
    Candidate& c = candidates_.emplace_back();
    c.key = key;
    c.size = size;
    c.first_position = start;
    for (std::uint32_t k = 0; k < size; ++k) c.terms[k] = positions_[start + k].term;
    return id;
  }

  // The term of a new spelling, or kNone for a word that breaks runs.
  std::uint32_t term_for(std::string_view word, std::uint32_t surface_id) {
    if (is_breaker(word) || terms_.size() >= kMaxTerms) return kNone;
    bool added = false;
    std::uint32_t id = folds_.intern(fold_plural(word, fold_buffer_), added);
    if (added) {
      terms_.emplace_back().best_surface = surface_id;
      term_candidates_.push_back(kNone);
    }
    return id;
  }

  void end_clause() {
    if (window_size_ == 0) return;
    window_size_ = 0;
    ++clause_;
  }

  // ln(N / df) with df at least 1: a word the background never saw (or saw once, which
  // the data leaves out) is as rare as any. The small constant keeps the commonest word
  // above 0. Without background data every word weighs the same: frequency alone.
  double idf(std::uint32_t df) const {
    if (background_.docs() == 0) return 1.0;
    double docs = std::max<double>(background_.docs(), 2.0);
    return std::log(docs / std::clamp<double>(df, 1.0, docs)) + 0.01;
  }

  const BackgroundFrequencies& background_;
  const StringTable& exclude_;
  std::string buffer_;
  std::string fold_buffer_;
  StringTable surfaces_;
  std::vector<Surface> surface_info_;  // by surface id
  StringTable folds_;                  // term ids
  std::vector<Term> terms_;
  std::vector<std::uint32_t> term_candidates_;  // by term: its single-word candidate
  std::vector<Candidate> candidates_;
  struct KeySlot {
    std::uint64_t key = 0;  // 0: empty (a phrase key is never 0)
    std::uint32_t id = kNone;
  };
  std::vector<KeySlot> phrase_slots_;  // phrase candidates by key, open addressing
  std::size_t phrase_count_ = 0;
  std::vector<Position> positions_;
  std::array<std::uint32_t, kMaxPhraseWords> window_{};  // terms of the clause's last words
  std::uint32_t window_size_ = 0;
  std::uint32_t clause_ = 0;
};

}  // namespace

BackgroundFrequencies BackgroundFrequencies::parse(std::string_view tsv) {
  BackgroundFrequencies result;
  auto word_of = [&](std::uint32_t i) {
    const Entry& e = result.entries_[i];
    return std::string_view(result.words_).substr(e.offset, e.length);
  };
  // One slot table sized for every line, so no rehashing while reading.
  result.slots_ =
      empty_slots(static_cast<std::size_t>(std::count(tsv.begin(), tsv.end(), '\n')) + 1);
  while (!tsv.empty()) {
    std::string_view line = take_line(tsv);
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) continue;
    std::string_view word = line.substr(0, tab);
    std::string_view number = line.substr(tab + 1);
    std::uint32_t value = 0;
    auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (error != std::errc() || end != number.data() + number.size()) continue;
    if (word == "#docs") {
      result.docs_ = value;
      continue;
    }
    if (word.front() == '#') continue;
    auto [found, slot] =
        probe(result.slots_, hash_bytes(word), [&](std::uint32_t i) { return word_of(i) == word; });
    if (found != kNone) continue;  // a word listed twice keeps its first line
    result.slots_[slot] = static_cast<std::uint32_t>(result.entries_.size()) + 1;
    result.entries_.push_back({static_cast<std::uint32_t>(result.words_.size()),
                               static_cast<std::uint32_t>(word.size()), value});
    result.words_ += word;
  }
  return result;
}

std::uint32_t BackgroundFrequencies::df(std::string_view word) const {
  if (slots_.empty()) return 0;
  auto [found, slot] = probe(slots_, hash_bytes(word), [&](std::uint32_t i) {
    return std::string_view(words_).substr(entries_[i].offset, entries_[i].length) == word;
  });
  return found == kNone ? 0 : entries_[found].df;
}

const BackgroundFrequencies& BackgroundFrequencies::embedded() {
  static const BackgroundFrequencies frequencies = parse(embedded::background_df());
  return frequencies;
}

TopicExtractor::TopicExtractor() : TopicExtractor(BackgroundFrequencies::embedded()) {}

TopicExtractor::TopicExtractor(const BackgroundFrequencies& background)
    : background_(&background) {}

std::vector<std::string> TopicExtractor::extract(const std::string& title,
                                                 const CleanArticle& article,
                                                 const std::vector<std::string>& exclude,
                                                 std::size_t max_topics) const {
  if (max_topics == 0) return {};

  StringTable exclude_words;
  std::string buffer;
  for (const std::string& name : exclude) {
    bool added;
    scan_words(
        name, buffer, [&](std::string_view word) { exclude_words.intern(word, added); }, [] {});
  }

  std::size_t text_bytes = title.size();
  for (const TextBlock& block : article.blocks) text_bytes += block.text.size();
  ArticleStats stats(*background_, exclude_words, text_bytes);
  stats.add_text(title, Zone::kTitle);
  for (const TextBlock& block : article.blocks) {
    stats.add_text(block.text,
                   block.kind == BlockKind::kHeading ? Zone::kHeading : Zone::kParagraph);
  }
  stats.settle();

  // Candidates worth ranking, with their sort keys next to each other. Ties go to the
  // candidate seen first, then to the shorter: a total order, so the result never
  // depends on the tables' layout.
  struct Ranked {
    double score;
    std::uint32_t first_position;
    std::uint32_t size;
    std::uint32_t index;
    bool operator<(const Ranked& other) const {
      if (score != other.score) return score > other.score;
      if (first_position != other.first_position) return first_position < other.first_position;
      return size < other.size;
    }
  };
  const std::vector<Candidate>& candidates = stats.candidates();
  std::vector<Ranked> ranked;
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (c.score > 0) ranked.push_back({c.score, c.first_position, c.size, i});
  }

  std::vector<const Candidate*> chosen;
  std::vector<std::string> topics;
  std::size_t sorted = 0;
  for (std::size_t next = 0; next < ranked.size() && topics.size() < max_topics; ++next) {
    // Only the best few are needed: rank a few more than asked for, and more only when
    // overlaps used them up.
    if (next == sorted) {
      sorted = std::min(ranked.size(), sorted + 4 * max_topics + 8);
      std::nth_element(ranked.begin() + next, ranked.begin() + (sorted - 1), ranked.end());
      std::sort(ranked.begin() + next, ranked.begin() + sorted);
    }
    const Candidate& c = candidates[ranked[next].index];
    bool overlaps = std::any_of(chosen.begin(), chosen.end(),
                                [&](const Candidate* taken) { return share_a_word(*taken, c); });
    if (overlaps) continue;
    chosen.push_back(&c);
    topics.push_back(stats.text_of(c));
  }
  return topics;
}

}  // namespace newsdex
