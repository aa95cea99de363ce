// Tests of open_index and unreachable_shards: folder indexes, local stubs with a side
// database, and remote shards served by real xapian-tcpsrv processes on 127.0.0.1.
#include "index_opener.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "newsdex/errors.h"
#include "newsdex/schema.h"
#include "support/temp_dir.h"

extern char** environ;

namespace newsdex {

// Readable failure messages for shard lists. Internal linkage: only this file prints them.
static void PrintTo(const ShardName& name, std::ostream* out) { *out << '"' << name.text << '"'; }
static bool operator==(const ShardName& a, const ShardName& b) { return a.text == b.text; }

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kTcpsrv = NEWSDEX_XAPIAN_TCPSRV;

// Invented one-line stories; story i goes to shard i % 3.
const char* const kStories[] = {
    "The harbour bridge reopened on Monday after nine months of repairs",
    "Ferry fares on the island route will rise in March",
    "A storm closed the harbour and cancelled every ferry crossing",
    "The council approved a budget for new cycle lanes",
    "Weather forecasters expect a dry and windy weekend",
    "The rail strike was called off after late talks",
    "Fishing boats stayed in the harbour as the weather turned",
    "The museum opened a new gallery of old maritime paintings",
    "Commuters crowded the ferry terminal during the rail strike",
};
constexpr int kShards = 3;

// Test databases skip fsync: they are thrown away, and fsync is most of their cost.
void write_shard(const std::string& path, int shard) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
  // A value the side database must win over: Xapian reads metadata from the first one.
  db.set_metadata(std::string(kMetaSchemaVersion), "0");
  Xapian::TermGenerator indexer;
  for (int i = shard; i < static_cast<int>(std::size(kStories)); i += kShards) {
    Xapian::Document doc;
    doc.set_data(kStories[i]);
    indexer.set_document(doc);
    indexer.index_text(kStories[i]);
    db.add_document(doc);
  }
  db.commit();
}

void write_side(const std::string& path) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
  write_schema_metadata(db);
  db.add_spelling("weather", 3);
  db.add_spelling("harbour", 4);
  db.add_synonym("boat", "ferry");
  db.commit();
}

std::string shard_dir(int shard) { return "shard-0" + std::to_string(shard); }

std::vector<ShardName> names(std::initializer_list<std::string> texts) {
  std::vector<ShardName> result;
  for (const std::string& text : texts) result.push_back({text});
  return result;
}

std::string remote_name(unsigned port, int line, const std::string& stub) {
  return "remote 127.0.0.1:" + std::to_string(port) + " (line " + std::to_string(line) + " of " +
         stub + ")";
}

sockaddr_in loopback(unsigned port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  return address;
}

// A socket owned by a test; closed when it goes.
class Socket {
 public:
  Socket() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {}
  ~Socket() {
    if (fd_ >= 0) ::close(fd_);
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;

  // Listens on 127.0.0.1 at a port the system picks; returns it (0 on failure).
  unsigned listen(int backlog) {
    sockaddr_in address = loopback(0);
    socklen_t size = sizeof address;
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
        ::listen(fd_, backlog) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
      return 0;
    }
    return ntohs(address.sin_port);
  }
  bool connect(unsigned port) {
    sockaddr_in address = loopback(port);
    return ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }

 private:
  int fd_;
};

// A port nobody listens on right now (the system picked it, then it was let go).
unsigned free_port() { return Socket().listen(1); }

// A xapian-tcpsrv serving one shard on 127.0.0.1. It runs in a process group of its
// own because the server forks a child per connection and that child keeps serving
// its client after the parent is killed: a dead server is the whole group. What it
// prints goes to `log` (it reports every client that hung up, the readiness probes too).
class TcpServer {
 public:
  TcpServer(std::string shard, std::string log) : shard_(std::move(shard)), log_(std::move(log)) {}
  ~TcpServer() { kill(); }
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  ::testing::AssertionResult start() {
    // Another program may take the free port before the server binds it: try again.
    for (int attempt = 0; attempt < 3; ++attempt) {
      port_ = free_port();
      const std::string port = std::to_string(port_);
      std::vector<const char*> argv = {kTcpsrv,  "--quiet",    "--interface",  "127.0.0.1",
                                       "--port", port.c_str(), shard_.c_str(), nullptr};
      posix_spawnattr_t attributes;
      posix_spawnattr_init(&attributes);
      posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
      posix_spawnattr_setpgroup(&attributes, 0);
      posix_spawn_file_actions_t files;
      posix_spawn_file_actions_init(&files);
      posix_spawn_file_actions_addopen(&files, 1, log_.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                       0644);
      posix_spawn_file_actions_adddup2(&files, 1, 2);
      int error = posix_spawn(&pid_, kTcpsrv, &files, &attributes,
                              const_cast<char* const*>(argv.data()), environ);
      posix_spawn_file_actions_destroy(&files);
      posix_spawnattr_destroy(&attributes);
      if (error != 0) {
        pid_ = -1;
        return ::testing::AssertionFailure() << "cannot run " << kTcpsrv << ": " << strerror(error);
      }
      if (wait_until_accepting()) return ::testing::AssertionSuccess();
      kill();
    }
    return ::testing::AssertionFailure() << kTcpsrv << " did not start serving " << shard_ << ":\n"
                                         << testing::read_file(log_);
  }

