#include "newsdex/document_builder.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "newsdex/caching_stemmer.h"
#include "newsdex/facet_pack.h"
#include "newsdex/hashing.h"
#include "newsdex/schema.h"
#include "newsdex/stored_article.h"
#include "newsdex/text_decoding.h"

namespace newsdex {
namespace {

// Gap left in term positions between fields and blocks so that a phrase never matches
// across a title and a paragraph.
constexpr Xapian::termpos kFieldGap = 100;
// Headings inside the body weigh as much as two body words.
constexpr unsigned kHeadingWdf = 2;

// TextIndexer splits words itself only in text whose code points all lie below U+1100 or
// in U+1E00..U+2E7F (the alphabets of Europe, the Middle East and India, Latin Extended
// Additional, punctuation, symbols). Other text goes to the TermGenerator, whose CJK
// handling (n-grams when XAPIAN_CJK_NGRAM is set) starts at U+2E80.
constexpr char32_t kFirstUnhandled = 0x1100;
constexpr char32_t kHandledAgainFrom = 0x1E00;
constexpr char32_t kUnhandledAgainFrom = 0x2E80;

// Longest word indexed, in bytes: the TermGenerator's default.
constexpr std::size_t kMaxWordBytes = 64;

// What the TermGenerator's check_infix() and check_infix_digit() return for a
// character to leave out of a word that goes on across it.
constexpr unsigned kIgnoredInfix = ~0u;

unsigned ignorable(unsigned ch) {
  return ch >= 0x200b && (ch <= 0x200d || ch == 0x2060 || ch == 0xfeff) ? kIgnoredInfix : 0;
}

// Characters that join two letters into one word (apostrophes, "AT&T"), as the
// TermGenerator has them.
unsigned infix(unsigned ch) {
  if (ch == '\'' || ch == '&' || ch == 0xb7 || ch == 0x5f4 || ch == 0x2027) return ch;
  if (ch == 0x2019 || ch == 0x201b) return '\'';
  return ignorable(ch);
}

// Characters that join two digits into one number ("1,000", "3.5").
unsigned digit_infix(unsigned ch) {
  switch (ch) {
    case ',':
    case '.':
    case ';':
    case 0x037e:
    case 0x0589:
    case 0x060D:
    case 0x07F8:
    case 0x2044:
    case 0xFE10:
    case 0xFE13:
    case 0xFE14:
      return ch;
  }
  return ignorable(ch);
}

bool is_ascii_upper(unsigned ch) { return ch >= 'A' && ch <= 'Z'; }

bool is_decimal_digit(unsigned ch) {
  return Xapian::Unicode::get_category(ch) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

// Xapian's word characters and their lower case, with the ASCII answers in a table.
class WordChars {
 public:
  WordChars() {
    for (unsigned ch = 0; ch < 128; ++ch) {
      ascii_[ch] = Xapian::Unicode::is_wordchar(ch) ? Xapian::Unicode::tolower(ch) : 0;
    }
  }

  // The lower case of a word character, 0 for any other.
  unsigned check(unsigned ch) const {
    if (ch < 128) return ascii_[ch];
    return Xapian::Unicode::is_wordchar(ch) ? Xapian::Unicode::tolower(ch) : 0;
  }

 private:
  unsigned ascii_[128];
};

// Whether the TermGenerator (STEM_SOME) adds a stemmed term for a word: it starts with
// a letter that is not a capital.
bool should_stem(unsigned first) {
  constexpr unsigned kMask =
      (1u << Xapian::Unicode::LOWERCASE_LETTER) | (1u << Xapian::Unicode::TITLECASE_LETTER) |
      (1u << Xapian::Unicode::MODIFIER_LETTER) | (1u << Xapian::Unicode::OTHER_LETTER);
  return ((kMask >> Xapian::Unicode::get_category(first)) & 1) != 0;
}

// Whether a word may hold a letter fold_accents() changes (its lead bytes, C3 to C8).
bool has_foldable_letter(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0xC3 && byte <= 0xC8;
  });
}

void append_code_point(std::string& out, unsigned ch) {
  if (ch < 0x80) {
    out += static_cast<char>(ch);
  } else {
    Xapian::Unicode::append_utf8(out, ch);
  }
}

}  // namespace

// Indexes free text exactly as the TermGenerator configured by the schema does (STEM_SOME,
// no stopper, no spelling, the default word length limit), only cheaper: words are split
// by a port of its parse_terms() for the scripts news is written in, and the stemmed
// terms, which carry no positions, are counted per distinct word and added once each at
// finish() instead of once per occurrence. Text in other scripts goes to the
// TermGenerator itself, which shares the term position. The port follows Xapian 1.4.22;
// a Xapian that splits words differently needs it updated (comparing the index digest of
// a corpus built before and after shows any difference).
class DocumentBuilder::TextIndexer {
 public:
  TextIndexer() : stemmer_(with_stem_cache(make_stemmer())) {
    generator_.set_stemmer(stemmer_);
    generator_.set_stemming_strategy(kIndexStemStrategy);
  }

