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
  // Whether a shard is served by the remote backend: such shards run only Xapian's own
  // match spies (see FacetSource).
  bool has_remote = false;
};

// Opens `db_path`: a Xapian database folder (glass), a folder with a XAPIANDB stub, or
// a stub file. Stub lines, as Xapian's own stub format: "auto PATH" / "glass PATH"
// (relative to the stub's folder), "remote HOST:PORT" or "remote [IPv6]:PORT" (TCP)
// and "remote :PROGRAM ARGS..." (a program speaking the remote protocol on its stdin
// and stdout, such as "remote :ssh news2 xapian-progsrv /srv/news/shard-03"; the ':'
// is what tells it from TCP, as in Xapian, so "remote :7001" is refused rather than
// run). Blank lines and lines starting with '#' are skipped; "chert" lines are refused.
// A stub that lists no shard is refused too. Throws IndexError naming the path when
// nothing is there, the stub line when it cannot be read, and the shard when it does
// not answer within the timeouts (unless allow_missing_shards; when no shard answers
// at all it still throws). Opens the shards one after the other, so each shard that
// does not answer costs up to connect_timeout_ms + remote_timeout_ms.
//
// A remote shard that dies after the open makes the next call that reaches it
// (reopen(), get_mset(), get_document()...; not get_doccount(), which is cached) throw
// Xapian::NetworkError. The Database is then done for: a get_mset that failed on one
// shard leaves the sessions of the others out of step, and their servers hang up. Ask
// unreachable_shards() which shard died and open again (allow_missing_shards to go on
// without it).
OpenedIndex open_index(const std::string& db_path, const OpenOptions& options = {});

// The shards of `db_path` that cannot be opened now, each opened on its own (for the
// single-database layout: that database). For use after a Xapian::NetworkError, to
// name the dead shard or to open again without it. Throws IndexError as open_index
// does when `db_path` itself is missing or its stub cannot be read.
std::vector<ShardName> unreachable_shards(const std::string& db_path,
                                          const OpenOptions& options = {});

}  // namespace newsdex
