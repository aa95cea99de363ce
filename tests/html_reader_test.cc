// Tests of the HTML reader: main text without boilerplate, metadata from meta tags, <time>
// and JSON-LD, malformed and hostile pages.
#include "newsdex/formats/html_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "newsdex/errors.h"
#include "newsdex/formats/parsed_document.h"

namespace newsdex {
namespace {

struct HtmlCase {
  std::string name;
  std::string html;
  ArticleMetadata meta;  // title, date, source, author, url
  std::string text;
};

std::ostream& operator<<(std::ostream& out, const HtmlCase& c) { return out << c.name; }

const HtmlCase kHtmlCases[] = {
    {"BoilerplateAroundArticleIsDropped",
     R"(<!DOCTYPE html><html><head><title>Ferry Fares To Rise</title>
        <style>p { color: red }</style><script>var tracking = "<p>not text</p>";</script>
        </head><body>
        <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
        <article>
          <h1>Ferry Fares To Rise</h1>
          <p>Fares on the island route go up in March.</p>
          <script>document.write("hidden");</script>
          <p>The operator blamed <b>fuel</b> costs.</p>
          <aside><p>Weather: sunny spells</p></aside>
          <div class="related-links"><ul><li><a href="/a">Bridge reopens</a></li></ul></div>
          <p>Passengers can still buy cheaper season tickets.</p>
        </article>
        <footer><p>All rights reserved</p></footer></body></html>)",
     {"Ferry Fares To Rise", "", "", "", ""},
     "Fares on the island route go up in March.\n\nThe operator blamed fuel costs.\n\n"
     "Passengers can still buy cheaper season tickets."},
    {"BoilerplateClassesAndIdsInsideArticle",
     R"(<article><p>The council approved the budget.</p>
        <div class="Share-Buttons">Share on X</div><div id="comments"><p>Great news!</p></div>
        <p class="newsletter-signup">Sign up for our newsletter</p>
        <form><p>Search</p></form><figure><img src="x.jpg"><figcaption>A photo</figcaption>
        </figure><p>Spending rises next year.</p></article>)",
     {},
     "The council approved the budget.\n\nSpending rises next year."},
    {"MetaTagsWinOverJsonLd",
     R"(<html><head>
        <meta property="og:title" content="  Orchard Harvest Doubles ">
        <meta property="article:published_time" content="2024-09-14T08:00:00Z">
        <meta name="author" content="Ana Ruiz">
        <meta property="og:site_name" content="Valley Herald">
        <meta property="og:url" content="https://herald.example/orchard">
        <script type="application/ld+json">{"@type": "NewsArticle",
          "headline": "JSON headline", "datePublished": "2024-09-13",
          "author": {"@type": "Person", "name": "JSON Author"},
          "publisher": {"@type": "Organization", "name": "JSON Publisher"},
          "url": "https://herald.example/json"}</script>
        </head><body><article><p>Growers picked twice as many apples.</p></article></body></html>)",
     {"Orchard Harvest Doubles", "2024-09-14T08:00:00Z", "Valley Herald", "Ana Ruiz",
      "https://herald.example/orchard"},
     "Growers picked twice as many apples."},
    {"JsonLdFillsWhatMetaTagsLack",
     R"(<html><head><title>Page title | Valley Herald</title>
        <script type="application/ld+json">[{"@type": "WebSite", "name": "Site"},
          {"@type": ["NewsArticle"], "headline": " Rail Strike Called Off ",
          "datePublished": "2024-02-01T06:30:00+01:00", "author": "Tom Berg",
          "publisher": {"@type": "Organization", "name": "Valley Herald"},
          "url": "https://herald.example/rail"}]</script>
        </head><body><article><h1>Rail Strike Called Off</h1>
        <p>Unions called off the strike after late talks.</p></article></body></html>)",
     {"Rail Strike Called Off", "2024-02-01T06:30:00+01:00", "Valley Herald", "Tom Berg",
      "https://herald.example/rail"},
     "Unions called off the strike after late talks."},
    {"JsonLdGraphWithReferences",
     R"(<html><head><script type="application/ld+json">{"@context": "https://schema.org",
          "@graph": [
            {"@type": "Organization", "@id": "#org", "name": "Harbour Times"},
            {"@type": "Person", "@id": "#kim", "name": "Kim Lee"},
            {"@type": "WebPage", "@id": "#page", "name": "Not the article"},
            {"@type": "BlogPosting", "headline": "Library Hours Extended",
             "datePublished": "2023-11-20", "author": {"@id": "#kim"},
             "publisher": {"@id": "#org"}}]}</script>
        </head><body><main><p>The central library will stay open until nine.</p></main>
        </body></html>)",
     {"Library Hours Extended", "2023-11-20", "Harbour Times", "Kim Lee", ""},
     "The central library will stay open until nine."},
    {"JsonLdAuthorArray",
     R"(<script type="application/ld+json">{"@type": "ReportageNewsArticle",
          "author": [{"@type": "Person", "name": "Ana Ruiz"}, "Tom Berg",
                     {"@type": "Person", "name": "Kim Lee"}, 42]}</script>
        <article><p>Three reporters covered the storm.</p></article>)",
     {"", "", "", "Ana Ruiz, Tom Berg, Kim Lee", ""},
     "Three reporters covered the storm."},
    {"BrokenJsonLdIsIgnored",
     R"(<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
        <script type="application/ld+json">{"@type": "NewsArticle", "headline": 7,
          "author": {"name": ["not", "a", "string"]}}</script>
        <article><p>Body text survives.</p></article>)",
     {},
     "Body text survives."},
    {"TimeDatetimeBeatsJsonLdDate",
     R"(<script type="application/ld+json">{"@type": "Article",
          "datePublished": "2020-01-01"}</script>
        <aside><time datetime="2019-05-05">old</time></aside>
        <article><header><h1>Snow Closes Mountain Pass</h1>
        <time datetime=" 2024-01-09T17:45:00Z ">9 January</time></header>
        <p>The pass will stay closed until Friday.</p></article>)",
     {"Snow Closes Mountain Pass", "2024-01-09T17:45:00Z", "", "", ""},
     "The pass will stay closed until Friday."},
    {"DateMetaNamesAndItemprop",
     R"(<meta name="DC.date" content="2022-07-04">
        <article><p>Fireworks lit the bay.</p></article>)",
     {"", "2022-07-04", "", "", ""},
     "Fireworks lit the bay."},
    {"ItempropDatePublishedOnTimeElement",
     R"(<article><span itemprop="datePublished">2021-03-08</span>
        <p>The market reopened.</p></article>)",
     {"", "2021-03-08", "", "", ""},
     "2021-03-08\n\nThe market reopened."},
    {"CanonicalUrlBeatsOgUrl",
     R"(<head><meta property="og:url" content="https://m.news.example/story">
        <link rel="alternate canonical" href="https://news.example/story"></head>
        <article><p>Canonical links name the main copy of a page.</p></article>)",
     {"", "", "", "", "https://news.example/story"},
     "Canonical links name the main copy of a page."},
    {"AuthorFromRelAuthorLinkAndProfileUrlSkipped",
     R"(<meta property="article:author" content="https://social.example/profile/123">
        <article><p class="byline">By <a rel="author" href="/staff/ana"> Ana
        Ruiz </a></p><p>The bakery won a national prize.</p></article>)",
     {"", "", "", "Ana Ruiz", ""},
     "By Ana Ruiz\n\nThe bakery won a national prize."},
    {"SeveralAuthorMetaTags",
     R"(<meta name="author" content="Ana Ruiz"><meta name="author" content="Tom Berg">
        <meta name="author" content="Ana Ruiz"><article><p>Joint report.</p></article>)",
     {"", "", "", "Ana Ruiz, Tom Berg", ""},
     "Joint report."},
    {"TitleElementLosesSiteName",
     R"(<head><title>Harbour Bridge Reopens | Daily Planet</title>
        <meta property="og:site_name" content="Daily Planet"></head>
        <body><div><p>Drivers waited nine months.</p></div></body>)",
     {"Harbour Bridge Reopens", "", "Daily Planet", "", ""},
     "Drivers waited nine months."},
    {"TitleElementKeepsOtherSuffix",
     R"(<head><title>Budget Vote - Live Updates</title>
        <meta property="og:site_name" content="Daily Planet"></head>
        <body><div><p>Members voted late.</p></div></body>)",
     {"Budget Vote - Live Updates", "", "Daily Planet", "", ""},
     "Members voted late."},
    {"NoArticleElementUsesDivWithMostParagraphs",
     R"(<body><div class="masthead"><p>Daily Planet</p></div>
        <div id="story"><div><p>Short teaser.</p></div>
          <p>The harbour bridge opened again on Monday.</p>
          <p>Drivers had waited nine months for repairs.</p></div>
        <div class="links"><p>About us</p><p>Contact</p></div></body>)",
     {},
     "Short teaser.\n\nThe harbour bridge opened again on Monday.\n\n"
     "Drivers had waited nine months for repairs."},
    {"ArticleWithMostParagraphTextWins",
     R"(<article><p>Teaser for another story.</p></article>
        <article><h1>Main Story</h1><p>This is the long article body with more words.</p>
        <p>It continues here.</p></article>)",
     {"Main Story", "", "", "", ""},
     "This is the long article body with more words.\n\nIt continues here."},
    {"RoleMainWithoutArticle",
     R"(<div class="teasers"><p>Teaser number one</p><p>Teaser number two</p></div>
        <div role="main"><p>Only this counts.</p></div>)",
     {},
     "Only this counts."},
    {"HeadingsAreParagraphsAndTitleH1IsDropped",
     R"(<head><meta name="twitter:title" content="Council Backs Budget"></head>
        <article><h1>Council   Backs Budget</h1><p>The vote was close.</p>
        <h2>What happens next</h2><p>Spending starts in <i>April</i>.</p>
        <h3>Reactions</h3><ul><li>Unions welcomed it.</li><li>Critics did not.</li></ul>
        <blockquote>We are pleased.</blockquote></article>)",
     {"Council Backs Budget", "", "", "", ""},
     "The vote was close.\n\nWhat happens next\n\nSpending starts in April.\n\nReactions\n\n"
     "Unions welcomed it.\n\nCritics did not.\n\nWe are pleased."},
    {"OtherH1StaysInText",
     R"(<meta property="og:title" content="Storm Update">
        <article><h1>Live: storm moves north</h1><p>Winds eased overnight.</p></article>)",
     {"Storm Update", "", "", "", ""},
     "Live: storm moves north\n\nWinds eased overnight."},
    {"EntitiesAreDecoded",
     R"(<article><p>Fish &amp; chips cost&nbsp;&pound;5 &lt;today&gt; at Caf&eacute;
        &#8220;Mar&#x00ED;a&#8221;.</p></article>)",
     {},
     "Fish & chips cost \u00a35 <today> at Caf\u00e9 \u201cMar\u00eda\u201d."},
    {"WhitespaceAndLineBreaks",
     "<article><p>  Line   one\n\t<br>line <em>two</em> <br> <br>New paragraph. </p>"
     "<table><tr><td>Cell</td><td>row one</td></tr><tr><td>Row two</td></tr></table>"
     "</article>",
     {},
     "Line one\nline two\n\nNew paragraph.\n\nCell row one\n\nRow two"},
    {"MalformedHtmlStillGivesText",
     R"(<html><body></div><article><p>First <b>bold <i>both</b> paragraph
        <p>Second paragraph</span></div><div><p>Third</article></p></p>)",
     {},
     "First bold both paragraph\n\nSecond paragraph\n\nThird"},
    {"ScriptOnlyPageHasNoText",
     R"(<html><body><script>var p = "<p>text</p>";</script><style>p{}</style>
        <noscript><p>Enable JavaScript</p></noscript></body></html>)",
     {},
     ""},
};

