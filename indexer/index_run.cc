#include "index_run.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "corpus_walker.h"
#include "index_state.h"
#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "newsdex/errors.h"
#include "newsdex/schema.h"
#include "newsdex/stored_article.h"
#include "ordered_pipeline.h"
#include "run_report.h"
#include "writer_lock.h"

namespace newsdex {
namespace {

// How often a waiting indexer tries the lock again.
constexpr std::chrono::milliseconds kLockRetry{100};

// Thrown by the writer when asked to stop; caught in run_index.
struct Interrupted {};

Xapian::WritableDatabase open_once(const IndexOptions& options) {
  Xapian::WritableDatabase db(options.db_path, Xapian::DB_CREATE_OR_OPEN);
  try {
    check_schema_metadata(db, options.db_path);
  } catch (const IndexError&) {
    if (!options.full) throw;
    // --full on an index of another schema: start it again from nothing.
    db.close();
    db = Xapian::WritableDatabase(options.db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  }
  // Part of the first commit, so that a run killed after any batch leaves an index
  // that the next run and the search tool recognise.
  write_schema_metadata(db);
  return db;
}

// Opens the index, waiting up to options.lock_timeout for another writer to finish. The
// lock is Xapian's own: newsdex never removes a lock file.
Xapian::WritableDatabase open_for_writing(const IndexOptions& options) {
  auto started = std::chrono::steady_clock::now();
  for (;;) {
    try {
      return open_once(options);
    } catch (const Xapian::DatabaseLockError&) {
      std::chrono::duration<double> waited = std::chrono::steady_clock::now() - started;
      bool interrupted = options.interrupted != nullptr && *options.interrupted;
      if (waited.count() >= options.lock_timeout || interrupted) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.1f", waited.count());
        throw IndexBusyError("index " + options.db_path + " is locked by another writer (waited " +
                             seconds + " s)");
      }
      std::this_thread::sleep_for(kLockRetry);
    } catch (const Xapian::DatabaseError& e) {
      throw IndexError("cannot open index " + options.db_path + ": " + e.get_msg());
    }
  }
}

// Documents built ahead of the writer at most: bounds memory whatever the corpus size.
constexpr std::size_t kBuildWindow = 256;

// A touched file: new mtime (and size) values on the document as it is. Xapian writes
// only the values when no term changed.
void refresh_stamp(Xapian::WritableDatabase& db, Xapian::docid docid, const SourceFile& file) {
  Xapian::Document doc = db.get_document(docid);
  doc.add_value(kSlotMtime, Xapian::sortable_serialise(file.mtime));
  doc.add_value(kSlotSize, Xapian::sortable_serialise(static_cast<double>(file.size)));
  db.replace_document(docid, doc);
}

// A moved article keeps the entities and topics found before; only its section topic
// follows it to the new folder.
void keep_analysis(const StoredArticle& before, Article& article) {
  article.entities = before.entities;
  std::vector<std::string>& topics = article.entities.topics;
  if (!before.section.empty()) std::erase(topics, before.section);
  if (!article.section.empty() &&
      std::find(topics.begin(), topics.end(), article.section) == topics.end()) {
    topics.push_back(article.section);
  }
}

bool stamp_matches(const StoredStamp& stored, const SourceFile& file) {
  return stored.mtime == Xapian::sortable_serialise(file.mtime) &&
         stored.size == Xapian::sortable_serialise(static_cast<double>(file.size));
}

// The counts of a run as stored in the index metadata (see kMetaLastRun).
std::string run_record(const IndexCounts& counts) {
  nlohmann::json record = {{"finished", utc_now()},
                           {"added", counts.added},
                           {"updated", counts.updated},
                           {"unchanged", counts.unchanged},
                           {"touched", counts.touched},
                           {"moved", counts.moved},
                           {"deleted", counts.deleted},
                           {"skipped", counts.skipped},
                           {"interrupted", counts.interrupted}};
  return record.dump();
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
  std::optional<WriterLock> lock;
  if (options.take_writer_lock)
    lock.emplace(options.db_path, options.lock_timeout, options.interrupted);
  Xapian::WritableDatabase db = open_for_writing(options);
  IndexState state = load_index_state(db);

  IndexCounts counts;
  auto skip = [&](const std::string& path, const std::string& reason) {
    report_skip(path, reason);
    ++counts.skipped;
    ++counts.skip_reasons[reason];
  };
  for (const WalkProblem& problem : walk.problems) skip(problem.path, problem.reason);

  // What needs work: new and changed files (a stat per file, decided here).
  struct Job {
    const SourceFile* file;
    std::string term;
    const StoredStamp* stored;  // null for a new article
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
    jobs.push_back({&file, std::move(term), known ? &stored->second : nullptr});
  }

  // Articles whose files vanished, by content hash: a new file with the same bytes is
  // the same article moved or renamed, and keeps its analysis. Read here, on the only
  // thread that uses the database; there are as many as files vanished since last run.
  std::unordered_map<std::string, StoredArticle> vanished_by_content;
  bool any_new = std::any_of(jobs.begin(), jobs.end(), [](const Job& j) { return !j.stored; });
  for (const auto& [term, stamp] : state) {
    if (!any_new || options.full || seen_terms.contains(term) || stamp.content_hash.empty()) {
      continue;
    }
    vanished_by_content.emplace(stamp.content_hash,
                                StoredArticle::parse(db.get_document(stamp.docid).get_data()));
  }

  // Workers read, clean, analyse and build documents; this thread, the database's only
  // user, applies them in corpus order and commits in batches.
  struct Built {
    std::optional<Xapian::Document> document;
    std::string skip_reason;
    bool touched = false;  // same content as indexed: only the stamp needs writing
    bool moved = false;    // a vanished article's content under a new name
  };
  // The analysis data (gazetteer, model, frequencies) is loaded only when there is work,
  // the three at once.
  if (!jobs.empty() && options.analysis.entities) preload_analysis_data();
  std::optional<ArticleAnalyzer> analyzer;
  if (!jobs.empty()) analyzer.emplace(options.analysis);
  std::size_t pending = 0;
  try {
    run_ordered(
        jobs.size(), options.jobs, kBuildWindow, [] { return DocumentBuilder(); },
        [&](DocumentBuilder& builder, std::size_t i) -> Built {
          const SourceFile& file = *jobs[i].file;
          try {
            std::string bytes = fs.read_file(file.path);
            const StoredStamp* stored = jobs[i].stored;
            if (stored != nullptr && !options.full && content_hash(bytes) == stored->content_hash) {
              return {std::nullopt, {}, true};
            }
            Article article = make_article(file, bytes);
            if (stored == nullptr) {
              auto moved = vanished_by_content.find(article.content_hash);
              if (moved != vanished_by_content.end()) {
                keep_analysis(moved->second, article);
                return {builder.build(article), {}, false, true};
              }
            }
            analyzer->analyze(article);
            return {builder.build(article), {}};
          } catch (const ArticleError& e) {
            return {std::nullopt, e.what()};
          } catch (const std::system_error& e) {
            return {std::nullopt, e.code().message()};
          }
        },
        [&](std::size_t i, Built built) {
          if (options.interrupted != nullptr && *options.interrupted) throw Interrupted{};
          if (options.on_progress) options.on_progress(i + 1, jobs.size());
          if (built.touched) {
            refresh_stamp(db, jobs[i].stored->docid, *jobs[i].file);
            ++counts.unchanged;
            ++counts.touched;
            return;
          }
          if (!built.document) {
            skip(jobs[i].file->path, built.skip_reason);
            return;
          }
          db.replace_document(jobs[i].term, *built.document);
          counts.moved += built.moved;
          ++(jobs[i].stored != nullptr ? counts.updated : counts.added);
          if (++pending >= options.commit_every) {
            db.commit();
            pending = 0;
          }
        });

  } catch (const Interrupted&) {
    counts.interrupted = true;  // what was applied is committed below
  }

  for (const auto& [term, stamp] : state) {
    if (counts.interrupted) break;
    if (seen_terms.contains(term) || under_any(term, walk.problems)) continue;
    db.delete_document(stamp.docid);
    ++counts.deleted;
  }

  db.set_metadata(std::string(kMetaLastRun), run_record(counts));
  db.commit();
  return counts;
}

}  // namespace newsdex
