#include "newsdex/gazetteer.h"

#include "newsdex/embedded_data.h"

namespace newsdex {
namespace {

// The ASCII fold of each code point of U+00C0..U+024F and U+1E00..U+1EFF (Latin-1 to
// Latin Extended-B, and Latin Extended Additional, where GeoNames' transliterations and
// Vietnamese live), two bytes each: one or two letters padded with a space, or two spaces
// to keep the character as it is. Printed by
// `common/data/regenerate/build_gazetteers.py --fold-table`, whose fold() merges the
// spellings of the data files in the same way; regenerate both together.
constexpr std::string_view kFoldLatin =
    "a a a a a a aec e e e e i i i i d n o o o o o   o u u u u y thss"
    "a a a a a a aec e e e e i i i i d n o o o o o   o u u u u y thy "
    "a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g "
    "g g g g h h h h i i i i i i i i i i ijijj j k k k l l l l l l l "
    "l l l n n n n n n n n n o o o o o o oeoer r r r r r s s s s s s "
    "s s t t t t t t u u u u u u u u u u u u w w y y y z z z z z z s "
    "                                                                "
    "o o                           u u                               "
    "        dzdzdzljljljnjnjnja a i i o o u u u u u u u u u u   a a "
    "a a         g g k k o o o o     j dzdzdzg g     n n a a         "
    "a a a a e e e e i i i i o o o o r r r r u u u u s s t t     h h "
    "            a a e e o o o o o o o o y y                         "
    "                                ";
constexpr char32_t kFoldLatinFirst = 0x00C0;
constexpr std::string_view kFoldLatinAdditional =
    "a a b b b b b b c c d d d d d d d d d d e e e e e e e e e e f f "
    "g g h h h h h h h h h h i i i i k k k k k k l l l l l l l l m m "
    "m m m m n n n n n n n n o o o o o o o o p p p p r r r r r r r r "
    "s s s s s s s s s s t t t t t t t t u u u u u u u u u u v v v v "
    "w w w w w w w w w w x x x x y y z z z z z z h t w y a s     ss  "
    "a a a a a a a a a a a a a a a a a a a a a a a a e e e e e e e e "
    "e e e e e e e e i i i i o o o o o o o o o o o o o o o o o o o o "
    "o o o o u u u u u u u u u u u u u u y y y y y y y y             ";
constexpr char32_t kFoldLatinAdditionalFirst = 0x1E00;
static_assert(kFoldLatin.size() == 2 * (0x0250 - 0x00C0));
static_assert(kFoldLatinAdditional.size() == 2 * 0x100);

// Apostrophes differ between sources and sites (' ’ ‘ and the modifier letters GeoNames
// writes for ʿayn and hamza), so none of them takes part in a match.
bool is_dropped(char32_t code) {
  return code == 0x2018 || code == 0x2019 || code == 0x02BB || code == 0x02BC || code == 0x02BE ||
         code == 0x02BF || (code >= 0x0300 && code < 0x0370);
}

// Length of the well-formed UTF-8 sequence at `text[i]` and its code point, or 0 when the
// bytes there are not one (they are then copied byte by byte).
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& code) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || i + length > text.size()) return 0;
  code = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  return length;
}

// The fold of gazetteer_key() into `out`, which holds `capacity` bytes; returns the
// length, or capacity + 1 as soon as the key would not fit. The fold never lengthens a
// character, so capacity == text.size() always suffices.
std::size_t fold_into(std::string_view text, char* out, std::size_t capacity) {
  std::size_t length = 0;
  auto put = [&](char c) {
    if (length < capacity) out[length] = c;
    ++length;
  };
  for (std::size_t i = 0; i < text.size() && length <= capacity;) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c != '\'') put(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
      ++i;
      continue;
    }
    char32_t code = 0;
    std::size_t bytes = decode_utf8(text, i, code);
    if (bytes == 0) {
      put(static_cast<char>(c));
      ++i;
      continue;
    }
    std::string_view cell;
    if (code >= kFoldLatinFirst && code < kFoldLatinFirst + kFoldLatin.size() / 2) {
      cell = kFoldLatin.substr(2 * (code - kFoldLatinFirst), 2);
    } else if (code >= kFoldLatinAdditionalFirst &&
               code < kFoldLatinAdditionalFirst + kFoldLatinAdditional.size() / 2) {
      cell = kFoldLatinAdditional.substr(2 * (code - kFoldLatinAdditionalFirst), 2);
    }
    if (!cell.empty() && cell[0] != ' ') {
      put(cell[0]);
      if (cell[1] != ' ') put(cell[1]);
    } else if (!is_dropped(code)) {
      for (std::size_t k = 0; k < bytes; ++k) put(text[i + k]);
    }
    i += bytes;
  }
  return length <= capacity ? length : capacity + 1;
}

