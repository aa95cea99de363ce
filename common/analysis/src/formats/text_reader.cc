#include "newsdex/formats/text_reader.h"

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/text_analyzer.h"
#include "newsdex/text_decoding.h"

namespace newsdex {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kSpaces = " \t";

// A YAML block must close within this many lines, or the "---" is a rule, not metadata.
constexpr std::size_t kMaxFrontMatterLines = 60;

std::string_view trim(std::string_view s) {
  const std::size_t first = s.find_first_not_of(kSpaces);
  if (first == s.npos) return {};
  return s.substr(first, s.find_last_not_of(kSpaces) - first + 1);
}

bool is_blank(std::string_view s) { return trim(s).empty(); }

bool is_alpha(char c) { return ascii_lower(c) >= 'a' && ascii_lower(c) <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

// Lines without their ends; "\r\n", "\r" and "\n" all end a line.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find_first_of("\r\n", start);
    if (end == text.npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + (text.compare(end, 2, "\r\n") == 0 ? 2 : 1);
  }
  return lines;
}

// The metadata field a front-matter key fills; nullptr for keys we do not use.
std::string* meta_field(ArticleMetadata& meta, std::string_view key) {
  const std::string k = ascii_lower(key);
  if (k == "title") return &meta.title;
  if (k == "date" || k == "published") return &meta.date;
  if (k == "source" || k == "site") return &meta.source;
  if (k == "author" || k == "authors" || k == "byline") return &meta.author;
  if (k == "url") return &meta.url;
  return nullptr;
}

void set_once(std::string* field, std::string value) {
  if (field != nullptr && field->empty()) *field = std::move(value);
}

std::string_view unquote(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    s = s.substr(1, s.size() - 2);
  }
  return s;
}

// The code point of the four hex digits that start `digits` ("00e9" of \u00e9), if they
// are four hex digits.
std::optional<char32_t> hex4(std::string_view digits) {
  std::uint32_t code = 0;
  if (digits.size() < 4) return std::nullopt;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + 4, code, 16);
  if (error != std::errc() || end != digits.data() + 4) return std::nullopt;
  return static_cast<char32_t>(code);
}

// The value of a YAML scalar: a double-quoted one with its escapes read (\" \\ \n \t
// \/ \uXXXX; a line break or tab becomes a space, as in a title), a single-quoted one
// with '' read as ', a plain one as it is. `Markets "wobble"` is never shown as
// `Markets \"wobble\"`.
std::string yaml_scalar(std::string_view raw) {
  const std::string_view s = trim(raw);
  if (s.size() < 2 || (s.front() != '"' && s.front() != '\'') || s.back() != s.front()) {
    return std::string(s);
  }
  const std::string_view inner = s.substr(1, s.size() - 2);
  std::string value;
  value.reserve(inner.size());
  if (s.front() == '\'') {
    for (std::size_t i = 0; i < inner.size(); ++i) {
      value += inner[i];
      if (inner[i] == '\'' && i + 1 < inner.size() && inner[i + 1] == '\'') ++i;
    }
    return value;
  }
  for (std::size_t i = 0; i < inner.size(); ++i) {
    if (inner[i] != '\\' || i + 1 == inner.size()) {
      value += inner[i];
      continue;
    }
    const char escape = inner[++i];
    switch (escape) {
      case 'n':
      case 't':
      case 'r':
        value += ' ';
        break;
      case 'u':
        if (std::optional<char32_t> code = hex4(inner.substr(i + 1))) {
          append_utf8(value, *code);
          i += 4;
        } else {
          value += "\\u";
        }
        break;
      default:  // \" \\ \/ and anything else: the character itself
        value += escape;
        break;
    }
  }
  return value;
}

void append_item(std::string& list, std::string_view item) {
  const std::string value = yaml_scalar(item);
  if (value.empty()) return;
  if (!list.empty()) list += ", ";
  list += value;
}