  void start(Xapian::Document& doc) {
    doc_ = doc;
    generator_.set_document(doc);
    position_ = 0;
    for (auto& [prefix, words] : stems_) words.clear();
  }

  // Indexes `text` with `wdf` per word, then leaves a gap so that no phrase runs on into
  // what comes next; with unprefixed_wdf, again without the prefix.
  void index(const Field& field, const std::string& text, unsigned wdf) {
    index_words(text, wdf, field.prefix);
    position_ += kFieldGap;
    if (field.unprefixed_wdf > 0 && !field.prefix.empty()) {
      index_words(text, field.unprefixed_wdf, {});
      position_ += kFieldGap;
    }
  }

  // Adds the stemmed terms counted since start().
  void finish() {
    for (auto& [prefix, words] : stems_) {
      for (const auto& [word, wdf] : words) {
        const std::string stem = stemmer_(word);
        if (stem.empty()) continue;
        term_ = 'Z';
        term_ += prefix;
        term_ += stem;
        doc_.add_term(term_, wdf);
      }
    }
    // Let go of the document: Xapian's handles count their owners without atomics, and
    // the document goes on to a writer thread while this builder stays on its worker.
    doc_ = Xapian::Document();
    generator_.set_document(Xapian::Document());
  }

 private:
  void index_words(const std::string& text, unsigned wdf, std::string_view prefix) {
    if (!decode(text)) {
      generator_.set_termpos(position_);
      generator_.index_text(text, wdf, std::string(prefix));
      position_ = generator_.get_termpos();
      return;
    }
    WordCounts& stems = stems_for(prefix);
    unsigned first = 0;
    for (std::size_t i = read_word(0, first); i != kNoMoreWords; i = read_word(i, first)) {
      if (word_.size() <= kMaxWordBytes) add_word(first, wdf, prefix, stems);
    }
  }

  static constexpr std::size_t kNoMoreWords = ~std::size_t{0};

  // A port of the TermGenerator's parse_terms() (Xapian 1.4) for code_points_, which hold
  // no CJK: reads the next word at or after `i` into word_, its first character (lower
  // case) into `first`, and returns where the word ends; kNoMoreWords when none is left.
  std::size_t read_word(std::size_t i, unsigned& first) {
    const std::size_t n = code_points_.size();
    unsigned ch = 0;
    while (i < n && (ch = chars_.check(code_points_[i])) == 0) ++i;
    if (i == n) return kNoMoreWords;
    first = ch;
    word_.clear();
    if (std::size_t end = read_initials(i); end != 0) return end;
    bool at_end = false;
    i = read_joined_word(i, ch, at_end);
    return at_end ? i : read_plus_or_hash_suffix(i);
  }

  // Initials separated by full stops ("U.N.", "P.T.O") are one word: reads them into
  // word_ and returns where they end, or returns 0 with word_ empty when the text at `i`
  // is not initials.
  std::size_t read_initials(std::size_t i) {
    if (!is_ascii_upper(code_points_[i])) return 0;
    const std::size_t n = code_points_.size();
    std::size_t p = i;
    do {
      append_code_point(word_, chars_.check(code_points_[p++]));
    } while (p != n && code_points_[p] == '.' && ++p != n && is_ascii_upper(code_points_[p]));
    if (word_.size() > 1 && (p == n || chars_.check(code_points_[p]) == 0)) return p;
    word_.clear();
    return 0;
  }

  // Word characters from `i` (whose lower case is `ch`), joined across an apostrophe or
  // "&" between letters and a "," or "." between digits; sets at_end when the text ends
  // inside the word.
  std::size_t read_joined_word(std::size_t i, unsigned ch, bool& at_end) {
    const std::size_t n = code_points_.size();
    while (true) {
      unsigned previous;
      do {
        append_code_point(word_, ch);
        previous = ch;
        if (++i == n) {
          at_end = true;
          return i;
        }
        ch = chars_.check(code_points_[i]);
      } while (ch != 0);
      if (i + 1 == n) return i;
      unsigned next = chars_.check(code_points_[i + 1]);
      if (next == 0) return i;
      unsigned joiner = is_decimal_digit(previous) && is_decimal_digit(code_points_[i + 1])
                            ? digit_infix(code_points_[i])
                            : infix(code_points_[i]);
      if (joiner == 0) return i;
      if (joiner != kIgnoredInfix) append_code_point(word_, joiner);
      ch = next;
      ++i;
    }
  }

