// Tests of the JSON and JSON Lines reader: field aliases, file shapes, per-entry
// problems, numeric dates, HTML fragments in fields and hostile nesting.
#include "newsdex/formats/json_reader.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "newsdex/formats/parsed_document.h"

namespace newsdex {
namespace {

// ParsedDocument flattened, so that whole results compare and print in one line.
struct Doc {
  std::string id_suffix;
  std::string title;
  std::string date;
  std::string source;
  std::string author;
  std::string url;
  std::string text;

  bool operator==(const Doc&) const = default;
};

struct Problem {
  std::string id_suffix;
  std::string reason;

  bool operator==(const Problem&) const = default;
};

void PrintTo(const Doc& d, std::ostream* out) {
  *out << "{suffix=\"" << d.id_suffix << "\" title=\"" << d.title << "\" date=\"" << d.date
       << "\" source=\"" << d.source << "\" author=\"" << d.author << "\" url=\"" << d.url
       << "\" text=\"" << d.text << "\"}";
}

void PrintTo(const Problem& p, std::ostream* out) {
  *out << "{suffix=\"" << p.id_suffix << "\" reason=\"" << p.reason << "\"}";
}

std::vector<Doc> docs_of(const ParsedFile& file) {
  std::vector<Doc> docs;
  for (const ParsedDocument& d : file.documents) {
    docs.push_back(
        {d.id_suffix, d.meta.title, d.meta.date, d.meta.source, d.meta.author, d.meta.url, d.text});
  }
  return docs;
}

std::vector<Problem> problems_of(const ParsedFile& file) {
  std::vector<Problem> problems;
  for (const DocumentProblem& p : file.problems) problems.push_back({p.id_suffix, p.reason});
  return problems;
}

// A document with only an id suffix and a text.
Doc text_doc(std::string suffix, std::string text) {
  return {std::move(suffix), "", "", "", "", "", std::move(text)};
}

struct JsonCase {
  std::string name;
  std::string input;
  bool json_lines;
  std::vector<Doc> docs;
  std::vector<Problem> problems;
};

std::ostream& operator<<(std::ostream& out, const JsonCase& c) { return out << c.name; }

const JsonCase kJsonCases[] = {
    // Shapes of a .json file.
    {"OneObjectIsOneArticle",
     R"({"title": "Harbour Bridge Reopens", "text": "The bridge opened on Monday.",
         "date": "2024-02-07", "source": "Harbour Times", "author": "Ann Lee",
         "url": "https://example.com/bridge"})",
     false,
     {{"", "Harbour Bridge Reopens", "2024-02-07", "Harbour Times", "Ann Lee",
       "https://example.com/bridge", "The bridge opened on Monday."}},
     {}},
    {"TopLevelArrayNumbersFromZero",
     R"([{"text": "First story."}, {"text": "Second story."}])",
     false,
     {text_doc("#0", "First story."), text_doc("#1", "Second story.")},
     {}},
    {"ArrayElementThatIsNoObjectIsAProblem",
     R"([{"text": "First story."}, 42, {"text": "Third story."}])",
     false,
     {text_doc("#0", "First story."), text_doc("#2", "Third story.")},
     {{"#1", "not a JSON object"}}},
    {"ArrayElementWithoutTextIsAProblem",
     R"([{"title": "Only a title"}, {"text": "Second story."}])",
     false,
     {text_doc("#1", "Second story.")},
     {{"#0", "no article text"}}},
    {"WrapperArticles",
     R"({"status": "ok", "articles": [{"text": "A."}, {"text": "B."}]})",
     false,
     {text_doc("#0", "A."), text_doc("#1", "B.")},
     {}},
    {"WrapperItems", R"({"items": [{"text": "A."}]})", false, {text_doc("#0", "A.")}, {}},
    {"WrapperData", R"({"data": [{"text": "A."}]})", false, {text_doc("#0", "A.")}, {}},
    {"WrapperResults", R"({"results": [{"text": "A."}]})", false, {text_doc("#0", "A.")}, {}},
    {"WrapperPosts", R"({"posts": [{"text": "A."}]})", false, {text_doc("#0", "A.")}, {}},
    {"WrapperKeyHoldingNoArrayIsNoWrapper",
     R"({"data": {"id": 3}, "text": "A."})",
     false,
     {text_doc("", "A.")},
     {}},
    {"EmptyArrayGivesNothing", "[]", false, {}, {}},
    {"ByteOrderMarkIgnored", "\xEF\xBB\xBF{\"text\": \"A.\"}", false, {text_doc("", "A.")}, {}},

