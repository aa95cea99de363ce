// Tests of the interactive loop (commands read from a pipe, and a real session on a
// pseudo-terminal with editline's editing and history, in a child process) and of the
// bash completion script.
#include "interactive.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "support/pty_session.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

using testing::TempDir;

// Commands that log what they were asked, as "search:QUERY", "more" and "like:N"; the
// query "explode" throws.
InteractiveCommands logging_commands(std::vector<std::string>& log) {
  return {[&log](const std::string& query) {
            if (query == "explode") throw std::runtime_error("index gone");
            log.push_back("search:" + query);
          },
          [&log] { log.push_back("more"); },
          [&log](std::size_t n) { log.push_back("like:" + std::to_string(n)); },
          [&log](std::size_t n) { log.push_back("show:" + std::to_string(n)); },
          [&log](const std::string& order) { log.push_back("sort:" + order); },
          [&log] { log.push_back("facets"); }};
}

TEST(Interactive, CommandsFromAPipe) {
  struct Case {
    std::string_view name;
    std::string input;
    std::vector<std::string> log;
    std::string output;  // everything printed: no prompts when the input is no terminal
  };
  const Case cases[] = {
      {"QueryMoreLike", "ceasefire\n:more\n:like 2\n", {"search:ceasefire", "more", "like:2"}, ""},
      {"QueriesAreTrimmed", "  harbour strike \t\n", {"search:harbour strike"}, ""},
      {"EmptyLinesDoNothing", "\n   \n\n", {}, ""},
      {"LastLineWithoutNewline", "a\nb", {"search:a", "search:b"}, ""},
      {"QuitStops", "a\n:quit\nb\n", {"search:a"}, ""},
      {"ShortQuit", ":q\nb\n", {}, ""},
      {"MoreAndLikeNeedASearch",
       ":more\n:like 1\nx\n:more\n",
       {"search:x", "more"},
       "no search yet: type a query first\nno search yet: type a query first\n"},
      {"LikeNeedsAHitNumber",
       "x\n:like\n:like two\n:like 0\n:like -1\n:like  3 \n",
       {"search:x", "like:3"},
       ":like needs the number of a hit shown, e.g. :like 2\n"
       ":like needs the number of a hit shown, e.g. :like 2\n"
       ":like needs the number of a hit shown, e.g. :like 2\n"
       ":like needs the number of a hit shown, e.g. :like 2\n"},
      {"UnknownCommand",
       ":bogus\n:Quit\nok\n",
       {"search:ok"},
       "unknown command :bogus; :help lists the commands\n"
       "unknown command :Quit; :help lists the commands\n"},
      {"ErrorsAreOneLine",
       "explode\n:more\nafter\n",
       {"search:after"},
       "error: index gone\nno search yet: type a query first\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::FILE* in = std::tmpfile();
    std::FILE* out = std::tmpfile();
    ASSERT_TRUE(in != nullptr && out != nullptr);
    std::fwrite(c.input.data(), 1, c.input.size(), in);
    std::rewind(in);
    std::vector<std::string> log;
    EXPECT_EQ(run_interactive(logging_commands(log), "", in, out), 0);
    EXPECT_EQ(log, c.log);
    std::rewind(out);
    std::string output;
    for (int ch; (ch = std::fgetc(out)) != EOF;) output += static_cast<char>(ch);
    EXPECT_EQ(output, c.output);
    std::fclose(in);
    std::fclose(out);
  }
}

TEST(Interactive, AQueryGivenWithTheOptionIsAnsweredFirst) {
  std::FILE* in = std::tmpfile();
  std::FILE* out = std::tmpfile();
  ASSERT_TRUE(in != nullptr && out != nullptr);
  std::fputs(":more\n:show 2\n:show x\n:sort  oldest \n:sort\n:facets\n", in);
  std::rewind(in);
  std::vector<std::string> log;
  EXPECT_EQ(run_interactive(logging_commands(log), "", in, out, "  chelsea "), 0);
  EXPECT_EQ(
      log, (std::vector<std::string>{"search:chelsea", "more", "show:2", "sort:oldest", "facets"}));
  std::fclose(in);
  std::fclose(out);
}

TEST(Interactive, HelpListsTheCommands) {
  std::FILE* in = std::tmpfile();
  std::FILE* out = std::tmpfile();
  ASSERT_TRUE(in != nullptr && out != nullptr);
  std::fputs(":help\n", in);
  std::rewind(in);
  std::vector<std::string> log;
  run_interactive(logging_commands(log), "", in, out);
  std::rewind(out);
  std::string output;
  for (int ch; (ch = std::fgetc(out)) != EOF;) output += static_cast<char>(ch);
  for (std::string_view command : {":more", ":like N", ":help", ":quit"}) {
    EXPECT_NE(output.find(command), std::string::npos) << command << " missing in\n" << output;
  }
  EXPECT_TRUE(log.empty());
  std::fclose(in);
  std::fclose(out);
}

// run_interactive in a child process on a pseudo-terminal. The child's commands print
// markers ("<search:QUERY>", "<more>", "<like:N>") that the echo of typed keys can never
// look like.
int run_marking_loop(const std::string& history_path) {
  InteractiveCommands commands{[](const std::string& query) {
                                 if (query == "explode") throw std::runtime_error("index gone");
                                 std::printf("<search:%s>\n", query.c_str());
                               },
                               [] { std::printf("<more>\n"); },
                               [](std::size_t n) { std::printf("<like:%zu>\n", n); }};
  return run_interactive(commands, history_path, stdin, stdout);
}

class PtySession : public testing::PtySession {
 public:
  PtySession(const std::string& home, const std::string& history_path)
      : testing::PtySession(home, [history_path] { return run_marking_loop(history_path); }) {}
};

constexpr std::string_view kPrompt = "newsdex> ";
constexpr char kUp[] = "\x1b[A";
constexpr char kCtrlD[] = "\x04";

TEST(InteractiveTerminal, EditingSession) {
  TempDir dir;
  PtySession session(dir.path(), dir / "history");
  ASSERT_TRUE(session.started());
  struct Step {
    std::string keys;
    std::string expected;  // what must come next in the output
  };
  const Step steps[] = {
      {"ceasefire\n", "<search:ceasefire>"},
      {std::string(kUp) + "\n", "<search:ceasefire>"},  // the up arrow recalls the last line
      {":more\n", "<more>"},
      {":like 2\n", "<like:2>"},
      {":bogus\n", "unknown command :bogus"},
      {"\n", ""},  // an empty line: only a new prompt
      {"explode\n", "error: index gone"},
      // Editing: a typo rubbed out, four steps left, a letter put in.
      {"habourx\x7f\x1b[D\x1b[D\x1b[D\x1b[Dr\n", "<search:harbour>"},
  };
  ASSERT_TRUE(session.wait_for(kPrompt)) << session.output();
  for (const Step& step : steps) {
    SCOPED_TRACE(step.keys);
    session.type(step.keys);
    ASSERT_TRUE(session.wait_for(step.expected)) << session.output();
    ASSERT_TRUE(session.wait_for(kPrompt)) << session.output();
  }
  session.type(kCtrlD);
  EXPECT_EQ(session.wait_exit(), 0) << session.output();
  std::string history = testing::read_file(dir / "history");
  EXPECT_NE(history.find("ceasefire"), std::string::npos) << history;
  EXPECT_NE(history.find(":like"), std::string::npos) << history;
  EXPECT_EQ(std::filesystem::status(dir / "history").permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

TEST(InteractiveTerminal, HistoryKeptBetweenSessions) {
  TempDir dir;
  {
    PtySession first(dir.path(), dir / "history");
    ASSERT_TRUE(first.started());
    ASSERT_TRUE(first.wait_for(kPrompt)) << first.output();
    first.type("harbour strike\n");
    ASSERT_TRUE(first.wait_for("<search:harbour strike>")) << first.output();
    ASSERT_TRUE(first.wait_for(kPrompt)) << first.output();
    first.type(":quit\n");
    EXPECT_EQ(first.wait_exit(), 0) << first.output();
  }
  PtySession second(dir.path(), dir / "history");
  ASSERT_TRUE(second.started());
  ASSERT_TRUE(second.wait_for(kPrompt)) << second.output();
  second.type(std::string(kUp) + kUp + "\n");  // past ":quit" to the query
  EXPECT_TRUE(second.wait_for("<search:harbour strike>")) << second.output();
  second.type(kCtrlD);
  EXPECT_EQ(second.wait_exit(), 0) << second.output();
}

TEST(InteractiveTerminal, UnwritableHistoryIsNoHistory) {
  TempDir dir;
  std::string history = dir / "missing/history";
  PtySession session(dir.path(), history);
  ASSERT_TRUE(session.started());
  ASSERT_TRUE(session.wait_for(kPrompt)) << session.output();
  session.type("ceasefire\n");
  EXPECT_TRUE(session.wait_for("<search:ceasefire>")) << session.output();
  ASSERT_TRUE(session.wait_for(kPrompt)) << session.output();
  session.type(kCtrlD);
  EXPECT_EQ(session.wait_exit(), 0) << session.output();
  EXPECT_FALSE(std::filesystem::exists(history));
}

// The build names the script (search/completion/newsdex.bash) in NEWSDEX_COMPLETION_FILE.
#ifdef NEWSDEX_COMPLETION_FILE

// What the completion function `function` offers for the command line `words` (split as
// bash splits it, at "=" and ":" too) with the cursor in the last word, sorted.
std::string complete(const std::string& function, const std::vector<std::string>& words) {
  std::string script = "source '" NEWSDEX_COMPLETION_FILE "' || exit 1\nCOMP_WORDS=(";
  for (const std::string& word : words) script += " '" + word + "'";
  script += ")\nCOMP_CWORD=" + std::to_string(words.size() - 1) + "\n" + function +
            "\nprintf '%s\\n' \"${COMPREPLY[@]}\" | LC_ALL=C sort | paste -sd ' '\n";
  testing::ProcessResult result =
      testing::run_process({"/bin/bash", "--norc", "--noprofile", "-c", script});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  std::string out = result.out;
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

TEST(Completion, SearchOptionsValuesAndFields) {
  struct Case {
    std::vector<std::string> words;
    std::string offered;
  };
  const Case cases[] = {
      {{"newsdex-search", "--so"}, "--sort"},
      {{"newsdex-search", "--pa"}, "--passages --paths-only"},
      {{"newsdex-search", "--inter"}, "--interactive"},
      {{"newsdex-search", "--allow"}, "--allow-missing-shards"},
      {{"newsdex-search", "--sort", "d"}, "date"},
      {{"newsdex-search", "--sort", "=", "r"}, "relevance"},
      {{"newsdex-search", "--sort", "="}, "date oldest relevance"},
      {{"newsdex-search", "--duplicates", ""}, "collapse show"},
      {{"newsdex-search", "--undated", ""}, "exclude include only"},
      {{"newsdex-search", "--undated", "=", "i"}, "include"},
      {{"newsdex-search", "--color", ""}, "always auto never"},
      {{"newsdex-search", "--list", "pl"}, "places"},
      {{"newsdex-search", "--list", "o"}, "organizations"},
      {{"newsdex-search", "--timeline", "=", "w"}, "week"},
      {{"newsdex-search", "--timeline", "="}, "day month week year"},
      // Without "=", the word after --timeline is a query word.
      {{"newsdex-search", "--timeline", "w"}, ""},
      {{"newsdex-search", "--timeline", "ti"}, "title:"},
      {{"newsdex-search", "--limit", ""}, ""},
      {{"newsdex-search", "--passages", ""}, ""},
      {{"newsdex-search", "per"}, "person:"},
      {{"newsdex-search", "--json", "ceasefire", "pl"}, "place:"},
      {{"newsdex-search", "s"}, "section: source:"},
      {{"newsdex-search", "title", ":", "har"}, ""},
      {{"newsdex-search", "title", ":"}, ""},
      {{"newsdex-index", "--re"}, "--rebuild --report-json --retry-skipped"},
      {{"newsdex-index", "--no"}, "--no-entities --no-learn-residue"},
      {{"newsdex-index", "-j", ""}, ""},
  };
  for (const Case& c : cases) {
    std::string line;
    for (const std::string& word : c.words) line += word + " ";
    SCOPED_TRACE(line);
    std::string function = c.words[0] == "newsdex-index" ? "_newsdex_index" : "_newsdex_search";
    EXPECT_EQ(complete(function, c.words), c.offered);
  }
}

TEST(Completion, EveryOptionAfterADash) {
  std::set<std::string> offered;
  std::istringstream words(complete("_newsdex_search", {"newsdex-search", "-"}));
  for (std::string word; words >> word;) offered.insert(word);
  for (std::string option :
       {"--db", "--json", "--facets", "--paths-only", "-0", "--like", "--related", "--autocorrect",
        "--help-query", "-i", "--allow-missing-shards", "--timeout", "--version"}) {
    EXPECT_TRUE(offered.contains(option)) << option;
  }
  EXPECT_FALSE(offered.contains("--full"));  // options of newsdex-index
  EXPECT_FALSE(offered.contains("--shards"));
}

TEST(Completion, FoldersForTheIndexAndRoots) {
  TempDir dir;
  testing::write_file(dir / "index-a/flintlock", "");
  testing::write_file(dir / "index-b/flintlock", "");
  testing::write_file(dir / "index-notes.txt", "");
  std::string folders = dir / "index-a" + " " + dir / "index-b";
  struct Case {
    std::vector<std::string> words;
    std::string offered;
  };
  const Case cases[] = {
      {{"newsdex-search", "--db", dir / "ind"}, folders},
      {{"newsdex-search", "-d", dir / "ind"}, folders},
      {{"newsdex-search", "--db", "=", dir / "index-b"}, dir / "index-b"},
      {{"newsdex-index", "--db", dir / "ind"}, folders},
      {{"newsdex-index", "--full", dir / "ind"}, folders},  // ROOT folders
      {{"newsdex-index", "--config", dir / "index-n"}, dir / "index-notes.txt"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.words[1]);
    std::string function = c.words[0] == "newsdex-index" ? "_newsdex_index" : "_newsdex_search";
    EXPECT_EQ(complete(function, c.words), c.offered);
  }
}

#else

TEST(Completion, NeedsTheScriptPath) {
  GTEST_SKIP() << "the build does not define NEWSDEX_COMPLETION_FILE";
}

#endif  // NEWSDEX_COMPLETION_FILE

}  // namespace
}  // namespace newsdex
