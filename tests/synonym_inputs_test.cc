// Tests of SynonymInputWatch: when it says the synonym table cannot have changed, writing
// the table again must change nothing; when an edit does change the table, it must say so.
#include "synonym_inputs.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "newsdex/aliases.h"
#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "newsdex/schema.h"
#include "search_aids.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

struct Edit {
  std::string id;
  std::string text;
  std::vector<std::string> people, organizations;
};

Xapian::Document document_of(const Edit& edit) {
  SourceFile source;
  source.id = edit.id + ".txt";
  source.path = "/corpus/" + source.id;
  Article article = make_article(source, edit.text);
  article.entities.people = edit.people;
  article.entities.organizations = edit.organizations;
  return DocumentBuilder().build(article);
}

class SynonymInputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const Edit& edit : {
             Edit{"envoys",
                  "Envoys Meet\n\nThe United Nations sent envoys to the harbour.\n",
                  {"Ada Brennan"},
                  {"United Nations"}},
             Edit{"grain",
                  "Grain Prices\n\nGrain traders met at the harbour. Prices eased.\n",
                  {"Tomas Lindqvist"},
                  {}},
             Edit{"ferry", "Ferry Strike\n\nFerry crews struck. Traders waited.\n", {}, {}},
         }) {
      docs_.add_document(document_of(edit));
    }
    write_synonyms(docs_, aids_, shipped_);
    aids_.commit();
  }

  // Replaces (or adds) an article as the indexer does: the watch is told first.
  void replace(const Edit& edit) {
    Xapian::Document doc = document_of(edit);
    std::string term = id_term(edit.id + ".txt");
    watch_.before_replace(docs_, term, doc);
    docs_.replace_document(term, doc);
  }

  // Writes the table again: the number of keys it changed.
  std::size_t rewrite() {
    std::size_t changed = write_synonyms(docs_, aids_, shipped_);
    aids_.commit();
    return changed;
  }

  Xapian::WritableDatabase docs_{std::string(), Xapian::DB_BACKEND_INMEMORY};
  testing::TempDir dir_;
  Xapian::WritableDatabase aids_{dir_ / "aids",
                                 Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS};
  const std::vector<AliasGroup> shipped_ = parse_aliases("United Nations\tUN\tU.N.\n");
  SynonymInputWatch watch_;
};

TEST_F(SynonymInputsTest, EditWithWordsOthersHoldChangesNothing) {
  // New words for this article, but held by others ("traders", "harbour"); an old one
  // ("envoys") that it alone held goes, and comes back in the next edit.
  replace({"envoys",
           "Envoys Meet\n\nThe United Nations met traders at the harbour.\n",
           {"Ada Brennan"},
           {"United Nations"}});
  replace({"envoys",
           "Envoys Meet\n\nThe United Nations sent envoys to traders.\n",
           {"Ada Brennan"},
           {"United Nations"}});
  EXPECT_FALSE(watch_.may_change_synonyms(docs_));
  EXPECT_EQ(rewrite(), 0u);
}

TEST_F(SynonymInputsTest, WordGainedByOneAndLostByAnotherChangesNothing) {
  // "harbour" moves from the grain article to the ferry one.
  replace(
      {"ferry", "Ferry Strike\n\nFerry crews struck at the harbour. Traders waited.\n", {}, {}});
  replace({"grain", "Grain Prices\n\nGrain traders met. Prices eased.\n", {"Tomas Lindqvist"}, {}});
  EXPECT_FALSE(watch_.may_change_synonyms(docs_));
  EXPECT_EQ(rewrite(), 0u);
}

TEST_F(SynonymInputsTest, WordNewToTheIndexIsAChange) {
  // "un" in a text makes "united nations" a synonym of it: the table changes.
  replace({"ferry", "Ferry Strike\n\nFerry crews struck; the UN asked for talks.\n", {}, {}});
  EXPECT_TRUE(watch_.may_change_synonyms(docs_));
  EXPECT_GT(rewrite(), 0u);
}

TEST_F(SynonymInputsTest, LastArticleWithAWordIsAChange) {
  replace({"ferry", "Ferry Strike\n\nFerry crews waited.\n", {}, {}});  // "struck" goes
  EXPECT_TRUE(watch_.may_change_synonyms(docs_));
}

TEST_F(SynonymInputsTest, ChangedNamesAreAChange) {
  // Another spelling of a name beside the first: the two become synonyms.
  replace(
      {"ferry", "Ferry Strike\n\nFerry crews struck. Traders waited.\n", {"Tomas Lindqvistt"}, {}});
  EXPECT_TRUE(watch_.may_change_synonyms(docs_));
  EXPECT_GT(rewrite(), 0u);
}

TEST_F(SynonymInputsTest, NewAndDeletedArticlesAreChanges) {
  replace({"regatta", "Regatta\n\nBoats sailed past the harbour.\n", {}, {}});
  EXPECT_TRUE(watch_.may_change_synonyms(docs_));
  SynonymInputWatch deleted;
  deleted.article_added_or_deleted();
  EXPECT_TRUE(deleted.may_change_synonyms(docs_));
}

TEST_F(SynonymInputsTest, NoEditNoChange) {
  EXPECT_FALSE(watch_.may_change_synonyms(docs_));
  EXPECT_EQ(rewrite(), 0u);
}

TEST(SynonymSource, ChangesWithTheShippedAliases) {
  std::string un = synonym_source(parse_aliases("United Nations\tUN\n"));
  EXPECT_EQ(un, synonym_source(parse_aliases("United Nations\tUN\n")));
  EXPECT_NE(un, synonym_source(parse_aliases("United Nations\tUN\tU.N.\n")));
  EXPECT_NE(un, synonym_source(parse_aliases("United States\tUS\n")));
  EXPECT_NE(un, synonym_source(shipped_aliases()));
}

}  // namespace
}  // namespace newsdex
