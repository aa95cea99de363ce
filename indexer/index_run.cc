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

#include "article_building.h"
#include "compaction.h"
#include "corpus_aliases.h"
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
std::vector<FileJob> jobs_to_reclean(
    const Xapian::Database& db, const std::vector<Xapian::docid>& docids,
    const std::unordered_map<std::string_view, const SourceFile*>& file_by_id,
    const IndexedFiles& indexed, const std::vector<FileJob>& queued) {
  std::set<const SourceFile*, std::less<>> files;
  std::set<const SourceFile*, std::less<>> already;
  for (const FileJob& job : queued) already.insert(job.file);
  for (Xapian::docid docid : docids) {
    Xapian::Document doc = db.get_document(docid);
    std::string file_id = doc.get_value(kSlotFile);
    if (file_id.empty()) file_id = StoredArticle::parse(doc.get_data()).id;
    auto file = file_by_id.find(file_id);
    if (file != file_by_id.end() && !already.contains(file->second)) files.insert(file->second);
  }
  std::vector<FileJob> jobs;
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
    // Worked out afresh from every article's names, so an incremental run leaves the
    // table a clean build of the same articles would write.
    const CorpusAliases corpus = find_corpus_aliases(dbs.view());
    write_synonyms(dbs.view(), aids, shipped, corpus);
    aids.set_metadata(std::string(kMetaCorpusAliases), corpus.serialise());
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

// Commits, and then lets the searches still reading the revision before finish before
// anything more is written (see newsdex/search_lease.h). Made before the run writes at
// all, it first waits for the searches of the last run's revisions.
class SearchAwareCommits {
 public:
  SearchAwareCommits(IndexDatabases& dbs, const IndexOptions& options)
      : dbs_(dbs),
        max_seconds_waiting_(options.max_seconds_waiting_for_searches),
        interrupted_(options.interrupted) {
    if (options.searches_may_read) {
      search_gate_.emplace(options.db_path);
      let_searches_finish();
    }
  }

  void commit() {
    dbs_.commit();
    let_searches_finish();
  }

 private:
  void let_searches_finish() {
    if (search_gate_) search_gate_->wait_for_searches(max_seconds_waiting_, interrupted_);
  }

  IndexDatabases& dbs_;
  double max_seconds_waiting_;
  const std::atomic<bool>* interrupted_;
  std::optional<SearchGate> search_gate_;
};

// The run itself, on the databases of options.db_path, under the writer lock: its steps
// in the order run() takes them, sharing the state of the run. Used from one thread; the
// workers of a pass only read what build_file() is given.
class FilesRun {
 public:
  // Opens the index, waits for the searches of its last revisions and reads its state.
  FilesRun(const IndexOptions& requested, const FileSystem& fs, const SkipReporter& report_skip);

  FilesIndexed run(const PendingWalk& pending_walk);

 private:
  void read_clusters_while_walking(const PendingWalk& pending_walk);
  void meet_walk_problems();
  void plan_jobs();
  void find_vanished_articles();
  void learn_run_residue();
  ResidueInputs residue_inputs() const;
  void get_ready_to_write();
  void write_changes();
  void reclean_for_actual_residue();
  void process(const std::vector<FileJob>& work, const LineKeys& residue, bool recleaning);
  void apply_built(const FileJob& job, BuiltFile built, std::size_t done, std::size_t total,
                   bool recleaning);
  void write_entries(BuiltFile& built);
  void delete_vanished();
  FilesIndexed finish();

  // Marks an article of the index as still in the corpus (or, with false, as gone from
  // its file); terms of articles not yet indexed are ignored.
  void mark_seen(const std::string& term, bool seen = true) {
    if (auto stamp = state_.find(term); stamp != state_.end()) stamp->second.seen = seen;
  }

  const FileSystem& fs_;
  const SkipReporter& report_skip_;
  IndexDatabases dbs_;
  const Xapian::Database& db_;  // dbs_.view(), read before the run writes
  SearchAwareCommits commits_;
  // What the index holds, read while the walk runs on another core (both take about as
  // long: a no-change run is these two and little else).
  IndexState state_;
  // Articles analysed otherwise than this run would (an older newsdex's names or model)
  // are all analysed again, as --full does: one index never mixes two analyses.
  const std::string analysis_;
  const bool reanalyse_;
  const IndexOptions options_;  // as requested, with full set by reanalyse_
  IndexedFiles indexed_;
  // The residue every article has been cleaned with, and whether learning was on.
  ResidueRecord recorded_;
  DuplicateClusters clusters_;
  bool clusters_read_ = false;  // loaded at the latest when the run changes the index
  const WalkResult* walk_ = nullptr;
  IndexCounts counts_;
  std::optional<RunSkips> skips_;  // from meet_walk_problems() on
  std::vector<FileJob> jobs_;
  std::unordered_map<std::string_view, const SourceFile*> file_by_id_;
  VanishedArticles vanished_by_content_;
  unsigned workers_ = 1;
  ResidueLearned residue_;
  bool any_deleted_ = false;  // articles whose files are gone, to delete
  std::vector<FileJob> recleans_;
  bool changes_index_ = false;
  std::optional<ArticleAnalyzer> analyzer_;  // when the run has work
  SynonymInputWatch synonym_inputs_;
  std::size_t pending_ = 0;  // documents written since the last commit
  std::chrono::steady_clock::time_point last_commit_;
};

IndexOptions with_full(const IndexOptions& requested, bool reanalyse) {
  IndexOptions options = requested;
  options.full = requested.full || reanalyse;
  return options;
}

FilesRun::FilesRun(const IndexOptions& requested, const FileSystem& fs,
                   const SkipReporter& report_skip)
    : fs_(fs),
      report_skip_(report_skip),
      dbs_(open_for_writing(requested)),
      db_(dbs_.view()),
      commits_(dbs_, requested),
      state_(load_index_state(db_)),
      analysis_(analysis_digest(requested.analysis)),
      reanalyse_(!state_.empty() && !requested.full &&
                 dbs_.aids().get_metadata(std::string(kMetaAnalysis)) != analysis_),
      options_(with_full(requested, reanalyse_)),
      indexed_(state_) {
  // A new index holds only what this analysis makes: said with its first commit, so that
  // a stopped build is carried on, not started again. An existing one is marked at the
  // end of a complete run.
  if (state_.empty()) dbs_.aids().set_metadata(std::string(kMetaAnalysis), analysis_);
  recorded_ = recorded_residue(dbs_.aids());
  // An index written before groups were components has them worked out afresh.
  clusters_ = DuplicateClusters(state_.empty() ||
                                dbs_.aids().get_metadata(std::string(kMetaDuplicateGroups)) ==
                                    kDuplicateGroupsComponents);
}

FilesIndexed FilesRun::run(const PendingWalk& pending_walk) {
  read_clusters_while_walking(pending_walk);
  walk_ = &pending_walk.get();
  meet_walk_problems();
  plan_jobs();
  find_vanished_articles();
  learn_run_residue();
  get_ready_to_write();
  write_changes();
  return finish();
}

// The duplicate fingerprints are needed only when some file changed, which the walk
// tells; while it is still running, this thread has nothing better to do.
void FilesRun::read_clusters_while_walking(const PendingWalk& pending_walk) {
  if (!state_.empty() &&
      pending_walk.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
    load_duplicate_clusters(db_, clusters_);
    clusters_read_ = true;
  }
}

void FilesRun::meet_walk_problems() {
  counts_.reanalysed = reanalyse_;
  SkipMemory remembered = SkipMemory::load(dbs_.aids());
  if (remembered.records().empty() && !options_.skips_known_from.empty()) {
    remembered = SkipMemory::load_index(options_.skips_known_from);
  }
  skips_.emplace(std::move(remembered), options_.retry_skipped || options_.full, report_skip_,
                 counts_);
  for (const WalkProblem& problem : walk_->problems) skips_->walk_problem(problem, fs_);
}

// What needs work: new and changed files (a stat per file, decided here). The articles
// of the others are kept as they are.
void FilesRun::plan_jobs() {
  file_by_id_.reserve(walk_->files.size());
  for (const SourceFile& file : walk_->files) {
    file_by_id_.emplace(file.id, &file);
    std::vector<std::string> terms = indexed_.terms_of(file);
    const StoredStamp* stored = indexed_.stamp_of(terms);
    for (const std::string& term : terms) mark_seen(term);
    // A file skipped before and unchanged since is not read; articles of it (or of its
    // skipped dump entries) that the index holds from before are kept.
    std::vector<std::string> skipped_entries;
    bool skipped_before = skips_->replay(file, skipped_entries);
    for (const std::string& entry : skipped_entries) mark_seen(id_term(file.id + entry));
    // --retry-skipped reads a dump again for its skipped entries, though its articles
    // are unchanged.
    bool retry = skips_->retries(file);
    if (!retry && stored != nullptr && !options_.full && stamp_matches(*stored, file)) {
      counts_.unchanged += terms.size();
      continue;
    }
    if (skipped_before) continue;
    skips_->keep_until_read(file);
    jobs_.push_back({&file, stored, std::move(terms), retry});
  }
}

// Articles whose files vanished, by content hash (see VanishedArticles). Only
// single-article files; there are as many as files vanished since the last run.
void FilesRun::find_vanished_articles() {
  bool any_new =
      std::any_of(jobs_.begin(), jobs_.end(), [](const FileJob& j) { return !j.stored; });
  for (const auto& [term, stamp] : state_) {
    if (!any_new || options_.full || stamp.seen || stamp.content_hash.empty() ||
        !stamp.file.empty()) {
      continue;
    }
    vanished_by_content_.emplace(stamp.content_hash,
                                 StoredArticle::parse(db_.get_document(stamp.docid).get_data()));
  }
}

// Residue is learnt before any article is cleaned, for the corpus as this run leaves
// it; articles the run would not touch otherwise but that hold a line learnt or
// forgotten since they were cleaned join the work, each built once.
void FilesRun::learn_run_residue() {
  LearntSet recorded_lines = recorded_.set();
  workers_ = options_.jobs != 0 ? options_.jobs
                                : worker_threads(std::thread::hardware_concurrency(),
                                                 dbs_.shard_count(), state_.empty());
  ResidueInputs inputs = residue_inputs();
  residue_ = learn_residue(inputs, recorded_);
  any_deleted_ = !inputs.deleted.empty();
  if (LearntSet changed = lines_differing(residue_.lines, recorded_lines); !changed.empty()) {
    recleans_ =
        jobs_to_reclean(db_, articles_with_lines(db_, changed), file_by_id_, indexed_, jobs_);
  }
}

ResidueInputs FilesRun::residue_inputs() const {
  ResidueInputs inputs;
  inputs.db = &db_;
  inputs.learning = options_.learn_residue;
  inputs.from_scratch = state_.empty() || options_.full;
  inputs.read = read_options_of(options_);
  inputs.fs = &fs_;
  inputs.workers = workers_;
  inputs.interrupted = options_.interrupted;
  for (const FileJob& job : jobs_) {
    inputs.files.push_back(job.file);
    std::vector<Xapian::docid>& replaced = inputs.replaced.emplace_back();
    for (const std::string& term : job.old_terms) replaced.push_back(state_.at(term).docid);
  }
  for (const auto& [term, stamp] : state_) {
    if (!stamp.seen && !under_any(term, walk_->problems)) inputs.deleted.push_back(stamp.docid);
  }
  return inputs;
}

void FilesRun::get_ready_to_write() {
  bool has_work = !jobs_.empty() || !recleans_.empty() || residue_.record_changed;
  changes_index_ = has_work || any_deleted_;
  // The analysis data (gazetteer, model, frequencies) is loaded only when there is work,
  // the three at once, and the duplicate fingerprints beside them (this thread does not
  // touch the index until they are read).
  std::future<void> clusters_loaded;
  if (changes_index_ && !clusters_read_) {
    clusters_read_ = true;
    clusters_loaded =
        std::async(std::launch::async, [this] { load_duplicate_clusters(db_, clusters_); });
  }
  if (has_work && options_.analysis.entities) preload_analysis_data();
  if (has_work) analyzer_.emplace(options_.analysis);
  if (clusters_loaded.valid()) clusters_loaded.get();
  last_commit_ = std::chrono::steady_clock::now();
}

void FilesRun::write_changes() {
  try {
    LineKeys residue_keys = keys_of(residue_.lines);
    if (!jobs_.empty()) process(jobs_, residue_keys, false);
    if (!recleans_.empty()) process(recleans_, residue_keys, true);
    delete_vanished();
    reclean_for_actual_residue();
    if (residue_.record_changed || !recleans_.empty()) {
      record_residue(dbs_.aids(), residue_.record);
    }
  } catch (const Interrupted&) {
    counts_.interrupted = true;  // what was applied is committed below; deletions wait
  }
}

// The pre-scan counted what each file should give; a file or entry that turned out
// unusable, or an article emptied by the residue, counts otherwise. The index now holds
// the true counts (read through the writers' own databases, uncommitted articles
// included): where they learn other lines, clean those articles again.
void FilesRun::reclean_for_actual_residue() {
  if (!residue_.counted || !options_.learn_residue) return;
  ResidueCounts actual;
  actual.load_index(dbs_.view(), {});
  LearntSet lines = actual.learnt();
  if (LearntSet changed = lines_differing(lines, residue_.lines); !changed.empty()) {
    std::vector<FileJob> again = jobs_to_reclean(
        dbs_.view(), articles_with_lines(dbs_.view(), changed), file_by_id_, indexed_, {});
    LineKeys keys = keys_of(lines);
    // A run with nothing else to build has no analyzer yet.
    if (!again.empty() && !analyzer_) analyzer_.emplace(options_.analysis);
    process(again, keys, true);
    residue_.record.lines = actual.describe(&dbs_.view(), residue_.record.lines);
    residue_.lines = std::move(lines);
  }
}

// Workers read, clean, analyse and build documents; this thread, the database's only
// user, applies them in corpus order and commits in batches.
void FilesRun::process(const std::vector<FileJob>& work, const LineKeys& residue, bool recleaning) {
  BuildInputs inputs;
  inputs.fs = &fs_;
  inputs.read = read_options_of(options_);
  inputs.read.cleaning.learnt_residue = &residue;
  inputs.read.cleaning.collect_line_keys = true;
  inputs.full = options_.full;
  inputs.vanished = &vanished_by_content_;
  inputs.analyzer = &analyzer_;
  run_ordered(
      work.size(), workers_, kBuildWindow, [] { return DocumentBuilder(); },
      [&](DocumentBuilder& builder, std::size_t i) -> BuiltFile {
        return build_file(work[i], inputs, builder);
      },
      [&](std::size_t i, BuiltFile built) {
        apply_built(work[i], std::move(built), i + 1, work.size(), recleaning);
      });
}

// Applies what a worker built of a file, the `done`th of `total`.
void FilesRun::apply_built(const FileJob& job, BuiltFile built, std::size_t done, std::size_t total,
                           bool recleaning) {
  if (options_.interrupted != nullptr && *options_.interrupted) throw Interrupted{};
  if (options_.on_progress && !recleaning) options_.on_progress(done, total);
  if (!recleaning) skips_->file_read(*job.file);
  if (built.touched) {
    for (const std::string& term : job.old_terms)
      refresh_stamp(dbs_, state_.at(term).docid, *job.file);
    counts_.unchanged += job.old_terms.size();
    counts_.touched += job.old_terms.size();
    return;
  }
  if (!built.skip_reason.empty()) {
    skips_->file_skipped(*job.file, "", built.skip_reason);  // its articles are kept
    return;
  }
  // Articles of this file that it no longer holds go with the deletions below;
  // those of entries that cannot be read now stay as they were.
  for (const std::string& term : job.old_terms) {
    if (std::none_of(built.entries.begin(), built.entries.end(),
                     [&](const BuiltFile::Entry& e) { return e.term == term; })) {
      mark_seen(term, false);
    }
  }
  for (const DocumentProblem& problem : built.problems) {
    skips_->file_skipped(*job.file, problem.id_suffix, problem.reason);
    mark_seen(id_term(job.file->id + problem.id_suffix));
  }
  std::size_t articles = built.entries.size();
  if (!recleaning) counts_.replaced_bytes += built.replaced_bytes;
  if (recleaning) {
    counts_.recleaned += articles;
  } else {
    counts_.moved += built.moved ? articles : 0;
    (job.stored != nullptr ? counts_.updated : counts_.added) += articles;
  }
  write_entries(built);
}

void FilesRun::write_entries(BuiltFile& built) {
  const auto commit_gap = std::chrono::duration<double>(options_.min_seconds_between_commits);
  for (BuiltFile::Entry& entry : built.entries) {
    // An article without words has no fingerprint to compare: it stays alone, with
    // its own key (set by the builder).
    if (!entry.fingerprint.empty()) {
      set_duplicate_key(entry.document, clusters_.assign(entry.term, entry.fingerprint));
    } else {
      clusters_.remove(entry.term);
    }
    dbs_.replace(entry.term, std::move(entry.document), &synonym_inputs_);
    mark_seen(entry.term);
    if (++pending_ >= options_.commit_every &&
        std::chrono::steady_clock::now() - last_commit_ >= commit_gap) {
      commits_.commit();
      pending_ = 0;
      last_commit_ = std::chrono::steady_clock::now();
    }
  }
}

void FilesRun::delete_vanished() {
  for (const auto& [term, stamp] : state_) {
    if (stamp.seen || under_any(term, walk_->problems)) continue;
    dbs_.remove(stamp.docid);
    clusters_.remove(term);
    synonym_inputs_.article_added_or_deleted();
    ++counts_.deleted;
  }
}

// Writes what the run leaves besides articles, and the last commit.
FilesIndexed FilesRun::finish() {
  // Also after an interruption: the groups of what the index holds are then right.
  if (changes_index_) {
    apply_regrouping(dbs_, clusters_);
    dbs_.aids().set_metadata(std::string(kMetaDuplicateGroups),
                             std::string(kDuplicateGroupsComponents));
  }
  update_search_aids(dbs_, counts_, synonym_inputs_);
  skips_->after().save(dbs_.aids());
  dbs_.aids().set_metadata(std::string(kMetaLastRun), run_record(counts_));
  // Only a complete run has analysed every article it keeps with this analysis.
  if (!counts_.interrupted) dbs_.aids().set_metadata(std::string(kMetaAnalysis), analysis_);
  dbs_.commit();
  unsigned shards = dbs_.shard_count();
  dbs_.close();
  return {counts_, state_.empty() || options_.full, shards};
}

FilesIndexed index_files(const IndexOptions& requested, const FileSystem& fs,
                         const SkipReporter& report_skip, const PendingWalk& pending_walk) {
  FilesRun run(requested, fs, report_skip);
  return run.run(pending_walk);
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
