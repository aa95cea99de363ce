#include "article_building.h"

#include <exception>
#include <utility>

#include "index_run.h"
#include "newsdex/schema.h"

namespace newsdex {
namespace {

// The vanished article that this one is, moved, if its analysis can be kept.
const StoredArticle* moved_article(const FileJob& job, const Article& article,
                                   const VanishedArticles& vanished) {
  auto moved = job.stored == nullptr && article.id == job.file->id
                   ? vanished.find(article.content_hash)
                   : vanished.end();
  // Same bytes, but a new source may clean them differently (its learnt
  // residue): the analysis is kept only for the same clean text.
  // The section is a topic too, and the text's own topics may hold the old
  // section's name: a move to another section is analysed afresh.
  if (moved != vanished.end() && moved->second.body == article.body &&
      moved->second.title == article.title && moved->second.section == article.section) {
    return &moved->second;
  }
  return nullptr;
}

}  // namespace

BuiltFile build_file(const FileJob& job, const BuildInputs& inputs, DocumentBuilder& builder) {
  BuiltFile built;
  try {
    std::string bytes = inputs.fs->read_file(job.file->path, job.file->read_limits);
    if (job.stored != nullptr && !job.force && !inputs.full &&
        content_hash(bytes) == job.stored->content_hash) {
      built.touched = true;
      return built;
    }
    FileArticles file = read_articles(*job.file, bytes, inputs.read);
    built.problems = std::move(file.problems);
    built.replaced_bytes = file.replaced_bytes;
    for (Article& article : file.articles) {
      if (const StoredArticle* moved = moved_article(job, article, *inputs.vanished)) {
        article.entities = moved->entities;
        built.moved = true;
      } else {
        (*inputs.analyzer)->analyze(article);
      }
      Xapian::Document document = builder.build(article);
      built.entries.push_back({id_term(article.id), std::move(document), article.fingerprint});
    }
  } catch (...) {
    built.skip_reason = skip_reason(std::current_exception());
  }
  return built;
}

}  // namespace newsdex
