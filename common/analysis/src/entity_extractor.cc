#include "newsdex/entity_extractor.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "newsdex/dateline.h"
#include "newsdex/embedded_data.h"
#include "newsdex/gazetteer.h"
#include "newsdex/heading_lines.h"
#include "newsdex/known_entities.h"
#include "newsdex/lines.h"
#include "newsdex/lowercase_words.h"
#include "newsdex/text_analyzer.h"
#include "newsdex/utf8.h"

namespace newsdex {
namespace {

// A tagged run of tokens before resolution.
struct Span {
  EntityType type;
  std::size_t begin = 0, end = 0;       // bytes
  std::string display;                  // as shown: whitespace folded, headline capitals fixed
  std::string key;                      // lower case words separated by single spaces
  std::vector<std::string_view> words;  // views into key
  std::size_t key_id = 0;               // spans with equal keys have equal ids, from 0
  bool shouting = false;                // written in capitals that are not an acronym
  // A known entity (known_entities.h): its type and name are fixed, and `written` keeps
  // the form the text used ("U.S." for "United States"), which is indexed as an alias.
  bool known = false;
  std::string written;
  // Followed by a word that only a team or a firm has ("Chelsea boss").
  bool team_context = false;
  // The city of the story's dateline (dateline.h): a place, whatever else the text does.
  bool dateline = false;
};

// Countries, states and regions: places too large to be a club's town or a person's
// name.
constexpr std::uint8_t kLargerPlace = kPlaceCountry | kPlaceSubdivision | kPlaceRegion;

// Words that are never a name on their own: a one-word span of these is dropped. The
// generic heads of government bodies are among them: "Department" alone is what is
// left of "the Department of the Environment, Food and Rural Affairs" cut at "of the",
// never a body's name (where "Commission" or "Senate" alone may be). So are the short
// forms of days and months that wire tables print ("WED", "Apr") and round numbers.
constexpr std::array<std::string_view, 45> kNeverAlone = {
    "january",   "february",  "march",     "april",    "may",      "june",      "july",
    "august",    "september", "october",   "november", "december", "monday",    "tuesday",
    "wednesday", "thursday",  "friday",    "saturday", "sunday",   "published", "updated",
    "general",   "breaking",  "exclusive", "analysis", "opinion",  "editorial", "department",
    "ministry",  "agency",    "committee", "mon",      "tue",      "tues",      "wed",
    "thu",       "thur",      "thurs",     "fri",      "feb",      "apr",       "aug",
    "sept",      "million",   "billion"};
// Last words of bylines ("Staff Reporter", "Sports Editor"): such a span is a credit
// line, not a person or an organisation.
constexpr std::array<std::string_view, 5> kCreditWords = {"reporter", "correspondent", "editor",
                                                          "staff", "writer"};
// Last words of a news agency's desks. One named after its city ("London Newsroom",
// "Tokyo Bureau", "U.S. Municipal Desk") is an office of the agency, so an organisation,
// however the tagger typed the span (it often takes the city at its start for a place);
// the annotated news marks them so. One named after a subject ("Sports Desk") is a
// credit line like a byline.
constexpr std::array<std::string_view, 3> kDeskWords = {"newsroom", "bureau", "desk"};
// Small words that join a name ("Mohammed bin Salman") but never end one.
constexpr std::array<std::string_view, 16> kJoiners = {"bin", "bint", "ibn", "al",  "el",  "de",
                                                       "da",  "del",  "van", "von", "der", "den",
                                                       "le",  "la",   "du",  "of"};
// Articles that are not part of a name at its start.
constexpr std::array<std::string_view, 3> kArticles = {"the", "a", "an"};
// Roles that precede a person's name inside a longer phrase the tagger may take whole
// ("UN Secretary-General Antonio Guterres").
constexpr std::array<std::string_view, 12> kRoleWords = {
    "secretary", "secretary-general", "minister", "president",  "chancellor", "general",
    "spokesman", "spokeswoman",       "envoy",    "ambassador", "chief",      "leader"};

// Titles that precede a person's name ("Justice Sonia Sotomayor", "NASA Administrator
// Bill Nelson") but, unlike the roles above, also end the names of bodies ("Ministry of
// Justice"), so they only ever start a person, never get trimmed off a name's end.
constexpr std::array<std::string_view, 20> kTitleWords = {
    "justice", "judge",    "administrator", "commissioner", "governor",         "senator",
    "mayor",   "director", "coach",         "manager",      "captain",          "archbishop",
    "speaker", "chairman", "chairwoman",    "commander",    "director-general", "justices",
    "judges",  "senators"};

// Honorifics and ranks that precede a person's name and, in annotated news, are no part
// of it ("Sir Nigel Mobbs" is Nigel Mobbs, "Lord Goschen" is Goschen), written as
// entity_key() has them ("Dr." is "dr"). Royal titles are not here: "Prince Charles" is
// the name news uses.
constexpr std::array<std::string_view, 29> kHonorifics = {
    "sir",        "dame",     "lord",      "mr",   "mrs",     "ms",      "dr",      "rev",
    "reverend",   "sheikh",   "professor", "prof", "major",   "maj",     "colonel", "col",
    "lieutenant", "lt",       "brigadier", "brig", "admiral", "marshal", "cmdr",    "sergeant",
    "sgt",        "corporal", "gen",       "capt", "bishop"};

// Head nouns that end the names of companies, bodies and buildings and never a
// person's ("Vertex Pharmaceuticals", "Kennedy Space Center", "Riverside University").
// Words that are also family names (Court, Times, Press) stay out.
constexpr std::array<std::string_view, 54> kBodyHeads = {"inc",
                                                         "corp",
                                                         "corporation",
                                                         "ltd",
                                                         "plc",
                                                         "gmbh",
                                                         "group",
                                                         "bank",
                                                         "party",
                                                         "ministry",
                                                         "council",
                                                         "union",
                                                         "association",
                                                         "agency",
                                                         "authority",
                                                         "commission",
                                                         "committee",
                                                         "federation",
                                                         "university",
                                                         "institute",
                                                         "foundation",
                                                         "club",
                                                         "airlines",
                                                         "airways",
                                                         "holdings",
                                                         "organisation",
                                                         "organization",
                                                         "parliament",
                                                         "department",
                                                         "exchange",
                                                         "pharmaceuticals",
                                                         "laboratory",
                                                         "laboratories",
                                                         "center",
                                                         "centre",
                                                         "hospital",
                                                         "airport",
                                                         "stadium",
                                                         "museum",
                                                         "academy",
                                                         "telecom",
                                                         "motors",
                                                         "petroleum",
                                                         "industries",
                                                         "systems",
                                                         "technologies",
                                                         "electronics",
                                                         "communications",
                                                         "securities",
                                                         "partners",
                                                         "investments",
                                                         "ag",
                                                         "utd",
                                                         "fc"};

// The heads of kBodyHeads that end company names: a name of its own comes before them,
// so "of" a country after one is where the company is from ("LG Electronics of South
// Korea"), and one alone is no name ("Motors" of a split "General Motors").
constexpr std::array<std::string_view, 24> kCompanyHeads = {"inc",         "corp",
                                                            "corporation", "ltd",
                                                            "plc",         "gmbh",
                                                            "ag",          "airlines",
                                                            "airways",     "holdings",
                                                            "telecom",     "motors",
                                                            "petroleum",   "industries",
                                                            "systems",     "technologies",
                                                            "electronics", "communications",
                                                            "securities",  "partners",
                                                            "investments", "pharmaceuticals",
                                                            "utd",         "fc"};

// Last words of newspapers named after their city ("New York Times", "China Daily",
// "Jerusalem Post"); some are family names, so they count only after a place.
constexpr std::array<std::string_view, 16> kPaperWords = {
    "times",     "post",     "daily",  "herald",  "tribune", "journal", "telegraph", "gazette",
    "chronicle", "observer", "mirror", "express", "courier", "globe",   "examiner",  "inquirer"};

// More words that head a name before "of" and a place: bodies ("Press Trust of India",
// "Revolutionary Armed Forces of Colombia", "Brothers of Italy") and titles ("King of
// Belgium", "Duchess of Cornwall").
constexpr std::array<std::string_view, 34> kOfHeads = {
    "trust",   "news",     "forces",   "chamber",    "chambers", "insurance", "co",
    "church",  "churches", "bishops",  "house",      "court",    "board",     "office",
    "society", "guild",    "brothers", "government", "people",   "republic",  "kingdom",
    "state",   "city",     "palace",   "order",      "treaty",   "king",      "queen",
    "prince",  "princess", "duke",     "duchess",    "emperor",  "sultan"};

// The heads of kBodyHeads that also end places: buildings and grounds, which the
// annotators call places ("Heathrow Airport", "Wembley Stadium"), and unions of states
// ("Soviet Union").
constexpr std::array<std::string_view, 9> kPlaceHeads = {"center",     "centre",  "hospital",
                                                         "airport",    "stadium", "museum",
                                                         "university", "academy", "union"};

template <std::size_t N>
bool is_one_of(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// " key ": so that finding one key inside another matches whole words only.
std::string padded(const std::string& key) {
  std::string out;
  out.reserve(key.size() + 2);
  out.append(1, ' ').append(key).append(1, ' ');
  return out;
}

std::vector<std::string_view> split_words(std::string_view key) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < key.size()) {
    std::size_t space = key.find(' ', start);
    if (space == std::string_view::npos) space = key.size();
    words.push_back(key.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

// "ANTONY BLINKEN" -> "Antony Blinken"; words of up to four letters stay (acronyms).
std::string title_case(std::string_view text) {
  std::string out(text);
  std::size_t word_start = 0;
  for (std::size_t i = 0; i <= out.size(); ++i) {
    if (i < out.size() && std::isalpha(static_cast<unsigned char>(out[i]))) continue;
    if (i - word_start > 4) {
      for (std::size_t k = word_start + 1; k < i; ++k) {
        out[k] = ascii_lower(out[k]);
      }
    }
    word_start = i + 1;
  }
  return out;
}

bool is_affix(const std::vector<std::string_view>& shorter,
              const std::vector<std::string_view>& longer) {
  if (shorter.empty() || shorter.size() >= longer.size()) return false;
  bool prefix = std::equal(shorter.begin(), shorter.end(), longer.begin());
  bool suffix = std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin());
  return prefix || suffix;
}

// "EU" for "European Union": the capitals of the longer name's main words.
bool is_acronym_of(std::string_view acronym_display, const std::vector<std::string_view>& words) {
  std::string initials;
  for (std::string_view word : words) {
    if (word == "of" || word == "the" || word == "and" || word == "for") continue;
    initials += static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  }
  std::string letters;
  for (char c : acronym_display) {
    if (c != '.') letters += c;
  }
  return initials.size() >= 2 && letters == initials;
}

// Whether `text`, lower-cased (ASCII), is one of `words`.
template <std::size_t N>
bool is_one_of_lower(const std::array<std::string_view, N>& words, std::string_view text) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view word) { return iequals_ascii(text, word); });
}

