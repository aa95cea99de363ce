// Tests of the names the whole index resolves to another (newsdex/corpus_aliases.h): the
// table's format, and the rule the indexer works it out by, over in-memory documents
// that hold only the entity terms the rule reads.
#include "corpus_aliases.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "newsdex/schema.h"

namespace newsdex {
namespace {

const Field& names_field(FieldSource source) {
  for (const Field& field : schema_fields()) {
    if (field.source == source && field.kind == FieldKind::kBoolean) return field;
  }
  throw std::logic_error("no boolean field");
}

// An in-memory index where each name of `people` is held by its count of articles.
class Archive {
 public:
  Archive() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {}
  Archive& with(FieldSource source, const std::string& name, int articles) {
    for (int i = 0; i < articles; ++i) {
      Xapian::Document doc;
      doc.add_boolean_term(boolean_term(names_field(source), name));
      db_.add_document(doc);
    }
    return *this;
  }
  Archive& person(const std::string& name, int articles) {
    return with(FieldSource::kPeople, name, articles);
  }
  CorpusAliases aliases() { return find_corpus_aliases(db_); }

 private:
  Xapian::WritableDatabase db_;
};

TEST(CorpusAliases, TheTableReadsBackAsWritten) {
  CorpusAliases aliases;
  aliases.add(FieldSource::kPeople, "Quinlan", "Marta Quinlan");
  aliases.add(FieldSource::kOrganizations, "Quinlan", "Quinlan Freight");
  aliases.add(FieldSource::kPeople, "Same", "Same");  // no alias of itself
  CorpusAliases again = CorpusAliases::parse(aliases.serialise());
  EXPECT_EQ(again.canonical(FieldSource::kPeople, "Quinlan"), "Marta Quinlan");
  EXPECT_EQ(again.canonical(FieldSource::kOrganizations, "Quinlan"), "Quinlan Freight");
  EXPECT_EQ(again.canonical(FieldSource::kPlaces, "Quinlan"), "Quinlan");
  EXPECT_EQ(again.entries().size(), 2u);
  ASSERT_FALSE(again.entries().empty());
  EXPECT_EQ(again.entries().front().canonical, "Marta Quinlan");
  EXPECT_EQ(again.entries().front().alias, "Quinlan");
}

TEST(CorpusAliases, CanonicalisingKeepsTheFirstOfTwoNamesThatBecomeOne) {
  CorpusAliases aliases;
  aliases.add(FieldSource::kPeople, "Quinlan", "Marta Quinlan");
  std::vector<std::string> names{"Quinlan", "Ivo Sand", "Marta Quinlan"};
  aliases.canonicalise(FieldSource::kPeople, names);
  EXPECT_EQ(names, (std::vector<std::string>{"Marta Quinlan", "Ivo Sand"}));
}

TEST(FindCorpusAliases, AOneWordNameIsTheFullNameThatDominatesIt) {
  CorpusAliases aliases =
      Archive().person("Marta Quinlan", 6).person("Quinlan", 2).person("Olaf Quinlan", 2).aliases();
  EXPECT_EQ(aliases.canonical(FieldSource::kPeople, "Quinlan"), "Marta Quinlan");
  EXPECT_EQ(aliases.entries().size(), 1u);
}

TEST(FindCorpusAliases, TwoPeopleNamedAboutAsOftenKeepTheSurnameApart) {
  CorpusAliases aliases =
      Archive().person("Marta Quinlan", 6).person("Olaf Quinlan", 3).person("Quinlan", 2).aliases();
  EXPECT_TRUE(aliases.empty());
}

TEST(FindCorpusAliases, AFullNameInFewArticlesIsNoEvidence) {
  EXPECT_TRUE(Archive().person("Marta Quinlan", 2).person("Quinlan", 1).aliases().empty());
}

TEST(FindCorpusAliases, AOneWordNameUsedMoreThanAnyFullNameIsANameOfItsOwn) {
  EXPECT_TRUE(Archive().person("Ronan Velho", 4).person("Velho", 5).aliases().empty());
}

TEST(FindCorpusAliases, OtherUsesOfTheWordCountAgainstTheFullName) {
  // A first name of other people ("Charles" Kennedy beside Ray Charles)...
  EXPECT_TRUE(Archive()
                  .person("Ray Marlow", 6)
                  .person("Marlow Fenn", 3)
                  .person("Marlow", 2)
                  .aliases()
                  .empty());
  // ... or another entity's name ending in it, whatever its type.
  EXPECT_TRUE(Archive()
                  .person("Ray Marlow", 6)
                  .with(FieldSource::kOrganizations, "Hugo Marlow", 3)
                  .person("Marlow", 2)
                  .aliases()
                  .empty());
}

TEST(FindCorpusAliases, PlacesAndOrganisationsAreNeverResolved) {
  CorpusAliases aliases =
      Archive().person("Marta Quinlan", 6).with(FieldSource::kPlaces, "Quinlan", 4).aliases();
  EXPECT_TRUE(aliases.empty());
}

TEST(CorpusAliasGroups, TheOneWordFormIsACommonWord) {
  CorpusAliases aliases;
  aliases.add(FieldSource::kPeople, "Quinlan", "Marta Quinlan");
  std::vector<AliasGroup> groups = corpus_alias_groups(aliases);
  ASSERT_EQ(groups.size(), 1u);
  ASSERT_EQ(groups.front().forms.size(), 2u);
  EXPECT_EQ(groups.front().forms[0].text, "Marta Quinlan");
  EXPECT_FALSE(groups.front().forms[0].common_word);
  EXPECT_EQ(groups.front().forms[1].text, "Quinlan");
  EXPECT_TRUE(groups.front().forms[1].common_word);
}

}  // namespace
}  // namespace newsdex
