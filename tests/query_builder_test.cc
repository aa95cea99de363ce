// Tests of the query builder and its documented language (help_query.h) against small
// indexes built by DocumentBuilder: which articles each query finds, and the errors.
#include "query_builder.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "help_query.h"
#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "newsdex/errors.h"
#include "newsdex/schema.h"
#include "newsdex/stored_article.h"
#include "support/temp_dir.h"

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

// Ids of the articles of `db` that `query`  matches, best first.
std::vector<std::string> matching_ids(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  Xapian::MSet mset = enquire.get_mset(0, 100);
  std::vector<std::string> ids;
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    ids.push_back(StoredArticle::parse(it.get_document().get_data()).id);
  }
  return ids;
}

std::vector<std::string> search_ids(const std::string& query_text) {
  QueryBuilder query_builder(news_index());
  return matching_ids(news_index(), query_builder.build(query_text));
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
    {"UpperCaseSectionFoundInLowerCase", "section:opinion", {"Opinion/f.txt"}},
    {"SectionIgnoresCase", "section:Business", {"business/b.txt", "business/c.txt"}},
    {"UnknownSection", "section:politics", {}},
    {"IdFilter", "id:world/a.txt", {"world/a.txt"}},
    {"IdFilterAtRoot", "id:e.txt", {"e.txt"}},
    {"TrailingWildcard", "cease*", {"world/a.txt", "e.txt"}},
    {"StemmedQueryMatchesOtherForm", "talks", {"world/a.txt"}},
    {"StemmedPlural", "profit", {"business/c.txt"}},
    {"NoMatch", "volcano", {}},
    {"ExplicitAnd", "capital AND bank", {"business/c.txt"}},
    {"Brackets", "(goal OR rain) capital", {"sport/d.txt"}},
    {"BracketsNested", "((goal OR rain) AND capital) OR tram", {"sport/d.txt", "Opinion/f.txt"}},
    {"NotBrackets", "capital -(goal OR bank)", {"world/a.txt"}},
    {"LowerCaseOperatorIsAWord", "capital or bank", {}},
    {"QuotedBracketIsNoBracket", "\"central bank\" \")\"", {"business/b.txt"}},
    {"TrailingWildcardInTitle", "title:ban*", {"business/c.txt"}},
    // XOR is rewritten (a OR b) AND_NOT (a AND b): Xapian 1.4.22 crashes on some XORs
    // over shards. It must still mean one or the other.
    {"XorIsOneOrTheOther", "capital XOR bank", {"world/a.txt", "sport/d.txt", "business/b.txt"}},
};

