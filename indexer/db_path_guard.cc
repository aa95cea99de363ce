#include "db_path_guard.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <xapian.h>

#include "newsdex/schema.h"
#include "shard_layout.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

// Larger than any stub or lock file newsdex writes: a bigger file is the user's.
constexpr std::uintmax_t kMaxStubBytes = 64 * 1024;
constexpr std::uintmax_t kMaxLockBytes = 32;

std::vector<std::string> entry_names(const fs::path& folder) {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// "3 entries: a.txt, b.txt, notes.md" (the first few only).
std::string describe_entries(const std::vector<std::string>& names) {
  std::string text = std::to_string(names.size()) + (names.size() == 1 ? " entry: " : " entries: ");
  constexpr std::size_t kShown = 3;
  for (std::size_t i = 0; i < names.size() && i < kShown; ++i) {
    text += (i > 0 ? ", " : "") + names[i];
  }
  if (names.size() > kShown) text += ", ...";
  return text;
}

bool is_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(),
                                      [](unsigned char c) { return std::isdigit(c) != 0; });
}

// The files Xapian's glass backend keeps in a database folder: its tables, the version
// and lock files, changesets ("changes12", kept for replication when
// XAPIAN_MAX_CHANGESETS is set) and the temporary files of a commit or compaction.
bool is_xapian_file_name(const std::string& name) {
  return name == "iamglass" || name == "flintlock" || name.ends_with(".glass") ||
         name.ends_with(".tmp") ||
         (name.starts_with("changes") && is_digits(std::string_view(name).substr(7)));
}

bool is_shard_folder_name(const std::string& name) {
  return name.starts_with("shard-") && name.size() >= 8 &&
         is_digits(std::string_view(name).substr(6));
}

// The entries of the sharded layout (shard_layout.h), the stub being written included.
bool is_sharded_entry_name(const std::string& name) {
  return name == kStubFileName || name == std::string(kStubFileName) + ".new" ||
         name == kSideFolderName || is_shard_folder_name(name);
}

std::string read_small_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A Xapian stub file as --rebuild writes it: "glass NAME" lines (or "auto NAME"), blank
// lines and comments, at least one database.
bool is_stub_text(const std::string& text) {
  std::istringstream lines(text);
  int databases = 0;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string backend, target, extra;
    if (!(words >> backend)) continue;  // blank
    if (backend.starts_with('#')) continue;
    if ((backend != "glass" && backend != "auto") || !(words >> target) || (words >> extra)) {
      return false;
    }
    ++databases;
  }
  return databases > 0;
}

bool is_stub_file(const fs::path& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return false;
  std::uintmax_t size = fs::file_size(path, error);
  return !error && size <= kMaxStubBytes && is_stub_text(read_small_file(path));
}

// The pid that WriterLock writes, or nothing.
bool is_lock_file(const fs::path& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return false;
  std::uintmax_t size = fs::file_size(path, error);
  if (error || size > kMaxLockBytes) return false;
  std::string text = read_small_file(path);
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0 || c == '\n'; });
}

DbPathVerdict foreign(std::string why) { return {DbPathKind::kForeign, std::move(why)}; }

DbPathVerdict classify_database_folder(const std::string& path,
                                       const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (!is_xapian_file_name(name)) {
      return foreign("a Xapian database folder that also holds " + name);
    }
  }
  try {
    Xapian::Database db(path);
    if (!db.get_metadata(std::string(kMetaSchemaVersion)).empty() || db.get_doccount() == 0) {
      return {DbPathKind::kDatabase, ""};
    }
    return foreign("a Xapian database of another program: no newsdex schema in its metadata");
  } catch (const Xapian::Error& e) {
    return foreign("a Xapian database that cannot be opened: " + e.get_msg());
  }
}

DbPathVerdict classify_sharded_folder(const std::string& path) {
  fs::path stub = fs::path(path) / kStubFileName;
  std::string first_line = stub_text(1).substr(0, stub_text(1).find('\n') + 1);
  if (!read_small_file(stub).starts_with(first_line)) {
    return foreign("a folder with a Xapian stub that newsdex did not write");
  }
  try {
    existing_shard_count(path);
  } catch (const IndexError&) {
    return foreign("a folder with a newsdex stub that lists other databases");
  }
  return {DbPathKind::kShardedIndex, ""};
}

