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
#include "fatal_write.h"
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
      R"(\.gen-[0-9]{8}T[0-9]{6}-[0-9]+(\.compact|\.building|\.merging|\.lock|\.resume)?)");
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

// What makes two rebuilds build the same index: a stopped one is carried on only by a
// rebuild with the same roots and the same options that change articles.
std::string build_signature(const IndexOptions& options) {
  std::ostringstream signature;
  signature << "newsdex rebuild 1\n";
  for (const std::string& root : options.roots) {
    std::error_code error;
    fs::path absolute = fs::absolute(root, error);
    signature << "root " << (error ? root : absolute.lexically_normal().string()) << "\n";
  }
  signature << "entities " << options.analysis.entities << "\nlearn-residue "
            << options.learn_residue << "\nmax-file-bytes " << options.max_file_bytes << "\n";
  return signature.str();
}

std::string resume_mark(const std::string& generation) { return generation + ".resume"; }

std::string read_mark(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A generation that an earlier rebuild of the same signature began and did not switch to
// (it was stopped, killed or lost power): its ".resume" mark, written before the build
// began, says so. Any other unfinished generation is removed, so that it cannot fill the
// disk. Empty when there is none.
std::string resumable_generation(const std::string& live, const std::string& signature,
                                 const std::vector<std::string>& in_use) {
  fs::path base(live);
  fs::path folder = base.parent_path().empty() ? fs::path(".") : base.parent_path();
  const std::string db_name = base.filename().string();
  std::string found;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".resume") || !is_generation_name(name, db_name)) continue;
    // Named as the --db path names the index ("live.gen-..." for "live").
    const std::string generation =
        (base.parent_path() / name.substr(0, name.size() - std::string_view(".resume").size()))
            .string();
    bool live_one = false;
    for (const std::string& path : in_use) {
      live_one |= fs::path(path).filename() == fs::path(generation).filename();
    }
    if (live_one) {
      fs::remove(entry.path(), error);  // switched to, then stopped before tidying
      continue;
    }
    if (found.empty() && read_mark(entry.path()) == signature &&
        (fs::exists(generation, error) || fs::exists(generation + ".building", error))) {
      found = generation;
      continue;
    }
    fs::remove_all(generation, error);
    fs::remove_all(generation + ".building", error);
    fs::remove_all(generation + ".merging", error);
    fs::remove_all(generation + ".compact", error);
    fs::remove(entry.path(), error);
  }
  return found;
}

void write_mark(const std::string& generation, const std::string& signature) {
  std::ofstream mark(resume_mark(generation), std::ios::trunc);
  mark << signature;
  if (!mark) throw IndexError("cannot write " + resume_mark(generation));
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

  // A rebuild stopped before its switch is carried on where it stopped: the generation it
  // began is brought up to date like any index (files it holds unchanged are kept), which
  // gives what a build from nothing would.
  const std::string signature = build_signature(options);
  const std::string resumed = resumable_generation(live, signature, previous);
  IndexOptions build = options;
  build.db_path = resumed.empty() ? new_generation_path(live) : resumed;
  build.full = resumed.empty();
  build.skips_known_from = live;          // problems the live index met are not new
  build.take_writer_lock = false;         // held above, for the whole rebuild
  build.min_seconds_between_commits = 0;  // searches read the live index, not this one
  build.searches_may_read = false;
  IndexCounts counts;
  counts.resumed_build = resumed;
  // A stop asked for at any stage before the switch leaves the live index as it was, and
  // the new generation for the next rebuild to carry on: the check and the compaction
  // take long enough on a big archive to be where it lands.
  auto stopped = [&] {
    if (options.interrupted == nullptr || !*options.interrupted) return false;
    fs::remove_all(build.db_path + ".compact", error);
    counts.interrupted = true;
    return true;
  };
  // What the catch below removes, also when Xapian ends the process (fatal_write.h).
  RemovedIfWritingFails generation_if_failing(build.db_path),
      building_if_failing(build.db_path + ".building"),
      compacted_if_failing(build.db_path + ".compact"),
      mark_if_failing(resume_mark(build.db_path));
  try {
    write_mark(build.db_path, signature);
    counts = run_index(build, files, report_skip);
    counts.resumed_build = resumed;
    if (counts.interrupted || stopped()) return counts;
    std::ostringstream problems;
    if (Xapian::Database::check(build.db_path, 0, &problems) != 0) {
      throw IndexError("the rebuilt index " + build.db_path +
                       " failed its check: " + problems.str());
    }
    if (stopped()) return counts;
    if (compact) {
      std::string compacted = build.db_path + ".compact";
      fs::remove_all(compacted, error);  // left by a rebuild killed while compacting
      Xapian::Database(build.db_path).compact(compacted);
      fs::remove_all(build.db_path);
      fs::rename(compacted, build.db_path);
    }
    if (stopped()) return counts;
  } catch (...) {
    // The live index was never touched. A failed build (a full disk, a check that found
    // damage) is not carried on: it goes, and never stays to fill the disk.
    fs::remove_all(build.db_path, error);
    fs::remove_all(build.db_path + ".building", error);
    fs::remove_all(build.db_path + ".compact", error);
    fs::remove(resume_mark(build.db_path), error);
    throw;
  }
  switch_stub(live, build.db_path);
  std::vector<std::string> keep = previous;
  keep.push_back(build.db_path);
  remove_generations(live, keep);
  return counts;
}

}  // namespace newsdex
