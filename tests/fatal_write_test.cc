// When Xapian ends the process instead of throwing (fatal_write.h): the indexer still
// prints one line with the reason, exits with its "cannot write the index" status and
// removes a new index's temporary folders, which would otherwise fill the disk again.
#include "fatal_write.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cerrno>
#include <filesystem>
#include <stdexcept>

#include "support/temp_dir.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::write_file;

// As Xapian 1.4.22 does on a full disk: an exception that meets a noexcept frame.
void throw_disk_full() { throw Xapian::DatabaseError("Error writing block 7", ENOSPC); }
void throw_through_noexcept(void (*thrower)()) noexcept { thrower(); }

// "fast": the child is forked, so it sees the folders this test made (a "threadsafe"
// child would run the test again from the start, in new folders).
class FatalWrite : public ::testing::Test {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "fast"); }
};

TEST_F(FatalWrite, AnErrorThatEndsTheProcessIsOneLineStatusTwoAndTheNewIndexGoes) {
  TempDir dir;
  const std::string index = dir / "index", building = dir / "index.building";
  write_file(building + "/postlist.glass", "half written");
  EXPECT_EXIT(
      {
        install_fatal_write_handler("newsdex-index", index, 2);
        RemovedIfWritingFails guard(building);
        throw_through_noexcept(throw_disk_full);
      },
      ::testing::ExitedWithCode(2),
      "^newsdex-index: index .*/index: DatabaseError: Error writing block 7 "
      "\\(No space left on device\\)\n$");
  EXPECT_FALSE(fs::exists(building)) << "a failed new index must not stay to fill the disk";
}

TEST_F(FatalWrite, OnlyPathsStillGuardedAreRemoved) {
  TempDir dir;
  const std::string index = dir / "index", kept = dir / "kept", removed = dir / "removed";
  write_file(kept + "/a", "x");
  write_file(removed + "/a", "x");
  EXPECT_EXIT(
      {
        install_fatal_write_handler("newsdex-index", index, 2);
        RemovedIfWritingFails outer(removed);
        { RemovedIfWritingFails inner(kept); }
        throw_through_noexcept([] { throw std::runtime_error("stopped"); });
      },
      ::testing::ExitedWithCode(2), "^newsdex-index: index .*/index: stopped\n$");
  EXPECT_TRUE(fs::exists(kept)) << "its guard had ended: the work was done";
  EXPECT_FALSE(fs::exists(removed));
}

TEST(FatalWriteMessage, SaysTheDiskIsFullOnlyWhenItIs) {
  EXPECT_EQ(fatal_write_message(nullptr, "/srv/index", 4096),
            "index /srv/index: Xapian stopped while writing the index "
            "(No space left on device)");
  EXPECT_EQ(fatal_write_message(nullptr, "/srv/index", 50ull << 30),
            "index /srv/index: Xapian stopped while writing the index");
  auto full = std::make_exception_ptr(Xapian::DatabaseError("Error writing block 7", ENOSPC));
  EXPECT_EQ(fatal_write_message(full, "/srv/index", 0),
            "index /srv/index: DatabaseError: Error writing block 7 (No space left on device)")
      << "said once, not twice";
}

TEST(FatalWriteMessage, AnEscapeSequenceInThePathNeverReachesTheTerminal) {
  std::string line = fatal_write_message(nullptr, "/srv/\x1b]0;owned\x07index", 50ull << 30);
  EXPECT_EQ(line.find('\x1b'), std::string::npos) << line;
  EXPECT_EQ(line.find('\x07'), std::string::npos) << line;
}

}  // namespace
}  // namespace newsdex
