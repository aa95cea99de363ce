// Residue learnt from the corpus: lines at the edges of articles (a site's footer, a
// newsletter pitch) that one source repeats across a large share of its articles.
//
// Lines are learnt before any article of a run is analysed: a pre-scan reads the files
// that need work (their edge lines only, see residue_edge_lines()), and the index's own
// term frequencies count the rest (kResidueLinePrefix, kResidueSourcePrefix). So every
// article is cleaned once, with the residue of the corpus as the run leaves it.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "newsdex/article.h"

namespace newsdex {

using LineKeys = std::unordered_set<std::uint64_t>;
// Learnt lines: line key -> the key of its source (residue_source_key()).
using LearntSet = std::unordered_map<std::uint64_t, std::uint64_t>;
LineKeys keys_of(const LearntSet& learnt);

// A line is residue when at least this many of its source's articles hold it at their
// edges, and at least this share of them: a site's footer is in nearly all of a
// source's pages, while a line-up or a quote repeated by a few stories is not.
inline constexpr std::uint32_t kResidueMinArticles = 3;
inline constexpr double kResidueMinShare = 0.25;

// The edge lines of one article found by the pre-scan.
struct ScannedArticle {
  std::string source;
  std::vector<std::pair<std::uint64_t, std::string>> lines;  // key, line as written
};

// The pre-scan of one file: the learnable edge lines of each of its articles, read as
// read_articles() reads them (same decoding, format, source and title). Throws what
// read_articles() throws for an unreadable file.
std::vector<ScannedArticle> scan_residue_lines(const SourceFile& file, std::string_view bytes,
                                               const ReadOptions& options);

// A learnt line, for --status.
struct LearntLine {
  std::uint64_t key = 0;
  std::uint64_t source_key = 0;
  std::string source;
  std::string text;
  std::uint32_t articles = 0;  // of the source's articles, those holding the line
  std::uint32_t of = 0;        // the source's articles
};

// Counts of edge lines and articles per source, for the corpus as a run leaves it.
class ResidueCounts {
 public:
  // Starts from what the index holds: the source totals, and lines that could still
  // reach kResidueMinArticles (in two or more articles, or among `scanned`).
  void load_index(const Xapian::Database& db, const std::vector<ScannedArticle>& scanned);
  // Takes out an indexed article that the run replaces or deletes.
  void remove_indexed(const Xapian::Database& db, Xapian::docid docid);
  void add(const ScannedArticle& article);

  // The lines that are residue now.
  LearntSet learnt() const;
  // The same with their text, for the record: from the pre-scan, else from `known` (an
  // earlier record), else read back from an article of the index that still holds the
  // line (one cleaned before the line was learnt; db may be null).
  std::vector<LearntLine> describe(const Xapian::Database* db,
                                   const std::vector<LearntLine>& known = {}) const;

 private:
  struct Line {
    std::uint64_t source = 0;
    std::int64_t count = 0;
  };
  bool is_learnt(const Line& line) const;

  std::unordered_map<std::uint64_t, Line> lines_;
  std::unordered_map<std::uint64_t, std::int64_t> articles_;  // per source key
  std::unordered_map<std::uint64_t, std::string> sources_;    // source key -> name
  std::unordered_map<std::uint64_t, std::string> texts_;      // of lines seen twice
};

// The residue every article has been cleaned with, recorded in the index metadata once
// it is true, with whether learning is on (--no-learn-residue). An article cleaned with
// another set holds one of the lines that differ: those are cleaned again.
struct ResidueRecord {
  bool learning = true;
  std::vector<LearntLine> lines;
  LearntSet set() const;
};
ResidueRecord recorded_residue(const Xapian::Database& db);
void record_residue(Xapian::WritableDatabase& db, const ResidueRecord& record);

// The lines in one set and not the other.
LearntSet lines_differing(const LearntSet& a, const LearntSet& b);

// The articles that hold any of these lines at their edges, in docid order.
std::vector<Xapian::docid> articles_with_lines(const Xapian::Database& db, const LearntSet& lines);

}  // namespace newsdex
