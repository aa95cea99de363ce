// Editline (libedit), loaded when `newsdex-search -i` first needs it rather than linked:
// the library and the three it pulls in (tinfo, bsd, md) cost every one-shot search
// about 0.2 ms of start-up, a tenth of what quest takes in all.
#pragma once

#include <cstdio>

namespace newsdex {

// The parts of editline's readline interface that interactive mode uses.
struct Editline {
  std::FILE** instream;
  std::FILE** outstream;
  const char** readline_name;
  int (*initialize)();
  void (*using_history)();
  void (*clear_history)();
  void (*stifle_history)(int);
  int (*read_history)(const char*);
  int (*write_history)(const char*);
  char* (*readline)(const char*);
  int (*add_history)(const char*);
};

// Editline, loaded on the first call; nullptr when the library or a symbol is missing
// (interactive mode then reads plain lines).
const Editline* editline();

}  // namespace newsdex
