#include "extract_only.h"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>

#include <nlohmann/json.hpp>

#include "corpus_walker.h"
#include "newsdex/errors.h"

namespace newsdex {

namespace {

// The output line of one article, or the reason it was skipped.
struct Outcome {
  std::string line;
  std::string skip_reason;
};

Outcome analyse_file(const SourceFile& file, const FileSystem& fs,
                     const ArticleAnalyzer& analyzer) {
  Article article;
  Extraction extraction;
  try {
    article = make_article(file, fs.read_file(file.path));
    extraction = analyzer.analyze(article);
  } catch (const ArticleError& e) {
    return {{}, e.what()};
  } catch (const std::system_error& e) {
    return {{}, e.code().message()};
  }
  nlohmann::json aliases = nlohmann::json::object();
  for (const ExtractedEntity& entity : extraction.entities) {
    if (!entity.aliases.empty()) aliases[entity.name] = entity.aliases;
  }
  const ArticleEntities& e = article.entities;
  nlohmann::json line = {{"file", file.id},    {"people", e.people},
                         {"places", e.places}, {"organizations", e.organizations},
                         {"topics", e.topics}, {"aliases", aliases}};
  return {line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), {}};
}

}  // namespace

std::size_t extract_only(const std::vector<std::string>& roots, const FileSystem& fs,
                         const ArticleAnalyzer& analyzer, std::ostream& out,
                         const SkipReporter& report_skip, unsigned jobs) {
  WalkResult walk = walk_corpus(fs, roots);
  std::size_t skipped = 0;
  for (const WalkProblem& problem : walk.problems) {
    report_skip(problem.path, problem.reason);
    ++skipped;
  }
  // Workers take the next file as they finish one; results land in their slot, so the
  // output order is the walk's. The analyser is const and thread-safe.
  std::vector<Outcome> outcomes(walk.files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < walk.files.size(); i = next++) {
      outcomes[i] = analyse_file(walk.files[i], fs, analyzer);
    }
  };
  jobs = std::max(1u, jobs);
  std::vector<std::thread> threads;
  for (unsigned worker = 1; worker < jobs; ++worker) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();

  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (!outcomes[i].skip_reason.empty()) {
      report_skip(walk.files[i].path, outcomes[i].skip_reason);
      ++skipped;
    } else {
      out << outcomes[i].line << '\n';
    }
  }
  return skipped;
}

}  // namespace newsdex
