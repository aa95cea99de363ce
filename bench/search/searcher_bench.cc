// newsdex-searchbench INDEX_DIR [REPEATS]: latency of a warm, in-process Searcher over
// the benchmark's query table (top 10, one highlighted passage each; and with facets),
// against bare Xapian doing the least a search can (QueryParser, Enquire, top 10, no
// passages: what quest does). Prints p50 and p99 per mode and the ratios to the bare
// baseline, measured side by side, interleaved query by query.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <xapian.h>

#include "newsdex/schema.h"
#include "searcher.h"

namespace {

using Clock = std::chrono::steady_clock;

// The query table of bench/index/run.sh: words, a phrase, a name, boolean, a wildcard.
const std::vector<std::string> kQueries = {"economy growth", "\"prime minister\"", "blair",
                                           "oil AND price", "econom*"};

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  std::size_t at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[at];
}

template <class Run>
double time_ms(Run run) {
  auto start = Clock::now();
  run();
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: newsdex-searchbench INDEX_DIR [REPEATS]\n");
    return 2;
  }
  int repeats = argc > 2 ? std::atoi(argv[2]) : 200;
  newsdex::Searcher searcher(argv[1]);
  Xapian::Database bare_db(argv[1]);
  Xapian::QueryParser bare_parser;
  bare_parser.set_database(bare_db);
  bare_parser.set_stemmer(Xapian::Stem("english"));
  bare_parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  bare_parser.set_default_op(Xapian::Query::OP_AND);

  std::vector<double> bare, plain, facets;
  std::size_t hits = 0;
  for (int round = 0; round < repeats + 5; ++round) {
    for (const std::string& query : kQueries) {
      double b = time_ms([&] {
        Xapian::Enquire enquire(bare_db);
        enquire.set_query(bare_parser.parse_query(
            query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD));
        Xapian::MSet mset = enquire.get_mset(0, 10);
        for (auto it = mset.begin(); it != mset.end(); ++it)
          hits += it.get_document().get_data().size() > 0;
      });
      newsdex::SearchRequest request;
      request.query = query;
      double p = time_ms([&] { hits += searcher.search(request).hits.size(); });
      request.facets = true;
      double f = time_ms([&] { hits += searcher.search(request).hits.size(); });
      if (round < 5) continue;  // warm-up: caches, first allocations
      bare.push_back(b);
      plain.push_back(p);
      facets.push_back(f);
    }
  }
  std::printf(
      "newsdex warm Searcher, in process: %zu searches per mode over %zu queries "
      "(%zu hits seen)\n",
      plain.size(), kQueries.size(), hits);
  double bare50 = percentile(bare, 0.5), bare99 = percentile(bare, 0.99);
  auto row = [&](const char* name, const std::vector<double>& ms) {
    double p50 = percentile(ms, 0.5), p99 = percentile(ms, 0.99);
    std::printf("  %-28s p50 %7.3f ms  p99 %7.3f ms  (%.2fx / %.2fx bare Xapian)\n", name, p50, p99,
                p50 / bare50, p99 / bare99);
  };
  row("bare Xapian (no passages)", bare);
  row("newsdex, 1 passage per hit", plain);
  row("newsdex, passages + facets", facets);
  return 0;
}