class HtmlReaderCases : public ::testing::TestWithParam<HtmlCase> {};

TEST_P(HtmlReaderCases, ReadsTextAndMetadata) {
  const HtmlCase& c = GetParam();
  const ParsedDocument document = read_html_document(c.html);
  EXPECT_EQ(document.text, c.text);
  EXPECT_EQ(document.meta.title, c.meta.title);
  EXPECT_EQ(document.meta.date, c.meta.date);
  EXPECT_EQ(document.meta.source, c.meta.source);
  EXPECT_EQ(document.meta.author, c.meta.author);
  EXPECT_EQ(document.meta.url, c.meta.url);
  EXPECT_EQ(document.id_suffix, "");
}

INSTANTIATE_TEST_SUITE_P(HtmlReader, HtmlReaderCases, ::testing::ValuesIn(kHtmlCases),
                         [](const ::testing::TestParamInfo<HtmlCase>& param_info) {
                           return param_info.param.name;
                         });

struct GarbageCase {
  std::string name;
  std::string input;
};

std::ostream& operator<<(std::ostream& out, const GarbageCase& c) { return out << c.name; }

const GarbageCase kGarbageCases[] = {
    {"Empty", ""},
    {"Whitespace", " \n\t \r\n"},
    {"StrayEndTags", "</div></span></p></html>"},
    {"UnclosedComment", "<p><!-- never closed <p>text"},
    {"InvalidUtf8", "\xFF\xFE\xC0\xAF\x80"},
    {"NulAndControlBytes", std::string("\0\x01\x02\x1B\x7F", 5)},
    {"EmptyJsonLdScript", "<script type='application/ld+json'></script>"},
};

