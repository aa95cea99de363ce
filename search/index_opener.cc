#include "index_opener.h"

#include <sys/stat.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "newsdex/errors.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

// The first bytes of a single-file glass database (Xapian's own magic).
constexpr std::string_view kGlassFileMagic = "\x0f\x0dXapian Glass";

enum class ShardKind { kAuto, kGlass, kTcp, kProgram };

struct StubShard {
  ShardKind kind;
  std::string target;  // path, host or program
  unsigned port = 0;   // kTcp only
  std::string args;    // kProgram only
  ShardName name;
};

// What a --db path names: one database opened whole, or a stub with its shards.
struct Layout {
  std::string single;
  std::string stub;
  std::string side;  // empty when the stub has no side database next to it
  std::vector<StubShard> shards;
};

std::string trim(std::string_view text) {
  constexpr std::string_view kBlank = " \t\r\n";
  std::size_t first = text.find_first_not_of(kBlank);
  if (first == text.npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(kBlank) + 1 - first));
}

bool starts_with_glass_magic(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(kGlassFileMagic.size(), '\0');
  return in.read(head.data(), static_cast<std::streamsize>(head.size())) && head == kGlassFileMagic;
}

// Xapian's message plus the system's reason when there is one ("Couldn't connect
// (Connection refused)"); the context repeats the address the caller already names.
std::string describe(const Xapian::Error& e) {
  std::string text = e.get_msg();
  if (const char* reason = e.get_error_string()) text += std::string(" (") + reason + ")";
  return text;
}

// "HOST:PORT" or "[IPv6]:PORT"; false when it is not that.
bool parse_host_port(const std::string& text, std::string& host, unsigned& port) {
  std::size_t colon = text.rfind(':');
  if (colon == text.npos || colon == 0) return false;
  const char* begin = text.data() + colon + 1;
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(begin, end, port);
  if (error != std::errc() || stop != end || begin == end || port == 0 || port > 65535) {
    return false;
  }
  host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return host.find_first_of(" \t[]") == host.npos;
}

// Reads a stub in Xapian's format (see the header); throws IndexError naming the file
// and line of the first line it cannot use.
std::vector<StubShard> read_stub(const std::string& stub) {
  std::ifstream in(stub);
  if (!in) throw IndexError("cannot read stub " + stub + ": " + std::strerror(errno));
  const fs::path folder = fs::path(stub).parent_path();
  std::vector<StubShard> shards;
  std::string raw;
  for (int line_number = 1; std::getline(in, raw); ++line_number) {
    const std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    const std::string where = "stub " + stub + " line " + std::to_string(line_number) + ": ";
    const std::size_t space = line.find_first_of(" \t");
    const std::string type = line.substr(0, space);
    const std::string rest = space == line.npos ? std::string() : trim(line.substr(space));
    const ShardName remote_name{"remote " + rest + " (line " + std::to_string(line_number) +
                                " of " + stub + ")"};
    auto cannot_read = [&](const std::string& hint) {
      return IndexError(where + "cannot read '" + line + "'" + hint);
    };
    if ((type == "auto" || type == "glass") && !rest.empty()) {
      const std::string path = (folder / rest).string();  // an absolute rest stays as it is
      shards.push_back(
          {type == "auto" ? ShardKind::kAuto : ShardKind::kGlass, path, 0, {}, {path}});
      continue;
    }
    if (type == "chert") {
      throw IndexError(where + "chert databases are not supported ('" + line + "')");
    }
    if (type == "remote" && rest.size() > 1 && rest[0] == ':') {
      const std::size_t args_at = rest.find_first_of(" \t");
      const std::string program = rest.substr(1, args_at == rest.npos ? rest.npos : args_at - 1);
      if (program.empty()) throw cannot_read("");
      // Xapian reads ":7001" as a program named 7001: surely a TCP shard was meant.
      if (program.find_first_not_of("0123456789") == program.npos) {
        throw cannot_read(" (a TCP shard is remote HOST:PORT; ':' starts a program)");
      }
      const std::string args = args_at == rest.npos ? std::string() : trim(rest.substr(args_at));
      shards.push_back({ShardKind::kProgram, program, 0, args, remote_name});
      continue;
    }
    std::string host;
    unsigned port = 0;
    if (type == "remote" && parse_host_port(rest, host, port)) {
      shards.push_back({ShardKind::kTcp, host, port, {}, remote_name});
      continue;
    }
    throw cannot_read("");
  }
  return shards;
}