std::uint8_t parse_kinds(std::string_view list) {
  std::uint8_t kinds = 0;
  while (!list.empty()) {
    std::size_t comma = list.find(',');
    std::string_view kind = list.substr(0, comma);
    if (kind == "country") kinds |= kPlaceCountry;
    if (kind == "subdivision") kinds |= kPlaceSubdivision;
    if (kind == "city") kinds |= kPlaceCity;
    if (kind == "region") kinds |= kPlaceRegion;
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return kinds;
}

// Calls `line_fn` with each non-empty line of `text`, without its line break.
template <typename LineFn>
void for_each_line(std::string_view text, LineFn line_fn) {
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) line_fn(line);
  }
}

std::size_t count_lines(std::string_view text) {
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n' ? 1 : 0;
  return lines + 1;
}

}  // namespace

std::string gazetteer_key(std::string_view text) {
  std::string key(text.size(), '\0');
  key.resize(fold_into(text, key.data(), key.size()));
  return key;
}

const Gazetteer& Gazetteer::instance() {
  static const Gazetteer gazetteer(embedded::places(), embedded::given_names(),
                                   embedded::family_names());
  return gazetteer;
}

Gazetteer::Gazetteer(std::string_view places, std::string_view given_names,
                     std::string_view family_names)
    : key_bytes_(new char[places.size() + given_names.size() + family_names.size()]) {
  // Every key is a fold of part of the input and no longer than it, so the buffer sized
  // to the whole input never needs to grow and the views into it stay valid.
  char* next = key_bytes_.get();
  auto store_key = [&](std::string_view text) -> std::string_view {
    std::size_t length = fold_into(text, next, text.size());
    if (length == 0 || length > kMaxKeyBytes) return {};
    std::string_view key(next, length);
    next += length;
    if (length > longest_key_bytes_) longest_key_bytes_ = length;
    return key;
  };

  places_.reserve(count_lines(places));
  for_each_line(places, [&](std::string_view line) {
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return;
    std::string_view name = line.substr(0, tab);
    std::uint8_t kinds = parse_kinds(line.substr(tab + 1));
    if (kinds == 0) return;
    std::string_view key = store_key(name);
    if (key.empty()) return;
    auto [it, inserted] = places_.try_emplace(key, Place{name, kinds});
    if (!inserted) {
      it->second.kinds |= kinds;
      next -= key.size();  // the first spelling stays; its key already holds these bytes
      return;
    }
    std::size_t words = 1;
    for (char c : name) words += c == ' ' ? 1 : 0;
    if (words > longest_place_words_) longest_place_words_ = words;
  });

  auto load_names = [&](std::string_view text, std::unordered_set<std::string_view>& set) {
    set.reserve(count_lines(text));
    for_each_line(text, [&](std::string_view line) {
      std::string_view key = store_key(line);
      if (!key.empty() && !set.insert(key).second) next -= key.size();
    });
  };
  load_names(given_names, given_names_);
  load_names(family_names, family_names_);
}

std::string_view Gazetteer::lookup_key(std::string_view text, char* buffer) const {
  std::size_t length = fold_into(text, buffer, longest_key_bytes_);  // <= kMaxKeyBytes
  return length > longest_key_bytes_ ? std::string_view() : std::string_view(buffer, length);
}

const Gazetteer::Place* Gazetteer::find_place(std::string_view name) const {
  char buffer[kMaxKeyBytes];
  std::string_view key = lookup_key(name, buffer);
  if (key.empty()) return nullptr;
  auto it = places_.find(key);
  return it == places_.end() ? nullptr : &it->second;
}

std::uint8_t Gazetteer::place_kinds(std::string_view name) const {
  const Place* place = find_place(name);
  return place == nullptr ? 0 : place->kinds;
}

std::string_view Gazetteer::place_spelling(std::string_view name) const {
  const Place* place = find_place(name);
  return place == nullptr ? std::string_view() : place->spelling;
}

bool Gazetteer::is_given_name(std::string_view word) const {
  char buffer[kMaxKeyBytes];
  std::string_view key = lookup_key(word, buffer);
  return !key.empty() && given_names_.contains(key);
}

bool Gazetteer::is_family_name(std::string_view word) const {
  char buffer[kMaxKeyBytes];
  std::string_view key = lookup_key(word, buffer);
  return !key.empty() && family_names_.contains(key);
}

}  // namespace newsdex
