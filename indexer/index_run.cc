#include "index_run.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <future>
#include <optional>
#include <set>
#include <system_error>
#include <thread>

#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "compaction.h"
#include "corpus_walker.h"
#include "db_path_guard.h"
#include "duplicate_clusters.h"
#include "fatal_write.h"
#include "index_databases.h"
#include "index_state.h"
#include "newsdex/aliases.h"
#include "newsdex/article.h"
#include "newsdex/document_builder.h"
#include "newsdex/errors.h"
#include "newsdex/schema.h"
#include "newsdex/search_lease.h"
#include "newsdex/stored_article.h"
#include "ordered_pipeline.h"
#include "residue_learning.h"
#include "residue_prescan.h"
#include "run_report.h"
#include "search_aids.h"
#include "shard_layout.h"
#include "skip_memory.h"
#include "synonym_inputs.h"
#include "writer_lock.h"

namespace newsdex {
namespace {

// How often a waiting indexer tries the lock again.
constexpr std::chrono::milliseconds kLockRetry{100};

// Thrown by the writer when asked to stop; caught in run_index.
struct Interrupted {};

// Opens the index, waiting up to options.lock_timeout for another writer to finish. The
// lock is Xapian's own: newsdex never removes a lock file.
IndexDatabases open_for_writing(const IndexOptions& options) {
  auto started = std::chrono::steady_clock::now();
  for (;;) {
    try {
      return IndexDatabases({options.db_path, options.shards, options.full, options.no_sync});
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
void refresh_stamp(IndexDatabases& dbs, Xapian::docid docid, const SourceFile& file) {
  std::string mtime = Xapian::sortable_serialise(file.mtime);
  std::string size = Xapian::sortable_serialise(static_cast<double>(file.size));
  dbs.update(docid, [mtime, size](Xapian::Document& doc) {
    doc.add_value(kSlotMtime, mtime);
    doc.add_value(kSlotSize, size);
  });
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
                           {"skipped_remembered", counts.skipped_remembered},
                           {"recleaned", counts.recleaned},
                           {"replaced_bytes", counts.replaced_bytes},
                           {"interrupted", counts.interrupted}};
  return record.dump();
}

// Whether an article belongs to something the walk could not take: a folder (prefix
// ending in '/'), or a file, which also covers the entries of a dump (":12", "#3").
bool under_any(const std::string& id_term_text, const std::vector<WalkProblem>& problems) {
  for (const WalkProblem& problem : problems) {
    if (problem.id_prefix.empty()) continue;
    std::string prefix = "Q" + problem.id_prefix;
    if (!id_term_text.starts_with(prefix)) continue;
    if (id_term_text.size() == prefix.size() || prefix.back() == '/') return true;
    char next = id_term_text[prefix.size()];
    if (next == ':' || next == '#') return true;
  }
  return false;
}

// A file that needs work, with what the index holds of it.
struct Job {
  const SourceFile* file;
  const StoredStamp* stored;           // one of its articles; null for a new file
  std::vector<std::string> old_terms;  // id terms of its articles in the index
  bool force = false;                  // read and analyse even when the bytes are the same
};

// What a worker made of a file, for the writer.
struct Built {
  struct Entry {
    std::string term;
    Xapian::Document document;
    Fingerprint fingerprint;
  };
  std::vector<Entry> entries;
  std::vector<DocumentProblem> problems;  // entries of a dump that were skipped
  std::string skip_reason;                // the whole file was skipped
  std::size_t replaced_bytes = 0;         // see FileArticles
  bool touched = false;                   // same content as indexed: only the stamp needs writing
  bool moved = false;                     // a vanished article's content under a new name
};

// Where each file's articles are in the index: a file is one article (its id term),
// except a JSON dump, whose articles name it in kSlotFile.
class IndexedFiles {
 public:
  explicit IndexedFiles(const IndexState& state) : state_(state) {
    for (const auto& [term, stamp] : state) {
      if (!stamp.file.empty()) dump_terms_[stamp.file].push_back(term);
    }
  }

  std::vector<std::string> terms_of(const SourceFile& file) const {
    if (auto dump = dump_terms_.find(file.id); dump != dump_terms_.end()) return dump->second;
    std::string term = id_term(file.id);
    if (state_.contains(term)) return {term};
    return {};
  }

  const StoredStamp* stamp_of(const std::vector<std::string>& terms) const {
    return terms.empty() ? nullptr : &state_.at(terms.front());
  }

 private:
  const IndexState& state_;
  std::unordered_map<std::string, std::vector<std::string>> dump_terms_;
};

// Fills `clusters` with the id terms, fingerprints and collapse keys of the indexed
// articles, from three value streams. Articles without words (no fingerprint) are in no
// group.
void load_duplicate_clusters(const Xapian::Database& db, DuplicateClusters& clusters) {
  auto read_slot = [&db](Xapian::valueno slot) {
    std::unordered_map<Xapian::docid, std::string> values;
    for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
      values.emplace(v.get_docid(), *v);
    }
    return values;
  };
  std::unordered_map<Xapian::docid, std::string> keys = read_slot(kSlotDuplicateKey);
  std::unordered_map<Xapian::docid, std::string> terms = read_slot(kSlotIdTerm);
  for (auto v = db.valuestream_begin(kSlotFingerprint); v != db.valuestream_end(kSlotFingerprint);
       ++v) {
    auto key = keys.find(v.get_docid());
    auto term = terms.find(v.get_docid());
    Fingerprint fingerprint = fingerprint_from_bytes(*v);
    if (key == keys.end() || term == terms.end() || fingerprint.empty()) continue;
    clusters.add_existing(term->second, fingerprint, std::move(key->second));
  }
}

// Writes the keys of the articles whose near-duplicate group changed in this run: a
// deletion may split a group, and an article may join two (see duplicate_clusters.h).
void apply_regrouping(IndexDatabases& dbs, const DuplicateClusters& clusters) {
  std::vector<std::pair<Xapian::docid, std::string>> changes;
  const Xapian::Database& view = dbs.view();  // read before any change is posted
  for (DuplicateClusters::Regrouped& change : clusters.regrouped()) {
    auto posting = view.postlist_begin(change.id_term);
    if (posting != view.postlist_end(change.id_term))
      changes.emplace_back(*posting, std::move(change.key));
  }
  for (auto& [docid, key] : changes) {
    dbs.update(docid,
               [key = std::move(key)](Xapian::Document& doc) { set_duplicate_key(doc, key); });
  }
}

// The files of these articles, to be read and cleaned again (in corpus order). Articles
// whose files are gone from the walk are left for the deletions.
std::vector<Job> jobs_to_reclean(
    const Xapian::Database& db, const std::vector<Xapian::docid>& docids,
    const std::unordered_map<std::string_view, const SourceFile*>& file_by_id,
    const IndexedFiles& indexed, const std::vector<Job>& queued) {
  std::set<const SourceFile*, std::less<>> files;
  std::set<const SourceFile*, std::less<>> already;
  for (const Job& job : queued) already.insert(job.file);
  for (Xapian::docid docid : docids) {
    Xapian::Document doc = db.get_document(docid);
    std::string file_id = doc.get_value(kSlotFile);
    if (file_id.empty()) file_id = StoredArticle::parse(doc.get_data()).id;
    auto file = file_by_id.find(file_id);
    if (file != file_by_id.end() && !already.contains(file->second)) files.insert(file->second);
  }
  std::vector<Job> jobs;
  for (const SourceFile* file : files) {
    std::vector<std::string> terms = indexed.terms_of(*file);
    jobs.push_back({file, indexed.stamp_of(terms), std::move(terms), true});
  }
  return jobs;
}

// How the run reads files (cleaning is set per pass).
ReadOptions read_options_of(const IndexOptions& options) {
  ReadOptions read;
  read.max_decompressed_bytes = options.max_file_bytes;
  return read;
}

// The spelling dictionary and synonyms follow the documents: rebuilt (each only by its
// difference) after a run that changed articles, or when a run before stopped early.
void update_search_aids(IndexDatabases& dbs, const IndexCounts& counts,
                        const SynonymInputWatch& synonym_inputs) {
  Xapian::WritableDatabase& aids = dbs.aids();
  std::string meta_key(kMetaSearchAids);
  bool changed = counts.added + counts.updated + counts.deleted + counts.recleaned > 0;
  if (counts.interrupted) {
    if (changed) aids.set_metadata(meta_key, "stale");
    return;
  }
  bool were_current = aids.get_metadata(meta_key) == kSearchAidsCurrent;
  if (!changed && were_current) return;
  sync_spelling(dbs.view(), aids);
  // Synonyms take a pass over every name of the index: kept when nothing they are made
  // of changed since they were last written.
  const std::vector<AliasGroup>& shipped = shipped_aliases();
  std::string source = synonym_source(shipped);
  std::string meta_source(kMetaSynonymSource);
  if (!were_current || aids.get_metadata(meta_source) != source ||
      synonym_inputs.may_change_synonyms(dbs.view())) {
    write_synonyms(dbs.view(), aids, shipped);
    aids.set_metadata(meta_source, source);
  }
  aids.set_metadata(meta_key, std::string(kSearchAidsCurrent));
}

}  // namespace

std::string skip_reason(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const ArticleError& e) {
    return e.what();
  } catch (const std::system_error& e) {
    return e.code().message();
  } catch (const Xapian::Error& e) {
    return "cannot be indexed: " + e.get_description();
  } catch (const std::exception& e) {
    // Whatever one file brings (a library's own error, memory for one huge value) ends
    // its own indexing, never the run.
    return std::string("cannot be indexed: ") + e.what();
  } catch (...) {
    return "cannot be indexed: unknown error";
  }
}

namespace {

// The corpus walk, running beside the work that does not need it.
using PendingWalk = std::shared_future<WalkResult>;

// What index_files() did besides counting.
struct FilesIndexed {
  IndexCounts counts;
  bool wrote_everything = false;  // a new index, or --full: every article written anew
  unsigned shards = 1;
};

// The run itself, on the databases of options.db_path, under the writer lock.
FilesIndexed index_files(const IndexOptions& requested, const FileSystem& fs,
                         const SkipReporter& report_skip, const PendingWalk& pending_walk) {
  IndexDatabases dbs = open_for_writing(requested);
  const Xapian::Database& db = dbs.view();
  // Commits, and then lets the searches still reading the revision before finish
  // before anything more is written (see newsdex/search_lease.h). The first wait is for
  // searches of the last run's revisions, before this run writes at all.
  std::optional<SearchGate> search_gate;
  auto let_searches_finish = [&] {
    if (search_gate)
      search_gate->wait_for_searches(requested.max_seconds_waiting_for_searches,
                                     requested.interrupted);
  };
  if (requested.searches_may_read) {
    search_gate.emplace(requested.db_path);
    let_searches_finish();
  }
  auto commit = [&] {
    dbs.commit();
    let_searches_finish();
  };
  // What the index holds, read while the walk runs on another core (both take about as
  // long: a no-change run is these two and little else).
  IndexState state = load_index_state(db);
  // Articles analysed otherwise than this run would (an older newsdex's names or model)
  // are all analysed again, as --full does: one index never mixes two analyses.
  const std::string analysis = analysis_digest(requested.analysis);
  const bool reanalyse = !state.empty() && !requested.full &&
                         dbs.aids().get_metadata(std::string(kMetaAnalysis)) != analysis;
  IndexOptions options = requested;
  options.full = requested.full || reanalyse;
  // A new index holds only what this analysis makes: said with its first commit, so that
  // a stopped build is carried on, not started again. An existing one is marked at the
  // end of a complete run.
  if (state.empty()) dbs.aids().set_metadata(std::string(kMetaAnalysis), analysis);
  IndexedFiles indexed(state);
  // The residue every article has been cleaned with, and whether learning was on.
  ResidueRecord recorded = recorded_residue(dbs.aids());
  // The duplicate fingerprints are needed only when some file changed, which the walk
  // tells; while it is still running, this thread has nothing better to do.
  // An index written before groups were components has them worked out afresh.
  DuplicateClusters clusters(state.empty() ||
                             dbs.aids().get_metadata(std::string(kMetaDuplicateGroups)) ==
                                 kDuplicateGroupsComponents);
  bool clusters_read = false;  // loaded at the latest when the run changes the index
  if (!state.empty() &&
      pending_walk.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
    load_duplicate_clusters(db, clusters);
    clusters_read = true;
  }
  const WalkResult& walk = pending_walk.get();

  IndexCounts counts;
  counts.reanalysed = reanalyse;
  SkipMemory remembered = SkipMemory::load(dbs.aids());
  if (remembered.records().empty() && !options.skips_known_from.empty()) {
    remembered = SkipMemory::load_index(options.skips_known_from);
  }
  RunSkips skips(std::move(remembered), options.retry_skipped || options.full, report_skip, counts);
  for (const WalkProblem& problem : walk.problems) skips.walk_problem(problem, fs);

  // What needs work: new and changed files (a stat per file, decided here). The articles
  // of the others are kept as they are.
  std::vector<Job> jobs;
  // Marks an article of the index as still in the corpus (or, with false, as gone from
  // its file); terms of articles not yet indexed are ignored.
  auto mark_seen = [&state](const std::string& term, bool seen = true) {
    if (auto stamp = state.find(term); stamp != state.end()) stamp->second.seen = seen;
  };
  std::unordered_map<std::string_view, const SourceFile*> file_by_id;
  file_by_id.reserve(walk.files.size());
  for (const SourceFile& file : walk.files) {
    file_by_id.emplace(file.id, &file);
    std::vector<std::string> terms = indexed.terms_of(file);
    const StoredStamp* stored = indexed.stamp_of(terms);
    for (const std::string& term : terms) mark_seen(term);
    // A file skipped before and unchanged since is not read; articles of it (or of its
    // skipped dump entries) that the index holds from before are kept.
    std::vector<std::string> skipped_entries;
    bool skipped_before = skips.replay(file, skipped_entries);
    for (const std::string& entry : skipped_entries) mark_seen(id_term(file.id + entry));
    // --retry-skipped reads a dump again for its skipped entries, though its articles
    // are unchanged.
    bool retry = skips.retries(file);
    if (!retry && stored != nullptr && !options.full && stamp_matches(*stored, file)) {
      counts.unchanged += terms.size();
      continue;
    }
    if (skipped_before) continue;
    skips.keep_until_read(file);
    jobs.push_back({&file, stored, std::move(terms), retry});
  }

  // Articles whose files vanished, by content hash: a new file with the same bytes is
  // the same article moved or renamed, and keeps its analysis. Only single-article
  // files; there are as many as files vanished since the last run.
  std::unordered_map<std::string, StoredArticle> vanished_by_content;
  bool any_new = std::any_of(jobs.begin(), jobs.end(), [](const Job& j) { return !j.stored; });
  for (const auto& [term, stamp] : state) {
    if (!any_new || options.full || stamp.seen || stamp.content_hash.empty() ||
        !stamp.file.empty()) {
      continue;
    }
    vanished_by_content.emplace(stamp.content_hash,
                                StoredArticle::parse(db.get_document(stamp.docid).get_data()));
  }

  // Residue is learnt before any article is cleaned, for the corpus as this run leaves
  // it; articles the run would not touch otherwise but that hold a line learnt or
  // forgotten since they were cleaned join the work, each built once.
  LearntSet recorded_lines = recorded.set();
  unsigned workers = options.jobs != 0 ? options.jobs
                                       : worker_threads(std::thread::hardware_concurrency(),
                                                        dbs.shard_count(), state.empty());
  ResidueInputs residue_inputs;
  residue_inputs.db = &db;
  residue_inputs.learning = options.learn_residue;
  residue_inputs.from_scratch = state.empty() || options.full;
  residue_inputs.read = read_options_of(options);
  residue_inputs.fs = &fs;
  residue_inputs.workers = workers;
  residue_inputs.interrupted = options.interrupted;
  for (const Job& job : jobs) {
    residue_inputs.files.push_back(job.file);
    std::vector<Xapian::docid>& replaced = residue_inputs.replaced.emplace_back();
    for (const std::string& term : job.old_terms) replaced.push_back(state.at(term).docid);
  }
  for (const auto& [term, stamp] : state) {
    if (!stamp.seen && !under_any(term, walk.problems))
      residue_inputs.deleted.push_back(stamp.docid);
  }
  ResidueLearned residue = learn_residue(residue_inputs, recorded);
  std::vector<Job> recleans;
  if (LearntSet changed = lines_differing(residue.lines, recorded_lines); !changed.empty()) {
    recleans = jobs_to_reclean(db, articles_with_lines(db, changed), file_by_id, indexed, jobs);
  }

  bool has_work = !jobs.empty() || !recleans.empty() || residue.record_changed;
  bool changes_index = has_work || !residue_inputs.deleted.empty();
  // The analysis data (gazetteer, model, frequencies) is loaded only when there is work,
  // the three at once, and the duplicate fingerprints beside them (this thread does not
  // touch the index until they are read).
  std::future<void> clusters_loaded;
  if (changes_index && !clusters_read) {
    clusters_read = true;
    clusters_loaded =
        std::async(std::launch::async, [&] { load_duplicate_clusters(db, clusters); });
  }
  if (has_work && options.analysis.entities) preload_analysis_data();
  std::optional<ArticleAnalyzer> analyzer;
  if (has_work) analyzer.emplace(options.analysis);
  if (clusters_loaded.valid()) clusters_loaded.get();

  SynonymInputWatch synonym_inputs;
  std::size_t pending = 0;
  auto last_commit = std::chrono::steady_clock::now();
  const auto commit_gap = std::chrono::duration<double>(options.min_seconds_between_commits);
  auto write_entries = [&](Built& built) {
    for (Built::Entry& entry : built.entries) {
      // An article without words has no fingerprint to compare: it stays alone, with
      // its own key (set by the builder).
      if (!entry.fingerprint.empty()) {
        set_duplicate_key(entry.document, clusters.assign(entry.term, entry.fingerprint));
      } else {
        clusters.remove(entry.term);
      }
      dbs.replace(entry.term, std::move(entry.document), &synonym_inputs);
      mark_seen(entry.term);
      if (++pending >= options.commit_every &&
          std::chrono::steady_clock::now() - last_commit >= commit_gap) {
        commit();
        pending = 0;
        last_commit = std::chrono::steady_clock::now();
      }
    }
  };

  // Workers read, clean, analyse and build documents; this thread, the database's only
  // user, applies them in corpus order and commits in batches.
  auto process = [&](std::vector<Job>& work, const LineKeys& residue, bool recleaning) {
    ReadOptions read_options = read_options_of(options);
    read_options.cleaning.learnt_residue = &residue;
    read_options.cleaning.collect_line_keys = true;
    run_ordered(
        work.size(), workers, kBuildWindow, [] { return DocumentBuilder(); },
        [&](DocumentBuilder& builder, std::size_t i) -> Built {
          const Job& job = work[i];
          Built built;
          try {
            std::string bytes = fs.read_file(job.file->path, job.file->read_limits);
            if (job.stored != nullptr && !job.force && !options.full &&
                content_hash(bytes) == job.stored->content_hash) {
              built.touched = true;
              return built;
            }
            FileArticles file = read_articles(*job.file, bytes, read_options);
            built.problems = std::move(file.problems);
            built.replaced_bytes = file.replaced_bytes;
            for (Article& article : file.articles) {
              auto moved = job.stored == nullptr && article.id == job.file->id
                               ? vanished_by_content.find(article.content_hash)
                               : vanished_by_content.end();
              // Same bytes, but a new source may clean them differently (its learnt
              // residue): the analysis is kept only for the same clean text.
              // The section is a topic too, and the text's own topics may hold the old
              // section's name: a move to another section is analysed afresh.
              if (moved != vanished_by_content.end() && moved->second.body == article.body &&
                  moved->second.title == article.title &&
                  moved->second.section == article.section) {
                article.entities = moved->second.entities;
                built.moved = true;
              } else {
                analyzer->analyze(article);
              }
              Xapian::Document document = builder.build(article);
              std::string term = id_term(article.id);
              document.add_value(kSlotIdTerm, term);
              built.entries.push_back({std::move(term), std::move(document), article.fingerprint});
            }
          } catch (...) {
            built.skip_reason = skip_reason(std::current_exception());
          }
          return built;
        },
        [&](std::size_t i, Built built) {
          if (options.interrupted != nullptr && *options.interrupted) throw Interrupted{};
          const Job& job = work[i];
          if (options.on_progress && !recleaning) options.on_progress(i + 1, work.size());
          if (!recleaning) skips.file_read(*job.file);
          if (built.touched) {
            for (const std::string& term : job.old_terms)
              refresh_stamp(dbs, state.at(term).docid, *job.file);
            counts.unchanged += job.old_terms.size();
            counts.touched += job.old_terms.size();
            return;
          }
          if (!built.skip_reason.empty()) {
            skips.file_skipped(*job.file, "", built.skip_reason);  // its articles are kept
            return;
          }
          // Articles of this file that it no longer holds go with the deletions below;
          // those of entries that cannot be read now stay as they were.
          for (const std::string& term : job.old_terms) {
            if (std::none_of(built.entries.begin(), built.entries.end(),
                             [&](const Built::Entry& e) { return e.term == term; })) {
              mark_seen(term, false);
            }
          }
          for (const DocumentProblem& problem : built.problems) {
            skips.file_skipped(*job.file, problem.id_suffix, problem.reason);
            mark_seen(id_term(job.file->id + problem.id_suffix));
          }
          std::size_t articles = built.entries.size();
          if (!recleaning) counts.replaced_bytes += built.replaced_bytes;
          if (recleaning) {
            counts.recleaned += articles;
          } else {
            counts.moved += built.moved ? articles : 0;
            (job.stored != nullptr ? counts.updated : counts.added) += articles;
          }
          write_entries(built);
        });
  };

  auto delete_vanished = [&] {
    for (const auto& [term, stamp] : state) {
      if (stamp.seen || under_any(term, walk.problems)) continue;
      dbs.remove(stamp.docid);
      clusters.remove(term);
      synonym_inputs.article_added_or_deleted();
      ++counts.deleted;
    }
  };
  try {
    LineKeys residue_keys = keys_of(residue.lines);
    if (!jobs.empty()) process(jobs, residue_keys, false);
    if (!recleans.empty()) process(recleans, residue_keys, true);
    delete_vanished();
    // The pre-scan counted what each file should give; a file or entry that turned out
    // unusable, or an article emptied by the residue, counts otherwise. The index now
    // holds the true counts (read through the writers' own databases, uncommitted
    // articles included): where they learn other lines, clean those articles again.
    if (residue.counted && options.learn_residue) {
      ResidueCounts actual;
      actual.load_index(dbs.view(), {});
      LearntSet lines = actual.learnt();
      if (LearntSet changed = lines_differing(lines, residue.lines); !changed.empty()) {
        std::vector<Job> again = jobs_to_reclean(
            dbs.view(), articles_with_lines(dbs.view(), changed), file_by_id, indexed, {});
        LineKeys keys = keys_of(lines);
        process(again, keys, true);
        residue.record.lines = actual.describe(&dbs.view(), residue.record.lines);
        residue.lines = std::move(lines);
      }
    }
    if (residue.record_changed || !recleans.empty()) record_residue(dbs.aids(), residue.record);
  } catch (const Interrupted&) {
    counts.interrupted = true;  // what was applied is committed below; deletions wait
  }
  // Also after an interruption: the groups of what the index holds are then right.
  if (changes_index) {
    apply_regrouping(dbs, clusters);
    dbs.aids().set_metadata(std::string(kMetaDuplicateGroups),
                            std::string(kDuplicateGroupsComponents));
  }

  update_search_aids(dbs, counts, synonym_inputs);
  skips.after().save(dbs.aids());
  dbs.aids().set_metadata(std::string(kMetaLastRun), run_record(counts));
  // Only a complete run has analysed every article it keeps with this analysis.
  if (!counts.interrupted) dbs.aids().set_metadata(std::string(kMetaAnalysis), analysis);
  dbs.commit();
  unsigned shards = dbs.shard_count();
  dbs.close();
  return {counts, state.empty() || options.full, shards};
}

// Temporary shards of a new single-database index: written by one thread each, then
// merged into the index by Database::compact. Xapian's write path is most of a full
// run's CPU, so this is what lets both cores work. A fixed number, so document ids do
// not depend on --jobs or the machine.
constexpr unsigned kBuildShards = 2;

// A new single-database index, built in kBuildShards temporary shards beside it
// ("DB.building") and merged into it, compacted, at the end ("DB.merging", then renamed
// to DB: the index appears at once). An interrupted run merges what it has, so the next
// run carries on from the index; a killed one leaves DB.building, which the next run
// (holding the same writer lock) takes up where it stopped.
IndexCounts build_new_index(const IndexOptions& options, const FileSystem& fs,
                            const SkipReporter& report_skip, const PendingWalk& walk) {
  IndexOptions build = options;
  build.db_path = options.db_path + ".building";
  build.shards = kBuildShards;
  build.no_sync = true;                   // the merge below writes the index that stays, with fsync
  build.min_seconds_between_commits = 0;  // nobody searches it
  build.searches_may_read = false;
  std::string merged = options.db_path + ".merging";
  std::error_code error;
  // Leftovers are removed only when they are recognisably ours: a user's folder that
  // happens to be named so is refused (run_index checked already; this is where they
  // would be deleted, so again).
  check_run_leftovers(options.db_path);
  std::filesystem::remove_all(merged, error);  // from a run killed while merging
  if (std::filesystem::exists(build.db_path, error)) {
    try {
      Xapian::Database(build.db_path).get_doccount();
    } catch (const Xapian::Error&) {
      // Written without fsync: after a power cut it may not open. Start again.
      std::filesystem::remove_all(build.db_path, error);
    }
  }
  FilesIndexed result;
  // Also when Xapian ends the process instead of throwing (fatal_write.h).
  RemovedIfWritingFails building_if_failing(build.db_path), merged_if_failing(merged);
  try {
    result = index_files(build, fs, report_skip, walk);
  } catch (...) {
    // A run that failed (a full disk) leaves nothing that could fill the disk again; a
    // stopped or killed one leaves its work to be taken up (above).
    std::filesystem::remove_all(build.db_path, error);
    throw;
  }
  try {
    merge_index(build.db_path, merged);
    std::filesystem::rename(merged, options.db_path);
  } catch (...) {
    std::filesystem::remove_all(merged, error);
    throw;
  }
  std::filesystem::remove_all(build.db_path, error);
  return result.counts;
}

}  // namespace

unsigned worker_threads(unsigned cores, unsigned writer_threads, bool new_index) {
  cores = std::max(1u, cores);
  if (new_index || writer_threads > 1) return cores;
  return std::max(1u, cores - 1);
}

IndexCounts run_index(const IndexOptions& options, const FileSystem& fs,
                      const SkipReporter& report_skip) {
  // Roots are checked before the index is opened, so that bad ones never create or touch
  // it; the walk then runs beside the opening and the reading of the index's state.
  WalkOptions walk_options;
  walk_options.max_file_bytes = options.max_file_bytes;
  std::vector<CheckedRoot> roots = check_roots(fs, options.roots);
  check_db_path(options.db_path, options.roots);  // before anything is written beside it
  PendingWalk walk = std::async(std::launch::async, walk_checked_roots, std::cref(fs),
                                std::move(roots), walk_options)
                         .share();
  std::optional<WriterLock> lock;
  if (options.take_writer_lock)
    lock.emplace(options.db_path, options.lock_timeout, options.interrupted);
  if (options.shards <= 1 && existing_shard_count(options.db_path) == 0) {
    return build_new_index(options, fs, report_skip, walk);
  }
  FilesIndexed result = index_files(options, fs, report_skip, walk);
  // A run that wrote the whole index leaves it as a batch build does, half empty:
  // compact it (see compaction.h). Later runs change a little and leave it be.
  const IndexCounts& counts = result.counts;
  if (result.wrote_everything && !counts.interrupted && counts.added + counts.updated > 0) {
    for (const std::string& folder : database_folders(options.db_path, result.shards)) {
      if (can_compact_in_place(folder)) compact_in_place(folder);
    }
  }
  return counts;
}

}  // namespace newsdex
