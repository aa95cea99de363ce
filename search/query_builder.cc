#include "query_builder.h"

#include <algorithm>
#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

#include "newsdex/errors.h"
#include "newsdex/schema.h"
#include "newsdex/text_analyzer.h"

namespace newsdex {
namespace {

// Auto synonyms: the database's synonym table (news aliases such as un and "united
// nations") widens words; multi-word keys are looked up too.
constexpr unsigned kParseFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS |
    Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS;

// A wildcard such as "a*" would otherwise OR together a large part of the vocabulary.
constexpr Xapian::termcount kMaxWildcardTerms = 500;

// The value of a boolean field: the term the indexer wrote for it, through the same
// boolean_term() (case folded where the field folds it, long values cut and hashed).
class BooleanField : public Xapian::FieldProcessor {
 public:
  explicit BooleanField(const Field& field) : field_(field) {}
  Xapian::Query operator()(const std::string& value) override {
    const std::string folded = boolean_term(field_, value);
    if (!field_.fold_case) return Xapian::Query(folded);
    // An index written before this field's values were folded holds them as they were.
    Field as_written = field_;
    as_written.fold_case = false;
    const std::string exact = boolean_term(as_written, value);
    if (exact == folded) return Xapian::Query(folded);
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(folded), Xapian::Query(exact));
  }

 private:
  const Field& field_;
};

// `where` is "" or " at column N".
std::string bad_date_reason(std::string_view value, const std::string& where) {
  return "date '" + std::string(value) + "'" + where +
         " is not a date, a range A..B or last-N-days/weeks/months/years";
}

// date:VALUE (see resolve_date_filter) as a range of kSlotDay's YYYYMMDD values. A value
// that is no date, which QueryBuilder::build() has normally reported with its column
// before parsing, matches nothing and is told in `bad_value`: an exception thrown through
// Xapian's parser leaks its state (found by fuzz/query_builder_fuzz.cc).
// Undated articles have no kSlotDay value, so the value ranges never match them; with
// UndatedPolicy::kInclude or kOnly they are added.
class DateFilter : public Xapian::FieldProcessor {
 public:
  DateFilter(std::optional<Day> today, std::shared_ptr<const UndatedPolicy> undated,
             std::shared_ptr<std::string> bad_value)
      : today_(today), undated_(std::move(undated)), bad_value_(std::move(bad_value)) {}
  Xapian::Query operator()(const std::string& value) override {
    std::optional<DayRange> range = resolve_date_filter(value, today_.value_or(local_today()));
    if (!range) {
      if (bad_value_->empty()) *bad_value_ = bad_date_reason(value, "");
      return Xapian::Query::MatchNothing;
    }
    Xapian::Query dated;
    if (range->first.empty()) {
      dated = Xapian::Query(Xapian::Query::OP_VALUE_LE, kSlotDay, range->last);
    } else if (range->last.empty()) {
      dated = Xapian::Query(Xapian::Query::OP_VALUE_GE, kSlotDay, range->first);
    } else {
      dated = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotDay, range->first, range->last);
    }
    if (*undated_ == UndatedPolicy::kExclude) return dated;
    return Xapian::Query(Xapian::Query::OP_OR, dated, undated_articles_query());
  }

 private:
  std::optional<Day> today_;
  std::shared_ptr<const UndatedPolicy> undated_;
  std::shared_ptr<std::string> bad_value_;
};

