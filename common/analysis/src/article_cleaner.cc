#include "newsdex/article_cleaner.h"

#include "newsdex/article_date.h"
#include "newsdex/hashing.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace newsdex {
namespace {

// How a residue rule matches a normalised line (ASCII lower case, single spaces).
enum class Match {
  kExact,       // the whole line, ignoring a trailing ':'
  kStartsWith,  // the line starts with the text and has at most max_words words
  kJoinInvite,  // "join ..." naming a group, channel or community
};

struct ResidueRule {
  Match match;
  std::string_view text;
  LineVerdict verdict;
  std::size_t max_words = 0;  // for kStartsWith and kJoinInvite
};

// Every residue rule of the cleaner. Word limits keep a real paragraph that happens to
// begin the same way ("Share prices fell ...") from being dropped.
constexpr std::array kResidueRules = {
    // Sharing and social widgets.
    ResidueRule{Match::kExact, "share", LineVerdict::kDropLine},
    ResidueRule{Match::kStartsWith, "share:", LineVerdict::kDropLine, 20},
    ResidueRule{Match::kStartsWith, "share this", LineVerdict::kDropLine, 6},
    ResidueRule{Match::kStartsWith, "share on ", LineVerdict::kDropLine, 8},
    ResidueRule{Match::kStartsWith, "follow us on", LineVerdict::kDropLine, 15},
    ResidueRule{Match::kExact, "follow us", LineVerdict::kDropLine},
    ResidueRule{Match::kJoinInvite, "join ", LineVerdict::kDropLine, 20},
    ResidueRule{Match::kStartsWith, "subscribe to our", LineVerdict::kDropLine, 20},
    ResidueRule{Match::kStartsWith, "sign up for our", LineVerdict::kDropLine, 20},
    ResidueRule{Match::kStartsWith, "sign up to our", LineVerdict::kDropLine, 20},
    ResidueRule{Match::kStartsWith, "download our app", LineVerdict::kDropLine, 15},
    ResidueRule{Match::kStartsWith, "click here", LineVerdict::kDropLine, 20},
    // Adverts and reading prompts.
    ResidueRule{Match::kExact, "advertisement", LineVerdict::kDropLine},
    ResidueRule{Match::kExact, "advertisements", LineVerdict::kDropLine},
    ResidueRule{Match::kStartsWith, "advertisement -", LineVerdict::kDropLine, 8},
    ResidueRule{Match::kExact, "advert", LineVerdict::kDropLine},
    ResidueRule{Match::kExact, "sponsored", LineVerdict::kDropLine},
    ResidueRule{Match::kExact, "sponsored content", LineVerdict::kDropLine},
    ResidueRule{Match::kStartsWith, "story continues below", LineVerdict::kDropLine, 6},
    ResidueRule{Match::kExact, "scroll to continue with content", LineVerdict::kDropLine},
    ResidueRule{Match::kExact, "skip advertisement", LineVerdict::kDropLine},
    ResidueRule{Match::kExact, "continue reading", LineVerdict::kDropLine},
    ResidueRule{Match::kExact, "read more", LineVerdict::kDropLine},
    ResidueRule{Match::kStartsWith, "read more:", LineVerdict::kDropLine, 30},
    ResidueRule{Match::kStartsWith, "also read:", LineVerdict::kDropLine, 30},
    ResidueRule{Match::kStartsWith, "read also:", LineVerdict::kDropLine, 30},
    ResidueRule{Match::kStartsWith, "see also:", LineVerdict::kDropLine, 30},
    ResidueRule{Match::kStartsWith, "read next:", LineVerdict::kDropLine, 30},
    ResidueRule{Match::kExact, "listen to this article", LineVerdict::kDropLine},
    ResidueRule{Match::kExact, "print", LineVerdict::kDropLine},
    ResidueRule{Match::kExact, "leave a comment", LineVerdict::kDropLine},
    ResidueRule{Match::kStartsWith, "tags:", LineVerdict::kDropLine, 30},
    ResidueRule{Match::kExact, "tags", LineVerdict::kDropLine},
    ResidueRule{Match::kStartsWith, "copyright \xC2\xA9", LineVerdict::kDropLine, 15},
    ResidueRule{Match::kStartsWith, "copyright (c)", LineVerdict::kDropLine, 15},
    ResidueRule{Match::kStartsWith, "\xC2\xA9", LineVerdict::kDropLine, 15},  // ©
    // Trailers: link lists that end a scraped page.
    ResidueRule{Match::kExact, "related", LineVerdict::kDropTrailer},
    ResidueRule{Match::kExact, "related news", LineVerdict::kDropTrailer},
    ResidueRule{Match::kExact, "related articles", LineVerdict::kDropTrailer},
    ResidueRule{Match::kExact, "related stories", LineVerdict::kDropTrailer},
    ResidueRule{Match::kExact, "related posts", LineVerdict::kDropTrailer},
    ResidueRule{Match::kExact, "related coverage", LineVerdict::kDropTrailer},
    ResidueRule{Match::kExact, "more stories", LineVerdict::kDropTrailer},
    ResidueRule{Match::kExact, "you may also like", LineVerdict::kDropTrailer},
    ResidueRule{Match::kExact, "you might also like", LineVerdict::kDropTrailer},
    ResidueRule{Match::kExact, "most read", LineVerdict::kDropTrailer},
    ResidueRule{Match::kExact, "trending now", LineVerdict::kDropTrailer},
};

// The most words any rule of kResidueRules allows (their max_words, and exact lines).
constexpr std::size_t kMaxRuleWords = 30;
constexpr std::size_t kHeadingMaxWords = 10;
// Learnt residue is short: longer lines are article text even when repeated (a quote
// carried by several stories).
constexpr std::size_t kResidueCandidateMinBytes = 8;
constexpr std::size_t kResidueCandidateMaxBytes = 160;
constexpr std::size_t kHeadingMaxBytes = 80;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// A line in ASCII lower case with runs of blanks folded to one space. Short lines, the
// only ones the rules look at closely, are kept on the stack: no allocation per line.
class Normalised {
 public:
  explicit Normalised(std::string_view line) {
    line = trim(line);
    char* out = line.size() <= sizeof buffer_ ? buffer_ : (heap_.resize(line.size()), heap_.data());
    bool pending_space = false;
    for (char c : line) {
      if (is_space(c)) {
        pending_space = true;
        continue;
      }
      if (pending_space && size_ > 0) out[size_++] = ' ';
      pending_space = false;
      out[size_++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;  // no locale call
    }
    view_ = std::string_view(out, size_);
  }
  Normalised(const Normalised&) = delete;
  Normalised& operator=(const Normalised&) = delete;

  std::string_view view() const { return view_; }

 private:
  char buffer_[256];
  std::string heap_;
  std::size_t size_ = 0;
  std::string_view view_;
};

std::string_view without_trailing_colon(std::string_view norm) {
  while (!norm.empty() && (norm.back() == ':' || norm.back() == ' ')) norm.remove_suffix(1);
  return norm;
}

std::size_t count_words(std::string_view normalised) {
  if (normalised.empty()) return 0;
  std::size_t words = 1;
  for (char c : normalised) words += (c == ' ');
  return words;
}

bool names_a_group(std::string_view normalised) {
  for (std::string_view word : {"group", "channel", "community", "whatsapp", "telegram"}) {
    if (normalised.find(word) != std::string_view::npos) return true;
  }
  return false;
}

bool rule_matches(const ResidueRule& rule, std::string_view norm) {
  switch (rule.match) {
    case Match::kExact:
      return without_trailing_colon(norm) == rule.text;
    case Match::kStartsWith:
      return norm.starts_with(rule.text) && count_words(norm) <= rule.max_words;
    case Match::kJoinInvite:
      return norm.starts_with(rule.text) && names_a_group(norm) &&
             count_words(norm) <= rule.max_words;
  }
  return false;
}

// Whether a line is the title again. Normalising only folds blanks and case, so a line
// much shorter or longer than the title cannot be it; most lines are decided by length.
bool repeats_title(std::string_view line, std::string_view title_key) {
  if (line.size() < title_key.size() || line.size() > 2 * title_key.size() + 8) return false;
  return without_trailing_colon(Normalised(line).view()) == title_key;
}

void split_lines(std::string_view text, std::vector<std::string_view>& lines) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back(text.substr(start, i - start));
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < text.size()) lines.push_back(text.substr(start));
}