// Where a path is, for comparing with another: links resolved, a missing tail kept as
// written (the index may not exist yet).
fs::path canonical_form(const std::string& path) {
  std::error_code error;
  fs::path canonical = fs::weakly_canonical(fs::absolute(path, error), error);
  if (error) canonical = fs::absolute(path).lexically_normal();
  std::string text = canonical.string();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text;
}

bool is_within(const fs::path& inner, const fs::path& outer) {
  const std::string& in = inner.native();
  const std::string& out = outer.native();
  if (!in.starts_with(out)) return false;
  return in.size() == out.size() || out == "/" || in[out.size()] == '/';
}

// A file of a run beside the index that is not newsdex's: the run would delete or
// overwrite it.
void check_beside(const std::string& db_path, const std::string& suffix, bool ours) {
  if (ours) return;
  std::string path = db_path + suffix;
  std::error_code error;
  std::string what = fs::is_directory(path, error)
                         ? "a folder holding " + describe_entries(entry_names(path))
                         : "not a file newsdex writes";
  throw DbPathRefused("--db " + db_path + ": " + path + " is in the way (" + what +
                      "); refusing to write there");
}

}  // namespace

DbPathVerdict classify_db_path(const std::string& path) {
  std::error_code error;
  fs::file_status status = fs::status(path, error);
  if (!fs::exists(status)) {
    // A dangling link is somebody's: creating the index would follow it.
    if (fs::is_symlink(fs::symlink_status(path, error))) return foreign("a broken symbolic link");
    return {DbPathKind::kMissing, ""};
  }
  if (fs::is_regular_file(status)) {
    if (is_stub_file(path)) return {DbPathKind::kStubFile, ""};
    std::uintmax_t size = fs::file_size(path, error);
    return foreign("a file of " + std::to_string(size) + " bytes, not a newsdex stub");
  }
  if (!fs::is_directory(status)) return foreign("neither a folder nor a file");
  std::vector<std::string> names = entry_names(path);
  if (names.empty()) return {DbPathKind::kEmptyFolder, ""};
  if (std::binary_search(names.begin(), names.end(), std::string(kStubFileName))) {
    return classify_sharded_folder(path);
  }
  if (std::binary_search(names.begin(), names.end(), std::string("iamglass"))) {
    return classify_database_folder(path, names);
  }
  return foreign("a folder holding " + describe_entries(names));
}

bool is_build_leftover(const std::string& path) {
  std::error_code error;
  if (!fs::is_directory(path, error)) return false;
  std::vector<std::string> names = entry_names(path);
  return std::all_of(names.begin(), names.end(), is_sharded_entry_name);
}

bool is_merge_leftover(const std::string& path) {
  std::error_code error;
  if (!fs::is_directory(path, error)) return false;
  std::vector<std::string> names = entry_names(path);
  return std::all_of(names.begin(), names.end(), is_xapian_file_name);
}

void check_run_leftovers(const std::string& db_path) {
  std::error_code error;
  auto missing = [&](const std::string& path) {
    return !fs::exists(fs::symlink_status(path, error));
  };
  std::string building = db_path + ".building", merging = db_path + ".merging";
  std::string lock = db_path + ".lock", new_stub = db_path + ".new-stub";
  check_beside(db_path, ".building", missing(building) || is_build_leftover(building));
  check_beside(db_path, ".merging", missing(merging) || is_merge_leftover(merging));
  check_beside(db_path, ".lock", missing(lock) || is_lock_file(lock));
  check_beside(db_path, ".new-stub",
               missing(new_stub) || is_stub_file(new_stub) || fs::file_size(new_stub, error) == 0);
}

void check_db_path(const std::string& db_path, const std::vector<std::string>& roots,
                   const std::string& option) {
  DbPathVerdict verdict = classify_db_path(db_path);
  if (verdict.kind == DbPathKind::kForeign) {
    throw DbPathRefused(option + " " + db_path + " is not a newsdex index (" + verdict.why +
                        "); refusing to write there");
  }
  fs::path index = canonical_form(db_path);
  for (const std::string& root : roots) {
    fs::path folder = canonical_form(root);
    if (is_within(index, folder)) {
      throw DbPathRefused(option + " " + db_path + " is inside the ROOT " + root +
                          " (the index would be walked as articles); refusing to write there");
    }
    if (is_within(folder, index)) {
      throw DbPathRefused(option + " " + db_path + " holds the ROOT " + root +
                          " (the run would write over it); refusing to write there");
    }
  }
  check_run_leftovers(db_path);
}

}  // namespace newsdex
