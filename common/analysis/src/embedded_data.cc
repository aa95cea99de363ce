#include "newsdex/embedded_data.h"

// The assembler's .incbin copies each file into .rodata at build time; CMake passes the
// absolute data folder as NEWSDEX_DATA_DIR and makes this file depend on the data files.
#define NEWSDEX_EMBED(symbol, file)                                                   \
  asm(".section .rodata\n"                                                            \
      ".balign 16\n"                                                                  \
      ".global " #symbol "_begin\n" #symbol                                           \
      "_begin:\n"                                                                     \
      ".incbin \"" NEWSDEX_DATA_DIR "/" file                                          \
      "\"\n"                                                                          \
      ".global " #symbol "_end\n" #symbol                                             \
      "_end:\n"                                                                       \
      ".byte 0\n"                                                                     \
      ".previous\n");                                                                 \
  extern "C" const char symbol##_begin[];                                             \
  extern "C" const char symbol##_end[];                                               \
  namespace newsdex::embedded {                                                       \
  static std::string_view symbol##_view() {                                           \
    return std::string_view(symbol##_begin,                                           \
                            static_cast<std::size_t>(symbol##_end - symbol##_begin)); \
  }                                                                                   \
  }

NEWSDEX_EMBED(newsdex_places, "places.tsv")
NEWSDEX_EMBED(newsdex_given_names, "given_names.txt")
NEWSDEX_EMBED(newsdex_family_names, "family_names.txt")
NEWSDEX_EMBED(newsdex_ner_model, "ner_model.bin")
NEWSDEX_EMBED(newsdex_background_df, "background_df.tsv")
NEWSDEX_EMBED(newsdex_aliases, "aliases.tsv")
NEWSDEX_EMBED(newsdex_known_entities, "known_entities.tsv")
NEWSDEX_EMBED(newsdex_demonyms, "demonyms.txt")
NEWSDEX_EMBED(newsdex_works, "works.tsv")
NEWSDEX_EMBED(newsdex_lowercase_words, "lowercase_words.txt")

namespace newsdex::embedded {

std::string_view places() { return newsdex_places_view(); }
std::string_view given_names() { return newsdex_given_names_view(); }
std::string_view family_names() { return newsdex_family_names_view(); }
std::string_view ner_model() { return newsdex_ner_model_view(); }
std::string_view background_df() { return newsdex_background_df_view(); }
std::string_view aliases() { return newsdex_aliases_view(); }
std::string_view known_entities() { return newsdex_known_entities_view(); }
std::string_view demonyms() { return newsdex_demonyms_view(); }
std::string_view works() { return newsdex_works_view(); }
std::string_view lowercase_words() { return newsdex_lowercase_words_view(); }

}  // namespace newsdex::embedded
