// --csv, --tsv and --fields through the real binaries: every row says what --json says
// of the same hit, CSV quoting survives commas, quotes and line breaks, and each misuse
// is one line and exit 2.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "e2e_support.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// RFC 4180, as a spreadsheet reads it: quoted values may hold separators, doubled
// quotes and line breaks. Fails the test on a quote in the middle of a bare value.
Rows parse_csv(const std::string& text) {
  Rows rows(1);
  std::string value;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        value += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        value += c;
      }
    } else if (c == '"') {
      EXPECT_TRUE(value.empty()) << "a quote inside a bare value at byte " << i;
      quoted = was_quoted = true;
    } else if (c == ',' || c == '\n') {
      rows.back().push_back(value);
      value.clear();
      was_quoted = false;
      if (c == '\n') rows.emplace_back();
    } else {
      value += c;
    }
  }
  EXPECT_FALSE(quoted) << "an unclosed quote";
  EXPECT_TRUE(value.empty() && !was_quoted) << "the last line has no line end";
  rows.pop_back();
  return rows;
}

Rows parse_tsv(const std::string& text) {
  Rows rows;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    std::vector<std::string>& row = rows.emplace_back();
    std::string line = text.substr(start, end - start);
    for (std::size_t from = 0;;) {
      const std::size_t tab = line.find('\t', from);
      row.push_back(line.substr(from, tab - from));
      if (tab == std::string::npos) break;
      from = tab + 1;
    }
  }
  EXPECT_EQ(start, text.size()) << "the last line has no line end";
  return rows;
}

std::string joined(const nlohmann::json& names, const char* separator) {
  std::string text;
  for (const nlohmann::json& name : names) {
    if (!text.empty()) text += separator;
    text += name.get<std::string>();
  }
  return text;
}

class TableOutput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    // Titles and text that a naive writer would break: commas, quotes, a line break
    // inside a passage's paragraph.
    write_file(*dir_ / "corpus/world/vote.txt",
               "Mayor says \"no\", then yes, to the Wexmouth quay\n\n"
               "The mayor of Wexmouth said \"no\" to the quay on Monday, then yes on Friday,\n"
               "after a vote of the harbour board.\n");
    write_file(*dir_ / "corpus/business/quay.txt",
               "Quay builders, Wexmouth\n\nBuilders of the Wexmouth quay won a contract from "
               "the harbour board.\n");
    write_file(*dir_ / "corpus/sport/regatta.txt",
               "Regatta at Wexmouth\n\nThe Wexmouth regatta drew sailors from Brest and Cork.\n");
    indexed_ = new ProcessResult(run_indexer({"--db", db(), *dir_ / "corpus"}));
  }
  static void TearDownTestSuite() {
    delete indexed_;
    delete dir_;
  }
  void SetUp() override { ASSERT_EQ(indexed_->exit_code, 0) << indexed_->err; }
  static std::string db() { return *dir_ / "index"; }
  static ProcessResult search(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db()});
    return run_search(args);
  }
  static std::vector<nlohmann::json> hits(const std::string& query) {
    return json_records(search({"--json", "--passages", "2", query}).out, "hit");
  }

  static inline TempDir* dir_ = nullptr;
  static inline ProcessResult* indexed_ = nullptr;
};

const std::vector<std::string> kDefaultColumns = {
    "rank",   "id",    "path",    "title",  "section", "date",          "source",
    "author", "score", "similar", "people", "places",  "organizations", "topics"};