struct TokenRange {
  EntityType type;
  std::size_t first, last;  // token indexes, inclusive
};

// A given name the model left untagged, followed by a capitalised word that is not a
// known place and not inside a longer name, is a person ("Antony Blinken" after a
// misleading headline).
void tag_given_name_pairs(std::string_view text, const std::vector<Token>& tokens,
                          std::vector<std::uint8_t>& tags) {
  const Gazetteer& gazetteer = Gazetteer::instance();
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    const Token &given = tokens[i], &family = tokens[i + 1];
    if (tags[i] != kTagOutside || !given.has(kTokenCapitalised) || given.all_caps() ||
        !family.has(kTokenCapitalised) || family.all_caps() || family.has(kTokenLineStart)) {
      continue;
    }
    bool family_alone =
        tags[i + 1] == kTagOutside ||
        (!is_inside_tag(tags[i + 1]) && tag_type(tags[i + 1]) != EntityType::kPerson &&
         (i + 2 >= tags.size() || !is_inside_tag(tags[i + 2])));
    if (!family_alone || !gazetteer.is_given_name(given.text(text)) ||
        gazetteer.place_kinds(family.text(text)) != 0) {
      continue;
    }
    tags[i] = begin_tag(EntityType::kPerson);
    tags[i + 1] = inside_tag(EntityType::kPerson);
    ++i;
  }
}

// Whether tokens first..last are plainly the name of a body: an acronym ("FBI"), or
// words ending with a head noun of bodies or holding one before "of" ("Reserve Bank of
// India", "New Party Sakigake").
bool names_a_body(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                  std::size_t last) {
  if (is_one_of_lower(kJoiners, tokens[last].text(text))) return false;
  if (first == last && tokens[first].all_caps()) return true;
  for (std::size_t k = first; k <= last; ++k) {
    if (is_one_of_lower(kBodyHeads, tokens[k].text(text))) return true;
  }
  return false;
}

// The text of tokens first..last as written, with the spaces between them.
std::string_view range_text(std::string_view text, const std::vector<Token>& tokens,
                            std::size_t first, std::size_t last) {
  return text.substr(tokens[first].begin, tokens[last].end - tokens[first].begin);
}

// Whether `name`, as written, is a place the gazetteer or the known entities list.
// The gazetteer's kinds of place for `name`, as written or as a key; a known entity
// decides first: a known place counts as a country (they are "US", "Britain"), a known
// name of another class as no place.
std::uint8_t place_kinds_of(std::string_view name) {
  const KnownEntity* known = KnownEntities::shipped().find(entity_key(name));
  if (known != nullptr) return known->type == EntityType::kPlace ? kPlaceCountry : 0;
  return Gazetteer::instance().place_kinds(name);
}

bool is_known_place(std::string_view name) { return place_kinds_of(name) != 0; }

// Whether tokens first..of-1 "of" of+1..last are a named body and its country: the
// part after "of" is a country, and no word before it is a generic head, a role or a
// title, nor another "of".
bool named_body_of_country(std::string_view text, const std::vector<Token>& tokens,
                           std::size_t first, std::size_t of, std::size_t last) {
  const std::uint8_t kinds = place_kinds_of(range_text(text, tokens, of + 1, last));
  // A company says where it is from down to its city ("Vertex Pharmaceuticals of
  // Boston"); another named body only its country ("Fenerbahce of Turkey").
  const bool company = is_one_of_lower(kCompanyHeads, tokens[of - 1].text(text));
  if (company ? kinds == 0 : (kinds & kPlaceCountry) == 0) return false;
  for (std::size_t k = first; k < of; ++k) {
    std::string_view word = tokens[k].text(text);
    bool generic_head = is_one_of_lower(kBodyHeads, word) && !is_one_of_lower(kCompanyHeads, word);
    if (iequals_ascii(word, "of") || generic_head || is_one_of_lower(kOfHeads, word) ||
        is_one_of_lower(kRoleWords, word) || is_one_of_lower(kTitleWords, word)) {
      return false;
    }
  }
  return true;
}

// Abbreviated days and months, which news tables and datelines run into names ("WED
// Imphold", "Yeltsin Sept", "Monde Aug"). Forms that are also names ("Jan", "Sun",
// "May") count only in capitals or with a period ("SUN", "Jan.").
bool is_date_abbreviation(const Token& token, std::string_view word) {
  constexpr std::array<std::string_view, 7> kAlways = {"tues", "thurs", "sept", "aug",
                                                       "oct",  "nov",   "feb"};
  constexpr std::array<std::string_view, 16> kMarked = {"mon", "tue", "wed", "thu", "thur", "fri",
                                                        "sat", "sun", "jan", "mar", "apr",  "may",
                                                        "jun", "jul", "sep", "dec"};
  bool period = !word.empty() && word.back() == '.';
  if (period) word.remove_suffix(1);
  return is_one_of_lower(kAlways, word) ||
         ((period || token.all_caps()) && is_one_of_lower(kMarked, word));
}

// A day after a name of two words or more ("Bob Dole Wednesday"); not in "Sheffield
// Wednesday" or "Mike Friday", where the day is the name.
bool is_trailing_day(std::string_view word) {
  constexpr std::array<std::string_view, 7> kDays = {"monday", "tuesday",  "wednesday", "thursday",
                                                     "friday", "saturday", "sunday"};
  return is_one_of_lower(kDays, word);
}

// One capital letter, with or without its period: "W", "W.".
bool is_initial(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  return word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z';
}

// Where the person named after the role word at `role` starts, inside a tagged run that
// ends at `last`; 0 when none does. The first given name after the role ("Secretary of
// State Antony Blinken"), else the word right after it when from there to the end the
// run is two or three capitalised words ("Secretary-General Boutros Boutros-Ghali").
std::size_t person_after_role(std::string_view text, const std::vector<Token>& tokens,
                              std::size_t role, std::size_t last) {
  for (std::size_t name = role + 1; name <= last; ++name) {
    if (tokens[name].has(kTokenCapitalised) &&
        Gazetteer::instance().is_given_name(tokens[name].text(text))) {
      return name;
    }
  }
  // "General" also starts companies and unions ("General Motors Europe", "General
  // Workers Union"), and a person's name never ends with a body's head or a place.
  std::size_t words = last - role;
  std::string_view end = tokens[last].text(text);
  if (words < 2 || words > 3 || iequals_ascii(tokens[role].text(text), "general") ||
      is_one_of_lower(kBodyHeads, end) || Gazetteer::instance().place_kinds(end) != 0) {
    return 0;
  }
  for (std::size_t k = role + 1; k <= last; ++k) {
    if (!tokens[k].has(kTokenCapitalised) || tokens[k].all_caps() ||
        is_one_of_lower(kRoleWords, tokens[k].text(text)) ||
        is_one_of_lower(kTitleWords, tokens[k].text(text))) {
      return 0;
    }
  }
  return role + 1;
}

// The run of tokens tagged as one entity that starts at `first`, which holds a begin
// tag.
TokenRange tagged_run(const std::vector<std::uint8_t>& tags, std::size_t first) {
  TokenRange range{tag_type(tags[first]), first, first};
  while (range.last + 1 < tags.size() && tags[range.last + 1] == inside_tag(range.type)) {
    ++range.last;
  }
  return range;
}

// "George" W "Bush": the tagger often ends a person at a middle initial and leaves the
// rest untagged or takes it for another name. A given name, an initial and a
// capitalised word are one person, with the rest of a run the tagger began there.
void take_initial_and_family_name(std::string_view text, const std::vector<Token>& tokens,
                                  const std::vector<std::uint8_t>& tags, TokenRange& range) {
  auto word = [&](std::size_t i) { return tokens[i].text(text); };
  if (range.type == EntityType::kPerson && range.last + 2 < tokens.size() &&
      tokens[range.last + 1].begin > tokens[range.last].end && is_initial(word(range.last + 1)) &&
      tokens[range.last + 2].has(kTokenCapitalised) && tokens[range.last + 2].has(kTokenHasLower) &&
      !tokens[range.last + 2].has(kTokenSentenceStart) &&
      !iequals_ascii(word(range.last + 1), "x.") &&  // "Malcolm X. His widow..."
      Gazetteer::instance().is_given_name(word(range.last))) {
    range.last += 2;
    while (range.last + 1 < tags.size() && is_inside_tag(tags[range.last + 1])) ++range.last;
  }
}

// Joiners are not left at either end of a name, nor "and" at its end: "House of
// Representatives and" is the House ("Trinidad and Tobago" has it inside, never at its
// end). Nor an article at its start: "The European Union" is the European Union.
void trim_joiners_and_articles(std::string_view text, const std::vector<Token>& tokens,
                               TokenRange& range) {
  auto word = [&](std::size_t i) { return tokens[i].text(text); };
  while (range.last > range.first &&
         (is_one_of_lower(kJoiners, word(range.last)) || iequals_ascii(word(range.last), "and"))) {
    --range.last;
  }
  while (range.first < range.last && (is_one_of_lower(kJoiners, word(range.first)) ||
                                      is_one_of_lower(kArticles, word(range.first)))) {
    ++range.first;
  }
}

// Dates run on into names in tables and datelines ("WED Imphold", "Bob Dole
// Wednesday"): abbreviated days and months go from either end, and a day written in
// full from the end of a name of two words or more (is_trailing_day()).
void trim_dates(std::string_view text, const std::vector<Token>& tokens, TokenRange& range) {
  auto word = [&](std::size_t i) { return tokens[i].text(text); };
  while (range.first < range.last && is_date_abbreviation(tokens[range.first], word(range.first))) {
    ++range.first;
  }
  while (range.last > range.first &&
         (is_date_abbreviation(tokens[range.last], word(range.last)) ||
          (range.last > range.first + 1 && is_trailing_day(word(range.last))))) {
    --range.last;
  }
}

// "Tory Dominic Grieve", "MP Jo Cox", "Tory Shadow Chancellor Oliver Letwin": a party, a
// country or a title before a person's name is not part of it (nor is a role, see
// split_person_after_role()). Not "Oscar Moreno": only titles in capitals go.
void drop_known_names_before_person(std::string_view text, const std::vector<Token>& tokens,
                                    TokenRange& range) {
  if (range.type != EntityType::kPerson) return;
  // A name is left whole when one word would remain: "Chelsea Clinton" is no club and a
  // person.
  while (range.first + 1 < range.last) {
    const KnownEntity* known =
        KnownEntities::shipped().find(entity_key(tokens[range.first].text(text)));
    if (known == nullptr || (known->type == EntityType::kMisc && !tokens[range.first].all_caps())) {
      break;
    }
    ++range.first;
  }
}