// Lines that repeat across a source's articles and yet are the article's own: bylines
// (one reporter writes many stories), datelines and date lines ("LONDON 1996-12-06"
// opens hundreds of wire stories), and lists (a team's line-up, a table row).
bool is_never_residue(std::string_view norm, std::string_view line) {
  if (norm.starts_with("by ")) return true;
  std::size_t separators =
      std::count(norm.begin(), norm.end(), ',') + std::count(norm.begin(), norm.end(), ';');
  if (separators >= 3) return true;
  // An ISO date anywhere in the line ("LONDON 1996-12-06"), then any dateline or date
  // line the date reader knows; a year-less dateline counts too (fallback year).
  for (std::size_t i = 0; i + 10 <= norm.size(); ++i) {
    auto digits = [&](std::size_t at, std::size_t n) {
      for (std::size_t k = at; k < at + n; ++k) {
        if (!std::isdigit(static_cast<unsigned char>(norm[k]))) return false;
      }
      return true;
    };
    if (digits(i, 4) && norm[i + 4] == '-' && digits(i + 5, 2) && norm[i + 7] == '-' &&
        digits(i + 8, 2)) {
      return true;
    }
  }
  return find_date_in_text(line, 2000).has_value();
}

// Calls visit(i) for the indices of the first and last kResidueEdgeLines non-empty lines
// (each once, in order): where learnt residue is looked for and dropped.
template <typename Visit>
void for_each_edge_line(const std::vector<std::string_view>& lines, Visit visit) {
  std::vector<std::size_t> non_empty;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!trim(lines[i]).empty()) non_empty.push_back(i);
  }
  for (std::size_t n = 0; n < non_empty.size(); ++n) {
    if (n < kResidueEdgeLines || n + kResidueEdgeLines >= non_empty.size()) visit(non_empty[n]);
  }
}

}  // namespace

