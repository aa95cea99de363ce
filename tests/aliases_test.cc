// Tests of the alias list format and of the shipped list.
#include "newsdex/aliases.h"

#include <gtest/gtest.h>

#include <map>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace newsdex {
namespace {

// A group written as its forms, "!" before a common-word form, as in the file.
std::vector<std::string> written(const AliasGroup& group) {
  std::vector<std::string> forms;
  for (const AliasForm& form : group.forms)
    forms.push_back((form.common_word ? "!" : "") + form.text);
  return forms;
}

struct ParseCase {
  std::string name;
  std::string tsv;
  std::vector<std::vector<std::string>> groups;
};

std::ostream& operator<<(std::ostream& out, const ParseCase& c) { return out << c.name; }

const ParseCase kParseCases[] = {
    {"Empty", "", {}},
    {"CommentsAndBlankLines", "# a comment\n\n   \n#\tnot a group\n", {}},
    {"OneGroup", "European Union\tEU\n", {{"European Union", "EU"}}},
    {"NoFinalNewline", "Kyiv\tKiev", {{"Kyiv", "Kiev"}}},
    {"CrLf", "Kyiv\tKiev\r\nMyanmar\tBurma\r\n", {{"Kyiv", "Kiev"}, {"Myanmar", "Burma"}}},
    {"CommonWordMark",
     "United States\t!US\t!U.S.\tUSA\n",
     {{"United States", "!US", "!U.S.", "USA"}}},
    {"SpacesInsideForms", "United Nations\tUN\tU.N.\n", {{"United Nations", "UN", "U.N."}}},
};

class AliasesParseTable : public ::testing::TestWithParam<ParseCase> {};

TEST_P(AliasesParseTable, Parses) {
  const ParseCase& c = GetParam();
  std::vector<std::vector<std::string>> groups;
  for (const AliasGroup& group : parse_aliases(c.tsv)) groups.push_back(written(group));
  EXPECT_EQ(groups, c.groups);
}

INSTANTIATE_TEST_SUITE_P(Aliases, AliasesParseTable, ::testing::ValuesIn(kParseCases),
                         [](const ::testing::TestParamInfo<ParseCase>& param_info) {
                           return param_info.param.name;
                         });

TEST(Aliases, BadLinesThrowWithTheirLineNumber) {
  struct Case {
    std::string tsv;
    std::string message;
  };
  const Case cases[] = {
      {"Kyiv\tKiev\nMyanmar\n", "aliases line 2: a group needs at least two forms"},
      {"# comment\n\nKyiv\t\tKiev\n", "aliases line 3: empty form"},
      {"Kyiv\tKiev\t\n", "aliases line 1: empty form"},
      {"Kyiv\t!\n", "aliases line 1: empty form"},
      {"Kyiv\t  \n", "aliases line 1: empty form"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.tsv);
    try {
      parse_aliases(c.tsv);
      ADD_FAILURE() << "no exception";
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(std::string(e.what()), c.message);
    }
  }
}

TEST(Aliases, ShippedListHoldsTheCommonAbbreviations) {
  std::map<std::string, std::vector<std::string>> group_of;  // form as written -> group
  for (const AliasGroup& group : shipped_aliases()) {
    ASSERT_GE(group.forms.size(), 2u);
    for (const AliasForm& form : group.forms) {
      EXPECT_TRUE(group_of.emplace(form.text, written(group)).second)
          << form.text << " is in two groups";
    }
  }
  EXPECT_GE(shipped_aliases().size(), 40u);
  const std::vector<std::vector<std::string>> expected = {
      {"United Nations", "UN", "U.N."},
      {"United States", "United States of America", "!US", "!U.S.", "USA", "U.S.A."},
      {"European Union", "EU", "E.U."},
      {"United Kingdom", "UK", "U.K.", "Britain"},
  };
  for (const std::vector<std::string>& group : expected) {
    EXPECT_EQ(group_of[group.front()], group);
  }
  EXPECT_EQ(group_of["WHO"].back(), "!WHO") << "'who' is an everyday word";
}

}  // namespace
}  // namespace newsdex
