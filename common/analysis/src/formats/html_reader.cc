#include "newsdex/formats/html_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <cstdlib>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <gumbo.h>
#include <nlohmann/json.hpp>

#include "newsdex/errors.h"
#include "newsdex/text_analyzer.h"

// Every walk over the tree and over JSON-LD uses an explicit stack: saved pages can nest
// elements hundreds of thousands deep, and recursion would overflow the thread's stack.

namespace newsdex {
namespace {

// ---------------------------------------------------------------------------------------
// Text: whitespace collapsing and paragraph breaks.

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Builds text from pieces: runs of whitespace (no-break spaces included) become one space,
// requested breaks collapse to the strongest one, and nothing is emitted before the first
// or after the last visible character. Replacement characters (from invalid UTF-8) and
// control characters are dropped, so binary junk does not turn into text.
class TextBuilder {
 public:
  void add_text(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
      const std::string_view rest = text.substr(i);
      const auto byte = static_cast<unsigned char>(text[i]);
      if (is_ascii_space(text[i])) {
        request(Gap::kSpace);
        ++i;
      } else if (rest.substr(0, kNoBreakSpace.size()) == kNoBreakSpace) {
        request(Gap::kSpace);
        i += kNoBreakSpace.size();
      } else if (rest.substr(0, kReplacementCharacter.size()) == kReplacementCharacter) {
        i += kReplacementCharacter.size();
      } else if (byte < 0x20 || byte == 0x7F) {
        ++i;
      } else {
        put(text[i]);
        ++i;
      }
    }
  }
  void break_word() { request(Gap::kSpace); }
  // A <br> ends the line; a second one in a row ends the paragraph.
  void break_line() { gap_ = gap_ >= Gap::kLine ? Gap::kParagraph : Gap::kLine; }
  void break_paragraph() { request(Gap::kParagraph); }
  std::string take() { return std::move(out_); }

 private:
  enum class Gap { kNone, kSpace, kLine, kParagraph };

  void request(Gap gap) { gap_ = std::max(gap_, gap); }
  void put(char c) {
    if (!out_.empty()) {
      if (gap_ == Gap::kSpace) out_ += ' ';
      if (gap_ == Gap::kLine) out_ += '\n';
      if (gap_ == Gap::kParagraph) out_ += "\n\n";
    }
    gap_ = Gap::kNone;
    out_ += c;
  }

