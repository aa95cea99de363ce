#include "newsdex/formats/json_reader.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "newsdex/text_analyzer.h"
#include "newsdex/text_decoding.h"

namespace newsdex {
namespace {

using nlohmann::json;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kWhitespace = " \t\r\n";

// nlohmann's parser and its value destructor recurse once per level, so deeper input is
// refused before parsing: 100,000 '[' would otherwise overflow the stack. News dumps
// nest a few levels.
constexpr int kMaxDepth = 200;

constexpr std::string_view kNotJson = "not valid JSON";
constexpr std::string_view kNotObject = "not a JSON object";
constexpr std::string_view kNoText = "no article text";

// Keys under which a top-level object holds the list of articles, in order of preference.
constexpr std::string_view kWrapperKeys[] = {"articles", "items", "data", "results", "posts"};

bool is_blank(std::string_view s) { return s.find_first_not_of(kWhitespace) == s.npos; }

bool too_deep(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

std::optional<json> parse(std::string_view text) {
  if (too_deep(text)) return std::nullopt;
  json value = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return std::nullopt;
  return value;
}

// Appends a code point from a character reference; ones that are not characters
// (NUL, surrogates, past U+10FFFF) become U+FFFD.
void append_reference(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  append_utf8(out, static_cast<char32_t>(cp));
}

// Decodes the entity starting at s[0] == '&' into `out`; returns the bytes it used, 0
// when it is not an entity we know (the '&' then stays as it is).
std::size_t decode_entity(std::string_view s, std::string& out) {
  const std::size_t semi = s.find(';');
  if (semi == s.npos || semi > 10) return 0;
  const std::string_view name = s.substr(1, semi - 1);
  if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    std::uint32_t cp = 0;
    for (const char c : digits) {
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f') {
        d = ascii_lower(c) - 'a' + 10;
      } else {
        return 0;
      }
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
    }
    append_reference(out, cp == 0xA0 ? ' ' : cp);
    return semi + 1;
  }
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"},         {"lt", "<"},         {"gt", ">"},         {"quot", "\""},
      {"apos", "'"},        {"nbsp", " "},       {"ndash", "\u2013"}, {"mdash", "\u2014"},
      {"hellip", "\u2026"}, {"lsquo", "\u2018"}, {"rsquo", "\u2019"}, {"ldquo", "\u201C"},
      {"rdquo", "\u201D"},
  };
  for (const auto& [entity, text] : kNamed) {
    if (name == entity) {
      out += text;
      return semi + 1;
    }
  }
  return 0;
}

// Tags that end a paragraph of their own; <br> ends only a line.
bool is_block_tag(std::string_view name) {
  static constexpr std::string_view kBlock[] = {
      "p",          "div", "h1", "h2",      "h3",      "h4",        "h5",     "h6",
      "li",         "ul",  "ol", "section", "article", "header",    "footer", "figure",
      "blockquote", "pre", "hr", "tr",      "table",   "figcaption"};
  for (const std::string_view block : kBlock) {
    if (iequals_ascii(name, block)) return true;
  }
  return false;
}

bool starts_tag(std::string_view s, std::size_t i) {
  if (s[i] != '<' || i + 1 >= s.size()) return false;
  const char next = s[i + 1];
  return next == '/' || next == '!' || (ascii_lower(next) >= 'a' && ascii_lower(next) <= 'z');
}

// Lines trimmed, inner whitespace runs to one space, at most one blank line in a row,
// none at either end.
std::string tidy_lines(std::string_view text) {
  std::string out;
  bool pending_blank = false;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == text.npos) end = text.size();
    std::string line;
    for (std::size_t i = start; i < end; ++i) {
      const bool space = text[i] == ' ' || text[i] == '\t' || text[i] == '\r';
      if (!space) {
        line += text[i];
      } else if (!line.empty() && line.back() != ' ') {
        line += ' ';
      }
    }
    if (!line.empty() && line.back() == ' ') line.pop_back();
    if (line.empty()) {
      pending_blank = !out.empty();
    } else {
      if (!out.empty()) out += pending_blank ? "\n\n" : "\n";
      out += line;
      pending_blank = false;
    }
    start = end + 1;
  }
  return out;
}

