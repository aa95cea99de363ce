#include "support/stock_query_parser.h"

#include <string>

#include "newsdex/schema.h"

namespace newsdex::testing {

Xapian::QueryParser stock_query_parser(const Xapian::Database& db) {
  Xapian::QueryParser parser;
  parser.set_database(db);
  parser.set_stemmer(make_stemmer());
  parser.set_stemming_strategy(kQueryStemStrategy);
  parser.set_default_op(Xapian::Query::OP_AND);
  for (const Field& field : schema_fields()) {
    if (field.name.empty()) continue;
    if (field.kind == FieldKind::kBoolean) {
      parser.add_boolean_prefix(std::string(field.name), std::string(field.prefix));
    } else {
      parser.add_prefix(std::string(field.name), std::string(field.prefix));
    }
  }
  return parser;
}

}  // namespace newsdex::testing
