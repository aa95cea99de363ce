// Tests of facet counting, narrowing by a facet value and the entity browser, against a
// small in-memory index whose entity lists are set by hand. Expected counts come from a
// brute-force count over the stored entity lists of the matching articles.
#include "facets.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "newsdex/errors.h"
#include "newsdex/schema.h"
#include "newsdex/stored_article.h"
#include "searcher.h"

namespace newsdex {
namespace {

using Names = std::vector<std::string>;

struct TestArticle {
  std::string id;
  std::string text;
  Names people, places, organizations, topics;  // canonical names, most mentioned first
};

// Twelve people who appear nowhere else, to push a later name past the facet slots.
std::vector<std::string> crowd_then(std::vector<std::string> last) {
  std::vector<std::string> people = {
      "Kit Arden",  "Lou Bexley", "Noor Calder", "Pia Dunmore", "Rik Easton", "Sol Fenwick",
      "Tam Garrow", "Una Holt",   "Vic Ingram",  "Wyn Jessop",  "Xan Keller", "Zia Lorne",
  };
  people.insert(people.end(), last.begin(), last.end());
  return people;
}

// Invented articles. People and places overlap so that counts and ties are not trivial:
// Ada Brennan and Tomas Lindqvist are both in three articles within the facet slots.
const std::vector<TestArticle>& test_articles() {
  static const std::vector<TestArticle> articles = {
      {"world/harbour-talks.txt",
       "Harbour Talks Resume\n\nEnvoys met in Port Elwyn to discuss a ceasefire along the "
       "harbour front. Mara Okafor said the talks would continue next week, and Tomas "
       "Lindqvist agreed.\n\nAid convoys waited near Rafah for the crossing to open.\n",
       {"Mara Okafor", "Tomas Lindqvist"},
       {"Port Elwyn", "Rafah"},
       {"Harbour Council"},
       {"ceasefire"}},
      {"world/border.txt",
       "Border Crossing Opens\n\nThe crossing at Rafah opened for aid lorries on Tuesday. "
       "Tomas Lindqvist of the Harbour Council praised the relief teams.\n",
       {"Tomas Lindqvist"},
       {"Rafah"},
       {"Relief Agency", "Harbour Council"},
       {"aid", "ceasefire"}},
      {"world/summit.txt",
       "Summit Ends With Ceasefire Plan\n\nAt the Vellmar summit, Ada Brennan, Mara Okafor and "
       "Tomas Lindqvist signed a ceasefire plan for the harbour district.\n",
       {"Mara Okafor", "Ada Brennan", "Tomas Lindqvist"},
       {"Vellmar", "Port Elwyn"},
       {"Harbour Council"},
       {"summit", "ceasefire"}},
      {"business/ports.txt",
       "Port Traffic Doubles\n\nShipping through Port Elwyn doubled this quarter, Ada Brennan "
       "told investors at Elwyn Shipping.\n",
       {"Ada Brennan"},
       {"Port Elwyn"},
       {"Elwyn Shipping"},
       {"trade"}},
      {"business/grain.txt",
       "Grain Prices Ease\n\nGrain traders in Vellmar saw prices ease. Yusuf Demir said relief "
       "shipments would keep trade moving.\n",
       {"Yusuf Demir"},
       {"Vellmar"},
       {"Elwyn Shipping", "Relief Agency"},
       {"trade", "aid"}},
      {"sport/regatta.txt",
       "Regatta Draws Crowds\n\nAda Brennan and Ines Marlow led the fleet around the harbour at "
       "Port Elwyn.\n",
       {"Ada Brennan", "Ines Marlow"},
       {"Port Elwyn"},
       {},
       {"sailing"}},
      {"opinion/letters.txt",
       "Letters To The Editor\n\nReaders wrote about bus timetables and a new library.\n",
       {},
       {},
       {},
       {}},
      // Mara Okafor and Yusuf Demir come after the facet slots: searchable, not counted.
      {"world/roundup.txt",
       "Weekly Harbour Roundup\n\nA long list of speakers addressed the harbour forum this "
       "week.\n",
       crowd_then({"Mara Okafor", "Yusuf Demir"}),
       {"Vellmar"},
       {},
       {}},
  };
  return articles;
}

// Built once; only this test's thread touches it.
const Xapian::Database& news_index() {
  static const Xapian::WritableDatabase db = [] {
    Xapian::WritableDatabase index(std::string(), Xapian::DB_BACKEND_INMEMORY);
    write_schema_metadata(index);
    DocumentBuilder builder;
    for (const TestArticle& a : test_articles()) {
      SourceFile source;
      source.id = a.id;
      source.path = "/corpus/" + a.id;
      Article article = make_article(source, a.text);
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

Searcher make_searcher() { return Searcher(news_index(), "test index"); }

// The stored articles matching `query_text` ("" = all of the index).
std::vector<StoredArticle> matching_articles(const std::string& query_text) {
  Xapian::Enquire enquire(news_index());
  if (query_text.empty()) {
    enquire.set_query(Xapian::Query::MatchAll);
  } else {
    QueryBuilder query_builder(news_index());
    enquire.set_query(query_builder.build(query_text));
  }
  Xapian::MSet mset = enquire.get_mset(0, news_index().get_doccount());
  std::vector<StoredArticle> articles;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    articles.push_back(StoredArticle::parse(it.get_document().get_data()));
  }
  return articles;
}

std::set<std::string> ids_of(const std::vector<StoredArticle>& articles) {
  std::set<std::string> ids;
  for (const StoredArticle& a : articles) ids.insert(a.id);
  return ids;
}

using Counts = std::map<std::string, Xapian::doccount>;

// The brute-force count: each article counts once for each of the first kFacetSlots
// names of the facet's list.
Counts brute_force_counts(const std::vector<StoredArticle>& articles, const Facet& facet) {
  Counts counts;
  for (const StoredArticle& a : articles) {
    const std::vector<std::string>& names = *a.entities.list_for(facet.source);
    for (std::size_t i = 0; i < names.size() && i < kFacetSlots; ++i) ++counts[names[i]];
  }
  return counts;
}

Counts as_map(const std::vector<FacetValue>& values) {
  Counts counts;
  for (const FacetValue& value : values) {
    EXPECT_TRUE(counts.emplace(value.name, value.count).second) << "twice: " << value.name;
  }
  return counts;
}

bool in_display_order(const FacetValue& a, const FacetValue& b) {
  return a.count > b.count || (a.count == b.count && a.name < b.name);
}

void expect_display_order(const std::vector<FacetValue>& values) {
  for (std::size_t i = 1; i < values.size(); ++i) {
    EXPECT_TRUE(in_display_order(values[i - 1], values[i]))
        << values[i - 1].name << " (" << values[i - 1].count << ") before " << values[i].name
        << " (" << values[i].count << ")";
  }
}

SearchResults search_with_facets(const std::string& query, std::size_t facet_limit,
                                 Xapian::doccount limit = 10) {
  SearchRequest request;
  request.query = query;
  request.limit = limit;
  request.facets = true;
  request.facet_limit = facet_limit;
  return make_searcher().search(request);
}

// Queries with matches, of every shape the parser offers.
const char* const kQueries[] = {
    "harbour",          "ceasefire",        "place:rafah",
    "person:lindqvist", "trade OR regatta", "harbour -ceasefire",
    "NOT harbour",      "section:world",    "person:\"Ada Brennan\"",
    "org:council",      "topic:ceasefire",  "harbour AND NOT person:okafor",
};

TEST(FacetTestIndex, QueriesMatchWhatTheTestsExpect) {
  // Guards the fixture: each query must match something, and not everything.
  for (const char* query : kQueries) {
    SCOPED_TRACE(query);
    std::size_t n = matching_articles(query).size();
    EXPECT_GT(n, 0u);
    EXPECT_LT(n, test_articles().size());
  }
  EXPECT_EQ(
      ids_of(matching_articles("person:\"Mara Okafor\"")),
      (std::set<std::string>{"world/harbour-talks.txt", "world/summit.txt", "world/roundup.txt"}));
}

TEST(Facets, CountsEqualBruteForce) {
  for (const char* query : kQueries) {
    SCOPED_TRACE(query);
    std::vector<StoredArticle> articles = matching_articles(query);
    // One hit per page: facets must still count every match.
    SearchResults results = search_with_facets(query, kAllFacetValues, 1);
    EXPECT_EQ(results.hits.size(), 1u);
    EXPECT_EQ(results.articles, articles.size());
    ASSERT_EQ(results.facets.size(), schema_facets().size());
    for (std::size_t i = 0; i < results.facets.size(); ++i) {
      const FacetCounts& counts = results.facets[i];
      SCOPED_TRACE(counts.facet.name);
      EXPECT_EQ(counts.facet.name, schema_facets()[i].name);
      EXPECT_EQ(as_map(counts.values), brute_force_counts(articles, counts.facet));
      expect_display_order(counts.values);
    }
  }
}

TEST(Facets, NamesPastTheFacetSlotsAreNotCounted) {
  // The roundup names Mara Okafor and Yusuf Demir after twelve others.
  SearchResults results = search_with_facets("roundup", kAllFacetValues);
  ASSERT_EQ(results.hits.size(), 1u);
  Counts people = as_map(results.facets.at(0).values);
  EXPECT_EQ(people.size(), kFacetSlots);
  EXPECT_EQ(people.count("Zia Lorne"), 1u);
  EXPECT_EQ(people.count("Mara Okafor"), 0u);
  EXPECT_EQ(people.count("Yusuf Demir"), 0u);
}

TEST(Facets, LimitKeepsTheFirstValuesInDisplayOrder) {
  for (const char* query : {"harbour", "section:world", "ceasefire"}) {
    SCOPED_TRACE(query);
    SearchResults all = search_with_facets(query, kAllFacetValues);
    for (std::size_t limit : {0u, 1u, 2u, 3u}) {
      SCOPED_TRACE(limit);
      SearchResults limited = search_with_facets(query, limit);
      ASSERT_EQ(limited.facets.size(), all.facets.size());
      for (std::size_t i = 0; i < all.facets.size(); ++i) {
        std::vector<FacetValue> expected = all.facets[i].values;
        if (expected.size() > limit) expected.resize(limit);
        EXPECT_EQ(limited.facets[i].values, expected) << all.facets[i].facet.name;
      }
    }
  }
}

TEST(Facets, TiesAreOrderedByName) {
  // In "harbour" matches Ada Brennan (summit, regatta) ties with Mara Okafor (talks,
  // summit) and Tomas Lindqvist (talks, border, summit) leads.
  SearchResults results = search_with_facets("harbour", 3);
  const std::vector<FacetValue> expected = {
      {"Tomas Lindqvist", 3}, {"Ada Brennan", 2}, {"Mara Okafor", 2}};
  EXPECT_EQ(results.facets.at(0).values, expected);
}

TEST(Facets, NotAskedForNoneCounted) {
  SearchRequest request;
  request.query = "harbour";
  EXPECT_TRUE(make_searcher().search(request).facets.empty());
}

TEST(Facets, NoMatchesNoValues) {
  SearchResults results = search_with_facets("volcano", kAllFacetValues);
  EXPECT_TRUE(results.hits.empty());
  for (const FacetCounts& counts : results.facets) {
    EXPECT_TRUE(counts.values.empty()) << counts.facet.name;
  }
}

TEST(Facets, SortFacetValues) {
  struct Case {
    std::string_view name;
    std::vector<FacetValue> values, sorted;
  };
  const Case cases[] = {
      {"Empty", {}, {}},
      {"ByCountDescending", {{"a", 1}, {"b", 3}, {"c", 2}}, {{"b", 3}, {"c", 2}, {"a", 1}}},
      {"TiesByName", {{"Zed", 2}, {"Abe", 2}, {"Max", 2}}, {{"Abe", 2}, {"Max", 2}, {"Zed", 2}}},
      {"CountBeforeName", {{"Abe", 1}, {"Zed", 5}}, {{"Zed", 5}, {"Abe", 1}}},
      // Byte order: upper case before lower case, ASCII before other UTF-8.
      {"ByteOrder",
       {{"\xC3\x89lan", 1}, {"eve", 1}, {"Eve", 1}},
       {{"Eve", 1}, {"eve", 1}, {"\xC3\x89lan", 1}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<FacetValue> values = c.values;
    sort_facet_values(values);
    EXPECT_EQ(values, c.sorted);
  }
}

TEST(Facets, FacetByName) {
  for (const Facet& facet : schema_facets()) {
    EXPECT_EQ(&facet_by_name(facet.name), &facet);
  }
  EXPECT_EQ(facet_by_name("people").query_field, "person");
  for (std::string_view name : {"", "person", "People", "organisations", "orgs"}) {
    SCOPED_TRACE(name);
    EXPECT_THROW(facet_by_name(name), std::out_of_range);
  }
}

TEST(Facets, NarrowedQueryText) {
  struct Case {
    std::string_view query;
    std::string_view facet;
    std::string_view value;
    std::string expected;
  };
  const Case cases[] = {
      {"ceasefire", "people", "Ada Brennan", "ceasefire person:\"Ada Brennan\""},
      {"harbour -ceasefire", "places", "Rafah", "harbour -ceasefire place:\"Rafah\""},
      {"trade OR regatta", "organizations", "Elwyn Shipping",
       "(trade OR regatta) org:\"Elwyn Shipping\""},
      {"NOT harbour", "topics", "trade", "(NOT harbour) topic:\"trade\""},
      {"a AND b", "people", "X", "(a AND b) person:\"X\""},
      {"(a XOR b)", "people", "X", "((a XOR b)) person:\"X\""},
      {"a NEAR/3 b", "people", "X", "(a NEAR/3 b) person:\"X\""},
      {"or nothing", "people", "X", "or nothing person:\"X\""},  // lower case: words
      {"", "people", "Ada Brennan", "person:\"Ada Brennan\""},
      {"  ", "people", "Ada Brennan", "person:\"Ada Brennan\""},
      {"x", "organizations", "The \"Harbour\" Club", "x org:\"The  Harbour  Club\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query);
    EXPECT_EQ(narrowed_query(c.query, facet_by_name(c.facet), c.value), c.expected);
  }
}

TEST(Facets, NarrowingByAFacetValueKeepsExactlyTheArticlesWithIt) {
  std::size_t checked = 0;
  for (const char* query : kQueries) {
    std::vector<StoredArticle> articles = matching_articles(query);
    std::set<std::string> all_ids = ids_of(articles);
    SearchResults results = search_with_facets(query, kAllFacetValues);
    for (const FacetCounts& counts : results.facets) {
      for (const FacetValue& value : counts.values) {
        std::string narrowed = narrowed_query(query, counts.facet, value.name);
        SCOPED_TRACE(narrowed);
        std::set<std::string> expected;
        for (const StoredArticle& a : articles) {
          const std::vector<std::string>& names = *a.entities.list_for(counts.facet.source);
          if (std::find(names.begin(), names.end(), value.name) != names.end()) {
            expected.insert(a.id);
          }
        }
        std::set<std::string> ids = ids_of(matching_articles(narrowed));
        EXPECT_TRUE(std::includes(all_ids.begin(), all_ids.end(), ids.begin(), ids.end()));
        EXPECT_EQ(ids, expected);
        EXPECT_GE(ids.size(), value.count);
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 50u);
}

TEST(Facets, AppendingToASimpleQueryNarrows) {
  // What the text hint tells users to do, typed by hand.
  std::set<std::string> ids = ids_of(matching_articles("harbour person:\"Ada Brennan\""));
  EXPECT_EQ(ids, (std::set<std::string>{"world/summit.txt", "sport/regatta.txt"}));
}

// FacetCounter on its own, from one source, over the matches of `query`.
std::vector<FacetCounts> count_from(FacetSource source, const std::string& query) {
  FacetCounter counter(source);
  Xapian::Enquire enquire(news_index());
  enquire.set_query(QueryBuilder(news_index()).build(query));
  counter.attach(enquire);
  enquire.get_mset(0, 1, check_all(news_index()));
  EXPECT_EQ(counter.documents_seen(), matching_articles(query).size());
  return counter.counts(kAllFacetValues);
}

TEST(Facets, PackAndValueSlotsCountTheSame) {
  for (const char* query : kQueries) {
    SCOPED_TRACE(query);
    std::vector<FacetCounts> packed = count_from(FacetSource::kFacetPack, query);
    std::vector<FacetCounts> slots = count_from(FacetSource::kValueSlots, query);
    ASSERT_EQ(packed.size(), slots.size());
    for (std::size_t i = 0; i < packed.size(); ++i) {
      EXPECT_EQ(packed[i].facet.name, slots[i].facet.name);
      EXPECT_EQ(packed[i].values, slots[i].values) << packed[i].facet.name;
    }
  }
}

TEST(Facets, OneFacetFromThePackCountsOnlyIt) {
  FacetCounter counter(FacetSource::kFacetPack,
                       std::span<const Facet>(&facet_by_name("places"), 1));
  Xapian::Enquire enquire(news_index());
  enquire.set_query(Xapian::Query::MatchAll);
  counter.attach(enquire);
  enquire.get_mset(0, 0, check_all(news_index()));
  std::vector<FacetCounts> counts = counter.counts(kAllFacetValues);
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(as_map(counts[0].values),
            brute_force_counts(matching_articles(""), facet_by_name("places")));
}

TEST(Facets, PackCountsThousandsOfNamesAsTheSlotsDo) {
  // More distinct names than the spy's first table holds, so that it grows; names shared
  // by several articles and by two facets, so that counts and facets stay apart.
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  write_schema_metadata(db);
  DocumentBuilder builder;
  for (int a = 0; a < 400; ++a) {
    SourceFile source;
    source.id = "crowd/" + std::to_string(a) + ".txt";
    source.path = "/corpus/" + source.id;
    Article article = make_article(source, "Crowd " + std::to_string(a) + "\n\nA crowd.\n");
    for (int i = 0; i < 12; ++i) {
      article.entities.people.push_back("Person " + std::to_string((a * 7 + i * 13) % 3000));
      article.entities.organizations.push_back("Person " + std::to_string((a + i) % 50));
    }
    db.add_document(builder.build(article));
  }
  auto count = [&](FacetSource source) {
    FacetCounter counter(source);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    counter.attach(enquire);
    enquire.get_mset(0, 0, check_all(db));
    return counter.counts(kAllFacetValues);
  };
  std::vector<FacetCounts> packed = count(FacetSource::kFacetPack);
  std::vector<FacetCounts> slots = count(FacetSource::kValueSlots);
  ASSERT_EQ(packed.size(), slots.size());
  EXPECT_GT(packed.at(0).values.size(), 2000u);
  for (std::size_t i = 0; i < packed.size(); ++i) {
    EXPECT_EQ(packed[i].values, slots[i].values) << packed[i].facet.name;
  }
}

TEST(Facets, SourceIsThePackOnlyWhenEveryArticleHasOneAndNoShardIsRemote) {
  EXPECT_EQ(facet_source_for(news_index(), false), FacetSource::kFacetPack);
  // Remote shards run only Xapian's stock spies.
  EXPECT_EQ(facet_source_for(news_index(), true), FacetSource::kValueSlots);

  // An index written before the pack existed: one article without it is enough.
  Xapian::WritableDatabase mixed(std::string(), Xapian::DB_BACKEND_INMEMORY);
  write_schema_metadata(mixed);
  for (Xapian::docid id = 1; id <= news_index().get_lastdocid(); ++id) {
    mixed.add_document(news_index().get_document(id));
  }
  EXPECT_EQ(facet_source_for(mixed, false), FacetSource::kFacetPack);
  Xapian::Document old_style = news_index().get_document(1);
  old_style.remove_value(kSlotFacetPack);
  mixed.replace_document(1, old_style);
  EXPECT_EQ(facet_source_for(mixed, false), FacetSource::kValueSlots);

  // So an old index still counts right, from the slots.
  Searcher searcher(mixed, "old index");
  SearchRequest request;
  request.query = "harbour";
  request.facets = true;
  request.facet_limit = 3;
  const std::vector<FacetValue> expected = {
      {"Tomas Lindqvist", 3}, {"Ada Brennan", 2}, {"Mara Okafor", 2}};
  EXPECT_EQ(searcher.search(request).facets.at(0).values, expected);
}

ListResults list(const std::string& facet, const std::string& query,
                 std::size_t limit = kAllFacetValues) {
  return make_searcher().list(ListRequest{facet, query, limit});
}

TEST(EntityBrowser, WholeIndexEqualsBruteForce) {
  std::vector<StoredArticle> all = matching_articles("");
  ASSERT_EQ(all.size(), test_articles().size());
  for (const Facet& facet : schema_facets()) {
    SCOPED_TRACE(facet.name);
    ListResults results = list(std::string(facet.name), "");
    EXPECT_EQ(results.matches, all.size());
    EXPECT_EQ(results.counts.facet.name, facet.name);
    EXPECT_EQ(as_map(results.counts.values), brute_force_counts(all, facet));
    expect_display_order(results.counts.values);
  }
}

TEST(EntityBrowser, WholeIndexPeopleInOrder) {
  const std::vector<FacetValue> expected = {
      {"Ada Brennan", 3}, {"Tomas Lindqvist", 3}, {"Mara Okafor", 2}, {"Ines Marlow", 1}};
  EXPECT_EQ(list("people", "", 4).counts.values, expected);
}

TEST(EntityBrowser, WithAQueryEqualsTheFacets) {
  for (const char* query : kQueries) {
    SCOPED_TRACE(query);
    SearchResults results = search_with_facets(query, kAllFacetValues);
    for (const FacetCounts& counts : results.facets) {
      SCOPED_TRACE(counts.facet.name);
      ListResults listed = list(std::string(counts.facet.name), query);
      EXPECT_EQ(listed.matches, results.articles);
      EXPECT_EQ(listed.counts.values, counts.values);
    }
  }
}

TEST(EntityBrowser, LimitBoundsTheList) {
  std::vector<FacetValue> all = list("places", "").counts.values;
  ASSERT_GE(all.size(), 3u);
  for (std::size_t limit : {0u, 1u, 3u}) {
    SCOPED_TRACE(limit);
    EXPECT_EQ(list("places", "", limit).counts.values,
              std::vector<FacetValue>(all.begin(), all.begin() + limit));
  }
  EXPECT_EQ(list("places", "", 10).counts.values, all);  // fewer than the limit
}

TEST(EntityBrowser, NoMatches) {
  ListResults results = list("people", "volcano");
  EXPECT_EQ(results.matches, 0u);
  EXPECT_TRUE(results.counts.values.empty());
}

TEST(EntityBrowser, Errors) {
  EXPECT_THROW(list("persons", ""), QueryError);
  EXPECT_THROW(list("people", "harbour AND"), QueryError);
}

}  // namespace
}  // namespace newsdex
