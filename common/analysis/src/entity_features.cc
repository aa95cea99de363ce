#include "newsdex/entity_features.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <string>

#include "newsdex/gazetteer.h"
#include "newsdex/hashing.h"
#include "newsdex/text_analyzer.h"

namespace newsdex {
namespace {

// Small hand-written word lists. They carry what the training articles cannot teach
// about unseen names: the role before a person, the word that ends an organisation.
constexpr std::array<std::string_view, 62> kPersonRoles = {
    "mr",         "mrs",         "ms",           "dr",         "sir",        "dame",
    "lord",       "president",   "minister",     "secretary",  "chancellor", "premier",
    "king",       "queen",       "prince",       "princess",   "sheikh",     "emir",
    "senator",    "sen",         "governor",     "gov",        "general",    "gen",
    "colonel",    "col",         "captain",      "lieutenant", "judge",      "justice",
    "pope",       "bishop",      "archbishop",   "rabbi",      "imam",       "ayatollah",
    "coach",      "manager",     "striker",      "midfielder", "defender",   "goalkeeper",
    "spokesman",  "spokeswoman", "spokesperson", "chairman",   "chairwoman", "ceo",
    "director",   "ambassador",  "envoy",        "mayor",      "deputy",     "commissioner",
    "prosecutor", "attorney",    "lawyer",       "professor",  "prof",       "cardinal",
    "chief",      "leader"};
constexpr std::array<std::string_view, 58> kOrganizationWords = {
    "inc",          "corp",         "corporation", "co",
    "ltd",          "plc",          "ag",          "sa",
    "nv",           "gmbh",         "group",       "bank",
    "party",        "ministry",     "council",     "union",
    "association",  "agency",       "authority",   "commission",
    "committee",    "federation",   "university",  "institute",
    "foundation",   "fund",         "club",        "airlines",
    "airways",      "motors",       "holdings",    "international",
    "organisation", "organization", "front",       "movement",
    "army",         "forces",       "police",      "court",
    "parliament",   "assembly",     "congress",    "senate",
    "board",        "office",       "department",  "service",
    "trust",        "exchange",     "news",        "times",
    "press",        "television",   "radio",       "fc",
    "united",       "rovers"};
constexpr std::array<std::string_view, 20> kNameConnectors = {
    "de",  "da", "del", "della", "der", "den", "van", "von", "bin", "bint",
    "ibn", "al", "el",  "la",    "le",  "du",  "of",  "and", "y",   "dos"};

constexpr std::size_t kSeenLowerBits = 1 << 14;

enum LexiconBit : std::uint16_t {
  kGivenName = 1 << 0,
  kFamilyName = 1 << 1,
  kPersonRole = 1 << 2,
  kOrganizationWord = 1 << 3,
  kConnector = 1 << 4,
  kLowerElsewhere = 1 << 5,  // the word also appears in small letters in this text
};

// Feature kinds; each key mixes one of these with a value.
enum FeatureKind : std::uint64_t {
  kBias = 1,
  kWord,
  kWordBefore,
  kWordAfter,
  kWordTwoBefore,
  kWordTwoAfter,
  kShape,
  kShapeBefore,
  kShapeAfter,
  kSuffix,
  kTagBefore,
  kTagsBefore,
  kTagBeforeWord,
  kPosition,
  kPlace,
  kPlaceSpan,
  kLexicon,
  kLexiconBefore,
  kLexiconAfter,
  kTypeSeen,
  kBigramBefore,
  kBigramAfter,
  kTagBeforeShape,
  kPositionShape,
  kPositionPlace,
  kShapeContext,
  kPlaceTagBefore,
  kLeadWordPlace,
  kLeadWordShape,
};

// The analyzer's ASCII fold as a byte value (a byte of a UTF-8 sequence stays itself,
// never sign-extended): feature hashes are part of the shipped model.
inline unsigned char lower_byte(unsigned char c) {
  return static_cast<unsigned char>(ascii_lower(static_cast<char>(c)));
}

constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t fnv1a(std::string_view bytes, bool lower) {
  std::uint64_t hash = kFnvOffsetBasis;
  for (char c : bytes) {
    unsigned char u = static_cast<unsigned char>(c);
    hash ^= lower ? lower_byte(u) : u;
    hash *= kFnvPrime;
  }
  return hash;
}

// Murmur3's 64-bit finaliser: spreads a key over all bits.
std::uint64_t mix(std::uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdull;
  key ^= key >> 33;
  key *= 0xc4ceb9fe1a85ec53ull;
  key ^= key >> 33;
  return key;
}

std::uint32_t feature_key(std::uint64_t kind, std::uint64_t value) {
  std::uint32_t key = static_cast<std::uint32_t>(mix(value * 0x9E3779B97F4A7C15ull + kind));
  return key == 0 ? 1 : key;  // 0 marks an empty slot in the model's table
}

// The lexicon bits of the hand-written lists, keyed by the hash of the lower-cased word
// (TokenInfo::word), so a token costs one lookup: a small open-addressing table indexed
// by the top bits of the hash, which stays in cache.
class WordLists {
 public:
  WordLists() {
    for (std::string_view word : kPersonRoles) add(fnv1a(word, true), kPersonRole);
    for (std::string_view word : kOrganizationWords) add(fnv1a(word, true), kOrganizationWord);
    for (std::string_view word : kNameConnectors) add(fnv1a(word, true), kConnector);
  }

