#include "residue_prescan.h"

#include <optional>

#include "ordered_pipeline.h"

namespace newsdex {
namespace {

// Files scanned ahead of the consumer at most; the scan of a file is small.
constexpr std::size_t kScanWindow = 512;

}  // namespace

ResidueLearned learn_residue(const ResidueInputs& inputs, const ResidueRecord& recorded) {
  ResidueLearned learned;
  if (!inputs.learning) {
    learned.record.learning = false;
    learned.record_changed = recorded.learning || !recorded.lines.empty();
    return learned;
  }
  if (inputs.files.empty() && inputs.deleted.empty() && recorded.learning && !inputs.from_scratch) {
    learned.lines = recorded.set();
    learned.record = recorded;
    return learned;
  }

  std::vector<std::optional<std::vector<ScannedArticle>>> scans(inputs.files.size());
  run_ordered(
      inputs.files.size(), inputs.workers, kScanWindow, [] { return 0; },
      [&](int&, std::size_t i) -> std::optional<std::vector<ScannedArticle>> {
        if (inputs.interrupted != nullptr && *inputs.interrupted) return std::nullopt;
        try {
          const SourceFile& file = *inputs.files[i];
          return scan_residue_lines(file, inputs.fs->read_file(file.path, file.read_limits),
                                    inputs.read);
        } catch (...) {
          return std::nullopt;  // the run reports it when it reads the file again
        }
      },
      [&](std::size_t i, std::optional<std::vector<ScannedArticle>> scan) {
        scans[i] = std::move(scan);
      });

  ResidueCounts counts;
  if (!inputs.from_scratch) {
    std::vector<ScannedArticle> all;
    for (const auto& scan : scans) {
      if (scan) all.insert(all.end(), scan->begin(), scan->end());
    }
    counts.load_index(*inputs.db, all);
    for (std::size_t i = 0; i < scans.size(); ++i) {
      if (!scans[i]) continue;
      for (Xapian::docid docid : inputs.replaced[i]) counts.remove_indexed(*inputs.db, docid);
    }
    for (Xapian::docid docid : inputs.deleted) counts.remove_indexed(*inputs.db, docid);
  }
  for (const auto& scan : scans) {
    if (!scan) continue;
    for (const ScannedArticle& article : *scan) counts.add(article);
  }
  learned.lines = counts.learnt();
  learned.record.learning = true;
  learned.record.lines = counts.describe(inputs.db, recorded.lines);
  learned.counted = true;
  learned.record_changed = true;
  return learned;
}

}  // namespace newsdex
