// What a format reader (plain text, Markdown, HTML, JSON) finds in a file: one or more
// articles as UTF-8 text with the metadata the format carries, before cleaning.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace newsdex {

// Metadata as written in the file; "" when the format or the file has none. Dates stay
// text here: article_date.h interprets them.
struct ArticleMetadata {
  std::string title;
  std::string date;
  std::string source;  // site name or domain ("Reuters", "bbc.co.uk")
  std::string author;  // several authors joined by ", "
  std::string url;
};

struct ParsedDocument {
  // Appended to the file's id to make the article id: "" when the file is one article,
  // ":12" for line 12 of a JSON Lines file, "#3" for the fourth object of a JSON array.
  std::string id_suffix;
  ArticleMetadata meta;
  // The article text in UTF-8: paragraphs separated by blank lines, headings on lines of
  // their own. Starts with the title line when the format has no separate title (plain
  // text); the cleaner drops a repeated title either way.
  std::string text;
};

// A part of a file that could not be read as an article (one bad JSON line); the rest
// of the file is still indexed.
struct DocumentProblem {
  std::string id_suffix;  // as ParsedDocument::id_suffix: names the line or object
  std::string reason;     // short and fixed, counted per reason: "not valid JSON"
};

struct ParsedFile {
  std::vector<ParsedDocument> documents;
  std::vector<DocumentProblem> problems;
};

}  // namespace newsdex
