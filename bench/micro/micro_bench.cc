// newsdex-microbench CORPUS_DIR [Google Benchmark flags]: throughput of each stage of
// the analysis on real articles, in bytes of article text per second.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "newsdex/article.h"
#include "newsdex/article_cleaner.h"
#include "newsdex/document_builder.h"
#include "newsdex/entity_extractor.h"
#include "newsdex/fingerprint.h"
#include "newsdex/text_decoding.h"
#include "newsdex/tokenizer.h"
#include "newsdex/topic_extractor.h"

namespace {

struct Corpus {
  std::vector<std::string> raw;            // file bytes
  std::vector<newsdex::SourceFile> files;  // where each came from
  std::vector<newsdex::Article> articles;  // cleaned
  std::vector<std::string> texts;          // title + body, as the extractor sees them
  std::int64_t raw_bytes = 0, text_bytes = 0;
};

Corpus& corpus() {
  static Corpus loaded;
  return loaded;
}

void load(const std::string& root) {
  Corpus& c = corpus();
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    newsdex::SourceFile source;
    source.id = std::filesystem::relative(entry.path(), root).string();
    source.path = entry.path().string();
    try {
      newsdex::Article article = newsdex::make_article(source, bytes.str());
      c.texts.push_back(newsdex::analysis_text(article));
      c.text_bytes += static_cast<std::int64_t>(c.texts.back().size());
      c.raw.push_back(bytes.str());
      c.files.push_back(source);
      c.raw_bytes += static_cast<std::int64_t>(c.raw.back().size());
      c.articles.push_back(std::move(article));
    } catch (const std::exception&) {
      // Not an article: left out of the benchmarks.
    }
  }
}

void BM_DecodeAndClean(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string& raw : corpus().raw) {
      benchmark::DoNotOptimize(newsdex::clean_article(newsdex::decode_text(raw).utf8));
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus().raw_bytes);
}

void BM_ReadArticles(benchmark::State& state) {
  for (auto _ : state) {
    for (std::size_t i = 0; i < corpus().raw.size(); ++i) {
      benchmark::DoNotOptimize(newsdex::read_articles(corpus().files[i], corpus().raw[i]));
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus().raw_bytes);
}

void BM_Fingerprint(benchmark::State& state) {
  for (auto _ : state) {
    for (const newsdex::Article& article : corpus().articles) {
      benchmark::DoNotOptimize(newsdex::text_fingerprint(article.body));
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus().text_bytes);
}

void BM_Tokenize(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string& text : corpus().texts)
      benchmark::DoNotOptimize(newsdex::tokenize(text));
  }
  state.SetBytesProcessed(state.iterations() * corpus().text_bytes);
}

void BM_ExtractEntities(benchmark::State& state) {
  newsdex::EntityExtractor extractor;
  for (auto _ : state) {
    for (const std::string& text : corpus().texts)
      benchmark::DoNotOptimize(extractor.extract(text));
  }
  state.SetBytesProcessed(state.iterations() * corpus().text_bytes);
}

void BM_ExtractTopics(benchmark::State& state) {
  newsdex::TopicExtractor topics;
  for (auto _ : state) {
    for (const newsdex::Article& article : corpus().articles) {
      benchmark::DoNotOptimize(topics.extract(article.title, article.clean));
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus().text_bytes);
}

void BM_BuildDocument(benchmark::State& state) {
  newsdex::DocumentBuilder builder;
  for (auto _ : state) {
    for (const newsdex::Article& article : corpus().articles) {
      benchmark::DoNotOptimize(builder.build(article));
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus().text_bytes);
}

BENCHMARK(BM_DecodeAndClean)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadArticles)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Fingerprint)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractEntities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractTopics)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildDocument)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string_view(argv[1]).starts_with("--")) {
    std::cerr << "usage: newsdex-microbench CORPUS_DIR [benchmark flags]\n";
    return 2;
  }
  load(argv[1]);
  std::cerr << "corpus: " << corpus().articles.size() << " articles, " << corpus().raw_bytes
            << " bytes\n";
  argv[1] = argv[0];  // Google Benchmark parses the rest
  int rest = argc - 1;
  benchmark::Initialize(&rest, argv + 1);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