  // Up to three trailing '+' or '#' ("C++", "C#"), unless a word character follows.
  std::size_t read_plus_or_hash_suffix(std::size_t i) {
    const std::size_t n = code_points_.size();
    const std::size_t length = word_.size();
    unsigned count = 0;
    bool at_end = false;
    while (code_points_[i] == '+' || code_points_[i] == '#') {
      if (++count > 3) {
        word_.resize(length);
        break;
      }
      word_ += static_cast<char>(code_points_[i]);
      if (++i == n) {
        at_end = true;
        break;
      }
    }
    if (!at_end && chars_.check(code_points_[i]) != 0) word_.resize(length);
    return i;
  }

  using WordCounts = std::unordered_map<std::string, Xapian::termcount>;

  // Indexes word_ at the next position, and counts it for a stemmed term.
  void add_word(unsigned first, unsigned wdf, std::string_view prefix, WordCounts& stems) {
    term_.assign(prefix).append(word_);
    doc_.add_posting(term_, ++position_, wdf);
    if (should_stem(first)) stems[word_] += wdf;
    // An accented word is also indexed without its accents, at the same position, so
    // that the folded query ("jose" for "josé", see fold_accents) finds it in words and
    // phrases alike. The one departure from the TermGenerator.
    if (has_foldable_letter(word_)) {
      folded_ = fold_accents(word_);
      term_.assign(prefix).append(folded_);
      doc_.add_posting(term_, position_, wdf);
      if (should_stem(first)) stems[folded_] += wdf;
    }
  }

  // Fills code_points_ with the code points of `text`; false when it holds bytes that
  // are not UTF-8 or code points that index_words() leaves to the TermGenerator.
  bool decode(std::string_view text) {
    code_points_.clear();
    for (std::size_t i = 0; i < text.size();) {
      auto byte = static_cast<unsigned char>(text[i]);
      if (byte < 0x80) {
        code_points_.push_back(byte);
        ++i;
        continue;
      }
      char32_t code = 0;
      std::size_t length = decode_utf8_at(text, i, code);
      if (length == 0 || code >= kUnhandledAgainFrom ||
          (code >= kFirstUnhandled && code < kHandledAgainFrom)) {
        return false;
      }
      code_points_.push_back(code);
      i += length;
    }
    return true;
  }

  WordCounts& stems_for(std::string_view prefix) {
    for (auto& [known, words] : stems_) {
      if (known == prefix) return words;
    }
    return stems_.emplace_back(std::string(prefix), WordCounts{}).second;
  }

  Xapian::Stem stemmer_;
  Xapian::TermGenerator generator_;
  Xapian::Document doc_;
  Xapian::termpos position_ = 0;
  WordChars chars_;
  std::vector<char32_t> code_points_;
  std::string word_, term_, folded_;
  // Per prefix, the words that get a stemmed term, with their wdf so far.
  std::vector<std::pair<std::string, WordCounts>> stems_;
};

DocumentBuilder::DocumentBuilder() : text_(std::make_unique<TextIndexer>()) {}
DocumentBuilder::~DocumentBuilder() = default;
DocumentBuilder::DocumentBuilder(DocumentBuilder&&) noexcept = default;
DocumentBuilder& DocumentBuilder::operator=(DocumentBuilder&&) noexcept = default;

namespace {

void add_news_source_terms(Xapian::Document& doc, const Field& field, const Article& article) {
  if (article.news_source.empty()) return;
  doc.add_boolean_term(boolean_term(field, article.news_source));
  // "reuters.com" is found by source:reuters too.
  const std::string site = site_name_of_host(article.news_source);
  if (!site.empty()) doc.add_boolean_term(boolean_term(field, site));
}

// Every article counts towards its source's total, so that a line's share of the source
// can be read from term frequencies (see kResidueSourcePrefix).
void add_residue_line_terms(Xapian::Document& doc, const Field& field, const Article& article) {
  std::string source_hex = hex64(residue_source_key(article.news_source));
  doc.add_boolean_term(std::string(kResidueSourcePrefix) + source_hex);
  for (std::uint64_t key : article.clean.line_keys) {
    doc.add_boolean_term(std::string(field.prefix) + source_hex + hex64(key));
  }
}

// Each facet's first kFacetSlots names in slots of their own (what remote shards count,
// with Xapian's own match spy) and all of them in the facet pack (what local searches
// count).
void add_facet_values(Xapian::Document& doc, const ArticleEntities& entities) {
  FacetPackWriter facet_pack;
  std::span<const Facet> facets = schema_facets();
  for (unsigned facet_index = 0; facet_index < facets.size(); ++facet_index) {
    const Facet& facet = facets[facet_index];
    const std::vector<std::string>& names = *entities.list_for(facet.source);
    for (std::size_t i = 0; i < names.size() && i < kFacetSlots; ++i) {
      doc.add_value(facet.first_slot + static_cast<Xapian::valueno>(i), names[i]);
      facet_pack.add(facet_index, names[i]);
    }
  }
  doc.add_value(kSlotFacetPack, facet_pack.bytes());
}

void add_file_and_date_values(Xapian::Document& doc, const Article& article) {
  doc.add_value(kSlotMtime, Xapian::sortable_serialise(article.source.mtime));
  doc.add_value(kSlotContentHash, article.content_hash);
  doc.add_value(kSlotSize, Xapian::sortable_serialise(static_cast<double>(article.source.size)));
  if (article.id != article.source.id) doc.add_value(kSlotFile, article.source.id);
  // An undated article has no date slots: date filters, date sorting and recency then
  // pass it over rather than place it on an invented day.
  if (article.date) {
    doc.add_value(kSlotDay, day_key(*article.date));
    doc.add_value(kSlotTimestamp,
                  Xapian::sortable_serialise(static_cast<double>(article.date->unix_seconds)));
  }
}

std::string stored_record_of(const Article& article) {
  StoredArticle stored;
  stored.id = article.id;
  stored.path = article.source.path;
  stored.title = article.title;
  stored.section = article.section;
  stored.source = article.news_source;
  stored.author = article.author;
  stored.url = article.url;
  if (article.date) {
    stored.date = iso_date(*article.date);
    stored.date_source = std::string(date_source_name(article.date->source));
  }
  stored.body = article.body;
  stored.entities = article.entities;
  return stored.serialise();
}

}  // namespace