// "US Secretary of State Antony Blinken": at the first role or title word that a person
// follows (person_after_role()), the run becomes that person. The body before the role
// ("Reserve Bank of India Governor ...", "FBI Director ...") is taken as a name too,
// when it is plainly one (not "Labour Prime" of "Labour Prime Minister").
void split_person_after_role(std::string_view text, const std::vector<Token>& tokens,
                             TokenRange& range, std::vector<TokenRange>& ranges) {
  auto word = [&](std::size_t i) { return tokens[i].text(text); };
  for (std::size_t k = range.first; k < range.last; ++k) {
    if (!is_one_of_lower(kRoleWords, word(k)) && !is_one_of_lower(kTitleWords, word(k))) continue;
    std::size_t person = person_after_role(text, tokens, k, range.last);
    if (person == 0) return;
    if (range.type != EntityType::kPerson && k > range.first &&
        names_a_body(text, tokens, range.first, k - 1)) {
      ranges.push_back({range.type, range.first, k - 1});
    }
    range = {EntityType::kPerson, person, range.last};
    return;
  }
}

// "US Secretary", "HCFA Administrator", "U.N. High Commissioner" alone: the role or the
// title is not part of the body's name. A title after "of" is ("Ministry of Justice").
void trim_trailing_roles(std::string_view text, const std::vector<Token>& tokens,
                         TokenRange& range) {
  auto word = [&](std::size_t i) { return tokens[i].text(text); };
  while (range.type != EntityType::kPerson && range.last > range.first) {
    if (is_one_of_lower(kRoleWords, word(range.last))) {
      --range.last;
    } else if (is_one_of_lower(kTitleWords, word(range.last)) &&
               !iequals_ascii(word(range.last - 1), "of")) {
      --range.last;
      if (range.last > range.first && iequals_ascii(word(range.last), "high")) --range.last;
    } else {
      return;
    }
  }
}

// The nationality words of demonyms.txt as entity keys ("cuban", "south african").
const std::unordered_set<std::string>& demonyms() {
  static const std::unordered_set<std::string> words = [] {
    std::unordered_set<std::string> keys;
    std::string_view data = embedded::demonyms();
    while (!data.empty()) {
      std::string_view line = take_line(data);
      if (line.empty() || line.front() == '#') continue;
      std::string key = entity_key(line);
      if (!key.empty()) keys.insert(std::move(key));
    }
    return keys;
  }();
  return words;
}

// How many tokens from `at` (one or two, up to `last`) write a nationality ("Cuban",
// "South African"); 0 when they do not.
std::size_t demonym_length(std::string_view text, const std::vector<Token>& tokens, std::size_t at,
                           std::size_t last) {
  for (std::size_t count = std::min<std::size_t>(2, last - at + 1); count >= 1; --count) {
    if (!tokens[at].has(kTokenCapitalised)) return 0;
    if (demonyms().contains(entity_key(range_text(text, tokens, at, at + count - 1)))) {
      return count;
    }
  }
  return 0;
}

// Whether the word at `at` says what a person is rather than who: an honorific or a
// rank ("Sir", "Dr.", "Major"), a role or a title ("President", "Speaker").
bool is_person_descriptor(std::string_view text, const std::vector<Token>& tokens, std::size_t at) {
  std::string_view word = tokens[at].text(text);
  return is_one_of(kHonorifics, entity_key(word)) || is_one_of_lower(kRoleWords, word) ||
         is_one_of_lower(kTitleWords, word);
}

// "Cuban Aliuska Lopez", "Swede Kenneth Eriksson", "Sir Nigel Mobbs", "House Speaker"'s
// "Speaker Newt Gingrich": the nationality, honorific, rank or role before a person's
// name is no part of it (annotated news marks the nationality apart, and leaves out the
// rest). A word that is also a given name ("Finn") goes only before a name of two words
// or more, so "Finn Russell" stays whole.
void drop_descriptors_before_person(std::string_view text, const std::vector<Token>& tokens,
                                    TokenRange& range) {
  if (range.type != EntityType::kPerson) return;
  // A known name is itself: "British Airways" taken for a person keeps "British".
  if (KnownEntities::shipped().find(
          entity_key(range_text(text, tokens, range.first, range.last))) != nullptr) {
    return;
  }
  while (range.first < range.last) {
    std::size_t words = demonym_length(text, tokens, range.first, range.last);
    if (words == 0 && is_person_descriptor(text, tokens, range.first)) words = 1;
    if (words == 0 || range.first + words > range.last) return;
    bool given_name = Gazetteer::instance().is_given_name(tokens[range.first].text(text));
    if (words == 1 && given_name && range.last - range.first < 2) return;
    range.first += words;
  }
}

// Whether the run is a nationality alone ("Chilean", "Costa Rican", "Thais"), which
// annotators mark apart from people, places and bodies. Not a person's "Welsh" or "Finn",
// which may be Irvine Welsh or Finn Russell again.
bool is_lone_nationality(std::string_view text, const std::vector<Token>& tokens,
                         const TokenRange& range) {
  std::size_t nationality = demonym_length(text, tokens, range.first, range.last);
  if (range.first + nationality == range.last + 1) {
    Gazetteer::NameKinds kinds = Gazetteer::instance().name_kinds(tokens[range.first].text(text));
    return range.type != EntityType::kPerson || nationality > 1 || (!kinds.given && !kinds.family);
  }
  std::string key = entity_key(range_text(text, tokens, range.first, range.last));
  return key.size() > 1 && key.back() == 's' &&
         demonyms().contains(key.substr(0, key.size() - 1));  // "Thais", "South Africans"
}

// Whether the run is a person's titles without the person ("Major General").
bool only_titles(std::string_view text, const std::vector<Token>& tokens, const TokenRange& range) {
  if (range.type != EntityType::kPerson || range.first == range.last) return false;
  for (std::size_t k = range.first; k <= range.last; ++k) {
    if (!is_person_descriptor(text, tokens, k)) return false;
  }
  return true;
}

void extend_to_known_name(std::string_view text, const std::vector<Token>& tokens,
                          TokenRange& range);

// Drops the lone nationalities of is_lone_nationality(), except where the article names
// a body that ends with one ("Cleveland Indians", then "Indians") or a company that
// starts with one ("American Airlines", then "American"): there it is that body's short
// name.
void drop_lone_nationalities(std::string_view text, const std::vector<Token>& tokens,
                             std::vector<TokenRange>& ranges) {
  auto key_of = [&](const TokenRange& range) {
    return entity_key(range_text(text, tokens, range.first, range.last));
  };
  auto short_name = [&](const TokenRange& range) {
    std::string key = key_of(range);
    return std::any_of(ranges.begin(), ranges.end(), [&](const TokenRange& other) {
      if (other.type == EntityType::kPerson ||
          other.last - other.first <= range.last - range.first) {
        return false;
      }
      std::string other_key = key_of(other);
      return other_key.ends_with(" " + key) ||
             (other_key.starts_with(key + " ") &&
              is_one_of_lower(kCompanyHeads, tokens[other.last].text(text)));
    });
  };
  std::vector<TokenRange> kept;
  kept.reserve(ranges.size());
  // A nationality that starts a known name ("British" of "British Airways") is kept for
  // extend_to_known_name() to complete.
  auto starts_known_name = [&](const TokenRange& range) {
    TokenRange extended = range;
    extend_to_known_name(text, tokens, extended);
    return extended.last != range.last;
  };
  for (const TokenRange& range : ranges) {
    if (!is_lone_nationality(text, tokens, range) || short_name(range) ||
        starts_known_name(range)) {
      kept.push_back(range);
    }
  }
  ranges = std::move(kept);
}

// Whether tokens first..last read as a person's name: two to four capitalised words or
// initials ("Akhilesh Yadav", "N. Chandrababu Naidu"), none of them a nationality, a
// word news writes in lower case, the head of a body, a role or a title, and the whole
// no place.
bool reads_as_person_name(std::string_view text, const std::vector<Token>& tokens,
                          std::size_t first, std::size_t last) {
  if (last < first + 1 || last > first + 3) return false;
  if (is_known_place(range_text(text, tokens, first, last))) return false;
  for (std::size_t k = first; k <= last; ++k) {
    std::string_view word = tokens[k].text(text);
    if (is_initial(word)) continue;
    if (!tokens[k].has(kTokenCapitalised) || tokens[k].all_caps() ||
        demonym_length(text, tokens, k, k) > 0 || is_lowercase_word(entity_key(word)) ||
        is_one_of_lower(kBodyHeads, word) || is_one_of_lower(kOfHeads, word) ||
        is_person_descriptor(text, tokens, k)) {
      return false;
    }
  }
  return true;
}

// Whether the "of" at `of` joins a party to its leader: "Party" before it, a person's
// name from after it to `last`.
bool party_of_leader(std::string_view text, const std::vector<Token>& tokens, std::size_t of,
                     std::size_t last) {
  return iequals_ascii(tokens[of - 1].text(text), "party") &&
         reads_as_person_name(text, tokens, of + 1, last);
}

// "Ketanji" "Brown Jackson": the tagger sometimes begins a person again inside a name.
// Two person runs one space apart, four words at most together, are one person: news
// puts a comma or "and" between two people. Not when the first run may be no name at
// all: a word that starts a sentence or line and is no given name ("With" Alastair
// Campbell), a nationality ("Zealander" Peter Jackson), a country.
bool one_person_in_two_runs(std::string_view text, const std::vector<Token>& tokens,
                            const TokenRange& before, const TokenRange& range) {
  if (before.type != EntityType::kPerson || range.type != EntityType::kPerson ||
      range.last - before.first >= 4 || tokens[range.first].begin != tokens[before.last].end + 1 ||
      text[tokens[before.last].end] != ' ' || tokens[before.last].text(text).ends_with('.')) {
    return false;
  }
  const Token& first = tokens[before.first];
  if (!Gazetteer::instance().is_given_name(first.text(text)) &&
      (first.has(kTokenSentenceStart) || first.has(kTokenLineStart) ||
       demonym_length(text, tokens, before.first, before.first) > 0)) {
    return false;
  }
  // Nor across a title the rules cut off before a name ("Chief Justice" John Roberts), a
  // body's words ("Sierra" "Semiconductor Corp", "Marion" "County Board", see
  // retype_names_ending_with_body_head()), a common word, an acronym or a country.
  for (std::size_t k = before.first; k <= range.last; ++k) {
    std::string_view word = tokens[k].text(text);
    if (is_person_descriptor(text, tokens, k) || is_one_of_lower(kBodyHeads, word) ||
        is_one_of_lower(kOfHeads, word) || iequals_ascii(word, "county") ||
        is_lowercase_word(entity_key(word)) || tokens[k].all_caps() ||
        (place_kinds_of(word) & kPlaceCountry) != 0) {
      return false;
    }
  }
  // Nor a known name after a person ("Muller" "McLaren", a driver and his team).
  const KnownEntity* known =
      KnownEntities::shipped().find(entity_key(range_text(text, tokens, range.first, range.last)));
  return known == nullptr || known->type == EntityType::kPerson;
}

