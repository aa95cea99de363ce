#include <string_view>

#include "newsdex/text_decoding.h"
#include "printer.h"

namespace newsdex {
namespace {

struct Style {
  std::string_view highlight_on, highlight_off, title_on, title_off, dim_on, dim_off;
};
constexpr Style kAnsiStyle{"\x1b[1;33m", "\x1b[0m", "\x1b[1m", "\x1b[0m", "\x1b[2m", "\x1b[0m"};
constexpr Style kPlainStyle{"[", "]", "", "", "", ""};

std::string render_passage(const Passage& passage, const Style& style) {
  std::string out;
  std::size_t done = 0;
  for (const auto& [start, end] : passage.highlights) {
    std::size_t from = byte_offset_of_code_point(passage.text, start);
    std::size_t to = byte_offset_of_code_point(passage.text, end);
    out.append(passage.text, done, from - done);
    out += style.highlight_on;
    out.append(passage.text, from, to - from);
    out += style.highlight_off;
    done = to;
  }
  out.append(passage.text, done);
  return out;
}

std::string describe_count(const SearchResults& results) {
  if (results.matches_lower_bound == results.matches_upper_bound) {
    std::size_t n = results.matches_estimated;
    return std::to_string(n) + (n == 1 ? " article matches" : " articles match");
  }
  return "about " + std::to_string(results.matches_estimated) + " articles match";
}

class TextPrinter final : public Printer {
 public:
  TextPrinter(std::ostream& out, bool color)
      : out_(out), style_(color ? kAnsiStyle : kPlainStyle) {}

  void print(const SearchRequest& request, const SearchResults& results) override {
    if (results.hits.empty()) {
      out_ << (results.matches_estimated == 0 ? "No articles match: " : "No more articles for: ")
           << request.query << "\n";
      return;
    }
    out_ << style_.dim_on << describe_count(results) << "; showing " << results.hits.front().rank
         << "-" << results.hits.back().rank << style_.dim_off << "\n";
    for (const Hit& hit : results.hits) print_hit(hit);
  }

 private:
  void print_hit(const Hit& hit) {
    const StoredArticle& a = hit.article;
    out_ << "\n" << hit.rank << ". " << style_.title_on << a.title << style_.title_off;
    if (!a.section.empty()) out_ << "  (" << a.section << ")";
    out_ << "\n   " << style_.dim_on << a.path << "  " << hit.percent << "%" << style_.dim_off
         << "\n";
    for (const Passage& passage : hit.passages) {
      if (!passage.text.empty()) out_ << "   " << render_passage(passage, style_) << "\n";
    }
  }

  std::ostream& out_;
  Style style_;
};

}  // namespace

bool should_color(ColorMode mode, bool output_is_terminal, const char* no_color_env) {
  switch (mode) {
    case ColorMode::kAlways:
      return true;
    case ColorMode::kNever:
      return false;
    case ColorMode::kAuto:
      return output_is_terminal && (no_color_env == nullptr || *no_color_env == '\0');
  }
  return false;
}

std::unique_ptr<Printer> make_text_printer(std::ostream& out, bool color) {
  return std::make_unique<TextPrinter>(out, color);
}

}  // namespace newsdex