    // Problems of a whole .json file.
    {"ParseErrorIsNotValidJson", R"({"text": "A.")", false, {}, {{"", "not valid JSON"}}},
    {"EmptyFileIsNotValidJson", "", false, {}, {{"", "not valid JSON"}}},
    {"TopLevelStringIsNotAnObject", R"("just a string")", false, {}, {{"", "not a JSON object"}}},
    {"ObjectWithoutTextIsAProblem",
     R"({"title": "Headline only", "text": "   "})",
     false,
     {},
     {{"", "no article text"}}},

    // Field aliases, one at a time.
    {"TitleAliasHeadline",
     R"({"headline": "H", "text": "A."})",
     false,
     {{"", "H", "", "", "", "", "A."}},
     {}},
    {"NameIsNoTitle", R"({"name": "N", "text": "A."})", false, {text_doc("", "A.")}, {}},
    {"TextAliasBody", R"({"body": "A."})", false, {text_doc("", "A.")}, {}},
    {"TextAliasContent", R"({"content": "A."})", false, {text_doc("", "A.")}, {}},
    {"TextAliasMaintext", R"({"maintext": "A."})", false, {text_doc("", "A.")}, {}},
    {"TextAliasArticle", R"({"article": "A."})", false, {text_doc("", "A.")}, {}},
    {"TextAliasArticleText", R"({"article_text": "A."})", false, {text_doc("", "A.")}, {}},
    {"DescriptionOnlyAsLastResort", R"({"description": "D."})", false, {text_doc("", "D.")}, {}},
    {"DescriptionLosesToText",
     R"({"description": "D.", "text": "A."})",
     false,
     {text_doc("", "A.")},
     {}},
    {"TextAsArrayOfParagraphs",
     R"({"text": ["First.", "", "Second."]})",
     false,
     {text_doc("", "First.\n\nSecond.")},
     {}},
    {"DateAliasPublished",
     R"({"published": "2024-02-07", "text": "A."})",
     false,
     {{"", "", "2024-02-07", "", "", "", "A."}},
     {}},
    {"DateAliasDatePublish",
     R"({"date_publish": "2024-02-07 10:15:00", "text": "A."})",
     false,
     {{"", "", "2024-02-07 10:15:00", "", "", "", "A."}},
     {}},
    {"DateAliasPublishedAtSnake",
     R"({"published_at": "2024-02-07", "text": "A."})",
     false,
     {{"", "", "2024-02-07", "", "", "", "A."}},
     {}},
    {"DateAliasPublishedAtCamel",
     R"({"publishedAt": "2024-02-07T10:15:00Z", "text": "A."})",
     false,
     {{"", "", "2024-02-07T10:15:00Z", "", "", "", "A."}},
     {}},
    {"DateAliasPubDate",
     R"({"pubDate": "Wed, 07 Feb 2024 10:15:00 GMT", "text": "A."})",
     false,
     {{"", "", "Wed, 07 Feb 2024 10:15:00 GMT", "", "", "", "A."}},
     {}},
    {"DateAliasDatePublishedCamel",
     R"({"datePublished": "2024-02-07", "text": "A."})",
     false,
     {{"", "", "2024-02-07", "", "", "", "A."}},
     {}},
    {"DateAliasDatePublishedSnake",
     R"({"date_published": "2024-02-07", "text": "A."})",
     false,
     {{"", "", "2024-02-07", "", "", "", "A."}},
     {}},
    {"UrlAliasLink",
     R"({"link": "https://example.com/a", "text": "A."})",
     false,
     {{"", "", "", "", "", "https://example.com/a", "A."}},
     {}},
    {"UrlAliasCanonicalUrl",
     R"({"canonical_url": "https://example.com/a", "text": "A."})",
     false,
     {{"", "", "", "", "", "https://example.com/a", "A."}},
     {}},
    {"SourceAliasSite",
     R"({"site": "Valley Post", "text": "A."})",
     false,
     {{"", "", "", "Valley Post", "", "", "A."}},
     {}},
    {"SourceAliasSourceDomain",
     R"({"source_domain": "valleypost.example", "text": "A."})",
     false,
     {{"", "", "", "valleypost.example", "", "", "A."}},
     {}},
    {"SourceAliasPublisher",
     R"({"publisher": "Valley Post", "text": "A."})",
     false,
     {{"", "", "", "Valley Post", "", "", "A."}},
     {}},
    {"SourceAliasSiteName",
     R"({"site_name": "Valley Post", "text": "A."})",
     false,
     {{"", "", "", "Valley Post", "", "", "A."}},
     {}},
    {"SourceAsObjectUsesName",
     R"({"source": {"id": null, "name": "Valley Post"}, "text": "A."})",
     false,
     {{"", "", "", "Valley Post", "", "", "A."}},
     {}},
    {"AuthorsAsArrayOfStrings",
     R"({"authors": ["Ann Lee", "Bo Chen"], "text": "A."})",
     false,
     {{"", "", "", "", "Ann Lee, Bo Chen", "", "A."}},
     {}},
    {"AuthorsAsArrayOfObjects",
     R"({"authors": [{"name": "Ann Lee"}, {"id": 7}, {"name": "Bo Chen"}], "text": "A."})",
     false,
     {{"", "", "", "", "Ann Lee, Bo Chen", "", "A."}},
     {}},
    {"AuthorAsObject",
     R"({"author": {"name": "Ann Lee"}, "text": "A."})",
     false,
     {{"", "", "", "", "Ann Lee", "", "A."}},
     {}},
    {"AuthorAliasByline",
     R"({"byline": "Ann Lee", "text": "A."})",
     false,
     {{"", "", "", "", "Ann Lee", "", "A."}},
     {}},
    {"AuthorAliasCreator",
     R"({"creator": ["Ann Lee"], "text": "A."})",
     false,
     {{"", "", "", "", "Ann Lee", "", "A."}},
     {}},
    {"KeysMatchInAnyCase",
     R"({"Title": "T", "TEXT": "A.", "PublishedAt": "2024-02-07"})",
     false,
     {{"", "T", "2024-02-07", "", "", "", "A."}},
     {}},
    {"FirstNonEmptyAliasWins",
     R"({"title": "", "headline": "H", "text": null, "body": "B."})",
     false,
     {{"", "H", "", "", "", "", "B."}},
     {}},
    {"WordPressRenderedFields",
     R"({"title": {"rendered": "Fair &amp; Parade"}, "content": {"rendered": "<p>A.</p>"}})",
     false,
     {{"", "Fair & Parade", "", "", "", "", "A."}},
     {}},