  std::string out_;
  Gap gap_ = Gap::kNone;
};

std::string collapse_whitespace(std::string_view text) {
  TextBuilder builder;
  builder.add_text(text);
  return builder.take();
}

// ---------------------------------------------------------------------------------------
// The gumbo tree.

// Given to gumbo explicitly because HtmlTree::flatten allocates a child array that gumbo
// then frees.
void* allocate(void* /*userdata*/, std::size_t size) { return std::malloc(size); }
void deallocate(void* /*userdata*/, void* pointer) { std::free(pointer); }

const GumboVector kNoChildren = {nullptr, 0, 0};

bool is_element(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

GumboTag tag_of(const GumboNode* node) {
  return is_element(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

const GumboVector& children_of(const GumboNode* node) {
  if (node->type == GUMBO_NODE_DOCUMENT) return node->v.document.children;
  return is_element(node) ? node->v.element.children : kNoChildren;
}

const GumboNode* child_at(const GumboVector& children, unsigned index) {
  return static_cast<const GumboNode*>(children.data[index]);
}

std::string_view attribute(const GumboNode* node, const char* name) {
  if (!is_element(node)) return {};
  const GumboAttribute* found = gumbo_get_attribute(&node->v.element.attributes, name);
  return found == nullptr ? std::string_view() : std::string_view(found->value);
}

// True when the whitespace-separated list (a rel attribute) holds the token.
bool has_token(std::string_view list, std::string_view token) {
  std::size_t start = 0;
  while (start < list.size()) {
    std::size_t end = start;
    while (end < list.size() && !is_ascii_space(list[end])) ++end;
    if (iequals_ascii(list.substr(start, end - start), token)) return true;
    start = end + 1;
  }
  return false;
}

// Owns gumbo's output. gumbo_destroy_output frees the tree recursively, which overflows
// the stack on pages nested a few hundred thousand elements deep, so the destructor first
// hangs every node directly under the document.
class HtmlTree {
 public:
  explicit HtmlTree(std::string_view utf8) : options_(kGumboDefaultOptions) {
    options_.allocator = allocate;
    options_.deallocator = deallocate;
    // Each recorded parse error copies the stack of open elements: on deep pages the
    // errors alone would take memory quadratic in the depth, and nothing reads them.
    options_.max_errors = 0;
    output_ = gumbo_parse_with_options(&options_, utf8.data(), utf8.size());
  }
  ~HtmlTree() {
    flatten();
    gumbo_destroy_output(&options_, output_);
  }
  HtmlTree(const HtmlTree&) = delete;
  HtmlTree& operator=(const HtmlTree&) = delete;

  // The <html> element: gumbo always creates one, with a <head> and a <body>.
  const GumboNode* root() const { return output_->root; }

 private:
  void flatten() {
    std::vector<GumboNode*> nodes;
    std::vector<GumboNode*> stack{output_->document};
    while (!stack.empty()) {
      const GumboVector& children = children_of(stack.back());
      stack.pop_back();
      for (unsigned i = 0; i < children.length; ++i) {
        auto* child = static_cast<GumboNode*>(children.data[i]);
        nodes.push_back(child);
        stack.push_back(child);
      }
    }
    auto* flat = static_cast<void**>(allocate(nullptr, (nodes.size() + 1) * sizeof(void*)));
    if (flat == nullptr) return;  // gumbo's own recursive destroy still works on most pages
    for (GumboNode* node : nodes) {
      if (is_element(node)) node->v.element.children.length = 0;  // the array is still freed
    }
    std::copy(nodes.begin(), nodes.end(), flat);
    GumboVector& top = output_->document->v.document.children;
    deallocate(nullptr, top.data);
    top.data = flat;
    top.length = top.capacity = static_cast<unsigned>(nodes.size());
  }

  GumboOptions options_;
  GumboOutput* output_;
};

enum class Visit { kDescend, kSkip, kStop };

// Calls visit(node) on root and its descendants in document order; visit decides whether
// to go below the node or to stop the walk.
template <typename Visitor>
void walk(const GumboNode* root, Visitor&& visit) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    const Visit next = visit(node);
    if (next == Visit::kStop) return;
    if (next == Visit::kSkip) continue;
    const GumboVector& children = children_of(node);
    for (unsigned i = children.length; i-- > 0;) stack.push_back(child_at(children, i));
  }
}

bool is_text(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
         node->type == GUMBO_NODE_WHITESPACE;
}

// The node's text with whitespace collapsed, as one line.
std::string text_content(const GumboNode* node) {
  TextBuilder builder;
  walk(node, [&](const GumboNode* n) {
    if (is_text(n)) builder.add_text(n->v.text.text);
    if (tag_of(n) == GUMBO_TAG_BR) builder.break_word();
    return Visit::kDescend;
  });
  return builder.take();
}

// ---------------------------------------------------------------------------------------
// Boilerplate: elements whose text is not part of the article.

bool is_boilerplate_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return false;
  }
}

// Matched as substrings of the lower-cased class and id: "share-bar", "related-links".
constexpr std::array<std::string_view, 16> kBoilerplateNameParts = {
    "related",   "share",       "social",     "comment", "newsletter", "promo",
    "advert",    "sponsor",     "breadcrumb", "menu",    "sidebar",    "cookie",
    "subscribe", "recommended", "most-read",  "tags"};

bool has_boilerplate_name(const GumboNode* node) {
  for (const char* name : {"class", "id"}) {
    const std::string value = ascii_lower(attribute(node, name));
    for (std::string_view part : kBoilerplateNameParts) {
      if (value.find(part) != std::string::npos) return true;
    }
  }
  return false;
}

bool is_boilerplate(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEMPLATE || is_boilerplate_tag(tag_of(node)) ||
         has_boilerplate_name(node);
}

