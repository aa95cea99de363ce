// Tests of the article cleaner (residue rules, headings, line ends) and of make_article.
#include "newsdex/article_cleaner.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/errors.h"
#include "newsdex/text_decoding.h"

namespace newsdex {

// Readable failure messages for block lists. Internal linkage: only this file prints them.
static void PrintTo(const TextBlock& block, std::ostream* out) {
  *out << (block.kind == BlockKind::kHeading ? "heading" : "paragraph") << "(\"" << block.text
       << "\")";
}

namespace {

TextBlock paragraph(std::string text) { return {BlockKind::kParagraph, std::move(text)}; }
TextBlock heading(std::string text) { return {BlockKind::kHeading, std::move(text)}; }

struct CleanCase {
  std::string name;
  std::string input;
  std::string title;
  std::vector<TextBlock> blocks;
  std::size_t removed_lines;
};

std::ostream& operator<<(std::ostream& out, const CleanCase& c) { return out << c.name; }

const CleanCase kCleanCases[] = {
    {"PlainArticle",
     "Harbour Bridge Reopens\n\nThe old bridge over the harbour opened again on Monday.\n\n"
     "Drivers had waited nine months for the repairs to end.\n",
     "Harbour Bridge Reopens",
     {paragraph("The old bridge over the harbour opened again on Monday."),
      paragraph("Drivers had waited nine months for the repairs to end.")},
     0},
    {"DuplicateTitleOnSecondLine",
     "Harbour Bridge Reopens\nHarbour Bridge Reopens\n\n"
     "The old bridge over the harbour opened again on Monday.\n",
     "Harbour Bridge Reopens",
     {paragraph("The old bridge over the harbour opened again on Monday.")},
     1},
    {"TitleRepeatedLaterInBody",
     "Council Backs New Budget\n\nThe council met late on Tuesday.\n\nCouncil Backs New Budget\n\n"
     "Members approved the spending plan by a wide margin.\n",
     "Council Backs New Budget",
     {paragraph("The council met late on Tuesday."),
      paragraph("Members approved the spending plan by a wide margin.")},
     1},
    {"TitleRepeatedInOtherCaseWithColon",
     "Council Backs New Budget\n\ncouncil backs new budget:\n\nThe vote was close.\n",
     "Council Backs New Budget",
     {paragraph("The vote was close.")},
     1},
    {"BareShareLine",
     "Rail Strike Called Off\nShare:\n\nUnions called off the strike after late talks on Sunday.\n",
     "Rail Strike Called Off",
     {paragraph("Unions called off the strike after late talks on Sunday.")},
     1},
    {"ShareLineNamingSites",
     "Rail Strike Called Off\n\nUnions called off the strike after late talks on Sunday.\n\n"
     "Share: Facebook | X\n\nTrains will run as normal this week.\n",
     "Rail Strike Called Off",
     {paragraph("Unions called off the strike after late talks on Sunday."),
      paragraph("Trains will run as normal this week.")},
     1},
    {"JoinWhatsAppGroupLine",
     "Ferry Fares To Rise\n\nFares on the island route go up in March.\n\n"
     "Join our WhatsApp group for the latest updates\n\nThe operator blamed fuel costs.\n",
     "Ferry Fares To Rise",
     {paragraph("Fares on the island route go up in March."),
      paragraph("The operator blamed fuel costs.")},
     1},
    {"JoinTelegramChannelLine",
     "Ferry Fares To Rise\n\nFares on the island route go up in March.\n\n"
     "Join our Telegram channel for breaking news alerts\n",
     "Ferry Fares To Rise",
     {paragraph("Fares on the island route go up in March.")},
     1},
    {"AdvertisementMidBody",
     "Library Hours Extended\n\nThe central library will stay open until nine.\n\nAdvertisement\n\n"
     "Staff welcomed the change.\n",
     "Library Hours Extended",
     {paragraph("The central library will stay open until nine."),
      paragraph("Staff welcomed the change.")},
     1},
    {"ReadMoreLine",
     "Library Hours Extended\n\nThe central library will stay open until nine.\n\n"
     "Read more: Storm closes mountain roads\n\nStaff welcomed the change.\n",
     "Library Hours Extended",
     {paragraph("The central library will stay open until nine."),
      paragraph("Staff welcomed the change.")},
     1},
    {"RelatedNewsTrailerDropsTheRest",
     "Orchard Harvest Doubles\n\nGrowers picked twice as many apples as last year.\n\n"
     "Prices at the market fell.\nRelated News\nFloods hit valley towns\n"
     "Mayor opens new library\n\nSchool term starts early\n",
     "Orchard Harvest Doubles",
     {paragraph("Growers picked twice as many apples as last year."),
      paragraph("Prices at the market fell.")},
     4},
    {"RelatedNewsBeforeBodyDropsOnlyItself",
     "Orchard Harvest Doubles\nRelated News\n\nGrowers picked twice as many apples as last "
     "year.\n\n"
     "Prices at the market fell.\n",
     "Orchard Harvest Doubles",
     {paragraph("Growers picked twice as many apples as last year."),
      paragraph("Prices at the market fell.")},
     1},
    {"ShortLineBetweenParagraphsIsHeading",
     "Dam Inquiry Opens\n\nThe inquiry heard from engineers on its first day.\n\n"
     "What Happens Next\n\nThe panel will report back in the spring.\n",
     "Dam Inquiry Opens",
     {paragraph("The inquiry heard from engineers on its first day."), heading("What Happens Next"),
      paragraph("The panel will report back in the spring.")},
     0},
    {"ShortLastLineIsNotHeading",
     "Dam Inquiry Opens\n\nThe inquiry heard from engineers on its first day.\n\nMore To Follow\n",
     "Dam Inquiry Opens",
     {paragraph("The inquiry heard from engineers on its first day."), paragraph("More To Follow")},
     0},
    {"ShortSentenceIsNotHeading",
     "Cup Final Goes Ahead\n\nIt rained.\n\nThe match went ahead after a short delay.\n",
     "Cup Final Goes Ahead",
     {paragraph("It rained."), paragraph("The match went ahead after a short delay.")},
     0},
    {"ParagraphStartingWithShareIsKept",
     "Markets Slip\n\nShare prices fell sharply on Wednesday as traders worried about fuel "
     "costs.\n",
     "Markets Slip",
     {paragraph("Share prices fell sharply on Wednesday as traders worried about fuel costs.")},
     0},
    {"EmptyInput", "", "", {}, 0},
    {"WhitespaceOnlyInput", "  \n\t\n \r\n\n", "", {}, 0},
    {"CrlfLineEnds",
     "Tram Line Approved\r\n\r\nThe new tram line\r\nwill open in two years.\r\n",
     "Tram Line Approved",
     {paragraph("The new tram line\nwill open in two years.")},
     0},
    {"LoneCrLineEnds",
     "Tram Line Approved\r\rThe new tram line\rwill open in two years.\r",
     "Tram Line Approved",
     {paragraph("The new tram line\nwill open in two years.")},
     0},
    {"WrappedLinesJoinedInOneBlock",
     "River Levels Rise\n\nThe river rose\nquickly overnight and\nflooded the low road.\n",
     "River Levels Rise",
     {paragraph("The river rose\nquickly overnight and\nflooded the low road.")},
     0},
    {"ResidueBeforeTitleDropped",
     "Advertisement\nShare:\n\nMuseum Opens New Wing\n\nVisitors queued for an hour.\n",
     "Museum Opens New Wing",
     {paragraph("Visitors queued for an hour.")},
     2},
    {"LinesAreTrimmed",
     "  Museum Opens New Wing \t\n\n\tVisitors queued for an hour.  \n",
     "Museum Opens New Wing",
     {paragraph("Visitors queued for an hour.")},
     0},
};

class ArticleCleanerTable : public ::testing::TestWithParam<CleanCase> {};

TEST_P(ArticleCleanerTable, Cleans) {
  const CleanCase& c = GetParam();
  CleanArticle article = clean_article(c.input);
  EXPECT_EQ(article.title, c.title);
  EXPECT_EQ(article.blocks, c.blocks);
  EXPECT_EQ(article.removed_lines, c.removed_lines);
}

INSTANTIATE_TEST_SUITE_P(ArticleCleaner, ArticleCleanerTable, ::testing::ValuesIn(kCleanCases),
                         [](const ::testing::TestParamInfo<CleanCase>& param_info) {
                           return param_info.param.name;
                         });

std::string with_line_ends(std::string_view text, std::string_view line_end) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += line_end;
    } else {
      out += c;
    }
  }
  return out;
}

