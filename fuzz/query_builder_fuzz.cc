// Query strings, as newsdex-search takes them: parsed by QueryBuilder and run against a
// small index of two shards (Xapian 1.4.22 crashed on some XORs over shards). A query
// that cannot be parsed is a QueryError, never a crash.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include <xapian.h>

#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "newsdex/errors.h"
#include "newsdex/schema.h"
#include "query_builder.h"

namespace {

// One in-memory shard with a few articles whose words the fuzzer's seeds use.
Xapian::Database make_shard(int first) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  newsdex::write_schema_metadata(db);
  newsdex::DocumentBuilder builder;
  for (int i = first; i < first + 3; ++i) {
    newsdex::SourceFile source;
    source.id = "world/a" + std::to_string(i) + ".txt";
    source.path = source.id;
    newsdex::Article article = newsdex::make_article(
        source, "Harbour report " + std::to_string(i) +
                    "\n\nTony Blair met José Mourinho in London about the ferry and the bank.\n");
    db.replace_document(newsdex::id_term(source.id), builder.build(article));
  }
  db.commit();
  return db;
}

const Xapian::Database& two_shards() {
  static const Xapian::Database db = [] {
    Xapian::Database combined;
    combined.add_database(make_shard(0));
    combined.add_database(make_shard(3));
    return combined;
  }();
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static newsdex::QueryBuilder builder(
      two_shards(),
      newsdex::Day{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{6}});
  const std::string query(reinterpret_cast<const char*>(data), size);
  try {
    Xapian::Enquire enquire(two_shards());
    enquire.set_query(builder.build(query));
    enquire.get_mset(0, 10);
  } catch (const newsdex::QueryError&) {
    // Refused with its reason, as the user sees it.
  }
  return 0;
}
