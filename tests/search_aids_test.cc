// Tests of the spelling dictionary and synonym table the indexer writes: documents in an
// in-memory database (like shards), aids in a disk database (InMemory has neither table),
// queried through a QueryParser set up as the search tool's, with automatic synonyms.
#include "search_aids.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "newsdex/aliases.h"
#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "newsdex/schema.h"
#include "newsdex/stored_article.h"
#include "support/stock_query_parser.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

using Names = std::vector<std::string>;

struct TestArticle {
  std::string id;
  std::string text;
  Names people, places, organizations, organization_aliases;
};

// Invented articles; the entity lists are what the extractor would give.
const std::vector<TestArticle>& test_articles() {
  static const std::vector<TestArticle> articles = {
      {"un-long",
       "Envoys Gather\n\nThe United Nations sent envoys to the flooded delta.\n",
       {},
       {},
       {"United Nations"},
       {}},
      {"un-dotted",
       "Convoy Waits\n\nA U.N. convoy waited at the border for a second day.\n",
       {},
       {},
       {"U.N."},
       {}},
      {"un-short",
       "Appeal Launched\n\nThe UN launched an appeal for the harvest season.\n",
       {},
       {},
       {"UN"},
       {}},
      {"us-long",
       "Tariff Talks\n\nThe United States raised tariffs on steel imports.\n",
       {},
       {"United States"},
       {},
       {}},
      {"us-dotted",
       "Budget Vote\n\nU.S. lawmakers voted on the budget late on Friday.\n",
       {},
       {"U.S."},
       {},
       {}},
      {"us-pronoun",
       "Park Survey\n\nLet us know what you think of the new park design.\n",
       {},
       {},
       {},
       {}},
      {"who-long",
       "Vaccine Advice\n\nThe World Health Organization updated its vaccine advice.\n",
       {},
       {},
       {"World Health Organization"},
       {}},
      {"who-short",
       "Outbreak Team\n\nWHO experts flew to the region on Monday.\n",
       {},
       {},
       {"WHO"},
       {}},
      {"who-pronoun",
       "Repair Bill\n\nResidents asked who would pay for the road repairs.\n",
       {},
       {},
       {},
       {}},
      {"who-band",
       "Reunion Tour\n\nWho would have thought the band would tour again?\n",
       {},
       {},
       {"Who"},
       {}},
      {"zelenskyy",
       "Kyiv Visit\n\nVolodymyr Zelenskyy met ministers in Kyiv.\n",
       {"Volodymyr Zelenskyy"},
       {"Kyiv"},
       {},
       {}},
      {"zelensky",
       "Aid Pledge\n\nVolodymyr Zelensky thanked allies for the pledge.\n",
       {"Volodymyr Zelensky"},
       {},
       {},
       {}},
      {"leon-accent",
       "Pool Record\n\nLéon Marchand broke the record in the final.\n",
       {"Léon Marchand"},
       {},
       {},
       {}},
      {"leon-plain",
       "Home Crowd\n\nLeon Marchand thanked the home crowd.\n",
       {"Leon Marchand"},
       {},
       {},
       {}},
      {"kane", "Derby Goal\n\nHarry Kane scored twice in the derby.\n", {"Harry Kane"}, {}, {}, {}},
      {"kale",
       "Garden Show\n\nHarry Kale won a prize for his marrows.\n",
       {"Harry Kale"},
       {},
       {},
       {}},
      {"ecb-both",
       "Rates Cut\n\nThe European Central Bank cut rates; the ECB expects calm.\n",
       {},
       {},
       {"European Central Bank"},
       {"ECB"}},
      {"ecb-long",
       "Bank Warns\n\nThe European Central Bank warned about house prices.\n",
       {},
       {},
       {"European Central Bank"},
       {}},
      {"ecb-short", "Bond Buying\n\nThe ECB ended its bond buying.\n", {}, {}, {"ECB"}, {}},
      {"reagan",
       "Library Opens\n\nA library for Ronald Reagan opened in California.\n",
       {"Ronald Reagan"},
       {},
       {},
       {}},
      {"regan-typo",
       "Old Speech\n\nA speech by Ronald Regan was replayed on the radio.\n",
       {"Ronald Regan"},
       {},
       {},
       {}},
      {"regan-hooker",
       "Scrum Win\n\nMark Regan won the scrum against the head.\n",
       {"Mark Regan"},
       {},
       {},
       {}},
      {"ec-commission",
       "Fine Upheld\n\nThe European Commission fined the firm; the EC said more may follow.\n",
       {},
       {},
       {"European Commission"},
       {"EC"}},
      {"ec-council",
       "Budget Deal\n\nThe European Council met and the EC agreed a budget.\n",
       {},
       {},
       {"European Council"},
       {"EC"}},
      {"tidal",
       "Harbour Plan\n\nThe Tidal Board and TB Holdings signed a harbour plan.\n",
       {},
       {},
       {"Tidal Board", "TB Holdings"},
       {}},
      {"tb", "Shares Rise\n\nShares in TB rose on Monday.\n", {}, {}, {"TB"}, {}},
      {"amnesty",
       "Prison Report\n\nAmnesty International published a prison report.\n",
       {},
       {},
       {"Amnesty International"},
       {}},
      {"ai-lab", "Lab Opens\n\nThe AI lab opened a second office.\n", {}, {}, {"AI"}, {}},
      {"ivory",
       "Cocoa Harvest\n\nFarmers in Ivory Coast picked a smaller cocoa harvest.\n",
       {},
       {"Ivory Coast"},
       {},
       {}},
  };
  return articles;
}

