#include "run_report.h"

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "newsdex/errors.h"
#include "rebuild.h"

namespace newsdex {

namespace {

// "; skipped: 2 empty file, 1 not valid JSON": the skips counted per reason.
std::string skip_breakdown(const IndexCounts& c) {
  if (c.skip_reasons.empty()) return {};
  std::string text = "; skipped:";
  const char* separator = " ";
  for (const auto& [reason, count] : c.skip_reasons) {
    text += separator + std::to_string(count) + " " + reason;
    separator = ", ";
  }
  return text;
}

}  // namespace

std::string format_summary(const IndexCounts& c, double seconds) {
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.2f", seconds);
  return std::string(c.interrupted ? "interrupted: " : "indexed: ") + std::to_string(c.added) +
         " added, " + std::to_string(c.updated) + " updated, " + std::to_string(c.unchanged) +
         " unchanged, " + std::to_string(c.deleted) + " deleted, " + std::to_string(c.skipped) +
         " skipped in " + elapsed + " s" + skip_breakdown(c) +
         (c.skipped_remembered > 0 ? "; " + std::to_string(c.skipped_remembered) +
                                         " remembered from earlier runs (--status lists them)"
                                   : "") +
         (c.replaced_bytes > 0 ? "; " + std::to_string(c.replaced_bytes) + " invalid bytes replaced"
                               : "");
}

std::string utc_now() {
  char when[32];
  std::time_t now = std::time(nullptr);
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return when;
}

std::uintmax_t index_size_on_disk(const std::string& db_path) {
  // A stub file (made by --rebuild) stands for the generations it lists.
  std::vector<std::string> folders = stub_targets(db_path);
  if (folders.empty()) folders.push_back(db_path);
  std::uintmax_t bytes = 0;
  std::error_code error;
  for (const std::string& folder : folders) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder, error)) {
      if (entry.is_regular_file(error)) bytes += entry.file_size(error);
    }
  }
  return bytes;
}

void write_run_report(const std::string& path, const RunReport& report) {
  const IndexCounts& c = report.counts;
  nlohmann::json skipped = nlohmann::json::array();
  for (const auto& [file, reason] : report.skipped) {
    skipped.push_back({{"path", file}, {"reason", reason}, {"remembered", false}});
  }
  for (const auto& [file, reason] : c.remembered) {
    skipped.push_back({{"path", file}, {"reason", reason}, {"remembered", true}});
  }
  nlohmann::json json = {
      {"index", report.index},
      {"started", report.started},
      {"finished", report.finished},
      {"seconds", report.seconds},
      {"exit_code", report.exit_code},
      {"interrupted", c.interrupted},
      {"reanalysed", c.reanalysed},
      {"counts",
       {{"added", c.added},
        {"updated", c.updated},
        {"unchanged", c.unchanged},
        {"deleted", c.deleted},
        {"skipped", c.skipped},
        {"skipped_new", c.skipped - c.skipped_remembered},
        {"skipped_remembered", c.skipped_remembered},
        {"touched", c.touched},
        {"recleaned", c.recleaned},
        {"replaced_bytes", c.replaced_bytes},
        {"moved", c.moved}}},
      {"skip_reasons", c.skip_reasons},
      {"skipped", skipped},
  };
  try {
    Xapian::Database db(report.index);
    json["documents"] = db.get_doccount();
    json["revision"] = db.get_revision();
    json["index_bytes"] = index_size_on_disk(report.index);
  } catch (const Xapian::Error&) {
    // The run failed before the index existed: the report says so without these.
  }
  std::ofstream out(path, std::ios::trunc);
  out << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  if (!out) throw Error("cannot write the run report " + path);
}

}  // namespace newsdex
