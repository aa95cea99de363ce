// Tests of "Did you mean": misspelt names of people in the sample corpus, corrected from
// a dictionary that sync_spelling() built from invented articles spelling them right.
#include "spelling.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "search_aids.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

struct TestArticle {
  std::string id;
  std::string text;
  std::string person;  // canonical name
};

const TestArticle kArticles[] = {
    {"world/talks.txt",
     "Talks Resume\n\nBenjamin Netanyahu met envoys in Jerusalem to discuss the hostages.\n",
     "Benjamin Netanyahu"},
    {"world/election.txt",
     "Mexico Votes\n\nClaudia Sheinbaum won the presidential election by a wide margin.\n",
     "Claudia Sheinbaum"},
    {"sport/marathon.txt",
     "Marathon Record\n\nKelvin Kiptum ran the fastest marathon in Chicago.\n", "Kelvin Kiptum"},
    {"world/visit.txt", "Kyiv Visit\n\nVolodymyr Zelenskyy thanked allies for air defence.\n",
     "Volodymyr Zelenskyy"},
    {"politics/rally.txt",
     "Rally Gains\n\nJordan Bardella led the National Rally to first place in 2024.\n",
     "Jordan Bardella"},
    {"world/port.txt", "Port Reopens\n\nFiona O'Brien and Brian Walsh reopened the port.\n",
     "Fiona O'Brien"},
};

void add_articles(Xapian::WritableDatabase& db) {
  DocumentBuilder builder;
  for (const TestArticle& a : kArticles) {
    SourceFile source;
    source.id = a.id;
    source.path = "/corpus/" + a.id;
    Article article = make_article(source, a.text);
    article.news_source = "Reuters";
    article.entities.people = {a.person};
    db.add_document(builder.build(article));
  }
}

struct SpellingCase {
  std::string name;
  std::string query;
  std::optional<std::string> suggestion;
};

std::ostream& operator<<(std::ostream& out, const SpellingCase& c) { return out << c.name; }

const SpellingCase kSpellingCases[] = {
    {"Name", "netanyahoo", "netanyahu"},
    {"NameCapitalised", "Netanyahoo", "Netanyahu"},
    {"NameInCapitals", "NETANYAHOO", "NETANYAHU"},
    {"OneLetterShort", "zelensky", "zelenskyy"},
    {"SeveralWords", "claudia sheinbaun kiptun", "claudia sheinbaum kiptum"},
    {"FieldPrefixKept", "person:sheinbaun", "person:sheinbaum"},
    {"PhraseQuotesKept", "\"Kelvin Kiptun\" marathon", "\"Kelvin Kiptum\" marathon"},
    {"OperatorsKept", "netanyahoo AND NOT bardela", "netanyahu AND NOT bardella"},
    {"LoveHateAndBracketsKept", "+(sheinbaun OR kiptun) -bardela",
     "+(sheinbaum OR kiptum) -bardella"},
    {"NearKept", "zelensky NEAR/5 allies", "zelenskyy NEAR/5 allies"},
    {"BooleanValuesKept", "section:wrold source:reuterz netanyahoo",
     "section:wrold source:reuterz netanyahu"},
    {"QuotedBooleanValueKept", "section:\"wrold news\" kiptun", "section:\"wrold news\" kiptum"},
    {"CorrectQuery", "netanyahu hostages", std::nullopt},
    {"CorrectQueryWithFields", "person:bardella section:politics", std::nullopt},
    {"OnlyBooleanValuesWrong", "section:wrold id:world/talkz.txt", std::nullopt},
    {"DateValuesKept", "date:2024-01-01..2024-02-01", std::nullopt},
    {"Wildcard", "netanyah*", std::nullopt},
    {"Numbers", "2025 marathon", std::nullopt},
    {"ShortWords", "mr sx", std::nullopt},
    {"NothingClose", "qwxzvbk", std::nullopt},
    {"Empty", "", std::nullopt},
    // A word with an apostrophe is one word, as the index has it: "brien" alone is no
    // misspelling of "brian".
    {"ApostropheInsideAWord", "o'brien port", std::nullopt},
    {"ApostropheWordKeptBesideACorrection",
     "O\xE2\x80\x99"
     "Brien portt",
     "O\xE2\x80\x99"
     "Brien port"},
};

class SpellingTable : public ::testing::TestWithParam<SpellingCase> {
 protected:
  // One index holding documents and aids alike.
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    db_ =
        new Xapian::WritableDatabase(*dir_ / "index", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    add_articles(*db_);
    sync_spelling(*db_, *db_);
    db_->commit();
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }
  static testing::TempDir* dir_;
  static Xapian::WritableDatabase* db_;
};

testing::TempDir* SpellingTable::dir_ = nullptr;
Xapian::WritableDatabase* SpellingTable::db_ = nullptr;

TEST_P(SpellingTable, Suggests) {
  const SpellingCase& c = GetParam();
  EXPECT_EQ(suggest_correction(*db_, c.query), c.suggestion) << c.query;
}

INSTANTIATE_TEST_SUITE_P(Spelling, SpellingTable, ::testing::ValuesIn(kSpellingCases),
                         [](const ::testing::TestParamInfo<SpellingCase>& param_info) {
                           return param_info.param.name;
                         });

// A misspelt name next to a dictionary word one letter away: the words around it decide.
TEST(Spelling, TheWordsAroundAMisspeltNameChooseBetweenItAndACommonerWord) {
  testing::TempDir dir;
  Xapian::WritableDatabase db(dir / "index", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  DocumentBuilder builder;
  auto add = [&](const std::string& id, const std::string& text, const std::string& person) {
    SourceFile source;
    source.id = id;
    source.path = "/corpus/" + id;
    Article article = make_article(source, text);
    if (!person.empty()) article.entities.people = {person};
    db.add_document(builder.build(article));
  };
  for (int i = 0; i < 3; ++i) {
    add("politics/iraq" + std::to_string(i) + ".txt",
        "Iraq Debate\n\nTony Blair defended the decision on Iraq in the Commons.\n", "Tony Blair");
  }
  for (int i = 0; i < 5; ++i) {
    add("sport/referee" + std::to_string(i) + ".txt",
        "Cup Tie\n\nThe manager would not blame the referee for the defeat.\n", "");
  }
  sync_spelling(db, db);
  db.commit();
  ASSERT_EQ(db.get_spelling_suggestion("blare"), "blame") << "the case this test is about";
  EXPECT_EQ(suggest_correction(db, "tony blare"), "tony blair");
  EXPECT_EQ(suggest_correction(db, "blare iraq"), "blair iraq");
  EXPECT_EQ(suggest_correction(db, "blare referee"), "blame referee");
  EXPECT_EQ(suggest_correction(db, "blare"), "blame") << "alone, the commoner word";
}

// With shards the dictionary is in a side database and the words in the shards.
TEST(Spelling, ReadsDocumentsAndDictionaryFromTwoDatabases) {
  testing::TempDir dir;
  Xapian::WritableDatabase shard(std::string(), Xapian::DB_BACKEND_INMEMORY);
  add_articles(shard);
  Xapian::WritableDatabase side(dir / "side", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  sync_spelling(shard, side);
  side.commit();
  Xapian::Database both(shard);
  both.add_database(side);
  EXPECT_EQ(suggest_correction(both, "Sheinbaun"), "Sheinbaum");
  EXPECT_EQ(suggest_correction(both, "Sheinbaum"), std::nullopt);
  EXPECT_EQ(suggest_correction(side, "Sheinbaum"), std::nullopt) << "a word of the dictionary";
}

}  // namespace
}  // namespace newsdex