// The canonical names of an entity field as exact terms, or as words of the field
// together with their aliases, so that person:"Netanyahu" finds the article whatever
// form it used (aliases are not exact terms: facets show canonical names).
void DocumentBuilder::add_entity_field(Xapian::Document& doc, const Field& field,
                                       const ArticleEntities& entities) {
  for (const std::string& name : *entities.list_for(field.source)) {
    if (field.kind == FieldKind::kBoolean) {
      doc.add_boolean_term(boolean_term(field, name));
    } else {
      text_->index(field, name, field.wdf);
    }
  }
  const auto* aliases = entities.aliases_for(field.source);
  if (aliases == nullptr || field.kind != FieldKind::kFreeText) return;
  for (const std::string& alias : *aliases) text_->index(field, alias, field.wdf);
}

void DocumentBuilder::add_field(Xapian::Document& doc, const Field& field, const Article& article) {
  switch (field.source) {
    case FieldSource::kId:
      doc.add_boolean_term(id_term(article.id));
      break;
    case FieldSource::kNewsSource:
      add_news_source_terms(doc, field, article);
      break;
    case FieldSource::kResidueLines:
      add_residue_line_terms(doc, field, article);
      break;
    case FieldSource::kSection:
      if (!article.section.empty()) doc.add_boolean_term(boolean_term(field, article.section));
      break;
    case FieldSource::kAuthor:
      if (!article.author.empty()) text_->index(field, article.author, field.wdf);
      break;
    case FieldSource::kUrl:
      if (!article.url.empty()) doc.add_boolean_term(boolean_term(field, article.url));
      break;
    case FieldSource::kTitle:
      text_->index(field, article.title, field.wdf);
      break;
    case FieldSource::kBody:
      for (const TextBlock& block : article.clean.blocks) {
        unsigned wdf = block.kind == BlockKind::kHeading ? kHeadingWdf : field.wdf;
        text_->index(field, block.text, wdf);
      }
      break;
    case FieldSource::kPeople:
    case FieldSource::kPlaces:
    case FieldSource::kOrganizations:
    case FieldSource::kTopics:
      add_entity_field(doc, field, article.entities);
      break;
  }
}

Xapian::Document DocumentBuilder::build(const Article& article) {
  Xapian::Document doc;
  text_->start(doc);
  for (const Field& field : schema_fields()) add_field(doc, field, article);
  text_->finish();

  add_facet_values(doc, article.entities);
  add_file_and_date_values(doc, article);
  // An article without words has nothing to compare: no fingerprint, no group.
  if (!article.fingerprint.empty())
    doc.add_value(kSlotFingerprint, fingerprint_bytes(article.fingerprint));
  set_duplicate_key(
      doc, article.duplicate_key.empty() ? duplicate_key_of(article.id) : article.duplicate_key);
  doc.set_data(stored_record_of(article));
  return doc;
}

void set_duplicate_key(Xapian::Document& doc, const std::string& key) {
  std::string before = doc.get_value(kSlotDuplicateKey);
  if (before == key) return;
  // Set before only by this function, so its term is there to remove.
  if (!before.empty()) doc.remove_term(std::string(kDuplicateKeyPrefix) + before);
  doc.add_boolean_term(std::string(kDuplicateKeyPrefix) + key);
  doc.add_value(kSlotDuplicateKey, key);
}

}  // namespace newsdex
