#include "support/query_generator.h"

namespace newsdex::testing {
namespace {

const std::vector<std::string> kWords = {
    "harbour", "ferry",  "storm", "minister", "budget", "election", "Blair", "Tony",
    "London",  "Paris",  "bank",  "rates",    "goal",   "Chelsea",  "José",  "Mourinho",
    "talks",   "Geneva", "UN",    "U.N.",     "EU",     "market",   "café",  "über"};
const std::vector<std::string> kFields = {"title:",   "person:", "place:", "org:",  "topic:",
                                          "section:", "source:", "id:",    "date:", "nofield:"};
const std::vector<std::string> kOperators = {"AND", "OR", "NOT", "NEAR", "ADJ", "XOR",
                                             "-",   "+",  "(",   ")",    "\"",  "*"};
const std::vector<std::string> kDates = {"2004-05-01",
                                         "2004-05..2004-06",
                                         "last-7-days",
                                         "last-3-years",
                                         "..2005",
                                         "2004-13-45",
                                         "today",
                                         "yesterday",
                                         "1999..",
                                         "last-0-days",
                                         "99999-01-01..2004",
                                         ".."};
const std::vector<std::string> kOdd = {"\xff\xfe",
                                       "\xe9",
                                       "\x1b[2J",
                                       "\x07",
                                       "\xc3",
                                       "%s%n",
                                       "\\",
                                       "''",
                                       "{}",
                                       "[]",
                                       "~",
                                       ":",
                                       "::",
                                       "*ball",
                                       "a*b*c*",
                                       "\t",
                                       "NEAR/3",
                                       "\xE2\x80\xAE",
                                       "\xF0\x9F\x98\x80",
                                       "0x0",
                                       "1e308",
                                       "-0",
                                       "...",
                                       "????"};

}  // namespace

const std::vector<std::string>& query_words() { return kWords; }

std::string generate_query(std::mt19937& random) {
  auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
  };
  std::string query;
  const int pieces = std::uniform_int_distribution<int>(0, 7)(random);
  for (int i = 0; i < pieces; ++i) {
    const int kind = std::uniform_int_distribution<int>(0, 19)(random);
    if (kind < 8) {
      query += pick(kWords);
    } else if (kind < 10) {
      query += pick(kFields) + pick(kWords);
    } else if (kind < 12) {
      query += pick(kFields) + "\"" + pick(kWords) + " " + pick(kWords) + "\"";
    } else if (kind < 14) {
      query += "date:" + pick(kDates);
    } else if (kind < 17) {
      query += pick(kOperators);
    } else if (kind < 19) {
      query += pick(kOdd);
    } else {
      query += std::string(std::uniform_int_distribution<int>(1, 300)(random), 'a');
    }
    if (std::uniform_int_distribution<int>(0, 4)(random) != 0) query += ' ';
  }
  return query;
}

}  // namespace newsdex::testing
