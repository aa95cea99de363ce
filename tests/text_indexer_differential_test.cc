// Differential test of the document builder's own word splitter (DocumentBuilder's
// TextIndexer, a port of Xapian's TermGenerator in document_builder.cc) against the stock
// Xapian::TermGenerator it claims to index exactly like. Through the public API only: the
// free-text terms of DocumentBuilder::build() (words with their wdf and full position
// lists, and the Z-prefixed stems) must be those of a TermGenerator with the schema's
// stemmer and stemming strategy, fed the same title and blocks with the same wdf and the
// same gaps, plus the one documented departure: for each accented word, its
// fold_accents() form at the same positions, and that form's stem. Nothing else.
// Inputs: a table of tricky text, every .txt of sample-corpus/, and the BBC corpus when
// NEWSDEX_BBC_CORPUS names it (skipped otherwise).
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "newsdex/schema.h"
#include "newsdex/text_decoding.h"
#include "newsdex/utf8.h"

namespace newsdex {
namespace {

// What document_builder.cc documents and the reference replicates: kFieldGap positions
// are left after the text of every field and block, and headings weigh kHeadingWdf.
constexpr Xapian::termpos kFieldGap = 100;
constexpr Xapian::termcount kHeadingWdf = 2;

struct Posting {
  Xapian::termcount wdf = 0;
  std::vector<Xapian::termpos> positions;  // ascending
  bool operator==(const Posting&) const = default;
};
using Terms = std::map<std::string, Posting>;

// The pieces one after the other (GCC 12 warns about operator+ on such strings).
std::string concat(std::initializer_list<std::string_view> pieces) {
  std::string out;
  for (std::string_view piece : pieces) out.append(piece);
  return out;
}

// A term's prefix: its leading capital ASCII letters (the words themselves are lower case).
std::string_view prefix_of(std::string_view term) {
  std::size_t n = 0;
  while (n < term.size() && term[n] >= 'A' && term[n] <= 'Z') ++n;
  return term.substr(0, n);
}

// The prefixes of the free-text terms that the title and the body give: each field's
// prefix and its stems' ("S", "ZS"), and "" and "Z" for unprefixed words.
bool is_free_text_prefix(std::string_view prefix) {
  for (const Field& field : schema_fields()) {
    if (field.source != FieldSource::kTitle && field.source != FieldSource::kBody) continue;
    if (prefix == field.prefix || prefix == concat({"Z", field.prefix})) return true;
    if (field.unprefixed_wdf > 0 && (prefix.empty() || prefix == "Z")) return true;
  }
  return false;
}

void merge(Terms& into, const std::string& term, const Posting& posting) {
  Posting& merged = into[term];
  merged.wdf += posting.wdf;
  std::vector<Xapian::termpos> both;
  std::set_union(merged.positions.begin(), merged.positions.end(), posting.positions.begin(),
                 posting.positions.end(), std::back_inserter(both));
  merged.positions = std::move(both);
}

// The terms of `doc` with wdf and positions; only the free-text ones with `free_text_only`
// (the builder's boolean terms, Q, XLSRC, XDUP..., are not the TermGenerator's business).
Terms terms_of(const Xapian::Document& doc, bool free_text_only) {
  Terms terms;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (free_text_only && !is_free_text_prefix(prefix_of(term))) continue;
    Posting& posting = terms[term];
    posting.wdf = t.get_wdf();
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
      posting.positions.push_back(*p);
    }
  }
  return terms;
}

// The TermGenerator's STEM_SOME rule: a word gets a stem when its (lower-cased) first
// character is a letter, so not a digit.
bool stem_some_stems(const std::string& word) {
  constexpr unsigned kMask =
      (1u << Xapian::Unicode::LOWERCASE_LETTER) | (1u << Xapian::Unicode::TITLECASE_LETTER) |
      (1u << Xapian::Unicode::MODIFIER_LETTER) | (1u << Xapian::Unicode::OTHER_LETTER);
  Xapian::Utf8Iterator first(word);
  return first != Xapian::Utf8Iterator() &&
         ((kMask >> Xapian::Unicode::get_category(*first)) & 1) != 0;
}