  std::uint16_t bits(std::uint64_t word) const {
    for (std::size_t i = word >> (64 - kSlotBits);; i = (i + 1) % kSlots) {
      if (slots_[i].bits == 0) return 0;
      if (slots_[i].word == word) return slots_[i].bits;
    }
  }

 private:
  static constexpr int kSlotBits = 9;  // 512 slots for some 140 words
  static constexpr std::size_t kSlots = std::size_t{1} << kSlotBits;
  struct Slot {
    std::uint64_t word = 0;
    std::uint16_t bits = 0;  // 0: empty
  };

  void add(std::uint64_t word, std::uint16_t bits) {
    std::size_t i = word >> (64 - kSlotBits);
    while (slots_[i].bits != 0 && slots_[i].word != word) i = (i + 1) % kSlots;
    slots_[i].word = word;
    slots_[i].bits |= bits;
  }

  std::array<Slot, kSlots> slots_{};
};

const WordLists& word_lists() {
  static const WordLists lists;
  return lists;
}

// TokenInfo's hashes of a token in one pass: the lower-cased word, its last three bytes,
// and its shape: "Al-Thani" -> "Xx-Xx", "U.S." -> "X.X.", "1996" -> "d", character
// classes with runs folded, at most eight classes. The same values as fnv1a() of those
// strings.
void hash_token(std::string_view word, TokenInfo& info) {
  std::uint64_t word_hash = kFnvOffsetBasis;
  std::uint64_t shape_hash = word_hash;
  std::size_t shape_length = 0;
  char last_class = 0;
  for (char byte : word) {
    unsigned char c = static_cast<unsigned char>(byte);
    word_hash = (word_hash ^ lower_byte(c)) * kFnvPrime;
    if (shape_length == 8) continue;
    char cls = c >= 'A' && c <= 'Z'   ? 'X'
               : c >= 'a' && c <= 'z' ? 'x'
               : c >= '0' && c <= '9' ? 'd'
               : c >= 0x80            ? 'u'
                                      : static_cast<char>(c);
    if (cls == 'u') {
      if ((c & 0xC0) == 0x80) continue;  // one class per code point
      cls = 'x';
    }
    if (shape_length > 0 && last_class == cls) continue;
    last_class = cls;
    ++shape_length;
    shape_hash = (shape_hash ^ static_cast<unsigned char>(cls)) * kFnvPrime;
  }
  info.word = word_hash;
  info.shape = shape_hash;
  info.suffix = word.size() <= 3 ? word_hash : fnv1a(word.substr(word.size() - 3), true);
}

}  // namespace

FeatureContext::FeatureContext(std::string_view text, const std::vector<Token>& tokens)
    : text_(text), tokens_(tokens), info_(tokens.size()) {
  const Gazetteer& gazetteer = Gazetteer::instance();
  const auto& lists = word_lists();
  for (const Token& token : tokens) {
    if (!token.has(kTokenWord)) continue;
    lead_word_ = fnv1a(token.text(text), true);
    break;
  }
  // Words written in small letters somewhere in the text, as a bit set of their hashes:
  // constant time, and a rare false positive only blurs one feature.
  std::bitset<kSeenLowerBits> seen_lower;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::string_view word = tokens[i].text(text);
    TokenInfo& info = info_[i];
    hash_token(word, info);
    if (!tokens[i].has(kTokenWord)) continue;
    info.lexicon |= lists.bits(info.word);
    if (!tokens[i].has(kTokenHasUpper)) {
      seen_lower.set(info.word % kSeenLowerBits);
      continue;
    }
    Gazetteer::NameKinds name = gazetteer.name_kinds(word);
    if (name.given) info.lexicon |= kGivenName;
    if (name.family) info.lexicon |= kFamilyName;
    info.place = gazetteer.place_kinds(word);
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].has(kTokenHasUpper) && seen_lower.test(info_[i].word % kSeenLowerBits)) {
      info_[i].lexicon |= kLowerElsewhere;
    }
  }

  // Multi-word gazetteer places ("Saudi Arabia", "Bosnia and Herzegovina"): the longest
  // match starting at each capitalised word, over a run of capitalised words and
  // connectors, with single spaces between the words.
  std::size_t longest = std::min<std::size_t>(gazetteer.longest_place_words(), 5);
  std::string joined;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].has(kTokenCapitalised)) continue;
    std::size_t run = 1;  // words that may belong to one name
    while (run < longest && i + run < tokens.size() && !tokens[i + run].has(kTokenLineStart) &&
           tokens[i + run].has(kTokenWord) &&
           (tokens[i + run].has(kTokenCapitalised) || (info_[i + run].lexicon & kConnector))) {
      ++run;
    }
    for (std::size_t words = run; words >= 2; --words) {
      if (!tokens[i + words - 1].has(kTokenCapitalised)) continue;
      joined.clear();
      for (std::size_t k = i; k < i + words; ++k) {
        if (k > i) joined += ' ';
        joined += tokens[k].text(text);
      }
      std::uint8_t kinds = gazetteer.place_kinds(joined);
      if (kinds == 0) continue;
      for (std::size_t k = i; k < i + words; ++k) {
        info_[k].place_span = static_cast<std::uint8_t>(kinds | (k > i ? 0x80 : 0x40));
      }
      i += words - 1;
      break;
    }
  }
}

