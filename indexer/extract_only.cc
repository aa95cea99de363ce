#include "extract_only.h"

#include <system_error>

#include <nlohmann/json.hpp>

#include "corpus_walker.h"
#include "newsdex/errors.h"

namespace newsdex {

std::size_t extract_only(const std::vector<std::string>& roots, const FileSystem& fs,
                         const ArticleAnalyzer& analyzer, std::ostream& out,
                         const SkipReporter& report_skip) {
  WalkResult walk = walk_corpus(fs, roots);
  std::size_t skipped = 0;
  for (const WalkProblem& problem : walk.problems) {
    report_skip(problem.path, problem.reason);
    ++skipped;
  }
  for (const SourceFile& file : walk.files) {
    Article article;
    Extraction extraction;
    try {
      article = make_article(file, fs.read_file(file.path));
      extraction = analyzer.analyze(article);
    } catch (const ArticleError& e) {
      report_skip(file.path, e.what());
      ++skipped;
      continue;
    } catch (const std::system_error& e) {
      report_skip(file.path, e.code().message());
      ++skipped;
      continue;
    }
    nlohmann::json aliases = nlohmann::json::object();
    for (const ExtractedEntity& entity : extraction.entities) {
      if (!entity.aliases.empty()) aliases[entity.name] = entity.aliases;
    }
    const ArticleEntities& e = article.entities;
    nlohmann::json line = {{"file", file.id},    {"people", e.people},
                           {"places", e.places}, {"organizations", e.organizations},
                           {"topics", e.topics}, {"aliases", aliases}};
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  return skipped;
}

}  // namespace newsdex
