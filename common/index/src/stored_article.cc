#include "newsdex/stored_article.h"

#include <cstdint>
#include <string_view>
#include <vector>

#include "newsdex/errors.h"

namespace newsdex {
namespace {

// The first byte of every record; another value is another layout (or not ours).
constexpr char kLayout = '\x04';

void put_length(std::string& out, std::size_t length) {
  while (length >= 0x80) {
    out += static_cast<char>((length & 0x7F) | 0x80);
    length >>= 7;
  }
  out += static_cast<char>(length);
}

void put_string(std::string& out, const std::string& text) {
  put_length(out, text.size());
  out += text;
}

void put_list(std::string& out, const std::vector<std::string>& list) {
  put_length(out, list.size());
  for (const std::string& text : list) put_string(out, text);
}

// Reads a record front to back; throws IndexError on anything serialise() cannot write.
class RecordReader {
 public:
  explicit RecordReader(std::string_view data) : rest_(data) {}

  std::size_t length() {
    std::size_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (rest_.empty()) fail("it ends inside a length");
      auto byte = static_cast<unsigned char>(rest_.front());
      rest_.remove_prefix(1);
      value |= static_cast<std::size_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    fail("a length is too long");
  }

  std::string string() {
    std::size_t size = length();
    if (size > rest_.size()) fail("a string runs past its end");
    std::string text(rest_.substr(0, size));
    rest_.remove_prefix(size);
    return text;
  }

  std::vector<std::string> list() {
    std::size_t count = length();
    // Each string takes at least one byte: a larger count is damage, not a list.
    if (count > rest_.size()) fail("a list runs past its end");
    std::vector<std::string> list;
    list.reserve(count);
    for (std::size_t i = 0; i < count; ++i) list.push_back(string());
    return list;
  }

  void expect_layout() {
    if (rest_.empty() || rest_.front() != kLayout) fail("it is not a newsdex article record");
    rest_.remove_prefix(1);
  }

  void expect_end() const {
    if (!rest_.empty()) fail("bytes follow its end");
  }

 private:
  [[noreturn]] static void fail(const std::string& why) {
    throw IndexError("unreadable document data: " + why);
  }

  std::string_view rest_;
};

}  // namespace

std::string StoredArticle::serialise() const {
  std::string out;
  out.reserve(64 + id.size() + path.size() + title.size() + body.size());
  out += kLayout;
  for (const std::string* field :
       {&id, &path, &title, &section, &source, &author, &url, &date, &date_source, &body}) {
    put_string(out, *field);
  }
  for (const std::vector<std::string>* list :
       {&entities.people, &entities.places, &entities.organizations, &entities.topics,
        &entities.people_aliases, &entities.place_aliases, &entities.organization_aliases}) {
    put_list(out, *list);
  }
  return out;
}

StoredArticle StoredArticle::parse(const std::string& data) {
  RecordReader reader(data);
  reader.expect_layout();
  StoredArticle article;
  for (std::string* field :
       {&article.id, &article.path, &article.title, &article.section, &article.source,
        &article.author, &article.url, &article.date, &article.date_source, &article.body}) {
    *field = reader.string();
  }
  ArticleEntities& entities = article.entities;
  for (std::vector<std::string>* list :
       {&entities.people, &entities.places, &entities.organizations, &entities.topics,
        &entities.people_aliases, &entities.place_aliases, &entities.organization_aliases}) {
    *list = reader.list();
  }
  reader.expect_end();
  return article;
}

}  // namespace newsdex