// The first element below root (in document order) that matches, outside boilerplate.
// Headers are searched: an article's <header> holds its <h1> and its <time>.
template <typename Predicate>
const GumboNode* find_in_content(const GumboNode* root, Predicate&& matches) {
  const GumboNode* found = nullptr;
  walk(root, [&](const GumboNode* node) {
    if (!is_element(node)) return Visit::kSkip;
    if (node != root && tag_of(node) != GUMBO_TAG_HEADER && is_boilerplate(node)) {
      return Visit::kSkip;
    }
    if (!matches(node)) return Visit::kDescend;
    found = node;
    return Visit::kStop;
  });
  return found;
}

// ---------------------------------------------------------------------------------------
// Metadata found anywhere in the page.

struct PageFacts {
  // <meta> contents by lower-cased name, property and itemprop, in document order; also
  // other elements with itemprop="datePublished".
  std::map<std::string, std::vector<std::string>> meta;
  std::string canonical_url;
  std::string title_element;
  std::string rel_author;  // text of the first link with rel="author"
  std::vector<std::string> json_ld;

  std::string first(const std::string& key) const {
    const auto found = meta.find(key);
    return found == meta.end() ? std::string() : found->second.front();
  }
};

bool is_json_ld(const GumboNode* script) {
  return iequals_ascii(collapse_whitespace(attribute(script, "type")), "application/ld+json");
}

std::string date_published_value(const GumboNode* node) {
  for (const char* name : {"content", "datetime"}) {
    std::string value = collapse_whitespace(attribute(node, name));
    if (!value.empty()) return value;
  }
  return text_content(node);
}

void add_meta_tag(const GumboNode* meta, PageFacts& facts) {
  const std::string content = collapse_whitespace(attribute(meta, "content"));
  if (content.empty()) return;
  for (const char* key : {"name", "property", "itemprop"}) {
    const std::string_view value = attribute(meta, key);
    if (!value.empty()) facts.meta[ascii_lower(value)].push_back(content);
  }
}

PageFacts collect_page_facts(const GumboNode* html) {
  PageFacts facts;
  walk(html, [&](const GumboNode* node) {
    if (!is_element(node)) return Visit::kSkip;
    const GumboTag tag = tag_of(node);
    const std::string_view rel = attribute(node, "rel");
    if (tag == GUMBO_TAG_META) {
      add_meta_tag(node, facts);
    } else if (iequals_ascii(attribute(node, "itemprop"), "datePublished")) {
      std::string value = date_published_value(node);
      if (!value.empty()) facts.meta["datepublished"].push_back(std::move(value));
    }
    if (tag == GUMBO_TAG_LINK && facts.canonical_url.empty() && has_token(rel, "canonical")) {
      facts.canonical_url = collapse_whitespace(attribute(node, "href"));
    }
    if ((tag == GUMBO_TAG_A || tag == GUMBO_TAG_LINK) && facts.rel_author.empty() &&
        has_token(rel, "author")) {
      facts.rel_author = text_content(node);
    }
    if (tag == GUMBO_TAG_TITLE && facts.title_element.empty() &&
        node->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) {
      facts.title_element = text_content(node);
    }
    if (tag == GUMBO_TAG_SCRIPT) {
      if (is_json_ld(node)) {
        std::string body;
        const GumboVector& children = children_of(node);
        for (unsigned i = 0; i < children.length; ++i) {
          if (is_text(child_at(children, i))) body += child_at(children, i)->v.text.text;
        }
        facts.json_ld.push_back(std::move(body));
      }
      return Visit::kSkip;
    }
    return Visit::kDescend;
  });
  return facts;
}

// ---------------------------------------------------------------------------------------
// JSON-LD.

using Json = nlohmann::json;

struct JsonLdArticle {
  std::string headline;
  std::string date_published;
  std::string author;
  std::string publisher;
  std::string url;
};

bool is_article_type(const Json& item) {
  constexpr std::array<std::string_view, 4> kArticleTypes = {"NewsArticle", "Article",
                                                             "BlogPosting", "ReportageNewsArticle"};
  const auto type = item.find("@type");
  if (type == item.end()) return false;
  const auto is_article = [&](const Json& value) {
    return value.is_string() &&
           std::find(kArticleTypes.begin(), kArticleTypes.end(),
                     value.get_ref<const std::string&>()) != kArticleTypes.end();
  };
  return is_article(*type) ||
         (type->is_array() && std::any_of(type->begin(), type->end(), is_article));
}

