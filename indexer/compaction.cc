#include "compaction.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <xapian.h>

#include "newsdex/errors.h"

namespace newsdex {

namespace fs = std::filesystem;

bool can_compact_in_place(const std::string& db_path) {
  std::error_code error;
  return fs::is_directory(db_path, error) && fs::exists(fs::path(db_path) / "iamglass", error);
}

void compact_in_place(const std::string& db_path) {
  std::string compacted = db_path + ".compacting-" + std::to_string(::getpid());
  std::error_code error;
  fs::remove_all(compacted, error);
  try {
    Xapian::Database(db_path).compact(compacted, Xapian::DBCOMPACT_NO_RENUMBER);
  } catch (const Xapian::Error& e) {
    fs::remove_all(compacted, error);
    throw IndexError("cannot compact " + db_path + ": " + e.get_msg());
  }
  if (::renameat2(AT_FDCWD, compacted.c_str(), AT_FDCWD, db_path.c_str(), RENAME_EXCHANGE) != 0) {
    int saved = errno;
    fs::remove_all(compacted, error);
    throw IndexError("cannot swap in the compacted " + db_path + ": " + std::strerror(saved));
  }
  fs::remove_all(compacted, error);  // now the old, uncompacted database
}

}  // namespace newsdex