// Whether `range` is the leader of the party just before it, "of" between them: the
// tagger may take the leader for part of the party's name, or for another body.
bool leads_party_before(std::string_view text, const std::vector<Token>& tokens,
                        const std::vector<TokenRange>& ranges, const TokenRange& range) {
  return !ranges.empty() && ranges.back().type == EntityType::kOrganization &&
         range.first == ranges.back().last + 2 &&
         iequals_ascii(tokens[range.first - 1].text(text), "of") &&
         party_of_leader(text, tokens, range.first - 1, range.last);
}

// Whether `range` continues the last of `ranges` across one or two joiners between
// them: a person's name goes on across "bin", "van", "von der" ("Ursula" von der
// "Leyen") or a middle initial the tagger left out ("George" W "Bush"), an
// organisation's across "of" ("Bank" of "England"), though not from a named body to
// its country ("LG Electronics" of "South Korea").
bool joins_previous_range(std::string_view text, const std::vector<Token>& tokens,
                          const std::vector<TokenRange>& ranges, const TokenRange& range) {
  if (ranges.empty()) return false;
  std::size_t gap = range.first - ranges.back().last - 1;
  if (gap == 0) return one_person_in_two_runs(text, tokens, ranges.back(), range);
  if (gap != 1 && gap != 2) return false;
  EntityType before = ranges.back().type;
  bool person_joins = before == EntityType::kPerson;
  bool organization_joins = before == EntityType::kOrganization && gap == 1;
  for (std::size_t k = ranges.back().last + 1; k < range.first; ++k) {
    std::string_view joiner = tokens[k].text(text);
    bool of = iequals_ascii(joiner, "of");
    bool initial = gap == 1 && range.type == EntityType::kPerson && is_initial(joiner);
    person_joins = person_joins && !of && (is_one_of_lower(kJoiners, joiner) || initial);
    organization_joins = organization_joins && of;
  }
  organization_joins =
      organization_joins &&
      !named_body_of_country(text, tokens, ranges.back().first, range.first - 1, range.last) &&
      !party_of_leader(text, tokens, range.first - 1, range.last);
  return person_joins || organization_joins;
}

// A "person" ending with the head noun of a body is that body, and a person just before
// it, one space away, is the start of its name ("Kennedy" "Space Center"). So is a run
// of names the tagger took for no entity ("World Health Organization", as if "World
// Cup"), unless it is a building. Places keep their type: the annotators call an
// airport or a stadium a place.
void retype_names_ending_with_body_head(std::string_view text, const std::vector<Token>& tokens,
                                        TokenRange& range, std::vector<TokenRange>& ranges) {
  auto word = [&](std::size_t i) { return tokens[i].text(text); };
  bool named_misc_body = range.type == EntityType::kMisc && range.last > range.first &&
                         !is_one_of_lower(kPlaceHeads, word(range.last));
  if (range.type != EntityType::kPerson && !named_misc_body) return;
  if (!is_one_of_lower(kBodyHeads, word(range.last))) return;
  range.type = EntityType::kOrganization;
  if (!ranges.empty() && ranges.back().type == EntityType::kPerson &&
      ranges.back().last + 1 == range.first &&
      tokens[ranges.back().last].end == tokens[range.first].begin - 1) {
    range.first = ranges.back().first;
    ranges.pop_back();
  }
}

// "Fenerbahce of Turkey", "Ericsson of Sweden": an organisation that is a named body and
// the country it is from is split in two, at its last "of". Not when a word before "of"
// is a generic head that needs the place ("Bank of England", "Press Trust of India",
// "Writers Guild of America") or a title ("King of Belgium", "Prince of Wales"), nor a
// name with another "of" in it (see named_body_of_country()).
void split_body_from_its_country(std::string_view text, const std::vector<Token>& tokens,
                                 TokenRange& range, std::vector<TokenRange>& ranges) {
  if (range.type != EntityType::kOrganization || range.last <= range.first + 1) return;
  for (std::size_t of = range.last - 1; of > range.first; --of) {
    if (!iequals_ascii(tokens[of].text(text), "of")) continue;
    if (named_body_of_country(text, tokens, range.first, of, range.last)) {
      ranges.push_back({EntityType::kOrganization, range.first, of - 1});
      range = {EntityType::kPlace, of + 1, range.last};
    }
    return;
  }
}

// "the Samajwadi Party of Akhilesh Yadav": a party "of" a person is the party and its
// leader, two names. A party of a people or a place stays whole ("Party of European
// Socialists", "Communist Party of China").
void split_party_from_its_leader(std::string_view text, const std::vector<Token>& tokens,
                                 TokenRange& range, std::vector<TokenRange>& ranges) {
  if (range.type != EntityType::kOrganization || range.last <= range.first + 2) return;
  for (std::size_t of = range.last - 1; of > range.first; --of) {
    if (!iequals_ascii(tokens[of].text(text), "of")) continue;
    if (party_of_leader(text, tokens, of, range.last)) {
      ranges.push_back({EntityType::kOrganization, range.first, of - 1});
      range = {EntityType::kPerson, of + 1, range.last};
    }
    return;
  }
}

// A "place" that is a city's newspaper ("New York Times") is that newspaper.
void retype_city_newspaper(std::string_view text, const std::vector<Token>& tokens,
                           TokenRange& range) {
  if (range.type == EntityType::kPlace && range.last > range.first &&
      is_one_of_lower(kPaperWords, tokens[range.last].text(text)) &&
      is_known_place(range_text(text, tokens, range.first, range.last - 1))) {
    range.type = EntityType::kOrganization;
  }
}

// A "place" ending with the head noun of an organisation ("U.S. Defense Logistics
// Agency", "Interior Ministry") is that organisation; buildings stay places, and so do
// places so named ("West Bank", "Russian Federation").
void retype_place_ending_with_body_head(std::string_view text, const std::vector<Token>& tokens,
                                        TokenRange& range) {
  std::string_view last = tokens[range.last].text(text);
  if (range.type == EntityType::kPlace && range.last > range.first &&
      is_one_of_lower(kBodyHeads, last) && !is_one_of_lower(kPlaceHeads, last) &&
      !is_known_place(range_text(text, tokens, range.first, range.last))) {
    range.type = EntityType::kOrganization;
  }
}

// "Kestrel Mining YR EPS 41.20": on a row of a table, two or more short codes in capitals
// after a name written in small letters are the table's columns (year, earnings per
// share), not part of the name. One code is left: clubs end so ("Roda JC", "Paris SG"),
// and a company's own head ("PLC", "AG") stays anyway.
void trim_table_codes(std::string_view text, const std::vector<Token>& tokens, TokenRange& range) {
  if (!tokens[range.first].has(kTokenTableLine)) return;
  std::size_t last = range.last;
  while (last > range.first && tokens[last].all_caps() &&
         tokens[last].end - tokens[last].begin <= 4 &&
         !is_one_of_lower(kBodyHeads, tokens[last].text(text)) &&
         !is_one_of_lower(kCompanyHeads, tokens[last].text(text))) {
    --last;
  }
  if (range.last - last < 2) return;
  for (std::size_t k = range.first; k <= last; ++k) {
    if (tokens[k].has(kTokenHasLower)) {
      range.last = last;
      return;
    }
  }
}

// The runs of tokens the model tagged (with tag_given_name_pairs()), cleaned up by the
// rules above in this order. A rule may split a run in two, pushing its first part, or
// join it to the run before.
std::vector<TokenRange> tagged_ranges(std::string_view text, const std::vector<Token>& tokens,
                                      std::vector<std::uint8_t> tags) {
  tag_given_name_pairs(text, tokens, tags);
  std::vector<TokenRange> ranges;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (tags[i] == kTagOutside || is_inside_tag(tags[i])) continue;
    TokenRange range = tagged_run(tags, i);
    take_initial_and_family_name(text, tokens, tags, range);
    i = range.last;  // the next run starts after this one, even where the rules trim it
    trim_joiners_and_articles(text, tokens, range);
    trim_dates(text, tokens, range);
    drop_known_names_before_person(text, tokens, range);
    split_person_after_role(text, tokens, range, ranges);
    trim_trailing_roles(text, tokens, range);
    trim_table_codes(text, tokens, range);
    if (only_titles(text, tokens, range)) continue;
    drop_descriptors_before_person(text, tokens, range);
    if (leads_party_before(text, tokens, ranges, range)) range.type = EntityType::kPerson;
    if (joins_previous_range(text, tokens, ranges, range)) {
      ranges.back().last = range.last;
      continue;
    }
    retype_names_ending_with_body_head(text, tokens, range, ranges);
    split_body_from_its_country(text, tokens, range, ranges);
    split_party_from_its_leader(text, tokens, range, ranges);
    retype_city_newspaper(text, tokens, range);
    retype_place_ending_with_body_head(text, tokens, range);
    ranges.push_back(range);
  }
  drop_lone_nationalities(text, tokens, ranges);
  return ranges;
}

// Whether `name` is written in `text` as whole words outside [begin, end).
bool written_elsewhere(std::string_view text, std::string_view name, std::size_t begin,
                       std::size_t end) {
  return written_as_words(text, name, [&](std::size_t at) { return at < begin || at >= end; });
}