  // Ends the server and every connection it serves; the port then refuses connections.
  void kill() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  unsigned port() const { return port_; }

 private:
  bool wait_until_accepting() {
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    while (Clock::now() < deadline) {
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;  // it ended, probably because the port was taken
        return false;
      }
      if (Socket().connect(port_)) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }

  std::string shard_;
  std::string log_;
  pid_t pid_ = -1;
  unsigned port_ = 0;
};

std::vector<Xapian::docid> docids(const Xapian::MSet& mset) {
  std::vector<Xapian::docid> result;
  for (auto it = mset.begin(); it != mset.end(); ++it) result.push_back(*it);
  return result;
}

std::vector<double> weights(const Xapian::MSet& mset) {
  std::vector<double> result;
  for (auto it = mset.begin(); it != mset.end(); ++it) result.push_back(it.get_weight());
  return result;
}

Xapian::MSet search(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  return enquire.get_mset(0, 20);
}

std::string spelling_of(const Xapian::Database& db, const std::string& word) {
  return db.get_spelling_suggestion(word);
}

std::vector<std::string> synonyms_of(const Xapian::Database& db, const std::string& term) {
  return {db.synonyms_begin(term), db.synonyms_end(term)};
}

std::string open_error(const std::string& path, const OpenOptions& options = {}) {
  try {
    open_index(path, options);
  } catch (const IndexError& e) {
    return e.what();
  }
  return "(no error)";
}

// An index of three shards and a side database in news/, with its XAPIANDB stub, and
// the same stories in one folder index, whole/.
class IndexOpenerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(news(""));
    std::string stub;
    for (int shard = 0; shard < kShards; ++shard) {
      write_shard(news(shard_dir(shard)), shard);
      stub += "auto " + shard_dir(shard) + "\n";
    }
    write_side(news("side"));
    testing::write_file(news("XAPIANDB"), stub);
    Xapian::WritableDatabase whole(dir_ / "whole", Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
    write_schema_metadata(whole);
    for (const char* story : kStories) {
      Xapian::Document doc;
      doc.set_data(story);
      whole.add_document(doc);
    }
    whole.commit();
  }

  // Starts one xapian-tcpsrv per shard and writes news/remote.stub naming them (a stub
  // file next to the side database); returns the stub's path.
  std::string serve_shards() {
    std::string stub = "# the three shards, served over TCP\n";
    for (int shard = 0; shard < kShards; ++shard) {
      servers_.push_back(std::make_unique<TcpServer>(
          news(shard_dir(shard)), dir_ / ("tcpsrv-" + shard_dir(shard) + ".log")));
      EXPECT_TRUE(servers_.back()->start());
      stub += "remote 127.0.0.1:" + std::to_string(servers_.back()->port()) + "\n";
    }
    testing::write_file(news("remote.stub"), stub);
    return news("remote.stub");
  }

  void TearDown() override { servers_.clear(); }

  std::string news(const std::string& name) const { return dir_ / ("news/" + name); }

  testing::TempDir dir_;
  std::vector<std::unique_ptr<TcpServer>> servers_;
};

// The distributed tests need the real server.
class IndexOpenerRemoteTest : public IndexOpenerTest {
 protected:
  void SetUp() override {
    if (std::string(kTcpsrv).empty()) {
      GTEST_SKIP() << "xapian-tcpsrv was not found when CMake ran (Debian package "
                      "xapian-tools): the distributed tests are skipped";
    }
    IndexOpenerTest::SetUp();
  }
};

TEST_F(IndexOpenerTest, OpensAFolderOrSingleFileIndexAlone) {
  Xapian::Database(dir_ / "whole").compact(dir_ / "whole.glass", Xapian::DBCOMPACT_SINGLE_FILE);
  for (const std::string& path : {dir_ / "whole", dir_ / "whole.glass"}) {
    SCOPED_TRACE(path);
    OpenedIndex index = open_index(path);
    EXPECT_EQ(index.db.get_doccount(), std::size(kStories));
    EXPECT_EQ(index.shards, names({path}));
    EXPECT_TRUE(index.missing.empty());
    EXPECT_FALSE(index.has_side);
    EXPECT_TRUE(unreachable_shards(path).empty());
  }
}

