#include "shard_layout.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <xapian.h>

#include "newsdex/errors.h"
#include "newsdex/hashing.h"

namespace newsdex {

namespace fs = std::filesystem;

std::string shard_folder_name(unsigned index) {
  char name[16];
  std::snprintf(name, sizeof name, "shard-%02u", index);
  return name;
}

unsigned shard_of(std::string_view id_term, unsigned shard_count) {
  return static_cast<unsigned>(fnv1a_64(id_term) % shard_count);
}

std::string stub_text(unsigned shard_count) {
  std::string text =
      "# newsdex sharded index: the shards below, plus the side database \"side\" "
      "(metadata,\n# spelling, synonyms) that newsdex-search opens first. See the README.\n";
  for (unsigned i = 0; i < shard_count; ++i) text += "auto " + shard_folder_name(i) + "\n";
  return text;
}

unsigned existing_shard_count(const std::string& db_path) {
  std::error_code error;
  if (!fs::exists(db_path, error)) return 0;
  fs::path stub = fs::path(db_path) / kStubFileName;
  if (!fs::is_directory(db_path, error) || !fs::exists(stub, error)) return 1;
  std::ifstream in(stub);
  std::string line;
  unsigned shards = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    if (line != "auto " + shard_folder_name(shards)) {
      throw IndexError("index " + db_path + ": its stub " + stub.string() +
                       " was not written by newsdex-index (line '" + line + "')");
    }
    ++shards;
  }
  if (shards == 0) throw IndexError("index " + db_path + ": its stub lists no shards");
  return shards;
}

std::vector<std::string> database_folders(const std::string& db_path, unsigned shard_count) {
  if (shard_count <= 1) return {db_path};
  std::vector<std::string> folders;
  for (unsigned i = 0; i < shard_count; ++i) {
    folders.push_back((fs::path(db_path) / shard_folder_name(i)).string());
  }
  folders.push_back((fs::path(db_path) / kSideFolderName).string());
  return folders;
}

void merge_index(const std::string& db_path, const std::string& out_path) {
  std::error_code error;
  if (fs::exists(out_path, error)) {
    throw UsageError("--merge-to " + out_path + " already exists; give a new folder");
  }
  unsigned shards = existing_shard_count(db_path);
  if (shards == 0) throw IndexError("no index at " + db_path);
  try {
    Xapian::Database all;
    if (shards == 1) {
      all = Xapian::Database(db_path);
    } else {
      // The side database first: compaction keeps the first source's metadata.
      all = Xapian::Database((fs::path(db_path) / kSideFolderName).string());
      for (unsigned i = 0; i < shards; ++i) {
        all.add_database(Xapian::Database((fs::path(db_path) / shard_folder_name(i)).string()));
      }
    }
    all.compact(out_path);
  } catch (const Xapian::Error& e) {
    fs::remove_all(out_path, error);
    throw IndexError("cannot merge " + db_path + " into " + out_path + ": " + e.get_msg());
  }
}

}  // namespace newsdex
