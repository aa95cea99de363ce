// Data files of common/data/, compiled into the library (see embedded_data.cc), so the
// tools need nothing beside their binary at run time. Each is a view of the file's bytes.
#pragma once

#include <string_view>

namespace newsdex::embedded {

std::string_view places();           // places.tsv: gazetteer of countries, subdivisions, cities
std::string_view given_names();      // given_names.txt: one given name per line
std::string_view family_names();     // family_names.txt: one family name per line
std::string_view ner_model();        // ner_model.bin: the entity tagger's weights
std::string_view background_df();    // background_df.tsv: word document frequencies for topics
std::string_view aliases();          // aliases.tsv: news abbreviations and their other forms
std::string_view known_entities();   // known_entities.tsv: names of a fixed class and name
std::string_view demonyms();         // demonyms.txt: nationality words ("Cuban", "Swede")
std::string_view works();            // works.tsv: film titles, "none" lines of known entities
std::string_view lowercase_words();  // lowercase_words.txt: words news writes in lower case

}  // namespace newsdex::embedded