TEST_F(IndexOpenerTest, OpensAShardedFolderWithItsSideDatabase) {
  // The folder and its stub file name the same index.
  for (const std::string& path : {news(""), news("XAPIANDB")}) {
    SCOPED_TRACE(path);
    OpenedIndex index = open_index(path);
    EXPECT_TRUE(index.has_side);
    EXPECT_EQ(index.shards, names({news("shard-00"), news("shard-01"), news("shard-02")}));
    EXPECT_EQ(index.db.get_doccount(), std::size(kStories));
    EXPECT_EQ(index.db.get_metadata(std::string(kMetaSchemaVersion)),
              std::to_string(kSchemaVersion));
    EXPECT_NO_THROW(check_schema_metadata(index.db, path));
    EXPECT_EQ(spelling_of(index.db, "wether"), "weather");
    EXPECT_EQ(synonyms_of(index.db, "boat"), std::vector<std::string>{"ferry"});
    EXPECT_EQ(search(index.db, Xapian::Query("harbour")).size(), 3u);
    EXPECT_TRUE(unreachable_shards(path).empty());
  }
}

TEST_F(IndexOpenerTest, MissingPathSaysHowToCreateIt) {
  const std::string path = dir_ / "nowhere";
  const std::string expected =
      "no index at " + path + " (create it with newsdex-index --db " + path + " ROOT)";
  EXPECT_EQ(open_error(path), expected);
  try {
    unreachable_shards(path);
    ADD_FAILURE() << "unreachable_shards accepted a missing path";
  } catch (const IndexError& e) {
    EXPECT_EQ(std::string(e.what()), expected);
  }
}

TEST_F(IndexOpenerTest, FolderThatIsNoIndexGetsXapiansReason) {
  testing::write_file(dir_ / "empty/readme.txt", "not an index\n");
  EXPECT_EQ(open_error(dir_ / "empty"),
            "cannot open index " + (dir_ / "empty") + ": Couldn't detect type of database");
}

TEST_F(IndexOpenerTest, StubPathsAreRelativeToTheStubsFolder) {
  // No side database next to this stub; comments, blank lines, indentation, CRLF line
  // ends, "glass" and an absolute path are all accepted.
  testing::write_file(dir_ / "other/XAPIANDB",
                      "# all three shards\n\n  auto ../news/shard-00\r\n"
                      "glass " +
                          news("shard-01") + "\n\tauto ../news/shard-02  \n# end\n");
  OpenedIndex index = open_index(dir_ / "other");
  EXPECT_FALSE(index.has_side);
  EXPECT_EQ(index.shards, names({dir_ / "other/../news/shard-00", news("shard-01"),
                                 dir_ / "other/../news/shard-02"}));
  EXPECT_EQ(index.db.get_doccount(), std::size(kStories));
  EXPECT_EQ(index.db.get_metadata(std::string(kMetaSchemaVersion)), "0");
}

TEST_F(IndexOpenerTest, MissingLocalShardCanBeLeftOut) {
  std::filesystem::remove_all(news("shard-01"));
  EXPECT_EQ(open_error(news("")).find("shard " + news("shard-01") + " cannot be opened: "), 0u)
      << open_error(news(""));
  OpenedIndex index = open_index(news(""), {.allow_missing_shards = true});
  EXPECT_EQ(index.missing, names({news("shard-01")}));
  EXPECT_EQ(index.db.get_doccount(), 6u);
  EXPECT_EQ(unreachable_shards(news("")), names({news("shard-01")}));
}

struct StubCase {
  std::string name;
  std::string stub;      // "{dir}" stands for the folder of the stub
  std::string expected;  // the IndexError message; "{stub}" for the stub's path
  bool shard_error;      // false: the stub is refused even with allow_missing_shards
};

std::ostream& operator<<(std::ostream& out, const StubCase& c) { return out << c.name; }

