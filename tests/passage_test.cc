// Tests of passages: parsing MSet::snippet output, and real snippets from an index.
#include "passage.h"
#include "highlight_query.h"

#include <gtest/gtest.h>

#include <xapian.h>
#include "support/code_points.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "newsdex/text_decoding.h"
#include "query_builder.h"

namespace newsdex {
namespace {

using testing::code_point_substr;

using Highlights = std::vector<std::pair<std::size_t, std::size_t>>;

TEST(Passage, CodePointSubstrHelper) {
  EXPECT_EQ(code_point_substr("caf\xC3\xA9 bar", 3, 5), "\xC3\xA9 ");
  EXPECT_EQ(code_point_substr("abc", 0, 3), "abc");
  EXPECT_EQ(code_point_substr("abc", 1, 1), "");
}

TEST(Passage, FromSnippet) {
  struct Case {
    std::string_view name;
    std::string snippet;
    std::string text;
    Highlights highlights;
  };
  const Case cases[] = {
      {"NoMarkers", "the tide turned", "the tide turned", {}},
      {"OneHighlight", "a \x01word\x02 here", "a word here", {{2, 6}}},
      {"HighlightAtStart", "\x01Tide\x02 turned", "Tide turned", {{0, 4}}},
      {"TwoHighlights", "\x01one\x02 and \x01two\x02", "one and two", {{0, 3}, {8, 11}}},
      {"Entities", "&amp; &lt;b&gt; &quot;q&quot; it&#39;s", "& <b> \"q\" it's", {}},
      {"AposEntity", "it&apos;s", "it's", {}},
      {"EntityDecodedOnce", "&amp;lt;", "&lt;", {}},
      {"UnknownEntityKept", "a&nbsp;b", "a&nbsp;b", {}},
      {"EntityBeforeHighlight", "&quot;x&quot; \x01y\x02", "\"x\" y", {{4, 5}}},
      {"TwoByteCharBeforeHighlight",
       "caf\xC3\xA9 \x01"
       "bar\x02",
       "caf\xC3\xA9 bar",
       {{5, 8}}},
      {"EllipsisBeforeHighlight",
       "\xE2\x80\xA6 \x01tide\x02 end",
       "\xE2\x80\xA6 tide end",
       {{2, 6}}},
      {"NonAsciiHighlight",
       "the \x01\xC3\xA9t\xC3\xA9\x02 season",
       "the \xC3\xA9t\xC3\xA9 season",
       {{4, 7}}},
      {"WhitespaceFolded", "a  \n\t b\r\nc", "a b c", {}},
      {"OuterWhitespaceDropped", "  \n lead and trail \n ", "lead and trail", {}},
      {"NewlineBeforeHighlight", "word\n\x01next\x02", "word next", {{5, 9}}},
      {"SpaceInsideMarkers", "\x01word \x02 more", "word more", {{0, 4}}},
      {"EmptyHighlightDropped", "a\x01\x02 b", "a b", {}},
      {"EmptyHighlightAfterSpace", "a \x01\x02 b", "a b", {}},
      {"HighlightAfterSpaceExcludesIt", "a \x01 b\x02", "a b", {{2, 3}}},
      {"HeadingBeforeParagraphIsMarked",
       "Fears for \x01Rafah\x02\n\nThe push",
       "Fears for Rafah \xC2\xB7 The push",
       {{10, 15}}},
      {"SentenceBeforeParagraphIsNot", "It ended.\n\nThen more", "It ended. Then more", {}},
      {"HighlightAfterHeadingBreak",
       "Outlook\n\n\x01Rain\x02 later",
       "Outlook \xC2\xB7 Rain later",
       {{10, 14}}},
      {"Empty", "", "", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Passage passage = passage_from_snippet(c.snippet);
    EXPECT_EQ(passage.text, c.text);
    EXPECT_EQ(passage.highlights, c.highlights);
  }
}

TEST(Passage, FoldWhitespace) {
  struct Case {
    std::string_view name;
    std::string text;
    std::string folded;
  };
  const Case cases[] = {
      {"Plain", "one two", "one two"},
      {"RunsOfBlanks", " a \t\r\n b  ", "a b"},
      {"EntitiesStayAsTheyAre", "fish &amp; chips", "fish &amp; chips"},
      {"HeadingThenParagraph", "Outlook\n\nRain later.", "Outlook \xC2\xB7 Rain later."},
      {"SentenceThenParagraph", "It rained.\n\nThen sun.", "It rained. Then sun."},
      {"OneNewlineIsASpace", "Outlook\nRain", "Outlook Rain"},
      {"Blank", " \n\n ", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(fold_whitespace(c.text), c.folded);
  }
}

// An index of one article, the query behind an MSet, and the article's body.
class PassageOnIndex : public ::testing::Test {
 protected:
  PassageOnIndex() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {}

  void index(const std::string& text) {
    SourceFile source;
    source.id = "world/harbour.txt";
    source.path = "/corpus/world/harbour.txt";
    article_ = make_article(source, text);
    DocumentBuilder builder;
    db_.add_document(builder.build(article_));
  }

  Passage passage_for(const std::string& query_text, std::size_t length = 300) {
    QueryBuilder query_builder(db_);
    Xapian::Enquire enquire(db_);
    enquire.set_query(query_builder.build(query_text));
    Xapian::MSet mset = enquire.get_mset(0, 10);
    EXPECT_EQ(mset.size(), 1u) << query_text;
    return make_passage(mset, article_.body, query_builder.stemmer(), length);
  }

  std::vector<Passage> passages_for(const std::string& query_text, std::size_t length,
                                    std::size_t count) {
    QueryBuilder query_builder(db_);
    Xapian::Enquire enquire(db_);
    enquire.set_query(query_builder.build(query_text));
    Xapian::MSet mset = enquire.get_mset(0, 10);
    EXPECT_EQ(mset.size(), 1u) << query_text;
    return make_passages(mset, article_.body, query_builder.stemmer(), length, count);
  }

  // What every passage must be: a piece of the folded body at its start, in text
  // order without overlaps, no longer than `length` bytes unless one word is.
  void expect_well_formed(const std::vector<Passage>& passages, std::size_t length) {
    std::string folded = fold_whitespace(article_.body);
    std::size_t end_of_previous = 0;
    for (const Passage& passage : passages) {
      SCOPED_TRACE(passage.text);
      std::size_t size = count_code_points(passage.text);
      EXPECT_EQ(code_point_substr(folded, passage.start, passage.start + size), passage.text);
      EXPECT_GE(passage.start, end_of_previous);
      EXPECT_LE(passage.text.size(), length);
      end_of_previous = passage.start + size;
      for (const auto& [start, end] : passage.highlights) EXPECT_LT(end, size + 1);
    }
  }

  Xapian::WritableDatabase db_;
  Article article_;
};

TEST_F(PassageOnIndex, HighlightsQueryWords) {
  index(
      "Harbour Works Finish\n\nCaf\xC3\xA9 owners by the quay \xE2\x80\x94 all of them "
      "\xE2\x80\xA6 "
      "welcomed the reopened harbour on Monday.\n\nMinisters came to talk with fishermen.\n");
  struct Case {
    std::string query;
    std::string highlighted;  // what every highlight must read
  };
  const Case cases[] = {
      {"harbour", "harbour"},
      {"talks", "talk"},  // a stemmed form of the query word
      {"fishermen", "fishermen"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query);
    Passage passage = passage_for(c.query);
    EXPECT_TRUE(is_valid_utf8(passage.text));
    EXPECT_EQ(passage.text.find('\n'), std::string::npos);
    ASSERT_FALSE(passage.highlights.empty()) << passage.text;
    for (const auto& [start, end] : passage.highlights) {
      EXPECT_LT(start, end);
      EXPECT_LE(end, count_code_points(passage.text));
      EXPECT_EQ(code_point_substr(passage.text, start, end), c.highlighted) << passage.text;
    }
  }
}

TEST_F(PassageOnIndex, MarkerBytesInTextAreNotHighlights) {
  index("Odd Bytes Story\n\nSome \x01stray\x02 control bytes sit near the harbour wall.\n");
  Passage passage = passage_for("harbour");
  EXPECT_EQ(passage.text.find('\x01'), std::string::npos);
  EXPECT_EQ(passage.text.find('\x02'), std::string::npos);
  ASSERT_EQ(passage.highlights.size(), 1u) << passage.text;
  EXPECT_EQ(
      code_point_substr(passage.text, passage.highlights[0].first, passage.highlights[0].second),
      "harbour");
}

TEST_F(PassageOnIndex, EscapedCharactersComeBackPlain) {
  index("Fish & Chips Prices\n\nThe price of fish & chips rose to <five> pounds at the harbour.\n");
  Passage passage = passage_for("harbour");
  EXPECT_NE(passage.text.find("fish & chips"), std::string::npos) << passage.text;
  EXPECT_NE(passage.text.find("<five>"), std::string::npos) << passage.text;
  ASSERT_EQ(passage.highlights.size(), 1u);
  EXPECT_EQ(
      code_point_substr(passage.text, passage.highlights[0].first, passage.highlights[0].second),
      "harbour");
}

// Five paragraphs: the harbour in the first, third and fifth, the ferry with it only in
// the fifth.
constexpr std::string_view kFiveParagraphs =
    "Harbour Day\n\n"
    "Boats filled the harbour at dawn. Gulls followed them out.\n\n"
    "A quiet market opened on the square by noon.\n\n"
    "By evening the harbour lights came on one by one.\n\n"
    "Nobody talked about the weather any more.\n\n"
    "The last ferry left the harbour late, and the harbour ferry crew went home.\n";

TEST_F(PassageOnIndex, SeveralPassagesInTextOrder) {
  index(std::string(kFiveParagraphs));
  struct Case {
    std::string query;
    std::size_t count;
    std::vector<std::string_view> starts;  // how each passage begins, in order
  };
  const Case cases[] = {
      // The window with both words wins; then the most highlights, then the earliest.
      {"harbour ferry", 1, {"The last ferry"}},
      {"harbour ferry", 2, {"Boats filled", "The last ferry"}},
      {"harbour", 2, {"Boats filled", "The last ferry"}},
      {"harbour", 3, {"Boats filled", "By evening", "The last ferry"}},
      // Only windows with a highlight, however many are asked for.
      {"ferry", 4, {"The last ferry"}},
      {"gulls", 2, {"Boats filled"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query + " x" + std::to_string(c.count));
    std::vector<Passage> passages = passages_for(c.query, 60, c.count);
    ASSERT_EQ(passages.size(), c.starts.size());
    for (std::size_t i = 0; i < passages.size(); ++i) {
      EXPECT_TRUE(passages[i].text.starts_with(c.starts[i])) << passages[i].text;
      EXPECT_FALSE(passages[i].highlights.empty()) << passages[i].text;
    }
    expect_well_formed(passages, 60);
  }
}

TEST_F(PassageOnIndex, PassagesHighlightEachMatch) {
  index(std::string(kFiveParagraphs));
  std::vector<Passage> passages = passages_for("harbour ferry", 80, 1);
  ASSERT_EQ(passages.size(), 1u);
  const Passage& passage = passages[0];
  std::vector<std::string> highlighted;
  for (const auto& [start, end] : passage.highlights) {
    highlighted.push_back(code_point_substr(passage.text, start, end));
  }
  EXPECT_EQ(highlighted, (std::vector<std::string>{"ferry", "harbour", "harbour", "ferry"}))
      << passage.text;
}

// A byline, a date line or a heading is a paragraph that ends no sentence: never the
// start of a passage of prose, ranked after prose that highlights as much, and passed
// over when the passage is the article's start.
TEST_F(PassageOnIndex, BylinesAndHeadingsDoNotStartPassages) {
  index(
      "Harbour fares frozen\n\nBy Island Staff | 5 July 2024\n\nFerry fares will stay frozen "
      "this winter, the council said. Fishermen welcomed it.\n\nFares at a glance\n\nThe "
      "fares on the island route were last raised in 2019.\n");
  const std::string first_paragraph =
      "Ferry fares will stay frozen this winter, the council said. Fishermen welcomed it.";
  for (const char* query : {"council", "fares", "harbour"}) {  // harbour: the title alone
    SCOPED_TRACE(query);
    std::vector<Passage> passages = passages_for(query, 300, 1);
    ASSERT_EQ(passages.size(), 1u);
    EXPECT_EQ(passages[0].text, first_paragraph);
  }
  // Alone in its window, a heading is still the passage of what only it holds.
  std::vector<Passage> heading = passages_for("glance", 300, 1);
  ASSERT_EQ(heading.size(), 1u);
  EXPECT_EQ(heading[0].text, "Fares at a glance");
  expect_well_formed(passages_for("fares", 60, 3), 60);
}

TEST_F(PassageOnIndex, WindowsKeepSentencesWhole) {
  index(std::string(kFiveParagraphs));
  // 120 bytes hold the first two paragraphs together, not a part of the third.
  std::vector<Passage> passages = passages_for("gulls", 120, 1);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(passages[0].text,
            "Boats filled the harbour at dawn. Gulls followed them out. A quiet market opened on "
            "the square by noon.");
  EXPECT_EQ(passages[0].start, 0u);
}

TEST_F(PassageOnIndex, LongSentenceIsCutBetweenWords) {
  std::string sentence = "Storm";
  for (int i = 0; i < 40; ++i) sentence += i == 30 ? " harbour" : " waves";
  index("Storm Night\n\n" + sentence + ".\n");
  std::vector<Passage> passages = passages_for("harbour", 50, 3);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_NE(passages[0].text.find("harbour"), std::string::npos);
  expect_well_formed(passages, 50);
  EXPECT_GT(passages[0].start, 0u);
  // "harbour" is the 31st word of 41: a piece from inside the sentence, cut on both sides.
  EXPECT_TRUE(passages[0].cut_start);
  EXPECT_TRUE(passages[0].cut_end);
}

// snippet() drops the punctuation outside a window's first and last words; a passage
// keeps it: a quotation ends with its '."'.
TEST_F(PassageOnIndex, AQuotedSentenceKeepsItsClosingQuote) {
  index(
      "Club Statement\n\nThe club said: \"We have a zero tolerance policy on drugs.\" The "
      "player left on Monday.\n");
  std::vector<Passage> passages = passages_for("drugs", 40, 1);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_TRUE(passages[0].text.ends_with("on drugs.\"")) << passages[0].text;
  expect_well_formed(passages, 200);
  const auto& [start, end] = passages[0].highlights.back();
  EXPECT_EQ(code_point_substr(passages[0].text, start, end), "drugs");
}

// A passage says on which side a long sentence was cut, and whole sentences say none.
TEST_F(PassageOnIndex, CutSidesAreMarkedAndWholeSentencesAreNot) {
  std::string sentence = "Harbour";
  for (int i = 0; i < 40; ++i) sentence += " waves";
  index("Storm Night\n\n" + sentence + ".\n\nThe pier held. Gulls left the harbour at dusk.\n");
  std::vector<Passage> passages = passages_for("harbour", 60, 3);
  ASSERT_EQ(passages.size(), 2u);
  // The start of the long sentence: cut at its end only.
  EXPECT_TRUE(passages[0].text.starts_with("Harbour waves")) << passages[0].text;
  EXPECT_FALSE(passages[0].cut_start);
  EXPECT_TRUE(passages[0].cut_end);
  // The short sentences after it: whole.
  EXPECT_TRUE(passages[1].text.ends_with("at dusk.")) << passages[1].text;
  EXPECT_FALSE(passages[1].cut_start);
  EXPECT_FALSE(passages[1].cut_end);
}

TEST_F(PassageOnIndex, ArticleStartWhenNothingInTheBodyMatches) {
  index(std::string(kFiveParagraphs));
  // "day" is only in the title.
  std::vector<Passage> passages = passages_for("title:day", 60, 3);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_TRUE(passages[0].text.starts_with("Boats filled")) << passages[0].text;
  EXPECT_TRUE(passages[0].highlights.empty());
  EXPECT_EQ(passages[0].start, 0u);
}

TEST_F(PassageOnIndex, HeadingSeparatorCountsInStart) {
  index(
      "Port News\n\nQuay Works\n\nCranes stood still all week.\n\nLater Plans\n\nThe "
      "harbour reopens in May.\n");
  std::vector<Passage> passages = passages_for("harbour", 30, 1);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(passages[0].text, "The harbour reopens in May.");
  expect_well_formed(passages, 30);
}

TEST_F(PassageOnIndex, StartCountsCodePointsAndSeparators) {
  index(
      "Caf\xC3\xA9 News\n\n\xC3\x89lan \xC2\xA3"
      "5m Deal\n\n"
      "The caf\xC3\xA9 by the harbour sold for \xC2\xA3"
      "5m. \xE2\x80\x9CIt is done.\xE2\x80\x9D\n\n"
      "Quay \xE2\x80\x94 Z\xC3\xBCrich\n\n"
      "Buyers   from Z\xC3\xBCrich\tsaid the harbour\r\nwould stay open.\n\n\n"
      "Later\n\nThe harbour caf\xC3\xA9 reopens.\n");
  for (std::size_t length : {20u, 40u, 60u}) {
    SCOPED_TRACE(length);
    std::vector<Passage> passages = passages_for("harbour", length, 3);
    ASSERT_FALSE(passages.empty());
    expect_well_formed(passages, length);
  }
}

TEST_F(PassageOnIndex, NoPassagesOfBlankTextOrForZero) {
  index(std::string(kFiveParagraphs));
  QueryBuilder query_builder(db_);
  Xapian::Enquire enquire(db_);
  enquire.set_query(query_builder.build("harbour"));
  Xapian::MSet mset = enquire.get_mset(0, 10);
  EXPECT_TRUE(make_passages(mset, " \n\n ", query_builder.stemmer(), 60, 2).empty());
  EXPECT_TRUE(make_passages(mset, article_.body, query_builder.stemmer(), 60, 0).empty());
}

}  // namespace
}  // namespace newsdex

namespace newsdex {
namespace {

// Counts the words a stemmer is asked about: snippet() stems every word it is given, so
// this measures how much text it saw.
class CountingStemmer : public Xapian::StemImplementation {
 public:
  CountingStemmer(Xapian::Stem stemmer, std::size_t& calls) : stemmer_(stemmer), calls_(calls) {}
  std::string operator()(const std::string& word) override {
    ++calls_;
    return stemmer_(word);
  }
  std::string get_description() const override { return "counting"; }

 private:
  Xapian::Stem stemmer_;
  std::size_t& calls_;
};

// Pruning only spares snippet() the windows that cannot rank among the best: the
// passages are those of highlighting every window, whatever the query (acronyms, stems
// that are not prefixes of their words, accents, phrases, operators, several forms of a
// word, a synonym of several words).
TEST_F(PassageOnIndex, PruningChangesNoPassage) {
  index(
      "Harbour talks resume\n\n"
      "The U.N. envoy arrived in the port city on Monday. Fishermen said they were happy "
      "with the new quota. Officials from the Zürich office were dying to see the plan. "
      "The ferry company agreed to cut fares.\n\n"
      "Dock workers held a vote on Tuesday. The union said talks on pay would resume. "
      "A spokesman for the United Nations welcomed the agreement.\n\n"
      "Talks, talk and talking: the envoy's talks went on. The envoy talked of the vote.\n\n"
      "Weather forecasters expect calm seas for the rest of the week.");
  std::size_t pruned_words = 0;
  std::size_t every_words = 0;
  for (std::string query : {"UN", "U.N. envoy", "happy", "dying", "zürich", "agreed",
                            "\"dock workers\"", "talks NEAR/4 pay", "ferry OR quota", "vote -storm",
                            "title:harbour", "talks envoy", "envoy vote talks united nations"}) {
    SCOPED_TRACE(query);
    QueryBuilder query_builder(db_);
    // As the searcher does: passages come from the highlight query.
    Xapian::Query built = query_builder.build(query);
    built = highlight_query(built).value_or(built);
    Xapian::Enquire enquire(db_);
    enquire.set_query(built);
    Xapian::MSet mset = enquire.get_mset(0, 10);
    ASSERT_EQ(mset.size(), 1u);
    std::vector<Needle> needles = passage_needles(built);
    ASSERT_FALSE(needles.empty());
    for (std::size_t count : {1u, 2u, 3u}) {
      Xapian::Stem pruned_stemmer(new CountingStemmer(query_builder.stemmer(), pruned_words));
      Xapian::Stem every_stemmer(new CountingStemmer(query_builder.stemmer(), every_words));
      auto pruned = make_passages(mset, article_.body, pruned_stemmer, 120, count, needles,
                                  WindowSelection::kPruned);
      auto every = make_passages(mset, article_.body, every_stemmer, 120, count, needles,
                                 WindowSelection::kEvery);
      ASSERT_EQ(pruned.size(), every.size());
      for (std::size_t i = 0; i < pruned.size(); ++i) {
        EXPECT_EQ(pruned[i].text, every[i].text);
        EXPECT_EQ(pruned[i].highlights, every[i].highlights);
        EXPECT_EQ(pruned[i].start, every[i].start);
      }
    }
  }
  // And it prunes: snippet() saw well under half the words.
  EXPECT_LT(pruned_words * 2, every_words) << pruned_words << " of " << every_words;
}

// The same for wildcard queries, whose needles are their patterns; and words that match
// a wildcard are highlighted.
TEST_F(PassageOnIndex, WildcardPruningChangesNoPassage) {
  index(
      "Harbour talks resume\n\n"
      "The U.N. envoy arrived in the port city on Monday. Fishermen said they were happy "
      "with the new quota. Officials from the Z\xC3\xBCrich office were dying to see it.\n\n"
      "Dock workers held a vote on Tuesday. O\xE2\x80\x99Neill\xE2\x80\x99s union said "
      "talks on pay would resume. The economy of the port grew.\n\n"
      "Talks, talk and talking: the envoy's talks went on. Economists talked of the vote.\n\n"
      "Weather forecasters expect calm seas for the rest of the week.");
  for (std::string query : {"talk*", "econom*", "envoy* vote", "z\xC3\xBCr*", "title:harb*",
                            "o'nei*", "U.N*", "econ* OR fish*", "dock -storm*"}) {
    SCOPED_TRACE(query);
    QueryBuilder query_builder(db_);
    Xapian::Query built = query_builder.build(query);
    built = highlight_query(built).value_or(built);
    Xapian::Enquire enquire(db_);
    enquire.set_query(built);
    Xapian::MSet mset = enquire.get_mset(0, 10);
    ASSERT_EQ(mset.size(), 1u);
    std::vector<Needle> needles = passage_needles(built);
    ASSERT_FALSE(needles.empty());
    for (std::size_t count : {1u, 2u, 3u}) {
      auto pruned = make_passages(mset, article_.body, query_builder.stemmer(), 120, count, needles,
                                  WindowSelection::kPruned);
      auto every = make_passages(mset, article_.body, query_builder.stemmer(), 120, count, needles,
                                 WindowSelection::kEvery);
      ASSERT_EQ(pruned.size(), every.size());
      for (std::size_t i = 0; i < pruned.size(); ++i) {
        EXPECT_EQ(pruned[i].text, every[i].text);
        EXPECT_EQ(pruned[i].highlights, every[i].highlights);
        EXPECT_EQ(pruned[i].start, every[i].start);
      }
    }
  }
  std::vector<Passage> passages = passages_for("econom*", 120, 3);
  std::vector<std::string> highlighted;
  for (const Passage& passage : passages) {
    for (const auto& [start, end] : passage.highlights) {
      highlighted.push_back(code_point_substr(passage.text, start, end));
    }
  }
  EXPECT_EQ(highlighted, (std::vector<std::string>{"economy", "Economists"}));
}

TEST_F(PassageOnIndex, FormsOfOneWordCountOnceAmongDistinctHighlights) {
  // The first window has "talks" three times; the second "talks" and "envoy" once each:
  // two distinct words beat three highlights of one.
  index(
      "Talks Go On\n\n"
      "Talks and more talks: the talks went on.\n\n"
      "Quiet days followed in the capital.\n\n"
      "The envoy's talks ended.\n");
  std::vector<Passage> passages = passages_for("talks envoy", 50, 1);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_TRUE(passages[0].text.starts_with("The envoy")) << passages[0].text;
}

TEST(PassageNeedles, GroupsAndForms) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  QueryBuilder query_builder(db);
  // STEM_SOME: lower-case words are stems only, less their last letter.
  EXPECT_EQ(passage_needles(query_builder.build("happy")), (std::vector<Needle>{{"happ", 0}}));
  // Two spellings of one stem share a group.
  EXPECT_EQ(passage_needles(query_builder.build("dying")),
            (std::vector<Needle>{{"di", 0}, {"dy", 0}}));
  std::vector<Needle> two = passage_needles(query_builder.build("Blair budget"));
  ASSERT_EQ(two.size(), 2u);
  EXPECT_NE(two[0].group, two[1].group);

  // Terms first, then each wildcard's pattern in a group of its own: a word that matches
  // a wildcard begins with its pattern.
  EXPECT_EQ(passage_needles(query_builder.build("growth econ* harb*")),
            (std::vector<Needle>{{"growt", 0}, {"econ", 1}, {"harb", 2}}));
}

TEST(PassageNeedles, WildcardPatterns) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  QueryBuilder query_builder(db);
  struct Case {
    std::string_view query;
    std::vector<Needle> needles;
  };
  const Case cases[] = {
      {"econom*", {{"econom", 0}}},   {"Econom*", {{"econom", 0}}},  // lower case
      {"title:econ*", {{"econ", 0}}},                                // field prefix S goes
      {"person:bla*", {{"bla", 0}}},                                 // and XP
      {"U.N*", {{"un", 0}}},                                         // dots go, as in the text
      {"o'nei*", {{"o'nei", 0}}},     // and finds O’Neill: fold_for_match() reads ’ as '.
      {"z\xC3\xBCr*", {{"zur", 0}}},  // zür*, folded as the index and the text are
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query);
    EXPECT_EQ(passage_needles(query_builder.build(std::string(c.query))), c.needles);
  }
  // No needle to read from a pattern: no filter at all.
  Xapian::Query unreadable(Xapian::Query::OP_WILDCARD, "XP");
  EXPECT_TRUE(
      passage_needles(Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("blair"), unreadable))
          .empty());
}

TEST(PassageNeedles, BoundCountsGroupsAndOccurrences) {
  const std::vector<Needle> needles = {{"talk", 0}, {"envoy", 1}, {"di", 2}, {"dy", 2}};
  struct Case {
    std::string_view text;
    std::size_t distinct, total;
  };
  const Case cases[] = {
      {"Nothing here.", 0, 0},      {"Talks, talk and TALKING.", 1, 3},
      {"The Envoy's talks.", 2, 2}, {"Dying, he died.", 1, 2},  // "dy" and "di" are one group
      {"E.N.V.O.Y. talks", 2, 2},                               // dots go
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    HighlightBound bound = highlight_bound(c.text, needles);
    EXPECT_EQ(bound.distinct, c.distinct);
    EXPECT_EQ(bound.total, c.total);
  }
  // Past a multi-byte character, in upper case too.
  EXPECT_EQ(highlight_bound("\xC3\x89lan talks", needles).total, 1u);
  EXPECT_EQ(highlight_bound("\xC3\x89LAN TALKS", {{"\xC3\xA9lan", 0}, {"talk", 1}}).distinct, 2u);
  EXPECT_EQ(groups_held("Talking", needles), (std::vector<std::size_t>{0}));
  EXPECT_EQ(groups_held("\xC3\x89LAN", {{"\xC3\xA9lan", 0}}), (std::vector<std::size_t>{0}));
}

}  // namespace
}  // namespace newsdex
