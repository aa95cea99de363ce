// The one table of fields that the indexer and the query parser both read, the value
// slots, and the analyzer settings written to every index. Changing any of these changes
// the file format: bump kSchemaVersion.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex {

// Version of the on-disk schema (terms, prefixes, slots, data layout). Written to the
// index metadata; the search tool refuses an index built with another version.
// 5: an article without a date of its own has no kSlotDay/kSlotTimestamp (no longer its
// file's mtime), and date_source names "path-year" and "mtime-year"; learnt-residue
// terms are counted per source at article edges (kResidueLinePrefix, kResidueSourcePrefix).
// 6: accented words are indexed without their accents too (fold_accents), section names
// are lower-cased, near-duplicate keys are the smallest fingerprint of their group.
inline constexpr int kSchemaVersion = 6;

// Analyzer settings; written to metadata so a reader can tell they match.
inline constexpr std::string_view kStemLanguage = "english";

// Metadata keys (Xapian user metadata) of every newsdex index.
inline constexpr std::string_view kMetaSchemaVersion = "newsdex.schema_version";
inline constexpr std::string_view kMetaStemLanguage = "newsdex.stem_language";
// JSON counts of the last indexer run: finished (UTC), added, updated, unchanged,
// deleted, skipped, interrupted.
inline constexpr std::string_view kMetaLastRun = "newsdex.last_run";
// analysis_digest() of the analysis every article was made with (article_analyzer.h):
// a run with another one analyses every article again.
inline constexpr std::string_view kMetaAnalysis = "newsdex.analysis";
// JSON: what the last run skipped, by path, with each file's size and mtime, so that an
// unchanged file is not read again and its skip is not new (indexer/skip_memory.h).
inline constexpr std::string_view kMetaSkips = "newsdex.skips";
// "current" once the spelling dictionary and synonyms match the documents; anything
// else (an older index, a run stopped early) makes the next run rebuild them.
inline constexpr std::string_view kMetaSearchAids = "newsdex.search_aids";
inline constexpr std::string_view kSearchAidsCurrent = "current";
// What the synonym table was written from besides the documents (synonym_source() of
// the indexer): a table from other rules or another shipped alias list is written again.
inline constexpr std::string_view kMetaSynonymSource = "newsdex.synonym_source";
// kDuplicateGroupsComponents once every article's near-duplicate key is the one of its
// connected component (indexer/duplicate_clusters.h); an index written before that
// rule has its groups worked out afresh by the next run that changes it.
inline constexpr std::string_view kMetaDuplicateGroups = "newsdex.duplicate_groups";
inline constexpr std::string_view kDuplicateGroupsComponents = "components";
// Names the whole index resolves to another canonical name (newsdex/corpus_aliases.h),
// one "facet<TAB>alias<TAB>canonical" line each: written by every indexer run that
// rewrites the synonyms, read by the search tool for what it shows, counts and finds.
inline constexpr std::string_view kMetaCorpusAliases = "newsdex.corpus_aliases";

// What a field's values become in the index.
enum class FieldKind {
  kFreeText,  // words: stemmed, positional, weighted; queried with add_prefix()
  kBoolean,   // one exact term per value: filters and facets; add_boolean_prefix()
};

// Which part of an article a field is filled from (see DocumentBuilder).
enum class FieldSource {
  kId,
  kTitle,
  kBody,
  kSection,
  kPeople,         // canonical names of the people an article is about
  kPlaces,         // ... places
  kOrganizations,  // ... organisations
  kTopics,         // key phrases, and the section
  kNewsSource,     // the site or agency: metadata, url host, else the top folder
  kResidueLines,   // short lines of the raw text, counted to learn residue (see below)
  kAuthor,         // the byline or the metadata's author
  kUrl,            // the article's URL, from metadata
};

struct Field {
  std::string_view name;    // the name users type in queries ("title:"); "" = none
  std::string_view prefix;  // Xapian term prefix, Omega conventions
  FieldKind kind;
  FieldSource source;
  // For free text: within-document frequency added per occurrence with the prefix.
  unsigned wdf = 1;
  // For free text: also index the words without prefix with this wdf, so that plain
  // queries find them too (0 = not). Titles weigh more than body words this way.
  unsigned unprefixed_wdf = 0;
  // For boolean fields: values are lower-cased (ASCII) in terms and queries alike.
  bool fold_case = false;
};

// All fields, in the order the document builder applies them.
std::span<const Field> schema_fields();

// The field with this query name; throws std::out_of_range for an unknown name.
const Field& field_by_name(std::string_view name);

// The query field of dates ("date:2024-05", "date:last-7-days"): not a field of the
// table, its values are parsed into a range of the date slot.
inline constexpr std::string_view kDateFieldName = "date";

