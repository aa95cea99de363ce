#include "extract_only.h"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>

#include <nlohmann/json.hpp>

#include "corpus_walker.h"
#include "newsdex/errors.h"
#include "residue_prescan.h"

namespace newsdex {

namespace {

// The output lines of a file's articles, and its skipped parts.
struct Outcome {
  std::vector<std::string> lines;
  std::vector<std::pair<std::string, std::string>> skips;  // (path, reason)
};

std::string article_line(const Article& article, const Extraction& extraction) {
  nlohmann::json aliases = nlohmann::json::object();
  for (const ExtractedEntity& entity : extraction.entities) {
    if (!entity.aliases.empty()) aliases[entity.name] = entity.aliases;
  }
  const ArticleEntities& e = article.entities;
  nlohmann::json line = {{"file", article.id}, {"people", e.people},
                         {"places", e.places}, {"organizations", e.organizations},
                         {"topics", e.topics}, {"aliases", aliases}};
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Outcome analyse_file(const SourceFile& file, const FileSystem& fs, const ArticleAnalyzer& analyzer,
                     const ReadOptions& read) {
  Outcome outcome;
  try {
    FileArticles articles = read_articles(file, fs.read_file(file.path, file.read_limits), read);
    for (const DocumentProblem& problem : articles.problems) {
      outcome.skips.emplace_back(file.path + problem.id_suffix, problem.reason);
    }
    for (Article& article : articles.articles) {
      Extraction extraction = analyzer.analyze(article);
      outcome.lines.push_back(article_line(article, extraction));
    }
  } catch (...) {
    outcome.skips.emplace_back(file.path, skip_reason(std::current_exception()));
  }
  return outcome;
}

}  // namespace

std::size_t extract_only(const std::vector<std::string>& roots, const FileSystem& fs,
                         const ArticleAnalyzer& analyzer, std::ostream& out,
                         const SkipReporter& report_skip, unsigned jobs, bool learn_residue_lines) {
  WalkResult walk = walk_corpus(fs, roots);
  std::size_t skipped = 0;
  for (const WalkProblem& problem : walk.problems) {
    report_skip(problem.path, problem.reason);
    ++skipped;
  }
  // The residue an index of these roots would learn, so that each article is cleaned
  // exactly as newsdex-index cleans it.
  ResidueInputs residue_inputs;
  residue_inputs.learning = learn_residue_lines;
  residue_inputs.from_scratch = true;
  residue_inputs.fs = &fs;
  residue_inputs.workers = std::max(1u, jobs);
  for (const SourceFile& file : walk.files) residue_inputs.files.push_back(&file);
  residue_inputs.replaced.resize(walk.files.size());
  LineKeys residue = keys_of(learn_residue(residue_inputs, {}).lines);
  ReadOptions read;
  read.cleaning.learnt_residue = &residue;

  // Workers take the next file as they finish one; results land in their slot, so the
  // output order is the walk's. The analyser is const and thread-safe.
  std::vector<Outcome> outcomes(walk.files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < walk.files.size(); i = next++) {
      outcomes[i] = analyse_file(walk.files[i], fs, analyzer, read);
    }
  };
  jobs = std::max(1u, jobs);
  std::vector<std::thread> threads;
  for (unsigned worker = 1; worker < jobs; ++worker) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();

  for (const Outcome& outcome : outcomes) {
    for (const auto& [path, reason] : outcome.skips) {
      report_skip(path, reason);
      ++skipped;
    }
    for (const std::string& line : outcome.lines) out << line << '\n';
  }
  return skipped;
}

}  // namespace newsdex
