#include "skip_memory.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "newsdex/schema.h"
#include "shard_layout.h"

namespace newsdex {
namespace {

// The record's layout; a record of another version is not read (its skips are met as
// new once, then remembered in this one).
constexpr int kRecordVersion = 1;

bool same_stamp(const SkipRecord& record, const std::optional<std::uint64_t>& size, double mtime) {
  if (!record.size) return true;  // a folder or a link: its reason is all there is
  return size && *record.size == *size && record.mtime == mtime;
}

}  // namespace

SkipMemory SkipMemory::load(const Xapian::Database& db) {
  SkipMemory memory;
  std::string text = db.get_metadata(std::string(kMetaSkips));
  if (text.empty()) return memory;
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object() || json.value("version", 0) != kRecordVersion ||
      !json.contains("paths") || !json["paths"].is_array()) {
    return memory;
  }
  try {
    for (const nlohmann::json& item : json["paths"]) {
      SkipRecord record;
      record.path = item.at("path").get<std::string>();
      if (item.contains("size")) {
        record.size = item.at("size").get<std::uint64_t>();
        record.mtime = item.at("mtime").get<double>();
      }
      for (const nlohmann::json& skip : item.at("skips")) {
        record.skips.push_back({skip.value("entry", ""), skip.at("reason").get<std::string>()});
      }
      std::string key =
          item.contains("id") ? id_key(item.at("id").get<std::string>()) : path_key(record.path);
      memory.records_[key] = std::move(record);
    }
  } catch (const nlohmann::json::exception&) {
    return {};
  }
  return memory;
}

SkipMemory SkipMemory::load_index(const std::string& db_path) {
  try {
    if (existing_shard_count(db_path) > 1) {
      return load(Xapian::Database((std::filesystem::path(db_path) / kSideFolderName).string()));
    }
    return load(Xapian::Database(db_path));
  } catch (const Xapian::Error&) {
    return {};  // no index there yet: nothing was met before
  }
}

void SkipMemory::save(Xapian::WritableDatabase& db) const {
  const std::string meta_key(kMetaSkips);
  if (records_.empty()) {
    if (!db.get_metadata(meta_key).empty()) db.set_metadata(meta_key, "");
    return;
  }
  nlohmann::json paths = nlohmann::json::array();
  for (const auto& [key, record] : records_) {
    nlohmann::json item = {{"path", record.path}};
    if (key.starts_with('i')) item["id"] = key.substr(1);
    if (record.size) {
      item["size"] = *record.size;
      item["mtime"] = record.mtime;  // written with enough digits to read back the same
    }
    nlohmann::json skips = nlohmann::json::array();
    for (const RememberedSkip& skip : record.skips) {
      nlohmann::json one = {{"reason", skip.reason}};
      if (!skip.entry.empty()) one["entry"] = skip.entry;
      skips.push_back(std::move(one));
    }
    item["skips"] = std::move(skips);
    paths.push_back(std::move(item));
  }
  nlohmann::json json = {{"version", kRecordVersion}, {"paths", std::move(paths)}};
  // Paths and reasons that are not UTF-8 (a file name is any bytes) are kept readable.
  db.set_metadata(meta_key, json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::size_t SkipMemory::skip_count() const {
  std::size_t count = 0;
  for (const auto& [key, record] : records_) count += record.skips.size();
  return count;
}

const SkipRecord* SkipMemory::unchanged(const std::string& key, std::uint64_t size,
                                        double mtime) const {
  auto record = records_.find(key);
  if (record == records_.end() || !record->second.size) return nullptr;
  return same_stamp(record->second, size, mtime) ? &record->second : nullptr;
}

bool SkipMemory::knows(const std::string& key, const std::optional<std::uint64_t>& size,
                       double mtime, const std::string& entry, const std::string& reason) const {
  auto record = records_.find(key);
  if (record == records_.end() || !same_stamp(record->second, size, mtime)) return false;
  for (const RememberedSkip& skip : record->second.skips) {
    if (skip.entry == entry && skip.reason == reason) return true;
  }
  return false;
}

void SkipMemory::remember(const std::string& key, const std::string& path,
                          const std::optional<std::uint64_t>& size, double mtime,
                          const std::string& entry, const std::string& reason) {
  SkipRecord& record = records_[key];
  record.path = path;
  record.size = size;
  record.mtime = size ? mtime : 0;
  record.skips.push_back({entry, reason});
}

void SkipMemory::copy_record(const SkipMemory& from, const std::string& key) {
  if (auto record = from.records_.find(key); record != from.records_.end()) {
    records_[key] = record->second;
  }
}

void RunSkips::count(const std::string& path, const std::string& reason, bool met_before,
                     bool deliberate) {
  ++counts_.skipped;
  ++counts_.skip_reasons[reason];
  counts_.skipped_deliberately += deliberate;
  if (met_before) {
    ++counts_.skipped_remembered;
    counts_.remembered.emplace_back(path, reason);
  } else {
    counts_.new_problems += !deliberate;
    report_(path, reason);
  }
}

void RunSkips::walk_problem(const WalkProblem& problem, const FileSystem& fs) {
  // A file (empty, over the size cap) is stamped, so that changing it makes it new
  // again; folders and links are known by their reason alone.
  std::optional<std::uint64_t> size;
  double mtime = 0;
  FileStatus status = fs.status(problem.path);
  if (status.exists && status.is_regular_file && !status.is_symlink) {
    size = status.size;
    mtime = status.mtime;
  }
  // A folder's id prefix ends in '/', so it never meets a file's key.
  std::string key = problem.id_prefix.empty() ? SkipMemory::path_key(problem.path)
                                              : SkipMemory::id_key(problem.id_prefix);
  bool met_before = before_.knows(key, size, mtime, "", problem.reason);
  after_.remember(key, problem.path, size, mtime, "", problem.reason);
  count(problem.path, problem.reason, met_before, problem.deliberate);
}

bool RunSkips::replay(const SourceFile& file, std::vector<std::string>& entries) {
  if (retry_) return false;
  std::string key = SkipMemory::id_key(file.id);
  const SkipRecord* record = before_.unchanged(key, file.size, file.mtime);
  if (record == nullptr) return false;
  for (const RememberedSkip& skip : record->skips) {
    count(file.path + skip.entry, skip.reason, true, false);
    if (!skip.entry.empty()) entries.push_back(skip.entry);
  }
  after_.copy_record(before_, key);
  after_.set_path(key, file.path);
  return true;
}

void RunSkips::file_skipped(const SourceFile& file, const std::string& entry,
                            const std::string& reason) {
  std::string key = SkipMemory::id_key(file.id);
  bool met_before = before_.knows(key, file.size, file.mtime, entry, reason);
  after_.remember(key, file.path, file.size, file.mtime, entry, reason);
  count(file.path + entry, reason, met_before, false);
}

}  // namespace newsdex
