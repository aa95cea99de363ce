// CSV and TSV output for spreadsheets (--csv, --tsv): see make_table_printer in printer.h.
#include "hit_record.h"
#include "printer.h"

namespace newsdex {
namespace {

// RFC 4180: a value holding the separator, a quote or a line break is quoted, its
// quotes doubled. TSV has no quoting: tabs and line breaks become spaces.
std::string cell(std::string text, char separator) {
  if (separator == '\t') {
    for (char& c : text) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return text;
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

class TablePrinter final : public Printer {
 public:
  TablePrinter(std::ostream& out, char separator, std::vector<std::string> fields)
      : out_(out), separator_(separator), fields_(std::move(fields)) {}

  // The header comes first even without hits, so that a script reads the same columns.
  void print(const SearchRequest&, const SearchResults& results) override {
    row(fields_);
    for (const Hit& hit : results.hits) {
      const nlohmann::json record = hit_record(hit);
      std::vector<std::string> cells;
      for (const std::string& field : fields_) cells.push_back(field_text(record.at(field)));
      row(cells);
    }
  }

  void print_list(const ListRequest&, const ListResults& results) override {
    row({"name", "count"});
    for (const FacetValue& value : results.counts.values) {
      row({value.name, std::to_string(value.count)});
    }
  }

  // main() refuses --show with --csv or --tsv; a whole article is no row.
  void print_article(const StoredArticle&) override {}

 private:
  void row(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out_ << separator_;
      out_ << cell(cells[i], separator_);
    }
    out_ << "\n";
  }

  std::ostream& out_;
  char separator_;
  std::vector<std::string> fields_;
};

}  // namespace

std::unique_ptr<Printer> make_table_printer(std::ostream& out, char separator,
                                            std::vector<std::string> fields) {
  return std::make_unique<TablePrinter>(out, separator, std::move(fields));
}

std::vector<std::string> default_table_fields() {
  return {"rank",   "id",    "path",    "title",  "section", "date",          "source",
          "author", "score", "similar", "people", "places",  "organizations", "topics"};
}

}  // namespace newsdex
