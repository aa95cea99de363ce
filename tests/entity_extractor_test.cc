// Table tests of entity extraction, one table per rule family. The sentences are
// invented; they run through the real tokenizer, trained model and resolution rules.
#include "newsdex/entity_extractor.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "newsdex/tokenizer.h"

namespace newsdex {
namespace {

struct Case {
  std::string_view name;
  std::string_view text;
  EntityType type;
  std::string_view expected;  // a canonical name that must be found with this type
};

bool has_entity(const Extraction& extraction, EntityType type, std::string_view name) {
  return std::any_of(extraction.entities.begin(), extraction.entities.end(),
                     [&](const ExtractedEntity& e) { return e.type == type && e.name == name; });
}

std::string describe(const Extraction& extraction) {
  std::string out;
  for (const ExtractedEntity& e : extraction.entities) {
    out += std::to_string(static_cast<int>(e.type)) + ":" + e.name + "; ";
  }
  return out;
}

// The canonical names of an extraction, sorted.
std::vector<std::string> sorted_names(const Extraction& extraction) {
  std::vector<std::string> names;
  for (const ExtractedEntity& e : extraction.entities) names.push_back(e.name);
  std::sort(names.begin(), names.end());
  return names;
}

void run_table(const std::vector<Case>& cases) {
  EntityExtractor extractor;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Extraction extraction = extractor.extract(c.text);
    EXPECT_TRUE(has_entity(extraction, c.type, c.expected))
        << c.expected << " not found in: " << describe(extraction);
  }
}

TEST(EntityExtractor, TitlesAndRolesPrecedePeople) {
  run_table({
      {"PrimeMinister", "Prime Minister Elena Vasquez opened the new bridge on Friday.",
       EntityType::kPerson, "Elena Vasquez"},
      {"MrShortForm", "Tony Blair spoke first. Later Mr Blair took questions from reporters.",
       EntityType::kPerson, "Tony Blair"},
      {"SecretaryOfState", "US Secretary of State Antony Blinken arrived in Tel Aviv on Tuesday.",
       EntityType::kPerson, "Antony Blinken"},
      {"Justice", "Justice Maria Delgado wrote the dissent, joined by two colleagues.",
       EntityType::kPerson, "Maria Delgado"},
      {"AgencyHead", "NASA Administrator Tomas Reyes watched the launch from Florida on Monday.",
       EntityType::kPerson, "Tomas Reyes"},
  });
}

TEST(EntityExtractor, VerbsOfSayingFollowPeople) {
  run_table({
      {"SaidAfterName",
       "\"The port will reopen next week,\" said Marta Kowalski, a harbour official.",
       EntityType::kPerson, "Marta Kowalski"},
      {"NameThenTold", "Rafael Ortega told reporters that the vote would go ahead.",
       EntityType::kPerson, "Rafael Ortega"},
  });
}

TEST(EntityExtractor, PrepositionsOfPlace) {
  run_table({
      {"InCity", "Negotiators met in Doha on Monday to discuss the proposal.", EntityType::kPlace,
       "Doha"},
      {"MultiWordCountry", "The minister travelled from Saudi Arabia to Egypt for the summit.",
       EntityType::kPlace, "Saudi Arabia"},
      {"GazaStrip", "Aid trucks waited at the crossing into the Gaza Strip for a third day.",
       EntityType::kPlace, "Gaza Strip"},
      {"Possessive", "Qatar's prime minister said the reply was positive.", EntityType::kPlace,
       "Qatar"},
  });
}

TEST(EntityExtractor, OrganisationSuffixesAndAcronyms) {
  run_table({
      {"PartySuffix", "The Liberal Democratic Party won a majority in the upper house.",
       EntityType::kOrganization, "Liberal Democratic Party"},
      {"AcronymResolves",
       "The European Union agreed new rules. EU ministers will meet again in June.",
       EntityType::kOrganization, "European Union"},
      {"KnownAcronym", "The militant group Hamas said it had received the proposal.",
       EntityType::kOrganization, "Hamas"},
      {"CompanyHead", "Shares in Halvorsen Pharmaceuticals rose 4% after the trial results.",
       EntityType::kOrganization, "Halvorsen Pharmaceuticals"},
      {"BuildingHead", "The rocket lifted off from the Kennedy Space Center in Florida at dawn.",
       EntityType::kOrganization, "Kennedy Space Center"},
  });
}

TEST(EntityExtractor, ShortMentionsResolveToTheFullName) {
  EntityExtractor extractor;
  Extraction extraction = extractor.extract(
      "Israeli Prime Minister Benjamin Netanyahu rejected the plan. Netanyahu said the "
      "offensive would continue, and Netanyahu's office later confirmed it.");
  std::vector<const ExtractedEntity*> people;
  for (const ExtractedEntity& e : extraction.entities) {
    if (e.type == EntityType::kPerson) people.push_back(&e);
  }
  ASSERT_EQ(people.size(), 1u) << describe(extraction);
  EXPECT_EQ(people[0]->name, "Benjamin Netanyahu");
  EXPECT_EQ(people[0]->aliases, std::vector<std::string>{"Netanyahu"});
  EXPECT_EQ(people[0]->mention_count, 3u);
}

TEST(EntityExtractor, JoinedAndHyphenatedNames) {
  run_table({
      {"BinAlThani",
       "Qatar's Prime Minister Mohammed bin Abdulrahman Al-Thani hosted the talks in Doha.",
       EntityType::kPerson, "Mohammed bin Abdulrahman Al-Thani"},
      {"VanDer", "The Dutch coach Louis van Gaal named his squad on Thursday.", EntityType::kPerson,
       "Louis van Gaal"},
      {"VonDer", "Commission President Ursula von der Leyen will seek a second term.",
       EntityType::kPerson, "Ursula von der Leyen"},
      {"Le", "Marine Le Pen said her party would not back the government.", EntityType::kPerson,
       "Marine Le Pen"},
  });
}

TEST(EntityExtractor, HeadlineCapitalsTakeTheArticleSpelling) {
  EntityExtractor extractor;
  Extraction extraction = extractor.extract(
      "BLINKEN ARRIVES IN DOHA AS TALKS RESUME\n\nAntony Blinken arrived in Doha on "
      "Wednesday for talks with Qatari mediators.");
  EXPECT_TRUE(has_entity(extraction, EntityType::kPerson, "Antony Blinken"))
      << describe(extraction);
  EXPECT_TRUE(has_entity(extraction, EntityType::kPlace, "Doha")) << describe(extraction);
  for (const ExtractedEntity& e : extraction.entities) {
    EXPECT_NE(e.name, "DOHA");
    EXPECT_NE(e.name, "BLINKEN");
  }
}

// Title case capitalises every word of a sub-heading: a name seen only there needs
// evidence (a known place, a given and a family name, or the words in running text).
TEST(EntityExtractor, TitleCaseHeadingsGiveNamesOnlyWithEvidence) {
  EntityExtractor extractor;
  Extraction extraction = extractor.extract(
      "Envoy Heads to Cairo on Diplomatic Mission\n\n"
      "The envoy met officials in the capital on Thursday.\n\n"
      "Escalating Violence Takes Toll\n\n"
      "Aid agencies said families had fled south.\n\n"
      "Diplomatic Efforts Continue for Laura Moreau\n\n"
      "Talks Stall as Hamas Weighs Offer\n\n"
      "A spokesman said Hamas was studying the proposal.");
  // Cairo: a place the gazetteer knows; Laura Moreau: a given and a family name;
  // Hamas: written in the running text too. Nothing else on the headings is a name.
  EXPECT_EQ(sorted_names(extraction), (std::vector<std::string>{"Cairo", "Hamas", "Laura Moreau"}))
      << describe(extraction);
}

// A word that starts a sentence has a capital whatever it is: it backs no name of a
// title-case headline, and the headline's guess does not make it a name either.
TEST(EntityExtractor, ASentenceStartBacksNoHeadlineName) {
  EntityExtractor extractor;
  for (const char* text :
       {"Island Ferry Fares Frozen\n\nFares on the island ferries will not rise this year, "
        "the finance minister Marta Quinlan told the assembly.",
        "Harbour Bonds Sell Out\n\nBonds issued to pay for the harbour sold out within an "
        "hour. Marta Quinlan, the finance minister, called the sale a vote of confidence."}) {
    Extraction extraction = extractor.extract(text);
    EXPECT_EQ(sorted_names(extraction), std::vector<std::string>{"Marta Quinlan"})
        << describe(extraction);
  }
}

// "Banks, however, ..." starts a sentence with a common word that the gazetteer also
// knows as a town: it is no place. A common word in capitals mid-sentence is no name
// either ("the Government"), unless a list knows it as a place ("in Nice"). The same word ending a
// person's name stays that person's alias, at the start of a sentence or not.
TEST(EntityExtractor, ACommonWordStartingASentenceIsNoName) {
  EntityExtractor extractor;
  Extraction rates = extractor.extract(
      "Rate cut brings relief\n\nThe central bank cut its main rate on Thursday, its president "
      "Helena Marsh said in Frankfurt. Banks, however, face lower income from lending. Most "
      "economists expect one more cut this year. Fully half of the board wanted to wait.");
  EXPECT_EQ(sorted_names(rates), (std::vector<std::string>{"Frankfurt", "Helena Marsh"}))
      << describe(rates);
  // Mid-sentence too, unless a list knows the word as a place or a given or family name.
  Extraction plans = extractor.extract(
      "Helena Marsh said the Government would publish its Study of the Series in Nice.");
  EXPECT_EQ(sorted_names(plans), (std::vector<std::string>{"Helena Marsh", "Nice"}))
      << describe(plans);
  Extraction minister = extractor.extract(
      "Tony Banks, the sports minister, watched the match. Banks said the league was in good "
      "health.");
  ASSERT_EQ(minister.entities.size(), 1u) << describe(minister);
  EXPECT_EQ(minister.entities[0].name, "Tony Banks");
  EXPECT_EQ(minister.entities[0].aliases, std::vector<std::string>{"Banks"});
}

// What is left of a body's name cut at "of the" is no body, a rank before a common word
// makes no person, and a character of a known franchise is no person, nor is a word of
// its name alone.
TEST(EntityExtractor, FragmentsRanksAndCharactersAreNoNames) {
  EntityExtractor extractor;
  Extraction cuts = extractor.extract(
      "A further 200 jobs at the Department of the Environment, Food and Rural Affairs will "
      "go, the minister Helena Marsh said.");
  EXPECT_FALSE(has_entity(cuts, EntityType::kOrganization, "Department")) << describe(cuts);
  Extraction vote = extractor.extract(
      "The General Election campaign began on Monday. Helena Marsh said the General Election "
      "would be close.");
  EXPECT_EQ(sorted_names(vote), std::vector<std::string>{"Helena Marsh"}) << describe(vote);
  Extraction films = extractor.extract(
      "The new Harry Potter film opened in London on Friday. Harry Potter fans queued for "
      "hours. The next James Bond film starts shooting in May, and Bond will drive an Aston "
      "Martin again.");
  EXPECT_FALSE(has_entity(films, EntityType::kPerson, "Harry Potter")) << describe(films);
  EXPECT_FALSE(has_entity(films, EntityType::kPerson, "James Bond")) << describe(films);
  EXPECT_FALSE(has_entity(films, EntityType::kPerson, "Bond")) << describe(films);
  EXPECT_TRUE(has_entity(films, EntityType::kPlace, "London")) << describe(films);
}

// A title alone is no one's name, a plural title goes before each person it names, and
// a law is no organisation.
TEST(EntityExtractor, TitlesAndLawsAreNoNames) {
  EntityExtractor extractor;
  Extraction chief = extractor.extract(
      "Chief Justice John Roberts, writing for the majority, said the president has immunity.");
  EXPECT_EQ(sorted_names(chief), std::vector<std::string>{"John Roberts"}) << describe(chief);
  Extraction justices = extractor.extract(
      "Justice Sonia Sotomayor, joined by Justices Elena Kagan and Ketanji Brown Jackson, "
      "warned that the decision was wrong.");
  EXPECT_EQ(sorted_names(justices),
            (std::vector<std::string>{"Elena Kagan", "Ketanji Brown Jackson", "Sonia Sotomayor"}))
      << describe(justices);
  Extraction law = extractor.extract(
      "The award is one of the largest under the CHIPS and Science Act, a 2022 law. Critics "
      "cited the Clean Air Act and the Maastricht Treaty.");
  EXPECT_TRUE(law.entities.empty()) << describe(law);
}

// A person "of" a body or a place is two names; a body named "of" something stays one.
TEST(EntityExtractor, APersonOfABodyIsTwoNames) {
  EntityExtractor extractor;
  Extraction analyst = extractor.extract(
      "Fuel costs will keep rising, said Nick Van den Brul of BNP Paribas on Monday.");
  EXPECT_EQ(sorted_names(analyst), (std::vector<std::string>{"BNP Paribas", "Nick Van den Brul"}))
      << describe(analyst);
  EXPECT_TRUE(has_entity(analyst, EntityType::kOrganization, "BNP Paribas")) << describe(analyst);
  Extraction official =
      extractor.extract("Zara Hyde Peters of UK Athletics said the team would be named next week.");
  EXPECT_TRUE(has_entity(official, EntityType::kPerson, "Zara Hyde Peters")) << describe(official);
  EXPECT_TRUE(has_entity(official, EntityType::kOrganization, "UK Athletics"))
      << describe(official);
}

// Wire tables print days and months short: "Apr" of a bond's maturity is no body.
TEST(EntityExtractor, ShortDaysAndMonthsAreNoNames) {
  EntityExtractor extractor;
  Extraction table = extractor.extract(
      "HARBOUR RESULTS DUE - forecasts for the week\n\nDAY COMPANY PERIOD ITEM FORECAST RANGE "
      "PREVIOUS\nMON Kestrel Mining YR EPS 41.20 40.0-43.5 38.1\nWED Dunmore Foods HY EPS 12.05 "
      "11.5-12.6 10.9\n\nThe 5-1/4 Apr 2009 bond was quoted at 99.40, dealers said.\n");
  for (const char* name : {"Apr", "MON", "WED"}) {
    EXPECT_FALSE(has_entity(table, EntityType::kOrganization, name)) << describe(table);
  }
}

// On a table's row, the column codes after a company's name (year, earnings per share)
// are not part of it; a club's one-code suffix and a company's head are.
TEST(EntityExtractor, ColumnCodesOfATableRowAreNoPartOfAName) {
  EntityExtractor extractor;
  Extraction table = extractor.extract(
      "HARBOUR RESULTS DUE - forecasts for the week\n\nDAY COMPANY PERIOD ITEM FORECAST\n"
      "MON Kestrel Mining YR EPS 41.20 40.0-43.5 38.1\nWED Dunmore Foods PLC HY EPS 12.05 "
      "11.5-12.6\n\nSoccer results on Sunday:\nRoda JC 2 Ujpest TE 1\n");
  EXPECT_TRUE(has_entity(table, EntityType::kOrganization, "Kestrel Mining")) << describe(table);
  for (const ExtractedEntity& entity : table.entities) {
    EXPECT_EQ(entity.name.find("EPS"), std::string::npos) << describe(table);
  }
}

// A line-up writes players as an initial and a family name: people, not organisations,
// beside the clubs; an abbreviated country and a nationality stay what they are, and a
// lone initial is no name.
TEST(EntityExtractor, AnInitialAndAFamilyNameIsAPerson) {
  EntityExtractor extractor;
  Extraction lineup = extractor.extract(
      "Harbour Rovers 2 Dunmore City 1\n\nHarbour Rovers: D Seaman, L Dixon, T Adams, "
      "S Bould, N Winterburn; R Parlour, P Merson. Dunmore City: K Okafor, D dal Maso.\n");
  for (const char* name : {"D Seaman", "L Dixon", "T Adams", "R Parlour", "P Merson", "K Okafor"}) {
    EXPECT_TRUE(has_entity(lineup, EntityType::kPerson, name)) << name << describe(lineup);
    EXPECT_FALSE(has_entity(lineup, EntityType::kOrganization, name)) << name << describe(lineup);
  }
  for (EntityType type : {EntityType::kOrganization, EntityType::kPlace, EntityType::kPerson}) {
    EXPECT_FALSE(has_entity(lineup, type, "D")) << describe(lineup);
  }
  Extraction other =
      extractor.extract("Fans in N Ireland cheered, and S. Korean officials said nothing.");
  EXPECT_FALSE(has_entity(other, EntityType::kPerson, "N Ireland")) << describe(other);
  EXPECT_FALSE(has_entity(other, EntityType::kPerson, "S. Korean")) << describe(other);
}

// "North Field West" is one place (a gas field's project), not the place North and the
// person "Field West".
TEST(EntityExtractor, ACompassWordAndAPersonAfterItAreOnePlace) {
  EntityExtractor extractor;
  Extraction field = extractor.extract(
      "Qatar said the new North Field West project would add output. It comes on top of two "
      "expansions already under way, North Field East and North Field South, the minister "
      "said in Doha.");
  for (const char* name : {"Field West", "Field East", "Field South"}) {
    EXPECT_FALSE(has_entity(field, EntityType::kPerson, name)) << name << describe(field);
  }
}

// "The Aviator" is a film of the known list of works: the name the tagger finds after
// "The" is no place, in any of its mentions.
TEST(EntityExtractor, AKnownTitleAfterTheIsNoEntity) {
  EntityExtractor extractor;
  Extraction extraction = extractor.extract(
      "The Aviator won four awards in London on Sunday, and its director Martin Scorsese "
      "thanked the cast. Critics had tipped The Aviator for weeks.");
  EXPECT_EQ(sorted_names(extraction), (std::vector<std::string>{"London", "Martin Scorsese"}))
      << describe(extraction);
}

// Buildings and grounds are places, however the tagger typed or cut their names.
TEST(EntityExtractor, BuildingsAndGroundsArePlaces) {
  EntityExtractor extractor;
  Extraction palace = extractor.extract("Macron spoke at the Elysee Palace on Sunday evening.");
  EXPECT_EQ(sorted_names(palace), std::vector<std::string>{"Elysee Palace"}) << describe(palace);
  EXPECT_TRUE(has_entity(palace, EntityType::kPlace, "Elysee Palace")) << describe(palace);
  Extraction arena = extractor.extract("The final was played at Rod Laver Arena on Sunday.");
  EXPECT_EQ(sorted_names(arena), std::vector<std::string>{"Rod Laver Arena"}) << describe(arena);
  EXPECT_TRUE(has_entity(arena, EntityType::kPlace, "Rod Laver Arena")) << describe(arena);
}

// Parties named by their members' plural are organisations.
TEST(EntityExtractor, PartiesByTheirMembersAreOrganisations) {
  EntityExtractor extractor;
  Extraction extraction = extractor.extract(
      "The left-wing alliance of the Socialists, Communists and Greens came first, ahead of "
      "the Christian Democrats and the Free Democrats.");
  for (const char* party :
       {"Socialists", "Communists", "Greens", "Christian Democrats", "Free Democrats"}) {
    EXPECT_TRUE(has_entity(extraction, EntityType::kOrganization, party))
        << party << ": " << describe(extraction);
  }
}

// A team's short name is the team where the article names it in full.
TEST(EntityExtractor, AKnownTeamsShortNameIsTheTeam) {
  EntityExtractor extractor;
  Extraction extraction = extractor.extract(
      "The Boston Celtics beat the Dallas Mavericks 106-88 on Monday. The Mavericks had won "
      "the third game, and Mavericks coach Jason Kidd said his players were proud.");
  EXPECT_FALSE(has_entity(extraction, EntityType::kPerson, "Mavericks")) << describe(extraction);
  EXPECT_TRUE(has_entity(extraction, EntityType::kOrganization, "Dallas Mavericks"))
      << describe(extraction);
  // The place a body is "of" stays a place.
  Extraction bank = extractor.extract(
      "The Bank of England held rates on Thursday. Growth in England slowed, it said.");
  EXPECT_TRUE(has_entity(bank, EntityType::kPlace, "England")) << describe(bank);
}

// A one-word title is a heading too: "Report" is no organisation.
TEST(EntityExtractor, AOneWordTitleIsNoName) {
  EntityExtractor extractor;
  Extraction extraction =
      extractor.extract("Report\n\nOn Monday the World Bank said lending had slowed.");
  EXPECT_EQ(sorted_names(extraction), std::vector<std::string>{"World Bank"})
      << describe(extraction);
}

// The tagger takes "World Health Organization" for no entity, as it would "World Cup":
// a run of names that ends with a body's head noun is that body. A building stays out.
TEST(EntityExtractor, ARunEndingWithABodysHeadIsThatBody) {
  run_table({
      {"who", "On Monday the World Health Organization said stocks were low.",
       EntityType::kOrganization, "World Health Organization"},
      {"wmo", "Forecasters met at the World Meteorological Organization in Geneva.",
       EntityType::kOrganization, "World Meteorological Organization"},
  });
}

// The tagger can end a run inside a known name ("Lib" and then "Dem"): the known name
// takes the rest in, and no "Lib" is left as a place.
TEST(EntityExtractor, ARunSplitInsideAKnownNameIsThatName) {
  EntityExtractor extractor;
  Extraction extraction = extractor.extract(
      "Kennedy attacks Blair\n\nLib Dem leader Charles Kennedy said on Sunday that Tony "
      "Blair had lost the trust of voters.");
  EXPECT_TRUE(has_entity(extraction, EntityType::kOrganization, "Liberal Democrats"))
      << describe(extraction);
  EXPECT_TRUE(has_entity(extraction, EntityType::kPerson, "Charles Kennedy"))
      << describe(extraction);
  for (const ExtractedEntity& e : extraction.entities) {
    EXPECT_NE(e.name, "Lib");
    EXPECT_EQ(e.name.find("Dem "), std::string::npos) << e.name;
  }
}

// "Blair" is also a small town: a one-word name that ends a person's full name in the
// article is that person unless it is a country, state or region ("Jordan" stays).
TEST(EntityExtractor, ASurnameThatIsATownIsThePerson) {
  EntityExtractor extractor;
  Extraction extraction = extractor.extract(
      "Kennedy doubts trust in Blair\n\nCharles Kennedy said voters no longer trust Tony "
      "Blair on the economy.");
  EXPECT_TRUE(has_entity(extraction, EntityType::kPerson, "Tony Blair")) << describe(extraction);
  EXPECT_FALSE(has_entity(extraction, EntityType::kPlace, "Blair")) << describe(extraction);
}

TEST(EntityExtractor, OneTypePerNameInAnArticle) {
  EntityExtractor extractor;
  Extraction extraction = extractor.extract(
      "Jordan Pickford saved two penalties. The goalkeeper Pickford said the team had earned "
      "it, and Pickford was named man of the match.");
  for (const ExtractedEntity& e : extraction.entities) {
    if (e.name.find("Pickford") != std::string::npos) {
      EXPECT_EQ(e.type, EntityType::kPerson) << e.name;
    }
  }
  EXPECT_TRUE(has_entity(extraction, EntityType::kPerson, "Jordan Pickford"))
      << describe(extraction);
}

TEST(EntityExtractor, CreditLinesAndLoneMonthsAreNotNames) {
  EntityExtractor extractor;
  Extraction extraction = extractor.extract(
      "Storm closes mountain roads\n\nBy Staff Reporter | 7 February 2024\n\nPublished: "
      "8 February 2024\n\nFebruary brought heavy snow to Innsbruck.");
  for (const ExtractedEntity& e : extraction.entities) {
    EXPECT_NE(e.name, "Staff Reporter");
    EXPECT_NE(e.name, "Published");
    EXPECT_NE(e.name, "February");
  }
}

TEST(EntityExtractor, AnAgencysDeskIsAnOrganisation) {
  EntityExtractor extractor;
  Extraction oslo = extractor.extract(
      "Grain exports rise in Norway\n\nFarmers shipped more wheat through the port this "
      "week, traders said.\n\n-- Oslo Newsroom +47 22 93 00 00\n");
  EXPECT_TRUE(has_entity(oslo, EntityType::kOrganization, "Oslo Newsroom")) << describe(oslo);
  Extraction tokyo = extractor.extract(
      "Yen slips against dollar\n\nThe yen fell in quiet trade.\n\n-- Tokyo Bureau (81-3) "
      "3432 6000\n");
  EXPECT_TRUE(has_entity(tokyo, EntityType::kOrganization, "Tokyo Bureau")) << describe(tokyo);
  // A desk named after a subject is a credit line, like a byline.
  Extraction sports = extractor.extract(
      "Rovers sign striker\n\nBy the Sports Desk\n\nRovers signed a striker from Leeds on "
      "Friday.\n");
  for (const ExtractedEntity& e : sports.entities) {
    EXPECT_EQ(e.name.find("Desk"), std::string::npos) << describe(sports);
  }
}

// A role inside a run the tagger took whole splits it: the person after the role, and the
// body before it when that is plainly a name. Not the words of the role itself.
TEST(EntityExtractor, ARoleInsideABodysNameSplitsOffThePerson) {
  run_table({
      {"no given name known",
       "Aid appeal\n\nOn Tuesday, U.N. Secretary-General Boutros "
       "Boutros-Ghali asked donors for more food aid for the region.\n",
       EntityType::kPerson, "Boutros Boutros-Ghali"},
      {"bank governor",
       "Rate decision\n\nThe cut was announced by Reserve Bank of India "
       "Governor Chakravarty Rangarajan in Bombay.\n",
       EntityType::kPerson, "Chakravarty Rangarajan"},
      {"the bank too",
       "Rate decision\n\nThe cut was announced by Reserve Bank of India "
       "Governor Chakravarty Rangarajan in Bombay.\n",
       EntityType::kOrganization, "Reserve Bank of India"},
      {"party president",
       "Coalition talks\n\nNew Party Sakigake President Masayoshi "
       "Takemura said his party would stay in the coalition.\n",
       EntityType::kPerson, "Masayoshi Takemura"},
      {"the party too",
       "Coalition talks\n\nNew Party Sakigake President Masayoshi "
       "Takemura said his party would stay in the coalition.\n",
       EntityType::kOrganization, "New Party Sakigake"},
  });
}

// Whether some entity's name holds `word` as a whole word.
bool has_name_with_word(const Extraction& extraction, std::string_view word) {
  for (const ExtractedEntity& e : extraction.entities) {
    std::string_view name = e.name;
    for (std::size_t at = name.find(word); at != std::string_view::npos;
         at = name.find(word, at + 1)) {
      bool starts = at == 0 || name[at - 1] == ' ';
      bool ends = at + word.size() == name.size() || name[at + word.size()] == ' ';
      if (starts && ends) return true;
    }
  }
  return false;
}

// A nationality, an honorific, a rank or a role before a person's name is no part of it
// (the annotated news marks the nationality apart and leaves the rest out), nor is a
// title after a body's name; alone, such words are no entity at all.
TEST(EntityExtractor, WordsDescribingAPersonAreNotTheirName) {
  EntityExtractor extractor;
  struct Described {
    std::string_view name, text;
    std::vector<std::pair<EntityType, std::string_view>> expected;
    std::vector<std::string_view> absent;  // words in no entity's name
  };
  const std::vector<Described> cases = {
      {"nationality nouns",
       "Rally leaders\n\nSwede Lars Nyqvist led the rally on Saturday, ahead of Finn Mikko "
       "Salonen and Dutchman Joost Verbeek.\n",
       {{EntityType::kPerson, "Lars Nyqvist"},
        {EntityType::kPerson, "Mikko Salonen"},
        {EntityType::kPerson, "Joost Verbeek"}},
       {"Swede", "Finn", "Dutchman"}},
      {"nationality adjectives",
       "Athletics\n\nThe 100 metres went to Cuban Yaneisy Ortiz, with Kenyan Grace Wanjiru "
       "second.\n",
       {{EntityType::kPerson, "Yaneisy Ortiz"}, {EntityType::kPerson, "Grace Wanjiru"}},
       {"Cuban", "Kenyan"}},
      {"honorifics and ranks",
       "Board changes\n\nSir Roland Ashby will chair the board, and Col Arnon Sirisak will "
       "lead the inquiry, the statement said.\n",
       {{EntityType::kPerson, "Roland Ashby"}, {EntityType::kPerson, "Arnon Sirisak"}},
       {"Sir", "Col"}},
      {"two ranks",
       "Liberia\n\nThe force is led by Nigerian Major General Obi Adewale, who flew to "
       "Monrovia on Monday.\n",
       {{EntityType::kPerson, "Obi Adewale"}},
       {"Nigerian", "Major", "General"}},
      {"a role inside a body's run",
       "Budget fight\n\nThe bill was blocked by House Speaker Newt Gingrich, aides said.\n",
       {{EntityType::kPerson, "Newt Gingrich"}},
       {"Speaker"}},
      {"a title after a body",
       "Drug approval\n\nThe HCFA Administrator said on Tuesday that the rule would take "
       "effect next year.\n",
       {},
       {"Administrator"}},
      {"nationalities alone",
       "Sanctions\n\nThe Chilean ambassador said sanctions would stay. A Chilean told "
       "reporters the vote was close. The Australian was held with two Thais in Bangkok.\n",
       {},
       {"Chilean", "Thais"}},
  };
  for (const Described& c : cases) {
    SCOPED_TRACE(c.name);
    Extraction extraction = extractor.extract(c.text);
    for (const auto& [type, name] : c.expected) {
      EXPECT_TRUE(has_entity(extraction, type, name)) << name << ": " << describe(extraction);
    }
    for (std::string_view word : c.absent) {
      EXPECT_FALSE(has_name_with_word(extraction, word)) << word << ": " << describe(extraction);
    }
  }
  // A nationality that is the short name of a body the article names stays, as its alias.
  Extraction team = extractor.extract(
      "Baseball\n\nThe Cleveland Indians beat Boston 5-3 on Sunday. The Indians have won six "
      "straight.\n");
  auto indians =
      std::find_if(team.entities.begin(), team.entities.end(),
                   [](const ExtractedEntity& e) { return e.name == "Cleveland Indians"; });
  ASSERT_NE(indians, team.entities.end()) << describe(team);
  EXPECT_EQ(indians->mention_count, 2u) << describe(team);
  // A nationality that is also a given name stays before a single name ("Finn Russell").
  Extraction finn =
      extractor.extract("Fly-half\n\nThe coach said Finn Russell was fit to play on Saturday.\n");
  EXPECT_TRUE(has_entity(finn, EntityType::kPerson, "Finn Russell")) << describe(finn);
  // A nationality that starts a known name is that name's ("British Airways").
  Extraction airline =
      extractor.extract("Shares\n\nOne focus was British Airways, which rose on Monday.\n");
  EXPECT_TRUE(has_entity(airline, EntityType::kOrganization, "British Airways"))
      << describe(airline);
  // A known name before a single name is that person's given name ("Chelsea Clinton").
  Extraction chelsea = extractor.extract(
      "Visit\n\nChelsea Clinton opened the new library in Little Rock on Friday.\n");
  EXPECT_TRUE(has_entity(chelsea, EntityType::kPerson, "Chelsea Clinton")) << describe(chelsea);
}

// Films, books and shows are no entity, in any mention; a band is an organisation. A
// club's or a town's "star" stays the club or the town.
TEST(EntityExtractor, WorksAreNoEntitiesAndBandsAreOrganisations) {
  EntityExtractor extractor;
  Extraction film = extractor.extract(
      "Awards\n\nThe film Marsh Lane won two prizes. Marsh Lane star Ada Brennan thanked the "
      "crew, and Marsh Lane opens in Paris next week.\n");
  EXPECT_FALSE(has_entity(film, EntityType::kPerson, "Marsh Lane")) << describe(film);
  EXPECT_FALSE(has_entity(film, EntityType::kPlace, "Marsh Lane")) << describe(film);
  EXPECT_FALSE(has_entity(film, EntityType::kOrganization, "Marsh Lane")) << describe(film);
  EXPECT_TRUE(has_entity(film, EntityType::kPerson, "Ada Brennan")) << describe(film);
  EXPECT_TRUE(has_entity(film, EntityType::kPlace, "Paris")) << describe(film);
  // A film the shipped titles know (works.tsv), with no cue word around it.
  Extraction listed = extractor.extract(
      "Oscars\n\nClint Eastwood's Million Dollar Baby won four awards in Los Angeles.\n");
  EXPECT_TRUE(has_entity(listed, EntityType::kPerson, "Clint Eastwood")) << describe(listed);
  EXPECT_TRUE(
      std::none_of(listed.entities.begin(), listed.entities.end(),
                   [](const ExtractedEntity& e) { return e.name == "Million Dollar Baby"; }))
      << describe(listed);
  Extraction band = extractor.extract(
      "Tour\n\nThe band Kettle Drums will tour Japan. Kettle Drums sold out in Tokyo.\n");
  EXPECT_TRUE(has_entity(band, EntityType::kOrganization, "Kettle Drums")) << describe(band);
  Extraction club = extractor.extract(
      "Injury\n\nThe Chelsea star Frank Lampard is fit, and the Newcastle star Alan Shearer is "
      "back.\n");
  EXPECT_TRUE(has_entity(club, EntityType::kOrganization, "Chelsea")) << describe(club);
  EXPECT_TRUE(std::any_of(club.entities.begin(), club.entities.end(), [](const ExtractedEntity& e) {
    return e.name == "Newcastle";
  })) << describe(club);
}

// A wire story's dateline is its city, a place, though its line is all capitals.
TEST(EntityExtractor, TheDatelineCityIsAPlace) {
  EntityExtractor extractor;
  Extraction wire = extractor.extract(
      "SOCCER - HOME SIDE WIN CUP.\n\nMILAN 1996-08-25\n\nThe hosts won 2-1 on Sunday.\n");
  EXPECT_TRUE(has_entity(wire, EntityType::kPlace, "Milan") ||
              has_entity(wire, EntityType::kPlace, "MILAN"))
      << describe(wire);
}

// A name in capitals takes the gazetteer's spelling, without accents the text did not
// write ("LOS ANGELES" is Los Angeles, not the city list's "Los Ángeles").
TEST(EntityExtractor, CapitalsGainNoAccents) {
  EntityExtractor extractor;
  Extraction wire = extractor.extract(
      "BASEBALL - RESULTS.\n\nLOS ANGELES 1996-08-25\n\nThe hosts won 5-2 on Sunday.\n");
  EXPECT_TRUE(has_entity(wire, EntityType::kPlace, "Los Angeles")) << describe(wire);
  for (const ExtractedEntity& e : wire.entities) {
    EXPECT_EQ(e.name.find("\xc3\x81"), std::string::npos) << describe(wire);  // "Á"
  }
}

// A "place" that ends with the head noun of a body is that body; places named so stay.
TEST(EntityExtractor, APlaceEndingWithABodysHeadIsThatBody) {
  EntityExtractor extractor;
  Extraction police = extractor.extract(
      "Singer held\n\nOfficers from the San Francisco Police Department arrested the singer "
      "after the concert.\n");
  EXPECT_TRUE(has_entity(police, EntityType::kOrganization, "San Francisco Police Department"))
      << describe(police);
  Extraction places = extractor.extract(
      "Settlers\n\nTroops moved into the West Bank on Monday, officials in the Soviet Union "
      "said.\n");
  EXPECT_TRUE(has_entity(places, EntityType::kPlace, "West Bank")) << describe(places);
  EXPECT_TRUE(has_entity(places, EntityType::kPlace, "Soviet Union")) << describe(places);
}

// "Benfica of Portugal" is a club and its country; "Press Trust of India" one body.
TEST(EntityExtractor, ANamedBodyOfAPlaceIsTheBodyAndThePlace) {
  run_table({
      {"club",
       "Cup result\n\nIn the second round, Fenerbahce of Turkey beat Benfica of "
       "Portugal 2-1 in Istanbul on Wednesday.\n",
       EntityType::kOrganization, "Benfica"},
      {"its country",
       "Cup result\n\nIn the second round, Fenerbahce of Turkey beat Benfica "
       "of Portugal 2-1 in Istanbul on Wednesday.\n",
       EntityType::kPlace, "Portugal"},
      {"generic head",
       "Rates\n\nThe Bank of England and the Press Trust of India both "
       "reported on Monday.\n",
       EntityType::kOrganization, "Press Trust of India"},
      {"bank",
       "Rates\n\nThe Bank of England and the Press Trust of India both reported on "
       "Monday.\n",
       EntityType::kOrganization, "Bank of England"},
  });
}

// "the Samajwadi Party of Akhilesh Yadav" is a party and its leader; a party of a place or
// of a people is one name.
TEST(EntityExtractor, APartyOfItsLeaderIsTwoNames) {
  const char* kVote =
      "Vote count\n\nIn the north the Samajwadi Party of Akhilesh Yadav won 37 seats, and "
      "the Telugu Desam Party of N. Chandrababu Naidu swept the south.\n";
  const char* kCongress =
      "Congress\n\nDelegates of the Communist Party of China met in Beijing, and the Party "
      "of European Socialists met in Brussels.\n";
  run_table({
      {"party", kVote, EntityType::kOrganization, "Samajwadi Party"},
      {"leader", kVote, EntityType::kPerson, "Akhilesh Yadav"},
      {"leader with an initial", kVote, EntityType::kPerson, "N. Chandrababu Naidu"},
      {"party of a country", kCongress, EntityType::kOrganization, "Communist Party of China"},
      {"party of a people", kCongress, EntityType::kOrganization, "Party of European Socialists"},
  });
}

// The tagger sometimes begins a person again inside a name ("Ketanji" "Brown Jackson",
// in this context from the sample corpus); two person runs one space apart are one
// person, but a title cut off before a name stays apart.
TEST(EntityExtractor, OnePersonTheTaggerBeganTwiceIsOnePerson) {
  EntityExtractor extractor;
  Extraction court = extractor.extract(
      "Ruling\n\n"
      "The justices sent the case back to Judge Tanya Chutkan in Washington, "
      "who must now decide which of the acts described in the indictment "
      "brought by special counsel Jack Smith count as official and which are "
      "private. That process, which may include hearings and further appeals, "
      "makes it very unlikely that a trial can take place before the "
      "presidential election in November."
      "\n\n"
      "In a dissent read aloud from the bench, Justice Sonia Sotomayor, "
      "joined by Justices Elena Kagan and Ketanji Brown Jackson, warned that "
      "the decision placed the president above the law and created a zone of "
      "lawlessness around the most powerful office in the country. She ended "
      "her opinion by saying she dissented with fear for the nation's "
      "democracy, rather than with the customary respect.\n");
  EXPECT_TRUE(has_entity(court, EntityType::kPerson, "Ketanji Brown Jackson")) << describe(court);
  EXPECT_TRUE(has_entity(court, EntityType::kPerson, "Sonia Sotomayor")) << describe(court);
  EXPECT_TRUE(has_entity(court, EntityType::kPerson, "Tanya Chutkan")) << describe(court);
  for (const ExtractedEntity& e : court.entities) {
    EXPECT_NE(e.name, "Brown Jackson") << describe(court);
  }
}

// A figure is no person and no place ("3D", "1.5C").
TEST(EntityExtractor, AFigureIsNoPersonOrPlace) {
  EntityExtractor extractor;
  Extraction figures = extractor.extract(
      "Warming\n\nThe world came close to the 1.5C limit, and Disney showed films in 3D at "
      "the 3GSM show in Barcelona.\n");
  EXPECT_TRUE(has_entity(figures, EntityType::kPlace, "Barcelona")) << describe(figures);
  for (const ExtractedEntity& e : figures.entities) {
    EXPECT_TRUE(e.type == EntityType::kOrganization || (e.name[0] < '0' || e.name[0] > '9'))
        << describe(figures);
  }
}

// Seas, rivers and streets are places whatever the tagger made of them; a person named
// Lake stays a person, and no person's name holds a figure.
TEST(EntityExtractor, SeasRiversAndStreetsArePlaces) {
  EntityExtractor extractor;
  Extraction places = extractor.extract(
      "Water\n\nThe Dead Sea is shrinking, the Madeira River is at a record low, and shops on "
      "Fifth Avenue in New York sold out of bottled water. The Yukos lawyer Mike Lake said "
      "nothing. A Japan Airlines Airbus A350 landed in Tokyo.\n");
  EXPECT_TRUE(has_entity(places, EntityType::kPlace, "Dead Sea")) << describe(places);
  EXPECT_TRUE(has_entity(places, EntityType::kPlace, "Madeira River")) << describe(places);
  EXPECT_TRUE(has_entity(places, EntityType::kPlace, "Fifth Avenue")) << describe(places);
  EXPECT_TRUE(has_entity(places, EntityType::kPerson, "Mike Lake")) << describe(places);
  for (const ExtractedEntity& e : places.entities) {
    if (e.type != EntityType::kPerson) continue;
    EXPECT_EQ(e.name.find_first_of("0123456789"), std::string::npos) << describe(places);
  }
}

// "Vertex" after "Vertex Pharmaceuticals" is the company by its short name, whatever the
// tagger made of the word alone.
TEST(EntityExtractor, AFirmsFirstWordIsTheFirm) {
  EntityExtractor extractor;
  Extraction firm = extractor.extract(
      "Gene therapy\n\nThe treatment was made by Vertex Pharmaceuticals and Crispr "
      "Therapeutics. Vertex has not announced a price, and Jet Airways shares rose as Jet "
      "said it would buy planes.\n");
  EXPECT_TRUE(has_entity(firm, EntityType::kOrganization, "Vertex Pharmaceuticals"))
      << describe(firm);
  for (const ExtractedEntity& e : firm.entities) {
    EXPECT_NE(e.name, "Vertex") << describe(firm);
    EXPECT_NE(e.name, "Jet") << describe(firm);
  }
}

// A name before a driver, a teammate or a captain is a team ("his Mercedes teammate").
TEST(EntityExtractor, ANameBeforeATeamWordIsTheTeam) {
  EntityExtractor extractor;
  Extraction race = extractor.extract(
      "Grand Prix\n\nVerstappen won in Las Vegas, and his Mercedes teammate Hamilton was "
      "second ahead of the Ferrari driver Leclerc.\n");
  EXPECT_TRUE(has_entity(race, EntityType::kOrganization, "Mercedes")) << describe(race);
  EXPECT_FALSE(has_entity(race, EntityType::kPerson, "Mercedes")) << describe(race);
}

// "the Biden administration" names a person; "the Republican administration" and "the
// Hong Kong administration" do not.
TEST(EntityExtractor, TheHeadOfAnAdministrationIsAPerson) {
  EntityExtractor extractor;
  Extraction talks = extractor.extract(
      "Talks\n\nThe envoy arrived late on Tuesday as the Biden administration pushed for a "
      "ceasefire. A Republican administration would differ, said officials in Hong Kong.\n");
  EXPECT_TRUE(has_entity(talks, EntityType::kPerson, "Biden")) << describe(talks);
  for (const ExtractedEntity& e : talks.entities) {
    EXPECT_TRUE(e.name != "Republican" || e.type != EntityType::kPerson) << describe(talks);
  }
}

// The field of a prize is no name: "the Nobel Prize in Chemistry", "the Nobel Committee
// for Physics"; the laureates and the city stay.
TEST(EntityExtractor, TheFieldOfAPrizeIsNoName) {
  EntityExtractor extractor;
  Extraction prize = extractor.extract(
      "Laureates\n\nJennifer Doudna and Emmanuelle Charpentier shared the Nobel Prize in "
      "Chemistry, and the Nobel Committee for Physics met in Stockholm.\n");
  EXPECT_TRUE(has_entity(prize, EntityType::kPerson, "Jennifer Doudna")) << describe(prize);
  EXPECT_TRUE(has_entity(prize, EntityType::kPlace, "Stockholm")) << describe(prize);
  for (const ExtractedEntity& e : prize.entities) {
    EXPECT_TRUE(e.name != "Chemistry" && e.name != "Physics") << describe(prize);
  }
}

// Days run on into names in wire copy and tables; where the day is the name, it stays.
TEST(EntityExtractor, DaysBesideANameAreNotPartOfIt) {
  run_table({
      {"trailing day",
       "Tax pledge\n\nRepublican candidate Bob Dole Wednesday promised tax "
       "cuts in a speech in Ohio.\n",
       EntityType::kPerson, "Bob Dole"},
      {"table day",
       "Results\n\nCompany results this week:\n\nWED Imphold interim "
       "results\nTUE Iscor final results\n",
       EntityType::kOrganization, "Imphold"},
      {"club",
       "Cup tie\n\nSheffield Wednesday beat Leeds and Mike Friday scored for "
       "England Sevens.\n",
       EntityType::kOrganization, "Sheffield Wednesday"},
      {"person",
       "Cup tie\n\nSheffield Wednesday beat Leeds and Mike Friday scored for "
       "England Sevens.\n",
       EntityType::kPerson, "Mike Friday"},
  });
}

// Newspapers named after their city, and companies with the country they are from.
TEST(EntityExtractor, CityPapersAndCompaniesOfACountryAreOrganisations) {
  run_table({
      {"paper",
       "Paper report\n\nThe report was first published by the New York Times and "
       "later by the China Daily.\n",
       EntityType::kOrganization, "China Daily"},
      {"company",
       "Phone deal\n\nThe handsets will be made by LG Electronics of South "
       "Korea, the firm said.\n",
       EntityType::kOrganization, "LG Electronics"},
      {"its country",
       "Phone deal\n\nThe handsets will be made by LG Electronics of South "
       "Korea, the firm said.\n",
       EntityType::kPlace, "South Korea"},
      {"company of a city",
       "Gene therapy\n\nThe treatment was made by Vertex Pharmaceuticals of Boston and "
       "approved on Thursday.\n",
       EntityType::kOrganization, "Vertex Pharmaceuticals"},
      {"its city",
       "Gene therapy\n\nThe treatment was made by Vertex Pharmaceuticals of Boston and "
       "approved on Thursday.\n",
       EntityType::kPlace, "Boston"},
  });
}

// An event with its sponsor or host city before it is an event, no organisation; an
// acronym at a name's end is not taken for one ("Sky TV").
TEST(EntityExtractor, EventsWithTheirSponsorOrCityAreNoEntity) {
  EntityExtractor extractor;
  Extraction events = extractor.extract(
      "Rugby\n\nEngland open their RBS Six Nations campaign against Wales in Cardiff, a week "
      "after the Athens Olympics review was published.\n");
  for (const ExtractedEntity& e : events.entities) {
    EXPECT_EQ(e.name.find("Nations"), std::string::npos) << describe(events);
    EXPECT_EQ(e.name.find("Olympics"), std::string::npos) << describe(events);
  }
  Extraction show = extractor.extract(
      "Gadgets\n\nNew phones were shown at the Consumer Electronics Show in Las Vegas, and "
      "the National Rally party stood aside.\n");
  EXPECT_FALSE(has_entity(show, EntityType::kOrganization, "Consumer Electronics Show"))
      << describe(show);
  EXPECT_TRUE(has_entity(show, EntityType::kOrganization, "National Rally")) << describe(show);
  Extraction sky =
      extractor.extract("Broadcast\n\nThe match will be shown on Sky TV across Britain.\n");
  EXPECT_TRUE(std::any_of(sky.entities.begin(), sky.entities.end(), [](const ExtractedEntity& e) {
    return e.name == "Sky TV";
  })) << describe(sky);
}

// "Chelsea boss Jose Mourinho": a name used as the attribute of a boss, a striker or a
// chairman is a team or a firm, in all its mentions.
TEST(EntityExtractor, ANameBeforeBossOrStrikerIsATeam) {
  EntityExtractor extractor;
  Extraction extraction = extractor.extract(
      "Late winner\n\nChelsea won again on Saturday. Chelsea boss Jose Mourinho praised his "
      "players after the game at Stamford Bridge.\n");
  EXPECT_TRUE(has_entity(extraction, EntityType::kOrganization, "Chelsea")) << describe(extraction);
  EXPECT_FALSE(has_entity(extraction, EntityType::kPerson, "Chelsea")) << describe(extraction);
  EXPECT_TRUE(has_entity(extraction, EntityType::kPerson, "Jose Mourinho")) << describe(extraction);
}

// The tagger often ends a person at a middle initial; the name goes on across it.
TEST(EntityExtractor, AMiddleInitialIsPartOfTheName) {
  run_table({
      {"untagged rest",
       "Dollar\n\nTraders are betting that George W Bush will let the "
       "dollar slide further.\n",
       EntityType::kPerson, "George W Bush"},
      {"rest taken for a body",
       "Dollar\n\nThe weak dollar is a boon to President George W "
       "Bush and his team.\n",
       EntityType::kPerson, "George W Bush"},
  });
  Extraction malcolm = EntityExtractor().extract(
      "Tribute\n\nHe played Malcolm X. Besides film, he wrote plays with Ruby Dee.\n");
  for (const ExtractedEntity& e : malcolm.entities) {
    EXPECT_EQ(e.name.find("Malcolm X. B"), std::string::npos) << describe(malcolm);
  }
}

// "Utd" and "FC" end clubs' names; a country stays a country beside "manager".
TEST(EntityExtractor, ClubsByTheirShortNamesAndCountriesByTheirTeams) {
  run_table({
      {"club", "Derby\n\nLeeds Utd beat Liverpool at Elland Road on Sunday.\n",
       EntityType::kOrganization, "Leeds Utd"},
      // A known club is shown by its one name.
      {"known club", "Derby\n\nMan Utd beat Liverpool at Old Trafford on Sunday.\n",
       EntityType::kOrganization, "Manchester United"},
      {"country",
       "Rugby\n\nWales manager Mike Ruddock named his side. Wales play France "
       "next.\n",
       EntityType::kPlace, "Wales"},
  });
}

// The tagger sometimes runs a name on into the "and" after it.
TEST(EntityExtractor, NoNameEndsWithAnd) {
  EntityExtractor extractor;
  for (std::string_view text :
       {"Plan praised\n\nThe plan was praised by Hillary Rodham Clinton and aides at the "
        "White House on Monday.\n",
        "Bill passes\n\nThe bill passed the House of Representatives and now goes to the "
        "Senate.\n"}) {
    Extraction extraction = extractor.extract(text);
    ASSERT_FALSE(extraction.entities.empty()) << text;
    for (const ExtractedEntity& e : extraction.entities) {
      EXPECT_FALSE(e.name.size() >= 4 && e.name.compare(e.name.size() - 4, 4, " and") == 0)
          << describe(extraction);
    }
  }
  EXPECT_TRUE(has_entity(extractor.extract("Bill passes\n\nThe bill passed the House of "
                                           "Representatives and now goes to the Senate.\n"),
                         EntityType::kOrganization, "House of Representatives"));
}

TEST(EntityExtractor, MentionOffsetsPointAtTheText) {
  std::string text = "Talks resumed in Cairo. Antony Blinken met officials in Cairo.";
  Extraction extraction = EntityExtractor().extract(text);
  ASSERT_FALSE(extraction.mentions.empty());
  for (const EntityMention& m : extraction.mentions) {
    std::string surface = text.substr(m.begin, m.end - m.begin);
    const ExtractedEntity& entity = extraction.entities[m.entity];
    bool is_name_or_alias =
        surface == entity.name ||
        std::find(entity.aliases.begin(), entity.aliases.end(), surface) != entity.aliases.end();
    EXPECT_TRUE(is_name_or_alias) << surface;
  }
}

TEST(EntityExtractor, EmptyTextHasNoEntities) {
  EXPECT_TRUE(EntityExtractor().extract("").entities.empty());
  EXPECT_TRUE(EntityExtractor().extract("the rain fell all day and nobody came.").entities.empty());
}

TEST(Tokenizer, KeepsNamesAcronymsAndPossessives) {
  struct TokenCase {
    std::string_view text;
    std::vector<std::string_view> tokens;
  };
  const TokenCase cases[] = {
      {"Al-Thani's view", {"Al-Thani", "'s", "view"}},
      {"the U.S. and Mr. Smith", {"the", "U.S.", "and", "Mr.", "Smith"}},
      {"O'Brien paid $2,000.50.", {"O'Brien", "paid", "$", "2,000.50", "."}},
      {"Netanyahu\xE2\x80\x99s office", {"Netanyahu", "\xE2\x80\x99s", "office"}},
      {"\xE2\x80\x9CNo\xE2\x80\x9D", {"\xE2\x80\x9C", "No", "\xE2\x80\x9D"}},
  };
  for (const TokenCase& c : cases) {
    SCOPED_TRACE(c.text);
    std::vector<std::string_view> got;
    for (const Token& t : tokenize(c.text)) got.push_back(t.text(c.text));
    EXPECT_EQ(got, c.tokens);
  }
}

TEST(Tokenizer, MarksCapsLinesAndSentenceStarts) {
  std::string text = "TALKS RESUME IN DOHA\n\nThe envoy left. Officials stayed.";
  std::vector<Token> tokens = tokenize(text);
  ASSERT_GE(tokens.size(), 9u);
  EXPECT_TRUE(tokens[0].has(kTokenCapsLine));
  EXPECT_TRUE(tokens[3].has(kTokenCapsLine));
  EXPECT_FALSE(tokens[4].has(kTokenCapsLine));  // "The"
  EXPECT_TRUE(tokens[4].has(kTokenSentenceStart));
  EXPECT_TRUE(tokens[8].has(kTokenSentenceStart));  // "Officials"
  EXPECT_FALSE(tokens[5].has(kTokenSentenceStart));
}

TEST(Tokenizer, MarksTitleCaseLinesButNotListsOrTables) {
  struct LineCase {
    std::string_view line;
    bool title;
  };
  const std::vector<LineCase> cases = {
      {"Escalating Violence Takes Toll", true},
      {"Urgent Ceasefire Talks in Israel", true},  // small words stay small
      {"What Comes Next for the Region's Security", true},
      {"Aid agencies said the fighting went on", false},
      {"Diplomatic Efforts", false},                          // too short to tell from a name
      {"Phil Fear (WRU)", false},                             // a referee and his union
      {"Wolverhampton 1 Queens Park Rangers 1", false},       // a result
      {"Margaret Atwood, Saul Bellow, Gunter Grass", false},  // a list of names
      {"TALKS RESUME IN DOHA", false},                        // a capitals line instead
  };
  for (const LineCase& c : cases) {
    SCOPED_TRACE(c.line);
    std::string text = "Body text here.\n" + std::string(c.line) + "\nMore body text.";
    std::vector<Token> tokens = tokenize(text);
    constexpr std::size_t kLineStart = 4;  // after "Body", "text", "here" and "."
    ASSERT_TRUE(tokens[kLineStart].has(kTokenLineStart));
    EXPECT_EQ(tokens[kLineStart].has(kTokenTitleLine), c.title);
    EXPECT_FALSE(tokens[0].has(kTokenTitleLine));
    EXPECT_FALSE(tokens.back().has(kTokenTitleLine));
  }
  // The first line is the title: one capitalised word is enough there, not further on
  // (a byline).
  std::vector<Token> tokens = tokenize("Report\nBody text.\nJane Smith\nMore text.");
  EXPECT_TRUE(tokens[0].has(kTokenTitleLine));
  EXPECT_FALSE(tokens[4].has(kTokenTitleLine));  // "Jane"
}

}  // namespace
}  // namespace newsdex

