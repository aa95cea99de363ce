#include "newsdex/document_builder.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsdex/caching_stemmer.h"
#include "newsdex/facet_pack.h"
#include "newsdex/hashing.h"
#include "newsdex/schema.h"
#include "newsdex/stored_article.h"
#include "newsdex/text_analyzer.h"

namespace newsdex {
namespace {

// Gap left in term positions between fields and blocks so that a phrase never matches
// across a title and a paragraph.
constexpr Xapian::termpos kFieldGap = 100;
// Headings inside the body weigh as much as two body words.
constexpr unsigned kHeadingWdf = 2;

// Whether a word may hold a letter fold_accents() changes (its lead bytes, C3 to C8).
bool has_foldable_letter(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0xC3 && byte <= 0xC8;
  });
}

// Whether the TermGenerator (STEM_SOME) adds a stemmed term for a word: it starts with a
// letter (words are lower case by then).
bool should_stem(std::string_view word) {
  constexpr unsigned kMask =
      (1u << Xapian::Unicode::LOWERCASE_LETTER) | (1u << Xapian::Unicode::TITLECASE_LETTER) |
      (1u << Xapian::Unicode::MODIFIER_LETTER) | (1u << Xapian::Unicode::OTHER_LETTER);
  Xapian::Utf8Iterator first(word.data(), word.size());
  return first != Xapian::Utf8Iterator() &&
         ((kMask >> Xapian::Unicode::get_category(*first)) & 1) != 0;
}

// A word of a free-text field to be indexed once more without its accents.
struct FoldedWord {
  std::string prefix;
  std::string folded;
  Xapian::termcount wdf = 0;
  std::vector<Xapian::termpos> positions;
};

}  // namespace

// Indexes free text with the TermGenerator configured by the schema (STEM_SOME, no
// stopper, no spelling, the default word length limit, the schema's stemmer behind a
// cache), then adds one departure from it: an accented word is also indexed without its
// accents, at the same positions and with the same wdf, and so is its stem, so that the
// folded query ("jose" for "josé", see fold_accents) finds it in words and phrases alike.
// The differential test (tests/text_indexer_differential_test.cc) holds it to exactly
// that.
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
    may_fold_ = false;
  }

  // Indexes `text` with `wdf` per word, then leaves a gap so that no phrase runs on into
  // what comes next; with unprefixed_wdf, again without the prefix.
  void index(const Field& field, const std::string& text, unsigned wdf) {
    index_words(text, wdf, field.prefix);
    if (field.unprefixed_wdf > 0 && !field.prefix.empty()) {
      index_words(text, field.unprefixed_wdf, {});
    }
  }

  // Adds the accent-free forms of the accented words indexed since start().
  void finish() {
    // Most news is in English: its documents need no pass over their terms.
    const std::vector<FoldedWord> words = may_fold_ ? folded_words() : std::vector<FoldedWord>{};
    for (const FoldedWord& word : words) {
      const std::string term = word.prefix + word.folded;
      for (Xapian::termpos position : word.positions) doc_.add_posting(term, position, 0);
      doc_.add_term(term, word.wdf);
      if (should_stem(word.folded)) {
        doc_.add_term("Z" + word.prefix + stemmer_(word.folded), word.wdf);
      }
    }
    // Let go of the document: Xapian's handles count their owners without atomics, and
    // the document goes on to a writer thread while this builder stays on its worker.
    doc_ = Xapian::Document();
    generator_.set_document(Xapian::Document());
  }

 private:
  void index_words(const std::string& text, unsigned wdf, std::string_view prefix) {
    may_fold_ = may_fold_ || has_foldable_letter(text);
    generator_.set_termpos(position_);
    generator_.index_text(text, wdf, std::string(prefix));
    position_ = generator_.get_termpos() + kFieldGap;
  }

  // The words with positions (free text: not boolean or stemmed terms) that lose an
  // accent when folded, read before any is added (adding would invalidate the iterator).
  std::vector<FoldedWord> folded_words() {
    std::vector<FoldedWord> words;
    for (auto term = doc_.termlist_begin(); term != doc_.termlist_end(); ++term) {
      const std::string& name = *term;
      if (!has_foldable_letter(name) || term.positionlist_count() == 0) continue;
      std::string_view prefix = term_prefix(name);
      std::string_view word = std::string_view(name).substr(prefix.size());
      std::string folded = fold_accents(word);
      if (folded == word) continue;  // letters without a base form (ß, æ): nothing to add
      FoldedWord& added = words.emplace_back();
      added.prefix = prefix;
      added.folded = std::move(folded);
      added.wdf = term.get_wdf();
      added.positions.assign(term.positionlist_begin(), term.positionlist_end());
    }
    return words;
  }

  Xapian::Stem stemmer_;
  Xapian::TermGenerator generator_;
  Xapian::Document doc_;
  Xapian::termpos position_ = 0;
  bool may_fold_ = false;  // some text since start() held a letter fold_accents() may change
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
    case FieldSource::kId: {
      std::string term = id_term(article.id);
      doc.add_boolean_term(term);
      doc.add_value(kSlotIdTerm, term);
      break;
    }
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