// Whether the query field named `name` takes an exact value, not words: a boolean field,
// or date:. Such values are neither spelling-corrected nor accent-folded.
bool field_takes_exact_value(std::string_view name);

// Value slots are part of the file format: never renumber, only append.
enum ValueSlot : Xapian::valueno {
  kSlotMtime = 0,        // sortable_serialise(file mtime in seconds since the epoch, fractional)
  kSlotSize = 1,         // sortable_serialise(file size in bytes)
  kSlotContentHash = 2,  // content_hash() of the file's bytes: 16 lower-case hex digits
  // The id of the file an article came from, only when the file holds several articles
  // (JSON dumps): the article id is then the file id plus a suffix (":12", "#3").
  kSlotFile = 3,
  // The article's date as "YYYYMMDD" (UTC): date: range filters. Absent when the article
  // has no date of its own, as is kSlotTimestamp.
  kSlotDay = 4,
  kSlotTimestamp = 5,     // sortable_serialise(the article's date, seconds since the epoch)
  kSlotFingerprint = 6,   // fingerprint_bytes(text_fingerprint(body)); absent without words
  kSlotDuplicateKey = 7,  // the same for near-duplicate stories: the collapse key
  // The article's unique id term ("Q" + id), written by the builder, so that a run reads
  // every document's id in one value stream instead of one posting list per id.
  kSlotIdTerm = 8,
  // Facet values: each facet owns kFacetSlots consecutive slots from its first_slot
  // (see schema_facets()), holding the canonical names (UTF-8, as is) of the article's
  // most frequent values, one per slot, so Xapian's stock ValueCountMatchSpy counts them.
  kSlotFacetsBegin = 10,
  // All facet values of the article in one value (newsdex/facet_pack.h): what local
  // searches count. Follows the facet slots (kSlotFacetsBegin + 4 * kFacetSlots).
  kSlotFacetPack = 58,
};

// Facets: entity lists counted over all matches of a query.
inline constexpr unsigned kFacetSlots = 12;  // values per article and facet, most frequent first

struct Facet {
  std::string_view name;         // JSON key and heading: "people"
  std::string_view query_field;  // query name that narrows to a value: person:"..."
  FieldSource source;
  Xapian::valueno first_slot;
};

std::span<const Facet> schema_facets();

// Term for a boolean field value, following Omega and Xapian's QueryParser: a prefix
// longer than one character gets a ':' before a value that starts with an upper-case
// letter or ':' so that the two stay separable.
// Folds case first for fields with fold_case. A value too long for a Xapian term keeps
// a readable start and ends in '#' and a hash of the whole value (see kMaxTermBytes).
std::string boolean_term(const Field& field, std::string_view value);
// The value of `term`, a boolean term of `field`: boolean_term() read back, its prefix and
// ':' removed (a value boolean_term() cut and hashed comes back as so cut).
std::string boolean_term_value(const Field& field, std::string_view term);

// The longest term newsdex writes: Xapian rejects terms over 245 bytes. Terms built from
// an article's values are cut and hashed to fit; other keys (spellings, synonyms) that
// would not fit are left out.
inline constexpr std::size_t kMaxTermBytes = 240;

// The unique id term ("Q...") of an article id. Ids too long for a Xapian term
// (245 bytes) are shortened and made unique with a hash of the whole id.
std::string id_term(std::string_view article_id);

// The stemmer and strategy used at index and query time alike.
Xapian::Stem make_stemmer();
// Learnt residue: one boolean term per learnable line at an article's edges (prefix + 16
// hex digits of residue_source_key() + 16 of residue_line_key()), and one per article
// naming its source (kResidueSourcePrefix + 16 hex digits of residue_source_key()). Their
// term frequencies are the counts residue is learnt from (indexer/residue_learning.h).
inline constexpr std::string_view kResidueLinePrefix = "XLINE";
inline constexpr std::string_view kResidueSourcePrefix = "XLSRC";
// Near-duplicate groups: one boolean term per article, prefix + its kSlotDuplicateKey
// value (set_duplicate_key), so that a hit's copies matching a query are counted
// exactly by a filter on that term.
inline constexpr std::string_view kDuplicateKeyPrefix = "XDUP";

inline constexpr Xapian::TermGenerator::stem_strategy kIndexStemStrategy =
    Xapian::TermGenerator::STEM_SOME;
inline constexpr Xapian::QueryParser::stem_strategy kQueryStemStrategy =
    Xapian::QueryParser::STEM_SOME;

// Writes the schema version and analyzer settings to a new index, or checks those of an
// existing one. Throws IndexError when they differ or the database is not a newsdex
// index (an empty database counts as new).
void write_schema_metadata(Xapian::WritableDatabase& db);
void check_schema_metadata(const Xapian::Database& db, const std::string& db_path);

}  // namespace newsdex