// A YAML value: plain or quoted, or a flow list "[A, B]" joined with ", ".
std::string yaml_value(std::string_view raw) {
  const std::string_view value = trim(raw);
  if (value.size() < 2 || value.front() != '[' || value.back() != ']') {
    return yaml_scalar(value);
  }
  std::string list;
  std::string_view items = value.substr(1, value.size() - 2);
  while (!items.empty()) {
    const std::size_t comma = items.find(',');
    append_item(list, items.substr(0, comma));
    items = comma == items.npos ? std::string_view() : items.substr(comma + 1);
  }
  return list;
}

// "key: value" with a key of letters, digits, '_' and '-' from the first column.
std::optional<std::pair<std::string_view, std::string_view>> key_value(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == 0 || colon == line.npos) return std::nullopt;
  const std::string_view key = line.substr(0, colon);
  for (const char c : key) {
    if (!is_alnum(c) && c != '_' && c != '-') return std::nullopt;
  }
  return std::pair{key, line.substr(colon + 1)};
}

// A YAML block between "---" and "---" or "..." from the first line: simple "key: value"
// pairs, "- item" lists (joined with ", ") and "|" or ">" blocks (joined with spaces),
// nothing nested. Returns the number of lines it takes, 0 when the text does not start
// with one.
std::size_t read_yaml_front_matter(const std::vector<std::string_view>& lines,
                                   ArticleMetadata& meta) {
  if (lines.empty() || trim(lines[0]) != "---") return 0;
  std::size_t end = 1;
  while (end < lines.size() && end < kMaxFrontMatterLines && trim(lines[end]) != "---" &&
         trim(lines[end]) != "...") {
    ++end;
  }
  if (end == lines.size() || end == kMaxFrontMatterLines) return 0;
  // The field whose value continues on the next lines, as a list or as a text block.
  std::string* open_field = nullptr;
  bool open_is_list = false;
  std::string value;
  const auto close_field = [&] {
    set_once(open_field, std::move(value));
    open_field = nullptr;
    value.clear();
  };
  for (std::size_t i = 1; i < end; ++i) {
    const std::string_view line = lines[i];
    const std::string_view item = trim(line);
    if (open_field != nullptr && open_is_list && item.substr(0, 2) == "- ") {
      append_item(value, item.substr(2));
      continue;
    }
    if (open_field != nullptr && !open_is_list && !item.empty() && line[0] != item[0]) {
      if (!value.empty()) value += ' ';
      value += item;
      continue;
    }
    close_field();
    const auto pair = key_value(line);
    if (!pair) continue;
    std::string* field = meta_field(meta, pair->first);
    const std::string_view raw = trim(pair->second);
    if (raw.empty() || raw[0] == '|' || raw[0] == '>') {
      open_field = field;
      open_is_list = raw.empty();
    } else {
      set_once(field, yaml_value(raw));
    }
  }
  close_field();
  return end + 1;
}

// Leading "Title: ..." lines up to the first blank line, all with known keys; anything
// else ("Washington: The senate voted ...") is article text. Returns the lines taken.
std::size_t read_key_value_lines(const std::vector<std::string_view>& lines,
                                 ArticleMetadata& meta) {
  std::size_t end = 0;
  ArticleMetadata found;
  for (; end < lines.size() && !is_blank(lines[end]); ++end) {
    const std::string_view line = lines[end];
    const std::size_t colon = line.find(':');
    if (colon == line.npos) return 0;
    std::string* field = meta_field(found, trim(line.substr(0, colon)));
    if (field == nullptr) return 0;
    set_once(field, std::string(unquote(line.substr(colon + 1))));
  }
  if (end == 0) return 0;
  meta = std::move(found);
  return end;
}

// --- Markdown ---

std::size_t indent_of(std::string_view line) {
  const std::size_t first = line.find_first_not_of(' ');
  return first == line.npos ? line.size() : first;
}

// "```" or "~~~" (three or more) opening a fenced code block: the fence, or "".
std::string_view fence_of(std::string_view line) {
  if (indent_of(line) > 3) return {};
  line = trim(line);
  if (line.empty() || (line[0] != '`' && line[0] != '~')) return {};
  const std::size_t run = line.find_first_not_of(line[0]);
  const std::size_t length = run == line.npos ? line.size() : run;
  return length >= 3 ? line.substr(0, length) : std::string_view();
}