    // Numeric dates become ISO 8601 UTC text.
    {"DateInUnixSeconds",
     R"({"date": 1707300900, "text": "A."})",
     false,
     {{"", "", "2024-02-07T10:15:00Z", "", "", "", "A."}},
     {}},
    {"DateInUnixMilliseconds",
     R"({"date": 1707300900000, "text": "A."})",
     false,
     {{"", "", "2024-02-07T10:15:00Z", "", "", "", "A."}},
     {}},
    {"DateWithFractionOfSecond",
     R"({"date": 946684799.75, "text": "A."})",
     false,
     {{"", "", "1999-12-31T23:59:59Z", "", "", "", "A."}},
     {}},
    {"DateAsStringOfDigits",
     R"({"date": "1707300900", "text": "A."})",
     false,
     {{"", "", "2024-02-07T10:15:00Z", "", "", "", "A."}},
     {}},
    {"DateBeforeTheEpoch",
     R"({"date": -86400, "text": "A."})",
     false,
     {{"", "", "1969-12-31T00:00:00Z", "", "", "", "A."}},
     {}},
    {"DateTooLargeIsDropped", R"({"date": 1e300, "text": "A."})", false, {text_doc("", "A.")}, {}},

    // HTML fragments inside fields.
    {"HtmlParagraphsAndBreaks",
     R"({"text": "<p>Rain fell &amp; rivers rose.</p>\n<p>Roads <b>closed</b><br/>at noon.</p>"})",
     false,
     {text_doc("", "Rain fell & rivers rose.\n\nRoads closed\nat noon.")},
     {}},
    {"HtmlEntitiesDecoded",
     R"({"text": "<p>&lt;tag&gt; &quot;q&quot; it&#39;s&nbsp;here &#x41;&#66;</p>"})",
     false,
     {text_doc("", "<tag> \"q\" it's here AB")},
     {}},
    {"HtmlScriptsAndCommentsGo",
     R"({"text": "<p>Kept.</p><script>var x = 1;</script><!-- note --><div>Also kept.</div>"})",
     false,
     {text_doc("", "Kept.\n\nAlso kept.")},
     {}},
    {"HtmlInTitleStripped",
     R"({"title": "<em>Fair</em> &amp; Parade", "text": "A."})",
     false,
     {{"", "Fair & Parade", "", "", "", "", "A."}},
     {}},
    {"PlainTextWithAngleBracketsKept",
     R"({"text": "Prices rose 3 < 5 percent.\n\nNext paragraph."})",
     false,
     {text_doc("", "Prices rose 3 < 5 percent.\n\nNext paragraph.")},
     {}},
    {"TitleNotPutInText",
     R"({"title": "Harbour Bridge Reopens", "text": "Cars crossed again."})",
     false,
     {{"", "Harbour Bridge Reopens", "", "", "", "", "Cars crossed again."}},
     {}},

