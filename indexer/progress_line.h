// The progress display of a long indexer run on a terminal: one line rewritten in
// place, "indexing: 1,200/21,000 files, 540 articles/s, 0:02 elapsed, 0:33 left".
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>

namespace newsdex {

class ProgressLine {
 public:
  // `out` must be a terminal (the line is redrawn with a carriage return).
  explicit ProgressLine(std::ostream& out);

  // Redraws at most ten times a second; the first call always draws.
  void update(std::size_t done, std::size_t total);

  // Clears the line, so the summary that follows starts on a clean one. Idempotent.
  void finish();

 private:
  std::ostream& out_;
  std::chrono::steady_clock::time_point started_, last_draw_;
  bool drawn_ = false;
};

// "0:07", "12:34", "1:02:03".
std::string format_duration(double seconds);

}  // namespace newsdex