// Which positions a piece of text got in the reference, for messages.
struct Span {
  std::string label;
  std::string text;
  Xapian::termpos first = 0, last = 0;  // first > last: no word
};

struct Reference {
  Terms generator;  // the stock TermGenerator's terms
  Terms folded;     // the accent-folded terms expected beside them
  Terms expected;   // both
  std::vector<Span> spans;
};

// The title and body of `article` indexed by a stock TermGenerator as the builder says it
// indexes them: the fields in schema order, a gap after each piece of text, headings
// with kHeadingWdf, a field with unprefixed_wdf once more without its prefix.
Reference reference_for(const Article& article) {
  const Xapian::Stem stemmer = make_stemmer();
  Xapian::TermGenerator generator;
  generator.set_stemmer(stemmer);
  generator.set_stemming_strategy(kIndexStemStrategy);
  Xapian::Document doc;
  generator.set_document(doc);
  generator.set_termpos(0);

  Reference ref;
  auto index = [&](const std::string& label, const std::string& text, Xapian::termcount wdf,
                   std::string_view prefix) {
    const Xapian::termpos before = generator.get_termpos();
    generator.index_text(text, wdf, std::string(prefix));
    ref.spans.push_back({label, text, before + 1, generator.get_termpos()});
    generator.increase_termpos(kFieldGap);
  };
  for (const Field& field : schema_fields()) {
    std::vector<std::pair<std::string, const std::string*>> pieces;
    std::vector<Xapian::termcount> wdfs;
    if (field.source == FieldSource::kTitle) {
      pieces.emplace_back("title", &article.title);
      wdfs.push_back(field.wdf);
    } else if (field.source == FieldSource::kBody) {
      for (std::size_t i = 0; i < article.clean.blocks.size(); ++i) {
        const TextBlock& block = article.clean.blocks[i];
        const bool heading = block.kind == BlockKind::kHeading;
        pieces.emplace_back((heading ? "heading " : "block ") + std::to_string(i + 1), &block.text);
        wdfs.push_back(heading ? kHeadingWdf : field.wdf);
      }
    }
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      index(pieces[i].first, *pieces[i].second, wdfs[i], field.prefix);
      if (field.unprefixed_wdf > 0 && !field.prefix.empty()) {
        index(pieces[i].first + " (unprefixed)", *pieces[i].second, field.unprefixed_wdf, "");
      }
    }
  }
  ref.generator = terms_of(doc, false);

  // The departure: each word that fold_accents() changes, folded, at its positions, and
  // its folded form's stem when STEM_SOME stems the word.
  for (const auto& [term, posting] : ref.generator) {
    const std::string_view prefix = prefix_of(term);
    if (!prefix.empty() && prefix.front() == 'Z') continue;  // a stem
    const std::string word = term.substr(prefix.size());
    const std::string folded = fold_accents(word);
    if (folded == word) continue;
    merge(ref.folded, concat({prefix, folded}), posting);
    if (!stem_some_stems(word)) continue;
    const std::string stem = stemmer(folded);
    if (!stem.empty()) merge(ref.folded, concat({"Z", prefix, stem}), {posting.wdf, {}});
  }
  ref.expected = ref.generator;
  for (const auto& [term, posting] : ref.folded) merge(ref.expected, term, posting);
  return ref;
}

// A term as text, with the code points of anything past ASCII spelt out.
std::string show_term(const std::string& term) {
  std::string shown = "\"" + term + "\"";
  if (std::all_of(term.begin(), term.end(), [](char c) { return (c & 0x80) == 0; })) return shown;
  shown += " (";
  bool first = true;
  for (Xapian::Utf8Iterator it(term); it != Xapian::Utf8Iterator(); ++it) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "%sU+%04X", first ? "" : " ", *it);
    shown += hex;
    first = false;
  }
  return shown + ")";
}

std::string show_posting(const Terms& terms, const std::string& term) {
  auto it = terms.find(term);
  if (it == terms.end()) return "(absent)";
  std::string shown = "wdf " + std::to_string(it->second.wdf) + ", positions [";
  for (std::size_t i = 0; i < it->second.positions.size(); ++i) {
    shown += (i == 0 ? "" : ", ") + std::to_string(it->second.positions[i]);
  }
  return shown + "]";
}

