#include "rebuild.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <xapian.h>

#include "db_path_guard.h"
#include "newsdex/errors.h"
#include "writer_lock.h"

namespace fs = std::filesystem;

namespace newsdex {
namespace {

constexpr std::string_view kGenerationMark = ".gen-";

// "DB.gen-20261125T031500-4242": sortable by time, unique by pid.
std::string new_generation_path(const std::string& db_path) {
  char when[32];
  std::time_t now = std::time(nullptr);
  std::strftime(when, sizeof when, "%Y%m%dT%H%M%S", std::gmtime(&now));
  const std::string base =
      db_path + std::string(kGenerationMark) + when + "-" + std::to_string(::getpid());
  // Two rebuilds by one process within a second would otherwise build into the live
  // generation itself. More digits keep the name one that remove_generations knows.
  std::string path = base;
  std::error_code error;
  for (int n = 1; fs::exists(path, error) || fs::exists(path + ".building", error); ++n) {
    path = base + std::to_string(n);
  }
  return path;
}

// Writes the stub next to `db_path` and renames it over `db_path`: readers see the old
// stub or the new one, never a partial file.
void switch_stub(const std::string& db_path, const std::string& generation) {
  std::string temporary = db_path + ".new-stub";
  {
    std::ofstream stub(temporary, std::ios::trunc);
    // Relative to the stub's folder, so the index can be moved as a whole.
    stub << "glass " << fs::path(generation).filename().string() << "\n";
    if (!stub) throw IndexError("cannot write " + temporary);
  }
  int fd = ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  if (std::rename(temporary.c_str(), db_path.c_str()) != 0) {
    throw IndexError("cannot switch " + db_path + " to the new index");
  }
}

// Whether `name` is one of the generations of `db_name` that new_generation_path makes,
// or what a run on it leaves beside it: only these are ever removed, never a user's
// file that merely starts the same.
bool is_generation_name(const std::string& name, const std::string& db_name) {
  static const std::regex kGeneration(
      R"(\.gen-[0-9]{8}T[0-9]{6}-[0-9]+(\.compact|\.building|\.merging|\.lock)?)");
  return name.starts_with(db_name) &&
         std::regex_match(name.begin() + static_cast<std::ptrdiff_t>(db_name.size()), name.end(),
                          kGeneration);
}

void remove_generations(const std::string& db_path, const std::vector<std::string>& keep) {
  fs::path base(db_path);
  fs::path folder = base.parent_path().empty() ? fs::path(".") : base.parent_path();
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    std::string name = entry.path().filename().string();
    if (!is_generation_name(name, base.filename().string())) continue;
    bool kept = false;
    for (const std::string& path : keep) kept |= fs::path(path).filename().string() == name;
    if (!kept) fs::remove_all(entry.path(), error);
  }
}

}  // namespace

std::vector<std::string> stub_targets(const std::string& path) {
  std::vector<std::string> targets;
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return targets;
  std::ifstream stub(path);
  fs::path folder = fs::path(path).parent_path();
  for (std::string line; std::getline(stub, line);) {
    std::istringstream words(line);
    std::string backend, target;
    if (!(words >> backend >> target) || backend != "glass") continue;
    targets.push_back(fs::path(target).is_absolute() ? target : (folder / target).string());
  }
  return targets;
}

IndexCounts rebuild_index(const IndexOptions& options, bool compact, const FileSystem& files,
                          const SkipReporter& report_skip) {
  const std::string& live = options.db_path;
  check_db_path(live, options.roots);
  std::error_code error;
  if (fs::is_directory(live, error)) {
    throw UsageError("--rebuild switches a stub file, and " + live +
                     " is an index folder: rebuild into a new name (e.g. --db " + live +
                     "-live) and search that");
  }
  WriterLock lock(live, options.lock_timeout, options.interrupted);
  std::vector<std::string> previous = stub_targets(live);

  IndexOptions build = options;
  build.db_path = new_generation_path(live);
  build.full = true;
  build.skips_known_from = live;   // problems the live index met are not new
  build.take_writer_lock = false;  // held above, for the whole rebuild
  IndexCounts counts;
  // A stop asked for at any stage before the switch leaves the live index as it was: the
  // check and the compaction take long enough on a big archive to be where it lands.
  auto stopped = [&] {
    if (options.interrupted == nullptr || !*options.interrupted) return false;
    fs::remove_all(build.db_path, error);
    fs::remove_all(build.db_path + ".compact", error);
    counts.interrupted = true;
    return true;
  };
  try {
    counts = run_index(build, files, report_skip);
    if (counts.interrupted) {
      fs::remove_all(build.db_path, error);
      return counts;
    }
    if (stopped()) return counts;
    std::ostringstream problems;
    if (Xapian::Database::check(build.db_path, 0, &problems) != 0) {
      throw IndexError("the rebuilt index " + build.db_path +
                       " failed its check: " + problems.str());
    }
    if (stopped()) return counts;
    if (compact) {
      std::string compacted = build.db_path + ".compact";
      Xapian::Database(build.db_path).compact(compacted);
      fs::remove_all(build.db_path);
      fs::rename(compacted, build.db_path);
    }
    if (stopped()) return counts;
  } catch (...) {
    fs::remove_all(build.db_path, error);  // the live index was never touched
    throw;
  }
  switch_stub(live, build.db_path);
  std::vector<std::string> keep = previous;
  keep.push_back(build.db_path);
  remove_generations(live, keep);
  return counts;
}

}  // namespace newsdex
