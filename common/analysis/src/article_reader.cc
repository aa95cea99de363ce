// From the bytes of a file to cleaned articles: decompression, decoding, the format
// reader chosen by file name, then metadata resolution (date, source) and cleaning.
#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/errors.h"
#include "newsdex/fingerprint.h"
#include "newsdex/formats/html_reader.h"
#include "newsdex/formats/json_reader.h"
#include "newsdex/formats/text_reader.h"
#include "newsdex/gzip.h"
#include "newsdex/text_analyzer.h"
#include "newsdex/text_decoding.h"

namespace newsdex {
namespace {

enum class Format { kText, kMarkdown, kHtml, kJson, kJsonLines };

bool ends_with_ignoring_case(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  return iequals_ascii(name.substr(name.size() - suffix.size()), suffix);
}

// The format of a file name, after any ".gz". Unknown endings read as plain text: the
// walk only lets article types through.
Format format_of(std::string_view name) {
  if (ends_with_ignoring_case(name, ".gz")) name.remove_suffix(3);
  if (ends_with_ignoring_case(name, ".md") || ends_with_ignoring_case(name, ".markdown")) {
    return Format::kMarkdown;
  }
  if (ends_with_ignoring_case(name, ".html") || ends_with_ignoring_case(name, ".htm")) {
    return Format::kHtml;
  }
  if (ends_with_ignoring_case(name, ".jsonl")) return Format::kJsonLines;
  if (ends_with_ignoring_case(name, ".json")) return Format::kJson;
  return Format::kText;
}

ParsedFile parse(Format format, std::string_view utf8) {
  switch (format) {
    case Format::kText:
      return {{read_text_document(utf8, false)}, {}};
    case Format::kMarkdown:
      return {{read_text_document(utf8, true)}, {}};
    case Format::kHtml:
      return {{read_html_document(utf8)}, {}};
    case Format::kJson:
      return read_json_documents(utf8, false);
    case Format::kJsonLines:
      return read_json_documents(utf8, true);
  }
  return {};
}

// The article's own date, or none; the file time only ever guesses a dateline's year.
std::optional<ArticleDate> resolve_date(const ParsedDocument& doc, const SourceFile& file) {
  return resolve_article_date({doc.meta.date, doc.text, file.id, file.mtime});
}

std::string top_folder(std::string_view file_id) {
  std::size_t slash = file_id.find('/');
  return slash == std::string_view::npos ? std::string() : std::string(file_id.substr(0, slash));
}

std::string resolve_news_source(const ArticleMetadata& meta, const SourceFile& file) {
  if (!meta.source.empty()) return meta.source;
  if (std::string host = host_of_url(meta.url); !host.empty()) return host;
  return top_folder(file.path_in_root());
}

// The title goes first so that the cleaner drops a copy of it at the top of the text.
void put_title_first(ParsedDocument& doc) {
  if (!doc.meta.title.empty()) doc.text = doc.meta.title + "\n\n" + doc.text;
  doc.meta.title.clear();
}

// Decompressed, decoded and parsed by format: the documents of a file.
ParsedFile parse_file(const SourceFile& file, std::string_view bytes, const ReadOptions& options,
                      std::size_t& replaced_bytes) {
  std::string inflated;
  if (ends_with_ignoring_case(file.id, ".gz")) {
    inflated = gunzip(bytes, options.max_decompressed_bytes);
    bytes = inflated;
  }
  if (bytes.empty()) throw ArticleError("empty file");
  DecodedText decoded = decode_text(bytes);
  replaced_bytes = decoded.replaced_bytes;
  return parse(format_of(file.id), decoded.utf8);
}

// One parsed document to an article; nullopt (with the reason) when nothing is left.
std::optional<Article> to_article(const SourceFile& file, ParsedDocument& doc,
                                  const ReadOptions& options, std::string& reason) {
  Article article;
  article.source = file;
  article.id = file.id + doc.id_suffix;
  article.section = section_of(file.path_in_root());
  article.news_source = resolve_news_source(doc.meta, file);
  article.author = std::move(doc.meta.author);
  article.url = std::move(doc.meta.url);
  article.date = resolve_date(doc, file);
  CleaningContext cleaning = options.cleaning;
  cleaning.source = article.news_source;
  put_title_first(doc);
  article.clean = clean_article(doc.text, cleaning);
  if (article.clean.title.empty()) {
    reason = doc.text.empty() ? "no article text" : "no text left after cleaning";
    return std::nullopt;
  }
  article.title = article.clean.title;
  article.body = article.clean.body_text();
  article.fingerprint = text_fingerprint(article.body);
  return article;
}

}  // namespace

FileArticles read_articles(const SourceFile& file, std::string_view bytes,
                           const ReadOptions& options) {
  std::string hash = content_hash(bytes);  // of the bytes on disk, as the change check reads them
  FileArticles result;
  ParsedFile parsed = parse_file(file, bytes, options, result.replaced_bytes);
  result.problems = std::move(parsed.problems);
  std::string reason;
  for (ParsedDocument& doc : parsed.documents) {
    std::optional<Article> article = to_article(file, doc, options, reason);
    if (!article) {
      result.problems.push_back({doc.id_suffix, reason});
      continue;
    }
    article->content_hash = hash;
    result.articles.push_back(std::move(*article));
  }
  if (result.articles.empty()) {
    // The whole file is unusable: one reason for it, the first entry's.
    throw ArticleError(result.problems.empty() ? "no article in file"
                                               : result.problems.front().reason);
  }
  return result;
}

std::vector<ArticleText> read_article_texts(const SourceFile& file, std::string_view bytes,
                                            const ReadOptions& options) {
  std::size_t replaced_bytes = 0;
  ParsedFile parsed = parse_file(file, bytes, options, replaced_bytes);
  std::vector<ArticleText> texts;
  for (ParsedDocument& doc : parsed.documents) {
    std::string source = resolve_news_source(doc.meta, file);
    put_title_first(doc);
    texts.push_back({std::move(source), std::move(doc.text)});
  }
  return texts;
}

Article make_article(const SourceFile& source, std::string_view bytes) {
  FileArticles file = read_articles(source, bytes);
  return std::move(file.articles.front());
}

std::string duplicate_key_of(std::string_view article_id) { return content_hash(article_id); }

std::string host_of_url(std::string_view url) {
  std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (std::size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  std::string host = ascii_lower(url);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

std::string site_name_of_host(std::string_view host) {
  if (host.find('.') == std::string_view::npos || host.find(' ') != std::string_view::npos ||
      host.find_first_not_of("0123456789.") == std::string_view::npos) {
    return {};
  }
  std::vector<std::string_view> labels;
  for (std::size_t start = 0; start <= host.size();) {
    std::size_t dot = std::min(host.find('.', start), host.size());
    labels.push_back(host.substr(start, dot - start));
    start = dot + 1;
  }
  // A country's second level ("co.uk", "com.au", "gov.uk") is part of the suffix.
  static constexpr std::string_view kSecondLevels[] = {"co", "com", "org", "net", "gov",
                                                       "ac", "edu", "or",  "ne",  "go"};
  std::size_t suffix = 1;
  if (labels.size() >= 2 && labels.back().size() == 2 &&
      std::find(std::begin(kSecondLevels), std::end(kSecondLevels), labels[labels.size() - 2]) !=
          std::end(kSecondLevels)) {
    suffix = 2;
  }
  if (labels.size() <= suffix) return {};
  return std::string(labels[labels.size() - suffix - 1]);
}

}  // namespace newsdex