// Xapian 1.4 adds a multi-word synonym ("un" -> "united nations") as one term with a
// space, which no document has: it becomes the phrase of its words. Only the operators
// that the QueryParser puts above synonyms are rebuilt (they carry no parameters).
Xapian::Query with_multiword_synonyms(const Xapian::Query& query) {
  using Q = Xapian::Query;
  const Q::op type = query.get_type();
  if (type != Q::OP_SYNONYM && type != Q::OP_AND && type != Q::OP_OR && type != Q::OP_AND_NOT &&
      type != Q::OP_XOR && type != Q::OP_AND_MAYBE && type != Q::OP_FILTER) {
    return query;
  }
  std::vector<Q> subqueries;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    Q sub = query.get_subquery(i);
    if (type == Q::OP_SYNONYM && sub.get_type() == Q::LEAF_TERM &&
        (*sub.get_terms_begin()).find(' ') != std::string::npos) {
      const std::vector<std::string> words = split_at_spaces(*sub.get_terms_begin());
      sub = Q(Q::OP_PHRASE, words.begin(), words.end());
    } else {
      sub = with_multiword_synonyms(sub);
    }
    subqueries.push_back(std::move(sub));
  }
  return Q(type, subqueries.begin(), subqueries.end());
}

// The boolean field (exact names) of the entity whose free-text field has `prefix`
// ("XP" -> the XPERSON field); nullptr when `prefix` is no entity's.
const Field* entity_names_field(std::string_view prefix) {
  std::optional<FieldSource> source;
  for (const Field& field : schema_fields()) {
    if (field.kind == FieldKind::kFreeText && field.prefix == prefix &&
        (field.source == FieldSource::kPeople || field.source == FieldSource::kPlaces ||
         field.source == FieldSource::kOrganizations)) {
      source = field.source;
    }
  }
  for (const Field& field : schema_fields()) {
    if (source && field.source == *source && field.kind == FieldKind::kBoolean) return &field;
  }
  return nullptr;
}

// A quoted name in an entity field (person:"George W Bush") also finds the articles
// whose entity of that kind is another form of it: the entity terms the synonym table
// gives for the name, of the same kind ("Bush" where the index resolves him so, see
// newsdex/corpus_aliases.h; "EU" for org:"European Union"). Xapian's QueryParser looks
// synonyms up for single words only, never inside a phrase.
Xapian::Query with_entity_aliases(const Xapian::Query& query, const Xapian::Database& db) {
  using Q = Xapian::Query;
  const Q::op type = query.get_type();
  if (type == Q::OP_PHRASE) {
    std::string prefix;
    std::vector<std::string> words;
    for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) {
      const std::string& term = *it;
      std::string_view term_field = term_prefix(term);
      if (words.empty()) prefix = term_field;
      if (term_field != prefix || term_field.empty()) return query;
      words.emplace_back(std::string_view(term).substr(term_field.size()));
    }
    const Field* names = entity_names_field(prefix);
    if (names == nullptr) return query;
    std::vector<Q> alternatives{query};
    const std::string key = join_words(words);
    for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it) {
      if (term_prefix(*it) == names->prefix) alternatives.emplace_back(*it);
    }
    if (alternatives.size() == 1) return query;
    return Q(Q::OP_OR, alternatives.begin(), alternatives.end());
  }
  if (type != Q::OP_SYNONYM && type != Q::OP_AND && type != Q::OP_OR && type != Q::OP_AND_NOT &&
      type != Q::OP_XOR && type != Q::OP_AND_MAYBE && type != Q::OP_FILTER) {
    return query;
  }
  std::vector<Q> subqueries;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    subqueries.push_back(with_entity_aliases(query.get_subquery(i), db));
  }
  return Q(type, subqueries.begin(), subqueries.end());
}

// Xapian 1.4.22 crashes (SIGSEGV in get_mset, quest too) on an XOR inside an OR with a
// term that no document has, when the database has several shards: "nosuch OR (a XOR
// b)". XOR is rewritten as what it means, (a OR b) AND_NOT (a AND b), pairwise for more
// operands. Only the parameterless operators the QueryParser puts above an XOR are
// rebuilt; a subtree without XOR is kept as it is.
bool contains_operator(const Xapian::Query& query, Xapian::Query::op op) {
  if (query.get_type() == op) return true;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (contains_operator(query.get_subquery(i), op)) return true;
  }
  return false;
}

