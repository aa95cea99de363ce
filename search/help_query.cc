#include "help_query.h"

#include <array>
#include <cstddef>
#include <vector>

#include "query_builder.h"

namespace newsdex {
namespace {

constexpr std::size_t kQueryColumnWidth = 27;

constexpr std::array kWordExamples = {
    QueryExample{"ceasefire talks", "both words (AND is the default)"},
    QueryExample{"strike OR walkout", "either word"},
    QueryExample{"budget NOT tax", "the first word without the second"},
    QueryExample{"budget -tax", "the same"},
    QueryExample{"NOT weather", "every article without the word"},
    QueryExample{"(strike OR walkout) rail", "brackets group"},
    QueryExample{"\"central bank\"", "the exact phrase"},
    QueryExample{"flood NEAR dam", "both words at most 10 words apart, any order"},
    QueryExample{"flood NEAR/3 dam", "both words at most 3 words apart, any order"},
    QueryExample{"flood ADJ/3 dam", "the same, in this order (ADJ alone: 10)"},
    QueryExample{"elect*", "words starting with elect (a trailing * only)"},
};

constexpr std::array kFieldExamples = {
    QueryExample{"title:budget", "the word in the title"},
    QueryExample{"section:business", "articles in the folder business"},
    QueryExample{"id:world/flood.txt", "one article by its id"},
    QueryExample{"source:reuters", "one site or agency (case does not matter)"},
    QueryExample{"author:fenwick", "a word of the author's name"},
    QueryExample{"url:\"https://example.org/a\"", "one article by its URL"},
    QueryExample{"person:okafor", "a word of the name of a person"},
    QueryExample{"person:\"Mara Okafor\"", "the exact name"},
    QueryExample{"place:rafah", "a word of the name of a place"},
    QueryExample{"org:council", "a word of the name of an organisation"},
    QueryExample{"topic:ceasefire", "a key phrase or the section"},
    QueryExample{"flood section:world", "fields combine with words"},
};

constexpr std::array kDateExamples = {
    QueryExample{"date:2024-02-07", "one day"},
    QueryExample{"date:2024-02", "one month"},
    QueryExample{"date:2024", "one year"},
    QueryExample{"date:2024-02..2024-03", "February 1 to March 31"},
    QueryExample{"date:2024-02-01..", "from that day on"},
    QueryExample{"date:..2023-12-31", "up to that day"},
    QueryExample{"date:today", "today (date:yesterday too)"},
    QueryExample{"date:last-7-days", "the 7 days ending today"},
    QueryExample{"date:last-2-weeks", "the 14 days ending today"},
    QueryExample{"date:last-3-months", "the 3 months ending today"},
    QueryExample{"date:last-1-years", "the year ending today"},
    QueryExample{"date:2024-01..yesterday", "any two forms make a range"},
};

void append_examples(std::string& text, std::span<const QueryExample> examples) {
  for (const QueryExample& example : examples) {
    text += "  ";
    text += example.query;
    text.append(kQueryColumnWidth - example.query.size(), ' ');
    text += ' ';
    text += example.meaning;
    text += '\n';
  }
}

}  // namespace

std::span<const QueryExample> query_examples() {
  static const std::vector<QueryExample> examples = [] {
    std::vector<QueryExample> all;
    for (std::span<const QueryExample> part : {std::span<const QueryExample>(kWordExamples),
                                               std::span<const QueryExample>(kFieldExamples),
                                               std::span<const QueryExample>(kDateExamples)}) {
      all.insert(all.end(), part.begin(), part.end());
    }
    return all;
  }();
  return examples;
}

std::string query_help_text() {
  std::string fields;
  for (std::string_view name : query_field_names()) {
    fields += (fields.empty() ? "" : ", ") + std::string(name);
  }
  std::string text =
      "newsdex-search query language\n\n"
      "All words must match. Case does not matter, words are stemmed (talks finds\n"
      "talk), and the index's synonyms widen them (un finds united nations).\n"
      "Operators are upper case: and, or, not, near are ordinary words.\n\n"
      "Words and operators\n";
  append_examples(text, kWordExamples);
  text += "\nFields: " + fields + "\n";
  append_examples(text, kFieldExamples);
  text +=
      "\nDates: each article's own date. A month or a year runs to its last day, and\n"
      "last-N-... includes today (units: days, weeks, months, years; singular too).\n"
      "Articles with no date of their own never match a date filter unless\n"
      "--undated=include (or --undated=only) says so.\n";
  append_examples(text, kDateExamples);
  text +=
      "\nErrors: a query that cannot be parsed stops the search with one line:\n"
      "  " +
      std::string(kQueryErrorExampleMessage) + "\n" +
      "Columns count characters from 1. Other reasons: unmatched ')' or '\"', nothing\n"
      "after 'AND' (signs alone, as in 'AND %%', are no words), nothing before\n"
      "'OR', '-' right after NOT, unknown field 'persn' (the known fields follow),\n"
      "and date 'VALUE' when it is none of the forms above. Quote text with a\n"
      "colon that is not a field: \"Re:Brexit\".\n";
  return text;
}

}  // namespace newsdex