TEST_F(TableOutput, CsvRowsSayWhatJsonSaysOfEachHit) {
  ProcessResult csv = search({"--csv", "wexmouth"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  const Rows rows = parse_csv(csv.out);
  const std::vector<nlohmann::json> json = hits("wexmouth");
  ASSERT_EQ(json.size(), 3u);
  ASSERT_EQ(rows.size(), json.size() + 1);
  EXPECT_EQ(rows[0], kDefaultColumns);
  for (std::size_t i = 0; i < json.size(); ++i) {
    const auto& row = rows[i + 1];
    ASSERT_EQ(row.size(), kDefaultColumns.size()) << i;
    EXPECT_EQ(row[0], std::to_string(i + 1));
    EXPECT_EQ(row[1], json[i].at("id"));
    EXPECT_EQ(row[2], json[i].at("path"));
    EXPECT_EQ(row[3], json[i].at("title"));
    EXPECT_EQ(row[5], json[i].at("date").is_null() ? "" : json[i].at("date").get<std::string>());
    EXPECT_EQ(row[10], joined(json[i].at("people"), "; "));
    EXPECT_EQ(row[11], joined(json[i].at("places"), "; "));
  }
  // The title with quotes and commas came back whole.
  EXPECT_NE(std::find_if(rows.begin(), rows.end(),
                         [](const auto& row) {
                           return row[3] == "Mayor says \"no\", then yes, to the Wexmouth quay";
                         }),
            rows.end())
      << csv.out;
}

TEST_F(TableOutput, FieldsChooseTheColumnsAndTheirOrder) {
  ProcessResult csv = search({"--csv", "--fields", "title,passages,rank", "mayor"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  const Rows rows = parse_csv(csv.out);
  ASSERT_EQ(rows.size(), 2u) << csv.out;
  EXPECT_EQ(rows[0], (std::vector<std::string>{"title", "passages", "rank"}));
  const nlohmann::json hit = hits("mayor").front();
  std::string passages;
  for (const nlohmann::json& passage : hit.at("passages")) {
    passages += (passages.empty() ? "" : " … ") + passage.at("text").get<std::string>();
  }
  EXPECT_EQ(rows[1], (std::vector<std::string>{hit.at("title"), passages, "1"}));

  // The same fields in JSON: the type first, then those keys only, in that order.
  ProcessResult json = search({"--json", "--fields", "title,passages,rank", "mayor"});
  const nlohmann::json selected = json_records(json.out, "hit").front();
  std::vector<std::string> keys;
  for (auto it = selected.begin(); it != selected.end(); ++it) keys.push_back(it.key());
  EXPECT_NE(json.out.find("{\"type\":\"hit\",\"title\":"), std::string::npos) << json.out;
  EXPECT_EQ(selected.size(), 4u) << json.out;
  EXPECT_EQ(selected.at("rank"), 1);
  EXPECT_EQ(selected.at("passages"), hit.at("passages"));
}

TEST_F(TableOutput, TsvHasOneLinePerHitAndNoTabsInsideValues) {
  ProcessResult tsv =
      search({"--tsv", "--fields", "id,title,passages", "--passages", "3", "wexmouth"});
  ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
  const Rows rows = parse_tsv(tsv.out);
  ASSERT_EQ(rows.size(), 4u) << tsv.out;
  for (const auto& row : rows) EXPECT_EQ(row.size(), 3u) << tsv.out;
  const std::vector<nlohmann::json> json = hits("wexmouth");
  for (std::size_t i = 0; i < json.size(); ++i) EXPECT_EQ(rows[i + 1][0], json[i].at("id"));
}

TEST_F(TableOutput, ListsAreNameAndCountRows) {
  ProcessResult csv = search({"--csv", "--list", "places"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  const Rows rows = parse_csv(csv.out);
  const std::vector<nlohmann::json> values =
      json_records(search({"--json", "--list", "places"}).out, "value");
  ASSERT_FALSE(values.empty());
  ASSERT_EQ(rows.size(), values.size() + 1);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"name", "count"}));
  for (std::size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(rows[i + 1][0], values[i].at("name"));
    EXPECT_EQ(rows[i + 1][1], std::to_string(values[i].at("count").get<int>()));
  }
  // No match: the header alone, so a script still reads its columns.
  ProcessResult none = search({"--csv", "zzzyqx"});
  EXPECT_EQ(none.exit_code, 0) << none.err;
  EXPECT_EQ(parse_csv(none.out), Rows{kDefaultColumns});
}

TEST_F(TableOutput, EachMisuseIsOneLineAndExit2) {
  const std::vector<std::vector<std::string>> misuses = {
      {"--csv", "--fields", "title,nope", "wexmouth"},
      {"--json", "--fields", "title,title", "wexmouth"},
      {"--json", "--fields", "", "wexmouth"},
      {"--fields", "title", "wexmouth"},
      {"--csv", "--tsv", "wexmouth"},
      {"--csv", "--json", "wexmouth"},
      {"--csv", "--facets", "wexmouth"},
      {"--tsv", "--timeline", "wexmouth"},
      {"--csv", "--count", "wexmouth"},
      {"--json", "--fields", "title", "--list", "places"},
  };
  for (const auto& args : misuses) {
    ProcessResult run = search(args);
    EXPECT_EQ(run.exit_code, 2) << args[0] << " " << args[1];
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_EQ(run.err.find("newsdex-search: "), 0u) << run.err;
    // The message, then the --help hint.
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 2) << run.err;
  }
}

}  // namespace
}  // namespace newsdex::testing