std::uint64_t residue_source_key(std::string_view source) {
  std::uint64_t hash = fnv1a_64(source);
  return hash == 0 ? 1 : hash;
}

std::uint64_t residue_line_key(std::string_view source, std::string_view trimmed_line) {
  if (trimmed_line.size() < kResidueCandidateMinBytes ||
      trimmed_line.size() > 2 * kResidueCandidateMaxBytes) {
    return 0;
  }
  Normalised normalised(trimmed_line);
  std::string_view norm = normalised.view();
  if (norm.size() < kResidueCandidateMinBytes || norm.size() > kResidueCandidateMaxBytes) return 0;
  if (is_never_residue(norm, trimmed_line)) return 0;
  std::uint64_t hash = fnv1a_64(norm, fnv1a_64(std::string_view("\0", 1), fnv1a_64(source)));
  return hash == 0 ? 1 : hash;
}

std::vector<EdgeLine> residue_edge_lines(std::string_view utf8_text, std::string_view source) {
  std::vector<std::string_view> lines;
  split_lines(utf8_text, lines);
  std::vector<EdgeLine> edges;
  for_each_edge_line(lines, [&](std::size_t i) {
    std::string_view line = trim(lines[i]);
    std::uint64_t key = residue_line_key(source, line);
    if (key == 0) return;
    bool repeated =
        std::any_of(edges.begin(), edges.end(), [&](const EdgeLine& e) { return e.key == key; });
    if (!repeated) edges.push_back({key, line});
  });
  return edges;
}

LineVerdict classify_line(std::string_view trimmed_line) {
  // Fast path for paragraphs: no rule matches a line of more than kMaxRuleWords words.
  std::size_t spaces = 0;
  for (char c : trimmed_line) {
    if (is_space(c) && ++spaces > kMaxRuleWords) return LineVerdict::kKeep;
  }
  Normalised normalised(trimmed_line);
  std::string_view norm = normalised.view();
  if (norm.empty()) return LineVerdict::kKeep;
  for (const ResidueRule& rule : kResidueRules) {
    if (rule.text.front() == norm.front() && rule_matches(rule, norm)) return rule.verdict;
  }
  return LineVerdict::kKeep;
}

bool looks_like_heading(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.size() > kHeadingMaxBytes) return false;
  if (count_words(Normalised(line).view()) > kHeadingMaxWords) return false;
  unsigned char first = static_cast<unsigned char>(line.front());
  bool starts_like_heading = std::isupper(first) || std::isdigit(first) || first >= 0x80;
  if (!starts_like_heading) return false;
  // Bylines and date lines are short too, but they are metadata, not headings.
  if (line.find('|') != std::string_view::npos) return false;
  for (std::string_view metadata : {"By ", "Published", "Updated", "Posted", "Last updated"}) {
    if (line.starts_with(metadata)) return false;
  }
  // Sentences end in punctuation; headings do not (a question is allowed).
  std::string_view closing = ".,;:!\"')";
  return closing.find(line.back()) == std::string_view::npos && !line.ends_with("\xE2\x80\x9D");
}