std::string excerpt(const std::string& text) {
  constexpr std::size_t kMaxCodePoints = 160;
  const std::size_t cut = byte_offset_of_code_point(text, kMaxCodePoints);
  return concat({"\"", printable_on_terminal(std::string_view(text).substr(0, cut)), "\"",
                 cut < text.size() ? "..." : ""});
}

// "" when the builder's free-text terms are the expected ones, else a readable account of
// how many terms differ and of the first that does.
std::string differences(const std::string& name, const Terms& built, const Reference& ref) {
  std::vector<std::string> differing;
  auto b = built.begin();
  auto e = ref.expected.begin();
  while (b != built.end() || e != ref.expected.end()) {
    if (e == ref.expected.end() || (b != built.end() && b->first < e->first)) {
      differing.push_back((b++)->first);
    } else if (b == built.end() || e->first < b->first) {
      differing.push_back((e++)->first);
    } else {
      if (!(b->second == e->second)) differing.push_back(b->first);
      ++b;
      ++e;
    }
  }
  if (differing.empty()) return "";

  const std::string& term = differing.front();
  std::ostringstream out;
  out << name << ": " << differing.size() << " free-text terms differ (" << ref.expected.size()
      << " expected, " << built.size() << " built); the first is " << show_term(term) << "\n"
      << "  DocumentBuilder:            " << show_posting(built, term) << "\n"
      << "  expected:                   " << show_posting(ref.expected, term) << "\n"
      << "    from the TermGenerator:   " << show_posting(ref.generator, term) << "\n"
      << "    from accent folding:      " << show_posting(ref.folded, term) << "\n";
  // Where the first position that only one side has lies (else the term's first one).
  std::vector<Xapian::termpos> one_side;
  const auto built_it = built.find(term);
  const auto expected_it = ref.expected.find(term);
  const std::vector<Xapian::termpos> none;
  const auto& bp = built_it == built.end() ? none : built_it->second.positions;
  const auto& ep = expected_it == ref.expected.end() ? none : expected_it->second.positions;
  std::set_symmetric_difference(bp.begin(), bp.end(), ep.begin(), ep.end(),
                                std::back_inserter(one_side));
  Xapian::termpos where = !one_side.empty() ? one_side.front()
                          : !bp.empty()     ? bp.front()
                          : !ep.empty()     ? ep.front()
                                            : 0;
  for (const Span& span : ref.spans) {
    if (where >= span.first && where <= span.last) {
      out << "  position " << where << " is in the " << span.label << ": " << excerpt(span.text)
          << "\n";
    }
  }
  if (differing.size() > 1) {
    out << "  other differing terms:";
    for (std::size_t i = 1; i < differing.size() && i <= 10; ++i) {
      out << " " << show_term(differing[i]);
    }
    out << (differing.size() > 11 ? " ...\n" : "\n");
  }
  return out.str();
}

Article article_of(const std::string& id, std::string title, std::vector<TextBlock> blocks) {
  Article article;
  article.source.id = article.source.path = article.id = id;
  article.title = article.clean.title = std::move(title);
  article.clean.blocks = std::move(blocks);
  article.body = article.clean.body_text();
  return article;
}

// One builder for all inputs of a test, as an indexer worker has.
class Comparison {
 public:
  // "" when the builder indexes `article` as expected, else the differences.
  std::string compare(const std::string& name, const Article& article) {
    const Terms built = terms_of(builder_.build(article), true);
    const Reference ref = reference_for(article);
    words_ += ref.generator.size();
    folded_ += ref.folded.size();
    return differences(name, built, ref);
  }

  std::size_t words() const { return words_; }    // reference terms compared
  std::size_t folded() const { return folded_; }  // accent-folded terms among the expected

 private:
  DocumentBuilder builder_;
  std::size_t words_ = 0, folded_ = 0;
};

// ---------------------------------------------------------------------------------------
// (a) Tricky text. Each case is indexed as the title, as a heading and as a paragraph.

