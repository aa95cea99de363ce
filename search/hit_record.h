// The record of one hit as --json prints it, shared by the JSON and the CSV/TSV printers,
// and the choice of its fields (--fields).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "searcher.h"

namespace newsdex {

// What a hit and a shown article both say of an article, with `type` ("hit",
// "article") and `path` as given.
nlohmann::json article_record(const char* type, const StoredArticle& article,
                              const std::string& path);

// Everything --json says of a hit: article_record plus rank, score, percent, similar
// and passages.
nlohmann::json hit_record(const Hit& hit);

// The fields a hit has, in the order --json documents them (`type` is always printed).
const std::vector<std::string>& hit_field_names();

// "title,date,people" as field names, each known and given once; throws UsageError
// naming the first one that is not, and for an empty list.
std::vector<std::string> parse_fields(std::string_view list);

// `record` with only `type` (when it has one) and `fields`, in that order.
nlohmann::ordered_json select_fields(const nlohmann::json& record,
                                     const std::vector<std::string>& fields);

// A field of a record as one line of text for a spreadsheet cell: strings as they are,
// numbers as JSON writes them, null as nothing, a list of names joined by "; ", and
// passages by their texts joined by " … ".
std::string field_text(const nlohmann::json& value);

}  // namespace newsdex
