// An article as the indexer sees it: where it came from and its cleaned content.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/article_cleaner.h"
#include "newsdex/article_date.h"
#include "newsdex/entities.h"
#include "newsdex/file_system.h"
#include "newsdex/fingerprint.h"
#include "newsdex/formats/parsed_document.h"
#include "newsdex/schema.h"

namespace newsdex {

// A file found by the corpus walk. Cheap to make: a stat, no read.
struct SourceFile {
  std::string id;          // unique article id: path relative to its root, '/'-separated
  std::string path;        // the path to open and to show users (root joined with id)
  std::uint64_t size = 0;  // bytes
  double mtime = 0;        // seconds since the epoch, with sub-second precision
  // With several roots, ids start with their root's label and '/' ("bbc/world/a.txt"),
  // so that one path under two roots stays two articles; empty with one root.
  std::string root_label{};
  // How the file may be read: as the walk found it (a regular file, or a link inside the
  // roots) and no larger than the size cap.
  ReadLimits read_limits{};

  // The id without the root label: the path under the root, which folders (source,
  // section) are read from.
  std::string_view path_in_root() const {
    std::string_view in_root = id;
    if (!root_label.empty()) in_root.remove_prefix(root_label.size() + 1);
    return in_root;
  }
};

struct Article {
  SourceFile source;        // the file the article is in
  std::string id;           // unique: the file's id, plus a suffix in a JSON dump (":12")
  std::string section;      // parent folder of the file ("business"), "" at the root
  std::string news_source;  // site or agency (metadata, url host, else the top folder)
  std::string author;       // from metadata; "" when unknown
  std::string url;          // from metadata; "" when unknown
  // The article's own date (resolve_article_date), nullopt when it has none: a file time
  // is never a date.
  std::optional<ArticleDate> date;
  std::string title;         // first line of text that is not residue; never empty
  std::string body;          // clean body text (paragraphs separated by blank lines)
  std::string content_hash;  // of the file's bytes, see content_hash()
  CleanArticle clean;        // the same content as blocks, with headings marked
  ArticleEntities entities;
  Fingerprint fingerprint;  // text_fingerprint() of the body
  // Shared by near-duplicate stories (kSlotDuplicateKey); the indexer sets it, and an
  // empty key means the article's own (duplicate_key_of(id)).
  std::string duplicate_key;
};

// How read_articles() reads a file.
struct ReadOptions {
  // A .gz file that would decompress to more than this is skipped (compression bombs).
  std::size_t max_decompressed_bytes = std::size_t{256} << 20;
  CleaningContext cleaning;  // learnt residue; its source is set per article
};

// The articles of one file. A file is one article, except JSON dumps, which hold many.
struct FileArticles {
  std::vector<Article> articles;
  std::vector<DocumentProblem> problems;  // entries of a dump that were skipped
  // Bytes that had no character in the file's encoding and became U+FFFD.
  std::size_t replaced_bytes = 0;
};

// FNV-1a 64 of a file's bytes as 16 lower-case hex digits: tells a file whose mtime
// changed but whose content did not (kSlotContentHash).
std::string content_hash(std::string_view bytes);

// Decompresses (.gz), decodes, parses by file type (.txt, .md, .html, .json, .jsonl) and
// cleans the articles of a file. Throws ArticleError (the skip reason) when the file
// yields no article at all: binary, corrupt, empty, no text left after cleaning.
FileArticles read_articles(const SourceFile& file, std::string_view bytes,
                           const ReadOptions& options = {});

// The text of each article of a file as read_articles() reads it before cleaning (the
// title first), with its news source: what residue learning scans before any article is
// cleaned. Throws what read_articles() throws for a file that cannot be read.
struct ArticleText {
  std::string news_source;
  std::string text;
};
std::vector<ArticleText> read_article_texts(const SourceFile& file, std::string_view bytes,
                                            const ReadOptions& options = {});

// The one article of a plain text file (read_articles() for a single article).
Article make_article(const SourceFile& source, std::string_view bytes);

// The default collapse key of an article: 16 hex digits of a hash of its id.
std::string duplicate_key_of(std::string_view article_id);

// The news source named by a url: its host without "www." ("" when it has none).
std::string host_of_url(std::string_view url);

// The site's own name in a host, without subdomains and public suffix: "reuters" for
// "reuters.com" and "uk.reuters.com", "bbc" for "bbc.co.uk"; "" for a name that is no
// host (no dot, an IP address). Indexed beside the host, so that source:reuters finds
// articles whose source is reuters.com.
std::string site_name_of_host(std::string_view host);

// The section of an article id: the name of its parent folder, "" when at the root.
std::string section_of(std::string_view article_id);

}  // namespace newsdex