// "Microsoft and Apple", "Hopfield and Hinton": the tagger takes two names joined by
// "and" as one. Such a run is split when it is a person (no one's name holds "and") or
// one side is written on its own elsewhere in the article (so "Food and Drug
// Administration" stays whole), unless the whole is a known name ("Trinidad and
// Tobago"). Each side takes the type of a run with the same words, or ending with them
// ("Geoffrey Hinton"), if the article has one.
std::vector<TokenRange> split_coordinations(std::string_view text, const std::vector<Token>& tokens,
                                            const std::vector<TokenRange>& ranges) {
  auto key_of = [&](std::size_t first, std::size_t last) {
    return entity_key(range_text(text, tokens, first, last));
  };
  auto type_of = [&](const std::string& key, EntityType otherwise) {
    for (const TokenRange& other : ranges) {
      std::string other_key = key_of(other.first, other.last);
      if (other_key == key || other_key.ends_with(" " + key)) return other.type;  // "Hinton"
    }
    return otherwise;
  };
  std::vector<TokenRange> out;
  for (const TokenRange& range : ranges) {
    std::size_t joint = range.first + 1;
    while (joint < range.last && tokens[joint].text(text) != "and") ++joint;
    std::string_view whole = range_text(text, tokens, range.first, range.last);
    if (joint >= range.last || KnownEntities::shipped().find(entity_key(whole)) != nullptr ||
        Gazetteer::instance().place_kinds(whole) != 0) {
      out.push_back(range);
      continue;
    }
    const std::size_t begin = tokens[range.first].begin, end = tokens[range.last].end;
    // A side that is a known name stands on its own ("Communists and Greens").
    auto known_or_written_elsewhere = [&](std::size_t first, std::size_t last) {
      std::string_view side = range_text(text, tokens, first, last);
      return KnownEntities::shipped().find(entity_key(side)) != nullptr ||
             written_elsewhere(text, side, begin, end);
    };
    bool left_alone = known_or_written_elsewhere(range.first, joint - 1);
    bool right_alone = known_or_written_elsewhere(joint + 1, range.last);
    if (!left_alone && !right_alone && range.type != EntityType::kPerson) {
      out.push_back(range);
      continue;
    }
    out.push_back({type_of(key_of(range.first, joint - 1), range.type), range.first, joint - 1});
    out.push_back({type_of(key_of(joint + 1, range.last), range.type), joint + 1, range.last});
  }
  return out;
}

// Whether some run of up to three words of `key` (entity_key() form) is a place:
// "tokyo", "new york", "u s" in "u s municipal".
bool names_a_place(std::string_view key) {
  std::vector<std::string_view> words = split_words(key);
  for (std::size_t first = 0; first < words.size(); ++first) {
    for (std::size_t count = 1; count <= 3 && first + count <= words.size(); ++count) {
      std::size_t begin = words[first].data() - key.data();
      std::size_t end =
          words[first + count - 1].data() + words[first + count - 1].size() - key.data();
      if (is_known_place(key.substr(begin, end - begin))) return true;
    }
  }
  return false;
}

