// Tests of the schema table, term construction, schema metadata, the document builder
// and the stored document data.
#include "newsdex/schema.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "newsdex/errors.h"
#include "newsdex/stored_article.h"
#include "newsdex/text_decoding.h"

namespace newsdex {
namespace {

Xapian::WritableDatabase in_memory_db() {
  return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
}

TEST(Schema, FieldNamesAndPrefixesAreUnique) {
  std::set<std::string_view> names, prefixes;
  for (const Field& field : schema_fields()) {
    SCOPED_TRACE(field.name);
    EXPECT_TRUE(prefixes.insert(field.prefix).second) << "duplicate prefix " << field.prefix;
    if (field.name.empty()) continue;
    EXPECT_TRUE(names.insert(field.name).second) << "duplicate name";
    EXPECT_FALSE(field.prefix.empty()) << "a named field needs a prefix";
  }
  EXPECT_FALSE(names.empty());
}

TEST(Schema, NamedFieldsHaveExpectedKinds) {
  struct Case {
    std::string_view name;
    std::string_view prefix;
    FieldKind kind;
    FieldSource source;
  };
  const Case cases[] = {
      {"id", "Q", FieldKind::kBoolean, FieldSource::kId},
      {"title", "S", FieldKind::kFreeText, FieldSource::kTitle},
      {"section", "XSECTION", FieldKind::kBoolean, FieldSource::kSection},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Field& field = field_by_name(c.name);
    EXPECT_EQ(field.name, c.name);
    EXPECT_EQ(field.prefix, c.prefix);
    EXPECT_EQ(field.kind, c.kind);
    EXPECT_EQ(field.source, c.source);
  }
}

TEST(Schema, FieldByNameThrowsForUnknownName) {
  for (std::string_view name : {"", "body", "Title", "writer", "section:"}) {
    SCOPED_TRACE(name);
    EXPECT_THROW(field_by_name(name), std::out_of_range);
  }
}

TEST(Schema, BooleanTermFollowsColonRule) {
  struct Case {
    std::string_view field;
    std::string_view value;
    std::string term;
  };
  const Case cases[] = {
      {"section", "business", "XSECTIONbusiness"},
      // Section names fold to lower case (section:Sport finds "sport").
      {"section", "Business", "XSECTIONbusiness"},
      {"section", ":odd", "XSECTION::odd"},
      {"section", "2024", "XSECTION2024"},
      {"section", "", "XSECTION"},
      // Xapian's QueryParser only looks at ASCII upper case; the index must agree.
      {"section", "\xC3\x89lan", "XSECTION\xC3\x89lan"},
      {"id", "Abc", "QAbc"},
      {"id", "world/a.txt", "Qworld/a.txt"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.field) + " " + std::string(c.value));
    EXPECT_EQ(boolean_term(field_by_name(c.field), c.value), c.term);
  }
  // A value that starts with a capital after a prefix of several letters gets a colon,
  // as Xapian's QueryParser writes it.
  Field unfolded = field_by_name("section");
  unfolded.fold_case = false;
  EXPECT_EQ(boolean_term(unfolded, "Business"), "XSECTION:Business");
}

TEST(Schema, IdTermOfShortIdIsQPlusId) {
  for (const std::string& id :
       {std::string("world/a.txt"), std::string("a.txt"), std::string(239, 'x')}) {
    SCOPED_TRACE(id.size());
    EXPECT_EQ(id_term(id), "Q" + id);
  }
}

TEST(Schema, IdTermOfLongIdFitsInATerm) {
  for (std::size_t size : {240u, 241u, 300u, 1000u}) {
    SCOPED_TRACE(size);
    std::string term = id_term(std::string(size, 'y'));
    EXPECT_LE(term.size(), 240u);
    EXPECT_TRUE(term.starts_with("Qyyyy"));
  }
}

TEST(Schema, IdTermsOfLongIdsWithSameHeadDiffer) {
  std::string head(400, 'h');
  std::string a = id_term(head + "/first.txt");
  std::string b = id_term(head + "/second.txt");
  EXPECT_NE(a, b);
  EXPECT_LE(a.size(), 240u);
  EXPECT_LE(b.size(), 240u);
  EXPECT_EQ(id_term(head + "/first.txt"), a) << "the term must be stable";
}

TEST(Schema, IdTermCutsOnUtf8Boundary) {
  // Multi-byte characters after 0..3 ASCII bytes put the cut at every possible offset
  // inside a character.
  const std::string_view characters[] = {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
  for (std::string_view character : characters) {
    for (std::size_t pad = 0; pad < 4; ++pad) {
      std::string id(pad, 'a');
      while (id.size() < 1000) id += character;
      SCOPED_TRACE(std::string(character) + " after " + std::to_string(pad) + " bytes");
      std::string term = id_term(id);
      EXPECT_LE(term.size(), 240u);
      EXPECT_TRUE(is_valid_utf8(term));
    }
  }
}

// Values of every boolean field go through the same fitting as ids: a long source,
// section or name must give a term Xapian accepts, the same for index and query.
TEST(Schema, BooleanTermsOfLongValuesFitDifferAndStayUtf8) {
  for (const Field& field : schema_fields()) {
    if (field.kind != FieldKind::kBoolean || field.name.empty()) continue;
    SCOPED_TRACE(std::string(field.name));
    const std::string head(300, 'N');
    std::string a = boolean_term(field, head + " first");
    std::string b = boolean_term(field, head + " second");
    EXPECT_LE(a.size(), kMaxTermBytes);
    EXPECT_NE(a, b);
    EXPECT_EQ(boolean_term(field, head + " first"), a) << "the term must be stable";
    EXPECT_TRUE(a.starts_with(std::string(field.prefix))) << a;
    std::string accents;
    while (accents.size() < 600) accents += "\xC3\xA9";
    std::string c = boolean_term(field, "a" + accents);
    EXPECT_LE(c.size(), kMaxTermBytes);
    EXPECT_TRUE(is_valid_utf8(c));
  }
  const Field& source = field_by_name("source");
  EXPECT_EQ(boolean_term(source, "Reuters"), boolean_term(source, "reuters"))
      << "short values are unchanged by the fitting";
}

TEST(SchemaMetadata, RoundTrips) {
  Xapian::WritableDatabase db = in_memory_db();
  write_schema_metadata(db);
  EXPECT_EQ(db.get_metadata(std::string(kMetaSchemaVersion)), std::to_string(kSchemaVersion));
  EXPECT_EQ(db.get_metadata(std::string(kMetaStemLanguage)), std::string(kStemLanguage));
  db.add_document(Xapian::Document());
  EXPECT_NO_THROW(check_schema_metadata(db, "/idx"));
}

TEST(SchemaMetadata, EmptyDatabaseWithoutMetadataIsNew) {
  Xapian::WritableDatabase db = in_memory_db();
  EXPECT_NO_THROW(check_schema_metadata(db, "/idx"));
}

TEST(SchemaMetadata, RejectsForeignOrOtherVersionIndexes) {
  struct Case {
    std::string name;
    std::string version;   // "" = not set
    std::string language;  // "" = not set
  };
  const Case cases[] = {
      {"NoMetadata", "", ""},
      {"OtherVersion", std::to_string(kSchemaVersion + 1), std::string(kStemLanguage)},
      {"OlderVersion", "0", std::string(kStemLanguage)},
      {"OtherStemmer", std::to_string(kSchemaVersion), "french"},
      {"NoStemmer", std::to_string(kSchemaVersion), ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Xapian::WritableDatabase db = in_memory_db();
    db.add_document(Xapian::Document());
    if (!c.version.empty()) db.set_metadata(std::string(kMetaSchemaVersion), c.version);
    if (!c.language.empty()) db.set_metadata(std::string(kMetaStemLanguage), c.language);
    try {
      check_schema_metadata(db, "/srv/news-index");
      ADD_FAILURE() << "no IndexError";
    } catch (const IndexError& e) {
      EXPECT_NE(std::string(e.what()).find("/srv/news-index"), std::string::npos) << e.what();
    }
  }
}

// The article behind the document builder tests.
Article markets_article() {
  SourceFile source;
  source.id = "business/markets.txt";
  source.path = "/corpus/business/markets.txt";
  source.size = 1234;
  source.mtime = 1700000000.5;
  return make_article(source,
                      "Markets Rally Today\n\nInvestors cheered the strong results.\n\n"
                      "Outlook\n\nAnalysts expect the gains to continue.\n");
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
  Xapian::TermIterator it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term;
}

Xapian::termcount wdf_of(const Xapian::Document& doc, const std::string& term) {
  Xapian::TermIterator it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term ? it.get_wdf() : 0;
}

TEST(DocumentBuilder, AddsTermsFromSchema) {
  DocumentBuilder builder;
  Xapian::Document doc = builder.build(markets_article());
  struct Case {
    std::string term;
    bool present;
  };
  const Case cases[] = {
      {"Qbusiness/markets.txt", true},
      {"XSECTIONbusiness", true},
      {"Smarkets", true},  // title words with the title prefix
      {"Srally", true},
      {"ZSmarket", true},   // and stemmed
      {"markets", true},    // title words also without prefix
      {"investors", true},  // body words without prefix
      {"Zinvestor", true},
      {"outlook", true},      // headings are body text
      {"Sinvestors", false},  // body words are not title words
      {"Soutlook", false},
      {"Qmarkets.txt", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.term);
    EXPECT_EQ(has_term(doc, c.term), c.present);
  }
}

TEST(DocumentBuilder, WeighsTitlesAndHeadings) {
  DocumentBuilder builder;
  Xapian::Document doc = builder.build(markets_article());
  struct Case {
    std::string term;
    Xapian::termcount wdf;
  };
  const Case cases[] = {
      {"Srally", 1},
      {"rally", 3},    // the title's unprefixed copy weighs more
      {"outlook", 2},  // a heading weighs more than a paragraph word
      {"investors", 1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.term);
    EXPECT_EQ(wdf_of(doc, c.term), c.wdf);
  }
}

TEST(DocumentBuilder, PositionsAllowPhrasesWithinABlockOnly) {
  Xapian::WritableDatabase db = in_memory_db();
  DocumentBuilder builder;
  db.add_document(builder.build(markets_article()));
  struct Case {
    std::vector<std::string> words;
    bool matches;
  };
  const Case cases[] = {
      {{"strong", "results"}, true},    {{"results", "strong"}, false},
      {{"Smarkets", "Srally"}, true},   {{"today", "investors"}, false},  // across title and body
      {{"results", "outlook"}, false},                                    // across two blocks
      {{"outlook", "analysts"}, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.words.front() + " " + c.words.back());
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, c.words.begin(), c.words.end()));
    EXPECT_EQ(enquire.get_mset(0, 10).size(), c.matches ? 1u : 0u);
  }
}

TEST(DocumentBuilder, StoresValuesAndData) {
  Article article = markets_article();
  DocumentBuilder builder;
  Xapian::Document doc = builder.build(article);
  EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(kSlotMtime)), 1700000000.5);
  EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(kSlotSize)), 1234.0);

  StoredArticle stored = StoredArticle::parse(doc.get_data());
  EXPECT_EQ(stored.id, "business/markets.txt");
  EXPECT_EQ(stored.path, "/corpus/business/markets.txt");
  EXPECT_EQ(stored.title, "Markets Rally Today");
  EXPECT_EQ(stored.section, "business");
  EXPECT_EQ(stored.body, article.body);
  EXPECT_NE(stored.body.find("Analysts expect"), std::string::npos);
}

