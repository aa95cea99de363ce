#include "residue_learning.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "newsdex/hashing.h"
#include "newsdex/schema.h"
#include "newsdex/stored_article.h"

namespace newsdex {
namespace {

// The record of the residue every article is cleaned with (see recorded_residue()).
constexpr std::string_view kMetaRecordedResidue = "newsdex.learnt_residue";

constexpr std::size_t kHexDigits = 16;

std::string line_term(std::uint64_t source, std::uint64_t key) {
  return std::string(kResidueLinePrefix) + hex64(source) + hex64(key);
}

std::uint64_t hex_at(const std::string& text, std::size_t at) {
  if (text.size() < at + kHexDigits) return 0;
  return std::strtoull(text.substr(at, kHexDigits).c_str(), nullptr, 16);
}

// The line of a stored article (its title or a body line) whose key is `key`: the text
// of a learnt line that the pre-scan of this run did not read. Empty when none is.
std::string find_line_text(const StoredArticle& stored, std::uint64_t key) {
  auto matches = [&](std::string_view line) {
    std::size_t begin = line.find_first_not_of(" \t");
    std::size_t end = line.find_last_not_of(" \t");
    if (begin == std::string_view::npos) return false;
    return residue_line_key(stored.source, line.substr(begin, end - begin + 1)) == key;
  };
  if (matches(stored.title)) return stored.title;
  std::string_view body = stored.body;
  while (!body.empty()) {
    std::size_t newline = std::min(body.find('\n'), body.size());
    std::string_view line = body.substr(0, newline);
    if (matches(line)) return std::string(line);
    body.remove_prefix(std::min(newline + 1, body.size()));
  }
  return {};
}

}  // namespace

LineKeys keys_of(const LearntSet& learnt) {
  LineKeys keys;
  for (const auto& [key, source] : learnt) keys.insert(key);
  return keys;
}

std::vector<ScannedArticle> scan_residue_lines(const SourceFile& file, std::string_view bytes,
                                               const ReadOptions& options) {
  std::vector<ScannedArticle> scanned;
  for (ArticleText& text : read_article_texts(file, bytes, options)) {
    ScannedArticle article;
    article.source = std::move(text.news_source);
    for (const EdgeLine& line : residue_edge_lines(text.text, article.source)) {
      article.lines.emplace_back(line.key, std::string(line.text));
    }
    scanned.push_back(std::move(article));
  }
  return scanned;
}

void ResidueCounts::load_index(const Xapian::Database& db,
                               const std::vector<ScannedArticle>& scanned) {
  std::string sources(kResidueSourcePrefix);
  for (auto term = db.allterms_begin(sources); term != db.allterms_end(sources); ++term) {
    articles_[hex_at(*term, sources.size())] += term.get_termfreq();
  }
  // A line in one article of the index reaches the threshold only with the pre-scan's
  // help: those are looked up one by one below, and the rest of the singletons (most
  // lines: titles) are never held in memory.
  std::string prefix(kResidueLinePrefix);
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
    if (term.get_termfreq() < 2) continue;
    std::uint64_t key = hex_at(*term, prefix.size() + kHexDigits);
    lines_[key] = {hex_at(*term, prefix.size()), term.get_termfreq()};
  }
  for (const ScannedArticle& article : scanned) {
    std::uint64_t source = residue_source_key(article.source);
    for (const auto& [key, text] : article.lines) {
      if (lines_.contains(key)) continue;
      if (Xapian::doccount freq = db.get_termfreq(line_term(source, key)); freq > 0) {
        lines_[key] = {source, freq};
      }
    }
  }
}

void ResidueCounts::remove_indexed(const Xapian::Database& db, Xapian::docid docid) {
  // Boolean terms of one prefix sit together in the sorted term list, lines ("XLINE")
  // before the source ("XLSRC").
  std::string lines(kResidueLinePrefix), sources(kResidueSourcePrefix);
  auto term = db.termlist_begin(docid);
  for (term.skip_to(lines); term != db.termlist_end(docid); ++term) {
    std::string name = *term;
    if (!name.starts_with(lines)) break;
    auto line = lines_.find(hex_at(name, lines.size() + kHexDigits));
    if (line != lines_.end()) --line->second.count;
  }
  if (term == db.termlist_end(docid)) return;
  term.skip_to(sources);
  if (term != db.termlist_end(docid) && (*term).starts_with(sources)) {
    --articles_[hex_at(*term, sources.size())];
  }
}

void ResidueCounts::add(const ScannedArticle& article) {
  std::uint64_t source = residue_source_key(article.source);
  ++articles_[source];
  sources_.try_emplace(source, article.source);
  for (const auto& [key, text] : article.lines) {
    Line& line = lines_[key];
    line.source = source;
    // The text is kept from a line's second sighting on: lines seen once (titles, most
    // of them) cost no memory beyond their count.
    if (++line.count == 2) texts_.try_emplace(key, text);
  }
}

