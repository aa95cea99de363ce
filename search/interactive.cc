#include "interactive.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <optional>
#include <string_view>

#include "editline.h"
#include "newsdex/utf8.h"

namespace newsdex {
namespace {

constexpr const char* kPrompt = "newsdex> ";
constexpr int kHistoryLines = 1000;
constexpr std::string_view kHelp =
    "Type a query to search, e.g. ceasefire person:\"Antony Blinken\" date:2024-02-01..\n"
    "  :more      the next page of results\n"
    "  :like N    articles like hit N of the page shown\n"
    "  :show N    hit N of the page shown, whole\n"
    "  :sort ORDER  relevance, date (newest first) or oldest\n"
    "  :facets    facets after the hits, on or off\n"
    "  :help      this help\n"
    "  :quit      leave (or Ctrl-D)\n"
    "Up and down arrows recall earlier lines.\n";

std::string_view trim(std::string_view text) {
  std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  std::size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

// Lines from a terminal through editline, with history; plain lines from anything else
// (or when editline cannot be loaded).
class LineReader {
 public:
  LineReader(std::FILE* in, std::FILE* out, const std::string& history_path)
      : in_(in),
        out_(out),
        history_path_(history_path),
        edit_(::isatty(::fileno(in)) == 1 ? editline() : nullptr),
        terminal_(::isatty(::fileno(in)) == 1) {
    if (edit_ == nullptr) return;
    *edit_->instream = in;
    *edit_->outstream = out;
    *edit_->readline_name = "newsdex";  // for "newsdex:" lines in ~/.editrc
    edit_->initialize();
    edit_->using_history();
    edit_->clear_history();
    edit_->stifle_history(kHistoryLines);
    if (!history_path_.empty()) edit_->read_history(history_path_.c_str());
  }

  // The next line without its line end; nullopt at the end of input.
  std::optional<std::string> read() {
    if (edit_ != nullptr) {
      char* line = edit_->readline(kPrompt);
      if (line == nullptr) return std::nullopt;
      std::string text(line);
      std::free(line);
      return text;
    }
    if (terminal_) {
      std::fputs(kPrompt, out_);
      std::fflush(out_);
    }
    std::string text;
    int c = 0;
    while ((c = std::fgetc(in_)) != EOF && c != '\n') text += static_cast<char>(c);
    if (c == EOF && text.empty()) return std::nullopt;
    return text;
  }

  void remember(const std::string& line) {
    if (edit_ != nullptr) edit_->add_history(line.c_str());
  }

  // Writes the history back; a failure only loses it. The file holds queries: keep it
  // private like a shell's history.
  void save() {
    if (edit_ == nullptr || history_path_.empty()) return;
    if (edit_->write_history(history_path_.c_str()) == 0) ::chmod(history_path_.c_str(), 0600);
  }

  bool terminal() const { return terminal_; }

 private:
  std::FILE* in_;
  std::FILE* out_;
  std::string history_path_;
  const Editline* edit_;
  bool terminal_;
};

// The N of ":like N": a whole number from 1; nullopt for anything else.
std::optional<std::size_t> hit_number(std::string_view text) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != text.npos) {
    return std::nullopt;
  }
  std::size_t n = std::stoul(std::string(text));
  return n > 0 ? std::optional(n) : std::nullopt;
}

void say(std::FILE* out, std::string_view line) {
  const std::string printable = printable_on_terminal(line);  // it may quote what was typed
  std::fwrite(printable.data(), 1, printable.size(), out);
  std::fputc('\n', out);
}

// Runs the commands that lines ask for.
class Session {
 public:
  Session(const InteractiveCommands& commands, std::FILE* out) : commands_(commands), out_(out) {}

  // Runs one trimmed, non-empty line; false when it asks to quit. Throws what the
  // commands throw.
  bool run(const std::string& line) {
    if (line[0] != ':') {
      commands_.search(line);
      searched_ = true;
      return true;
    }
    std::string_view command = line;
    std::string_view argument;
    if (std::size_t space = command.find(' '); space != std::string_view::npos) {
      argument = trim(command.substr(space));
      command = command.substr(0, space);
    }
    if (command == ":quit" || command == ":q") return false;
    if (command == ":help") {
      std::fwrite(kHelp.data(), 1, kHelp.size(), out_);
    } else if (command == ":sort") {
      if (argument.empty()) {
        say(out_, ":sort needs an order: relevance, date or oldest");
      } else {
        commands_.sort(std::string(argument));
      }
    } else if (command == ":facets") {
      commands_.facets();
    } else if (command != ":more" && command != ":like" && command != ":show") {
      say(out_, "unknown command " + std::string(command) + "; :help lists the commands");
    } else if (!searched_) {
      say(out_, "no search yet: type a query first");
    } else if (command == ":more") {
      commands_.more();
    } else if (std::optional<std::size_t> n = hit_number(argument)) {
      (command == ":like" ? commands_.like : commands_.show)(*n);
    } else {
      say(out_, std::string(command) + " needs the number of a hit shown, e.g. " +
                    std::string(command) + " 2");
    }
    return true;
  }

 private:
  const InteractiveCommands& commands_;
  std::FILE* out_;
  bool searched_ = false;  // whether a query succeeded: :more and :like need one
};

}  // namespace

int run_interactive(const InteractiveCommands& commands, const std::string& history_path,
                    std::FILE* in, std::FILE* out, const std::string& first_query) {
  LineReader reader(in, out, history_path);
  Session session(commands, out);
  if (std::string query(trim(first_query)); !query.empty()) {
    try {
      session.run(query);
    } catch (const std::exception& e) {
      say(out, std::string("error: ") + e.what());
    }
    std::fflush(out);
  }
  bool quit = false;
  while (!quit) {
    std::optional<std::string> read = reader.read();
    if (!read) {
      // Ctrl-D leaves the cursor after the prompt: the shell's prompt needs a new line.
      if (reader.terminal()) std::fputc('\n', out);
      break;
    }
    std::string line(trim(*read));
    if (line.empty()) continue;
    reader.remember(line);
    try {
      quit = !session.run(line);
    } catch (const std::exception& e) {
      say(out, std::string("error: ") + e.what());
    }
    std::fflush(out);
  }
  std::fflush(out);
  reader.save();
  return 0;
}

}  // namespace newsdex
