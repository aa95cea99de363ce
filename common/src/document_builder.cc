#include "newsdex/document_builder.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "newsdex/hashing.h"
#include "newsdex/schema.h"
#include "newsdex/stored_article.h"

namespace newsdex {
namespace {

// Gap left in term positions between fields and blocks so that a phrase never matches
// across a title and a paragraph.
constexpr Xapian::termpos kFieldGap = 100;
// Headings inside the body weigh as much as two body words.
constexpr unsigned kHeadingWdf = 2;

void index_free_text(Xapian::TermGenerator& tg, const Field& field, const std::string& text,
                     unsigned wdf) {
  tg.index_text(text, wdf, std::string(field.prefix));
  tg.increase_termpos(kFieldGap);
  if (field.unprefixed_wdf > 0 && !field.prefix.empty()) {
    tg.index_text(text, field.unprefixed_wdf);
    tg.increase_termpos(kFieldGap);
  }
}

// The index stemmer with a memory of the words it has stemmed: an article repeats its
// words, the title and names are indexed twice, and news vocabulary is small, so most
// words are found here instead of being run through Snowball again. The memory is a
// fixed table where a word may only sit in the slot of its hash, evicting whatever was
// there: one probe, bounded memory, and frequent words stay. Not thread-safe, like the
// TermGenerator that owns it.
class CachingStemmer : public Xapian::StemImplementation {
 public:
  explicit CachingStemmer(Xapian::Stem stemmer) : stemmer_(std::move(stemmer)), slots_(kSlots) {}

  std::string operator()(const std::string& word) override {
    std::uint64_t hash = fnv1a_64(word);
    Slot& slot = slots_[hash >> (64 - kSlotBits)];  // FNV's high bits are the well mixed ones
    if (slot.hash != hash || slot.word != word) {
      slot.hash = hash;
      slot.word = word;
      slot.stem = stemmer_(word);
    }
    return slot.stem;
  }

  std::string get_description() const override { return stemmer_.get_description(); }

 private:
  static constexpr int kSlotBits = 15;
  static constexpr std::size_t kSlots = std::size_t{1} << kSlotBits;
  struct Slot {
    std::uint64_t hash = 0;  // of `word`; an empty slot (0, "") matches no lookup
    std::string word;
    std::string stem;
  };
  Xapian::Stem stemmer_;
  std::vector<Slot> slots_;
};

}  // namespace

DocumentBuilder::DocumentBuilder() {
  term_generator_.set_stemmer(Xapian::Stem(new CachingStemmer(make_stemmer())));
  term_generator_.set_stemming_strategy(kIndexStemStrategy);
}

Xapian::Document DocumentBuilder::build(const Article& article) {
  Xapian::Document doc;
  term_generator_.set_document(doc);
  term_generator_.set_termpos(0);

  for (const Field& field : schema_fields()) {
    switch (field.source) {
      case FieldSource::kId:
        doc.add_boolean_term(id_term(article.id));
        break;
      case FieldSource::kNewsSource:
        if (!article.news_source.empty()) {
          doc.add_boolean_term(boolean_term(field, article.news_source));
        }
        break;
      case FieldSource::kResidueLines:
        for (std::uint64_t key : article.clean.line_keys) {
          doc.add_boolean_term(std::string(field.prefix) + hex64(key));
        }
        break;
      case FieldSource::kSection:
        if (!article.section.empty()) doc.add_boolean_term(boolean_term(field, article.section));
        break;
      case FieldSource::kTitle:
        index_free_text(term_generator_, field, article.title, field.wdf);
        break;
      case FieldSource::kBody:
        for (const TextBlock& block : article.clean.blocks) {
          unsigned wdf = block.kind == BlockKind::kHeading ? kHeadingWdf : field.wdf;
          index_free_text(term_generator_, field, block.text, wdf);
        }
        break;
      case FieldSource::kPeople:
      case FieldSource::kPlaces:
      case FieldSource::kOrganizations:
      case FieldSource::kTopics:
        for (const std::string& name : *article.entities.list_for(field.source)) {
          if (field.kind == FieldKind::kBoolean) {
            doc.add_boolean_term(boolean_term(field, name));
          } else {
            index_free_text(term_generator_, field, name, field.wdf);
          }
        }
        // Aliases are words of the field too, so person:"Netanyahu" finds the article
        // whatever form it used; they are not exact terms (facets show canonical names).
        if (const auto* aliases = article.entities.aliases_for(field.source);
            aliases != nullptr && field.kind == FieldKind::kFreeText) {
          for (const std::string& alias : *aliases) {
            index_free_text(term_generator_, field, alias, field.wdf);
          }
        }
        break;
    }
  }

  for (const Facet& facet : schema_facets()) {
    const std::vector<std::string>& names = *article.entities.list_for(facet.source);
    for (std::size_t i = 0; i < names.size() && i < kFacetSlots; ++i) {
      doc.add_value(facet.first_slot + static_cast<Xapian::valueno>(i), names[i]);
    }
  }

  doc.add_value(kSlotMtime, Xapian::sortable_serialise(article.source.mtime));
  doc.add_value(kSlotContentHash, article.content_hash);
  doc.add_value(kSlotSize, Xapian::sortable_serialise(static_cast<double>(article.source.size)));
  if (article.id != article.source.id) doc.add_value(kSlotFile, article.source.id);
  doc.add_value(kSlotDay, day_key(article.date));
  doc.add_value(kSlotTimestamp,
                Xapian::sortable_serialise(static_cast<double>(article.date.unix_seconds)));
  doc.add_value(kSlotFingerprint, hex64(article.fingerprint));
  doc.add_value(kSlotDuplicateKey, article.duplicate_key.empty() ? duplicate_key_of(article.id)
                                                                 : article.duplicate_key);

  StoredArticle stored;
  stored.id = article.id;
  stored.path = article.source.path;
  stored.title = article.title;
  stored.section = article.section;
  stored.source = article.news_source;
  stored.author = article.author;
  stored.url = article.url;
  stored.date = iso_date(article.date);
  stored.date_source = std::string(date_source_name(article.date.source));
  stored.body = article.body;
  stored.entities = article.entities;
  doc.set_data(stored.serialise());
  return doc;
}

}  // namespace newsdex
