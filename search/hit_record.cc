#include "hit_record.h"

#include <algorithm>

#include "newsdex/errors.h"
#include "newsdex/schema.h"
#include "printer.h"

namespace newsdex {
namespace {

nlohmann::json nullable(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

nlohmann::json passage_record(const Passage& passage) {
  nlohmann::json highlights = nlohmann::json::array();
  for (const auto& [start, end] : passage.highlights) highlights.push_back({start, end});
  return {{"text", passage.text},
          {"start", passage.start},
          {"highlights", std::move(highlights)},
          {"cut_start", passage.cut_start},
          {"cut_end", passage.cut_end}};
}

std::string joined(const nlohmann::json& list) {
  std::string text;
  for (const nlohmann::json& item : list) {
    const bool passage = item.is_object();
    if (!text.empty()) text += passage ? " … " : "; ";
    text += passage ? field_text(item.at("text")) : field_text(item);
  }
  return text;
}

}  // namespace

nlohmann::json article_record(const char* type, const StoredArticle& a, const std::string& path) {
  const JsonDate date = json_date(a);
  nlohmann::json json = {{"type", type},
                         {"id", a.id},
                         {"path", path},
                         {"title", a.title},
                         {"section", a.section},
                         {"date", nullable(date.date)},
                         {"date_time", nullable(date.date_time)},
                         {"date_source", nullable(date.date_source)},
                         {"source", a.source},
                         {"author", a.author},
                         {"url", a.url}};
  for (const Facet& facet : schema_facets()) {
    json[std::string(facet.name)] = *a.entities.list_for(facet.source);
  }
  return json;
}

nlohmann::json hit_record(const Hit& hit) {
  nlohmann::json passages = nlohmann::json::array();
  for (const Passage& passage : hit.passages) passages.push_back(passage_record(passage));
  nlohmann::json record = article_record("hit", hit.article, hit.article.path);
  record["rank"] = hit.rank;
  record["score"] = hit.score;
  record["percent"] = hit.percent;
  record["similar"] = hit.similar;
  record["passages"] = std::move(passages);
  return record;
}

const std::vector<std::string>& hit_field_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all = {"rank", "id",        "path",        "title",  "section",
                                    "date", "date_time", "date_source", "source", "author",
                                    "url",  "score",     "percent",     "similar"};
    for (const Facet& facet : schema_facets()) all.emplace_back(facet.name);
    all.emplace_back("passages");
    return all;
  }();
  return names;
}

std::vector<std::string> parse_fields(std::string_view list) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    std::string field(list.substr(start, comma - start));
    const auto& known = hit_field_names();
    if (std::find(known.begin(), known.end(), field) == known.end()) {
      std::string names;
      for (const std::string& name : known) names += (names.empty() ? "" : ",") + name;
      throw UsageError("--fields: no field '" + field + "' (fields: " + names + ")");
    }
    if (std::find(fields.begin(), fields.end(), field) != fields.end()) {
      throw UsageError("--fields: '" + field + "' is given twice");
    }
    fields.push_back(std::move(field));
    start = comma + 1;
  }
  return fields;
}

nlohmann::ordered_json select_fields(const nlohmann::json& record,
                                     const std::vector<std::string>& fields) {
  nlohmann::ordered_json selected = nlohmann::ordered_json::object();
  if (record.contains("type")) selected["type"] = record.at("type");
  for (const std::string& field : fields) selected[field] = record.at(field);
  return selected;
}

std::string field_text(const nlohmann::json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) return joined(value);
  return value.dump();
}

}  // namespace newsdex