class HtmlReaderGarbage : public ::testing::TestWithParam<GarbageCase> {};

TEST_P(HtmlReaderGarbage, GivesEmptyText) {
  const ParsedDocument document = read_html_document(GetParam().input);
  EXPECT_EQ(document.text, "");
  EXPECT_EQ(document.meta.title, "");
}

INSTANTIATE_TEST_SUITE_P(HtmlReader, HtmlReaderGarbage, ::testing::ValuesIn(kGarbageCases),
                         [](const ::testing::TestParamInfo<GarbageCase>& param_info) {
                           return param_info.param.name;
                         });

std::size_t count_of(std::string_view text, std::string_view part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string_view::npos;
       at = text.find(part, at + part.size())) {
    ++count;
  }
  return count;
}

TEST(HtmlReaderLarge, FiveThousandParagraphsInOrder) {
  constexpr int kParagraphs = 5000;
  std::string html = "<html><body><article>";
  for (int i = 0; i < kParagraphs; ++i) {
    html += "<p>Paragraph " + std::to_string(i) + " of the long report.</p>\n";
  }
  html += "</article></body></html>";
  const std::string text = read_html_document(html).text;
  EXPECT_EQ(count_of(text, "\n\n"), kParagraphs - 1);
  EXPECT_EQ(text.substr(0, text.find('\n')), "Paragraph 0 of the long report.");
  EXPECT_EQ(text.substr(text.rfind('\n') + 1), "Paragraph 4999 of the long report.");
}

