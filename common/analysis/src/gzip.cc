#include "newsdex/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <limits>
#include <new>

#include "newsdex/errors.h"

namespace newsdex {
namespace {

constexpr std::size_t kMiB = 1024 * 1024;
// Output is produced this many bytes at a time, so a bomb is stopped at most one chunk
// past the cap instead of after inflating everything.
constexpr std::size_t kOutputChunk = 64 * 1024;
// gzip wrapper only (no zlib or raw deflate), largest window.
constexpr int kGzipWindowBits = 15 + 16;

// Owns an inflate stream so every exit path releases zlib's state.
class Inflater {
 public:
  Inflater() {
    if (inflateInit2(&stream_, kGzipWindowBits) != Z_OK) throw std::bad_alloc();
  }
  ~Inflater() { inflateEnd(&stream_); }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  z_stream& stream() { return stream_; }

 private:
  z_stream stream_{};
};

[[noreturn]] void throw_corrupt() { throw ArticleError("corrupt gzip data"); }

[[noreturn]] void throw_too_large(std::size_t max_output_bytes) {
  std::size_t mib = max_output_bytes / kMiB + (max_output_bytes % kMiB != 0 ? 1 : 0);
  throw ArticleError("larger than " + std::to_string(mib) + " MB when decompressed");
}

}  // namespace

bool looks_gzipped(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
         static_cast<unsigned char>(bytes[1]) == 0x8B;
}

// Anything after a member must be another member: trailing garbage (even zero padding,
// which gzip(1) only warns about) counts as corrupt, and so does empty input.
std::string gunzip(std::string_view bytes, std::size_t max_output_bytes) {
  Inflater inflater;
  z_stream& stream = inflater.stream();
  // avail_in is a 32-bit uInt: larger inputs are fed in slices.
  constexpr std::size_t kMaxInputSlice = std::numeric_limits<uInt>::max();
  std::size_t fed = 0;
  std::array<unsigned char, kOutputChunk> chunk;
  std::string out;
  for (;;) {
    if (stream.avail_in == 0 && fed < bytes.size()) {
      std::size_t slice = std::min(bytes.size() - fed, kMaxInputSlice);
      // zlib never writes through next_in; the cast only satisfies its old C signature.
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + fed));
      stream.avail_in = static_cast<uInt>(slice);
      fed += slice;
    }
    stream.next_out = chunk.data();
    stream.avail_out = static_cast<uInt>(chunk.size());
    int status = inflate(&stream, Z_NO_FLUSH);
    // Input is refilled and output space is fresh on every call, so Z_BUF_ERROR (no
    // progress possible) means the input ended inside a member: truncated.
    if (status != Z_OK && status != Z_STREAM_END) throw_corrupt();
    std::size_t produced = chunk.size() - stream.avail_out;
    if (produced > max_output_bytes - out.size()) throw_too_large(max_output_bytes);
    out.append(reinterpret_cast<const char*>(chunk.data()), produced);
    if (status == Z_STREAM_END) {
      if (stream.avail_in == 0 && fed == bytes.size()) return out;
      if (inflateReset(&stream) != Z_OK) throw_corrupt();
    }
  }
}

}  // namespace newsdex
