#include "newsdex/entity_tagger.h"

#include <algorithm>
#include <cstring>

#include "newsdex/embedded_data.h"
#include "newsdex/errors.h"

namespace newsdex {
namespace {

template <class T>
T read_le(std::string_view bytes, std::size_t offset) {
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof value);  // x86 and ARM are little endian
  return value;
}

}  // namespace

TaggerModel::TaggerModel(std::string_view bytes) {
  if (bytes.empty()) return;
  constexpr std::size_t kHeader = 16;
  if (bytes.size() < kHeader || bytes.substr(0, 8) != kTaggerModelMagic ||
      read_le<std::uint32_t>(bytes, 8) != kTagCount) {
    throw Error("entity model: not a newsdex tagger model");
  }
  rows_ = read_le<std::uint32_t>(bytes, 12);
  std::size_t expected = kHeader + rows_ * 4 + rows_ * kTagCount * 2;
  if (bytes.size() < expected) throw Error("entity model: truncated");

  std::size_t slots = 1;
  while (slots < rows_ * 2) slots <<= 1;
  mask_ = static_cast<std::uint32_t>(slots - 1);
  slots_.assign(slots, Slot{});
  for (std::size_t row = 0; row < rows_; ++row) {
    std::uint32_t key = read_le<std::uint32_t>(bytes, kHeader + row * 4);
    std::uint32_t slot = key & mask_;
    while (slots_[slot].key != 0) slot = (slot + 1) & mask_;
    slots_[slot] = {key, static_cast<std::uint32_t>(row)};
  }
  weights_.resize(rows_ * kTagCount);
  std::memcpy(weights_.data(), bytes.data() + kHeader + rows_ * 4, weights_.size() * 2);
}

const TaggerModel& TaggerModel::embedded() {
  static const TaggerModel model(embedded::ner_model());
  return model;
}

void TaggerModel::add_scores(const std::vector<std::uint32_t>& keys, std::int32_t* scores) const {
  if (rows_ == 0) return;
  // The table and the rows are megabytes, so nearly every lookup misses the cache: ask
  // for a batch of slots first, then for the rows found, so that the misses overlap.
  constexpr std::size_t kBatch = 32;
  std::uint32_t rows[kBatch];
  for (std::size_t first = 0; first < keys.size(); first += kBatch) {
    std::size_t last = std::min(keys.size(), first + kBatch);
    for (std::size_t k = first; k < last; ++k) __builtin_prefetch(&slots_[keys[k] & mask_]);
    std::size_t found = 0;
    for (std::size_t k = first; k < last; ++k) {
      for (std::uint32_t slot = keys[k] & mask_; slots_[slot].key != 0; slot = (slot + 1) & mask_) {
        if (slots_[slot].key != keys[k]) continue;
        rows[found++] = slots_[slot].row;
        __builtin_prefetch(&weights_[std::size_t{slots_[slot].row} * kTagCount]);
        break;
      }
    }
    for (std::size_t r = 0; r < found; ++r) {
      const std::int16_t* row = &weights_[std::size_t{rows[r]} * kTagCount];
      for (int tag = 0; tag < kTagCount; ++tag) scores[tag] += row[tag];
    }
  }
}

std::vector<std::uint8_t> tag_tokens(const TaggerModel& model, std::string_view text,
                                     const std::vector<Token>& tokens) {
  FeatureContext context(text, tokens);
  std::vector<std::uint8_t> tags;
  decode_left_to_right<std::int32_t>(
      context, tags,
      [&](const std::vector<std::uint32_t>& keys, std::int32_t* scores) {
        model.add_scores(keys, scores);
      },
      [](std::size_t, const std::vector<std::uint32_t>&, std::uint8_t tag) { return tag; });
  return tags;
}

}  // namespace newsdex