struct TrickyCase {
  const char* name;
  std::string text;
};

void PrintTo(const TrickyCase& tricky, std::ostream* out) { *out << tricky.name; }

std::string repeated(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

const std::vector<TrickyCase>& tricky_cases() {
  static const std::vector<TrickyCase> cases = {
      {"initials", "The U.N. said P.T.O and U.S.A. and I.B.M.x, A.B.c, U.K, A. B. and X.Y.Z.9"},
      {"plus_and_hash", "C++ and C# beat C+++ and F#x, A++B, x# c+ + C++11 j#+ G++++"},
      {"ampersand", "AT&T and R&D, M&S; rock&roll & stuff &amp; a&&b"},
      {"straight_apostrophes", "don't O'Neill's 'quoted' rock 'n' roll it''s '90s dogs'"},
      {"curly_apostrophes",
       "don\u2019t O\u2019Neill\u2018s \u201bodd\u2019 \u2019tis dogs\u2019 it\u2019\u2019s"},
      {"numbers", "1,000,000 and 3.5% of 1.2.3 10;20 1,a a,1 2,,3 .5 5. 1\u037e2 1\u20442 -7"},
      {"digits_next_to_letters", "mp3 3d 4x4 covid19 19th 2nd G7 B2B 1a2b 100km 2024's x1.5"},
      {"hyphenated", "well-known state-of-the-art co-operate e-mail - -- x- -y non\u2011breaking"},
      {"long_words", repeated("a", 63) + " " + repeated("b", 64) + " " + repeated("c", 65) + " " +
                         repeated("d", 62) + "\u00e9 " + repeated("e", 63) + "\u00e9 " +
                         repeated("f", 70) + "\u00e9 end"},
      {"zero_width",
       "co\u200doperate zero\u200bwidth non\u200cjoiner word\u2060joiner "
       "\u200bstart end\u200b 1\u200b000 \u200b\u200b"},
      {"byte_order_mark_inside", "word\ufeffjoined and \ufeffleading"},
      {"latin_accents",
       "Jos\u00e9 M\u00fcller \u0141\u00f3d\u017a caf\u00e9 na\u00efve "
       "r\u00e9sum\u00e9 \u00c9COLE \u00e9lys\u00e9e Jos\u00e9's "
       "Bra\u0219ov \u0218tefan \u015e\u0131k Dvo\u0159\u00e1k \u00d8resund"},
      {"latin_letters_without_a_base",
       "Stra\u00dfe encyclop\u00e6dia \u0153uvre \u00fe\u00f3r \u00f0a Tr\u01b0\u01a1ng "
       "\u01c5emal"},
      {"vietnamese", "Nguy\u1ec5n T\u1ea5n D\u0169ng, H\u1ed3 Ch\u00ed Minh"},
      {"combining_accents", "Jose\u0301 cafe\u0301 n\u0303"},
      {"turkish_i", "\u0130stanbul I\u011fd\u0131r \u0131\u015f\u0131k"},
      {"greek",
       "\u0397 \u0391\u03b8\u03ae\u03bd\u03b1 \u03b5\u03af\u03bd\u03b1\u03b9 \u03b7 "
       "\u03c0\u03c1\u03c9\u03c4\u03b5\u03cd\u03bf\u03c5\u03c3\u03b1. "
       "\u039f\u0394\u039f\u03a3 \u03c4\u03b7\u03c2; \u0391.\u0392."},
      {"cyrillic",
       "\u041c\u043e\u0441\u043a\u0432\u0430 \u2014 \u0441\u0442\u043e\u043b\u0438"
       "\u0446\u0430 \u0420\u043e\u0441\u0441\u0438\u0438. \u0412.\u0412. "
       "\u041f\u0443\u0442\u0438\u043d, \u0451\u043b\u043a\u0430, \u0401\u0416"},
      {"arabic",
       "\u0627\u0644\u0642\u0627\u0647\u0631\u0629 \u0639\u0627\u0635\u0645\u0629 "
       "\u0645\u0635\u0631\u060c \u0661\u0662\u0663\u066c\u0664\u0665 \u0663\u066b"
       "\u0665 \u0661\u060d\u0662 \u0645\u0640\u0640\u0635\u0631"},
      {"hebrew",
       "\u05d9\u05e8\u05d5\u05e9\u05dc\u05d9\u05dd \u05d4\u05d9\u05d0 "
       "\u05e6\u05d4\u05f4\u05dc \u05d0\u05e8\u05d4\u05f3\u05d1 \u200f\u05e9\u05dc"},
      {"devanagari",
       "\u0928\u0908 \u0926\u093f\u0932\u094d\u0932\u0940 \u092d\u093e\u0930"
       "\u0924 \u0915\u0940 \u0930\u093e\u091c\u0927\u093e\u0928\u0940 \u0939"
       "\u0948\u0964 \u0967\u0968\u0969"},
      {"cjk_in_english",
       "Tokyo (\u6771\u4eac) is the capital of Japan: \u65e5\u672c\u306e"
       "\u9996\u90fd\u306f\u6771\u4eac\u3067\u3059\u3002 Says Abe."},
      {"hangul", "Seoul \uc11c\uc6b8 is big"},
      {"emoji", "Great news \U0001F600\U0001F44D for fans \u2764\ufe0f #win \U0001F1EC\U0001F1E7"},
      {"symbols_the_port_reads",
       "Prices \u2191 5% \u2192 \u00a33 \u2605 \u2713 \u20ac4 "
       "\u201cquoted\u201d \u2026 end"},
      {"non_breaking_spaces", "100\u00a0000 words\u00a0apart\u202fnarrow\u2007figure"},
      {"tabs_and_newlines", "tab\tseparated\tvalues\t\t end\nnext line\r\nwindows"},
      {"all_caps", "BREAKING NEWS: PM RESIGNS AFTER VOTE, SAYS 'ENOUGH'; NATO'S CHIEF"},
      {"accents_beside_emoji", "Caf\u00e9 \U0001F600 Jos\u00e9"},
      {"accents_beside_cjk", "Z\u00fcrich \u6771\u4eac M\u00fcller"},
      {"accents_beside_replacement_char", "Jos\u00e9 \ufffd M\u00fcller"},
  };
  return cases;
}

class TextIndexerDifferential : public ::testing::TestWithParam<TrickyCase> {};

TEST_P(TextIndexerDifferential, MatchesTermGeneratorPlusFoldedAccents) {
  const std::string& text = GetParam().text;
  Comparison comparison;
  const Article article = article_of(
      std::string("tricky/") + GetParam().name, text,
      {{BlockKind::kHeading, text}, {BlockKind::kParagraph, text}, {BlockKind::kParagraph, text}});
  const std::string diff = comparison.compare(GetParam().name, article);
  EXPECT_TRUE(diff.empty()) << diff;
  EXPECT_GT(comparison.words(), 0u) << "no words compared";
}

INSTANTIATE_TEST_SUITE_P(Tricky, TextIndexerDifferential, ::testing::ValuesIn(tricky_cases()),
                         [](const ::testing::TestParamInfo<TrickyCase>& param) {
                           return std::string(param.param.name);
                         });

// Blocks without words, and titles without words, still leave their gaps.
TEST(TextIndexerDifferentialBlocks, EmptyAndBlankBlocksKeepTheGaps) {
  Comparison comparison;
  const std::vector<Article> articles = {
      article_of("empty/no-title", "", {{BlockKind::kParagraph, "first words"}}),
      article_of("empty/blank-title", " \t", {{BlockKind::kParagraph, "first words"}}),
      article_of("empty/blocks", "Title",
                 {{BlockKind::kParagraph, ""},
                  {BlockKind::kParagraph, "one"},
                  {BlockKind::kHeading, ""},
                  {BlockKind::kParagraph, " \n\t"},
                  {BlockKind::kParagraph, "--- ... !!!"},
                  {BlockKind::kHeading, "two words"},
                  {BlockKind::kParagraph, ""}}),
      article_of("empty/nothing", "", {}),
  };
  for (const Article& article : articles) {
    const std::string diff = comparison.compare(article.id, article);
    EXPECT_TRUE(diff.empty()) << diff;
  }
  EXPECT_GT(comparison.words(), 0u);
}

// ---------------------------------------------------------------------------------------
// (b), (c) Corpora: each .txt file decoded (as the reader does: articles hold UTF-8) and
// split into paragraphs on blank lines; the first paragraph is the title, the rest the body.

Article article_from_file(const std::string& id, const std::string& utf8) {
  std::vector<std::string> paragraphs;
  std::string paragraph;
  std::istringstream lines(utf8);
  for (std::string line; std::getline(lines, line);) {
    if (line.find_first_not_of(" \t\r\f\v") == std::string::npos) {
      if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
      paragraph.clear();
      continue;
    }
    if (!paragraph.empty()) paragraph += '\n';
    paragraph += line;
  }
  if (!paragraph.empty()) paragraphs.push_back(std::move(paragraph));
  std::string title;
  std::vector<TextBlock> blocks;
  for (std::string& text : paragraphs) {
    if (title.empty()) {
      title = std::move(text);
    } else {
      blocks.push_back({BlockKind::kParagraph, std::move(text)});
    }
  }
  return article_of(id, std::move(title), std::move(blocks));
}

// Compares every .txt under `root`; fails for each article that differs (in full for the
// first few) and when there is nothing to compare.
void compare_corpus(const std::filesystem::path& root) {
  ASSERT_TRUE(std::filesystem::is_directory(root)) << root << " is not a folder";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry);
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty()) << "no .txt file under " << root;

  constexpr std::size_t kShownInFull = 5;
  Comparison comparison;
  std::vector<std::string> mismatching;
  std::size_t compared = 0;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string id = std::filesystem::relative(path, root).generic_string();
    std::string utf8;
    try {
      utf8 = decode_text(bytes.str()).utf8;
    } catch (const std::exception& error) {
      ADD_FAILURE() << id << ": cannot be decoded: " << error.what();
      continue;
    }
    const std::string diff = comparison.compare(id, article_from_file(id, utf8));
    ++compared;
    if (diff.empty()) continue;
    if (mismatching.size() < kShownInFull) ADD_FAILURE() << diff;
    mismatching.push_back(id);
  }
  std::string names;
  for (const std::string& id : mismatching) names += "\n  " + id;
  EXPECT_TRUE(mismatching.empty())
      << mismatching.size() << " of " << compared << " articles differ (the first " << kShownInFull
      << " are shown above):" << names;
  EXPECT_GT(comparison.words(), 0u);
  std::printf("[          ] %zu articles under %s, %zu reference terms, %zu accent-folded\n",
              compared, root.string().c_str(), comparison.words(), comparison.folded());
}

