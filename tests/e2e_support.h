// Helpers shared by the end-to-end suites: run the real binaries, read their output.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/code_points.h"
#include "support/run_process.h"

namespace newsdex::testing {

inline ProcessResult run_indexer(std::vector<std::string> args) {
  args.insert(args.begin(), NEWSDEX_INDEX_BIN);
  return run_process(args);
}

inline ProcessResult run_search(std::vector<std::string> args,
                                const std::map<std::string, std::string>& env = {}) {
  args.insert(args.begin(), NEWSDEX_SEARCH_BIN);
  return run_process(args, env);
}

// The JSON objects of JSON Lines output; fails the test on a line that does not parse.
inline std::vector<nlohmann::json> parse_json_lines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    try {
      lines.push_back(nlohmann::json::parse(line));
    } catch (const nlohmann::json::exception& e) {
      ADD_FAILURE() << "not JSON: " << line << " (" << e.what() << ")";
    }
  }
  return lines;
}

// The records of one type of newsdex-search --json: "hit" (the default), "facets",
// "related", "timeline", "did_you_mean", "total" or, with --list, "value".
inline std::vector<nlohmann::json> json_records(const std::string& out,
                                                const std::string& type = "hit") {
  std::vector<nlohmann::json> records = parse_json_lines(out);
  std::erase_if(records, [&](const nlohmann::json& r) { return r.value("type", "") != type; });
  return records;
}

// The ids of the hits of a --json search, best first (the lines after them, such as
// facets or a spelling suggestion, have no id).
inline std::vector<std::string> hit_ids(const ProcessResult& result) {
  std::vector<std::string> ids;
  for (const auto& line : parse_json_lines(result.out)) {
    if (line.contains("id")) ids.push_back(line.at("id"));
  }
  return ids;
}

struct Summary {
  int added = -1, updated = -1, unchanged = -1, deleted = -1, skipped = -1;
};

// The counts of the indexer's summary line; all -1 when there is none.
inline Summary parse_summary(const std::string& err) {
  static const std::regex kLine(
      R"(indexed: (\d+) added, (\d+) updated, (\d+) unchanged, (\d+) deleted, (\d+) skipped in [0-9.]+ s)");
  Summary summary;
  std::smatch m;
  if (std::regex_search(err, m, kLine)) {
    summary = {std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4]), std::stoi(m[5])};
  }
  return summary;
}

// Number of article files (.txt) under a folder, counted independently of newsdex.
inline int count_articles(const std::string& root) {
  int count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") ++count;
  }
  return count;
}

}  // namespace newsdex::testing