Xapian::Query without_xor(const Xapian::Query& query) {
  using Q = Xapian::Query;
  const Q::op type = query.get_type();
  if (!contains_operator(query, Q::OP_XOR)) return query;
  if (type != Q::OP_XOR && type != Q::OP_AND && type != Q::OP_OR && type != Q::OP_AND_NOT &&
      type != Q::OP_AND_MAYBE && type != Q::OP_FILTER && type != Q::OP_SYNONYM) {
    throw QueryError("XOR cannot be used inside this part of the query");
  }
  std::vector<Q> subqueries;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    subqueries.push_back(without_xor(query.get_subquery(i)));
  }
  if (type != Q::OP_XOR) return Q(type, subqueries.begin(), subqueries.end());
  Q result = subqueries.front();
  for (std::size_t i = 1; i < subqueries.size(); ++i) {
    const Q& next = subqueries[i];
    result = Q(Q::OP_AND_NOT, Q(Q::OP_OR, result, next), Q(Q::OP_AND, result, next));
  }
  return result;
}

// The query parser weighs filters that stand alone ("source:reuters") or beside an OR
// ("harbour OR source:reuters") by 0 (OP_SCALE_WEIGHT). Xapian 1.4.22 fails on such a
// part when every document holds its term (see counting_match.h). As a filter of
// MatchAll the part matches the same articles with the same weight, none, and MatchAll
// reads the all-documents list under its own name. The parser makes no other
// OP_SCALE_WEIGHT, and puts one only below the parameterless operators rebuilt here.
Xapian::Query filters_of_match_all(const Xapian::Query& query) {
  using Q = Xapian::Query;
  const Q::op type = query.get_type();
  if (type == Q::OP_SCALE_WEIGHT) return Q(Q::OP_FILTER, Q::MatchAll, query.get_subquery(0));
  if (!contains_operator(query, Q::OP_SCALE_WEIGHT)) return query;
  if (type != Q::OP_AND && type != Q::OP_OR && type != Q::OP_AND_NOT && type != Q::OP_AND_MAYBE &&
      type != Q::OP_FILTER && type != Q::OP_SYNONYM) {
    return query;
  }
  std::vector<Q> subqueries;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    subqueries.push_back(filters_of_match_all(query.get_subquery(i)));
  }
  return Q(type, subqueries.begin(), subqueries.end());
}

// How a term of a query counts for with_entity_salience(): a word of an entity's name
// (person:, place:, org:), a filter, or anything else.
enum class TermRole { kEntityWord, kFilter, kOther };

TermRole role_of(std::string_view term) {
  std::string_view prefix = term_prefix(term);
  if (prefix.empty()) return TermRole::kOther;
  std::string_view field_prefix = prefix.starts_with('Z') ? prefix.substr(1) : prefix;
  for (const Field& field : schema_fields()) {
    if (field.prefix != field_prefix && field.prefix != prefix) continue;
    const bool entity = field.source == FieldSource::kPeople ||
                        field.source == FieldSource::kPlaces ||
                        field.source == FieldSource::kOrganizations;
    if (field.kind == FieldKind::kBoolean) return TermRole::kFilter;  // entity terms too
    if (entity && field.prefix == field_prefix) return TermRole::kEntityWord;
    return TermRole::kOther;
  }
  return TermRole::kOther;
}

// The other names the synonym table gives for `key` (the words of a name, lower case):
// "eu" for "european union", as terms of the text; a name of several words as a phrase.
void add_synonym_names(const Xapian::Database& db, const std::string& key,
                       std::vector<Xapian::Query>& names) {
  for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it) {
    const std::string& synonym = *it;
    if (!term_prefix(synonym).empty()) continue;  // an entity's own term, already matched
    const std::vector<std::string> words = split_at_spaces(synonym);
    if (words.size() == 1) names.emplace_back(words.front());
    if (words.size() > 1) names.emplace_back(Xapian::Query::OP_PHRASE, words.begin(), words.end());
  }
}