Layout find_layout(const std::string& db_path) {
  // Xapian's own message for a missing path ("Couldn't detect type of database") does
  // not say what is wrong, so check for the path first.
  struct stat st;
  if (::stat(db_path.c_str(), &st) != 0) {
    throw IndexError("no index at " + db_path + " (create it with newsdex-index --db " + db_path +
                     " ROOT)");
  }
  Layout layout;
  const fs::path path(db_path);
  std::error_code ignored;
  if (S_ISDIR(st.st_mode) && !fs::exists(path / "iamglass", ignored) &&
      fs::exists(path / "XAPIANDB", ignored)) {
    layout.stub = (path / "XAPIANDB").string();
  } else if (S_ISREG(st.st_mode) && !starts_with_glass_magic(db_path)) {
    layout.stub = db_path;
  } else {
    // A glass folder or file; anything else gets Xapian's own message when opened.
    layout.single = db_path;
    return layout;
  }
  const fs::path side = fs::path(layout.stub).parent_path() / "side";
  if (fs::is_directory(side, ignored)) layout.side = side.string();
  layout.shards = read_stub(layout.stub);
  return layout;
}

Xapian::Database open_single(const std::string& db_path) {
  try {
    return Xapian::Database(db_path);
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open index " + db_path + ": " + e.get_msg());
  }
}

// Throws IndexError naming the shard when it cannot be opened or does not answer.
Xapian::Database open_shard(const StubShard& shard, const OpenOptions& options) {
  try {
    if (shard.kind == ShardKind::kTcp) {
      return Xapian::Remote::open(shard.target, shard.port, options.remote_timeout_ms,
                                  options.connect_timeout_ms);
    }
    if (shard.kind == ShardKind::kProgram) {
      return Xapian::Remote::open(shard.target, shard.args, options.remote_timeout_ms);
    }
    return Xapian::Database(shard.target,
                            shard.kind == ShardKind::kGlass ? Xapian::DB_BACKEND_GLASS : 0);
  } catch (const Xapian::Error& e) {
    const bool remote = shard.kind == ShardKind::kTcp || shard.kind == ShardKind::kProgram;
    if (remote) {
      throw ShardUnavailableError("shard " + shard.name.text + " does not answer: " + describe(e));
    }
    throw IndexError("shard " + shard.name.text + " cannot be opened: " + describe(e));
  }
}

}  // namespace

OpenedIndex open_index(const std::string& db_path, const OpenOptions& options) {
  Layout layout = find_layout(db_path);
  OpenedIndex index;
  if (!layout.single.empty()) {
    index.db = open_single(layout.single);
    index.shards.push_back({layout.single});
    return index;
  }
  if (layout.shards.empty()) throw IndexError("stub " + layout.stub + " lists no shards");
  if (!layout.side.empty()) {
    try {
      index.db.add_database(Xapian::Database(layout.side));
    } catch (const Xapian::Error& e) {
      throw IndexError("side database " + layout.side + " cannot be opened: " + describe(e));
    }
    index.has_side = true;
  }
  std::exception_ptr first_failure;
  for (const StubShard& shard : layout.shards) {
    index.shards.push_back(shard.name);
    try {
      index.db.add_database(open_shard(shard, options));
      if (shard.kind == ShardKind::kTcp || shard.kind == ShardKind::kProgram) {
        index.has_remote = true;
      }
    } catch (const IndexError& e) {
      if (!options.allow_missing_shards) throw;
      if (!first_failure) first_failure = std::current_exception();
      index.missing.push_back(shard.name);
    }
  }
  if (index.missing.size() == layout.shards.size()) {
    if (layout.shards.size() == 1) std::rethrow_exception(first_failure);
    std::string first;
    try {
      std::rethrow_exception(first_failure);
    } catch (const IndexError& e) {
      first = e.what();
    }
    throw ShardUnavailableError("none of the " + std::to_string(layout.shards.size()) +
                                " shards of " + layout.stub + " answers; the first: " + first);
  }
  return index;
}

std::vector<ShardName> unreachable_shards(const std::string& db_path, const OpenOptions& options) {
  Layout layout = find_layout(db_path);
  std::vector<ShardName> unreachable;
  if (!layout.single.empty()) {
    try {
      open_single(layout.single);
    } catch (const IndexError&) {
      unreachable.push_back({layout.single});
    }
    return unreachable;
  }
  for (const StubShard& shard : layout.shards) {
    try {
      open_shard(shard, options);
    } catch (const IndexError&) {
      unreachable.push_back(shard.name);
    }
  }
  return unreachable;
}

}  // namespace newsdex