// Whether the span is an event: it ends with the word for one, or with a listed
// non-entity written in words, not an acronym, after its place or sponsor ("Athens
// Olympics", "RBS Six Nations"). "Sky TV" stays: "TV" is an acronym there.
bool ends_with_an_event(const Span& span) {
  // Events named by their kind: "Consumer Electronics Show", "Heineken Cup", "Brit
  // Awards", "Monaco Grand Prix" ("National Rally" is a party). The kind alone too.
  // Laws and treaties too, which annotated news counts with events, not bodies ("Clean
  // Air Act", "Comprehensive Test Ban Treaty", "Paris Agreement").
  constexpr std::array<std::string_view, 16> kEventHeads = {
      "show", "expo",   "festival",  "awards",     "championships", "championship",
      "prix", "cup",    "marathon",  "tournament", "trophy",        "act",
      "acts", "treaty", "agreement", "accord"};
  std::size_t last_space = span.key.rfind(' ');
  std::size_t last_word = last_space == std::string::npos ? 0 : last_space + 1;
  if (is_one_of(kEventHeads, std::string_view(span.key).substr(last_word)) &&
      !span.display.empty() && span.display.back() >= 'a' && span.display.back() <= 'z') {
    return true;
  }
  for (std::size_t space = span.key.find(' '); space != std::string::npos;
       space = span.key.find(' ', space + 1)) {
    std::string_view tail = std::string_view(span.key).substr(space + 1);
    const KnownEntity* known = KnownEntities::shipped().find(tail);
    if (known == nullptr || known->type != EntityType::kMisc) continue;
    std::string_view written =
        std::string_view(span.display)
            .substr(span.display.size() - std::min(span.display.size(), tail.size()));
    return std::any_of(written.begin(), written.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  }
  return false;
}

// "Lib" "Dem": the tagger sometimes ends a run inside a known name ("Lib Dem", "Lib
// Dems") and types the rest apart. A run followed, on its line, by one or two
// capitalised words that complete a known name takes them in.
void extend_to_known_name(std::string_view text, const std::vector<Token>& tokens,
                          TokenRange& range) {
  const KnownEntities& known = KnownEntities::shipped();
  std::size_t last = range.last;
  for (std::size_t extra = 1; extra <= 2; ++extra) {
    std::size_t next = range.last + extra;
    if (next >= tokens.size() || tokens[next].has(kTokenLineStart) ||
        !tokens[next].has(kTokenCapitalised)) {
      break;
    }
    if (known.find(entity_key(range_text(text, tokens, range.first, next))) != nullptr) {
      last = next;
    }
  }
  range.last = last;
}

std::vector<Span> collect_spans(std::string_view text, const std::vector<Token>& tokens,
                                const std::vector<std::uint8_t>& tags) {
  std::vector<Span> spans;
  std::size_t taken_until = 0;  // tokens before it belong to a span already
  for (TokenRange range : split_coordinations(text, tokens, tagged_ranges(text, tokens, tags))) {
    if (range.first < taken_until) continue;
    extend_to_known_name(text, tokens, range);
    taken_until = range.last + 1;
    Span span;
    span.type = range.type;
    span.begin = tokens[range.first].begin;
    span.end = tokens[range.last].end;
    for (std::size_t k = range.first; k <= range.last; ++k) {
      if (k > range.first) span.display += tokens[k].begin > tokens[k - 1].end ? " " : "";
      span.display += tokens[k].text(text);
      bool long_caps = tokens[k].all_caps() && tokens[k].end - tokens[k].begin > 4;
      span.shouting |= long_caps || (tokens[k].has(kTokenCapsLine) && tokens[k].all_caps());
    }
    span.key = entity_key(span.display);
    if (span.key.empty()) continue;
    if (const KnownEntity* known = KnownEntities::shipped().find(span.key)) {
      if (known->type == EntityType::kMisc) continue;  // a holiday, an award, a DVD
      span.written = std::move(span.display);
      span.type = known->type;
      span.display = known->name;
      span.key = entity_key(known->name);
      span.shouting = false;
      span.known = true;
      spans.push_back(std::move(span));
      continue;
    }
    if (ends_with_an_event(span)) continue;  // "Athens Olympics", "RBS Six Nations"
    // A figure is no one's name and no place's ("1.5C", "3D"); a firm's may be ("3M"). Nor
    // does a person's name hold one ("Airlines Airbus A350" of "Japan Airlines Airbus A350").
    const bool has_digit = std::any_of(span.display.begin(), span.display.end(),
                                       [](char c) { return c >= '0' && c <= '9'; });
    if ((span.type != EntityType::kOrganization && span.display.front() >= '0' &&
         span.display.front() <= '9') ||
        (span.type == EntityType::kPerson && has_digit)) {
      continue;
    }
    // entity_key() leaves single spaces between words and none at either end.
    std::size_t last_space = span.key.rfind(' ');
    // A role, title or rank alone ("Chief Justice John Roberts" cut after "Justice") is
    // no one's name either.
    if (last_space == std::string::npos &&
        (is_one_of(kNeverAlone, span.key) || is_one_of(kCompanyHeads, span.key) ||
         is_one_of(kRoleWords, span.key) || is_one_of(kTitleWords, span.key) ||
         is_one_of(kHonorifics, span.key))) {
      continue;
    }
    std::string_view last_word = std::string_view(span.key).substr(last_space + 1);
    if (is_one_of(kCreditWords, last_word)) continue;
    if (is_one_of(kDeskWords, last_word)) {
      if (!names_a_place(std::string_view(span.key).substr(0, last_space))) continue;
      span.type = EntityType::kOrganization;
    }
    spans.push_back(std::move(span));
  }
  return spans;
}

// The dateline's city is a place: it replaces the spans the tagger made over it, or
// is added where the tagger saw nothing.
void add_dateline_place(std::string_view text, const std::vector<Token>& tokens,
                        std::vector<Span>& spans) {
  const Gazetteer& gazetteer = Gazetteer::instance();
  std::optional<DatelinePlace> dateline = find_dateline(
      text, tokens, [&](std::string_view name) { return gazetteer.place_kinds(name) != 0; });
  if (!dateline) return;
  Span place;
  place.type = EntityType::kPlace;
  place.begin = tokens[dateline->first].begin;
  place.end = tokens[dateline->last].end;
  for (std::size_t k = dateline->first; k <= dateline->last; ++k) {
    if (k > dateline->first) place.display += ' ';
    place.display += tokens[k].text(text);
  }
  place.key = entity_key(place.display);
  // "UNITED NATIONS 1996-08-22" is filed from the body's seat, which stays that body.
  const KnownEntity* known = KnownEntities::shipped().find(place.key);
  if (place.key.empty() || (known != nullptr && known->type != EntityType::kPlace)) return;
  for (std::size_t k = dateline->first; k <= dateline->last; ++k) {
    // As collect_spans() judges capitals: long words in capitals are shouted.
    place.shouting |= tokens[k].all_caps() && tokens[k].end - tokens[k].begin > 4;
  }
  place.dateline = true;
  std::erase_if(spans,
                [&](const Span& span) { return span.begin < place.end && span.end > place.begin; });
  auto after = std::find_if(spans.begin(), spans.end(),
                            [&](const Span& span) { return span.begin >= place.end; });
  spans.insert(after, std::move(place));
}

// Title case gives every word of a headline or sub-heading a capital, so a name seen
// there says little: it stays only with other evidence, a known name, a place the
// gazetteer knows, a given and a family name, or the same words written in the running
// text ("Escalating Violence Takes Toll" gives no person "Takes Toll").
void drop_unbacked_heading_names(std::string_view text, const std::vector<Token>& tokens,
                                 std::vector<Span>& spans) {
  HeadingLines headings(text, tokens);
  if (headings.empty()) return;
  const Gazetteer& gazetteer = Gazetteer::instance();
  std::erase_if(spans, [&](const Span& span) {
    if (span.known || span.dateline || !headings.contains(span.begin)) return false;
    if (gazetteer.place_kinds(span.key) != 0) return false;
    std::vector<std::string_view> words = split_words(span.key);
    if (words.size() >= 2 && gazetteer.is_given_name(words.front()) &&
        gazetteer.is_family_name(words.back())) {
      return false;
    }
    return !headings.written_in_running_text(span.display);
  });
}

// "Banks, however, face lower income": the tagger reads the capital that starts a
// sentence as a name's, and the gazetteer knows towns called Banks, Most and Fully. A
// one-word name that news writes in lower case mid-sentence (lowercase_words.h) is that
// common word where each of the article's mentions is in title case and followed by a
// word or a comma (so not an acronym, "WHO", nor a row of a results table, "Nice 1
// Bastia 1") and either starts a sentence, or stands mid-sentence where no list knows
// the word as a given or family name or a place and no "magazine" follows it ("the
// Government", "the Series"; "Will", "Hope", "in Nice" and "Time magazine" stay).
// Never a known name, the dateline's city, nor a word that ends a longer name of the
// article or starts a person's ("Banks said" after "Tony Banks"; "An" beside "An
// Marchal").
void drop_common_words_as_names(std::string_view text, const std::vector<Token>& tokens,
                                std::vector<Span>& spans) {
  enum class Capital { kName, kSentenceStart, kTitleWord };
  auto capital_of = [&](const Span& span) {
    auto token = std::lower_bound(tokens.begin(), tokens.end(), span.begin,
                                  [](const Token& t, std::size_t at) { return t.begin < at; });
    if (token == tokens.end() || token->all_caps() || token->end != span.end ||
        token + 1 == tokens.end()) {
      return Capital::kName;
    }
    std::string_view next = (token + 1)->text(text);
    if (next != "," && std::isalpha(static_cast<unsigned char>(next.front())) == 0) {
      return Capital::kName;
    }
    return token->has(kTokenSentenceStart) ? Capital::kSentenceStart : Capital::kTitleWord;
  };
  // "Time magazine", "Fortune magazine": a title's name before what it is.
  auto before_a_medium = [&](const Span& span) {
    constexpr std::array<std::string_view, 5> kMedia = {"magazine", "newspaper", "paper", "channel",
                                                        "network"};
    auto next = std::lower_bound(tokens.begin(), tokens.end(), span.end,
                                 [](const Token& t, std::size_t at) { return t.begin < at; });
    return next != tokens.end() && is_one_of(kMedia, next->text(text));
  };
  const Gazetteer& gazetteer = Gazetteer::instance();
  std::unordered_set<std::string_view> names, parts_of_names;
  for (const Span& span : spans) {
    std::size_t space = span.key.rfind(' ');
    if (space != std::string::npos) {
      parts_of_names.insert(std::string_view(span.key).substr(space + 1));
      if (span.type == EntityType::kPerson) {
        parts_of_names.insert(std::string_view(span.key).substr(0, span.key.find(' ')));
      }
      continue;
    }
    Capital capital = capital_of(span);
    Gazetteer::NameKinds kinds = gazetteer.name_kinds(span.key);
    if (capital == Capital::kName ||
        (capital == Capital::kTitleWord &&
         (kinds.given || kinds.family || gazetteer.place_kinds(span.key) != 0 ||
          before_a_medium(span)))) {
      names.insert(span.key);
    }
  }
  std::erase_if(spans, [&](const Span& span) {
    return !span.known && !span.dateline && span.key.find(' ') == std::string::npos &&
           !names.contains(span.key) && !parts_of_names.contains(span.key) &&
           is_lowercase_word(span.key);
  });
}

// "the Nobel Prize in Physics", "the Prize for Literature", "the Nobel Committee for
// Physics": the field a prize is given in or for is no place or body, whatever the
// tagger made of it.
void drop_fields_of_prizes(std::string_view text, std::vector<Span>& spans) {
  std::erase_if(spans, [&](const Span& span) {
    if (span.known || span.key.find(' ') != std::string::npos) return false;
    std::string_view before = text.substr(0, span.begin);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    for (std::string_view joint : {" in", " for"}) {
      if (!before.ends_with(joint)) continue;
      std::string_view head = before.substr(0, before.size() - joint.size());
      if (head.ends_with("Prize") || head.ends_with("Prizes") ||
          head.ends_with("Nobel Committee")) {
        return true;
      }
    }
    return false;
  });
}

// "the General Election": a role, title or rank before a word that news writes in
// lower case, and that no list knows as a name, makes no person ("General Strike",
// "Major Review"); "General Franco" and "President Bush" stay.
void drop_role_before_common_word(std::vector<Span>& spans) {
  const Gazetteer& gazetteer = Gazetteer::instance();
  std::erase_if(spans, [&](const Span& span) {
    if (span.known || span.type != EntityType::kPerson) return false;
    std::vector<std::string_view> words = split_words(span.key);
    if (words.size() != 2 || !is_lowercase_word(words[1])) return false;
    bool role = is_one_of(kRoleWords, words[0]) || is_one_of(kTitleWords, words[0]) ||
                is_one_of(kHonorifics, words[0]);
    return role && !gazetteer.is_family_name(words[1]) && !gazetteer.is_given_name(words[1]);
  });
}

// "James Bond ... Bond said": a known work or thing of two capitalised words is no
// entity (known_entities.tsv), and neither is either of its words alone in the same
// article, unless that word is a country, state or region ("Hotel Rwanda").
void drop_words_of_known_things(std::string_view text, const std::vector<Token>& tokens,
                                std::vector<Span>& spans) {
  auto capitalised = [&](const Token& token) {
    return std::isupper(static_cast<unsigned char>(text[token.begin])) != 0;
  };
  std::unordered_set<std::string> words;
  for (std::size_t k = 0; k + 1 < tokens.size(); ++k) {
    if (!capitalised(tokens[k]) || !capitalised(tokens[k + 1])) continue;
    std::string first = entity_key(tokens[k].text(text));
    std::string second = entity_key(tokens[k + 1].text(text));
    const KnownEntity* known = KnownEntities::shipped().find(first + " " + second);
    if (known == nullptr || known->type != EntityType::kMisc) continue;
    words.insert(std::move(first));
    words.insert(std::move(second));
  }
  if (words.empty()) return;
  std::erase_if(spans, [&](const Span& span) {
    return !span.known && words.contains(span.key) &&
           (Gazetteer::instance().place_kinds(span.key) & kLargerPlace) == 0;
  });
}

// "Nick Van den Brul of BNP Paribas", "Zara Hyde Peters of UK Athletics": a "person"
// run that goes on with "of" and a body or a place is two names. Taken where the words
// before "of" are two or more and start with a given name, so that works ("Summer of
// Love") and bodies ("Board of Education") are left alone.
void split_person_of(std::string_view text, std::vector<Span>& spans) {
  const Gazetteer& gazetteer = Gazetteer::instance();
  for (std::size_t i = 0; i < spans.size(); ++i) {
    Span& span = spans[i];
    if (span.known || span.type != EntityType::kPerson) continue;
    std::string_view written = text.substr(span.begin, span.end - span.begin);
    std::size_t of = written.find(" of ");
    if (of == std::string_view::npos || written != span.display) continue;
    std::string_view person = written.substr(0, of), rest = written.substr(of + 4);
    std::size_t first_space = person.find(' ');
    if (first_space == std::string_view::npos || rest.empty() ||
        !gazetteer.is_given_name(person.substr(0, first_space)) ||
        is_one_of_lower(kBodyHeads, person.substr(person.rfind(' ') + 1)) ||
        is_one_of_lower(kOfHeads, person.substr(person.rfind(' ') + 1))) {
      continue;  // "Marion County Board of Education" is a body
    }
    Span body = span;
    body.begin = span.begin + of + 4;
    body.display = std::string(rest);
    body.key = entity_key(rest);
    const KnownEntity* known = KnownEntities::shipped().find(body.key);
    if (known != nullptr && known->type == EntityType::kMisc) continue;
    body.type = known != nullptr                       ? known->type
                : gazetteer.place_kinds(body.key) != 0 ? EntityType::kPlace
                                                       : EntityType::kOrganization;
    span.end = span.begin + of;
    span.display = std::string(person);
    span.key = entity_key(person);
    spans.insert(spans.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(body));
    ++i;
  }
}

// A "place" that is no country, state or region: a club named after its town
// ("Arsenal boss", "Leicester striker") is the club; "Wales manager" keeps Wales.
bool is_city_or_unknown_place(const Span& span) {
  return span.type == EntityType::kPlace &&
         (Gazetteer::instance().place_kinds(span.key) & kLargerPlace) == 0;
}

// Marks the spans followed by a noun that makes a team or a firm of a name used as an
// attribute ("Chelsea boss", "Shell chairman", "Ajax striker"). Not after "'s", nor
// "fans" or "coach": a singer has fans and an athlete a coach.
void mark_team_context(std::string_view text, const std::vector<Token>& tokens,
                       std::vector<Span>& spans) {
  // Not "forward" either: "play Kaka forward" is a player's position.
  constexpr std::array<std::string_view, 15> kTeamWords = {
      "boss",  "manager", "striker", "midfielder", "defender", "goalkeeper", "winger",  "chairman",
      "squad", "skipper", "captain", "keeper",     "driver",   "drivers",    "teammate"};
  std::size_t next = 0;
  for (Span& span : spans) {
    while (next < tokens.size() && tokens[next].begin < span.end) ++next;
    if (next < tokens.size() && is_one_of(kTeamWords, tokens[next].text(text))) {
      span.team_context = true;
    }
  }
}

// "the Biden administration": one word before "administration" names the president who
// heads it, a person, unless it is a place ("Hong Kong"), a nationality ("Palestinian"),
// a known body ("Taliban"), a word news writes in lower case ("Federal") or a party's
// adjective ("Republican").
void type_heads_of_administrations(std::string_view text, const std::vector<Token>& tokens,
                                   std::vector<Span>& spans) {
  constexpr std::array<std::string_view, 11> kPartyAdjectives = {
      "republican", "democratic", "democrat",  "labour",      "conservative", "tory",
      "liberal",    "socialist",  "communist", "nationalist", "coalition"};
  std::size_t next = 0;
  for (Span& span : spans) {
    while (next < tokens.size() && tokens[next].begin < span.end) ++next;
    if (next >= tokens.size() || tokens[next].text(text) != "administration") continue;
    if (span.known || span.dateline || span.key.find(' ') != std::string::npos ||
        is_one_of(kPartyAdjectives, span.key) || is_lowercase_word(span.key) ||
        demonyms().contains(span.key) || Gazetteer::instance().place_kinds(span.key) != 0) {
      continue;
    }
    span.type = EntityType::kPerson;
  }
}

// "The Aviator": a name written after a capitalised "The" that, with it, is a title of
// the known list of works (the tagger leaves "The" out of the name).
bool is_known_work_after_the(std::string_view before, const Span& span) {
  if (before != "The") return false;
  const KnownEntity* known = KnownEntities::shipped().find(entity_key("The " + span.display));
  return known != nullptr && known->type == EntityType::kMisc;
}

// Films, books, albums and shows are no entity, and a band is an organisation: a name
// the article also writes right after a word for such a work ("the film Vera Drake",
// "the band Franz Ferdinand") or as a known title ("The Aviator"), or before a word
// only a work has ("Vera Drake star Imelda Staunton"; not a place or a club's "star"),
// is that, in every mention.
void drop_works(std::string_view text, const std::vector<Token>& tokens, std::vector<Span>& spans) {
  constexpr std::array<std::string_view, 18> kWorkBefore = {
      "film",  "movie",  "album",       "novel",  "musical", "sitcom",
      "drama", "comedy", "thriller",    "biopic", "opera",   "documentary",
      "films", "movies", "blockbuster", "book",   "cartoon", "soap"};
  constexpr std::array<std::string_view, 5> kWorkAfter = {"star", "stars", "co-star", "sequel",
                                                          "soundtrack"};
  std::unordered_set<std::string> works, bands;
  std::size_t at = 0;  // the first token of the span, then the one after it
  for (const Span& span : spans) {
    while (at < tokens.size() && tokens[at].begin < span.begin) ++at;
    if (span.known) continue;
    std::string_view before = at > 0 ? tokens[at - 1].text(text) : std::string_view();
    std::size_t after = at;
    while (after < tokens.size() && tokens[after].begin < span.end) ++after;
    std::string_view next = after < tokens.size() ? tokens[after].text(text) : std::string_view();
    if (is_one_of_lower(std::array<std::string_view, 1>{"band"}, before)) {
      bands.insert(span.key);
    } else if (is_one_of_lower(kWorkBefore, before) || is_known_work_after_the(before, span) ||
               (is_one_of_lower(kWorkAfter, next) && !span.team_context &&
                place_kinds_of(span.display) == 0)) {
      works.insert(span.key);
    }
  }
  std::erase_if(spans, [&](const Span& span) { return !span.known && works.contains(span.key); });
  for (Span& span : spans) {
    if (!span.known && bands.contains(span.key)) span.type = EntityType::kOrganization;
  }
}

// Fills each span's words and key id, and returns the ids by key. The spans must not
// move afterwards: both hold views into their keys.
std::unordered_map<std::string_view, std::size_t> number_keys(std::vector<Span>& spans) {
  std::unordered_map<std::string_view, std::size_t> ids;
  for (Span& span : spans) {
    span.words = split_words(span.key);
    span.key_id = ids.emplace(span.key, ids.size()).first->second;
  }
  return ids;
}

// Whether `text` has a byte outside ASCII: a letter with a diacritic, in UTF-8.
bool has_non_ascii(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Headline and dateline capitals get the article's own spelling of the name, else the
// gazetteer's, else title case. The gazetteer's spelling adds no accent the text did not
// write: "LOS ANGELES" is Los Angeles, not the Spanish "Los Ángeles" of the city list.
void fix_capitals(std::vector<Span>& spans, std::size_t key_count) {
  std::vector<const std::string*> written(key_count, nullptr);  // a spelling not in capitals
  for (const Span& span : spans) {
    if (!span.shouting && written[span.key_id] == nullptr) written[span.key_id] = &span.display;
  }
  for (Span& span : spans) {
    if (!span.shouting) continue;
    if (const std::string* own = written[span.key_id]; own != nullptr) {
      span.display = *own;
    } else if (std::string_view spelling = Gazetteer::instance().place_spelling(span.display);
               !spelling.empty()) {
      span.display = has_non_ascii(spelling) && !has_non_ascii(span.display)
                         ? fold_accents(spelling)
                         : std::string(spelling);
    } else {
      span.display = title_case(span.display);
    }
  }
}

// The names (by key id) that are an organisation's short name in this article:
// "Mavericks" where the article names the Dallas Mavericks, a known organisation, and
// "Vertex" where it names "Vertex Pharmaceuticals".
std::vector<bool> names_short_for_an_org(
    const std::vector<Span>& spans,
    const std::unordered_map<std::string_view, std::size_t>& key_ids) {
  std::vector<bool> short_for_org(key_ids.size(), false);
  // "Mavericks" where the article names the Dallas Mavericks: a one-word name that ends
  // the name of a known organisation of the same article is that organisation, whatever
  // the tagger made of it (it then becomes that name's alias). Not the place a body is
  // "of" (England beside the Bank of England), nor a country, state or region.
  for (const Span& span : spans) {
    if (!span.known || span.type != EntityType::kOrganization || span.words.size() < 2 ||
        span.words[span.words.size() - 2] == "of" ||
        (Gazetteer::instance().place_kinds(span.words.back()) & kLargerPlace) != 0) {
      continue;
    }
    if (auto alone = key_ids.find(span.words.back()); alone != key_ids.end()) {
      short_for_org[alone->second] = true;
    }
  }
  // "Vertex" where the article names "Vertex Pharmaceuticals": a one-word name that
  // starts a company's name of the same article, the rest of it company heads, is that
  // company too. Not a country, state or region ("Jordan" of "Jordan Airlines").
  for (const Span& span : spans) {
    if (span.type != EntityType::kOrganization || span.words.size() < 2 ||
        (Gazetteer::instance().place_kinds(span.words.front()) & kLargerPlace) != 0 ||
        !std::all_of(span.words.begin() + 1, span.words.end(),
                     [](std::string_view word) { return is_one_of(kCompanyHeads, word); })) {
      continue;
    }
    if (auto alone = key_ids.find(span.words.front()); alone != key_ids.end()) {
      short_for_org[alone->second] = true;
    }
  }
  return short_for_org;
}

// One type per name within the article: a name tagged as a person anywhere is a person
// everywhere; otherwise the most frequent type wins, the earliest on a tie. Known
// entities keep the type the list gives them.
void make_types_consistent(std::vector<Span>& spans,
                           const std::unordered_map<std::string_view, std::size_t>& key_ids) {
  std::vector<std::array<int, 4>> votes(key_ids.size(), std::array<int, 4>{});
  std::vector<EntityType> first_type(key_ids.size());
  std::vector<bool> typed(key_ids.size(), false);
  for (const Span& span : spans) {
    ++votes[span.key_id][static_cast<int>(span.type)];
    if (!typed[span.key_id]) first_type[span.key_id] = span.type;
    typed[span.key_id] = true;
  }
  // "Jordan Pickford" tagged as a place while "Pickford" alone is a person: a name that
  // starts with a given name and ends with a person's name is that person.
  for (Span& span : spans) {
    if (span.known || span.dateline) continue;  // its type is fixed
    if (span.type == EntityType::kPerson || span.words.size() < 2) continue;
    auto alone = key_ids.find(span.words.back());
    bool person_alone =
        alone != key_ids.end() && votes[alone->second][static_cast<int>(EntityType::kPerson)] > 0;
    if (person_alone && Gazetteer::instance().is_given_name(span.words.front())) {
      --votes[span.key_id][static_cast<int>(span.type)];
      span.type = EntityType::kPerson;
      ++votes[span.key_id][static_cast<int>(span.type)];
    }
  }
  // "Blinken" tagged as an organisation where "Antony Blinken" is a person: a one-word
  // name that ends a person's full name is that person, unless it is a country, state
  // or region ("Jordan"); a town is no bar ("trust in Blair" where Tony Blair is meant).
  std::vector<std::string_view> surnames;
  for (const Span& span : spans) {
    if (span.type == EntityType::kPerson && span.words.size() > 1) {
      surnames.push_back(span.words.back());
    }
  }
  for (Span& span : spans) {
    if (span.known || span.dateline) continue;  // its type is fixed
    if (span.type == EntityType::kPerson || span.key.find(' ') != std::string::npos ||
        std::find(surnames.begin(), surnames.end(), span.key) == surnames.end() ||
        (Gazetteer::instance().place_kinds(span.key) & kLargerPlace) != 0) {
      continue;
    }
    --votes[span.key_id][static_cast<int>(span.type)];
    span.type = EntityType::kPerson;
    ++votes[span.key_id][static_cast<int>(span.type)];
  }
  // A one-word "person" or town that the article also calls a team ("Chelsea boss Jose
  // Mourinho") is the team: a given name is no one's whole name.
  std::vector<bool> team(key_ids.size(), false);
  for (const Span& span : spans) {
    if (span.team_context && span.words.size() == 1) team[span.key_id] = true;
  }
  const std::vector<bool> short_for_org = names_short_for_an_org(spans, key_ids);
  constexpr int kPerson = static_cast<int>(EntityType::kPerson);
  for (Span& span : spans) {
    if (span.known || span.dateline) continue;  // its type is fixed
    const auto& count = votes[span.key_id];
    if (short_for_org[span.key_id] ||
        (team[span.key_id] && (count[kPerson] > 0 || is_city_or_unknown_place(span)))) {
      span.type = EntityType::kOrganization;
      continue;
    }
    int best = count[kPerson] > 0 ? kPerson : static_cast<int>(first_type[span.key_id]);
    for (int type = 0; type < 4 && best != kPerson; ++type) {
      if (count[type] > count[best]) best = type;
    }
    span.type = static_cast<EntityType>(best);
  }
}

// The spans that name entities (not kMisc), longest names first, so that a short
// mention finds the full name it shortens; stable, so in text order otherwise.
std::vector<std::size_t> longest_names_first(const std::vector<Span>& spans) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (spans[i].type != EntityType::kMisc) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return spans[a].words.size() > spans[b].words.size();
  });
  return order;
}