bool FeatureContext::is_candidate(std::size_t i, std::uint8_t previous_tag) const {
  const Token& token = tokens_[i];
  if (!token.has(kTokenWord)) return false;
  if (token.has(kTokenHasUpper)) return true;
  return previous_tag != kTagOutside && (info_[i].lexicon & kConnector) != 0;
}

void FeatureContext::features(std::size_t i, const std::uint8_t* tags,
                              std::vector<std::uint32_t>& out) const {
  out.clear();
  const TokenInfo& self = info_[i];
  const std::uint64_t kNone = 0x5bd1e995;  // stands for a missing neighbour
  auto word_at = [&](std::ptrdiff_t offset) {
    std::ptrdiff_t k = static_cast<std::ptrdiff_t>(i) + offset;
    return k < 0 || k >= static_cast<std::ptrdiff_t>(info_.size()) ? kNone : info_[k].word;
  };
  auto info_at = [&](std::ptrdiff_t offset) -> const TokenInfo* {
    std::ptrdiff_t k = static_cast<std::ptrdiff_t>(i) + offset;
    return k < 0 || k >= static_cast<std::ptrdiff_t>(info_.size()) ? nullptr : &info_[k];
  };
  // Tag context restarts with each line: a headline's last tag says nothing about the
  // first word of the paragraph below it.
  const Token& token = tokens_[i];
  constexpr std::uint64_t kLineBreak = 99;
  bool first_on_line = token.has(kTokenLineStart);
  bool second_on_line = i > 0 && tokens_[i - 1].has(kTokenLineStart);
  std::uint64_t tag_before = i > 0 && !first_on_line ? tags[i - 1] : kLineBreak;
  std::uint64_t tag_two_before =
      i > 1 && !first_on_line && !second_on_line ? tags[i - 2] : kLineBreak;

  out.push_back(feature_key(kBias, 0));
  out.push_back(feature_key(kWord, self.word));
  out.push_back(feature_key(kWordBefore, word_at(-1)));
  out.push_back(feature_key(kWordAfter, word_at(1)));
  out.push_back(feature_key(kWordTwoBefore, word_at(-2)));
  out.push_back(feature_key(kWordTwoAfter, word_at(2)));
  out.push_back(feature_key(kShape, self.shape));
  out.push_back(feature_key(kShapeBefore, i > 0 ? info_[i - 1].shape : kNone));
  out.push_back(feature_key(kShapeAfter, i + 1 < info_.size() ? info_[i + 1].shape : kNone));
  out.push_back(feature_key(kSuffix, self.suffix));
  out.push_back(feature_key(kTagBefore, tag_before));
  out.push_back(feature_key(kTagsBefore, tag_two_before * 131 + tag_before));
  out.push_back(feature_key(kTagBeforeWord, self.word * 31 + tag_before));
  out.push_back(feature_key(kTagBeforeShape, self.shape * 31 + tag_before));
  std::uint64_t position = (token.has(kTokenSentenceStart) ? 1 : 0) |
                           (token.has(kTokenLineStart) ? 2 : 0) |
                           (token.has(kTokenCapsLine) ? 4 : 0) | (token.all_caps() ? 8 : 0) |
                           (token.has(kTokenTableLine) ? 16 : 0);
  out.push_back(feature_key(kPosition, position));
  out.push_back(feature_key(kPositionShape, self.shape * 64 + position));
  out.push_back(feature_key(kPositionPlace, (self.place | self.place_span) * 64ull + position));
  // The article's first word ("SOCCER" in a wire headline, a topic word elsewhere) tells
  // whether a city name is a place or a club.
  out.push_back(feature_key(kLeadWordPlace, lead_word_ * 131 + (self.place | self.place_span)));
  out.push_back(feature_key(kLeadWordShape, lead_word_ * 131 + self.shape));
  out.push_back(feature_key(kPlaceTagBefore, (self.place | self.place_span) * 128ull + tag_before));
  out.push_back(
      feature_key(kShapeContext, (i > 0 ? info_[i - 1].shape : kNone) * 7 +
                                     (i + 1 < info_.size() ? info_[i + 1].shape : kNone)));
  if (self.place != 0) out.push_back(feature_key(kPlace, self.place));
  if (self.place_span != 0) out.push_back(feature_key(kPlaceSpan, self.place_span));
  out.push_back(feature_key(kLexicon, self.lexicon));
  if (const TokenInfo* before = info_at(-1)) {
    out.push_back(feature_key(kLexiconBefore, before->lexicon));
    out.push_back(feature_key(kBigramBefore, before->word * 1000003 + self.word));
  }
  if (const TokenInfo* after = info_at(1)) {
    out.push_back(feature_key(kLexiconAfter, after->lexicon));
    out.push_back(feature_key(kBigramAfter, self.word * 1000003 + after->word));
  }
  std::uint8_t seen = 0;
  for (const auto& [word, type] : type_seen_) {
    if (word == self.word) seen = type;
  }
  out.push_back(feature_key(kTypeSeen, seen));
}

void FeatureContext::remember(std::size_t i, std::uint8_t tag) {
  // Headlines in capitals or title case are tagged least reliably (every word has a
  // capital); their guesses must not steer the body's tags: "Ferry Fares Frozen" made
  // the body's sentence-initial "Fares" a person.
  if (tag == kTagOutside || tokens_[i].has(kTokenCapsLine) || tokens_[i].has(kTokenTitleLine)) {
    return;
  }
  std::uint8_t type = 1 + static_cast<std::uint8_t>(tag_type(tag));
  for (auto& [word, seen] : type_seen_) {
    if (word == info_[i].word) {
      seen = type;  // the latest decision counts
      return;
    }
  }
  type_seen_.emplace_back(info_[i].word, type);
}

}  // namespace newsdex
