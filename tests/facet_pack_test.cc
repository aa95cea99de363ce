// Tests of the facet pack's layout: what the document builder writes is what the
// search's spy reads back, and anything else is refused or cut short, never misread.
#include "newsdex/facet_pack.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "newsdex/schema.h"

namespace newsdex {
namespace {

using Entries = std::vector<std::pair<unsigned, std::string>>;

Entries read_back(std::string_view pack, bool* valid = nullptr) {
  Entries entries;
  bool ok = for_each_packed_facet_value(pack, [&](const PackedFacetValue& value) {
    EXPECT_EQ(value.hash, facet_name_hash(value.name)) << value.name;
    entries.emplace_back(value.facet_index, std::string(value.name));
  });
  if (valid != nullptr) *valid = ok;
  return entries;
}

TEST(FacetPack, RoundTrip) {
  FacetPackWriter writer;
  const Entries written = {{0, "Ada Brennan"},
                           {0, "\xC3\x89lodie Roux"},
                           {1, "Port Elwyn"},
                           {3, "ceasefire"},
                           {2, ""},
                           {3,
                            "a\x1f"
                            "b"}};
  for (const auto& [facet, name] : written) writer.add(facet, name);
  bool valid = false;
  EXPECT_EQ(read_back(writer.bytes(), &valid), written);
  EXPECT_TRUE(valid);
}

TEST(FacetPack, EmptyPackIsValidAndHoldsNothing) {
  FacetPackWriter writer;
  EXPECT_EQ(writer.bytes(), std::string(1, kFacetPackVersion));
  bool valid = false;
  EXPECT_TRUE(read_back(writer.bytes(), &valid).empty());
  EXPECT_TRUE(valid);
}

TEST(FacetPack, OtherVersionsAndEmptyValuesAreRefused) {
  bool valid = true;
  EXPECT_TRUE(read_back("", &valid).empty());
  EXPECT_FALSE(valid);
  valid = true;
  EXPECT_TRUE(read_back(std::string("2\0\0\0\0\0Ada\0", 10), &valid).empty());
  EXPECT_FALSE(valid);
}

TEST(FacetPack, HashIsTheLowBitsOfFnv1a) {
  // Stored in indexes: pinned.
  EXPECT_EQ(facet_name_hash(""), 0x84222325u);
  EXPECT_EQ(facet_name_hash("a"), 0x8601ec8cu);
  FacetPackWriter writer;
  writer.add(2, "a");
  EXPECT_EQ(writer.bytes(), std::string("1\x02\x8c\xec\x01\x86"
                                        "a\0",
                                        8));
}

TEST(FacetPack, TruncatedEntryIsDropped) {
  FacetPackWriter writer;
  writer.add(0, "Ada Brennan");
  writer.add(1, "Port Elwyn");
  std::string cut = writer.bytes();
  cut.pop_back();  // the last NUL
  EXPECT_EQ(read_back(cut), (Entries{{0, "Ada Brennan"}}));
}

TEST(FacetPack, DocumentBuilderPacksTheValuesOfTheFacetSlots) {
  SourceFile source;
  source.id = "world/talks.txt";
  source.path = "/corpus/world/talks.txt";
  Article article = make_article(source, "Talks\n\nEnvoys met in Port Elwyn.\n");
  article.entities.people = {"Ada Brennan", "Mara Okafor"};
  article.entities.places = {"Port Elwyn"};
  article.entities.organizations = {};
  article.entities.topics = {"ceasefire"};
  for (int i = 0; i < 14; ++i) article.entities.topics.push_back("topic " + std::to_string(i));
  DocumentBuilder builder;
  Xapian::Document doc = builder.build(article);

  // The pack holds exactly what the slots hold, facet by facet, in slot order.
  Entries from_slots;
  std::span<const Facet> facets = schema_facets();
  for (unsigned f = 0; f < facets.size(); ++f) {
    for (Xapian::valueno i = 0; i < kFacetSlots; ++i) {
      std::string value = doc.get_value(facets[f].first_slot + i);
      if (!value.empty()) from_slots.emplace_back(f, value);
    }
  }
  Entries packed = read_back(doc.get_value(kSlotFacetPack));
  EXPECT_EQ(packed, from_slots);
  EXPECT_EQ(packed.size(), 2u + 1u + 0u + kFacetSlots);  // topics stop at the slots
  EXPECT_EQ(packed.front(), (std::pair<unsigned, std::string>{0, "Ada Brennan"}));
}

}  // namespace
}  // namespace newsdex