// A query of entities alone (person:"Jose Mourinho", maybe with filters) weighs each
// match by its entity terms, which hold a name once per article: an article that names
// him in passing outranks the one about him, being shorter. So such a query weighs its
// matches mostly by the name's words in the article's text, and by the other names the
// synonym table knows for it ("EU" for org:"European Union"), whose frequencies count
// every mention and whose title weighs more (without matching more articles); the
// entity terms keep a quarter of their weight. The articles about the entity come
// first, and passages highlight every form of its name. Other queries stay as they are.
Xapian::Query with_entity_salience(const Xapian::Query& query, const Xapian::Database& db) {
  using Q = Xapian::Query;
  if (contains_operator(query, Q::OP_AND_NOT)) return query;
  std::vector<std::string> words, stems;  // in query order
  std::vector<Q> names;
  for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) {
    const std::string& term = *it;
    switch (role_of(term)) {
      case TermRole::kOther:
        return query;
      case TermRole::kFilter:
        break;
      case TermRole::kEntityWord: {
        std::string_view prefix = term_prefix(term);
        std::string word(std::string_view(term).substr(prefix.size()));
        if (prefix.starts_with('Z')) {
          names.emplace_back(std::string("Z").append(word));
          stems.push_back(std::move(word));
        } else {
          names.emplace_back(word);
          words.push_back(std::move(word));
        }
        break;
      }
    }
  }
  if (names.empty()) return query;
  // org:eu is parsed as its stem: a stem is the synonyms' key when no word is left whole.
  if (words.empty()) words = std::move(stems);
  add_synonym_names(db, join_words(words), names);
  if (words.size() > 1) {
    for (const std::string& word : words) add_synonym_names(db, word, names);
  }
  constexpr double kEntityTermsWeight = 0.25;
  return Q(Q::OP_AND_MAYBE, Q(Q::OP_SCALE_WEIGHT, query, kEntityTermsWeight),
           Q(Q::OP_OR, names.begin(), names.end()));
}