std::string string_field(const Json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || !found->is_string()) return {};
  return collapse_whitespace(found->get_ref<const std::string&>());
}

using JsonIds = std::unordered_map<std::string, const Json*>;

// Names in a JSON-LD author or publisher value: a string, an object with a name (or an
// "@id" naming another item of the graph), or an array of those; joined with ", ".
std::string names_of(const Json& value, const JsonIds& ids) {
  std::string names;
  const auto add = [&](const Json& item) {
    std::string name;
    if (item.is_string()) name = collapse_whitespace(item.get_ref<const std::string&>());
    if (item.is_object()) name = string_field(item, "name");
    if (item.is_object() && name.empty()) {
      const auto target = ids.find(string_field(item, "@id"));
      if (target != ids.end()) name = string_field(*target->second, "name");
    }
    if (name.empty()) return;
    if (!names.empty()) names += ", ";
    names += name;
  };
  if (value.is_array()) {
    for (const Json& item : value) add(item);
  } else {
    add(value);
  }
  return names;
}

// The first article item in one parsed script (an object, an array, or a "@graph"), and
// every item with an "@id" so that references can be resolved.
const Json* find_article_item(const Json& root, JsonIds& ids) {
  const Json* article = nullptr;
  std::vector<const Json*> stack{&root};
  while (!stack.empty()) {
    const Json& item = *stack.back();
    stack.pop_back();
    if (item.is_array()) {
      for (auto it = item.rbegin(); it != item.rend(); ++it) stack.push_back(&*it);
      continue;
    }
    if (!item.is_object()) continue;
    const std::string id = string_field(item, "@id");
    if (!id.empty()) ids.emplace(id, &item);
    if (article == nullptr && is_article_type(item)) article = &item;
    const auto graph = item.find("@graph");
    if (graph != item.end()) stack.push_back(&*graph);
  }
  return article;
}

JsonLdArticle read_json_ld(const std::vector<std::string>& scripts) {
  for (const std::string& script : scripts) {
    const Json root = Json::parse(script, nullptr, /*allow_exceptions=*/false);
    JsonIds ids;
    const Json* article = find_article_item(root, ids);
    if (article == nullptr) continue;
    JsonLdArticle found;
    found.headline = string_field(*article, "headline");
    found.date_published = string_field(*article, "datePublished");
    found.url = string_field(*article, "url");
    if (const auto author = article->find("author"); author != article->end()) {
      found.author = names_of(*author, ids);
    }
    if (const auto publisher = article->find("publisher"); publisher != article->end()) {
      found.publisher = names_of(*publisher, ids);
    }
    return found;
  }
  return {};
}

// ---------------------------------------------------------------------------------------
// The content root: the element that holds the article's text.

struct TextCounts {
  std::size_t text = 0;              // bytes of text below the element
  std::size_t paragraph = 0;         // bytes of text inside <p> elements below it
  std::size_t direct_paragraph = 0;  // bytes of text inside its <p> children
};

// Text counts for every element, in one pass: in reverse document order each node comes
// before its parent, so its counts are complete when they are added to the parent's.
std::unordered_map<const GumboNode*, TextCounts> count_text(const GumboNode* html) {
  std::vector<const GumboNode*> nodes;
  walk(html, [&](const GumboNode* node) {
    nodes.push_back(node);
    return node->type == GUMBO_NODE_TEMPLATE ? Visit::kSkip : Visit::kDescend;
  });
  std::unordered_map<const GumboNode*, TextCounts> counts;
  for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
    const GumboNode* node = *it;
    if (node == html) continue;
    TextCounts& parent = counts[node->parent];
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      parent.text += std::string_view(node->v.text.text).size();
    } else if (is_element(node)) {
      const TextCounts& own = counts[node];
      const bool is_paragraph = tag_of(node) == GUMBO_TAG_P;
      parent.text += own.text;
      parent.paragraph += is_paragraph ? own.text : own.paragraph;
      parent.direct_paragraph += is_paragraph ? own.text : 0;
    }
  }
  return counts;
}