// The entity found so far whose name `span` shortens ("Netanyahu" -> "Benjamin
// Netanyahu", "Commission" -> "European Commission", "EU" -> "European Union"): the
// candidate with the most mentions so far, the first on a tie; entities.size() when none.
std::size_t entity_shortened_by(const Span& span, const std::vector<ExtractedEntity>& entities,
                                const std::vector<const Span*>& canonical_span) {
  std::size_t entity = entities.size();
  for (std::size_t e = 0; e < entities.size(); ++e) {
    const Span& full = *canonical_span[e];
    if (full.type != span.type) continue;
    bool shortens = is_affix(span.words, full.words) ||
                    (span.type == EntityType::kOrganization && span.words.size() == 1 &&
                     is_acronym_of(span.display, full.words));
    if (shortens &&
        (entity == entities.size() || entities[e].mention_count > entities[entity].mention_count)) {
      entity = e;
    }
  }
  return entity;
}

// Resolves the spans into `entities`, which starts empty, with their mention counts and
// first mentions but no aliases yet, and returns each span's entity (0 for kMisc spans,
// which have none). Spans of one key and type are one entity; a span whose key is new
// joins the entity it shortens, unless it is a place or a known entity.
std::vector<std::size_t> resolve_entities(const std::vector<Span>& spans, std::size_t key_count,
                                          std::vector<ExtractedEntity>& entities) {
  std::vector<const Span*> canonical_span;  // per entity: the span giving its name
  // By type and key id: 4 * key id + type.
  constexpr std::size_t kNoEntity = ~std::size_t{0};
  std::vector<std::size_t> entity_of_key(4 * key_count, kNoEntity);
  std::vector<std::size_t> entity_of_span(spans.size(), 0);
  for (std::size_t index : longest_names_first(spans)) {
    const Span& span = spans[index];
    std::size_t& known = entity_of_key[4 * span.key_id + static_cast<std::size_t>(span.type)];
    std::size_t entity = entities.size();
    if (known != kNoEntity) {
      entity = known;
    } else if (span.type != EntityType::kPlace && !span.known) {
      entity = entity_shortened_by(span, entities, canonical_span);
    }
    if (entity == entities.size()) {
      entities.push_back({span.type, span.display, {}, 0, span.begin});
      canonical_span.push_back(&span);
    }
    if (known == kNoEntity) known = entity;
    entity_of_span[index] = entity;
    ExtractedEntity& target = entities[entity];
    ++target.mention_count;
    target.first_mention = std::min(target.first_mention, span.begin);
  }
  return entity_of_span;
}