// JSON fields often carry an HTML fragment ("<p>..</p>") rather than a page, so a small
// tag stripper is enough here; whole pages go through the HTML reader. Entities are
// decoded in any case; a value without tags keeps its own line structure.
std::string fragment_to_text(std::string_view s) {
  bool has_tags = false;
  for (std::size_t i = 0; i < s.size() && !has_tags; ++i) {
    has_tags = starts_tag(s, i) && s.find('>', i) != s.npos;
  }
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      if (const std::size_t used = decode_entity(s.substr(i), out)) {
        i += used;
        continue;
      }
    }
    if (!has_tags || !starts_tag(s, i)) {
      // Source line breaks inside HTML are only spaces; <p> and <br> make the lines.
      out += has_tags && s[i] == '\n' ? ' ' : s[i];
      ++i;
      continue;
    }
    if (s.substr(i, 4) == "<!--") {
      const std::size_t end = s.find("-->", i);
      i = end == s.npos ? s.size() : end + 3;
      continue;
    }
    const std::size_t close = s.find('>', i);
    if (close == s.npos) {
      out += s.substr(i);
      break;
    }
    std::string_view tag = s.substr(i + 1, close - i - 1);
    if (!tag.empty() && tag[0] == '/') tag.remove_prefix(1);
    const std::string_view name = tag.substr(0, tag.find_first_of(" \t\r\n/"));
    i = close + 1;
    if (iequals_ascii(name, "script") || iequals_ascii(name, "style")) {
      const std::string end_tag = "</" + std::string(name);
      std::size_t end = i;
      while (end < s.size() && !iequals_ascii(s.substr(end, end_tag.size()), end_tag)) ++end;
      const std::size_t end_close = s.find('>', end);
      i = end_close == s.npos ? s.size() : end_close + 1;
    } else if (iequals_ascii(name, "br")) {
      out += '\n';
    } else if (is_block_tag(name)) {
      out += "\n\n";
    }
  }
  return has_tags ? tidy_lines(out) : out;
}

// The value of the first of `keys` the object has with content, matched without regard
// to case ("publishedAt", "PublishedAt").
const json* find_field(const json& object, std::initializer_list<std::string_view> keys) {
  for (const std::string_view key : keys) {
    for (const auto& [name, value] : object.items()) {
      if (!iequals_ascii(name, key)) continue;
      const bool empty = value.is_null() ||
                         (value.is_string() && is_blank(value.get_ref<const std::string&>())) ||
                         (value.is_array() && value.empty());
      if (!empty) return &value;
    }
  }
  return nullptr;
}

std::string string_field(const json& object, std::initializer_list<std::string_view> keys) {
  const json* value = find_field(object, keys);
  if (value == nullptr) return {};
  // WordPress's REST API: "title": {"rendered": "..."}.
  if (value->is_object() && value->contains("rendered")) value = &(*value)["rendered"];
  if (!value->is_string()) return {};
  return fragment_to_text(value->get_ref<const std::string&>());
}

// Text as a string, an array of paragraph strings, or WordPress's {"rendered": ...}.
std::string text_field(const json& object, std::initializer_list<std::string_view> keys) {
  const json* value = find_field(object, keys);
  if (value == nullptr || !value->is_array()) return string_field(object, keys);
  std::string text;
  for (const json& paragraph : *value) {
    if (!paragraph.is_string()) continue;
    std::string part = fragment_to_text(paragraph.get_ref<const std::string&>());
    if (is_blank(part)) continue;
    if (!text.empty()) text += "\n\n";
    text += part;
  }
  return text;
}

// A name given as a string or as an object with "name" ({"name": "BBC News"}).
std::string name_of(const json& value) {
  if (value.is_string()) return fragment_to_text(value.get_ref<const std::string&>());
  if (value.is_object()) {
    const auto name = value.find("name");
    if (name != value.end() && name->is_string()) {
      return fragment_to_text(name->get_ref<const std::string&>());
    }
  }
  return {};
}

std::string names_field(const json& object, std::initializer_list<std::string_view> keys) {
  const json* value = find_field(object, keys);
  if (value == nullptr) return {};
  if (!value->is_array()) return name_of(*value);
  std::string names;
  for (const json& element : *value) {
    const std::string name = name_of(element);
    if (is_blank(name)) continue;
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm): no gmtime, no locale,
// no thread-safety questions.
std::string iso_utc(std::int64_t seconds) {
  std::int64_t days = seconds / 86400;
  std::int64_t rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ",
                static_cast<long long>(year), static_cast<long long>(month),
                static_cast<long long>(day), static_cast<long long>(rest / 3600),
                static_cast<long long>(rest / 60 % 60), static_cast<long long>(rest % 60));
  return buffer;
}