// The <article> with the most paragraph text, else the first <main> or role="main", else
// the <div> or <section> with the most text in its own <p> children, else <body>.
const GumboNode* choose_content_root(const GumboNode* html) {
  const auto counts = count_text(html);
  const GumboNode* best_article = nullptr;
  const GumboNode* main = nullptr;
  const GumboNode* best_block = nullptr;
  const GumboNode* body = html;
  std::size_t article_text = 0;
  std::size_t block_text = 0;
  walk(html, [&](const GumboNode* node) {
    if (!is_element(node)) return Visit::kSkip;
    const GumboTag tag = tag_of(node);
    if (tag == GUMBO_TAG_BODY) body = node;
    if (has_boilerplate_name(node)) return Visit::kDescend;
    const auto found = counts.find(node);
    const TextCounts own = found == counts.end() ? TextCounts{} : found->second;
    if (tag == GUMBO_TAG_ARTICLE && own.paragraph > article_text) {
      best_article = node;
      article_text = own.paragraph;
    }
    if (main == nullptr &&
        (tag == GUMBO_TAG_MAIN || iequals_ascii(attribute(node, "role"), "main"))) {
      main = node;
    }
    if ((tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION) && own.direct_paragraph > block_text) {
      best_block = node;
      block_text = own.direct_paragraph;
    }
    return Visit::kDescend;
  });
  for (const GumboNode* candidate : {best_article, main, best_block}) {
    if (candidate != nullptr) return candidate;
  }
  return body;
}

// ---------------------------------------------------------------------------------------
// The main text.

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

// Paragraphs of the text below root, outside boilerplate; an <h1> that repeats the title
// is left out.
std::string render_text(const GumboNode* root, std::string_view title) {
  TextBuilder builder;
  // The bool marks the end of an element, where a block closes its paragraph.
  std::vector<std::pair<const GumboNode*, bool>> stack{{root, false}};
  while (!stack.empty()) {
    const auto [node, closing] = stack.back();
    stack.pop_back();
    if (is_text(node)) {
      builder.add_text(node->v.text.text);
      continue;
    }
    if (!is_element(node)) continue;
    const GumboTag tag = tag_of(node);
    if (!closing) {
      if (node != root && is_boilerplate(node)) continue;
      if (tag == GUMBO_TAG_H1 && !title.empty() && iequals_ascii(text_content(node), title))
        continue;
      if (tag == GUMBO_TAG_BR) builder.break_line();
    }
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) builder.break_word();
    if (is_block(tag)) builder.break_paragraph();
    if (closing) continue;
    stack.emplace_back(node, true);
    const GumboVector& children = children_of(node);
    for (unsigned i = children.length; i-- > 0;) stack.emplace_back(child_at(children, i), false);
  }
  return builder.take();
}

// ---------------------------------------------------------------------------------------
// Putting it together.

std::string first_non_empty(std::initializer_list<std::string> values) {
  for (const std::string& value : values) {
    if (!value.empty()) return value;
  }
  return {};
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (auto it = values.begin(); it != values.end(); ++it) {
    if (std::find(values.begin(), it, *it) != it) continue;
    if (!out.empty()) out += ", ";
    out += *it;
  }
  return out;
}

std::string all_values(const PageFacts& facts, const std::string& key) {
  const auto found = facts.meta.find(key);
  return found == facts.meta.end() ? std::string() : joined(found->second);
}

// article:author is often a profile URL rather than a name.
std::string article_author_names(const PageFacts& facts) {
  const auto found = facts.meta.find("article:author");
  if (found == facts.meta.end()) return {};
  std::vector<std::string> names;
  for (const std::string& value : found->second) {
    if (value.rfind("http://", 0) != 0 && value.rfind("https://", 0) != 0) names.push_back(value);
  }
  return joined(names);
}

// "Storm Closes Roads | Daily Planet" -> "Storm Closes Roads" when the site is Daily Planet.
std::string without_site_name(const std::string& title, std::string_view site) {
  if (site.empty()) return title;
  for (std::string_view separator : {" | ", " - ", " \u2013 ", " \u2014 "}) {
    const std::size_t at = title.rfind(separator);
    if (at != std::string::npos &&
        iequals_ascii(std::string_view(title).substr(at + separator.size()), site)) {
      return title.substr(0, at);
    }
  }
  return title;
}

