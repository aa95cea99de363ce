#include "index_run.h"

#include <optional>
#include <system_error>
#include <unordered_set>

#include "corpus_walker.h"
#include "index_state.h"
#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "newsdex/errors.h"
#include "newsdex/schema.h"
#include "ordered_pipeline.h"

namespace newsdex {
namespace {

Xapian::WritableDatabase open_for_writing(const IndexOptions& options) {
  try {
    Xapian::WritableDatabase db(options.db_path, Xapian::DB_CREATE_OR_OPEN);
    try {
      check_schema_metadata(db, options.db_path);
    } catch (const IndexError&) {
      if (!options.full) throw;
      // --full on an index of another schema: start it again from nothing.
      db.close();
      db = Xapian::WritableDatabase(options.db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    }
    return db;
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexBusyError("index " + options.db_path + " is locked by another writer");
  } catch (const Xapian::DatabaseError& e) {
    throw IndexError("cannot open index " + options.db_path + ": " + e.get_msg());
  }
}

// Documents built ahead of the writer at most: bounds memory whatever the corpus size.
constexpr std::size_t kBuildWindow = 256;

bool stamp_matches(const StoredStamp& stored, const SourceFile& file) {
  return stored.mtime == Xapian::sortable_serialise(file.mtime) &&
         stored.size == Xapian::sortable_serialise(static_cast<double>(file.size));
}

bool under_any(const std::string& id_term_text, const std::vector<WalkProblem>& problems) {
  for (const WalkProblem& problem : problems) {
    if (!problem.id_prefix.empty() && id_term_text.starts_with("Q" + problem.id_prefix)) {
      return true;
    }
  }
  return false;
}

}  // namespace

IndexCounts run_index(const IndexOptions& options, const FileSystem& fs,
                      const SkipReporter& report_skip) {
  // Walk before opening the index, so that bad roots never create or touch it.
  WalkResult walk = walk_corpus(fs, options.roots);
  Xapian::WritableDatabase db = open_for_writing(options);
  IndexState state = load_index_state(db);

  IndexCounts counts;
  for (const WalkProblem& problem : walk.problems) {
    report_skip(problem.path, problem.reason);
    ++counts.skipped;
  }

  // What needs work: new and changed files (a stat per file, decided here).
  struct Job {
    const SourceFile* file;
    std::string term;
    bool known;
  };
  std::vector<Job> jobs;
  std::unordered_set<std::string> seen_terms;
  for (const SourceFile& file : walk.files) {
    std::string term = id_term(file.id);
    seen_terms.insert(term);
    auto stored = state.find(term);
    bool known = stored != state.end();
    if (known && !options.full && stamp_matches(stored->second, file)) {
      ++counts.unchanged;
      continue;
    }
    jobs.push_back({&file, std::move(term), known});
  }

  // Workers read, clean, analyse and build documents; this thread, the database's only
  // user, applies them in corpus order and commits in batches.
  struct Built {
    std::optional<Xapian::Document> document;
    std::string skip_reason;
  };
  ArticleAnalyzer analyzer(options.analysis);
  std::size_t pending = 0;
  run_ordered(
      jobs.size(), options.jobs, kBuildWindow, [] { return DocumentBuilder(); },
      [&](DocumentBuilder& builder, std::size_t i) -> Built {
        const SourceFile& file = *jobs[i].file;
        try {
          Article article = make_article(file, fs.read_file(file.path));
          analyzer.analyze(article);
          return {builder.build(article), {}};
        } catch (const ArticleError& e) {
          return {std::nullopt, e.what()};
        } catch (const std::system_error& e) {
          return {std::nullopt, e.code().message()};
        }
      },
      [&](std::size_t i, Built built) {
        if (!built.document) {
          report_skip(jobs[i].file->path, built.skip_reason);
          ++counts.skipped;
          return;
        }
        db.replace_document(jobs[i].term, *built.document);
        ++(jobs[i].known ? counts.updated : counts.added);
        if (++pending >= options.commit_every) {
          db.commit();
          pending = 0;
        }
      });

  for (const auto& [term, stamp] : state) {
    if (seen_terms.contains(term) || under_any(term, walk.problems)) continue;
    db.delete_document(stamp.docid);
    ++counts.deleted;
  }

  write_schema_metadata(db);
  db.commit();
  return counts;
}

}  // namespace newsdex
