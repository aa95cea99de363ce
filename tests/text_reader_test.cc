// Tests of the plain-text and Markdown reader: front matter (YAML and "Key: value"),
// text that only looks like metadata, Markdown to plain text, line ends.
#include "newsdex/formats/text_reader.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "newsdex/formats/parsed_document.h"

namespace newsdex {
namespace {

struct Meta {
  std::string title;
  std::string date;
  std::string source;
  std::string author;
  std::string url;

  bool operator==(const Meta&) const = default;
};

void PrintTo(const Meta& m, std::ostream* out) {
  *out << "{title=\"" << m.title << "\" date=\"" << m.date << "\" source=\"" << m.source
       << "\" author=\"" << m.author << "\" url=\"" << m.url << "\"}";
}

struct TextCase {
  std::string name;
  std::string input;
  bool markdown;
  Meta meta;
  std::string text;
};

std::ostream& operator<<(std::ostream& out, const TextCase& c) { return out << c.name; }

const TextCase kTextCases[] = {
    // Plain text, no front matter.
    {"PlainTextUnchanged",
     "Harbour Bridge Reopens\n\nCars crossed the bridge again on Monday.\n",
     false,
     {},
     "Harbour Bridge Reopens\n\nCars crossed the bridge again on Monday.\n"},
    {"CrlfBecomesLf",
     "Harbour Bridge Reopens\r\n\r\nCars crossed again.\r\nTrucks wait.\r\n",
     false,
     {},
     "Harbour Bridge Reopens\n\nCars crossed again.\nTrucks wait.\n"},
    {"ByteOrderMarkDropped",
     "\xEF\xBB\xBFHarbour Bridge Reopens\n",
     false,
     {},
     "Harbour Bridge Reopens\n"},

    // YAML front matter.
    {"YamlFrontMatter",
     "---\ntitle: \"Harbour Bridge Reopens\"\ndate: 2024-02-07\nsource: 'Harbour Times'\n"
     "author: Ann Lee\nurl: https://example.com/bridge\ntags: [transport, city]\n---\n\n"
     "Cars crossed the bridge again on Monday.\n",
     false,
     {"Harbour Bridge Reopens", "2024-02-07", "Harbour Times", "Ann Lee",
      "https://example.com/bridge"},
     "Cars crossed the bridge again on Monday.\n"},
    // Quoted scalars read as YAML reads them: escapes in double quotes, '' in single.
    {"YamlQuotedTitlesLoseTheirEscapes",
     "---\ntitle: \"Markets rally, then \\\"wobble\\\" on rates\"\nsource: 'It''s Valley News'\n"
     "author: \"Ren\\u00e9 Caf\\u00e9 \\\\ desk\"\n---\nBody.\n",
     false,
     {"Markets rally, then \"wobble\" on rates", "", "It's Valley News",
      "Ren\xC3\xA9 Caf\xC3\xA9 \\ desk", ""},
     "Body.\n"},
    {"YamlFlowListOfAuthors",
     "---\nauthors: [Ann Lee, \"Bo Chen\"]\n---\nBody.\n",
     false,
     {"", "", "", "Ann Lee, Bo Chen", ""},
     "Body.\n"},
    {"YamlBlockListOfAuthors",
     "---\ntitle: Storm Warning\nauthor:\n  - Ann Lee\n  - 'Bo Chen'\ndate: 2024-02-07\n---\n"
     "Body.\n",
     false,
     {"Storm Warning", "2024-02-07", "", "Ann Lee, Bo Chen", ""},
     "Body.\n"},
    {"YamlFoldedTitle",
     "---\ntitle: >\n  Storm closes\n  mountain roads\n---\nBody.\n",
     false,
     {"Storm closes mountain roads", "", "", "", ""},
     "Body.\n"},
    {"YamlAliasesPublishedSiteByline",
     "---\npublished: 2024-02-07\nsite: Valley Post\nbyline: Ann Lee\n---\nBody.\n",
     false,
     {"", "2024-02-07", "Valley Post", "Ann Lee", ""},
     "Body.\n"},
    {"YamlClosedByDots",
     "---\ntitle: Storm Warning\n...\nBody.\n",
     false,
     {"Storm Warning", "", "", "", ""},
     "Body.\n"},
    {"YamlUnknownKeysAndNestingIgnored",
     "---\nlayout: post\nimage:\n  path: /a.png\ntitle: Storm Warning\n---\nBody.\n",
     false,
     {"Storm Warning", "", "", "", ""},
     "Body.\n"},
    {"YamlWithCrlf",
     "---\r\ntitle: Storm Warning\r\n---\r\nBody line.\r\n",
     false,
     {"Storm Warning", "", "", "", ""},
     "Body line.\n"},
    {"YamlNotClosedWithinSixtyLinesIsText",
     "---\ntitle: Storm Warning\n" + std::string(60, '\n') + "---\nBody.\n",
     false,
     {},
     "---\ntitle: Storm Warning\n" + std::string(60, '\n') + "---\nBody.\n"},
    {"YamlNeverClosedIsText",
     "---\ntitle: Storm Warning\nBody.\n",
     false,
     {},
     "---\ntitle: Storm Warning\nBody.\n"},

    // Leading "Key: value" lines.
    {"KeyValueFrontMatter",
     "Title: Harbour Bridge Reopens\nDate: 2024-02-07\nSource: Harbour Times\nAuthor: Ann Lee\n"
     "URL: https://example.com/bridge\n\nCars crossed the bridge again on Monday.\n",
     false,
     {"Harbour Bridge Reopens", "2024-02-07", "Harbour Times", "Ann Lee",
      "https://example.com/bridge"},
     "Cars crossed the bridge again on Monday.\n"},
    {"KeyValueAliasesAnyCase",
     "PUBLISHED: 2024-02-07 10:15\nbyline: Ann Lee\nSite: Valley Post\n\nBody.\n",
     false,
     {"", "2024-02-07 10:15", "Valley Post", "Ann Lee", ""},
     "Body.\n"},
    {"KeyValueWithCrlfAndByteOrderMark",
     "\xEF\xBB\xBFTitle: Storm Warning\r\nDate: 2024-02-07\r\n\r\nFirst line.\r\nSecond line.\r\n",
     false,
     {"Storm Warning", "2024-02-07", "", "", ""},
     "First line.\nSecond line.\n"},
    {"DatelineIsNotMetadata",
     "Washington: The senate voted on Tuesday to extend the budget talks.\n\nMore later.\n",
     false,
     {},
     "Washington: The senate voted on Tuesday to extend the budget talks.\n\nMore later.\n"},
    {"KnownFirstKeyThenUnknownKeyIsText",
     "Title: Budget Talks\nWashington: The senate voted on Tuesday.\n\nMore later.\n",
     false,
     {},
     "Title: Budget Talks\nWashington: The senate voted on Tuesday.\n\nMore later.\n"},
    {"KnownFirstKeyThenPlainLineIsText",
     "Source of the leak was never found\n\nMore later.\n",
     false,
     {},
     "Source of the leak was never found\n\nMore later.\n"},
    {"KeyValueThenSentenceWithoutBlankLineIsText",
     "Date: 2024-02-07\nThe senate voted on Tuesday.\n",
     false,
     {},
     "Date: 2024-02-07\nThe senate voted on Tuesday.\n"},

    // Markdown.
    {"MarkdownAtxHeadings",
     "# Storm Closes Roads ##\nHeavy snow fell.\n## Outlook\nMore snow is due.\n",
     true,
     {},
     "Storm Closes Roads\n\nHeavy snow fell.\n\nOutlook\n\nMore snow is due.\n"},
    {"MarkdownHashWithoutSpaceIsText", "#snow trended.\n", true, {}, "#snow trended.\n"},
    {"MarkdownSetextHeadings",
     "Storm Closes Roads\n==================\nHeavy snow fell.\n\nOutlook\n-------\nMore snow.\n",
     true,
     {},
     "Storm Closes Roads\n\nHeavy snow fell.\n\nOutlook\n\nMore snow.\n"},
    {"MarkdownEmphasis",
     "Heavy **snow** closed *three* roads, __two__ passes and _one_ ~~bridge~~ tunnel.\n",
     true,
     {},
     "Heavy snow closed three roads, two passes and one bridge tunnel.\n"},
    {"MarkdownLoneMarkersAndSnakeCaseKept",
     "The file snake_case_name grew 2 * 3 times, about ~6 MB.\n",
     true,
     {},
     "The file snake_case_name grew 2 * 3 times, about ~6 MB.\n"},
    {"MarkdownCodeSpans",
     "Run `make all` or ``a `tick` here``.\n",
     true,
     {},
     "Run make all or a `tick` here.\n"},
    {"MarkdownLinksKeepText",
     "Read [the **report**](https://example.com/r \"Report\") and "
     "[the wiki](https://example.com/wiki/Mercury_(planet)) and [notes][n1].\n",
     true,
     {},
     "Read the report and the wiki and notes.\n"},
    {"MarkdownImagesGo",
     "Before ![a snowy road](road.jpg) after [![logo](logo.png)](https://example.com).\n",
     true,
     {},
     "Before  after .\n"},
    {"MarkdownReferenceDefinitionsGo",
     "See [notes][n1].\n\n[n1]: https://example.com/notes \"Notes\"\n[^1]: A footnote stays.\n",
     true,
     {},
     "See notes.\n\n[^1]: A footnote stays.\n"},
    {"MarkdownFencedCodeGoes",
     "Before.\n\n```python\nprint('x')\n\n# not a heading\n```\nAfter.\n~~~~\ncode\n~~~~\nEnd.\n",
     true,
     {},
     "Before.\n\nAfter.\n\nEnd.\n"},
    {"MarkdownUnclosedFenceRunsToEnd", "Before.\n```\ncode\n", true, {}, "Before.\n"},
    {"MarkdownQuotesAndLists",
     "> The mayor said:\n> > roads reopen soon.\n\n- salt trucks\n* snow ploughs\n+ volunteers\n"
     "1. first\n12) twelfth\n",
     true,
     {},
     "The mayor said:\nroads reopen soon.\n\nsalt trucks\nsnow ploughs\nvolunteers\nfirst\n"
     "twelfth\n"},
    {"MarkdownHorizontalRulesGo",
     "Part one.\n\n***\n\nPart two.\n\n- - -\n\nPart three.\n\n___\n",
     true,
     {},
     "Part one.\n\nPart two.\n\nPart three.\n"},
    {"MarkdownInlineHtmlGoes",
     "Snow <b>fell</b> all<br> night.<!-- note -->\n<div>\nRoads shut.\n</div>\n",
     true,
     {},
     "Snow fell all night.\nRoads shut.\n"},
    {"MarkdownAutolinkKeepsAddress",
     "Updates at <https://example.com/snow>.\n",
     true,
     {},
     "Updates at https://example.com/snow.\n"},
    {"MarkdownEscapes", "Price \\*not\\* bold \\[x\\].\n", true, {}, "Price *not* bold [x].\n"},
    {"MarkdownBlankLinesCollapsed", "\n\nOne.\n\n\n\nTwo.   \n\n\n", true, {}, "One.\n\nTwo.\n"},
    {"MarkdownWithYamlFrontMatter",
     "---\ntitle: Storm Warning\ndate: 2024-02-07\n---\n\n# Storm Warning\n\nSnow is **due**.\n",
     true,
     {"Storm Warning", "2024-02-07", "", "", ""},
     "Storm Warning\n\nSnow is due.\n"},
    {"MarkdownWithKeyValueFrontMatter",
     "Title: Storm Warning\nAuthor: Ann Lee\n\nSnow is *due*.\n",
     true,
     {"Storm Warning", "", "", "Ann Lee", ""},
     "Snow is due.\n"},
    {"MarkdownCrlf",
     "# Storm\r\n\r\nSnow **fell**.\r\nRoads shut.\r\n",
     true,
     {},
     "Storm\n\nSnow fell.\nRoads shut.\n"},
};

class TextReaderTable : public ::testing::TestWithParam<TextCase> {};

TEST_P(TextReaderTable, Reads) {
  const TextCase& c = GetParam();
  const ParsedDocument doc = read_text_document(c.input, c.markdown);
  EXPECT_EQ(doc.id_suffix, "");
  EXPECT_EQ((Meta{doc.meta.title, doc.meta.date, doc.meta.source, doc.meta.author, doc.meta.url}),
            c.meta);
  EXPECT_EQ(doc.text, c.text);
}

INSTANTIATE_TEST_SUITE_P(TextReader, TextReaderTable, ::testing::ValuesIn(kTextCases),
                         [](const ::testing::TestParamInfo<TextCase>& param_info) {
                           return param_info.param.name;
                         });

// Every prefix of input full of unfinished constructs: no throw, and the text never
// grows beyond the input.
TEST(TextReader, NeverThrowsOnTruncatedInput) {
  const std::string full =
      "---\ntitle: [A, 'B\nauthor:\n  - \n---\n# H #\n> - [x](y(z) ![a](b `c ``d\n```\n<p "
      "**e_ \\";
  for (std::size_t n = 0; n <= full.size(); ++n) {
    for (const bool markdown : {false, true}) {
      ParsedDocument doc;
      EXPECT_NO_THROW(doc = read_text_document(full.substr(0, n), markdown)) << n;
      EXPECT_LE(doc.text.size(), n + 1) << n;
    }
  }
}

}  // namespace
}  // namespace newsdex