namespace newsdex {
namespace {

bool has_name_with_and(const Extraction& extraction) {
  return std::any_of(
      extraction.entities.begin(), extraction.entities.end(),
      [](const ExtractedEntity& e) { return e.name.find(" and ") != std::string::npos; });
}

// Two names joined by "and" are two entities when one of them stands alone elsewhere in
// the article, or when they are people; a name that holds "and" stays whole.
TEST(EntityExtractor, NamesJoinedByAndAreSplitOnEvidence) {
  EntityExtractor extractor;
  struct Joined {
    std::string_view name, text;
    std::vector<std::pair<EntityType, std::string_view>> expected;
  };
  const std::vector<Joined> cases = {
      {"Companies",
       "Orvane Systems overtook Brightwell and Kestrel Labs in market value on Tuesday. "
       "Shares in Kestrel Labs fell 2%, while Brightwell was flat.",
       {{EntityType::kOrganization, "Kestrel Labs"}}},
      {"People",
       "The prize went to Marta Kowalski and Rafael Ortega for their work on tides. "
       "Kowalski said the award surprised her.",
       {{EntityType::kPerson, "Marta Kowalski"}, {EntityType::kPerson, "Rafael Ortega"}}},
  };
  for (const Joined& c : cases) {
    SCOPED_TRACE(c.name);
    Extraction extraction = extractor.extract(c.text);
    EXPECT_FALSE(has_name_with_and(extraction)) << describe(extraction);
    for (const auto& [type, name] : c.expected) {
      EXPECT_TRUE(has_entity(extraction, type, name)) << name << ": " << describe(extraction);
    }
  }
  for (std::string_view whole :
       {"Regulators at the US Food and Drug Administration approved the therapy in December, "
        "a month after Britain did.",
        "Officials from the Department of Health and Social Care met nurses in Leeds on Monday."}) {
    Extraction extraction = extractor.extract(whole);
    EXPECT_TRUE(has_name_with_and(extraction)) << whole << ": " << describe(extraction);
  }
}

}  // namespace
}  // namespace newsdex
