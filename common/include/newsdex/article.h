// An article as the indexer sees it: where it came from and its cleaned content.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/article_cleaner.h"
#include "newsdex/schema.h"

namespace newsdex {

// A file found by the corpus walk. Cheap to make: a stat, no read.
struct SourceFile {
  std::string id;          // unique article id: path relative to its root, '/'-separated
  std::string path;        // the path to open and to show users (root joined with id)
  std::uint64_t size = 0;  // bytes
  double mtime = 0;        // seconds since the epoch, with sub-second precision
};

// Who and what an article is about: canonical names, most mentioned first.
struct ArticleEntities {
  std::vector<std::string> people;
  std::vector<std::string> places;
  std::vector<std::string> organizations;
  std::vector<std::string> topics;  // key phrases, then the section
  // Other names the article uses for the same people, places and organisations
  // ("Netanyahu" beside "Benjamin Netanyahu"): searchable, but not facet values.
  std::vector<std::string> people_aliases;
  std::vector<std::string> place_aliases;
  std::vector<std::string> organization_aliases;

  // The canonical list of a schema source (kPeople, ...); nullptr for other sources.
  const std::vector<std::string>* list_for(FieldSource source) const;
  std::vector<std::string>* list_for(FieldSource source);
  // The aliases of a schema source; nullptr when it has none (topics and others).
  const std::vector<std::string>* aliases_for(FieldSource source) const;
};

struct Article {
  SourceFile source;
  std::string section;       // parent folder of the file ("business"), "" at the root
  std::string title;         // first line of text that is not residue; never empty
  std::string body;          // clean body text (paragraphs separated by blank lines)
  std::string content_hash;  // of the file's bytes, see content_hash()
  CleanArticle clean;        // the same content as blocks, with headings marked
  ArticleEntities entities;
};

// FNV-1a 64 of a file's bytes as 16 lower-case hex digits: tells a file whose mtime
// changed but whose content did not (kSlotContentHash).
std::string content_hash(std::string_view bytes);

// Decodes and cleans the bytes of a file. Throws ArticleError (the skip reason) when the
// file is not text or has no content.
Article make_article(const SourceFile& source, std::string_view bytes);

// The section of an article id: the name of its parent folder, "" when at the root.
std::string section_of(std::string_view article_id);

}  // namespace newsdex