bool ResidueCounts::is_learnt(const Line& line) const {
  if (line.count < static_cast<std::int64_t>(kResidueMinArticles)) return false;
  auto total = articles_.find(line.source);
  if (total == articles_.end() || total->second <= 0) return false;
  return static_cast<double>(line.count) >= kResidueMinShare * static_cast<double>(total->second);
}

LearntSet ResidueCounts::learnt() const {
  LearntSet learnt;
  for (const auto& [key, line] : lines_) {
    if (is_learnt(line)) learnt.emplace(key, line.source);
  }
  return learnt;
}

std::vector<LearntLine> ResidueCounts::describe(const Xapian::Database* db,
                                                const std::vector<LearntLine>& known) const {
  std::unordered_map<std::uint64_t, const LearntLine*> known_by_key;
  for (const LearntLine& line : known) known_by_key.emplace(line.key, &line);
  std::vector<LearntLine> described;
  for (const auto& [key, line] : lines_) {
    if (!is_learnt(line)) continue;
    LearntLine learnt;
    learnt.key = key;
    learnt.source_key = line.source;
    learnt.articles = static_cast<std::uint32_t>(line.count);
    learnt.of = static_cast<std::uint32_t>(articles_.at(line.source));
    if (auto name = sources_.find(line.source); name != sources_.end())
      learnt.source = name->second;
    if (auto text = texts_.find(key); text != texts_.end()) learnt.text = text->second;
    if (auto old = known_by_key.find(key); old != known_by_key.end()) {
      if (learnt.text.empty()) learnt.text = old->second->text;
      if (learnt.source.empty()) learnt.source = old->second->source;
    }
    if (db != nullptr && (learnt.text.empty() || learnt.source.empty())) {
      std::string term = line_term(line.source, key);
      for (auto post = db->postlist_begin(term); post != db->postlist_end(term); ++post) {
        StoredArticle stored = StoredArticle::parse(db->get_document(*post).get_data());
        if (learnt.source.empty()) learnt.source = stored.source;
        if (learnt.text.empty()) learnt.text = find_line_text(stored, key);
        if (!learnt.text.empty()) break;
      }
    }
    described.push_back(std::move(learnt));
  }
  std::sort(described.begin(), described.end(), [](const LearntLine& a, const LearntLine& b) {
    return std::tie(a.source, b.articles, a.text) < std::tie(b.source, a.articles, b.text);
  });
  return described;
}

LearntSet ResidueRecord::set() const {
  LearntSet learnt;
  for (const LearntLine& line : lines) learnt.emplace(line.key, line.source_key);
  return learnt;
}

ResidueRecord recorded_residue(const Xapian::Database& db) {
  ResidueRecord record;
  std::string text = db.get_metadata(std::string(kMetaRecordedResidue));
  if (text.empty()) return record;
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object()) return record;
  record.learning = json.value("learning", true);
  for (const nlohmann::json& line : json.value("lines", nlohmann::json::array())) {
    LearntLine learnt;
    learnt.key = std::strtoull(line.value("key", "").c_str(), nullptr, 16);
    learnt.source_key = std::strtoull(line.value("source_key", "").c_str(), nullptr, 16);
    learnt.source = line.value("source", "");
    learnt.text = line.value("text", "");
    learnt.articles = line.value("articles", 0u);
    learnt.of = line.value("of", 0u);
    record.lines.push_back(std::move(learnt));
  }
  return record;
}

void record_residue(Xapian::WritableDatabase& db, const ResidueRecord& record) {
  nlohmann::json lines = nlohmann::json::array();
  for (const LearntLine& line : record.lines) {
    lines.push_back({{"key", hex64(line.key)},
                     {"source_key", hex64(line.source_key)},
                     {"source", line.source},
                     {"text", line.text},
                     {"articles", line.articles},
                     {"of", line.of}});
  }
  nlohmann::json json = {{"learning", record.learning}, {"lines", lines}};
  db.set_metadata(std::string(kMetaRecordedResidue),
                  json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

LearntSet lines_differing(const LearntSet& a, const LearntSet& b) {
  LearntSet differing;
  for (const auto& [key, source] : a) {
    if (!b.contains(key)) differing.emplace(key, source);
  }
  for (const auto& [key, source] : b) {
    if (!a.contains(key)) differing.emplace(key, source);
  }
  return differing;
}

std::vector<Xapian::docid> articles_with_lines(const Xapian::Database& db, const LearntSet& lines) {
  std::vector<Xapian::docid> docids;
  for (const auto& [key, source] : lines) {
    std::string term = line_term(source, key);
    for (auto posting = db.postlist_begin(term); posting != db.postlist_end(term); ++posting) {
      docids.push_back(*posting);
    }
  }
  std::sort(docids.begin(), docids.end());
  docids.erase(std::unique(docids.begin(), docids.end()), docids.end());
  return docids;
}

}  // namespace newsdex