// A Unix time in seconds or, when too large for seconds (beyond the year 5138), in
// milliseconds; "" when it is not a usable time.
std::string epoch_to_iso(double value) {
  constexpr double kMillisecondsFrom = 1e11;
  if (!std::isfinite(value)) return {};
  if (std::fabs(value) >= kMillisecondsFrom) value /= 1000;
  if (std::fabs(value) >= kMillisecondsFrom) return {};
  return iso_utc(static_cast<std::int64_t>(std::floor(value)));
}

// A date as text for parse_date_text: strings as written, except a string of digits
// only, which is a Unix time like a number.
std::string date_field(const json& object) {
  const json* value =
      find_field(object, {"date", "published", "date_publish", "published_at", "publishedAt",
                          "pubDate", "datePublished", "date_published"});
  if (value == nullptr) return {};
  if (value->is_number()) return epoch_to_iso(value->get<double>());
  if (!value->is_string()) return {};
  const std::string& text = value->get_ref<const std::string&>();
  if (text.size() >= 9 && text.size() <= 13 && text.find_first_not_of("0123456789") == text.npos) {
    return epoch_to_iso(std::stod(text));
  }
  return text;
}

// One article from one object; the problem's reason when it cannot be one.
std::optional<std::string_view> read_article(const json& value, ParsedDocument& doc) {
  if (!value.is_object()) return kNotObject;
  doc.text = text_field(value, {"text", "body", "content", "maintext", "article", "article_text",
                                "content_text", "content_html"});
  if (is_blank(doc.text)) doc.text = text_field(value, {"description", "summary"});
  if (is_blank(doc.text)) return kNoText;
  doc.meta.title = string_field(value, {"title", "headline"});
  doc.meta.date = date_field(value);
  doc.meta.url = string_field(value, {"url", "link", "canonical_url"});
  doc.meta.source =
      names_field(value, {"source", "site", "source_domain", "publisher", "site_name"});
  doc.meta.author = names_field(value, {"author", "authors", "byline", "creator"});
  return std::nullopt;
}

void add_article(const json& value, std::string suffix, ParsedFile& file) {
  ParsedDocument doc;
  doc.id_suffix = std::move(suffix);
  std::optional<std::string_view> problem;
  try {
    problem = read_article(value, doc);
  } catch (const json::exception&) {
    // Only type surprises can get here; the readers check types before every get.
    problem = kNotObject;
  }
  if (problem) {
    file.problems.push_back({std::move(doc.id_suffix), std::string(*problem)});
  } else {
    file.documents.push_back(std::move(doc));
  }
}

// Built by append: GCC 12 warns falsely (-Wrestrict) about "#" + std::to_string(n).
std::string id_suffix(char mark, std::size_t n) {
  std::string suffix(1, mark);
  suffix += std::to_string(n);
  return suffix;
}

const json* wrapped_articles(const json& object) {
  for (const std::string_view key : kWrapperKeys) {
    const auto found = object.find(key);
    if (found != object.end() && found->is_array()) return &*found;
  }
  return nullptr;
}

void read_json(std::string_view text, ParsedFile& file) {
  const std::optional<json> value = parse(text);
  if (!value) {
    file.problems.push_back({"", std::string(kNotJson)});
    return;
  }
  const json* list = value->is_array() ? &*value : nullptr;
  if (value->is_object()) list = wrapped_articles(*value);
  if (list == nullptr) {
    add_article(*value, "", file);
    return;
  }
  for (std::size_t i = 0; i < list->size(); ++i) add_article((*list)[i], id_suffix('#', i), file);
}

void read_json_lines(std::string_view text, ParsedFile& file) {
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == text.npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (is_blank(line)) continue;
    const std::string suffix = id_suffix(':', line_number);
    if (const std::optional<json> value = parse(line)) {
      add_article(*value, suffix, file);
    } else {
      file.problems.push_back({suffix, std::string(kNotJson)});
    }
  }
}

}  // namespace

ParsedFile read_json_documents(std::string_view utf8, bool json_lines) {
  if (utf8.substr(0, kBom.size()) == kBom) utf8.remove_prefix(kBom.size());
  ParsedFile file;
  if (json_lines) {
    read_json_lines(utf8, file);
  } else {
    read_json(utf8, file);
  }
  return file;
}

}  // namespace newsdex
