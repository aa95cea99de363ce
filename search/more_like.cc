#include "more_like.h"

#include <string>
#include <vector>

#include "newsdex/schema.h"

namespace newsdex {
namespace {

// Shortest stem (in characters) worth a term: shorter ones are mostly function words
// ("of", "un") and initials.
constexpr std::size_t kMinStemChars = 3;

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// Keeps the stems of plain words: "Z" then a lower-case stem. The TermGenerator lower-cases
// words and never stems one starting with a digit, so numbers ("2024", "5bn") have no Z
// term; prefixed fields have "Z" plus an upper-case prefix ("ZS" for titles, "ZXP" for
// people), whose words are in the plain terms already. Stems rather than the unstemmed
// words so that "talks", "talked" and "talk" add up as one term.
class ContentStems final : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.size() < 2 || term[0] != 'Z' || (term[1] >= 'A' && term[1] <= 'Z')) return false;
    std::string_view stem = std::string_view(term).substr(1);
    if (code_points(stem) < kMinStemChars) return false;
    return stem.find_first_not_of("0123456789") != std::string_view::npos;
  }
};

std::optional<Xapian::docid> docid_of(const Xapian::Database& db, std::string_view article_id) {
  if (article_id.empty()) return std::nullopt;
  std::string term = id_term(article_id);
  Xapian::PostingIterator it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return std::nullopt;
  return *it;
}

}  // namespace

std::optional<Xapian::docid> find_article(const Xapian::Database& db, std::string_view id_or_path) {
  // "./world/x.txt" and "../news/world/x.txt" reach "world/x.txt" as suffixes too.
  for (std::string_view candidate = id_or_path;;) {
    if (std::optional<Xapian::docid> docid = docid_of(db, candidate)) return docid;
    std::size_t slash = candidate.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    candidate.remove_prefix(slash + 1);
  }
}

Xapian::Query more_like_query(const Xapian::Database& db, Xapian::docid docid,
                              Xapian::termcount max_terms) {
  Xapian::Enquire enquire(db);
  Xapian::RSet rset;
  rset.add_document(docid);
  ContentStems decider;
  Xapian::ESet eset = enquire.get_eset(max_terms, rset, &decider);
  if (eset.empty()) return Xapian::Query();

  // Relative weights keep each term's BM25 idf and length normalisation in the match,
  // and let the terms most typical of the article count most.
  double top = eset.begin().get_weight();
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), it.get_weight() / top);
  }
  Xapian::Query like(Xapian::Query::OP_OR, terms.begin(), terms.end());

  // The id term is the article's only term starting with 'Q' (see schema_fields()).
  Xapian::TermIterator term = db.termlist_begin(docid);
  term.skip_to("Q");
  if (term == db.termlist_end(docid) || !(*term).starts_with('Q')) return like;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(*term));
}

}  // namespace newsdex