std::string first_text_of(const GumboNode* node) {
  return node == nullptr ? std::string() : text_content(node);
}

std::string date_of(const PageFacts& facts, const GumboNode* root, const JsonLdArticle& json_ld) {
  for (const char* key :
       {"article:published_time", "date", "pubdate", "publishdate", "publish-date", "dc.date",
        "dcterms.date", "sailthru.date", "parsely-pub-date", "datepublished"}) {
    std::string value = facts.first(key);
    if (!value.empty()) return value;
  }
  const GumboNode* time = find_in_content(root, [](const GumboNode* node) {
    return tag_of(node) == GUMBO_TAG_TIME &&
           !collapse_whitespace(attribute(node, "datetime")).empty();
  });
  if (time != nullptr) return collapse_whitespace(attribute(time, "datetime"));
  return json_ld.date_published;
}

// Bounds of what is handed to gumbo, whose cost grows faster than the input on some
// shapes: with the nesting depth (every start tag scans the open elements; 10,000
// nested divs take a quarter of a second, 500,000 nested tags took 43 s) and with the
// attributes of one tag (200,000 took two minutes). Real pages nest a few dozen deep.
constexpr std::size_t kMaxHtmlDepth = 12'000;
constexpr std::size_t kMaxAttributesPerTag = 1'000;
// And with the formatting elements left open: gumbo re-opens every one of them in each
// later paragraph ("reconstruct the active formatting elements"), so k left open, each
// with attributes of its own, one per paragraph, build about k*k/2 elements (3,000 such
// paragraphs, 119 KB, took 10.5 s and 1.5 GB). Past this bound a page is refused; below
// it every paragraph costs at most this many elements. Real pages leave a few open.
constexpr std::size_t kMaxOpenFormatting = 100;
// Within that bound, the cost is the number left open times the paragraphs that follow
// (100 left open before 250,000 short paragraphs, 1 MB, took 78 s and 8.8 GB). Every tag
// may end a paragraph and so re-open them all: past this many re-openings, and more than
// kMaxReopenedPerTag per tag on average, the page is refused. Real pages leave a few open.
constexpr std::size_t kMaxReopened = 200'000;
constexpr std::size_t kMaxReopenedPerTag = 8;