void expect_ids(std::vector<std::string> ids, const QueryCase& c) {
  if (c.ordered) {
    EXPECT_EQ(ids, c.ids);
  } else {
    std::vector<std::string> expected = c.ids;
    std::sort(ids.begin(), ids.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(ids, expected);
  }
}

class QueryBuilderTable : public ::testing::TestWithParam<QueryCase> {};

TEST_P(QueryBuilderTable, FindsArticles) {
  const QueryCase& c = GetParam();
  expect_ids(search_ids(c.query), c);
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

// A bad date that only Xapian's parser sees as a field (after a byte that is not UTF-8)
// is a QueryError like any other, not an exception thrown through the parser, which
// leaked its state (fuzz/query_builder_fuzz.cc found it).
TEST(QueryBuilder, ABadDateSeenOnlyByXapiansParserIsAQueryError) {
  QueryBuilder query_builder(news_index());
  EXPECT_THROW(query_builder.build("\x8f"
                                   "date:n"),
               QueryError);
  EXPECT_NO_THROW(query_builder.build("date:2024"));  // the next query is not affected
}

// A query of thousands of ORs took seconds to parse and match: its size is bounded with
// an error that says the bound, while a long list of names still passes.
TEST(QueryBuilder, QueriesBeyondTheSizeBoundAreRefusedWithTheBound) {
  QueryBuilder query_builder(news_index());
  std::string names;
  for (int i = 0; i < 300; ++i) names += (i > 0 ? " OR name" : "name") + std::to_string(i);
  EXPECT_NO_THROW(query_builder.build(names));
  std::string many;
  for (int i = 0; i < 2000; ++i) many += (i > 0 ? " OR w" : "w") + std::to_string(i);
  try {
    query_builder.build(many);
    ADD_FAILURE() << "no QueryError";
  } catch (const QueryError& e) {
    EXPECT_TRUE(std::string(e.what()).starts_with("query too long: ")) << e.what();
    EXPECT_LT(std::string(e.what()).size(), 200u) << "the error does not echo the query";
  }
  EXPECT_THROW(query_builder.build(std::string(20000, 'a')), QueryError);
}

TEST(QueryBuilder, UsesEnglishStemmer) {
  QueryBuilder query_builder(news_index());
  EXPECT_EQ(query_builder.stemmer()("talks"), "talk");
}

// A second index, whose articles carry a source, entities and dates set by hand (as the
// reader and the analyzer would), for fields, dates and proximity.
struct DeskArticle {
  std::string id;
  std::string text;
  Day date;
  std::string news_source;
  std::vector<std::string> people, places, organizations, topics;
};

// Relative dates in these tests count from this day (a leap year's March).
constexpr Day kToday = std::chrono::year(2024) / 3 / 14;

const Xapian::Database& desk_index() {
  static const Xapian::WritableDatabase db = [] {
    const DeskArticle articles[] = {
        {"world/crews.txt",
         "Crews Praised After Storm\n\nEngineers said the flood reached the dam at noon. Mara "
         "Okafor of the Harbour Council thanked the crews.\n",
         std::chrono::year(2024) / 2 / 29,
         "Harbour Times",
         {"Mara Okafor"},
         {"Lake Town"},
         {"Harbour Council"},
         {"flood defences"}},
        {"world/rain.txt",
         "Rain Eases\n\nThe dam was closed as a precaution and then no flood came. Officials met "
         "at 10:30 to review the plan.\n",
         std::chrono::year(2024) / 3 / 1,
         "Reuters",
         {"Ian Brook"},
         {"Lake Town"},
         {},
         {"weather"}},
        {"business/budget.txt",
         "Budget Vote Delayed\n\nThe council put off the budget vote after a dispute over tax.\n",
         std::chrono::year(2023) / 12 / 31,
         "Reuters",
         {"Mara Okafor"},
         {"River City"},
         {"City Council"},
         {"budget"}},
        {"sport/race.txt",
         "Late Surge Wins Race\n\nA late surge near the line won the race despite the storm.\n",
         std::chrono::year(2024) / 1 / 1,
         "Sport Wire",
         {},
         {},
         {},
         {"rowing"}},
        {"world/envoy.txt",
         "Envoy Visits Valley\n\nAn envoy of the United Nations visited the flooded valley.\n",
         kToday,
         "Harbour Times",
         {},
         {},
         {},
         {}},
    };
    Xapian::WritableDatabase index(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder;
    for (const DeskArticle& a : articles) {
      SourceFile source;
      source.id = a.id;
      source.path = "/corpus/" + a.id;
      Article article = make_article(source, a.text);
      article.date = ArticleDate{std::chrono::duration_cast<std::chrono::seconds>(
                                     std::chrono::sys_days(a.date).time_since_epoch())
                                     .count(),
                                 false, DateSource::kMetadata};
      article.news_source = a.news_source;
      article.entities.people = a.people;
      article.entities.places = a.places;
      article.entities.organizations = a.organizations;
      article.entities.topics = a.topics;
      index.add_document(builder.build(article));
    }
    return index;
  }();
  return db;
}

std::vector<std::string> desk_ids(const std::string& query_text) {
  QueryBuilder query_builder(desk_index(), kToday);
  return matching_ids(desk_index(), query_builder.build(query_text));
}

const QueryCase kDeskCases[] = {
    // Proximity: NEAR in any order, ADJ in the query's order; "/N" words apart at most.
    {"Near", "flood NEAR dam", {"world/crews.txt", "world/rain.txt"}},
    {"NearAnyOrder", "dam NEAR flood", {"world/crews.txt", "world/rain.txt"}},
    {"NearWithin3Words", "flood NEAR/3 dam", {"world/crews.txt"}},
    {"NearWithin2Words", "flood NEAR/2 dam", {}},
    {"Adj", "flood ADJ dam", {"world/crews.txt"}},
    {"AdjKeepsOrder", "dam ADJ flood", {"world/rain.txt"}},
    {"AdjWithin3Words", "flood ADJ/3 dam", {"world/crews.txt"}},
    {"AdjWithin2Words", "flood ADJ/2 dam", {}},
    {"NearInBrackets", "(flood NEAR/3 dam) OR surge", {"world/crews.txt", "sport/race.txt"}},
    // Wildcards and stemming.
    {"TrailingWildcard", "flood*", {"world/crews.txt", "world/rain.txt", "world/envoy.txt"}},
    {"WildcardWithField", "title:sur*", {"sport/race.txt"}},
    {"TimeIsNoField", "10:30", {"world/rain.txt"}},
    // Each field of the schema.
    {"Word", "storm", {"world/crews.txt", "sport/race.txt"}},
    {"Title", "title:storm", {"world/crews.txt"}},
    {"TitlePhrase", "title:\"late surge\"", {"sport/race.txt"}},
    {"TitleGroup", "title:(budget OR rain)", {"world/rain.txt", "business/budget.txt"}},
    {"Section", "section:world", {"world/crews.txt", "world/rain.txt", "world/envoy.txt"}},
    {"SectionsInBrackets",
     "(section:sport OR section:business)",
     {"sport/race.txt", "business/budget.txt"}},
    {"Id", "id:sport/race.txt", {"sport/race.txt"}},
    {"Source", "source:reuters", {"world/rain.txt", "business/budget.txt"}},
    {"SourceQuoted", "source:\"Harbour Times\"", {"world/crews.txt", "world/envoy.txt"}},
    {"Person", "person:okafor", {"world/crews.txt", "business/budget.txt"}},
    {"PersonExact", "person:\"Mara Okafor\"", {"world/crews.txt", "business/budget.txt"}},
    {"PersonOther", "person:brook", {"world/rain.txt"}},
    {"Place", "place:\"lake town\"", {"world/crews.txt", "world/rain.txt"}},
    {"PlaceWord", "place:river", {"business/budget.txt"}},
    {"Org", "org:council", {"world/crews.txt", "business/budget.txt"}},
    {"OrgWord", "org:harbour", {"world/crews.txt"}},
    {"Topic", "topic:weather", {"world/rain.txt"}},
    {"FieldsCombine", "person:okafor source:reuters tax", {"business/budget.txt"}},
    // Dates: days, months (month ends, leap day), years, ranges, open ends.
    {"DateDay", "date:2024-02-29", {"world/crews.txt"}},
    {"DateMonthWithLeapDay", "date:2024-02", {"world/crews.txt"}},
    {"DateMonth", "date:2024-03", {"world/rain.txt", "world/envoy.txt"}},
    {"DateEmptyMonth", "date:2024-04", {}},
    {"DateYear",
     "date:2024",
     {"world/crews.txt", "world/rain.txt", "sport/race.txt", "world/envoy.txt"}},
    {"DateOtherYear", "date:2023", {"business/budget.txt"}},
    {"DateMonthRange",
     "date:2024-02..2024-03",
     {"world/crews.txt", "world/rain.txt", "world/envoy.txt"}},
    {"DateDayRange", "date:2024-02-01..2024-02-29", {"world/crews.txt"}},
    {"DateRangeOverNewYear", "date:2023-12..2024-01", {"business/budget.txt", "sport/race.txt"}},
    {"DateOpenEnd", "date:2024-01-02..", {"world/crews.txt", "world/rain.txt", "world/envoy.txt"}},
    {"DateOpenStart", "date:..2024-01", {"business/budget.txt", "sport/race.txt"}},
    {"DateQuoted", "date:\"2024-02\"", {"world/crews.txt"}},
    {"DateWithWords", "flood date:2024-03", {"world/rain.txt", "world/envoy.txt"}},
    {"DatesOred", "(date:2023 OR date:today)", {"business/budget.txt", "world/envoy.txt"}},
    {"NotDate", "NOT date:2024", {"business/budget.txt"}},
    {"DateMinus", "storm -date:2024-01", {"world/crews.txt"}},
    // Relative dates count from kToday (2024-03-14), today included.
    {"Today", "date:today", {"world/envoy.txt"}},
    {"Yesterday", "date:yesterday", {}},
    {"Last14Days", "date:last-14-days", {"world/rain.txt", "world/envoy.txt"}},
    {"Last15Days", "date:last-15-days", {"world/crews.txt", "world/rain.txt", "world/envoy.txt"}},
    {"Last2Weeks", "date:last-2-weeks", {"world/rain.txt", "world/envoy.txt"}},
    {"Last1Months", "date:last-1-months", {"world/crews.txt", "world/rain.txt", "world/envoy.txt"}},
    {"Last3Months",
     "date:last-3-months",
     {"world/crews.txt", "world/rain.txt", "business/budget.txt", "sport/race.txt",
      "world/envoy.txt"}},
    {"Last1Year", "date:last-1-year source:reuters", {"world/rain.txt", "business/budget.txt"}},
    {"RangeToYesterday", "date:2024-03..yesterday", {"world/rain.txt"}},
};

class DeskQueryTable : public ::testing::TestWithParam<QueryCase> {};

TEST_P(DeskQueryTable, FindsArticles) {
  const QueryCase& c = GetParam();
  expect_ids(desk_ids(c.query), c);
}

INSTANTIATE_TEST_SUITE_P(QueryBuilder, DeskQueryTable, ::testing::ValuesIn(kDeskCases),
                         [](const ::testing::TestParamInfo<QueryCase>& param_info) {
                           return param_info.param.name;
                         });

struct ErrorCase {
  std::string query;
  std::string reason;  // after "cannot parse query 'QUERY': "
};

std::ostream& operator<<(std::ostream& out, const ErrorCase& c) { return out << c.query; }

const std::string kFields =
    " (fields: id, title, section, source, author, url, person, place, org, topic, date)";
const std::string kNotADate = " is not a date, a range A..B or last-N-days/weeks/months/years";

const ErrorCase kErrorCases[] = {
    {"a (b OR c", "unmatched '(' at column 3"},
    {"(a OR b", "unmatched '(' at column 1"},
    {"((a) OR b", "unmatched '(' at column 1"},
    {"a (b (c) d", "unmatched '(' at column 3"},
    {"caf\u00e9 (bar", "unmatched '(' at column 6"},
    {"a b) c", "unmatched ')' at column 4"},
    {"(a) b)", "unmatched ')' at column 6"},
    {"a \"b c", "unmatched '\"' at column 3"},
    {"\"a\" \"b", "unmatched '\"' at column 5"},
    {"\u201cmin\u00e9 shaft", "unmatched '\u201c' at column 1"},
    {"title:\"central bank", "unmatched '\"' at column 7"},
    {"source:\"harbour", "unmatched '\"' at column 8"},
    {"ceasefire AND", "nothing after 'AND' at column 11"},
    {"ceasefire OR", "nothing after 'OR' at column 11"},
    {"a AND OR b", "nothing after 'AND' at column 3"},
    {"(a OR) b", "nothing after 'OR' at column 4"},
    {"capital NOT", "nothing after 'NOT' at column 9"},
    {"a NOT OR b", "nothing after 'NOT' at column 3"},
    {"flood NEAR", "nothing after 'NEAR' at column 7"},
    {"flood NEAR/3", "nothing after 'NEAR/3' at column 7"},
    {"flood ADJ", "nothing after 'ADJ' at column 7"},
    {"a XOR", "nothing after 'XOR' at column 3"},
    {"OR bar", "nothing before 'OR' at column 1"},
    {"AND bar", "nothing before 'AND' at column 1"},
    {"a (OR b)", "nothing before 'OR' at column 4"},
    {"NEAR dam", "nothing before 'NEAR' at column 1"},
    // Signs alone are no words to Xapian, and an operator glued to signs is still one.
    {"???? AND flood", "nothing before 'AND' at column 6"},
    {"flood OR *", "nothing after 'OR' at column 7"},
    {"flood AND-", "nothing after 'AND' at column 7"},
    {"flood \\XOR", "nothing after 'XOR' at column 8"},
    {"flood NOT -dam", "'-' cannot follow NOT (write NOT x, or -x) at column 11"},
    {"persn:blair", "unknown field 'persn' at column 1" + kFields},
    {"flood -persn:blair", "unknown field 'persn' at column 8" + kFields},
    {"(titel:flood)", "unknown field 'titel' at column 2" + kFields},
    {"Title:flood", "unknown field 'Title' at column 1" + kFields},
    {"date:2024-13", "date '2024-13' at column 6" + kNotADate},
    {"flood date:last-7-fortnights", "date 'last-7-fortnights' at column 12" + kNotADate},
    {"date:\"soon\"", "date 'soon' at column 7" + kNotADate},
    {"(date:junk)", "date 'junk' at column 7" + kNotADate},
    {"a date:2024..junk", "date '2024..junk' at column 8" + kNotADate},
    {"date:2023-02-29", "date '2023-02-29' at column 6" + kNotADate},
};

class QueryErrorTable : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(QueryErrorTable, SaysWhatAndWhere) {
  const ErrorCase& c = GetParam();
  QueryBuilder query_builder(desk_index(), kToday);
  try {
    query_builder.build(c.query);
    ADD_FAILURE() << "no QueryError";
  } catch (const QueryError& e) {
    EXPECT_EQ(std::string(e.what()), "cannot parse query '" + c.query + "': " + c.reason);
  }
}

INSTANTIATE_TEST_SUITE_P(QueryBuilder, QueryErrorTable, ::testing::ValuesIn(kErrorCases));

TEST(QueryBuilder, ColonsAndBracketsThatAreNoMistakes) {
  QueryBuilder query_builder(desk_index(), kToday);
  for (std::string query :
       {"10:30", "flood: dam", "flood:", "flood AND.dam", "flood XOR* dam", "AND_dam", "AND'y",
        "NOT +flood", "https://example.org/a", "a ()", "\"a (b\" c", "- flood", "id:odd(name).txt",
        "NOT flood", "(NOT flood) storm", "a AND NOT b", "a OR NOT b", "\u201cflood dam\u201d",
        "\"Re:Brexit\""}) {
    SCOPED_TRACE(query);
    EXPECT_NO_THROW(query_builder.build(query));
  }
}

TEST(QueryBuilder, RelativeDatesDefaultToTheLocalDay) {
  // Articles are never in the future, so today's last 36500 days hold them all.
  QueryBuilder query_builder(desk_index());
  EXPECT_EQ(matching_ids(desk_index(), query_builder.build("date:last-36500-days")).size(), 5u);
  EXPECT_TRUE(matching_ids(desk_index(), query_builder.build("date:2024-03-15..")).size() <= 5);
}

TEST(QueryBuilder, SynonymsWidenWordsIncludingMultiWordOnes) {
  // Synonyms need a disk backend: the in-memory one has no synonym table.
  newsdex::testing::TempDir dir;
  Xapian::WritableDatabase db(dir / "index", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  DocumentBuilder builder;
  for (auto [id, text] :
       {std::pair{"long.txt", "Envoy Named\n\nThe United Nations named an envoy.\n"},
        std::pair{"short.txt", "Talks Resume\n\nThe UN said talks resume.\n"},
        std::pair{"other.txt", "Cup Final\n\nA united squad won the nations cup again.\n"}}) {
    SourceFile source;
    source.id = id;
    source.path = "/corpus/" + source.id;
    db.add_document(builder.build(make_article(source, text)));
  }
  db.commit();
  EXPECT_EQ(matching_ids(db, QueryBuilder(db).build("UN")),
            (std::vector<std::string>{"short.txt"}));

  db.add_synonym("un", "united nations");
  db.add_synonym("united nations", "un");
  db.commit();
  struct Case {
    std::string query;
    std::vector<std::string> ids;  // sorted
  };
  const Case cases[] = {
      // The synonym is the phrase of its words, not the words apart.
      {"UN", {"long.txt", "short.txt"}},
      {"un", {"long.txt", "short.txt"}},
      {"UN envoy", {"long.txt"}},
      // Multi-word keys: the words, or their synonym.
      {"united nations", {"long.txt", "other.txt", "short.txt"}},
      {"United Nations", {"long.txt", "other.txt", "short.txt"}},
      // A phrase stays exact.
      {"\"United Nations\"", {"long.txt"}},
  };
  QueryBuilder query_builder(db);
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query);
    std::vector<std::string> ids = matching_ids(db, query_builder.build(c.query));
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, c.ids);
  }
}

TEST(HelpQuery, EveryExampleParsesAndIsOnThePage) {
  const std::string text = query_help_text();
  QueryBuilder query_builder(desk_index(), kToday);
  ASSERT_GT(query_examples().size(), 20u);
  for (const QueryExample& example : query_examples()) {
    SCOPED_TRACE(example.query);
    EXPECT_NO_THROW(query_builder.build(std::string(example.query)));
    EXPECT_NE(text.find("  " + std::string(example.query) + " "), std::string::npos);
  }
}

TEST(HelpQuery, EveryFieldHasAnExample) {
  const std::string text = query_help_text();
  for (std::string_view name : query_field_names()) {
    SCOPED_TRACE(name);
    const std::string prefix = std::string(name) + ":";
    EXPECT_NE(text.find(prefix), std::string::npos);
    EXPECT_TRUE(std::any_of(query_examples().begin(), query_examples().end(),
                            [&](const QueryExample& e) { return e.query.starts_with(prefix); }));
  }
  for (const Field& field : schema_fields()) {
    if (field.name.empty()) continue;
    EXPECT_NE(std::find(query_field_names().begin(), query_field_names().end(), field.name),
              query_field_names().end());
  }
}

TEST(HelpQuery, ShowsTheRealErrorFormat) {
  EXPECT_NE(query_help_text().find(kQueryErrorExampleMessage), std::string::npos);
  QueryBuilder query_builder(desk_index(), kToday);
  try {
    query_builder.build(std::string(kQueryErrorExample));
    ADD_FAILURE() << "no QueryError";
  } catch (const QueryError& e) {
    EXPECT_EQ(e.what(), kQueryErrorExampleMessage);
  }
}

TEST(HelpQuery, FitsATerminal) {
  std::istringstream lines(query_help_text());
  std::size_t count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    SCOPED_TRACE(line);
    // Characters, not bytes: the page is ASCII anyway.
    EXPECT_LE(line.size(), 80u);
    EXPECT_TRUE(std::all_of(line.begin(), line.end(), [](char c) { return c > 0 && c < 127; }));
  }
  EXPECT_GT(count, 20u);
  EXPECT_LE(count, 70u);
}

