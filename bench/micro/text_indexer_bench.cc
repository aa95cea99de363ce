// newsdex-text-indexer-bench CORPUS_DIR [Google Benchmark flags]: what the document
// builder's text indexing (DocumentBuilder's TextIndexer: the stock TermGenerator, then
// the accent-free forms of accented words) costs beside the stock Xapian::TermGenerator
// alone, on the same text. Until 2026-12-07 the builder split words with its own port of
// the TermGenerator's; this benchmark printed 0.91x and 0.98x for it, a whole index of
// the 10x BBC corpus took no measurable time less with it, and the differential test
// found two bugs in it, so it went.
// Every .txt under CORPUS_DIR becomes a body-only Article: the file decoded as the reader
// does, split into paragraphs on blank lines, no cleaning, no title. Each iteration indexes
// all of them:
//   BM_Builder              DocumentBuilder::build() (its text, plus what build() adds
//                           besides: id, boolean terms, values, stored data)
//   BM_BuilderWithoutText   DocumentBuilder::build() of the same articles without blocks:
//                           what of BM_Builder is not text indexing
//   BM_StockTermGenerator   a TermGenerator with the builder's stemmer (make_stemmer()
//                           behind with_stem_cache()) and strategy indexing the same blocks
//                           into a Xapian::Document, with the same wdf and gaps
//   BM_StockTermGeneratorPlainStemmer  the same with make_stemmer() alone
// Runs 10 repetitions, randomly interleaved, unless --benchmark_repetitions and
// --benchmark_enable_random_interleaving say otherwise, and ends with the
// ratio of the median CPU times of BM_Builder and BM_StockTermGenerator (above 1: what
// the accent folding and the rest of build() cost).
#include <benchmark/benchmark.h>
#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/caching_stemmer.h"
#include "newsdex/document_builder.h"
#include "newsdex/schema.h"
#include "newsdex/text_decoding.h"

namespace {

// What document_builder.cc leaves between fields and blocks, and a heading's wdf (the
// corpus articles here have no headings).
constexpr Xapian::termpos kFieldGap = 100;
constexpr Xapian::termcount kHeadingWdf = 2;
constexpr int kDefaultRepetitions = 10;

struct Corpus {
  std::vector<newsdex::Article> articles;  // body only
  std::vector<newsdex::Article> empty;     // the same without blocks
  std::int64_t text_bytes = 0;
};

Corpus& corpus() {
  static Corpus loaded;
  return loaded;
}

std::vector<newsdex::TextBlock> paragraphs_of(const std::string& utf8) {
  std::vector<newsdex::TextBlock> blocks;
  std::string paragraph;
  std::istringstream lines(utf8);
  for (std::string line; std::getline(lines, line);) {
    if (line.find_first_not_of(" \t\r\f\v") == std::string::npos) {
      if (!paragraph.empty()) blocks.push_back({newsdex::BlockKind::kParagraph, paragraph});
      paragraph.clear();
      continue;
    }
    if (!paragraph.empty()) paragraph += '\n';
    paragraph += line;
  }
  if (!paragraph.empty()) blocks.push_back({newsdex::BlockKind::kParagraph, paragraph});
  return blocks;
}

void load(const std::string& root) {
  Corpus& c = corpus();
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") paths.push_back(entry);
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    newsdex::Article article;
    try {
      article.clean.blocks = paragraphs_of(newsdex::decode_text(bytes.str()).utf8);
    } catch (const std::exception&) {
      continue;  // not text: left out
    }
    article.id = article.source.id = std::filesystem::relative(path, root).generic_string();
    article.source.path = path.string();
    article.body = article.clean.body_text();
    c.text_bytes += static_cast<std::int64_t>(article.body.size());
    newsdex::Article empty = article;
    empty.clean.blocks.clear();
    empty.body.clear();
    c.articles.push_back(std::move(article));
    c.empty.push_back(std::move(empty));
  }
}

// The blocks of `article` indexed as DocumentBuilder documents it: the title's two gaps
// (its prefixed and unprefixed passes, empty here), then each block and a gap.
Xapian::Document index_stock(Xapian::TermGenerator& generator, const newsdex::Article& article) {
  Xapian::Document doc;
  generator.set_document(doc);
  generator.set_termpos(2 * kFieldGap);
  for (const newsdex::TextBlock& block : article.clean.blocks) {
    generator.index_text(block.text, block.kind == newsdex::BlockKind::kHeading ? kHeadingWdf : 1);
    generator.increase_termpos(kFieldGap);
  }
  return doc;
}

Xapian::TermGenerator stock_generator(Xapian::Stem stemmer) {
  Xapian::TermGenerator generator;
  generator.set_stemmer(stemmer);
  generator.set_stemming_strategy(newsdex::kIndexStemStrategy);
  return generator;
}

