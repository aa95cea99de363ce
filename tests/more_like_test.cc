// Tests of finding an article by id or path and of the more-like-this query, on a small
// in-memory index of invented articles on a few distinct topics.
#include "more_like.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "newsdex/schema.h"
#include "newsdex/stored_article.h"

namespace newsdex {
namespace {

struct TestArticle {
  std::string_view file_id;  // the file's id
  std::string_view suffix;   // after the file id in the article id (JSON dumps), or ""
  std::string_view text;
};

const std::vector<TestArticle>& test_articles() {
  static const std::vector<TestArticle> articles = {
      {"world/harbour-talks.txt", "",
       "Envoys Resume Harbour Ceasefire Talks\n\nEnvoys met again on Monday to talk about a "
       "ceasefire along the harbour front. Negotiators said the ceasefire talks would go on "
       "and that the harbour crossings could reopen to convoys.\n"},
      {"world/harbour-truce.txt", "",
       "Harbour Truce Holds\n\nThe ceasefire in the harbour district held overnight. Envoys "
       "and negotiators talked late into the night, and the harbour crossings stayed "
       "open.\n"},
      {"world/aid-convoys.txt", "",
       "Aid Convoys Wait\n\nAid convoys queued at the crossings while envoys argued over the "
       "harbour. Relief workers said the convoys carried flour and medicine.\n"},
      {"business/grain-prices.txt", "",
       "Grain Prices Ease\n\nWheat and barley prices eased as traders expected a large "
       "harvest. Grain traders said futures fell for a third week.\n"},
      {"business/grain-exports.txt", "",
       "Grain Exports Rise\n\nWheat exports rose as grain ships left the harbour. Traders "
       "said barley shipments were also higher than last season.\n"},
      {"sport/regatta.txt", "",
       "Regatta Draws Crowds\n\nSailing crews raced around the bay at the summer regatta, "
       "and the winning yacht finished well ahead of the fleet.\n"},
      {"sport/cup-final.txt", "",
       "Cup Final Goes To Penalties\n\nThe football cup final ended level, and the home "
       "side won on penalties after the keeper saved twice.\n"},
      {"science/comet.txt", "",
       "Comet Seen From Observatory\n\nAstronomers at the mountain observatory tracked a "
       "bright comet with a new telescope for several nights.\n"},
      {"feeds/wire.jsonl", ":3",
       "Telescope Funding Approved\n\nThe observatory will buy a second telescope, "
       "astronomers said, to follow comets and asteroids.\n"},
      // Two articles whose ids end alike: a path finds the longer id first.
      {"notes.txt", "", "Library Hours\n\nThe town library opens late on Thursdays.\n"},
      {"world/notes.txt", "", "Border Notes\n\nShort notes from the border crossings.\n"},
      {"misc/figures.txt", "", "Up 5\n\nIt is 42 to 7 at 9.\n"},
  };
  return articles;
}

std::string article_id(const TestArticle& a) {
  return std::string(a.file_id) + std::string(a.suffix);
}

const Xapian::Database& news_index() {
  static const Xapian::WritableDatabase db = [] {
    Xapian::WritableDatabase index(std::string(), Xapian::DB_BACKEND_INMEMORY);
    write_schema_metadata(index);
    DocumentBuilder builder;
    for (const TestArticle& a : test_articles()) {
      // Read as plain text whatever the name: the dump entry is only an id here.
      Article article = make_article(SourceFile{"story.txt", "story.txt"}, a.text);
      article.source.id = a.file_id;
      article.source.path = "corpus/" + article.source.id;
      article.id = article_id(a);
      article.section = section_of(article.source.id);
      index.add_document(builder.build(article));
    }
    return index;
  }();
  return db;
}

std::string id_of(Xapian::docid docid) {
  return StoredArticle::parse(news_index().get_document(docid).get_data()).id;
}

Xapian::docid docid_of(std::string_view id) {
  std::optional<Xapian::docid> docid = find_article(news_index(), id);
  EXPECT_TRUE(docid.has_value()) << id;
  return docid.value_or(0);
}

// Every match of `query`, best first, as article ids.
std::vector<std::string> ranked_ids(const Xapian::Query& query) {
  Xapian::Enquire enquire(news_index());
  enquire.set_query(query);
  Xapian::MSet mset = enquire.get_mset(0, news_index().get_doccount());
  std::vector<std::string> ids;
  for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(id_of(*it));
  return ids;
}

TEST(FindArticle, ByIdOrPath) {
  struct Case {
    std::string_view text;
    std::optional<std::string> id;
  };
  const Case cases[] = {
      {"world/harbour-talks.txt", "world/harbour-talks.txt"},
      {"corpus/world/harbour-talks.txt", "world/harbour-talks.txt"},
      {"./world/harbour-talks.txt", "world/harbour-talks.txt"},
      {"././world/harbour-talks.txt", "world/harbour-talks.txt"},
      {"../archive/world/harbour-talks.txt", "world/harbour-talks.txt"},
      {"/corpus/world/harbour-talks.txt", "world/harbour-talks.txt"},
      {"feeds/wire.jsonl:3", "feeds/wire.jsonl:3"},
      {"corpus/feeds/wire.jsonl:3", "feeds/wire.jsonl:3"},
      {"x/world/notes.txt", "world/notes.txt"},  // the longest id that fits
      {"x/notes.txt", "notes.txt"},
      {"notes.txt", "notes.txt"},
      {"harbour-talks.txt", std::nullopt},  // a suffix of an id is not enough
      {"world/harbour-talks", std::nullopt},
      {"World/harbour-talks.txt", std::nullopt},
      {"feeds/wire.jsonl", std::nullopt},  // the file of a dump, not one of its articles
      {"world/", std::nullopt},
      {"/", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    std::optional<Xapian::docid> docid = find_article(news_index(), c.text);
    ASSERT_EQ(docid.has_value(), c.id.has_value());
    if (docid) {
      EXPECT_EQ(id_of(*docid), *c.id);
    }
  }
}

TEST(MoreLike, SameTopicFirstAndNeverItself) {
  struct Case {
    std::string_view id;
    std::string_view first;            // the best match
    std::set<std::string> same_topic;  // all ranked above every other match
  };
  const Case cases[] = {
      {"world/harbour-talks.txt",
       "world/harbour-truce.txt",
       {"world/harbour-truce.txt", "world/aid-convoys.txt"}},
      {"business/grain-prices.txt", "business/grain-exports.txt", {"business/grain-exports.txt"}},
      {"science/comet.txt", "feeds/wire.jsonl:3", {"feeds/wire.jsonl:3"}},
      {"feeds/wire.jsonl:3", "science/comet.txt", {"science/comet.txt"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.id);
    std::vector<std::string> ids = ranked_ids(more_like_query(news_index(), docid_of(c.id)));
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(ids.front(), c.first);
    EXPECT_EQ(std::count(ids.begin(), ids.end(), std::string(c.id)), 0);
    ASSERT_GE(ids.size(), c.same_topic.size());
    std::set<std::string> top(ids.begin(), ids.begin() + c.same_topic.size());
    EXPECT_EQ(top, c.same_topic);
  }
}

TEST(MoreLike, ItselfNeverMatchesEvenWithAllTerms) {
  // With every content term, each article is the best match of its own terms but must
  // still be excluded.
  for (const TestArticle& a : test_articles()) {
    std::string id = article_id(a);
    SCOPED_TRACE(id);
    Xapian::Query like = more_like_query(news_index(), docid_of(id), 1000);
    std::vector<std::string> ids = ranked_ids(like);
    EXPECT_EQ(std::count(ids.begin(), ids.end(), id), 0);
  }
}

TEST(MoreLike, TermsAreContentStems) {
  for (Xapian::termcount max_terms : {1u, 5u, 40u}) {
    SCOPED_TRACE(max_terms);
    Xapian::Query like =
        more_like_query(news_index(), docid_of("world/harbour-talks.txt"), max_terms);
    std::set<std::string> terms(like.get_unique_terms_begin(), like.get_unique_terms_end());
    EXPECT_EQ(terms.count("Qworld/harbour-talks.txt"), 1u);  // the excluded article
    terms.erase("Qworld/harbour-talks.txt");
    EXPECT_GE(terms.size(), 1u);
    EXPECT_LE(terms.size(), max_terms);
    for (const std::string& term : terms) {
      SCOPED_TRACE(term);
      ASSERT_GE(term.size(), 4u);
      EXPECT_EQ(term[0], 'Z');
      EXPECT_TRUE(term[1] >= 'a' && term[1] <= 'z');
    }
    if (max_terms >= 40) {
      // The words of the story, stemmed: "talks" and "talk" as one.
      EXPECT_EQ(terms.count("Zharbour"), 1u);
      EXPECT_EQ(terms.count("Zceasefir"), 1u);
    }
  }
}

TEST(MoreLike, NoContentTermsMatchesNothing) {
  // "Up 5 / It is 42 to 7 at 9.": numbers and words under three letters only.
  Xapian::Query like = more_like_query(news_index(), docid_of("misc/figures.txt"));
  EXPECT_TRUE(like.empty());
  EXPECT_TRUE(ranked_ids(like).empty());
}

TEST(MoreLike, CombinesWithAFilter) {
  struct Case {
    std::string_view section;
    std::string_view first;       // "" = no match in the section
    std::set<std::string> among;  // also matched
  };
  const Case cases[] = {
      {"world", "world/harbour-truce.txt", {"world/aid-convoys.txt", "world/notes.txt"}},
      {"business", "business/grain-exports.txt", {}},  // it mentions the harbour
      {"science", "", {}},
  };
  Xapian::Query like = more_like_query(news_index(), docid_of("world/harbour-talks.txt"));
  for (const Case& c : cases) {
    SCOPED_TRACE(c.section);
    Xapian::Query filter(boolean_term(field_by_name("section"), c.section));
    std::vector<std::string> ids =
        ranked_ids(Xapian::Query(Xapian::Query::OP_FILTER, like, filter));
    if (c.first.empty()) {
      EXPECT_TRUE(ids.empty());
      continue;
    }
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(ids.front(), c.first);
    for (const std::string& id : ids) EXPECT_EQ(section_of(id), c.section) << id;
    for (const std::string& id : c.among)
      EXPECT_EQ(std::count(ids.begin(), ids.end(), id), 1) << id;
  }
}

TEST(MoreLike, UnknownDocumentThrows) {
  EXPECT_THROW(more_like_query(news_index(), news_index().get_lastdocid() + 1),
               Xapian::DocNotFoundError);
}

}  // namespace
}  // namespace newsdex
