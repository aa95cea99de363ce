#include "newsdex/article_analyzer.h"

#include <thread>

#include "newsdex/embedded_data.h"
#include "newsdex/fingerprint.h"
#include "newsdex/gazetteer.h"
#include "newsdex/hashing.h"

namespace newsdex {
namespace {

// Raised when a change to the extraction or cleaning rules changes what articles
// already indexed would get (the data files are hashed, the code is not).
// 2: known entities; 3: names joined by "and"; 4: titles; 5: heads of bodies; 6: agency
// desks; 7: roles inside bodies; 8: no "and" at a name's end; 9: places ending with a
// body's head; 10: a named body "of" a place; 11: days beside names; 12: city papers,
// company heads; 13: events after their sponsor or city; 14: "Chelsea boss"; 15: middle
// initials; 16: clubs by town and short name; 17: events by their kind; 18: title-case
// headings need evidence, runs ending with a body's head; 19: a run split inside a known
// name; 20: a surname that is a town; 21: a one-word title is a heading; 22: free text
// by the stock TermGenerator (words with ß or æ had twice their wdf, and paragraphs with
// an emoji or CJK no accent-free forms); 23: the section is no longer a topic; 24:
// nationality words, honorifics and ranks are not part of a person's name; 25: films,
// books and shows are no entity, a band is an organisation; 26: a title-case heading's
// tags steer no body word, a word at a sentence's start backs no heading name, and
// "The" before a name makes a known title of it ("The Aviator"), buildings and grounds
// are places, parties by their members' plural are organisations, a known team's short
// name is the team; 27: common words, fragments, ranks, laws and fictional characters
// are no names, a person "of" a body is two names; 28: an initial and a family name is a
// person (line-ups), a lone initial is no name; 29: a table row's column codes after a
// name are not part of it ("Kestrel Mining YR EPS"); 30: the rows of a table give no
// topics; 31: a compass word and a person after it are one place ("North Field West");
// 32: a party "of" its leader is two names, a company "of" its city too, two person
// runs one space apart are one person, a figure is no person or place, seas, rivers
// and streets are places, a firm's first word alone is the firm, a name before
// "teammate", "driver", "captain" or "keeper" is a team, one word before
// "administration" is a person ("the Biden administration"); known entities gain
// parliaments (Congress, Lok Sabha), awards, time zones and El Niño; a name in capitals
// gains no accent from the gazetteer ("LOS ANGELES" is Los Angeles), the field of a prize
// is no name ("the Nobel Prize in Chemistry").
constexpr int kAnalysisRulesVersion = 32;

}  // namespace

std::string analysis_digest(const AnalysisOptions& options) {
  static const std::uint64_t data = [] {
    // The near-duplicate fingerprint's kind: an index of SimHash fingerprints (before
    // MinHash) is analysed again, so that its groups are worked out with one kind.
    std::string all = "rules " + std::to_string(kAnalysisRulesVersion) + " minhash " +
                      std::to_string(kMinHashes) + "x16";
    for (std::string_view file :
         {embedded::places(), embedded::given_names(), embedded::family_names(),
          embedded::ner_model(), embedded::background_df(), embedded::aliases(),
          embedded::known_entities(), embedded::demonyms(), embedded::works()}) {
      all += std::to_string(fnv1a_64(file)) + " ";
    }
    return fnv1a_64(all);
  }();
  return hex64(fnv1a_64(std::to_string(data) + (options.entities ? " e" : " -")));
}

void preload_analysis_data() {
  std::thread gazetteer([] { Gazetteer::instance(); });
  std::thread model([] { TaggerModel::embedded(); });
  BackgroundFrequencies::embedded();
  gazetteer.join();
  model.join();
}

ArticleAnalyzer::ArticleAnalyzer(AnalysisOptions options) : options_(options) {}

Extraction ArticleAnalyzer::analyze(Article& article) const {
  Extraction extraction;
  article.entities = {};
  if (options_.entities) {
    extraction = extractor_.extract(analysis_text(article));
    fill_entities(extraction, article.entities);
    // Names are facets of their own; as topics they would only repeat them.
    std::vector<std::string> names;
    for (FieldSource source :
         {FieldSource::kPeople, FieldSource::kPlaces, FieldSource::kOrganizations}) {
      const auto& canonical = *article.entities.list_for(source);
      const auto& aliases = *article.entities.aliases_for(source);
      names.insert(names.end(), canonical.begin(), canonical.end());
      names.insert(names.end(), aliases.begin(), aliases.end());
    }
    article.entities.topics = topics_.extract(article.title, article.clean, names, kKeyPhrases);
  }
  // The section is no topic: it has a field of its own (section:) and is shown on each
  // hit; as a topic it filled the topic facet ("politics" on every politics article).
  return extraction;
}

}  // namespace newsdex