// Elements that never hold others, or that the next of their kind closes: not counted
// as nesting.
bool opens_no_level(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "area",   "base",  "br",  "col", "embed", "hr", "img", "input", "link",   "meta", "param",
      "source", "track", "wbr", "p",   "li",    "td", "th",  "tr",    "option", "dt",   "dd"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// The elements that gumbo keeps in its list of active formatting elements and re-opens
// wherever text or an inline element follows (the HTML standard's list).
bool is_formatting(std::string_view name) {
  static constexpr std::string_view kNames[] = {"a",      "b",      "big",  "code", "em",
                                                "font",   "i",      "nobr", "s",    "small",
                                                "strike", "strong", "tt",   "u"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// Elements whose content gumbo reads as text up to their end tag, in HTML.
bool holds_only_text(std::string_view name) {
  static constexpr std::string_view kNames[] = {"script", "style",   "textarea", "title",    "xmp",
                                                "iframe", "noembed", "noframes", "plaintext"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// An upper bound on gumbo's list of active formatting elements, each entry the tag's
// name and its raw attribute text. As in gumbo, an end tag removes the last entry of
// its name, a new <a> the last <a>, and a fourth identical entry the first of the three
// (the standard's "Noah's Ark" clause), so unclosed <font size="2"> in every paragraph
// of an old page stays at three. Markers (table cells, objects) are ignored: they only
// shorten gumbo's list. Each step scans at most kMaxOpenFormatting + 1 entries.
class OpenFormatting {
 public:
  // Throws ArticleError past kMaxOpenFormatting.
  void start(std::string_view name, std::string_view attributes) {
    if (name == "a") end(name);
    std::size_t identical = 0;
    auto first_identical = open_.end();
    for (auto it = open_.begin(); it != open_.end(); ++it) {
      if (it->first != name || it->second != attributes) continue;
      if (identical++ == 0) first_identical = it;
    }
    if (identical >= 3) open_.erase(first_identical);
    open_.emplace_back(name, attributes);
    if (open_.size() > kMaxOpenFormatting) {
      throw ArticleError("HTML too complex: more than " + std::to_string(kMaxOpenFormatting) +
                         " formatting elements left open");
    }
  }
  std::size_t size() const { return open_.size(); }
  void end(std::string_view name) {
    for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
      if (it->first == name) {
        open_.erase(std::next(it).base());
        return;
      }
    }
  }

 private:
  // Lower-case names; attributes are views into the page.
  std::vector<std::pair<std::string, std::string_view>> open_;
};

// Where `part` starts in `text` at or after `from` (ASCII case ignored when asked), or
// the end of `text`.
std::size_t find_or_end(std::string_view text, std::string_view part, std::size_t from,
                        bool ignore_case) {
  for (std::size_t at = from; at + part.size() <= text.size(); ++at) {
    const std::string_view here = text.substr(at, part.size());
    if (ignore_case ? iequals_ascii(here, part) : here == part) return at;
  }
  return text.size();
}

// Reads the name of the tag at html[at], a letter, into `name` in lower case, and returns
// where it ends.
std::size_t read_tag_name(std::string_view html, std::size_t at, std::string& name) {
  name.clear();
  for (; at < html.size() && std::isalnum(static_cast<unsigned char>(html[at])); ++at) {
    name += ascii_lower(html[at]);
  }
  return at;
}

// Counts the <svg>, <math> and <select> elements open around a tag, in which gumbo reads
// no element as text. An end tag in what may be a comment is not counted, so the count
// can only stay too high, which keeps the scan stricter.
void count_foreign_or_select(std::string_view name, bool closing, bool in_comment,
                             std::size_t& foreign_or_select) {
  if (name != "svg" && name != "math" && name != "select") return;
  if (!closing) {
    ++foreign_or_select;
  } else if (foreign_or_select > 0 && !in_comment) {
    --foreign_or_select;
  }
}

// Skips a tag's attributes from `at` to its '>' (or the end of the page) and returns
// where it stopped. Throws ArticleError past kMaxAttributesPerTag '=' signs.
std::size_t skip_attributes(std::string_view html, std::size_t at) {
  std::size_t attributes = 0;
  for (; at < html.size() && html[at] != '>'; ++at) {
    if (html[at] == '=' && ++attributes > kMaxAttributesPerTag) {
      throw ArticleError("HTML too complex: a tag with more than " +
                         std::to_string(kMaxAttributesPerTag) + " attributes");
    }
  }
  return at;
}

// The attribute text of a formatting start tag, from the end of its name to its '>', as
// the Noah's Ark clause compares it: without blanks around it or a trailing '/'.
std::string_view formatting_attributes(std::string_view html, std::size_t begin, std::size_t end) {
  std::string_view rest = html.substr(begin, end - begin);
  while (!rest.empty() && (is_ascii_space(rest.front()))) rest.remove_prefix(1);
  while (!rest.empty() && (is_ascii_space(rest.back()) || rest.back() == '/')) {
    rest.remove_suffix(1);
  }
  return rest;
}

// Follows the nesting depth, start tags minus end tags, past one tag; elements that
// never hold others open no level. Throws ArticleError past kMaxHtmlDepth.
void count_depth(std::string_view name, bool closing, bool self_closing, std::size_t& depth) {
  if (closing) {
    if (depth > 0 && !opens_no_level(name)) --depth;
  } else if (!self_closing && !opens_no_level(name) && ++depth > kMaxHtmlDepth) {
    throw ArticleError("HTML too complex: nested more than " + std::to_string(kMaxHtmlDepth) +
                       " elements deep");
  }
}

// Estimates the nesting depth (start tags minus end tags), counts the '=' signs in each
// tag (about one per attribute) and follows the formatting elements left open, in one
// pass, and refuses the page past the bounds. A quoted '>' may end a tag early here: the
// counts are only bounds, never the parse.
void check_html_size(std::string_view html) {
  std::size_t depth = 0;
  std::string name;
  OpenFormatting formatting;
  // Up to here lies a comment, where an end tag may be text (or, inside a <textarea>,
  // real): it closes no formatting element here, while start tags still count, so a
  // mistaken comment can only make the bounds stricter.
  std::size_t quiet_until = 0;
  // Up to here lies the text of a <script>, <style>, <textarea>, <title>, ... where gumbo
  // sees no tags either. These hold HTML in strings and JSON on real pages. Not begun
  // inside <svg>, <math> or <select>, where gumbo does not make them text, nor in what
  // may be a comment; a </svg> hidden from this scan leaves it stricter. (A quoted '>'
  // that ends a tag early here can still show this scan tags that gumbo reads as an
  // attribute: the bounds stop ordinary and careless pages, not a page built to pass.)
  std::size_t text_until = 0;
  std::size_t foreign_or_select = 0;
  std::size_t tags = 0;
  std::size_t reopened = 0;  // a bound on gumbo's re-opened formatting elements
  for (std::size_t i = 0; i + 2 < html.size(); ++i) {
    if (html[i] != '<') continue;
    if (i < text_until) {
      i = text_until - 1;
      continue;
    }
    if (i >= quiet_until && html.substr(i, 4) == "<!--") {
      quiet_until = find_or_end(html, "-->", i + 4, false);
      continue;
    }
    const bool closing = html[i + 1] == '/';
    std::size_t at = closing ? i + 2 : i + 1;
    if (html[i + 1] == '!' || html[i + 1] == '?' ||
        (closing && !std::isalpha(static_cast<unsigned char>(html[at])))) {
      i = find_or_end(html, ">", i, false);  // a doctype or bogus comment, as gumbo reads it
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(html[at]))) continue;
    at = read_tag_name(html, at, name);
    count_foreign_or_select(name, closing, i < quiet_until, foreign_or_select);
    i = skip_attributes(html, at);
    const bool self_closing = i < html.size() && i > 0 && html[i - 1] == '/';
    // gumbo ignores the '/' of <b/>: it opens a <b> as any start tag does.
    if (is_formatting(name)) {
      if (closing) {
        if (i >= quiet_until) formatting.end(name);
      } else {
        formatting.start(name, formatting_attributes(html, at, i));
      }
    } else {
      ++tags;
      reopened += formatting.size();
      if (reopened > kMaxReopened && reopened > kMaxReopenedPerTag * tags) {
        throw ArticleError(
            "HTML too complex: formatting elements left open in too many "
            "paragraphs");
      }
    }
    if (!closing && foreign_or_select == 0 && i >= quiet_until && holds_only_text(name)) {
      text_until = find_or_end(html, "</" + name, i, true);
    }
    count_depth(name, closing, self_closing, depth);
  }
}

}  // namespace

ParsedDocument read_html_document(std::string_view utf8) {
  check_html_size(utf8);
  const HtmlTree tree(utf8);
  const PageFacts facts = collect_page_facts(tree.root());
  const JsonLdArticle json_ld = read_json_ld(facts.json_ld);
  const GumboNode* root = choose_content_root(tree.root());
  const GumboNode* h1 = find_in_content(root, [](const GumboNode* node) {
    return tag_of(node) == GUMBO_TAG_H1 && !text_content(node).empty();
  });

  ParsedDocument document;
  ArticleMetadata& meta = document.meta;
  meta.source = first_non_empty({facts.first("og:site_name"), json_ld.publisher});
  meta.title =
      first_non_empty({facts.first("og:title"), facts.first("twitter:title"), json_ld.headline,
                       first_text_of(h1), without_site_name(facts.title_element, meta.source)});
  meta.date = date_of(facts, root, json_ld);
  meta.author = first_non_empty(
      {all_values(facts, "author"), article_author_names(facts), json_ld.author, facts.rel_author});
  meta.url = first_non_empty({facts.canonical_url, facts.first("og:url"), json_ld.url});
  document.text = render_text(root, meta.title);
  return document;
}

}  // namespace newsdex