Xapian::Document document_of(const TestArticle& a) {
  SourceFile source;
  source.id = a.id + ".txt";
  source.path = "/corpus/" + source.id;
  Article article = make_article(source, a.text);
  article.entities.people = a.people;
  article.entities.places = a.places;
  article.entities.organizations = a.organizations;
  article.entities.organization_aliases = a.organization_aliases;
  return DocumentBuilder().build(article);
}

Xapian::WritableDatabase in_memory_db() {
  return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
}

Xapian::WritableDatabase disk_db(const std::string& path) {
  return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
}

void add_articles(Xapian::WritableDatabase& db, const std::set<std::string>& ids = {}) {
  for (const TestArticle& a : test_articles()) {
    if (ids.empty() || ids.count(a.id) > 0) db.add_document(document_of(a));
  }
}

using Spellings = std::map<std::string, Xapian::doccount>;

Spellings spellings_of(const Xapian::Database& db) {
  Spellings spellings;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
    spellings[*it] = it.get_termfreq();
  }
  return spellings;
}

TEST(SearchAids, SpellingHoldsTheIndexedWordsWithTheirFrequencies) {
  testing::TempDir dir;
  Xapian::WritableDatabase docs = in_memory_db();
  add_articles(docs);
  Xapian::WritableDatabase aids = disk_db(dir / "aids");
  sync_spelling(docs, aids);
  aids.commit();
  Spellings spellings = spellings_of(aids);

  for (auto term = docs.allterms_begin(); term != docs.allterms_end(); ++term) {
    const std::string& word = *term;
    SCOPED_TRACE(word);
    bool wanted = word[0] >= 'a' && word.size() >= 3;  // test words have no digits
    if (wanted) {
      EXPECT_EQ(spellings[word], term.get_termfreq());
    } else {
      EXPECT_EQ(spellings.count(word), 0u);
    }
  }
  EXPECT_EQ(spellings.count("un"), 0u) << "too short";
  EXPECT_EQ(spellings["marchand"], 2u);
  EXPECT_EQ(spellings.count("léon"), 1u);
}

TEST(SearchAids, MisspeltNamesGetTheIndexedSpelling) {
  testing::TempDir dir;
  Xapian::WritableDatabase docs = in_memory_db();
  add_articles(docs, {"zelenskyy", "leon-accent", "ecb-long", "amnesty"});
  Xapian::WritableDatabase aids = disk_db(dir / "aids");
  sync_spelling(docs, aids);
  aids.commit();
  const std::map<std::string, std::string> cases = {
      {"zelensky", "zelenskyy"}, {"zelenskiy", "zelenskyy"}, {"marchant", "marchand"},
      {"amnesti", "amnesty"},    {"centarl", "central"},
  };
  for (const auto& [typed, expected] : cases) {
    EXPECT_EQ(aids.get_spelling_suggestion(typed), expected) << typed;
  }
}

TEST(SearchAids, IncrementalSpellingSyncEqualsAFreshOne) {
  testing::TempDir dir;
  Xapian::WritableDatabase docs = in_memory_db();
  add_articles(docs, {"un-long", "un-dotted", "zelensky", "zelenskyy", "kane", "ecb-both"});
  Xapian::WritableDatabase incremental = disk_db(dir / "incremental");
  EXPECT_GT(sync_spelling(docs, incremental), 0u);
  incremental.commit();
  EXPECT_EQ(sync_spelling(docs, incremental), 0u) << "nothing changed";

  docs.delete_document(id_term("un-long.txt"));
  docs.delete_document(id_term("zelensky.txt"));
  add_articles(docs, {"kale", "leon-plain", "us-pronoun"});
  EXPECT_GT(sync_spelling(docs, incremental), 0u);
  incremental.commit();

  Xapian::WritableDatabase fresh = disk_db(dir / "fresh");
  sync_spelling(docs, fresh);
  fresh.commit();
  Spellings expected = spellings_of(fresh);
  EXPECT_EQ(spellings_of(incremental), expected);
  EXPECT_EQ(expected.count("zelensky"), 0u) << "its only article is gone";
  EXPECT_EQ(expected.count("kale"), 1u);
  EXPECT_EQ(expected["harry"], 2u);
}