// The terms of a built query, in query order.
std::vector<std::string> terms_of(const Xapian::Query& query) {
  return std::vector<std::string>(query.get_terms_begin(), query.get_terms_end());
}

bool holds(const std::vector<std::string>& terms, const std::string& term) {
  return std::find(terms.begin(), terms.end(), term) != terms.end();
}

// Entity-only queries are also weighed by the name's words and the other names the
// synonym table gives it (with_entity_salience), without matching more.
TEST(QueryBuilder, EntityOnlyQueriesWeighTheNameAsWritten) {
  testing::TempDir dir;
  Xapian::WritableDatabase db(dir / "index", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  db.add_synonym("european union", "eu");
  db.add_synonym("european union", "XORG:European Union");
  db.commit();
  QueryBuilder builder(db);

  Xapian::Query entity = builder.build("org:\"European Union\"");
  EXPECT_EQ(entity.get_type(), Xapian::Query::OP_AND_MAYBE) << entity.get_description();
  const std::vector<std::string> terms = terms_of(entity);
  EXPECT_TRUE(holds(terms, "XOeuropean")) << entity.get_description();
  EXPECT_TRUE(holds(terms, "european")) << entity.get_description();
  EXPECT_TRUE(holds(terms, "union")) << entity.get_description();
  EXPECT_TRUE(holds(terms, "eu")) << entity.get_description();
  // The weighing part adds no entity term (it must not widen the match); the matching
  // part holds the entity terms the synonym table gives for the quoted name, so that
  // an article whose organisation is another form of it matches too.
  ASSERT_EQ(entity.get_num_subqueries(), 2u);
  EXPECT_FALSE(holds(terms_of(entity.get_subquery(1)), "XORG:European Union"));
  EXPECT_TRUE(holds(terms_of(entity.get_subquery(0)), "XORG:European Union"))
      << entity.get_description();
  // A filter beside the entity keeps it entity-only.
  EXPECT_EQ(builder.build("person:blair section:politics").get_type(), Xapian::Query::OP_AND_MAYBE);

  // Any other word, or a NOT, leaves the query as the parser made it.
  for (const char* query : {"org:\"European Union\" budget", "european union",
                            "person:blair -person:brown", "title:blair"}) {
    EXPECT_NE(builder.build(query).get_type(), Xapian::Query::OP_AND_MAYBE) << query;
  }
}

}  // namespace
}  // namespace newsdex