std::string CleanArticle::body_text() const {
  std::string text;
  for (const TextBlock& block : blocks) {
    if (!text.empty()) text += "\n\n";
    text += block.text;
  }
  return text;
}

namespace {

// Which lines are at the edges, where learnt residue is looked for: inside the body a
// repeated line is the article's own (a quote, a line-up), whatever its count. Empty
// when the context neither collects line keys nor drops learnt residue.
std::vector<bool> edge_line_flags(const std::vector<std::string_view>& lines,
                                  const CleaningContext& context) {
  std::vector<bool> at_edge;
  if (context.collect_line_keys || context.learnt_residue != nullptr) {
    at_edge.assign(lines.size(), false);
    for_each_edge_line(lines, [&](std::size_t i) { at_edge[i] = true; });
  }
  return at_edge;
}

// The verdict on an edge line, given classify_line()'s: a line kept so far is dropped when
// the source's learnt residue holds it. Adds the line's key to `line_keys` when the
// context collects them.
LineVerdict judge_edge_line(std::string_view line, LineVerdict verdict,
                            const CleaningContext& context, std::vector<std::uint64_t>& line_keys) {
  std::uint64_t key = residue_line_key(context.source, line);
  if (key != 0 && context.collect_line_keys) line_keys.push_back(key);
  if (key != 0 && verdict == LineVerdict::kKeep && context.learnt_residue != nullptr &&
      context.learnt_residue->contains(key)) {
    verdict = LineVerdict::kDropLine;
  }
  return verdict;
}

// The blocks of the kept paragraphs: a paragraph of one line that looks like a heading
// is one, unless it is the last (a heading has text after it); the others keep their
// lines.
std::vector<TextBlock> blocks_of(const std::vector<std::vector<std::string_view>>& paragraphs) {
  std::vector<TextBlock> blocks;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const auto& para = paragraphs[p];
    bool is_last = p + 1 == paragraphs.size();
    if (para.size() == 1 && !is_last && looks_like_heading(para.front())) {
      blocks.push_back({BlockKind::kHeading, std::string(para.front())});
      continue;
    }
    TextBlock block{BlockKind::kParagraph, {}};
    for (std::string_view line : para) {
      if (!block.text.empty()) block.text += '\n';
      block.text += line;
    }
    blocks.push_back(std::move(block));
  }
  return blocks;
}

}  // namespace

CleanArticle clean_article(std::string_view utf8_text, const CleaningContext& context) {
  std::vector<std::string_view> lines;
  split_lines(utf8_text, lines);

  CleanArticle article;
  std::string title_key;
  std::vector<std::string_view> paragraph;  // lines of the paragraph being read
  std::vector<std::vector<std::string_view>> paragraphs;
  auto end_paragraph = [&] {
    if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
    paragraph.clear();
  };

  const std::vector<bool> at_edge = edge_line_flags(lines, context);

  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = trim(lines[i]);
    if (line.empty()) {
      end_paragraph();
      continue;
    }
    LineVerdict verdict = classify_line(line);
    if (!at_edge.empty() && at_edge[i]) {
      verdict = judge_edge_line(line, verdict, context, article.line_keys);
    }
    if (article.title.empty()) {
      if (verdict == LineVerdict::kKeep) {
        article.title = std::string(line);
        title_key = std::string(without_trailing_colon(Normalised(line).view()));
      } else {
        ++article.removed_lines;
      }
      continue;
    }
    bool has_content = !paragraphs.empty() || !paragraph.empty();
    if (verdict == LineVerdict::kDropTrailer && has_content) {
      for (std::size_t k = i; k < lines.size(); ++k) {
        if (!trim(lines[k]).empty()) ++article.removed_lines;
      }
      break;
    }
    if (verdict != LineVerdict::kKeep || repeats_title(line, title_key)) {
      ++article.removed_lines;
      end_paragraph();
      continue;
    }
    paragraph.push_back(line);
  }
  end_paragraph();

  std::sort(article.line_keys.begin(), article.line_keys.end());
  article.line_keys.erase(std::unique(article.line_keys.begin(), article.line_keys.end()),
                          article.line_keys.end());

  article.blocks = blocks_of(paragraphs);
  return article;
}

}  // namespace newsdex
