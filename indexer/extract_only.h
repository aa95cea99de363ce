// newsdex-index --extract-only: what the analysis finds in each article, as JSON Lines,
// without writing an index.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "index_run.h"
#include "newsdex/article_analyzer.h"
#include "newsdex/file_system.h"

namespace newsdex {

// Prints one line per article: {"file": id, "people": [...], "places": [...],
// "organizations": [...], "topics": [...], "aliases": {canonical: [other names]}}.
// Articles are cleaned as newsdex-index cleans them: with the residue that an index of
// the same roots learns (none with learn_residue_lines false). Articles are analysed
// on `jobs` threads; lines come out in walk order whatever the
// number of jobs. Returns the number of files skipped (reported through `report_skip`,
// from the calling thread).
std::size_t extract_only(const std::vector<std::string>& roots, const FileSystem& fs,
                         const ArticleAnalyzer& analyzer, std::ostream& out,
                         const SkipReporter& report_skip, unsigned jobs = 1,
                         bool learn_residue_lines = true);

}  // namespace newsdex
