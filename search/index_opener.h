// Opens what `newsdex-search --db` names as one Xapian::Database: a single index folder,
// a sharded index folder (its XAPIANDB stub lists the shards), or a stub file whose
// lines name local shards and remote ones served by xapian-tcpsrv. newsdex reads the
// stub itself, so that every remote shard gets the timeouts below and a shard that
// does not answer is named in the error.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

struct OpenOptions {
  // Milliseconds a remote shard may take to answer one request, and to accept the
  // connection. Xapian's own default (10 s) is kept for the first.
  unsigned remote_timeout_ms = 10000;
  unsigned connect_timeout_ms = 5000;
  // Search the shards that answer instead of failing; OpenedIndex::missing names the
  // others.
  bool allow_missing_shards = false;
};

// One shard as named in errors and warnings, e.g. "remote 127.0.0.1:7001 (line 3 of
// /srv/news/XAPIANDB)" or "/srv/news/shard-02".
struct ShardName {
  std::string text;
};

struct OpenedIndex {
  // The side database first when there is one (the folder "side" next to the stub: it
  // holds the metadata, spelling dictionary and synonyms, which remote shards cannot
  // serve), then the shards in stub order. Xapian reads metadata from the first
  // database and merges spelling and synonyms over all, so the side database answers.
  Xapian::Database db;
  std::vector<ShardName> shards;   // every shard the stub lists, in order
  std::vector<ShardName> missing;  // shards left out (only with allow_missing_shards)
  bool has_side = false;
};

// Opens `db_path`: a Xapian database folder (glass), a folder with a XAPIANDB stub, or
// a stub file. Stub lines, as Xapian's own stub format: "auto PATH" / "glass PATH"
// (relative to the stub's folder), "remote HOST:PORT" or "remote :PORT" (TCP) and
// "remote PROGRAM ARGS..." (a program speaking the remote protocol on stdin/stdout,
// such as ssh running xapian-progsrv); blank lines and lines starting with '#' are
// skipped. Throws IndexError naming the path when nothing is there, the stub line
// when it cannot be read, and the shard when it does not answer within the timeouts
// (unless allow_missing_shards; when no shard answers at all it still throws).
OpenedIndex open_index(const std::string& db_path, const OpenOptions& options = {});

}  // namespace newsdex
