#include "progress_line.h"

#include <cstdio>
#include <string>

namespace newsdex {
namespace {

constexpr std::chrono::milliseconds kRedrawEvery{100};

}  // namespace

std::string format_duration(double seconds) {
  long total = seconds < 0 ? 0 : static_cast<long>(seconds + 0.5);
  char text[32];
  if (total >= 3600) {
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
  } else {
    std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
  }
  return text;
}

ProgressLine::ProgressLine(std::ostream& out)
    : out_(out), started_(std::chrono::steady_clock::now()) {}

void ProgressLine::update(std::size_t done, std::size_t total) {
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  drawn_ = true;
  double elapsed = std::chrono::duration<double>(now - started_).count();
  double rate = elapsed > 0 ? done / elapsed : 0;
  std::string left = rate > 0 ? format_duration((total - done) / rate) : "?";
  char line[160];
  std::snprintf(line, sizeof line,
                "\rindexing: %zu/%zu files, %.0f articles/s, %s elapsed, %s left\x1b[K", done,
                total, rate, format_duration(elapsed).c_str(), left.c_str());
  out_ << line << std::flush;
}

void ProgressLine::finish() {
  if (drawn_) out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace newsdex