bool closes_fence(std::string_view line, std::string_view fence) {
  const std::string_view t = trim(line);
  return indent_of(line) <= 3 && t.size() >= fence.size() &&
         t.find_first_not_of(fence[0]) == t.npos;
}

// "***", "- - -", "___": three or more of one marker and spaces only.
bool is_rule(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.empty() || (t[0] != '-' && t[0] != '*' && t[0] != '_')) return false;
  std::size_t marks = 0;
  for (const char c : t) {
    if (c == t[0]) {
      ++marks;
    } else if (c != ' ' && c != '\t') {
      return false;
    }
  }
  return marks >= 3;
}

// A setext underline: "===" or "---" under a line of text.
bool is_underline(std::string_view line) {
  const std::string_view t = trim(line);
  return !t.empty() && (t[0] == '=' || t[0] == '-') && t.find_first_not_of(t[0]) == t.npos;
}

// "[label]: http://..." (not a footnote "[^1]: ...", which is text).
bool is_link_definition(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.size() < 2 || t[0] != '[' || t[1] == '^') return false;
  const std::size_t close = t.find("]:");
  return close != t.npos && close > 1 && !is_blank(t.substr(close + 2));
}

// "# Heading ##" to "Heading"; nullopt when the line is not an ATX heading.
std::optional<std::string_view> atx_heading(std::string_view line) {
  if (indent_of(line) > 3) return std::nullopt;
  line = trim(line);
  const std::size_t hashes = line.find_first_not_of('#');
  if (hashes == 0 || hashes > 6) return std::nullopt;
  if (hashes == line.npos) return std::string_view();
  if (line[hashes] != ' ' && line[hashes] != '\t') return std::nullopt;
  std::string_view text = trim(line.substr(hashes));
  const std::size_t last = text.find_last_not_of('#');
  if (last == text.npos) return std::string_view();
  if (last + 1 < text.size() && (text[last] == ' ' || text[last] == '\t')) {
    text = trim(text.substr(0, last));
  }
  return text;
}

// Removes "> " quote marks and a "- ", "* ", "+ ", "1. " or "1) " list marker.
std::string_view strip_line_markers(std::string_view line) {
  line = trim(line);
  while (!line.empty() && line[0] == '>') line = trim(line.substr(1));
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') &&
      (line[1] == ' ' || line[1] == '\t')) {
    return trim(line.substr(2));
  }
  std::size_t digits = 0;
  while (digits < line.size() && digits < 9 && is_digit(line[digits])) ++digits;
  if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
      (line[digits + 1] == ' ' || line[digits + 1] == '\t')) {
    return trim(line.substr(digits + 2));
  }
  return line;
}

// The end of a "[text]" starting at s[open] == '[' (the index of its ']'), or npos.
std::size_t bracket_end(std::string_view s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '[') {
      ++depth;
    } else if (s[i] == ']' && --depth == 0) {
      return i;
    }
  }
  return s.npos;
}

// After "[text]" at s[i]: "(url)" or "[ref]" that makes it a link; the index past it, or
// npos. Addresses may hold balanced parentheses ("wiki/Mercury_(planet)").
std::size_t link_target_end(std::string_view s, std::size_t i) {
  if (i >= s.size()) return s.npos;
  if (s[i] == '[') {
    const std::size_t close = s.find(']', i);
    return close == s.npos ? close : close + 1;
  }
  if (s[i] != '(') return s.npos;
  int depth = 0;
  for (std::size_t j = i; j < s.size(); ++j) {
    if (s[j] == '(') {
      ++depth;
    } else if (s[j] == ')' && --depth == 0) {
      return j + 1;
    }
  }
  return s.npos;
}

bool is_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