bool has_multiword_term(const Xapian::Query& query) {
  return std::any_of(query.get_unique_terms_begin(), query.get_unique_terms_end(),
                     [](const std::string& term) { return term.find(' ') != std::string::npos; });
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Bytes of the double quote at `i`, 0 if none: like Xapian, '"' and U+201C/U+201D.
std::size_t quote_length(std::string_view text, std::size_t i) {
  if (text[i] == '"') return 1;
  std::string_view three = text.substr(i, 3);
  return three == "\u201c" || three == "\u201d" ? 3 : 0;
}

// The offset of the first quote at or after `i`, npos if none.
std::size_t find_quote(std::string_view text, std::size_t i) {
  for (; i < text.size(); ++i) {
    if (quote_length(text, i) > 0) return i;
  }
  return std::string_view::npos;
}

bool is_binary_operator(std::string_view word) {
  if (word == "AND" || word == "OR" || word == "XOR" || word == "NEAR" || word == "ADJ") {
    return true;
  }
  std::size_t slash = word.find('/');
  if (slash == std::string_view::npos || slash + 1 == word.size()) return false;
  std::string_view name = word.substr(0, slash), count = word.substr(slash + 1);
  return (name == "NEAR" || name == "ADJ") &&
         std::all_of(count.begin(), count.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Finds the mistakes that Xapian's parser either rejects without saying where or
// silently reads another way (it drops an unmatched bracket or quote). Throws QueryError.
class QueryChecker {
 public:
  QueryChecker(std::string_view query, Day today) : query_(query), today_(today) {}

  void check() {
    scan();
    check_operators();
  }

 private:
  enum class Kind { kOperand, kOpen, kClose, kOperator, kNot };
  struct Token {
    Kind kind;
    std::size_t offset;
    std::string_view text;
  };

  // 1-based, in characters (UTF-8 continuation bytes do not count).
  std::string at_column(std::size_t offset) const {
    const std::size_t column =
        1 + std::count_if(query_.begin(), query_.begin() + offset,
                          [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    return " at column " + std::to_string(column);
  }

  [[noreturn]] void fail(const std::string& reason) const {
    throw QueryError("cannot parse query '" + std::string(query_) + "': " + reason);
  }

  void scan() {
    std::vector<std::size_t> open;  // offsets of the brackets not yet closed
    std::size_t i = 0;
    while (i < query_.size()) {
      const char c = query_[i];
      if (is_space(c)) {
        ++i;
      } else if (std::size_t length = quote_length(query_, i); length > 0) {
        tokens_.push_back({Kind::kOperand, i, ""});
        i = skip_phrase(i, length);
      } else if (c == '(') {
        open.push_back(i);
        tokens_.push_back({Kind::kOpen, i++, "("});
      } else if (c == ')') {
        if (open.empty()) fail("unmatched ')'" + at_column(i));
        open.pop_back();
        tokens_.push_back({Kind::kClose, i++, ")"});
      } else {
        i = scan_word(i, !open.empty());
      }
    }
    if (!open.empty()) fail("unmatched '('" + at_column(open.front()));
  }

  // Past the closing quote of the phrase whose opening quote at `start` is `length` bytes.
  std::size_t skip_phrase(std::size_t start, std::size_t length) const {
    std::size_t end = find_quote(query_, start + length);
    if (end == std::string_view::npos) {
      fail("unmatched '" + std::string(query_.substr(start, length)) + "'" + at_column(start));
    }
    return end + quote_length(query_, end);
  }

  // A word, an operator or field:value from `start`; returns the offset after it.
  std::size_t scan_word(std::size_t start, bool in_brackets) {
    std::size_t end = start;
    while (end < query_.size() && !is_space(query_[end]) && query_[end] != '(' &&
           query_[end] != ')' && quote_length(query_, end) == 0) {
      ++end;
    }
    const std::string_view word = query_.substr(start, end - start);
    if (word == "NOT") {
      tokens_.push_back({Kind::kNot, start, word});
    } else if (is_binary_operator(word)) {
      tokens_.push_back({Kind::kOperator, start, word});
    } else if (word == "+" || word == "-") {
      // Xapian ignores a lone love/hate sign.
    } else {
      const std::size_t name_start = start + (word[0] == '+' || word[0] == '-' ? 1 : 0);
      // Xapian drops a leading '*' without a word: "*ball" would search for "ball".
      if (name_start + 1 < end && query_[name_start] == '*') {
        fail("a word cannot start with '*' (a wildcard ends a word, as in foot*)" +
             at_column(name_start));
      }
      if (std::optional<std::size_t> value_end = scan_field(name_start, in_brackets)) {
        tokens_.push_back({Kind::kOperand, start, word});
        return *value_end;
      }
      scan_words(start, end);
    }
    return end;
  }

  // The words Xapian's parser reads in query_[start, end), a piece without spaces,
  // brackets or quotes: as the TermGenerator splits text, so an operator glued to signs
  // ("AND-", "XOR*", "\XOR") is still one, and signs alone ("????", "*", "{}") are nothing.
  void scan_words(std::size_t start, std::size_t end) {
    const std::string_view piece = query_.substr(0, end);
    for (std::size_t i = start; i < end;) {
      const std::size_t word_end = index_word_end(piece, i);
      if (word_end == i) {
        ++i;
        continue;
      }
      const std::string_view word = piece.substr(i, word_end - i);
      if (word == "NOT") {
        tokens_.push_back({Kind::kNot, i, word});
      } else if (is_binary_operator(word)) {
        tokens_.push_back({Kind::kOperator, i, word});
      } else {
        // Xapian reads "NOT -x" as an error: NOT already excludes.
        if (!tokens_.empty() && tokens_.back().kind == Kind::kNot && i == start + 1 &&
            query_[start] == '-') {
          fail("'-' cannot follow NOT (write NOT x, or -x)" + at_column(start));
        }
        tokens_.push_back({Kind::kOperand, i, word});
      }
      i = word_end;
    }
  }

  // When a field name (ASCII letters, ':', then a value) starts at `start`: checks that it
  // is known, and returns the end of a boolean field's value, which Xapian reads up to
  // whitespace (or ')' in brackets) or as a quoted string. Ignores times (10:30) and URLs.
  std::optional<std::size_t> scan_field(std::size_t start, bool in_brackets) {
    std::size_t colon = start;
    while (colon < query_.size() && is_ascii_letter(query_[colon])) ++colon;
    if (colon == start || colon + 1 >= query_.size() || query_[colon] != ':' ||
        is_space(query_[colon + 1]) || query_[colon + 1] == '/') {
      return std::nullopt;
    }
    const std::string_view name = query_.substr(start, colon - start);
    const std::vector<std::string_view> names = query_field_names();
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      std::string list;
      for (std::string_view known : names) list += (list.empty() ? "" : ", ") + std::string(known);
      fail("unknown field '" + std::string(name) + "'" + at_column(start) + " (fields: " + list +
           ")");
    }
    if (!field_takes_exact_value(name)) return std::nullopt;
    std::size_t value_start = colon + 1, value_end, end;
    if (std::size_t length = quote_length(query_, value_start); length > 0) {
      end = skip_phrase(value_start, length);
      value_start += length;
      value_end = find_quote(query_, value_start);
    } else {
      value_end = value_start;
      while (value_end < query_.size() && !is_space(query_[value_end]) &&
             !(in_brackets && query_[value_end] == ')')) {
        ++value_end;
      }
      end = value_end;
    }
    const std::string_view value = query_.substr(value_start, value_end - value_start);
    if (name == kDateFieldName && !resolve_date_filter(value, today_)) {
      fail(bad_date_reason(value, at_column(value_start)));
    }
    return end;
  }

  // Binary operators need an operand on both sides, NOT one after it (a NOT at the start
  // or after '(' excludes from everything: FLAG_PURE_NOT).
  void check_operators() const {
    for (std::size_t k = 0; k < tokens_.size(); ++k) {
      const Token& token = tokens_[k];
      if (token.kind != Kind::kOperator && token.kind != Kind::kNot) continue;
      std::string quoted = "'";
      quoted.append(token.text).append("'");
      if (token.kind == Kind::kOperator &&
          (k == 0 || tokens_[k - 1].kind == Kind::kOpen || tokens_[k - 1].kind == Kind::kNot)) {
        fail("nothing before " + quoted + at_column(token.offset));
      }
      if (k + 1 == tokens_.size() || tokens_[k + 1].kind == Kind::kClose ||
          tokens_[k + 1].kind == Kind::kOperator) {
        fail("nothing after " + quoted + at_column(token.offset));
      }
    }
  }

  std::string_view query_;
  Day today_;
  std::vector<Token> tokens_;
};

}  // namespace

void check_query_syntax(std::string_view query_text, Day today) {
  QueryChecker(query_text, today).check();
}

std::optional<UndatedPolicy> parse_undated_policy(std::string_view name) {
  if (name == "exclude") return UndatedPolicy::kExclude;
  if (name == "include") return UndatedPolicy::kInclude;
  if (name == "only") return UndatedPolicy::kOnly;
  return std::nullopt;
}

Xapian::Query undated_articles_query() {
  // Every stored value is at least one NUL byte, so this range holds exactly the dated
  // articles (Xapian stores no empty values). Not "": Xapian reads OP_VALUE_GE "" as
  // MatchAll, undated documents included.
  const std::string smallest_value(1, '\0');
  return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                       Xapian::Query(Xapian::Query::OP_VALUE_GE, kSlotDay, smallest_value));
}

std::vector<std::string_view> query_field_names() {
  std::vector<std::string_view> names;
  for (const Field& field : schema_fields()) {
    if (!field.name.empty()) names.push_back(field.name);
  }
  names.push_back(kDateFieldName);
  return names;
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, std::optional<Day> today)
    : stemmer_(make_stemmer()), db_(db), today_(today) {
  parser_.set_database(db);
  parser_.set_stemmer(stemmer_);
  parser_.set_stemming_strategy(kQueryStemStrategy);
  parser_.set_default_op(Xapian::Query::OP_AND);
  parser_.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  for (const Field& field : schema_fields()) {
    if (field.name.empty()) continue;
    std::string name(field.name), prefix(field.prefix);
    if (field.kind == FieldKind::kBoolean) {
      parser_.add_boolean_prefix(name, (new BooleanField(field))->release());
    } else {
      parser_.add_prefix(name, prefix);
    }
  }
  parser_.add_boolean_prefix(std::string(kDateFieldName),
                             (new DateFilter(today, undated_, bad_date_))->release());
}

namespace {

// Bounds of a query: far above what a person types or a script builds from a list of
// names, far below where parsing and matching take seconds (20,000 ORs took 20 s).
constexpr std::size_t kMaxQueryWords = 1000;
constexpr std::size_t kMaxQueryBytes = 16 * 1024;

void check_query_size(std::string_view query_text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : query_text) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  if (words > kMaxQueryWords || query_text.size() > kMaxQueryBytes) {
    throw QueryError("query too long: " + std::to_string(words) + " words, " +
                     std::to_string(query_text.size()) + " bytes (at most " +
                     std::to_string(kMaxQueryWords) + " words and " +
                     std::to_string(kMaxQueryBytes) + " bytes)");
  }
}

}  // namespace

namespace {

// The query with its words' accents folded as the index folds them (fold_accents), but
// not the values of exact fields (id:café.txt names a file).
std::string fold_query_accents(std::string_view query) {
  std::string folded;
  std::size_t i = 0;
  while (i < query.size()) {
    const bool word_start =
        i == 0 || std::string_view(" \t\n(+-").find(query[i - 1]) != std::string_view::npos;
    std::size_t name_end = i;
    while (word_start && name_end < query.size() && query[name_end] >= 'a' &&
           query[name_end] <= 'z') {
      ++name_end;
    }
    if (name_end > i && name_end < query.size() && query[name_end] == ':' &&
        field_takes_exact_value(query.substr(i, name_end - i))) {
      std::size_t value_end = name_end + 1;
      if (value_end < query.size() && query[value_end] == '"') {
        value_end = query.find('"', value_end + 1);
        value_end = value_end == std::string_view::npos ? query.size() : value_end + 1;
      } else {
        value_end = std::min(query.size(), query.find_first_of(" \t\n)", value_end));
      }
      folded.append(query.substr(i, value_end - i));
      i = value_end;
      continue;
    }
    const std::size_t next = std::min(query.size(), query.find_first_of(" \t\n(+-", i + 1));
    folded += fold_accents(query.substr(i, next - i));
    i = next;
  }
  return folded;
}

}  // namespace

Xapian::Query QueryBuilder::build(const std::string& query_text, UndatedPolicy undated) {
  const bool blank = query_text.find_first_not_of(" \t\n\r\f") == std::string::npos;
  if (undated == UndatedPolicy::kOnly && blank) return undated_articles_query();
  check_query_size(query_text);
  check_query_syntax(query_text, today_.value_or(local_today()));
  *undated_ = undated;
  try {
    bad_date_->clear();
    Xapian::Query query = parser_.parse_query(fold_query_accents(query_text), kParseFlags);
    if (!bad_date_->empty()) {
      throw QueryError("cannot parse query '" + query_text + "': " + *bad_date_);
    }
    if (has_multiword_term(query)) query = with_multiword_synonyms(query);
    query = with_entity_aliases(query, db_);
    query = without_xor(query);
    query = filters_of_match_all(query);
    query = with_entity_salience(query, db_);
    if (undated != UndatedPolicy::kOnly) return query;
    return Xapian::Query(Xapian::Query::OP_FILTER, query, undated_articles_query());
  } catch (const Xapian::QueryParserError& e) {
    throw QueryError("cannot parse query '" + query_text + "': " + e.get_msg());
  } catch (const Xapian::WildcardError& e) {
    throw QueryError("query '" + query_text + "': " + e.get_msg());
  }
}

}  // namespace newsdex
