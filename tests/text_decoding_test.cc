// Tests of UTF-8 validation and of the decoding of article bytes into UTF-8.
#include "newsdex/text_decoding.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "newsdex/errors.h"

namespace newsdex {
namespace {

// Bytes as written in the test table: a string_view keeps embedded NULs out of the way.
std::string bytes_of(std::string_view text) { return std::string(text); }

constexpr std::string_view kBinaryMessage = "not a text file (contains NUL bytes)";

// UTF-16 bytes of `units` in the given byte order, after a byte order mark if `bom`.
std::string utf16(std::u16string_view units, bool big_endian, bool bom = true) {
  std::string out;
  auto put = [&](char16_t unit) {
    char high = static_cast<char>(unit >> 8), low = static_cast<char>(unit & 0xFF);
    out += big_endian ? high : low;
    out += big_endian ? low : high;
  };
  if (bom) put(0xFEFF);
  for (char16_t unit : units) put(unit);
  return out;
}

std::string repeated(std::string_view text, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

std::u16string repeated(std::u16string_view text, std::size_t times) {
  std::u16string out;
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

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
      // Long enough for the eight-byte ASCII blocks, bad bytes inside and after them.
      {"LongAscii", "The ferry runs twice a day again.", true},
      {"LongMixed",
       "Ferry fares rise by \xE2\x82\xAC"
       "2 from Monday, caf\xC3\xA9s close.",
       true},
      {"BadByteAfterBlocks", "The ferry runs twice a day again\xE9", false},
      {"BadByteInsideBlock", "The ferry\xE9runs twice a day", false},
      {"TruncatedAfterBlocks", "The ferry runs twice a day\xE2\x82", false},
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
      {"Latin1Sentence",
       "Z\xFCrich se\xF1or na\xEFve \xC6sop \xA3"
       "5",
       "Z\xC3\xBCrich se\xC3\xB1or na\xC3\xAFve \xC3\x86sop \xC2\xA3"
       "5",
       true, 0},
      {"SmartQuotesAndEuro",
       "\x91Prices\x92 rose \x96 to \x80"
       "3\x99",
       "\xE2\x80\x98Prices\xE2\x80\x99 rose \xE2\x80\x93 to \xE2\x82\xAC"
       "3\xE2\x84\xA2",
       true, 0},
      // Control bytes below 0x80 mean the same in both encodings.
      {"AsciiControlsKept", "tab\there\r\n\xE9", "tab\there\r\n\xC3\xA9", true, 0},
      // A C1 control written as valid UTF-8 stays: only Windows-1252 bytes can be undefined.
      {"Utf8C1ControlKept", "line\xC2\x85next", "line\xC2\x85next", false, 0},
      {"LongWindows1252", repeated("caf\xE9 \x81 ", 5000),
       repeated("caf\xC3\xA9 \xEF\xBF\xBD ", 5000), true, 5000},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    DecodedText decoded = decode_text(c.bytes);
    EXPECT_EQ(decoded.utf8, c.utf8);
    EXPECT_EQ(decoded.legacy_encoding, c.legacy_encoding);
    EXPECT_EQ(decoded.replaced_bytes, c.replaced_bytes);
    EXPECT_EQ(decoded.encoding, c.legacy_encoding ? "windows-1252" : "utf-8");
    EXPECT_TRUE(is_valid_utf8(decoded.utf8));
  }
}

TEST(TextDecoding, DecodesUtf16WithByteOrderMark) {
  struct Case {
    std::string_view name;
    std::u16string units;
    std::string utf8;
    std::size_t replaced_bytes;
  };
  const Case cases[] = {
      {"MarkOnly", u"", "", 0},
      {"Ascii", u"Harbour news", "Harbour news", 0},
      {"LatinAndEuro",
       u"caf\u00E9 \u20AC"
       "5",
       "caf\xC3\xA9 \xE2\x82\xAC"
       "5",
       0},
      {"SurrogatePairs", u"a\U0001F600b\U00010348",
       "a\xF0\x9F\x98\x80"
       "b\xF0\x90\x8D\x88",
       0},
      {"C1ControlKept", u"line\u0085next", "line\xC2\x85next", 0},
      {"RealReplacementCharNotCounted", u"x\uFFFDy", "x\xEF\xBF\xBDy", 0},
      {"UnpairedLead",
       u"a\xD83D"
       "b",
       "a\xEF\xBF\xBD"
       "b",
       2},
      {"UnpairedTrail",
       u"a\xDE00"
       "b",
       "a\xEF\xBF\xBD"
       "b",
       2},
      {"LeadAtEnd", u"ab\xD83D", "ab\xEF\xBF\xBD", 2},
      {"TwoLeads", u"\xD83D\xD83D\xDE00", "\xEF\xBF\xBD\xF0\x9F\x98\x80", 2},
      // Units 8191 and 8192 form a pair: it straddles the end of the first 8192-unit chunk.
      {"PairsAcrossChunks", repeated(u"a\U0001F600", 10000), repeated("a\xF0\x9F\x98\x80", 10000),
       0},
  };
  for (const Case& c : cases) {
    for (bool big_endian : {false, true}) {
      SCOPED_TRACE(std::string(c.name) + (big_endian ? " BE" : " LE"));
      DecodedText decoded = decode_text(utf16(c.units, big_endian));
      EXPECT_EQ(decoded.utf8, c.utf8);
      EXPECT_EQ(decoded.encoding, big_endian ? "utf-16be" : "utf-16le");
      EXPECT_FALSE(decoded.legacy_encoding);
      EXPECT_EQ(decoded.replaced_bytes, c.replaced_bytes);
      EXPECT_TRUE(is_valid_utf8(decoded.utf8));
    }
  }
}

TEST(TextDecoding, Utf16OddLastByteIsReplaced) {
  struct Case {
    std::string_view name;
    std::string bytes;
    std::string utf8;
    std::string_view encoding;
  };
  const Case cases[] = {
      {"LittleEndian", utf16(u"ab", false) + "c", "ab\xEF\xBF\xBD", "utf-16le"},
      {"BigEndian", utf16(u"ab", true) + "c", "ab\xEF\xBF\xBD", "utf-16be"},
      {"MarkAndOneByte",
       "\xFF\xFE"
       "c",
       "\xEF\xBF\xBD", "utf-16le"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    DecodedText decoded = decode_text(c.bytes);
    EXPECT_EQ(decoded.utf8, c.utf8);
    EXPECT_EQ(decoded.encoding, c.encoding);
    EXPECT_EQ(decoded.replaced_bytes, 1u);
  }
}

TEST(TextDecoding, NulInFirst8KiBMeansBinary) {
  constexpr std::size_t kSniff = 8192;
  struct Case {
    std::string_view name;
    std::string bytes;
    std::optional<std::string> utf8;  // nullopt: rejected as binary
  };
  const Case cases[] = {
      {"NulFirst", bytes_of(std::string_view("\0abc", 4)), std::nullopt},
      {"NulInText", bytes_of(std::string_view("Title\0\0\0rest", 12)), std::nullopt},
      {"NulLastSniffedByte", std::string(kSniff - 1, 'a') + '\0', std::nullopt},
      {"NulAfterSniffWindow", std::string(kSniff, 'a') + '\0', std::string(kSniff, 'a') + '\0'},
      {"Utf8BomThenNul", bytes_of(std::string_view("\xEF\xBB\xBFok\0", 6)), std::nullopt},
      // Without a byte order mark UTF-16 cannot be told from binary data: rejected.
      {"Utf16LeWithoutMark", utf16(u"News", false, false), std::nullopt},
      {"Utf16BeWithoutMark", utf16(u"News", true, false), std::nullopt},
      {"Utf16LeWithMark", utf16(u"News", false), "News"},
      {"Utf16BeWithMark", utf16(u"News", true), "News"},
      {"Utf16NulCharacter", utf16(std::u16string(u"a\0b", 3), false), std::nullopt},
      // FF FE 00 00 is the UTF-32LE mark; read as UTF-16LE it starts with U+0000.
      {"Utf32LeMark", bytes_of(std::string_view("\xFF\xFE\0\0a\0\0\0", 8)), std::nullopt},
      {"Utf16NulAfterSniffWindow", utf16(std::u16string(kSniff, u'a') + u'\0', false),
       std::string(kSniff, 'a') + '\0'},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    if (!c.utf8) {
      try {
        decode_text(c.bytes);
        ADD_FAILURE() << "no ArticleError";
      } catch (const ArticleError& e) {
        EXPECT_EQ(e.what(), kBinaryMessage);
      }
    } else {
      EXPECT_EQ(decode_text(c.bytes).utf8, *c.utf8);
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
      // Longer than eight bytes, with sequences across the eight-byte steps.
      {"Z\xC3\xBCrich caf\xC3\xA9 \xE2\x80\x9Cplain\xE2\x80\x9D \xF0\x9F\x98\x80 end", 25},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.utf8);
    EXPECT_EQ(count_code_points(c.utf8), c.code_points);
  }
}

TEST(TerminalText, ControlCharactersBecomeOneReplacementEach) {
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(printable_on_terminal("plain caf\xC3\xA9 \xE2\x80\xA6"),
            "plain caf\xC3\xA9 \xE2\x80\xA6");
  EXPECT_EQ(printable_on_terminal("a\x1b[2Jb"), "a" + replacement + "[2Jb");
  EXPECT_EQ(printable_on_terminal("x\x07y\x7fz"), "x" + replacement + "y" + replacement + "z");
  EXPECT_EQ(printable_on_terminal("c1 \xC2\x9B"
                                  "31m"),
            "c1 " + replacement + "31m")
      << "U+009B is CSI";
  EXPECT_EQ(printable_on_terminal("tab\there\nline\r"), "tab here line ");
  EXPECT_EQ(printable_on_terminal("bad \xFF byte"), "bad " + replacement + " byte");
  // One code point stays one code point: highlight offsets still hold.
  std::string hostile = "\x1b]0;pwned\x07 title \xC2\x85 \xC3\xA9";
  EXPECT_EQ(count_code_points(printable_on_terminal(hostile)), count_code_points(hostile));
}

}  // namespace
}  // namespace newsdex