TEST(DocumentBuilder, RootArticleHasNoSectionTerm) {
  SourceFile source;
  source.id = "note.txt";
  source.path = "/corpus/note.txt";
  DocumentBuilder builder;
  Xapian::Document doc = builder.build(make_article(source, "Short Note\n\nNothing else.\n"));
  for (Xapian::TermIterator it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    EXPECT_FALSE((*it).starts_with("XSECTION")) << *it;
  }
  EXPECT_TRUE(has_term(doc, "Qnote.txt"));
}

TEST(StoredArticle, RoundTrips) {
  StoredArticle article{
      "world/\xC3\xA9t\xC3\xA9.txt",
      "/corpus/world/\xC3\xA9t\xC3\xA9.txt",
      "Quotes \"and\" slashes \\ survive",
      "world",
      "Line one\n\nLine two",
      {{"Benjamin Netanyahu"}, {"Rafah", "Gaza Strip"}, {"Hamas"}, {"ceasefire"}, {}, {}, {}},
      "Northern Ledger",
      "Ann Lee, Calum Rae",
      "https://ledger.example/a",
      "2024-02-07T10:15:00Z",
      "metadata"};
  StoredArticle parsed = StoredArticle::parse(article.serialise());
  EXPECT_EQ(parsed.source, article.source);
  EXPECT_EQ(parsed.author, article.author);
  EXPECT_EQ(parsed.url, article.url);
  EXPECT_EQ(parsed.date, article.date);
  EXPECT_EQ(parsed.date_source, article.date_source);
  EXPECT_EQ(parsed.entities.people, article.entities.people);
  EXPECT_EQ(parsed.entities.places, article.entities.places);
  EXPECT_EQ(parsed.entities.organizations, article.entities.organizations);
  EXPECT_EQ(parsed.entities.topics, article.entities.topics);
  EXPECT_EQ(parsed.id, article.id);
  EXPECT_EQ(parsed.path, article.path);
  EXPECT_EQ(parsed.title, article.title);
  EXPECT_EQ(parsed.section, article.section);
  EXPECT_EQ(parsed.body, article.body);
}