    // JSON Lines.
    {"JsonLinesNumbersLinesFromOne",
     "{\"text\": \"A.\"}\n{\"text\": \"B.\"}\n",
     true,
     {text_doc(":1", "A."), text_doc(":2", "B.")},
     {}},
    {"JsonLinesBadLineInMiddle",
     "{\"text\": \"A.\"}\n{\"text\": \"B.\n{\"text\": \"C.\"}\n",
     true,
     {text_doc(":1", "A."), text_doc(":3", "C.")},
     {{":2", "not valid JSON"}}},
    {"JsonLinesEachProblemNamed",
     "[1, 2]\n{\"title\": \"T\"}\n{\"text\": \"C.\"}",
     true,
     {text_doc(":3", "C.")},
     {{":1", "not a JSON object"}, {":2", "no article text"}}},
    {"JsonLinesBlankLinesSkippedButCounted",
     "\n{\"text\": \"A.\"}\n   \n\n{\"text\": \"B.\"}\n\n",
     true,
     {text_doc(":2", "A."), text_doc(":5", "B.")},
     {}},
    {"JsonLinesCrlfAndByteOrderMark",
     "\xEF\xBB\xBF{\"text\": \"A.\"}\r\n{\"text\": \"B.\"}\r\n",
     true,
     {text_doc(":1", "A."), text_doc(":2", "B.")},
     {}},
    {"JsonLinesEscapedNewlineInsideString",
     "{\"text\": \"First.\\n\\nSecond.\"}\n",
     true,
     {text_doc(":1", "First.\n\nSecond.")},
     {}},

    // Nesting: bounded before parsing, brackets inside strings do not count.
    {"NestingUnderTheLimitIsRead",
     "{\"text\": \"A.\", \"extra\": " + std::string(150, '[') + std::string(150, ']') + "}",
     false,
     {text_doc("", "A.")},
     {}},
    {"BracketsInsideStringsDoNotCount",
     "{\"text\": \"" + std::string(500, '[') + "\"}",
     false,
     {text_doc("", std::string(500, '['))},
     {}},
    {"DepthBombIsNotValidJson", std::string(100000, '['), false, {}, {{"", "not valid JSON"}}},
    {"DepthBombClosedIsStillRefused",
     std::string(300, '[') + std::string(300, ']'),
     false,
     {},
     {{"", "not valid JSON"}}},
    {"DepthBombOnOneLineSparesTheOthers",
     std::string(100000, '{') + "\n{\"text\": \"B.\"}\n",
     true,
     {text_doc(":2", "B.")},
     {{":1", "not valid JSON"}}},
};

class JsonReaderTable : public ::testing::TestWithParam<JsonCase> {};

TEST_P(JsonReaderTable, Reads) {
  const JsonCase& c = GetParam();
  const ParsedFile file = read_json_documents(c.input, c.json_lines);
  EXPECT_EQ(docs_of(file), c.docs);
  EXPECT_EQ(problems_of(file), c.problems);
}

INSTANTIATE_TEST_SUITE_P(JsonReader, JsonReaderTable, ::testing::ValuesIn(kJsonCases),
                         [](const ::testing::TestParamInfo<JsonCase>& param_info) {
                           return param_info.param.name;
                         });

// Truncations of a valid file at every byte: never a throw, always a document or a
// problem for the file.
TEST(JsonReader, NeverThrowsOnTruncatedInput) {
  const std::string full =
      R"({"title": "T", "date": 1707300900, "authors": [{"name": "Ann"}], "text": "<p>A &amp; B</p>"})";
  for (std::size_t n = 0; n <= full.size(); ++n) {
    for (const bool json_lines : {false, true}) {
      ParsedFile file;
      EXPECT_NO_THROW(file = read_json_documents(full.substr(0, n), json_lines)) << n;
      if (!json_lines || n > 0) {
        EXPECT_EQ(file.documents.size() + file.problems.size(), 1u) << n;
      }
    }
  }
}

}  // namespace
}  // namespace newsdex
