// Tests of UTF-8 validation and of the decoding of article bytes into UTF-8.
#include "newsdex/text_decoding.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "newsdex/errors.h"

namespace newsdex {
namespace {

// Bytes as written in the test table: a string_view keeps embedded NULs out of the way.
std::string bytes_of(std::string_view text) { return std::string(text); }

TEST(TextDecoding, ValidatesUtf8) {
  struct Case {
    std::string_view name;
    std::string bytes;
    bool valid;
  };
  const Case cases[] = {
      {"Empty", "", true},
      {"Ascii", "plain text, 42!", true},
      {"TwoByte", "caf\xC3\xA9", true},
      {"ThreeByteEuro", "\xE2\x82\xAC", true},
      {"FourByteEmoji", "\xF0\x9F\x98\x80", true},
      {"LastBeforeSurrogates", "\xED\x9F\xBF", true},
      {"HighestCodePoint", "\xF4\x8F\xBF\xBF", true},
      {"OverlongNul", "\xC0\x80", false},
      {"OverlongTwoByte", "\xC1\xBF", false},
      {"OverlongThreeByte", "\xE0\x80\xAF", false},
      {"OverlongFourByte", "\xF0\x80\x80\xAF", false},
      {"Surrogate", "\xED\xA0\x80", false},
      {"LeadF5", "\xF5\x80\x80\x80", false},
      {"AboveHighestCodePoint", "\xF4\x90\x80\x80", false},
      {"LoneContinuation", "\x80", false},
      {"BadContinuation", "\xC3(", false},
      {"TruncatedThreeByte", "\xE2\x82", false},
      {"TruncatedAtEnd", "abc\xC3", false},
      {"Windows1252Byte", "caf\xE9", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(is_valid_utf8(c.bytes), c.valid);
  }
}

TEST(TextDecoding, DecodesBytes) {
  struct Case {
    std::string_view name;
    std::string bytes;
    std::string utf8;
    bool legacy_encoding;
    std::size_t replaced_bytes;
  };
  const Case cases[] = {
      {"Empty", "", "", false, 0},
      {"BomOnly", "\xEF\xBB\xBF", "", false, 0},
      {"BomStripped", "\xEF\xBB\xBFHarbour news", "Harbour news", false, 0},
      {"ValidUtf8Unchanged", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80",
       "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", false, 0},
      {"Latin1Letter", "caf\xE9", "caf\xC3\xA9", true, 0},
      {"EuroSign",
       "\x80"
       "5",
       "\xE2\x82\xAC"
       "5",
       true, 0},
      {"CurlyQuotes", "\x93quoted\x94", "\xE2\x80\x9Cquoted\xE2\x80\x9D", true, 0},
      {"DashAndEllipsis",
       "a\x96"
       "b\x85",
       "a\xE2\x80\x93"
       "b\xE2\x80\xA6",
       true, 0},
      {"Latin1HighRange", "\xA0\xFF", "\xC2\xA0\xC3\xBF", true, 0},
      {"UndefinedByte",
       "a\x81"
       "b",
       "a\xEF\xBF\xBD"
       "b",
       true, 1},
      {"AllUndefinedBytes", "\x81\x8D\x8F\x90\x9D",
       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", true, 5},
      {"BomThenWindows1252",
       "\xEF\xBB\xBF"
       "caf\xE9",
       "caf\xC3\xA9", true, 0},
      // One bad byte makes the whole file Windows-1252, valid sequences included.
      {"MixedIsReadAsWindows1252", "\xC3\xA9 \xE9", "\xC3\x83\xC2\xA9 \xC3\xA9", true, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    DecodedText decoded = decode_text(c.bytes);
    EXPECT_EQ(decoded.utf8, c.utf8);
    EXPECT_EQ(decoded.legacy_encoding, c.legacy_encoding);
    EXPECT_EQ(decoded.replaced_bytes, c.replaced_bytes);
    EXPECT_TRUE(is_valid_utf8(decoded.utf8));
  }
}

TEST(TextDecoding, NulInFirst8KiBMeansBinary) {
  constexpr std::size_t kSniff = 8192;
  struct Case {
    std::string_view name;
    std::string bytes;
    bool throws;
  };
  const Case cases[] = {
      {"NulFirst", bytes_of(std::string_view("\0abc", 4)), true},
      {"NulInText", bytes_of(std::string_view("Title\0\0\0rest", 12)), true},
      {"NulLastSniffedByte", std::string(kSniff - 1, 'a') + '\0', true},
      {"NulAfterSniffWindow", std::string(kSniff, 'a') + '\0', false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    if (c.throws) {
      EXPECT_THROW(decode_text(c.bytes), ArticleError);
    } else {
      EXPECT_EQ(decode_text(c.bytes).utf8, c.bytes);
    }
  }
}

TEST(TextDecoding, CountsCodePoints) {
  struct Case {
    std::string_view utf8;
    std::size_t code_points;
  };
  const Case cases[] = {
      {"", 0},
      {"abc", 3},
      {"caf\xC3\xA9", 4},
      {"\xE2\x82\xAC", 1},
      {"\xF0\x9F\x98\x80", 1},
      {"a\xE2\x80\xA6"
       "b",
       3},
      {"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80!", 4},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.utf8);
    EXPECT_EQ(count_code_points(c.utf8), c.code_points);
  }
}

}  // namespace
}  // namespace newsdex