TEST(SearchAids, OneDatabaseForDocumentsAndAids) {
  testing::TempDir dir;
  Xapian::WritableDatabase db = disk_db(dir / "index");
  add_articles(db);
  sync_spelling(db, db);
  write_synonyms(db, db, shipped_aliases());
  db.commit();
  EXPECT_EQ(db.get_spelling_suggestion("marchant"), "marchand");
  EXPECT_TRUE(db.synonym_keys_begin("united nations") != db.synonym_keys_end("united nations"));
  EXPECT_EQ(sync_spelling(db, db), 0u);
  EXPECT_EQ(write_synonyms(db, db, shipped_aliases()), 0u);
}

// The search tool's parser (search/query_builder.cc) with automatic synonyms.
std::set<std::string> search(const Xapian::Database& db, const std::string& query_text) {
  Xapian::QueryParser parser = testing::stock_query_parser(db);
  const unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                         Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                         Xapian::QueryParser::FLAG_PURE_NOT |
                         Xapian::QueryParser::FLAG_AUTO_SYNONYMS |
                         Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS;
  Xapian::Enquire enquire(db);
  enquire.set_query(parser.parse_query(query_text, flags));
  std::set<std::string> ids;
  for (auto it = enquire.get_mset(0, db.get_doccount()).begin(); it != Xapian::MSetIterator();
       ++it) {
    std::string id = StoredArticle::parse(it.get_document().get_data()).id;
    ids.insert(id.substr(0, id.size() - 4));  // without ".txt"
  }
  return ids;
}

struct SynonymCase {
  std::string name;
  std::string query;
  std::set<std::string> ids;
};

std::ostream& operator<<(std::ostream& out, const SynonymCase& c) { return out << c.name; }

const SynonymCase kSynonymCases[] = {
    {"Acronym", "UN", {"un-long", "un-dotted", "un-short"}},
    {"DottedAcronym", "U.N.", {"un-long", "un-dotted", "un-short"}},
    {"LongForm", "United Nations", {"un-long", "un-dotted", "un-short"}},
    {"LongFormLowerCase", "united nations", {"un-long", "un-dotted", "un-short"}},
    {"LongFormWithMoreWords", "united nations envoys", {"un-long"}},
    {"AcronymInField", "org:un", {"un-long", "un-dotted", "un-short"}},
    // "us" is a word of its own: the long form does not match it, but a query for it
    // finds the country as well.
    {"CommonWordNotAddedToLongForm", "United States", {"us-long", "us-dotted"}},
    {"CommonWordFindsLongForm", "US", {"us-long", "us-dotted", "us-pronoun"}},
    {"CommonWordInFieldIsTheAcronym", "place:us", {"us-long", "us-dotted"}},
    {"WhoLongForm", "World Health Organization", {"who-long", "who-short"}},
    {"WhoShortForm", "WHO", {"who-long", "who-short", "who-pronoun", "who-band"}},
    {"PersonVariantOneLetter", "zelensky", {"zelensky", "zelenskyy"}},
    {"PersonVariantOtherWay", "Zelenskyy", {"zelensky", "zelenskyy"}},
    {"PersonVariantInField", "person:zelenskyy", {"zelensky", "zelenskyy"}},
    {"PersonVariantAccent", "leon marchand", {"leon-accent", "leon-plain"}},
    {"ShortNamesAreOtherPeople", "harry kale", {"kale"}},
    {"NameVariantFullName", "Ronald Reagan", {"reagan", "regan-typo"}},
    {"NameVariantFullNameMisspelt", "ronald regan", {"reagan", "regan-typo"}},
    // Mark Regan shares the word: it is not a variant of "reagan" on its own.
    {"SharedFamilyNameNotExpanded", "regan", {"regan-typo", "regan-hooker"}},
    {"SharedFamilyNameOtherSpelling", "reagan", {"reagan"}},
    {"AcronymOfTwoNamesLinksNeither", "European Commission", {"ec-commission"}},
    {"AcronymFromAnotherCanonicalName", "Tidal Board", {"tidal"}},
    {"CorpusAcronym", "ECB", {"ecb-both", "ecb-long", "ecb-short"}},
    {"CorpusAcronymLongForm", "European Central Bank", {"ecb-both", "ecb-long", "ecb-short"}},
    {"InitialsNeverUsedTogether", "AI", {"ai-lab"}},
    {"InitialsNeverUsedTogetherLongForm", "Amnesty International", {"amnesty"}},
    // The search tool folds accents out of every query before parsing it (query_key()):
    // the shipped "Côte d'Ivoire" reaches the table as "cote d'ivoire".
    {"AccentedAliasAsTheSearchToolSendsIt", "cote d'ivoire", {"ivory"}},
};

