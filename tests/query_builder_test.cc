// Tests of the query builder against a small in-memory index built by DocumentBuilder.
#include "query_builder.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "newsdex/errors.h"
#include "newsdex/stored_article.h"

namespace newsdex {
namespace {

struct TestArticle {
  std::string id;
  std::string text;
};

const TestArticle kArticles[] = {
    {"world/a.txt",
     "Ceasefire Hopes Rise\n\nDiplomats met in the capital to talk about a lasting ceasefire.\n\n"
     "Both sides agreed to meet again next week.\n"},
    {"business/b.txt",
     "Share Prices Climb\n\nMarkets rose after the central bank held rates steady.\n"},
    {"business/c.txt",
     "Bank Profits Fall\n\nThe bank reported lower profits as costs rose in the capital region.\n"},
    {"sport/d.txt",
     "Late Goal Seals Win\n\nA late goal in the capital gave the home side a narrow win.\n"},
    {"e.txt", "Weather Outlook\n\nRain will cease by Friday and the weekend looks dry.\n"},
    {"Opinion/f.txt", "Readers Write In\n\nLetters arrived about the new tram line.\n"},
};

// Built once; only this test's thread touches it.
const Xapian::Database& news_index() {
  static const Xapian::WritableDatabase db = [] {
    Xapian::WritableDatabase index(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder;
    for (const TestArticle& a : kArticles) {
      SourceFile source;
      source.id = a.id;
      source.path = "/corpus/" + a.id;
      index.add_document(builder.build(make_article(source, a.text)));
    }
    return index;
  }();
  return db;
}

// Ids of the matching articles, best first.
std::vector<std::string> search_ids(const std::string& query_text) {
  QueryBuilder query_builder(news_index());
  Xapian::Enquire enquire(news_index());
  enquire.set_query(query_builder.build(query_text));
  Xapian::MSet mset = enquire.get_mset(0, 100);
  std::vector<std::string> ids;
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    ids.push_back(StoredArticle::parse(it.get_document().get_data()).id);
  }
  return ids;
}

struct QueryCase {
  std::string name;
  std::string query;
  std::vector<std::string> ids;  // expected matches
  bool ordered = false;          // whether `ids` is also the expected ranking
};

std::ostream& operator<<(std::ostream& out, const QueryCase& c) { return out << c.query; }

const QueryCase kQueryCases[] = {
    {"PlainWord", "capital", {"world/a.txt", "business/c.txt", "sport/d.txt"}},
    {"WordsAreAndedByDefault", "capital bank", {"business/c.txt"}},
    {"AllWordsMustMatch", "capital goal narrow", {"sport/d.txt"}},
    {"UpperCaseWord", "CAPITAL", {"world/a.txt", "business/c.txt", "sport/d.txt"}},
    {"Or", "goal OR rain", {"sport/d.txt", "e.txt"}},
    {"Not", "capital NOT bank", {"world/a.txt", "sport/d.txt"}},
    {"AndNot", "capital AND NOT goal", {"world/a.txt", "business/c.txt"}},
    {"MinusWord", "capital -goal", {"world/a.txt", "business/c.txt"}},
    {"PureNot", "NOT capital", {"business/b.txt", "e.txt", "Opinion/f.txt"}},
    {"Phrase", "\"central bank\"", {"business/b.txt"}},
    {"PhraseNeedsAdjacentWords", "\"bank capital\"", {}},
    {"PhraseNeedsWordOrder", "\"goal late\"", {}},
    {"TitleFieldRestrictsToTitle", "title:bank", {"business/c.txt"}},
    {"TitleBeatsBody", "bank", {"business/c.txt", "business/b.txt"}, true},
    {"SectionFilter", "section:business", {"business/b.txt", "business/c.txt"}},
    {"SectionFilterWithWord", "capital section:business", {"business/c.txt"}},
    {"SectionWithUpperCase", "section:Opinion", {"Opinion/f.txt"}},
    {"SectionIsCaseSensitive", "section:Business", {}},
    {"UnknownSection", "section:politics", {}},
    {"IdFilter", "id:world/a.txt", {"world/a.txt"}},
    {"IdFilterAtRoot", "id:e.txt", {"e.txt"}},
    {"TrailingWildcard", "cease*", {"world/a.txt", "e.txt"}},
    {"StemmedQueryMatchesOtherForm", "talks", {"world/a.txt"}},
    {"StemmedPlural", "profit", {"business/c.txt"}},
    {"NoMatch", "volcano", {}},
};

class QueryBuilderTable : public ::testing::TestWithParam<QueryCase> {};

TEST_P(QueryBuilderTable, FindsArticles) {
  const QueryCase& c = GetParam();
  std::vector<std::string> ids = search_ids(c.query);
  if (c.ordered) {
    EXPECT_EQ(ids, c.ids);
  } else {
    std::vector<std::string> expected = c.ids;
    std::sort(ids.begin(), ids.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(ids, expected);
  }
}

INSTANTIATE_TEST_SUITE_P(QueryBuilder, QueryBuilderTable, ::testing::ValuesIn(kQueryCases),
                         [](const ::testing::TestParamInfo<QueryCase>& param_info) {
                           return param_info.param.name;
                         });

TEST(QueryBuilder, ParseErrorThrowsQueryErrorNamingTheQuery) {
  for (std::string query : {"foo AND", "OR bar", "capital NOT"}) {
    SCOPED_TRACE(query);
    QueryBuilder query_builder(news_index());
    try {
      query_builder.build(query);
      ADD_FAILURE() << "no QueryError";
    } catch (const QueryError& e) {
      EXPECT_NE(std::string(e.what()).find(query), std::string::npos) << e.what();
    }
  }
}

TEST(QueryBuilder, UsesEnglishStemmer) {
  QueryBuilder query_builder(news_index());
  EXPECT_EQ(query_builder.stemmer()("talks"), "talk");
}

}  // namespace
}  // namespace newsdex
