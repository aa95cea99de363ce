// How the printers show an article's date: its stored iso_date() and date_source, or
// nothing for an undated article (newsdex/article_date.h).
#include "printer.h"

namespace newsdex {
namespace {

constexpr std::size_t kDayLength = 10;  // "YYYY-MM-DD"
constexpr std::string_view kGuessedYearSource = "mtime-year";

}  // namespace

std::string display_date(const StoredArticle& article) {
  if (article.date.empty()) return "undated";
  std::string day = article.date.substr(0, kDayLength);
  // The day and month are the article's, the year only the file time's: say so.
  if (article.date_source == kGuessedYearSource) day += " (year guessed)";
  return day;
}

JsonDate json_date(const StoredArticle& article) {
  JsonDate json;
  if (article.date.empty()) return json;
  json.date = article.date.substr(0, kDayLength);
  // iso_date() writes the time only when the source gave one.
  if (article.date.size() > kDayLength) json.date_time = article.date;
  json.date_source = article.date_source;
  return json;
}

}  // namespace newsdex
