#include "index_status.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "newsdex/errors.h"
#include "newsdex/schema.h"
#include "newsdex/text_decoding.h"
#include "residue_learning.h"
#include "run_report.h"
#include "shard_layout.h"
#include "skip_memory.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

std::string human_bytes(std::uintmax_t bytes) {
  char text[32];
  if (bytes >= 1024 * 1024) {
    std::snprintf(text, sizeof text, "%.1f MiB", bytes / (1024.0 * 1024.0));
  } else {
    std::snprintf(text, sizeof text, "%.1f KiB", bytes / 1024.0);
  }
  return text;
}

// "YYYY-MM-DD" of a kSlotDay value "YYYYMMDD".
std::string iso_day(const std::string& day_key) {
  if (day_key.size() != 8) return day_key;
  return day_key.substr(0, 4) + "-" + day_key.substr(4, 2) + "-" + day_key.substr(6, 2);
}

// The first and last day of the articles that have a date of their own, and how many
// do, from the statistics of the day slot (no document is read). Glass keeps the bounds
// of every value ever written, so after deletions the range may be wider than what is left.
std::string dated_range(const Xapian::Database& db) {
  const Xapian::doccount dated = db.get_value_freq(kSlotDay);
  if (dated == 0) return "none";
  return iso_day(db.get_value_lower_bound(kSlotDay)) + " .. " +
         iso_day(db.get_value_upper_bound(kSlotDay)) + " (" + std::to_string(dated) + " articles)";
}

std::string describe_last_run(const std::string& record) {
  if (record.empty()) return "none recorded";
  nlohmann::json run = nlohmann::json::parse(record, nullptr, false);
  if (run.is_discarded()) return "unreadable record";
  auto count = [&](const char* key) { return std::to_string(run.value(key, 0)); };
  return run.value("finished", std::string("?")) +
         (run.value("interrupted", false) ? " (interrupted): " : ": ") + count("added") +
         " added, " + count("updated") + " updated, " + count("unchanged") + " unchanged, " +
         count("deleted") + " deleted, " + count("skipped") + " skipped";
}

// The lines every article is cleaned of, with how many of their source's articles hold
// them: a person can check that none is article text.
void print_learnt_residue(const ResidueRecord& residue, std::ostream& out) {
  out << "residue:    ";
  if (!residue.learning) {
    out << "learning off (--no-learn-residue)\n";
    return;
  }
  out << residue.lines.size() << (residue.lines.size() == 1 ? " line" : " lines")
      << " learnt at article edges\n";
  for (const LearntLine& line : residue.lines) {
    out << "  " << printable_on_terminal(line.source) << " " << line.articles << "/" << line.of
        << ": " << (line.text.empty() ? "(text not recorded)" : printable_on_terminal(line.text))
        << "\n";
  }
}

// The skips the last run left remembered, one "PATH: REASON" line each.
void print_skips(const Xapian::Database& meta, std::ostream& out) {
  SkipMemory memory = SkipMemory::load(meta);
  if (memory.records().empty()) {
    out << "skipped:    none remembered\n";
    return;
  }
  out << "skipped:    " << memory.skip_count()
      << " remembered, not read again until they change (--retry-skipped reads them)\n";
  for (const auto& [key, record] : memory.records()) {
    for (const RememberedSkip& skip : record.skips) {
      out << "  " << printable_on_terminal(record.path + skip.entry + ": " + skip.reason) << "\n";
    }
  }
}

// The index and the database that holds its metadata (the side database of a sharded
// index).
struct OpenedForStatus {
  Xapian::Database db, meta;
  unsigned shards = 0;
};

OpenedForStatus open_for_status(const std::string& db_path) {
  struct stat st;
  if (::stat(db_path.c_str(), &st) != 0) throw IndexError("no index at " + db_path);
  OpenedForStatus opened;
  opened.shards = existing_shard_count(db_path);
  try {
    opened.db = Xapian::Database(db_path);
    opened.meta = opened.shards > 1
                      ? Xapian::Database((fs::path(db_path) / kSideFolderName).string())
                      : opened.db;
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open index " + db_path + ": " + e.get_msg());
  }
  return opened;
}

}  // namespace

