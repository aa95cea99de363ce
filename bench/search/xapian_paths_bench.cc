// newsdex-xapian-paths-bench INDEX_DIR [REPEATS]: what newsdex's own versions of pieces
// of Xapian buy, each timed side by side with the stock Xapian path on the same work,
// interleaved query by query over the benchmark's query table:
// - facets: the facet pack counted by newsdex's PackedFacetSpy, against Xapian's
//   ValueCountMatchSpy over the facet value slots, for every match of each query;
// - passages: make_passages with needles (only the windows that can still win reach
//   MSet::snippet), against every window through MSet::snippet, for the top 10 hits;
// - the query checker: check_query_syntax, against QueryParser::parse_query alone.
// Prints the median time of each side (per query; the checker and parser per call), their
// ratio, and whether both sides agreed (same facet counts, same passages): a
// disagreement makes it exit 1.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <xapian.h>

#include "facets.h"
#include "highlight_query.h"
#include "newsdex/stored_article.h"
#include "passage.h"
#include "passage_needles.h"
#include "query_builder.h"

namespace {

using Clock = std::chrono::steady_clock;

// The query table of bench/index/run.sh: words, a phrase, a name, boolean, a wildcard.
const std::vector<std::string> kQueries = {"economy growth", "\"prime minister\"", "blair",
                                           "oil AND price", "econom*"};
constexpr std::size_t kPassageBytes = 240;  // newsdex-search's default
constexpr std::size_t kHits = 10;

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[values.size() / 2];
}

template <class Run>
double time_ms(Run run) {
  auto start = Clock::now();
  run();
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Side {
  std::vector<double> ms;
};

// Every match of `query` counted into `counter`; the facet counts that come out.
std::vector<newsdex::FacetCounts> count_facets(const Xapian::Database& db,
                                               const Xapian::Query& query,
                                               newsdex::FacetSource source) {
  newsdex::FacetCounter counter(source);
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  counter.attach(enquire);
  enquire.get_mset(0, 0, newsdex::check_all(db));
  return counter.counts(newsdex::kAllFacetValues);
}

bool same_counts(const std::vector<newsdex::FacetCounts>& a,
                 const std::vector<newsdex::FacetCounts>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].values != b[i].values) return false;
  }
  return true;
}

// The passages of the top hits of one query, with or without pruning.
struct PassageWork {
  Xapian::MSet page;
  Xapian::MSet highlights;
  std::vector<newsdex::Needle> needles;
  std::vector<std::string> bodies;
};

PassageWork passage_work(const Xapian::Database& db, const Xapian::Query& query) {
  PassageWork work;
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  work.page = enquire.get_mset(0, kHits);
  std::optional<Xapian::Query> for_passages = newsdex::highlight_query(query);
  work.needles = newsdex::passage_needles(for_passages ? *for_passages : query);
  work.highlights = work.page;
  if (for_passages) {
    Xapian::Enquire highlighter(db);
    highlighter.set_query(*for_passages);
    work.highlights = highlighter.get_mset(0, 0);
  }
  for (auto hit = work.page.begin(); hit != work.page.end(); ++hit) {
    work.bodies.push_back(newsdex::StoredArticle::parse(hit.get_document().get_data()).body);
  }
  return work;
}

std::vector<std::string> passages_of(const PassageWork& work, const Xapian::Stem& stemmer,
                                     newsdex::WindowSelection selection) {
  std::vector<std::string> texts;
  for (const std::string& body : work.bodies) {
    for (const newsdex::Passage& passage : newsdex::make_passages(
             work.highlights, body, stemmer, kPassageBytes, 1, work.needles, selection)) {
      texts.push_back(passage.text);
      for (const auto& [start, end] : passage.highlights) {
        texts.back() += " [" + std::to_string(start) + "," + std::to_string(end) + ")";
      }
    }
  }
  return texts;
}

void print(const char* what, const char* ours, const Side& a, const char* stock, const Side& b,
           const char* agreement) {
  double ours_us = 1000 * median(a.ms), stock_us = 1000 * median(b.ms);
  std::printf("%-9s %s %.1f us, %s %.1f us: %.2fx the stock path (medians of %zu); %s\n", what,
              ours, ours_us, stock, stock_us, stock_us > 0 ? ours_us / stock_us : 0.0, a.ms.size(),
              agreement);
}

const char* agreement(bool agree) { return agree ? "same results" : "RESULTS DIFFER"; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: newsdex-xapian-paths-bench INDEX_DIR [REPEATS]\n");
    return 2;
  }
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 50;
  Xapian::Database db(argv[1]);
  newsdex::QueryBuilder builder(db);
  Xapian::QueryParser stock_parser;
  stock_parser.set_database(db);
  const newsdex::Day today = newsdex::local_today();

  Side pack, slots, pruned, every, checker, parser;
  bool facets_agree = true, passages_agree = true;
  std::size_t checked = 0;
  for (int round = 0; round < repeats + 2; ++round) {
    const bool warm = round >= 2;
    for (const std::string& text : kQueries) {
      const Xapian::Query query = builder.build(text);
      std::vector<newsdex::FacetCounts> from_pack, from_slots;
      double p =
          time_ms([&] { from_pack = count_facets(db, query, newsdex::FacetSource::kFacetPack); });
      double s =
          time_ms([&] { from_slots = count_facets(db, query, newsdex::FacetSource::kValueSlots); });
      facets_agree = facets_agree && same_counts(from_pack, from_slots);

      const PassageWork work = passage_work(db, query);
      std::vector<std::string> with_needles, without;
      double n = time_ms([&] {
        with_needles = passages_of(work, builder.stemmer(), newsdex::WindowSelection::kPruned);
      });
      double e = time_ms([&] {
        without = passages_of(work, builder.stemmer(), newsdex::WindowSelection::kEvery);
      });
      passages_agree = passages_agree && with_needles == without;
      checked += with_needles.size();

      double c = time_ms([&] {
        for (int i = 0; i < 100; ++i) newsdex::check_query_syntax(text, today);
      });
      double q = time_ms([&] {
        for (int i = 0; i < 100; ++i) stock_parser.parse_query(text);
      });
      if (!warm) continue;
      pack.ms.push_back(p);
      slots.ms.push_back(s);
      pruned.ms.push_back(n);
      every.ms.push_back(e);
      checker.ms.push_back(c / 100);
      parser.ms.push_back(q / 100);
    }
  }
  std::printf("newsdex pieces of Xapian against the stock path, %s, %d rounds of %zu queries\n",
              argv[1], repeats, kQueries.size());
  print("facets", "facet pack", pack, "value slots", slots, agreement(facets_agree));
  print("passages", "pruned", pruned, "every window", every, agreement(passages_agree));
  std::printf("          (%zu passages compared)\n", checked);
  // What the checker buys is a column in every syntax error (the stock parser rereads or
  // rejects without one): tests/query_checker_differential_test.cc; here, what it costs.
  print("checker", "check_query_syntax", checker, "parse_query", parser,
        "its cost beside the parse it guards");
  return facets_agree && passages_agree ? 0 : 1;
}