void BM_Builder(benchmark::State& state) {
  newsdex::DocumentBuilder builder;
  for (auto _ : state) {
    for (const newsdex::Article& article : corpus().articles) {
      benchmark::DoNotOptimize(builder.build(article));
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus().text_bytes);
}

void BM_BuilderWithoutText(benchmark::State& state) {
  newsdex::DocumentBuilder builder;
  for (auto _ : state) {
    for (const newsdex::Article& article : corpus().empty) {
      benchmark::DoNotOptimize(builder.build(article));
    }
  }
}

void BM_StockTermGenerator(benchmark::State& state) {
  Xapian::TermGenerator generator =
      stock_generator(newsdex::with_stem_cache(newsdex::make_stemmer()));
  for (auto _ : state) {
    for (const newsdex::Article& article : corpus().articles) {
      benchmark::DoNotOptimize(index_stock(generator, article));
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus().text_bytes);
}

void BM_StockTermGeneratorPlainStemmer(benchmark::State& state) {
  Xapian::TermGenerator generator = stock_generator(newsdex::make_stemmer());
  for (auto _ : state) {
    for (const newsdex::Article& article : corpus().articles) {
      benchmark::DoNotOptimize(index_stock(generator, article));
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus().text_bytes);
}

BENCHMARK(BM_Builder)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StockTermGenerator)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StockTermGeneratorPlainStemmer)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuilderWithoutText)->Unit(benchmark::kMillisecond);

// The console output, and each benchmark's median CPU time in ms (time spent waiting for a
// processor busy with other work does not count), and its repetitions.
class MedianReporter : public benchmark::ConsoleReporter {
 public:
  MedianReporter() : ConsoleReporter(OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& reports) override {
    for (const Run& run : reports) {
      if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median") {
        medians_[run.run_name.function_name] = run.GetAdjustedCPUTime();
      }
      if (run.run_type == Run::RT_Iteration) {
        repetitions_[run.run_name.function_name] = run.repetitions;
      }
    }
    ConsoleReporter::ReportRuns(reports);
  }

  // 0 when the benchmark did not run with repetitions.
  double median(const std::string& name) const {
    auto it = medians_.find(name);
    return it == medians_.end() ? 0 : it->second;
  }
  std::int64_t repetitions(const std::string& name) const {
    auto it = repetitions_.find(name);
    return it == repetitions_.end() ? 0 : it->second;
  }

 private:
  std::map<std::string, double> medians_;
  std::map<std::string, std::int64_t> repetitions_;
};

// The free-text postings (sum of wdf) of one pass each way: both sides index the same
// words (the builder adds accent-folded copies of accented words).
void print_work_check() {
  std::int64_t built = 0, stock = 0;
  newsdex::DocumentBuilder builder;
  Xapian::TermGenerator generator = stock_generator(newsdex::make_stemmer());
  auto free_text_wdf = [](const Xapian::Document& doc) {
    std::int64_t sum = 0;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      const std::string term = *t;
      const std::size_t skip = !term.empty() && term[0] == 'Z' ? 1 : 0;
      if (term.size() > skip && term[skip] >= 'A' && term[skip] <= 'Z') continue;  // prefixed
      sum += t.get_wdf();
    }
    return sum;
  };
  for (const newsdex::Article& article : corpus().articles) {
    built += free_text_wdf(builder.build(article));
    stock += free_text_wdf(index_stock(generator, article));
  }
  std::cerr << "free-text postings per pass (sum of wdf): builder " << built << ", stock " << stock
            << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string_view(argv[1]).starts_with("--")) {
    std::cerr << "usage: newsdex-text-indexer-bench CORPUS_DIR [benchmark flags]\n";
    return 2;
  }
  load(argv[1]);
  if (corpus().articles.empty()) {
    std::cerr << "no .txt article under " << argv[1] << "\n";
    return 1;
  }
  std::cerr << "corpus: " << corpus().articles.size() << " articles, " << corpus().text_bytes
            << " bytes of text\n";
  print_work_check();

  // Google Benchmark parses the rest, with kDefaultRepetitions in random order (so that a
  // change in the machine's load falls on all benchmarks alike) unless told otherwise.
  std::vector<char*> args = {argv[0]};
  std::string repetitions_flag = "--benchmark_repetitions=" + std::to_string(kDefaultRepetitions);
  std::string interleaving_flag = "--benchmark_enable_random_interleaving=true";
  bool repetitions_given = false, interleaving_given = false;
  for (int i = 2; i < argc; ++i) {
    repetitions_given |= std::string_view(argv[i]).starts_with("--benchmark_repetitions");
    interleaving_given |= std::string_view(argv[i]).starts_with("--benchmark_enable_random");
    args.push_back(argv[i]);
  }
  if (!repetitions_given) args.push_back(repetitions_flag.data());
  if (!interleaving_given) args.push_back(interleaving_flag.data());
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  if (benchmark::ReportUnrecognizedArguments(count, args.data())) return 2;
  MedianReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  const double built = reporter.median("BM_Builder");
  const double stock = reporter.median("BM_StockTermGenerator");
  if (built <= 0 || stock <= 0) {
    std::cerr << "no medians of BM_Builder and BM_StockTermGenerator: run both, with "
                 "--benchmark_repetitions of 2 or more\n";
    return 1;
  }
  std::printf(
      "median CPU ms per pass over %zu articles: builder %.1f (of which %.1f without text), "
      "stock TermGenerator %.1f, stock TermGenerator with a plain stemmer %.1f\n",
      corpus().articles.size(), built, reporter.median("BM_BuilderWithoutText"), stock,
      reporter.median("BM_StockTermGeneratorPlainStemmer"));
  std::printf("text indexing: builder / stock TermGenerator = %.2fx (median of %lld repetitions)\n",
              built / stock, static_cast<long long>(reporter.repetitions("BM_Builder")));
  return 0;
}