void print_status(const std::string& db_path, std::ostream& out) {
  const OpenedForStatus opened = open_for_status(db_path);
  const Xapian::Database& db = opened.db;
  const Xapian::Database& meta = opened.meta;
  const unsigned shards = opened.shards;
  out << "index:      " << printable_on_terminal(db_path) << "\n"
      << "documents:  " << db.get_doccount() << "\n";
  if (shards > 1) out << "shards:     " << shards << "\n";
  const Field& section = field_by_name("section");
  std::string prefix(section.prefix);
  out << "sections:  ";
  bool any = false;
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
    out << (any ? ", " : " ") << printable_on_terminal((*term).substr(prefix.size())) << " "
        << term.get_termfreq();
    any = true;
  }
  out << (any ? "" : " none") << "\n"
      << "dates:      " << dated_range(db) << "\n"
      << "undated:    " << db.get_doccount() - db.get_value_freq(kSlotDay)
      << " articles (no date of their own)\n"
      << "schema:     " << meta.get_metadata(std::string(kMetaSchemaVersion)) << "\n"
      << "revision:   " << meta.get_revision() << "\n"
      << "size:       " << human_bytes(index_size_on_disk(db_path)) << " on disk\n"
      << "last run:   " << describe_last_run(meta.get_metadata(std::string(kMetaLastRun))) << "\n";
  print_learnt_residue(recorded_residue(meta), out);
  print_skips(meta, out);
}

void print_status_json(const std::string& db_path, std::ostream& out) {
  const OpenedForStatus opened = open_for_status(db_path);
  const Xapian::Database& db = opened.db;
  nlohmann::ordered_json status = {{"index", db_path},
                                   {"documents", db.get_doccount()},
                                   {"shards", std::max(1u, opened.shards)}};
  nlohmann::ordered_json sections = nlohmann::ordered_json::object();
  const std::string prefix(field_by_name("section").prefix);
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
    sections[(*term).substr(prefix.size())] = term.get_termfreq();
  }
  status["sections"] = std::move(sections);
  const Xapian::doccount dated = db.get_value_freq(kSlotDay);
  status["dated"] =
      dated == 0 ? nlohmann::ordered_json(nullptr)
                 : nlohmann::ordered_json{{"first", iso_day(db.get_value_lower_bound(kSlotDay))},
                                          {"last", iso_day(db.get_value_upper_bound(kSlotDay))},
                                          {"articles", dated}};
  status["undated"] = db.get_doccount() - dated;
  status["schema"] = opened.meta.get_metadata(std::string(kMetaSchemaVersion));
  status["revision"] = opened.meta.get_revision();
  status["size_bytes"] = index_size_on_disk(db_path);
  const std::string last_run = opened.meta.get_metadata(std::string(kMetaLastRun));
  nlohmann::ordered_json run = nlohmann::ordered_json::parse(last_run, nullptr, false);
  status["last_run"] =
      last_run.empty() || run.is_discarded() ? nlohmann::ordered_json(nullptr) : run;
  const ResidueRecord residue = recorded_residue(opened.meta);
  nlohmann::ordered_json lines = nlohmann::ordered_json::array();
  for (const LearntLine& line : residue.lines) {
    lines.push_back({{"source", line.source},
                     {"articles", line.articles},
                     {"of", line.of},
                     {"text", line.text}});
  }
  status["residue"] = {{"learning", residue.learning}, {"lines", std::move(lines)}};
  nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
  const SkipMemory memory = SkipMemory::load(opened.meta);  // records() refers into it
  for (const auto& [key, record] : memory.records()) {
    for (const RememberedSkip& skip : record.skips) {
      skipped.push_back({{"path", record.path + skip.entry}, {"reason", skip.reason}});
    }
  }
  status["skipped"] = std::move(skipped);
  // Paths and lines come from files: bytes that are not UTF-8 are replaced, never thrown.
  out << status.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace newsdex