TEST(ArticleCleaner, CrlfAndCrGiveSameResultAsLf) {
  for (const CleanCase& c : kCleanCases) {
    if (c.input.find('\r') != std::string::npos) continue;  // already not LF-only
    for (std::string_view line_end : {"\r\n", "\r"}) {
      SCOPED_TRACE(c.name + (line_end == "\r" ? " with CR" : " with CRLF"));
      CleanArticle lf = clean_article(c.input);
      CleanArticle other = clean_article(with_line_ends(c.input, line_end));
      EXPECT_EQ(other.title, lf.title);
      EXPECT_EQ(other.blocks, lf.blocks);
      EXPECT_EQ(other.removed_lines, lf.removed_lines);
    }
  }
}

TEST(ArticleCleaner, ClassifiesLines) {
  struct Case {
    std::string_view line;
    LineVerdict verdict;
  };
  const Case cases[] = {
      {"Share", LineVerdict::kDropLine},
      {"Share:", LineVerdict::kDropLine},
      {"SHARE :", LineVerdict::kDropLine},
      {"Share: Facebook | X | Email", LineVerdict::kDropLine},
      {"Share this article", LineVerdict::kDropLine},
      {"Share prices fell on Monday", LineVerdict::kKeep},
      {"Join our WhatsApp group for the latest updates", LineVerdict::kDropLine},
      {"Join our Telegram channel", LineVerdict::kDropLine},
      {"Join the queue outside the town hall early", LineVerdict::kKeep},
      {"Follow us on social media", LineVerdict::kDropLine},
      {"Advertisement", LineVerdict::kDropLine},
      {"ADVERTISEMENT", LineVerdict::kDropLine},
      {"Read more", LineVerdict::kDropLine},
      {"Read more: Storm closes mountain roads", LineVerdict::kDropLine},
      {"Tags: weather, roads", LineVerdict::kDropLine},
      {"\xC2\xA9 2024 Example Media Group", LineVerdict::kDropLine},
      {"Copyright \xC2\xA9 2024 Example Media Group", LineVerdict::kDropLine},
      {"Copyright law changes were debated in parliament on Tuesday.", LineVerdict::kKeep},
      {"Advertisement spending rose sharply last year.", LineVerdict::kKeep},
      {"Advertisement - scroll to continue", LineVerdict::kDropLine},
      {"Related News", LineVerdict::kDropTrailer},
      {"related news:", LineVerdict::kDropTrailer},
      {"You may also like", LineVerdict::kDropTrailer},
      {"Related stories appear on page four of the print edition.", LineVerdict::kKeep},
      {"The ferry left on time.", LineVerdict::kKeep},
      {"", LineVerdict::kKeep},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    EXPECT_EQ(classify_line(c.line), c.verdict);
  }
}