TEST(StoredArticle, KeepsBytesThatAreNotUtf8) {
  // File names need not be UTF-8; the record keeps them as they are (the printers
  // replace bad bytes when they write JSON).
  StoredArticle article;
  article.id = "caf\xE9.txt";
  article.body = std::string("nul \0 inside", 13);
  article.entities.topics = {"", "x"};
  StoredArticle parsed = StoredArticle::parse(article.serialise());
  EXPECT_EQ(parsed.id, article.id);
  EXPECT_EQ(parsed.body, article.body);
  EXPECT_EQ(parsed.entities.topics, article.entities.topics);
}

TEST(StoredArticle, ParseRejectsGarbage) {
  StoredArticle article;
  article.id = "a.txt";
  article.body = std::string(300, 'b');  // a two-byte length
  article.entities.people = {"Ann Lee"};
  const std::string good = article.serialise();
  ASSERT_NO_THROW(StoredArticle::parse(good));
  const std::string cases[] = {
      "", "not a record",
      // Data written by schema 3 (JSON) is another layout.
      R"({"id": "a", "path": "b", "title": "c", "section": "d", "body": "e"})",
      good.substr(0, 1),                // the layout byte alone
      good.substr(0, good.size() - 1),  // cut inside the last list
      good.substr(0, 20),               // cut inside the body
      good + "x",                       // bytes after the end
      std::string("\x04\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x01", 12),  // an endless length
      std::string("\x04\x7F", 2) + "short",  // a string longer than the record
  };
  for (const std::string& data : cases) {
    SCOPED_TRACE(testing::PrintToString(data));
    EXPECT_THROW(StoredArticle::parse(data), IndexError);
  }
}

}  // namespace
}  // namespace newsdex