// Each form the spans write an entity in, other than its name, becomes an alias, once, in
// order of appearance; a known entity's form is as written ("U.S.").
void add_aliases(const std::vector<Span>& spans, const std::vector<std::size_t>& entity_of_span,
                 std::vector<ExtractedEntity>& entities) {
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (spans[i].type == EntityType::kMisc) continue;
    ExtractedEntity& entity = entities[entity_of_span[i]];
    const std::string& display = spans[i].known ? spans[i].written : spans[i].display;
    if (display != entity.name &&
        std::find(entity.aliases.begin(), entity.aliases.end(), display) == entity.aliases.end()) {
      entity.aliases.push_back(display);
    }
  }
}

// Sorts the entities most mentioned first, the first mentioned first on a tie, and
// returns the new index of each by its old one.
std::vector<std::size_t> sort_by_mentions(std::vector<ExtractedEntity>& entities) {
  std::vector<std::size_t> rank(entities.size());
  for (std::size_t e = 0; e < rank.size(); ++e) rank[e] = e;
  std::stable_sort(rank.begin(), rank.end(), [&](std::size_t a, std::size_t b) {
    const ExtractedEntity &x = entities[a], &y = entities[b];
    if (x.mention_count != y.mention_count) return x.mention_count > y.mention_count;
    return x.first_mention < y.first_mention;
  });
  std::vector<std::size_t> new_index(rank.size());
  std::vector<ExtractedEntity> sorted;
  for (std::size_t r = 0; r < rank.size(); ++r) {
    new_index[rank[r]] = r;
    sorted.push_back(std::move(entities[rank[r]]));
  }
  entities = std::move(sorted);
  return new_index;
}

// Buildings, grounds and streets are places whatever the tagger thought: "Elysee
// Palace" is no person, and "Rod Laver Arena", which the tagger cut into a place "Rod"
// and a person "Laver Arena", is one place. A name of one of these is joined to the name
// just before it, one space away.
void retype_buildings(std::string_view text, std::vector<Span>& spans) {
  constexpr std::array<std::string_view, 14> kBuildingHeads = {
      "palace", "arena",   "stadium", "airport", "castle", "cathedral", "abbey",
      "square", "station", "tower",   "bridge",  "street", "avenue",    "bay"};
  // Seas, rivers and streets are places even where the tagger took them for a body
  // ("Dead Sea", "Madeira River", "Fifth Avenue"); a palace or a tower may be a club or a
  // firm ("Crystal Palace"), and a bay a team ("Tampa Bay"), so these are retyped from
  // people only.
  constexpr std::array<std::string_view, 15> kFeatureHeads = {
      "sea",       "ocean",  "river", "lake", "strait",    "island", "islands", "valley",
      "mountains", "desert", "canal", "gulf", "peninsula", "street", "avenue"};
  for (std::size_t i = 0; i < spans.size(); ++i) {
    Span& span = spans[i];
    if (span.known || span.type == EntityType::kPlace) continue;
    std::size_t last_space = span.display.rfind(' ');
    if (last_space == std::string::npos) continue;
    std::string_view head = std::string_view(span.display).substr(last_space + 1);
    bool building = span.type == EntityType::kPerson && is_one_of_lower(kBuildingHeads, head);
    // "Lake" is also a family name ("Mike Lake"): a person ending with it stays one.
    bool feature = is_one_of_lower(kFeatureHeads, head) &&
                   !(span.type == EntityType::kPerson && iequals_ascii(head, "lake"));
    if (!building && !feature) continue;
    span.type = EntityType::kPlace;
    if (i == 0) continue;
    Span& before = spans[i - 1];
    if (before.known || before.end + 1 != span.begin || text[before.end] != ' ') continue;
    before.display += " " + span.display;
    before.key = entity_key(before.display);
    before.end = span.end;
    before.type = EntityType::kPlace;
    spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(i));
    --i;
  }
}

// "D Seaman", "L. Dixon": an initial and a capitalised word is a person (line-ups, scorer
// lists and bylines write players so), whatever the tagger made of it in a list of
// teams. The word must be a family name, or one news never writes in lower case ("Q
// Magazine" stays). Not an abbreviated country, state or region ("N Ireland"), a
// nationality ("S. Korean"), nor a name after a one-letter article ("O Globo", "A Bola").
// A lone initial left as a name of its own ("D" of "D dal Maso") goes.
void retype_initial_and_family_name(std::vector<Span>& spans) {
  std::erase_if(spans, [](const Span& span) {
    return !span.known && span.type != EntityType::kPerson && is_initial(span.display);
  });
  for (Span& span : spans) {
    if (span.known || span.dateline || span.type == EntityType::kPerson) continue;
    const std::size_t space = span.display.find(' ');
    if (space == std::string::npos || span.display.find(' ', space + 1) != std::string::npos) {
      continue;
    }
    const std::string_view initial = std::string_view(span.display).substr(0, space);
    const std::string_view family = std::string_view(span.display).substr(space + 1);
    if (!is_initial(initial) || initial[0] == 'A' || initial[0] == 'I' || initial[0] == 'O') {
      continue;
    }
    const bool capitalised_word = family.size() > 1 && family[0] >= 'A' && family[0] <= 'Z' &&
                                  std::all_of(family.begin() + 1, family.end(), [](char c) {
                                    return (c >= 'a' && c <= 'z') || c == '\'' || c == '-';
                                  });
    const std::string key = entity_key(family);
    if (!capitalised_word || demonyms().contains(key) ||
        (is_lowercase_word(key) && !Gazetteer::instance().is_family_name(family)) ||
        (Gazetteer::instance().place_kinds(family) & kLargerPlace) != 0) {
      continue;
    }
    span.type = EntityType::kPerson;
  }
}

// "North Field West": the tagger reads a compass word as a place and the words after it as
// a person. No one's name follows a bare compass word: the two are one place (an oil
// field, a district), where only a space stands between them.
void join_compass_word_and_person(std::string_view text, std::vector<Span>& spans) {
  constexpr std::array<std::string_view, 4> kCompass = {"North", "South", "East", "West"};
  for (std::size_t i = 1; i < spans.size(); ++i) {
    Span& before = spans[i - 1];
    const Span& person = spans[i];
    if (person.type != EntityType::kPerson || before.known || person.known ||
        !is_one_of(kCompass, before.display) || person.begin != before.end + 1 ||
        text[before.end] != ' ') {
      continue;
    }
    before.end = person.end;
    before.display += " " + person.display;
    before.key = entity_key(before.display);
    before.type = EntityType::kPlace;
    spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(i));
    --i;
  }
}

}  // namespace

EntityExtractor::EntityExtractor(const TaggerModel& model) : model_(&model) {}

Extraction EntityExtractor::extract(std::string_view text) const {
  std::vector<Token> tokens = tokenize(text);
  std::vector<Span> spans = collect_spans(text, tokens, tag_tokens(*model_, text, tokens));
  add_dateline_place(text, tokens, spans);
  drop_unbacked_heading_names(text, tokens, spans);
  drop_common_words_as_names(text, tokens, spans);
  drop_role_before_common_word(spans);
  drop_fields_of_prizes(text, spans);
  drop_words_of_known_things(text, tokens, spans);
  mark_team_context(text, tokens, spans);
  type_heads_of_administrations(text, tokens, spans);
  drop_works(text, tokens, spans);
  retype_buildings(text, spans);
  split_person_of(text, spans);
  retype_initial_and_family_name(spans);
  join_compass_word_and_person(text, spans);
  const std::unordered_map<std::string_view, std::size_t> key_ids = number_keys(spans);
  fix_capitals(spans, key_ids.size());
  make_types_consistent(spans, key_ids);

  Extraction result;
  const std::vector<std::size_t> entity_of_span =
      resolve_entities(spans, key_ids.size(), result.entities);
  add_aliases(spans, entity_of_span, result.entities);
  const std::vector<std::size_t> new_index = sort_by_mentions(result.entities);
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (spans[i].type == EntityType::kMisc) continue;
    result.mentions.push_back(
        {spans[i].type, spans[i].begin, spans[i].end, new_index[entity_of_span[i]]});
  }
  return result;
}

std::string analysis_text(const Article& article) { return article.title + "\n\n" + article.body; }

void fill_entities(const Extraction& extraction, ArticleEntities& entities) {
  for (const ExtractedEntity& entity : extraction.entities) {
    std::vector<std::string>* names = nullptr;
    std::vector<std::string>* aliases = nullptr;
    switch (entity.type) {
      case EntityType::kPerson:
        names = &entities.people, aliases = &entities.people_aliases;
        break;
      case EntityType::kPlace:
        names = &entities.places, aliases = &entities.place_aliases;
        break;
      case EntityType::kOrganization:
        names = &entities.organizations, aliases = &entities.organization_aliases;
        break;
      case EntityType::kMisc:
        continue;
    }
    // Two entities may share a display name after capital fixing; list it once.
    if (std::find(names->begin(), names->end(), entity.name) == names->end()) {
      names->push_back(entity.name);
    }
    // An alias whose words run inside the canonical name ("Netanyahu" in "Benjamin
    // Netanyahu") is already found through it; only aliases with words of their own
    // ("EU" for "European Union") are worth indexing.
    std::string canonical = padded(entity_key(entity.name));
    for (const std::string& alias : entity.aliases) {
      if (canonical.find(padded(entity_key(alias))) == std::string::npos) aliases->push_back(alias);
    }
  }
}

}  // namespace newsdex
