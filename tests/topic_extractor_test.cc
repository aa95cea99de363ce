// Tests of the topic extractor: which runs of words become topics, how they rank against
// a small hand-written background, and the reading of background frequency files. All
// article text is invented.
#include "newsdex/topic_extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {
namespace {

// 1000 articles. Words not listed are unknown (rarer than any listed word).
constexpr std::string_view kBackgroundTsv =
    "#docs\t1000\n"
    "council\t150\n"
    "ferry\t12\n"
    "fares\t40\n"
    "harbour\t30\n"
    "island\t60\n"
    "kettle\t5\n"
    "kettles\t4\n"
    "makers\t80\n"
    "market\t300\n"
    "plan\t400\n"
    "port\t50\n"
    "price\t250\n"
    "prices\t260\n"
    "rate\t120\n"
    "rates\t110\n"
    "route\t45\n"
    "sales\t200\n"
    "solar\t20\n"
    "strike\t70\n"
    "town\t300\n"
    "union\t90\n"
    "voters\t100\n"
    "winter\t90\n";

const BackgroundFrequencies& background() {
  static const BackgroundFrequencies frequencies = BackgroundFrequencies::parse(kBackgroundTsv);
  return frequencies;
}

CleanArticle article_of(std::vector<std::string> paragraphs,
                        std::vector<std::string> headings = {}) {
  CleanArticle article;
  for (std::string& text : headings) article.blocks.push_back({BlockKind::kHeading, text});
  for (std::string& text : paragraphs) article.blocks.push_back({BlockKind::kParagraph, text});
  return article;
}

bool has(const std::vector<std::string>& topics, std::string_view topic) {
  return std::find(topics.begin(), topics.end(), topic) != topics.end();
}

std::vector<std::string> words_of(const std::string& topic) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start <= topic.size()) {
    std::size_t space = topic.find(' ', start);
    if (space == std::string::npos) space = topic.size();
    words.push_back(topic.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

struct TopicCase {
  std::string name;
  std::string title;
  std::vector<std::string> paragraphs;
  std::vector<std::string> exclude;
  std::vector<std::string> present;  // topics that must be there
  std::vector<std::string> absent;   // topics that must not
};

std::ostream& operator<<(std::ostream& out, const TopicCase& c) { return out << c.name; }

const TopicCase kTopicCases[] = {
    {"RepeatedPhraseClaimsItsWords",
     "",
     {"The solar kettle went on sale in March.",
      "Makers say the solar kettle boils water in four minutes.",
      "Critics of the solar kettle doubt it works in winter."},
     {},
     {"solar kettle"},
     {"solar", "kettle"}},
    {"RepeatedPhraseOutranksItsCommonerWord",
     // "kettle" alone (4 times) would outscore the phrase if the phrase's 3 did not
     // count for the phrase only.
     "",
     {"The solar kettle went on sale. A kettle is a kettle, said the makers.",
      "Each solar kettle comes with a spare kettle lid and a kettle stand.",
      "The solar kettle works in winter."},
     {},
     {"solar kettle"},
     {"kettle", "solar"}},
    {"PhraseOnceInTheBodyIsNotATopic",
     "",
     {"The ferry fares went up in May. Ferry crews blamed fuel. Fares fell later."},
     {},
     {"ferry", "fares"},
     {"ferry fares"}},
    {"PhraseInTitleBackedByTheBody",
     "Island ferry returns",
     {"The island welcomed the ferry on Friday.", "A ferry last called at the island in 1998."},
     {},
     {"island ferry"},
     {}},
    {"TitleOnlyWordsFormNoPhrase",
     "Gloomwick hails ferry",
     {"The ferry docked at noon.", "Crowds met the ferry at the quay."},
     {},
     {"ferry"},
     {"gloomwick hails", "gloomwick hails ferry", "hails ferry", "gloomwick", "hails"}},
    {"PluralAndSingularCountAsOne",
     "",
     {"The kettle broke.", "Kettles sold well."},
     {},
     {"kettle"},
     {"kettles"}},
    {"MergedWordShowsItsCommonerSpelling",
     "",
     {"One kettle broke. Kettles sold out.", "Kettles were cheap."},
     {},
     {"kettles"},
     {"kettle"}},
    {"NumbersAreNotTopics",
     "",
     {"In 2024 the port handled 5bn tonnes, 2024 being a record.",
      "Sales of 5bn were seen in the 1990s and again in the 1990s at the port."},
     {},
     {"port"},
     {"2024", "5bn", "1990s"}},
    {"ExcludedNamesAreNotTopicsNorEndPhrases",
     "",
     {"Mayor Vera Quillfeather opened the harbour. Quillfeather spoke at the harbour.",
      "Later Mayor Quillfeather toured the town and Quillfeather met the union.",
      "Union leaders thanked Vera Quillfeather."},
     {"Vera Quillfeather"},
     {"harbour"},
     {"quillfeather", "vera quillfeather", "mayor quillfeather", "mayor vera", "vera"}},
    {"ExclusionIgnoresCaseAndPossessives",
     "",
     {"Brindlemoor's council met. Brindlemoor voters cheered. Brindlemoor's mayor left.",
      "The council was pleased."},
     {"BRINDLEMOOR"},
     {"council"},
     {"brindlemoor"}},
    {"WordSeenOnceIsNotATopic",
     "",
     {"The council backed the plan. The council met again.", "A zorbulating noise was heard."},
     {},
     {"council"},
     {"zorbulating", "noise"}},
    {"HyphenatedWordsStayInOnePhrase",
     "",
     {"The ferry-port strike went on. The ferry-port strike ended on Monday."},
     {},
     {"ferry port strike"},
     {"ferry", "strike"}},
    {"PunctuationEndsAPhrase",
     "",
     {"They sold the harbour. Kettle makers left. Then the harbour. Kettle makers came back."},
     {},
     {"kettle makers"},
     {"harbour kettle", "harbour kettle makers"}},
};

class TopicCases : public testing::TestWithParam<TopicCase> {};

TEST_P(TopicCases, FindsTheExpectedTopics) {
  const TopicCase& c = GetParam();
  TopicExtractor extractor(background());
  std::vector<std::string> topics =
      extractor.extract(c.title, article_of(c.paragraphs), c.exclude, 10);
  std::string shown = testing::PrintToString(topics);
  for (const std::string& topic : c.present) EXPECT_TRUE(has(topics, topic)) << topic << shown;
  for (const std::string& topic : c.absent) EXPECT_FALSE(has(topics, topic)) << topic << shown;
}

INSTANTIATE_TEST_SUITE_P(TopicExtractor, TopicCases, testing::ValuesIn(kTopicCases),
                         [](const testing::TestParamInfo<TopicCase>& param_info) {
                           return param_info.param.name;
                         });

// The shape of every topic over a spread of texts: lower case, 1 to 3 words, no
// stopword at either end, no word made of digits.
TEST(TopicExtractor, TopicsAreShortLowerCaseAndTrimmed) {
  const std::vector<std::string> texts = {
      "The rates of the island ferry would also rise, Mr Quay said of the rates.",
      "Said the union: the strike of the port workers, the strike of the year, would go on.",
      "Prices and more prices; the price of a kettle and the price of the solar kettle.",
      "Island Voters Back Ferry Plan. The island voters backed the ferry plan of the council, "
      "and the island voters said the ferry plan would also help the town in 2025 and 2026.",
  };
  const std::vector<std::string> stopwords = {"the", "of",   "and",   "a",    "said",
                                              "mr",  "also", "would", "year", "more"};
  TopicExtractor extractor(background());
  for (const std::string& text : texts) {
    SCOPED_TRACE(text);
    for (const std::string& topic : extractor.extract("", article_of({text, text}), {}, 20)) {
      std::vector<std::string> words = words_of(topic);
      EXPECT_GE(words.size(), 1u) << topic;
      EXPECT_LE(words.size(), 3u) << topic;
      for (const std::string& word : words) {
        EXPECT_FALSE(word.empty()) << topic;
        EXPECT_FALSE(word.find_first_not_of("0123456789") == std::string::npos) << topic;
        EXPECT_TRUE(std::none_of(word.begin(), word.end(), [](char ch) {
          return ch >= 'A' && ch <= 'Z';
        })) << topic;
      }
      EXPECT_FALSE(has(stopwords, words.front())) << topic;
      EXPECT_FALSE(has(stopwords, words.back())) << topic;
    }
  }
}

TEST(TopicExtractor, TopicsShareNoWord) {
  // "ferry fares" and "ferry route" both qualify; the better one is taken, and then
  // neither "ferry route" nor "ferry" says anything new.
  TopicExtractor extractor(background());
  std::vector<std::string> topics = extractor.extract(
      "", article_of({"Ferry fares rose. Ferry fares fell.", "The ferry route closed.",
                      "The ferry route opened again. The harbour and the harbour."}));
  EXPECT_EQ(topics, (std::vector<std::string>{"ferry fares", "harbour"}));
}

TEST(TopicExtractor, CommonWordsLoseToRareOnes) {
  // "kettle" (df 5) and "market" (df 300) occur equally often.
  TopicExtractor extractor(background());
  std::vector<std::string> topics = extractor.extract(
      "",
      article_of({"The market liked the kettle.", "The kettle market grew.", "Market: kettle."}));
  ASSERT_GE(topics.size(), 2u);
  EXPECT_EQ(topics[0], "kettle");
  EXPECT_TRUE(has(topics, "market"));
}

// "island" (df 60) is commoner than "ferry" (df 12), and both occur twice in the
// paragraphs: alone, "ferry" ranks first; a title or heading mention of "island" must
// weigh more than a paragraph mention to turn the order.
const std::vector<std::string> kIslandFerry = {"The island was quiet. A ferry came.",
                                               "The ferry left the island."};

TEST(TopicExtractor, TitleWordCountsExtra) {
  TopicExtractor extractor(background());
  std::vector<std::string> plain = extractor.extract("", article_of(kIslandFerry));
  std::vector<std::string> titled = extractor.extract("Island news", article_of(kIslandFerry));
  EXPECT_EQ(plain, (std::vector<std::string>{"ferry", "island"}));
  EXPECT_EQ(titled, (std::vector<std::string>{"island", "ferry"}));
}

TEST(TopicExtractor, HeadingWordCountsExtra) {
  TopicExtractor extractor(background());
  std::vector<std::string> topics =
      extractor.extract("", article_of(kIslandFerry, {"Island notes"}));
  EXPECT_EQ(topics, (std::vector<std::string>{"island", "ferry"}));
}

// The rows of a table (column labels, units, months) are no topics; the prose around
// them and a title with figures still count.
TEST(TopicExtractor, TableRowsAreNoTopics) {
  TopicExtractor extractor(background());
  std::vector<std::string> topics = extractor.extract(
      "Ferry fares up 25% in 2024",
      article_of({"The ferry company said ferry fares rose again.",
                  "SIX MONTHS TO JUNE 30\n                 2024      2023\n"
                  "Net        41.2 mln   32.6 mln\nRevenue    310.5 mln  287.1 mln\n"
                  "Shr (cents)  12.4      9.8\nNet        40.1 mln   30.2 mln",
                  "The ferry will sail on."}));
  const std::string shown = testing::PrintToString(topics);
  EXPECT_TRUE(has(topics, "ferry fares")) << shown;
  for (const char* junk : {"mln", "net", "cents", "revenue"}) {
    EXPECT_FALSE(has(topics, junk)) << junk << shown;
  }
}

TEST(TopicExtractor, TitleWordAbsentFromParagraphsGetsNoBonus) {
  // "island" is in the title only: one plain occurrence, so not a topic.
  TopicExtractor extractor(background());
  std::vector<std::string> topics =
      extractor.extract("Island ferry", article_of({"The ferry came.", "The ferry left."}));
  EXPECT_EQ(topics, (std::vector<std::string>{"ferry"}));
}

TEST(TopicExtractor, RespectsMaxTopics) {
  TopicExtractor extractor(background());
  CleanArticle article = article_of(
      {"Ferry fares, port rates, island voters, union strike, harbour plan and solar kettle.",
       "Ferry fares, port rates, island voters, union strike, harbour plan and solar kettle."});
  for (std::size_t max_topics : {0, 1, 3, 5, 6}) {
    SCOPED_TRACE(max_topics);
    EXPECT_EQ(extractor.extract("", article, {}, max_topics).size(), max_topics);
  }
  EXPECT_EQ(extractor.extract("", article).size(), 5u);  // the default
}

TEST(TopicExtractor, IsDeterministic) {
  CleanArticle article =
      article_of({"Ferry fares rose while port rates fell; island voters and union members met.",
                  "Port rates and ferry fares: island voters asked the union about the strike.",
                  "The strike, the fares and the rates were all the island talked about."});
  TopicExtractor first(background());
  TopicExtractor second(background());
  std::vector<std::string> expected = first.extract("Ferry fares", article);
  ASSERT_FALSE(expected.empty());
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(first.extract("Ferry fares", article), expected);
    EXPECT_EQ(second.extract("Ferry fares", article), expected);
  }
}

TEST(TopicExtractor, EmptyArticleGivesNoTopics) {
  TopicExtractor extractor(background());
  EXPECT_TRUE(extractor.extract("", CleanArticle{}).empty());
  EXPECT_TRUE(extractor.extract("", article_of({"", "   ", "...!"})).empty());
  EXPECT_TRUE(extractor.extract("", article_of({"The and of it was, said he."})).empty());
  EXPECT_TRUE(extractor.extract("Ferry", CleanArticle{}).empty());  // a word seen once
}

TEST(TopicExtractor, WithoutBackgroundFrequencyDecides) {
  BackgroundFrequencies none;
  TopicExtractor extractor(none);
  std::vector<std::string> topics = extractor.extract(
      "", article_of({"Kettle, kettle, kettle; harbour.", "Harbour, market. Market!"}));
  EXPECT_EQ(topics, (std::vector<std::string>{"kettle", "harbour", "market"}));
}

TEST(TopicExtractor, EmbeddedBackgroundKnowsCommonWords) {
  const BackgroundFrequencies& embedded = BackgroundFrequencies::embedded();
  ASSERT_GT(embedded.docs(), 1000u);
  EXPECT_GT(embedded.size(), 5000u);
  EXPECT_GT(embedded.df("the"), embedded.docs() * 9 / 10);
  EXPECT_GT(embedded.df("government"), embedded.df("referendum"));
  EXPECT_EQ(embedded.df("zorbulating"), 0u);
  // The default extractor uses it.
  std::vector<std::string> topics =
      TopicExtractor().extract("", article_of({"The government said the referendum would be held.",
                                               "The referendum date was set by the government."}));
  ASSERT_FALSE(topics.empty());
  EXPECT_EQ(topics[0], "referendum");
}

TEST(BackgroundFrequencies, ParsesCountsAndSkipsMalformedLines) {
  struct Case {
    std::string_view word;
    std::uint32_t df;
  };
  BackgroundFrequencies parsed = BackgroundFrequencies::parse(
      "#docs\t50\r\n"
      "ferry\t7\r\n"
      "\n"
      "no tab here\n"
      "\tmissing word\n"
      "port\tmany\n"
      "island\t-3\n"
      "union\t12x\n"
      "harbour\t9\n"
      "harbour\t99\n"  // a repeat keeps the first line
      "# comment\t4\n"
      "last\t3");  // no final newline
  const Case cases[] = {{"ferry", 7},        {"harbour", 9}, {"last", 3},
                        {"port", 0},         {"island", 0},  {"union", 0},
                        {"missing word", 0}, {"", 0},        {"# comment", 0}};
  EXPECT_EQ(parsed.docs(), 50u);
  for (const Case& c : cases) {
    SCOPED_TRACE(c.word);
    EXPECT_EQ(parsed.df(c.word), c.df);
  }
  EXPECT_EQ(BackgroundFrequencies().df("ferry"), 0u);
  EXPECT_EQ(BackgroundFrequencies::parse("").docs(), 0u);
}

}  // namespace
}  // namespace newsdex
