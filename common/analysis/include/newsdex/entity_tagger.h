// The entity tagger: a linear model over FeatureContext features, decoded greedily left
// to right into B/I/O tags. Trained by tools/train-ner/train_ner.cc; the trained model is
// common/data/ner_model.bin, compiled into the library.
#pragma once

#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "newsdex/entity_features.h"
#include "newsdex/tokenizer.h"

namespace newsdex {

// Model file format (little endian): "NDXNER01", u32 tag count (9), u32 feature count N,
// N u32 feature keys, then N rows of 9 int16 weights (row i belongs to key i).
inline constexpr std::string_view kTaggerModelMagic = "NDXNER01";

class TaggerModel {
 public:
  // Throws Error when `bytes` is not a model of this format. An empty string gives an
  // empty model (every token outside), so a build without a trained model still runs.
  explicit TaggerModel(std::string_view bytes);

  // The model compiled into the library; loaded on first use, thread-safe.
  static const TaggerModel& embedded();

  std::size_t feature_count() const { return rows_; }

  // Adds the weights of each known key to scores[0..kTagCount).
  void add_scores(const std::vector<std::uint32_t>& keys, std::int32_t* scores) const;

 private:
  // Open addressing with linear probing; a key and its row share a slot, so a lookup
  // touches one cache line of the table and then the row.
  struct Slot {
    std::uint32_t key = 0;  // 0 = empty
    std::uint32_t row = 0;
  };
  std::vector<Slot> slots_;
  std::vector<std::int16_t> weights_;
  std::uint32_t mask_ = 0;
  std::size_t rows_ = 0;
};

// Whether `tag` may follow `previous` (an I- tag continues a B- or I- of its type).
inline bool tag_allowed(std::uint8_t tag, std::uint8_t previous) {
  if (!is_inside_tag(tag)) return true;
  EntityType type = tag_type(tag);
  return previous == begin_tag(type) || previous == inside_tag(type);
}

// Greedy left-to-right decoding shared by the tagger and the trainer. `score(keys,
// scores)` fills kTagCount scores; `observe(i, keys, tag)` sees each decided candidate
// (the trainer updates its weights there). Non-candidates are tagged outside.
template <class Score, class ScoreFn, class ObserveFn>
void decode_left_to_right(FeatureContext& context, std::vector<std::uint8_t>& tags, ScoreFn&& score,
                          ObserveFn&& observe) {
  tags.assign(context.size(), kTagOutside);
  std::vector<std::uint32_t> keys;
  for (std::size_t i = 0; i < context.size(); ++i) {
    std::uint8_t previous = i > 0 && !context.starts_line(i) ? tags[i - 1] : kTagOutside;
    if (!context.is_candidate(i, previous)) continue;
    context.features(i, tags.data(), keys);
    Score scores[kTagCount] = {};
    score(keys, scores);
    std::uint8_t best = kTagOutside;
    for (std::uint8_t tag = 1; tag < kTagCount; ++tag) {
      if (tag_allowed(tag, previous) && scores[tag] > scores[best]) best = tag;
    }
    best = observe(i, keys, best);
    tags[i] = best;
    context.remember(i, best);
  }
}

// Tags the tokens of `text` with the model.
std::vector<std::uint8_t> tag_tokens(const TaggerModel& model, std::string_view text,
                                     const std::vector<Token>& tokens);

}  // namespace newsdex
