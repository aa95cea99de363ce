// Tests of the passage query: field terms (title:, person:, place:, ...) highlight their
// unprefixed words in the body text.
#include "highlight_query.h"

#include <gtest/gtest.h>

#include "support/code_points.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "newsdex/stored_article.h"
#include "passage.h"
#include "query_builder.h"

namespace newsdex {
namespace {

std::set<std::string> terms_of(const Xapian::Query& query) {
  return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
}

TEST(HighlightQuery, AddsUnprefixedFormsOfTitleTerms) {
  Xapian::Query title(Xapian::Query::OP_OR, Xapian::Query("Sharbour"), Xapian::Query("ZSharbour"));
  std::optional<Xapian::Query> highlight = highlight_query(title);
  ASSERT_TRUE(highlight.has_value());
  EXPECT_EQ(terms_of(*highlight),
            (std::set<std::string>{"Sharbour", "ZSharbour", "harbour", "Zharbour"}));
}

TEST(HighlightQuery, LeavesQueriesWithoutFieldTermsAlone) {
  const Xapian::Query kCases[] = {
      Xapian::Query("harbour"),
      Xapian::Query("Zharbour"),
      // Boolean filters are not words of the text.
      Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("harbour"),
                    Xapian::Query("XSECTIONworld")),
      Xapian::Query("Qworld/a.txt"),
      Xapian::Query(),
  };
  for (const Xapian::Query& query : kCases) {
    SCOPED_TRACE(query.get_description());
    EXPECT_FALSE(highlight_query(query).has_value());
  }
}

TEST(HighlightQuery, AddsUnprefixedFormsOfEntityTerms) {
  struct Case {
    std::string term;
    std::string word;
  };
  const Case cases[] = {
      {"XPokafor", "okafor"}, {"ZXPokafor", "Zokafor"}, {"XLrafah", "rafah"},
      {"ZXLrafah", "Zrafah"}, {"XOcouncil", "council"}, {"XTceasefire", "ceasefire"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.term);
    std::optional<Xapian::Query> highlight = highlight_query(Xapian::Query(c.term));
    ASSERT_TRUE(highlight.has_value());
    EXPECT_EQ(terms_of(*highlight), (std::set<std::string>{c.term, c.word}));
  }
}

TEST(HighlightQuery, LeavesExactEntityTermsAlone) {
  // Boolean terms of canonical names are not words of the text.
  for (std::string term :
       {"XPERSON:Mara Okafor", "XPLACE:Rafah", "XORG:Harbour Council", "XTOPICceasefire"}) {
    SCOPED_TRACE(term);
    EXPECT_FALSE(highlight_query(Xapian::Query(term)).has_value());
  }
}

// One invented article whose entity lists are set by hand, as the extractor would.
const Xapian::Database& entity_index() {
  static const Xapian::WritableDatabase db = [] {
    Xapian::WritableDatabase index(std::string(), Xapian::DB_BACKEND_INMEMORY);
    SourceFile source;
    source.id = "world/crossing.txt";
    source.path = "/corpus/" + source.id;
    Article article = make_article(
        source,
        "Crossing Opens\n\nLorries queued for hours before the gate opened. Later the "
        "crossing at Rafah let aid through to the harbour, Mara Okafor of the Harbour Council "
        "said, and a lasting ceasefire was discussed.\n");
    article.entities.people = {"Mara Okafor"};
    article.entities.places = {"Rafah"};
    article.entities.organizations = {"Harbour Council"};
    article.entities.topics = {"ceasefire"};
    index.add_document(DocumentBuilder().build(article));
    return index;
  }();
  return db;
}

TEST(HighlightQuery, EntityFieldQueriesHighlightTheNamesInPassages) {
  struct Case {
    std::string query;
    std::set<std::string> highlighted;
  };
  const Case cases[] = {
      {"place:rafah", {"Rafah"}},
      {"person:okafor", {"Okafor"}},
      // A quoted name is highlighted where the text has it whole: not the harbour.
      {"person:\"Mara Okafor\"", {"Mara Okafor"}},
      {"org:\"Harbour Council\"", {"Harbour Council"}},
      {"org:council", {"Council"}},
      {"topic:ceasefire", {"ceasefire"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query);
    QueryBuilder query_builder(entity_index());
    Xapian::Query query = query_builder.build(c.query);
    Xapian::Enquire enquire(entity_index());
    enquire.set_query(query);
    ASSERT_EQ(enquire.get_mset(0, 10).size(), 1u) << "the field query must match";
    std::optional<Xapian::Query> for_passages = highlight_query(query);
    ASSERT_TRUE(for_passages.has_value());
    enquire.set_query(*for_passages);
    Xapian::MSet mset = enquire.get_mset(0, 0);
    std::string body = StoredArticle::parse(entity_index().get_document(1).get_data()).body;
    Passage passage = make_passage(mset, body, query_builder.stemmer(), 120);
    std::set<std::string> highlighted;
    for (const auto& [start, end] : passage.highlights) {
      highlighted.insert(testing::code_point_substr(passage.text, start, end));
    }
    EXPECT_EQ(highlighted, c.highlighted) << passage.text;
  }
}

TEST(HighlightQuery, IgnoresUnknownPrefixes) {
  // "XUNKNOWN" is no free-text field of the schema.
  EXPECT_FALSE(highlight_query(Xapian::Query("XUNKNOWNharbour")).has_value());
}

}  // namespace
}  // namespace newsdex