std::filesystem::path sample_corpus() {
#ifdef NEWSDEX_SAMPLE_CORPUS
  return NEWSDEX_SAMPLE_CORPUS;
#else
  // tests/ and sample-corpus/ are siblings in the source tree.
  return std::filesystem::path(__FILE__).parent_path().parent_path() / "sample-corpus";
#endif
}

TEST(TextIndexerDifferentialCorpus, SampleCorpus) {
  ASSERT_TRUE(std::filesystem::is_directory(sample_corpus()))
      << sample_corpus() << " is not a folder: sample-corpus/ is found from the path of this "
      << "file (__FILE__); a build that compiles with relative paths must define "
      << "NEWSDEX_SAMPLE_CORPUS";
  compare_corpus(sample_corpus());
}

TEST(TextIndexerDifferentialCorpus, BbcCorpus) {
  const char* corpus = std::getenv("NEWSDEX_BBC_CORPUS");
  if (corpus == nullptr || *corpus == '\0') {
    GTEST_SKIP() << "NEWSDEX_BBC_CORPUS is not set: set it to the bbc-news corpus folder to "
                    "compare the text indexer on every BBC article";
  }
  const std::filesystem::path root = std::filesystem::exists(std::string(corpus) + "/news")
                                         ? std::filesystem::path(std::string(corpus) + "/news")
                                         : std::filesystem::path(corpus);
  compare_corpus(root);
}

}  // namespace
}  // namespace newsdex
