#include "query_builder.h"

#include "newsdex/errors.h"
#include "newsdex/schema.h"

namespace newsdex {
namespace {

constexpr unsigned kParseFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT;

// The value of a boolean field that folds case (source:Reuters): the term the indexer
// wrote for it.
class FoldedBooleanField : public Xapian::FieldProcessor {
 public:
  explicit FoldedBooleanField(const Field& field) : field_(field) {}
  Xapian::Query operator()(const std::string& value) override {
    return Xapian::Query(boolean_term(field_, value));
  }

 private:
  const Field& field_;
};

// A wildcard such as "a*" would otherwise OR together a large part of the vocabulary.
constexpr Xapian::termcount kMaxWildcardTerms = 500;

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db) : stemmer_(make_stemmer()) {
  parser_.set_database(db);
  parser_.set_stemmer(stemmer_);
  parser_.set_stemming_strategy(kQueryStemStrategy);
  parser_.set_default_op(Xapian::Query::OP_AND);
  parser_.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  for (const Field& field : schema_fields()) {
    if (field.name.empty()) continue;
    std::string name(field.name), prefix(field.prefix);
    if (field.kind == FieldKind::kBoolean && field.fold_case) {
      parser_.add_boolean_prefix(name, (new FoldedBooleanField(field))->release());
    } else if (field.kind == FieldKind::kBoolean) {
      parser_.add_boolean_prefix(name, prefix);
    } else {
      parser_.add_prefix(name, prefix);
    }
  }
  // date:2024-02-01..2024-02-29, open at either end; compares kSlotDay's YYYYMMDD.
  parser_.add_rangeprocessor(
      (new Xapian::DateRangeProcessor(kSlotDay, std::string(kDateFilterPrefix)))->release());
}

Xapian::Query QueryBuilder::build(const std::string& query_text) {
  try {
    return parser_.parse_query(query_text, kParseFlags);
  } catch (const Xapian::QueryParserError& e) {
    throw QueryError("cannot parse query '" + query_text + "': " + e.get_msg());
  } catch (const Xapian::WildcardError& e) {
    throw QueryError("query '" + query_text + "': " + e.get_msg());
  }
}

}  // namespace newsdex
