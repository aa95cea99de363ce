// Interactive search: a prompt loop with line editing and history (editline), which
// turns what the user types into calls the search tool provides.
#pragma once

#include <cstddef>
#include <cstdio>
#include <functional>
#include <string>

namespace newsdex {

// What the loop calls. Each may throw std::exception: the loop prints its message as one
// line and goes on. Output of their own that does not go through `out` should be flushed
// before they return, so that it comes before the next prompt.
struct InteractiveCommands {
  // A new query (trimmed, not empty): show its first page.
  std::function<void(const std::string& query)> search;
  // ":more": the next page of the last query.
  std::function<void()> more;
  // ":like N": articles like hit N, N (at least 1) as typed: the number printed before a
  // hit of the last page shown.
  std::function<void(std::size_t hit_number)> like;
  // ":show N": hit N of the last page shown, whole.
  std::function<void(std::size_t hit_number)> show;
  // ":sort ORDER" (relevance, date or oldest) and ":facets" (on or off in turn): change
  // how the results are shown, and show the last query's first page again.
  std::function<void(const std::string& order)> sort;
  std::function<void()> facets;
};

// Reads lines from `in` until ":quit" or the end of input (Ctrl-D) and returns 0:
// - any other text is a new query;
// - ":more" and ":like N" need a query that succeeded before; ":help" lists the
//   commands; an unknown ":command" or a bad argument prints one line;
// - an empty line does nothing.
// When `in` is a terminal, lines are read with editline (prompt "newsdex> ", Emacs-style
// editing, up/down arrows recall earlier lines) and the history is read from
// `history_path` first and written back at the end; an unreadable or unwritable file,
// or an empty path, just means no history kept. Otherwise (a pipe, a file) lines are
// read plainly, with no prompt and no history. Uses editline's global state: one loop at
// a time per process, on one thread. A non-empty `first_query` (newsdex-search -i QUERY)
// is answered before the first line is read.
int run_interactive(const InteractiveCommands& commands, const std::string& history_path,
                    std::FILE* in, std::FILE* out, const std::string& first_query = "");

}  // namespace newsdex