// Deep trees must not exhaust the stack, in the reader's walks or in freeing gumbo's tree
// (gumbo's own recursive free crashed at this depth with an 8 MiB stack).
TEST(HtmlReaderLarge, DeeplyNestedInlineElements) {
  constexpr int kDepth = 5000;
  std::string html = "<html><body><article><p>Start.</p><p>";
  for (int i = 0; i < kDepth; ++i) html += "<span>";
  html += "Deep text.</p></article></body></html>";
  EXPECT_EQ(read_html_document(html).text, "Start.\n\nDeep text.");
}

// Shapes that cost gumbo time faster than their size are refused with a reason before
// gumbo sees them, at once; ordinary big pages (many paragraphs, rows, list items) pass.
TEST(HtmlReaderLarge, PagesBeyondTheDepthOrAttributeBoundsAreRefusedQuickly) {
  const auto started = std::chrono::steady_clock::now();
  std::string nested = "<html><body><p>";
  for (int i = 0; i < 500000; ++i) nested += "<b>";
  nested += "Deep.</p></body></html>";
  EXPECT_THROW(read_html_document(nested), ArticleError);
  std::string attributes = "<html><body><p";
  for (int i = 0; i < 200000; ++i) attributes += " a" + std::to_string(i) + "=x";
  attributes += ">Text.</p></body></html>";
  EXPECT_THROW(read_html_document(attributes), ArticleError);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));

  std::string rows = "<html><body><table>";
  for (int i = 0; i < 30000; ++i) rows += "<tr><td>cell<td>cell<br>";
  rows += "</table><p>After the table.</p><ul>";
  for (int i = 0; i < 30000; ++i) rows += "<li>item";
  rows += "</ul></body></html>";
  EXPECT_NO_THROW(read_html_document(rows));
}