// Lines a source repeats in many articles that are still the article's own are never
// learnable as residue (key 0); site furniture is.
TEST(ArticleCleaner, ResidueLineKeysLeaveOutBylinesDatelinesAndLists) {
  struct Case {
    std::string_view line;
    bool learnable;
  };
  const Case cases[] = {
      {"Get the Harbourside Bulletin in your inbox daily", true},
      {"Follow us for more local news", true},
      {"By Morag Fenwick", false},
      {"by the sports desk", false},
      {"PORTSMOUTH 1996-12-06", false},
      {"LONDON, Dec 6 (Reuter)", false},
      {"Published 7 February 2024", false},
      {"K Imrie, D Oyelaran, P Szabo, T Quennell, R Abaso.", false},
      {"Arsenal 2; Chelsea 1; Spurs 0; Leeds 3", false},
      {"short", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(residue_line_key("site", c.line) != 0, c.learnable) << c.line;
  }
  // Keys are per source.
  EXPECT_NE(residue_line_key("site-a", "Follow us for more local news"),
            residue_line_key("site-b", "Follow us for more local news"));
}

// Learnt lines are dropped at the edges of an article only, and only edge lines are
// collected for counting.
TEST(ArticleCleaner, LearntResidueIsDroppedOnlyAtTheEdges) {
  std::string footer = "Get the Harbourside Bulletin in your inbox daily";
  std::string text = "Piers\n\nOne.\n\nTwo.\n\n" + footer +
                     "\n\nThree.\n\nFour.\n\nFive.\n\nSix.\n\n" + footer + "\n";
  std::unordered_set<std::uint64_t> learnt{residue_line_key("site", footer)};
  CleaningContext context{"site", &learnt, true};
  CleanArticle clean = clean_article(text, context);
  std::string body = clean.body_text();
  EXPECT_NE(body.find(footer), std::string::npos) << body;   // the inner copy stays
  EXPECT_EQ(body.find(footer), body.rfind(footer)) << body;  // the edge copy goes
  EXPECT_EQ(clean.line_keys, std::vector<std::uint64_t>{residue_line_key("site", footer)});

  std::vector<EdgeLine> edges = residue_edge_lines(text, "site");
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_EQ(edges[0].text, footer);
}

TEST(ArticleCleaner, RecognisesHeadings) {
  struct Case {
    std::string_view line;
    bool heading;
  };
  const Case cases[] = {
      {"What Happens Next", true},
      {"Counting the cost", true},
      {"Why did the dam fail?", true},
      {"2024 in review", true},
      {"\xC3\x89lan and the markets", true},  // starts with a non-ASCII letter
      {"One two three four five six seven eight nine ten", true},
      {"One two three four five six seven eight nine ten eleven", false},
      {"Extraordinarilylongwordsmakeupthisheadingwhichrunspastthelimitofeightybytesintotal", false},
      {"It rained.", false},
      {"Key points:", false},
      {"Stop, look, listen;", false},
      {"\xE2\x80\x9CNot today\xE2\x80\x9D", false},  // ends with a closing curly quote
      {"lower case start", false},
      {"By Jane Example", false},
      {"Published: 9 October 2024", false},
      {"Updated 14 May 2024", false},
      {"Politics | World", false},
      {"", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    EXPECT_EQ(looks_like_heading(c.line), c.heading);
  }
}

TEST(ArticleCleaner, BodyTextSeparatesBlocksWithBlankLines) {
  struct Case {
    std::vector<TextBlock> blocks;
    std::string body;
  };
  const Case cases[] = {
      {{}, ""},
      {{paragraph("Only one.")}, "Only one."},
      {{heading("Overview"), paragraph("line one\nline two"), paragraph("Last.")},
       "Overview\n\nline one\nline two\n\nLast."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.body);
    CleanArticle article;
    article.title = "Any Title";
    article.blocks = c.blocks;
    EXPECT_EQ(article.body_text(), c.body);
  }
}

SourceFile source_with_id(std::string id) {
  SourceFile source;
  source.path = "/corpus/" + id;
  source.id = std::move(id);
  source.size = 100;
  source.mtime = 1000;
  return source;
}

TEST(MakeArticle, SectionIsParentFolder) {
  struct Case {
    std::string id;
    std::string section;
  };
  const Case cases[] = {
      {"world/a.txt", "world"},
      {"a.txt", ""},
      {"2024/world/a.txt", "world"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.id);
    Article article = make_article(source_with_id(c.id), "Tide Tables Printed\n\nA short note.\n");
    EXPECT_EQ(article.section, c.section);
    EXPECT_EQ(article.source.id, c.id);
  }
}

TEST(MakeArticle, FillsTitleAndBodyFromCleanText) {
  Article article = make_article(
      source_with_id("science/moths.txt"),
      "Share:\nMoths Return To Park\n\nVolunteers counted forty species.\n\nWhy It Matters\n\n"
      "Moths feed many birds.\n");
  EXPECT_EQ(article.title, "Moths Return To Park");
  EXPECT_EQ(article.body,
            "Volunteers counted forty species.\n\nWhy It Matters\n\nMoths feed many birds.");
  EXPECT_EQ(article.clean.removed_lines, 1u);
  ASSERT_EQ(article.clean.blocks.size(), 3u);
  EXPECT_EQ(article.clean.blocks[1], heading("Why It Matters"));
}

TEST(MakeArticle, DecodesWindows1252ToUtf8) {
  Article article = make_article(source_with_id("food/cafe.txt"),
                                 "caf\xE9 \x80\n\nThe caf\xE9 charged \x80"
                                 "3 for tea.\n");
  EXPECT_EQ(article.title, "caf\xC3\xA9 \xE2\x82\xAC");
  EXPECT_EQ(article.body,
            "The caf\xC3\xA9 charged \xE2\x82\xAC"
            "3 for tea.");
  EXPECT_TRUE(is_valid_utf8(article.title));
  EXPECT_TRUE(is_valid_utf8(article.body));
}

TEST(MakeArticle, RejectsUnusableFiles) {
  struct Case {
    std::string name;
    std::string bytes;
  };
  const Case cases[] = {
      {"NulBytes", std::string("Binary Title\0 data\n", 19)},
      {"EmptyFile", ""},
      {"WhitespaceOnly", " \n\n\t\n"},
      {"OnlyResidue", "Share:\nAdvertisement\n\nRead more\nRelated News\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_THROW(make_article(source_with_id("bad/file.txt"), c.bytes), ArticleError);
  }
}

}  // namespace
}  // namespace newsdex
