// Features of the entity tagger: what the model sees of each token. Shared by the
// runtime tagger and the trainer (tools/train-ner/), so both compute exactly the same keys.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "newsdex/tokenizer.h"

namespace newsdex {

// Tags: O, then B and I for each type (person, place, organisation, other named thing).
// MISC is learnt so that nationalities and events are not taken for places or groups.
enum class EntityType : std::uint8_t { kPerson = 0, kPlace = 1, kOrganization = 2, kMisc = 3 };
inline constexpr std::uint8_t kTagOutside = 0;
inline constexpr int kTagCount = 9;
inline constexpr std::uint8_t begin_tag(EntityType type) {
  return static_cast<std::uint8_t>(1 + 2 * static_cast<int>(type));
}
inline constexpr std::uint8_t inside_tag(EntityType type) {
  return static_cast<std::uint8_t>(2 + 2 * static_cast<int>(type));
}
inline constexpr EntityType tag_type(std::uint8_t tag) {
  return static_cast<EntityType>((tag - 1) / 2);
}
inline constexpr bool is_inside_tag(std::uint8_t tag) { return tag != kTagOutside && tag % 2 == 0; }

// What is known of one token before tagging starts.
struct TokenInfo {
  std::uint64_t word = 0;       // hash of the lower-cased text
  std::uint64_t shape = 0;      // hash of the word shape ("Xx-Xx", "X.X.", "d")
  std::uint64_t suffix = 0;     // hash of the last three lower-cased bytes
  std::uint8_t place = 0;       // PlaceKind bits of the token alone
  std::uint8_t place_span = 0;  // bit 7: inside a longer gazetteer place; bits 0-3 its kinds
  std::uint16_t lexicon = 0;    // LexiconBit flags
};

class FeatureContext {
 public:
  // Precomputes TokenInfo for every token; `text` and `tokens` must outlive the context.
  FeatureContext(std::string_view text, const std::vector<Token>& tokens);

  std::size_t size() const { return tokens_.size(); }

  // Whether token i starts a line (a name never runs on from the line before).
  bool starts_line(std::size_t i) const { return tokens_[i].has(kTokenLineStart); }

  // Whether the model decides this token's tag; the others are outside any entity.
  // Names start with a capital; small words join them only inside a name ("van der").
  bool is_candidate(std::size_t i, std::uint8_t previous_tag) const;

  // Replaces `out` with the feature keys of token i; `tags` holds the tags of tokens
  // before i (decided left to right).
  void features(std::size_t i, const std::uint8_t* tags, std::vector<std::uint32_t>& out) const;

  // Records the tag given to token i, for the "same word earlier in the article" feature.
  void remember(std::size_t i, std::uint8_t tag);

 private:
  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::vector<TokenInfo> info_;
  std::uint64_t lead_word_ = 0;  // hash of the text's first word
  // Word hash -> 1 + type of its latest tag; a short list, an article names few things.
  std::vector<std::pair<std::uint64_t, std::uint8_t>> type_seen_;
};

}  // namespace newsdex
