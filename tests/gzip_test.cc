// Tests of gzip detection and decompression: round trips, concatenated members, damaged
// input and the output cap that stops compression bombs.
#include "newsdex/gzip.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/errors.h"

namespace newsdex {
namespace {

constexpr std::size_t kMiB = 1024 * 1024;
constexpr std::size_t kNoCap = 1024 * kMiB;

// One gzip member holding `repeat` copies of `chunk`, fed to deflate one copy at a time
// so a large payload never has to exist in memory.
std::string gzip_member(std::string_view chunk, std::size_t repeat = 1, int level = 9) {
  z_stream stream{};
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out;
  char buffer[16384];
  for (std::size_t i = 0; i < repeat; ++i) {
    bool last = i + 1 == repeat;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
    stream.avail_in = static_cast<uInt>(chunk.size());
    do {
      stream.next_out = reinterpret_cast<Bytef*>(buffer);
      stream.avail_out = sizeof buffer;
      deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
      out.append(buffer, sizeof buffer - stream.avail_out);
    } while (stream.avail_out == 0);
  }
  deflateEnd(&stream);
  return out;
}

// Bytes that deflate cannot shrink, so the compressed stream is long and varied.
std::string noise(std::size_t size) {
  std::string out(size, '\0');
  unsigned state = 12345;
  for (char& c : out) {
    state = state * 1103515245 + 12345;
    c = static_cast<char>(state >> 16);
  }
  return out;
}

std::string message_of(std::string_view bytes, std::size_t max_output_bytes) {
  try {
    gunzip(bytes, max_output_bytes);
  } catch (const ArticleError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Gzip, RecognisesMagicNumber) {
  struct Case {
    std::string_view name;
    std::string bytes;
    bool gzipped;
  };
  const Case cases[] = {
      {"Empty", "", false},
      {"FirstByteOnly", "\x1F", false},
      {"MagicOnly", "\x1F\x8B", true},
      {"RealMember", gzip_member("Harbour news"), true},
      {"SwappedBytes", "\x8B\x1F", false},
      {"PlainText", "Harbour news", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(looks_gzipped(c.bytes), c.gzipped);
  }
}

TEST(Gzip, RoundTrips) {
  struct Case {
    std::string_view name;
    std::vector<std::string> members;
  };
  const std::string big_noise = noise(300 * 1024);
  const Case cases[] = {
      {"EmptyPayload", {""}},
      {"ShortText", {"The ferry to the island runs twice a day again.\n"}},
      {"Utf8Text",
       {"Caf\xC3\xA9 owners welcome the \xE2\x82\xAC"
        "2 coffee tax cut.\n"}},
      {"EmbeddedNul", {std::string("a\0b", 3)}},
      {"ManyOutputChunks", {big_noise}},
      {"TwoMembers", {"Part one of the report.\n", "Part two follows.\n"}},
      {"EmptyMemberBetween", {"before ", "", "after"}},
      {"LargeMembersConcatenated", {big_noise, "tail text", big_noise}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string compressed;
    std::string expected;
    for (const std::string& member : c.members) {
      compressed += gzip_member(member);
      expected += member;
    }
    EXPECT_EQ(gunzip(compressed, kNoCap), expected);
  }
}

TEST(Gzip, RejectsDamagedData) {
  const std::string member = gzip_member("Storm closes the coast road for a second night.\n");
  const std::string large = gzip_member(noise(100 * 1024));
  auto flipped = [](std::string bytes, std::size_t at) {
    bytes[at] = static_cast<char>(bytes[at] ^ 0x55);
    return bytes;
  };
  struct Case {
    std::string_view name;
    std::string bytes;
  };
  const Case cases[] = {
      {"Empty", ""},
      {"MagicOnly", "\x1F\x8B"},
      {"HeaderOnly", member.substr(0, 10)},
      {"TruncatedData", member.substr(0, member.size() / 2)},
      {"TruncatedTrailer", member.substr(0, member.size() - 3)},
      {"TruncatedLargeMember", large.substr(0, large.size() - 1000)},
      {"BadMethodByte", flipped(member, 2)},
      {"CorruptedDeflateData", flipped(large, large.size() / 2)},
      {"WrongCrc", flipped(member, member.size() - 6)},
      {"WrongLength", flipped(member, member.size() - 2)},
      {"NotGzipAtAll", "plain text that was never compressed"},
      {"TrailingGarbage", member + "junk"},
      {"TrailingZeroPadding", member + std::string(8, '\0')},
      {"SecondMemberTruncated", member + member.substr(0, 20)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(message_of(c.bytes, kNoCap), "corrupt gzip data");
  }
}

TEST(Gzip, CapsDecompressedSize) {
  struct Case {
    std::string_view name;
    std::size_t payload_bytes;
    std::size_t max_output_bytes;
    std::string message;
  };
  const Case cases[] = {
      {"EmptyWithZeroCap", 0, 0, "no error"},
      {"OneByteOverZeroCap", 1, 0, "larger than 0 MB when decompressed"},
      {"ExactlyAtCap", kMiB, kMiB, "no error"},
      {"OneByteOverCap", kMiB + 1, kMiB, "larger than 1 MB when decompressed"},
      {"CapOneByteShort", kMiB, kMiB - 1, "larger than 1 MB when decompressed"},
      {"CapRoundedUpInMessage", 2 * kMiB, kMiB + kMiB / 2, "larger than 2 MB when decompressed"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string compressed = gzip_member(std::string(c.payload_bytes, 'x'));
    EXPECT_EQ(message_of(compressed, c.max_output_bytes), c.message);
  }
  std::string at_cap = gunzip(gzip_member(std::string(kMiB, 'x')), kMiB);
  EXPECT_EQ(at_cap.size(), kMiB);
}

TEST(Gzip, StopsCompressionBombsEarly) {
  const std::string zeros(kMiB, '\0');
  // 50 MiB of zeros in one member, about 50 KB compressed.
  const std::string one_member = gzip_member(zeros, 50);
  ASSERT_LT(one_member.size(), 100 * 1024u);
  // 16 GiB across 16384 members of 1 MiB: inflating it all before checking the size would
  // exhaust memory, so only an early stop passes.
  const std::string member = gzip_member(zeros);
  std::string many_members;
  for (int i = 0; i < 16 * 1024; ++i) many_members += member;
  struct Case {
    std::string_view name;
    const std::string& bytes;
  };
  const Case cases[] = {{"OneMember", one_member}, {"ManyMembers", many_members}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(message_of(c.bytes, kMiB), "larger than 1 MB when decompressed");
  }
}

}  // namespace
}  // namespace newsdex
