// A long-lived Searcher keeps answering while its index is rewritten underneath it.
#include <gtest/gtest.h>
#include <xapian.h>

#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "newsdex/file_system.h"
#include "newsdex/schema.h"
#include "rebuild.h"
#include "searcher.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

SearchRequest request_for(const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.limit = 1000;
  return request;
}

// Writes `articles` documents whose text carries `word`, replacing any before.
void write_generation(const std::string& path, const std::string& word, int articles) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  write_schema_metadata(db);
  DocumentBuilder builder;
  for (int i = 0; i < articles; ++i) {
    SourceFile source;
    source.id = "world/a" + std::to_string(i) + ".txt";
    source.path = source.id;
    Article article = make_article(source, "Report " + std::to_string(i) + "\n\nThe " + word +
                                               " story number " + std::to_string(i) +
                                               " told of harbours, ferries and " + word + ".\n");
    db.replace_document(id_term(source.id), builder.build(article));
  }
  db.commit();
}

TEST(SearcherReopen, AnswersAfterTheIndexChangedUnderIt) {
  testing::TempDir dir;
  std::string path = dir / "index";
  write_generation(path, "lighthouse", 400);
  Searcher searcher(path);
  Xapian::Database stale(path);  // a plain reader left at the first revision
  ASSERT_EQ(searcher.search(request_for("lighthouse")).hits.size(), 400u);

  // Rewrite everything several times: the first revision's blocks get reused.
  for (const char* word : {"windmill", "quarry", "orchard", "granary"}) {
    write_generation(path, word, 400);
  }
  bool stale_reader_failed = false;
  try {
    for (auto term = stale.allterms_begin(); term != stale.allterms_end(); ++term) {
    }
    stale.get_document(1).get_data();
  } catch (const Xapian::DatabaseModifiedError&) {
    stale_reader_failed = true;
  }
  EXPECT_TRUE(stale_reader_failed) << "the scenario no longer provokes DatabaseModifiedError";

  SearchResults results;
  ASSERT_NO_THROW(results = searcher.search(request_for("granary")));
  EXPECT_EQ(results.hits.size(), 400u);
}

// newsdex-search -i holds one Searcher for its whole session while cron runs
// --rebuild: each rebuild switches the stub to a new generation and removes the one
// before the last. The Searcher must answer from the new generation on the next query.
TEST(SearcherReopen, FollowsEveryRebuildOfItsStub) {
  testing::TempDir dir;
  RealFileSystem fs;
  IndexOptions options;
  options.db_path = dir / "live";
  options.roots = {dir / "corpus"};
  options.jobs = 1;
  auto rebuild_with = [&](const std::string& word) {
    testing::write_file(dir / "corpus/world/a.txt",
                        "Report\n\nThe " + word + " story told of harbours and ferries.\n");
    rebuild_index(options, /*compact=*/false, fs, [](const std::string&, const std::string&) {});
  };
  rebuild_with("lighthouse");
  Searcher searcher(dir / "live");
  ASSERT_EQ(searcher.search(request_for("lighthouse")).hits.size(), 1u);
  for (const char* word : {"windmill", "quarry", "orchard"}) {
    SCOPED_TRACE(word);
    rebuild_with(word);
    SearchResults results;
    ASSERT_NO_THROW(results = searcher.search(request_for(word)));
    EXPECT_EQ(results.hits.size(), 1u) << "answers from the new generation";
    EXPECT_TRUE(searcher.search(request_for("lighthouse")).hits.empty());
  }
}

}  // namespace
}  // namespace newsdex