const StubCase kStubCases[] = {
    {"UnknownType", "bogus line\n", "stub {stub} line 1: cannot read 'bogus line'", false},
    {"BadLineAfterCommentsAndGoodLines", "# shards\n\nauto shard-00\nauto\n",
     "stub {stub} line 4: cannot read 'auto'", false},
    {"BadLineBeforeAShardThatWouldFail", "remote 127.0.0.1\nauto no-such-shard\n",
     "stub {stub} line 1: cannot read 'remote 127.0.0.1'", false},
    {"PortNotANumber", "remote 127.0.0.1:http\n",
     "stub {stub} line 1: cannot read 'remote 127.0.0.1:http'", false},
    {"PortTooLarge", "remote 127.0.0.1:70000\n",
     "stub {stub} line 1: cannot read 'remote 127.0.0.1:70000'", false},
    {"IPv6WithoutPort", "remote [::1]\n", "stub {stub} line 1: cannot read 'remote [::1]'", false},
    {"PortWithoutHost", "remote :7001\n",
     "stub {stub} line 1: cannot read 'remote :7001' (a TCP shard is remote HOST:PORT; ':' "
     "starts a program)",
     false},
    {"ColonWithoutProgram", "remote : shard-00\n",
     "stub {stub} line 1: cannot read 'remote : shard-00'", false},
    {"Chert", "chert shard-00\n",
     "stub {stub} line 1: chert databases are not supported ('chert shard-00')", false},
    {"OnlyComments", "# nothing yet\n\n", "stub {stub} lists no shards", false},
    {"MissingShard", "auto shard-00\nauto no-such-shard\n",
     "shard {dir}/no-such-shard cannot be opened: Couldn't stat '{dir}/no-such-shard' (No "
     "such file or directory)",
     true},
    {"ProgramThatDoesNotExist", "remote :newsdex-no-such-program --flag\n",
     "shard remote :newsdex-no-such-program --flag (line 1 of {stub}) does not answer: "
     "Connection closed unexpectedly",
     true},
};

class IndexOpenerStubTable : public ::testing::TestWithParam<StubCase> {};

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != text.npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

TEST_P(IndexOpenerStubTable, NamesTheLineOrShard) {
  const StubCase& c = GetParam();
  testing::TempDir dir;
  write_shard(dir / "shard-00", 0);
  testing::write_file(dir / "XAPIANDB", c.stub);
  std::string expected =
      replace_all(replace_all(c.expected, "{stub}", dir / "XAPIANDB"), "{dir}", dir.path());
  EXPECT_EQ(open_error(dir.path()), expected);
  if (!c.shard_error) {
    EXPECT_EQ(open_error(dir.path(), {.allow_missing_shards = true}), expected);
  }
}

INSTANTIATE_TEST_SUITE_P(IndexOpener, IndexOpenerStubTable, ::testing::ValuesIn(kStubCases),
                         [](const ::testing::TestParamInfo<StubCase>& param_info) {
                           return param_info.param.name;
                         });

TEST_F(IndexOpenerRemoteTest, RemoteShardsAnswerAsLocalOnes) {
  const std::string stub = serve_shards();
  OpenedIndex local = open_index(news(""));
  OpenedIndex remote = open_index(stub);
  EXPECT_TRUE(remote.has_side);
  ASSERT_EQ(remote.shards.size(), 3u);
  EXPECT_EQ(remote.shards[1].text, remote_name(servers_[1]->port(), 3, stub));
  EXPECT_EQ(remote.db.get_doccount(), std::size(kStories));
  // Metadata, spelling and synonyms come from the side database alone.
  EXPECT_NO_THROW(check_schema_metadata(remote.db, stub));
  EXPECT_EQ(spelling_of(remote.db, "wether"), "weather");
  EXPECT_EQ(synonyms_of(remote.db, "boat"), std::vector<std::string>{"ferry"});

  const Xapian::Query queries[] = {
      Xapian::Query("harbour"),
      Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("ferry"), Xapian::Query("strike")),
      Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("harbour"), Xapian::Query("weather")),
      Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("the"), Xapian::Query("rail")),
  };
  for (const Xapian::Query& query : queries) {
    SCOPED_TRACE(query.get_description());
    Xapian::MSet expected = search(local.db, query);
    Xapian::MSet got = search(remote.db, query);
    ASSERT_GT(expected.size(), 0u);
    EXPECT_EQ(docids(got), docids(expected));
    EXPECT_EQ(weights(got), weights(expected));
    EXPECT_EQ(got.begin().get_document().get_data(), expected.begin().get_document().get_data());
  }
}

TEST_F(IndexOpenerRemoteTest, ProgramShardIsServedThroughItsPipe) {
  const std::string progsrv =
      (std::filesystem::path(kTcpsrv).parent_path() / "xapian-progsrv").string();
  if (!std::filesystem::exists(progsrv)) GTEST_SKIP() << "no " << progsrv;
  testing::write_file(news("prog.stub"),
                      "remote :" + progsrv + " " + news("shard-00") + "\nauto shard-01\n");
  OpenedIndex index = open_index(news("prog.stub"));
  EXPECT_EQ(index.db.get_doccount(), 6u);
  EXPECT_EQ(index.shards[0].text, "remote :" + progsrv + " " + news("shard-00") + " (line 1 of " +
                                      news("prog.stub") + ")");
  EXPECT_EQ(search(index.db, Xapian::Query("harbour")).size(), 2u);
}

