// Tests of the one text analyzer (newsdex/text_analyzer.h): its folds and splits agree
// with what Xapian's TermGenerator and QueryParser make of the same text, since the index
// holds their words and the search tool looks them up.
#include "newsdex/text_analyzer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {
namespace {

TEST(TextAnalyzer, AsciiFoldsLeaveUtf8Alone) {
  EXPECT_EQ(ascii_lower("Content-Type: TEXT/HTML"), "content-type: text/html");
  EXPECT_EQ(ascii_lower("\xC3\x89T\xC3\x89"), "\xC3\x89t\xC3\x89");  // ÉTÉ: only the T
  EXPECT_EQ(ascii_lower('@'), '@');
  EXPECT_EQ(ascii_lower('['), '[');
  EXPECT_TRUE(iequals_ascii("DatePublished", "datepublished"));
  EXPECT_FALSE(iequals_ascii("date", "dates"));
  EXPECT_FALSE(iequals_ascii("\xC3\x89", "\xC3\xA9"));  // É and é: not ASCII
}

TEST(TextAnalyzer, LooseWordBytes) {
  for (unsigned char c : std::string_view("az09AZ\xC3\xA9"))
    EXPECT_TRUE(is_loose_word_byte(c)) << c;
  for (unsigned char c : std::string_view(" .,'-_&/@[`{")) EXPECT_FALSE(is_loose_word_byte(c)) << c;
}

TEST(TextAnalyzer, TermPrefixIsTheLeadingCapitals) {
  EXPECT_EQ(term_prefix("XPERSON:Ada Brennan"), "XPERSON");
  EXPECT_EQ(term_prefix("Zelect"), "Z");
  EXPECT_EQ(term_prefix("ZXPblinken"), "ZXP");
  EXPECT_EQ(term_prefix("election"), "");
  EXPECT_EQ(term_prefix("\xC3\xA9lan"), "");
  EXPECT_EQ(term_prefix(""), "");
}

// A word as the index holds it: what a stemmer-less TermGenerator makes of it.
std::vector<std::string> generator_words(const std::string& text) {
  Xapian::TermGenerator generator;
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text(text);
  std::vector<std::string> words;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) words.push_back(*it);
  return words;
}

TEST(TextAnalyzer, FoldCaseAndQueryKeyMatchTheIndexedWord) {
  EXPECT_EQ(fold_case("\xC3\x89LAN"), "\xC3\xA9lan");
  EXPECT_EQ(fold_case("\xC4\xB0STANBUL"), "istanbul");
  // One word each: the fold of the word is the indexed term.
  for (std::string word : {"Election", "\xC3\x89LAN", "Z\xC3\xBCRICH", "O'Brien"}) {
    EXPECT_EQ(std::vector<std::string>{fold_case(word)}, generator_words(word)) << word;
  }
  EXPECT_EQ(word_term("O\xE2\x80\x99"
                      "Brien"),
            "o'brien");
  EXPECT_EQ(generator_words("O\xE2\x80\x99"
                            "Brien"),
            std::vector<std::string>{word_term("O'Brien")});
  // The key of a query word is its indexed form without accents, which the index holds
  // beside every accented word.
  EXPECT_EQ(query_key("C\xC3\xB4te d'Ivoire"), "cote d'ivoire");
  EXPECT_EQ(query_key("united nations"), "united nations");
}

TEST(TextAnalyzer, IndexWordEndKeepsWhatTheTermGeneratorKeeps) {
  struct Case {
    std::string_view text;
    std::size_t start;
    std::string_view word;
  };
  const Case cases[] = {
      {"O'Brien cranez", 0, "O'Brien"},
      {"O\xE2\x80\x99"
       "Brien said",
       0,
       "O\xE2\x80\x99"
       "Brien"},
      {"AT&T shares", 0, "AT&T"},
      {"rock 'n' roll", 5, ""},                 // a quote before a word is not inside one
      {"the harbours' cranes", 4, "harbours"},  // nor after it
      {"caf\xC3\xA9 au lait", 0, "caf\xC3\xA9"},
      {"budget:2024", 0, "budget"},
      {"(blair)", 1, "blair"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    std::size_t end = index_word_end(c.text, c.start);
    EXPECT_EQ(c.text.substr(c.start, end - c.start), c.word);
  }
  // The pieces it finds are the words the TermGenerator indexes.
  EXPECT_EQ(generator_words("O'Brien"), std::vector<std::string>{"o'brien"});
  EXPECT_EQ(generator_words("AT&T"), std::vector<std::string>{"at&t"});
}

TEST(TextAnalyzer, IndexWordsInOrder) {
  EXPECT_EQ(
      index_words("The U.N. met O\xE2\x80\x99"
                  "Brien, then the UN met him."),
      (std::vector<std::string>{"the", "un", "met", "o'brien", "then", "the", "un", "met", "him"}));
  EXPECT_TRUE(index_words(" -- ").empty());
  EXPECT_EQ(join_words({"cote", "d'ivoire"}), "cote d'ivoire");
  EXPECT_EQ(join_words({}), "");
  EXPECT_EQ(split_at_spaces(" cote  d'ivoire "), (std::vector<std::string>{"cote", "d'ivoire"}));
  EXPECT_TRUE(split_at_spaces("  ").empty());
  EXPECT_EQ(split_at_spaces(join_words({"united", "nations"})),
            (std::vector<std::string>{"united", "nations"}));
}

TEST(TextAnalyzer, FoldForMatch) {
  struct Case {
    std::string_view name;
    std::string_view text;
    std::string_view folded;
  };
  const Case cases[] = {
      {"Empty", "", ""},
      {"Short", "AbZ", "abz"},
      // Past eight bytes, and every ASCII letter's edge: @ [ ` { stay.
      {"LongAscii", "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[`az{", "@abcdefghijklmnopqrstuvwxyz[`az{"},
      {"DotsGo", "U.N. talks. E.N.V.O.Y.", "un talks envoy"},
      {"DotInLongRun", "Prime Minister.Tony Blair", "prime ministertony blair"},
      {"Accents", "\xC3\x89LAN Z\xC3\xBCRICH caf\xC3\xA9 at the harbour",
       "\xC3\xA9lan z\xC3\xBCrich caf\xC3\xA9 at the harbour"},
      {"LowerCaseLonger", "\xC8\xBA", "\xE2\xB1\xA5"},      // U+023A -> U+2C65
      {"LowerCaseShorter", "\xC4\xB0STANBUL", "istanbul"},  // U+0130 -> i
      // The TermGenerator reads U+2019 as an apostrophe: "O’Neill" is the term o'neill.
      {"CurlyApostrophe", "O\xE2\x80\x99NEILL\xE2\x80\x99S", "o'neill's"},
      {"OtherQuotesStay", "\xE2\x80\x98Quoted\xE2\x80\x9D", "\xE2\x80\x98quoted\xE2\x80\x9D"},
      {"PoundSign",
       "\xC2\xA3"
       "10M FOR THE NEW HARBOUR",
       "\xC2\xA3"
       "10m for the new harbour"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(fold_for_match(c.text), c.folded);
  }
}

}  // namespace
}  // namespace newsdex