// Inline Markdown to plain text: links keep their text, images go, emphasis and code
// marks go (code keeps its text), inline HTML tags go.
std::string inline_text(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && is_punct(s[i + 1])) {
      out += s[i + 1];
      i += 2;
    } else if (c == '`') {
      const std::size_t end = s.find_first_not_of('`', i);
      const std::size_t run = (end == s.npos ? s.size() : end) - i;
      const std::size_t close = s.find(std::string(run, '`'), i + run);
      if (close == s.npos) {
        out.append(run, '`');
        i += run;
      } else {
        out += trim(s.substr(i + run, close - i - run));
        i = close + run;
      }
    } else if ((c == '!' && i + 1 < s.size() && s[i + 1] == '[') || c == '[') {
      const std::size_t open = c == '!' ? i + 1 : i;
      const std::size_t close = bracket_end(s, open);
      const std::size_t end = close == s.npos ? s.npos : link_target_end(s, close + 1);
      if (end == s.npos) {
        out += c;
        ++i;
      } else {
        if (c == '[') out += inline_text(s.substr(open + 1, close - open - 1));
        i = end;
      }
    } else if (c == '<' && i + 1 < s.size() &&
               (is_alpha(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) {
      const std::size_t close = s.find('>', i);
      if (close == s.npos) {
        out += c;
        ++i;
        continue;
      }
      const std::string_view inside = s.substr(i + 1, close - i - 1);
      // An autolink "<https://...>" shows its address.
      if (inside.find("://") != inside.npos && inside.find(' ') == inside.npos) out += inside;
      i = close + 1;
    } else if (c == '*' || c == '_' || c == '~') {
      const std::size_t end = s.find_first_not_of(c, i);
      const std::size_t run = (end == s.npos ? s.size() : end) - i;
      const char before = i == 0 ? ' ' : s[i - 1];
      const char after = end == s.npos ? ' ' : s[end];
      const bool space_before = before == ' ' || before == '\t';
      const bool space_after = after == ' ' || after == '\t';
      // "2 * 3" stays, and so does snake_case; "~" alone is not strike-through.
      const bool keep = (space_before && space_after) ||
                        (c == '_' && is_alnum(before) && is_alnum(after)) || (c == '~' && run < 2);
      if (keep) out.append(run, c);
      i += run;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

// Markdown blocks to plain text with blank lines between paragraphs and headings on
// lines of their own.
std::string markdown_to_text(const std::vector<std::string_view>& lines, std::size_t first) {
  std::vector<std::string> out;
  // True while the last line out is paragraph text that an underline can make a heading.
  bool in_paragraph = false;
  const auto blank = [&] {
    if (!out.empty() && !out.back().empty()) out.emplace_back();
    in_paragraph = false;
  };
  const auto heading = [&](std::string text) {
    blank();
    if (!text.empty()) out.push_back(std::move(text));
    blank();
  };
  for (std::size_t i = first; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (const std::string_view fence = fence_of(line); !fence.empty()) {
      while (++i < lines.size() && !closes_fence(lines[i], fence)) {
      }
      blank();
    } else if (is_blank(line)) {
      blank();
    } else if (in_paragraph && is_underline(line)) {
      std::string text = std::move(out.back());
      out.pop_back();
      heading(std::move(text));
    } else if (is_rule(line) || is_underline(line) || is_link_definition(line)) {
      blank();
    } else if (const auto title = atx_heading(strip_line_markers(line))) {
      heading(inline_text(*title));
    } else {
      std::string text = inline_text(strip_line_markers(line));
      if (is_blank(text)) continue;
      out.push_back(std::string(trim(text)));
      in_paragraph = true;
    }
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  std::string joined;
  for (const std::string& line : out) {
    joined += line;
    joined += '\n';
  }
  return joined;
}

std::string plain_text(const std::vector<std::string_view>& lines, std::size_t first) {
  while (first < lines.size() && is_blank(lines[first])) ++first;
  std::string text;
  for (std::size_t i = first; i < lines.size(); ++i) {
    text += lines[i];
    text += '\n';
  }
  return text;
}

}  // namespace

ParsedDocument read_text_document(std::string_view utf8, bool markdown) {
  if (utf8.substr(0, kBom.size()) == kBom) utf8.remove_prefix(kBom.size());
  const std::vector<std::string_view> lines = split_lines(utf8);
  ParsedDocument doc;
  std::size_t first = read_yaml_front_matter(lines, doc.meta);
  if (first == 0) first = read_key_value_lines(lines, doc.meta);
  doc.text = markdown ? markdown_to_text(lines, first) : plain_text(lines, first);
  return doc;
}

}  // namespace newsdex