// Formatting elements left open, each with attributes of its own, are re-opened by gumbo
// in every later paragraph: past 100 left open the page is refused before gumbo.
TEST(HtmlReaderLarge, FormattingLeftOpenPastTheBoundIsRefusedWithItsReason) {
  const auto started = std::chrono::steady_clock::now();
  std::string html = "<html><body><article>";
  for (int i = 0; i < 3000; ++i) {
    html += "<p><b class=\"c" + std::to_string(i) + "\">Paragraph " + std::to_string(i) + "\n";
  }
  html += "</article></body></html>";
  try {
    read_html_document(html);
    ADD_FAILURE() << "read";
  } catch (const ArticleError& e) {
    EXPECT_STREQ(e.what(), "HTML too complex: more than 100 formatting elements left open");
  }
  // Within that bound, 100 left open cost 100 elements in every later paragraph.
  std::string within = "<html><body><p>";
  for (int i = 0; i < 100; ++i) within += "<b class=\"c" + std::to_string(i) + "\">";
  for (int i = 0; i < 50000; ++i) within += "<p>x";
  try {
    read_html_document(within);
    ADD_FAILURE() << "read";
  } catch (const ArticleError& e) {
    EXPECT_STREQ(e.what(),
                 "HTML too complex: formatting elements left open in too many paragraphs");
  }
  // End tags in a comment may be text to gumbo: they close nothing here.
  std::string hidden = "<html><body><article>";
  for (int i = 0; i < 200; ++i) {
    hidden += "<p><i id=\"i" + std::to_string(i) + "\">Text<!-- </i> --><?x </i>>";
  }
  EXPECT_THROW(read_html_document(hidden), ArticleError);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
}

// Real pages close their formatting, or leave a few open, or repeat the same unclosed
// tag (which gumbo keeps at three, as the check does): none of them is refused.
TEST(HtmlReaderLarge, ArticlesWithManyFormattingElementsAreRead) {
  std::string closed = "<html><body><article>";
  for (int i = 0; i < 3000; ++i) {
    closed += "<p><b class=\"lead-" + std::to_string(i) + "\">Lead " + std::to_string(i) +
              "</b> said <a href=\"/p/" + std::to_string(i) + "\">the <em>mayor</em></a>, " +
              "<strong>twice</strong>, <i>in <u>print</u></i>.</p>\n";
  }
  closed += "</article></body></html>";
  const std::string text = read_html_document(closed).text;
  EXPECT_EQ(count_of(text, "\n\n"), 2999);
  EXPECT_EQ(text.substr(0, text.find('\n')), "Lead 0 said the mayor, twice, in print.");

  std::string old_page = "<html><body>";
  for (int i = 0; i < 3000; ++i) {
    old_page += "<p><font face=\"Arial\" size=\"2\"><B>Story " + std::to_string(i) +
                "</b> from the desk<a href=\"/n/" + std::to_string(i) + "\">more";
  }
  old_page += "<p>A few <b class=\"x\">left <i>open at <u>the end";
  old_page += "</body></html>";
  EXPECT_NE(read_html_document(old_page).text.find("Story 2999 from the desk"), std::string::npos);

  // Scripts and JSON hold HTML whose end tags are escaped or never written: gumbo reads
  // them as text, and so does the check.
  std::string scripted = "<html><head><title>Tags <b> in a title</title></head><body>";
  for (int i = 0; i < 300; ++i) {
    scripted += "<script>var t = '<b class=\"k" + std::to_string(i) + "\">';</script>";
  }
  scripted += "<script type=\"application/json\">{\"body\": \"";
  for (int i = 0; i < 300; ++i)
    scripted += "<i class=\\\"tag-" + std::to_string(i) + "\\\">t<\\/i>";
  scripted += "\"}</script><article><p>The ferry sailed at dawn.</p></article></body></html>";
  EXPECT_EQ(read_html_document(scripted).text, "The ferry sailed at dawn.");
}

// Nested divs cost gumbo time quadratic in the depth (every start tag scans the stack of
// open elements), so this stays at a depth that parses quickly.
TEST(HtmlReaderLarge, DeeplyNestedDivs) {
  constexpr int kDepth = 10000;
  std::string html = "<html><body>";
  for (int i = 0; i < kDepth; ++i) html += "<div>";
  html += "<p>Inside every div.</p>";
  for (int i = 0; i < kDepth; ++i) html += "</div>";
  html += "<p>After them.</p></body></html>";
  EXPECT_EQ(read_html_document(html).text, "Inside every div.");
}

}  // namespace
}  // namespace newsdex
