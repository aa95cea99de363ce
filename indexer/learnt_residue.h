// Residue learnt from the corpus: short lines that one source repeats across many of
// its articles. The index itself keeps the counts: every article carries one term per
// short line of its raw text (kResidueLinePrefix), so a line's term frequency is the
// number of articles that contain it, kept right by Xapian through updates and deletes.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace newsdex {

using LineKeys = std::unordered_set<std::uint64_t>;

// Keys of the lines in at least kLearntResidueMinArticles articles.
LineKeys load_learnt_residue(const Xapian::Database& db);

// The articles that contain any of these lines, in docid order.
std::vector<Xapian::docid> articles_with_lines(const Xapian::Database& db,
                                               const std::vector<std::uint64_t>& keys);

// The learnt residue that every article has been cleaned with, recorded in the index
// metadata once it is true. A line learnt since (by this run, or by one that stopped
// before cleaning older articles again) is missing from it: those articles need
// cleaning again, whatever happened in between.
LineKeys recorded_residue(const Xapian::Database& db);
void record_residue(Xapian::WritableDatabase& db, const LineKeys& keys);

// The keys of `now` that are not in `before`, sorted.
std::vector<std::uint64_t> keys_added(const LineKeys& now, const LineKeys& before);

}  // namespace newsdex