TEST_F(IndexOpenerRemoteTest, DeadServerIsNamedOrLeftOut) {
  const std::string stub = serve_shards();
  servers_[1]->kill();
  const std::string dead = remote_name(servers_[1]->port(), 3, stub);
  EXPECT_EQ(open_error(stub),
            "shard " + dead + " does not answer: Couldn't connect (Connection refused)");

  OpenedIndex index = open_index(stub, {.allow_missing_shards = true});
  EXPECT_EQ(index.missing, names({dead}));
  EXPECT_EQ(index.shards.size(), 3u);
  EXPECT_EQ(index.db.get_doccount(), 6u);
  EXPECT_EQ(search(index.db, Xapian::Query("ferry")).size(), 2u);
  EXPECT_EQ(spelling_of(index.db, "wether"), "weather");

  servers_[0]->kill();
  servers_[2]->kill();
  EXPECT_EQ(open_error(stub, {.allow_missing_shards = true})
                .find("none of the 3 shards of " + stub + " answers; the first: shard "),
            0u);
}

// Xapian does not notice a server that died until it talks to it: the next reopen() or
// search throws NetworkError. The failed search also leaves the other shards' sessions
// out of step (their servers hang up), so only a new open can go on without the shard.
TEST_F(IndexOpenerRemoteTest, ServerDyingAfterTheOpenFailsTheNextSearch) {
  const std::string stub = serve_shards();
  OpenedIndex index = open_index(stub);
  ASSERT_EQ(search(index.db, Xapian::Query("harbour")).size(), 3u);
  EXPECT_TRUE(unreachable_shards(stub).empty());

  servers_[2]->kill();
  EXPECT_THROW(index.db.reopen(), Xapian::NetworkError);
  EXPECT_THROW(search(index.db, Xapian::Query("harbour")), Xapian::NetworkError);
  EXPECT_EQ(unreachable_shards(stub), names({remote_name(servers_[2]->port(), 4, stub)}));
  OpenedIndex reopened = open_index(stub, {.allow_missing_shards = true});
  EXPECT_EQ(search(reopened.db, Xapian::Query("harbour")).size(), 2u);
}

struct TimeoutCase {
  std::string name;
  int backlog;
  int clients_waiting;   // connections made first, never accepted
  std::string expected;  // Xapian's reason
};

std::ostream& operator<<(std::ostream& out, const TimeoutCase& c) { return out << c.name; }

// Both cases use a socket of the test's that never accepts. With room in its backlog the
// kernel completes the connection and Xapian waits for the greeting (remote_timeout_ms);
// with the backlog full the kernel drops the connection attempt (connect_timeout_ms).
const TimeoutCase kTimeoutCases[] = {
    {"ServerNeverGreets", 4, 0, "Timeout expired while trying to read"},
    {"ConnectionNeverAccepted", 0, 1, "Timed out waiting to connect (Connection timed out)"},
};

class IndexOpenerTimeoutTable : public ::testing::TestWithParam<TimeoutCase> {};

TEST_P(IndexOpenerTimeoutTable, GivesUpInTime) {
  const TimeoutCase& c = GetParam();
  testing::TempDir dir;
  Socket listener;
  const unsigned port = listener.listen(c.backlog);
  ASSERT_NE(port, 0u);
  std::vector<std::unique_ptr<Socket>> waiting;
  for (int i = 0; i < c.clients_waiting; ++i) {
    waiting.push_back(std::make_unique<Socket>());
    ASSERT_TRUE(waiting.back()->connect(port));
  }
  testing::write_file(dir / "XAPIANDB", "remote 127.0.0.1:" + std::to_string(port) + "\n");

  const auto start = Clock::now();
  EXPECT_EQ(open_error(dir.path(), {.remote_timeout_ms = 300, .connect_timeout_ms = 300}),
            "shard " + remote_name(port, 1, dir / "XAPIANDB") + " does not answer: " + c.expected);
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
}

INSTANTIATE_TEST_SUITE_P(IndexOpener, IndexOpenerTimeoutTable, ::testing::ValuesIn(kTimeoutCases),
                         [](const ::testing::TestParamInfo<TimeoutCase>& param_info) {
                           return param_info.param.name;
                         });

}  // namespace
}  // namespace newsdex