class SynonymTable : public ::testing::TestWithParam<SynonymCase> {
 protected:
  // Documents and aids apart, as with shards; the parser reads both.
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    docs_ = new Xapian::WritableDatabase(in_memory_db());
    add_articles(*docs_);
    aids_ = new Xapian::WritableDatabase(disk_db(*dir_ / "aids"));
    write_synonyms(*docs_, *aids_, shipped_aliases());
    aids_->commit();
    both_ = new Xapian::Database;
    both_->add_database(*docs_);
    both_->add_database(*aids_);
  }
  static void TearDownTestSuite() {
    delete both_;
    delete aids_;
    delete docs_;
    delete dir_;
  }
  static testing::TempDir* dir_;
  static Xapian::WritableDatabase* docs_;
  static Xapian::WritableDatabase* aids_;
  static Xapian::Database* both_;
};

testing::TempDir* SynonymTable::dir_ = nullptr;
Xapian::WritableDatabase* SynonymTable::docs_ = nullptr;
Xapian::WritableDatabase* SynonymTable::aids_ = nullptr;
Xapian::Database* SynonymTable::both_ = nullptr;

TEST_P(SynonymTable, AnyFormFindsAll) {
  const SynonymCase& c = GetParam();
  EXPECT_EQ(search(*both_, c.query), c.ids) << c.query;
}

INSTANTIATE_TEST_SUITE_P(SearchAids, SynonymTable, ::testing::ValuesIn(kSynonymCases),
                         [](const ::testing::TestParamInfo<SynonymCase>& param_info) {
                           return param_info.param.name;
                         });

std::map<std::string, std::set<std::string>> synonyms_of(const Xapian::Database& db) {
  std::map<std::string, std::set<std::string>> table;
  for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key) {
    for (auto value = db.synonyms_begin(*key); value != db.synonyms_end(*key); ++value) {
      table[*key].insert(*value);
    }
  }
  return table;
}

TEST(SearchAids, SynonymsAreRewrittenToMatchTheCorpus) {
  testing::TempDir dir;
  Xapian::WritableDatabase docs = in_memory_db();
  add_articles(docs, {"zelensky", "zelenskyy", "un-long"});
  Xapian::WritableDatabase aids = disk_db(dir / "aids");
  const std::vector<AliasGroup> shipped = parse_aliases("United Nations\tUN\tU.N.\n");
  EXPECT_GT(write_synonyms(docs, aids, shipped), 0u);
  aids.commit();
  auto before = synonyms_of(aids);
  EXPECT_EQ(before["zelensky"], (std::set<std::string>{"zelenskyy"}));
  EXPECT_EQ(before["XPzelensky"], (std::set<std::string>{"XPzelenskyy"}));
  // Multi-word forms are synonyms too: QueryBuilder makes them phrases.
  EXPECT_EQ(before["volodymyr zelensky"],
            (std::set<std::string>{"XPERSON:Volodymyr Zelensky", "XPERSON:Volodymyr Zelenskyy",
                                   "volodymyr zelenskyy"}));
  EXPECT_EQ(before["un"], (std::set<std::string>{"XORG:United Nations", "united nations"}));
  EXPECT_EQ(before["united nations"], (std::set<std::string>{"XORG:United Nations"}))
      << "no article has the word un yet";
  EXPECT_EQ(write_synonyms(docs, aids, shipped), 0u) << "idempotent";

  docs.delete_document(id_term("zelensky.txt"));
  add_articles(docs, {"un-short"});
  EXPECT_GT(write_synonyms(docs, aids, shipped), 0u);
  aids.commit();
  auto after = synonyms_of(aids);
  EXPECT_EQ(after.count("zelensky"), 0u) << "the variant is gone from the corpus";
  EXPECT_EQ(after.count("XPzelenskyy"), 0u);
  EXPECT_EQ(after.count("volodymyr zelenskyy"), 0u);
  EXPECT_EQ(after["un"],
            (std::set<std::string>{"XORG:UN", "XORG:United Nations", "united nations"}));
  EXPECT_EQ(after["united nations"],
            (std::set<std::string>{"XORG:UN", "XORG:United Nations", "un"}));
}

}  // namespace
}  // namespace newsdex
