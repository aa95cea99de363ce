// newsdex-dupbench CORPUS_DIR [SEED]: how often "+N similar" groups a story with copies
// edited as syndication edits them, and whether it ever groups different stories.
//
// Every .txt article of the corpus gets one copy per kind of edit below, made with a
// seeded random generator (the same copies on every machine). Each kind is grouped on its
// own, originals and copies together, by the indexer's own code (make_article for the
// fingerprint, DuplicateClusters for the groups), and a copy counts as caught when it
// ends in its original's group. A group is false when it holds two articles, originals or
// copies, of stories whose word-shingle sets overlap by less than half (exact Jaccard):
// the corpus's own duplicates (one story filed twice) are real groups, not false ones.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "duplicate_clusters.h"
#include "newsdex/article.h"
#include "newsdex/hashing.h"
#include "newsdex/text_analyzer.h"

namespace {

namespace fs = std::filesystem;

struct Story {
  std::string title;
  std::vector<std::string> paragraphs;
};

// A BBC-style file: the title on the first line, then paragraphs.
Story read_story(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  Story story;
  std::getline(in, story.title);
  while (std::getline(in, line)) {
    if (!line.empty()) story.paragraphs.push_back(line);
  }
  return story;
}

std::string text_of(const Story& story) {
  std::string text = story.title + "\n\n";
  for (const std::string& paragraph : story.paragraphs) text += paragraph + "\n\n";
  return text;
}

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// Lines sites add to a story they carry, invented for this benchmark; the cleaner knows
// none of them as residue.
const std::vector<std::string> kAddedLines = {
    "Follow our live coverage of this story throughout the day on the regional desk.",
    "This report was compiled with material from our partners at the evening edition.",
    "Readers can send their own pictures and accounts to the newsroom by email.",
};

class Editor {
 public:
  Editor(unsigned seed, std::vector<std::string> vocabulary)
      : random_(seed), vocabulary_(std::move(vocabulary)) {}

  // One sentence (not the first of the story) is dropped.
  void drop_sentence(Story& story) {
    std::vector<std::pair<std::size_t, std::size_t>> ends;  // paragraph, end of a sentence
    for (std::size_t p = 0; p < story.paragraphs.size(); ++p) {
      const std::string& text = story.paragraphs[p];
      for (std::size_t at = text.find(". "); at != std::string::npos; at = text.find(". ", at + 1))
        ends.emplace_back(p, at + 2);
      ends.emplace_back(p, text.size());
    }
    if (ends.size() < 2) return;
    std::size_t pick = 1 + pick_below(ends.size() - 1);
    auto [p, end] = ends[pick];
    std::size_t start = ends[pick - 1].first == p ? ends[pick - 1].second : 0;
    story.paragraphs[p].erase(start, end - start);
    if (story.paragraphs[p].empty()) story.paragraphs.erase(story.paragraphs.begin() + p);
  }

  // `count` words of the body are replaced by words of other stories.
  void change_words(Story& story, int count) {
    for (int i = 0; i < count && !story.paragraphs.empty(); ++i) {
      std::string& paragraph = story.paragraphs[pick_below(story.paragraphs.size())];
      std::vector<std::string> words = split_words(paragraph);
      if (words.empty()) continue;
      words[pick_below(words.size())] = vocabulary_[pick_below(vocabulary_.size())];
      paragraph = newsdex::join_words(words);
    }
  }

  // A run of `length` consecutive words is replaced by as many other words.
  void change_phrase(Story& story, int length) {
    if (story.paragraphs.empty()) return;
    std::string& paragraph = story.paragraphs[pick_below(story.paragraphs.size())];
    std::vector<std::string> words = split_words(paragraph);
    if (words.size() <= static_cast<std::size_t>(length)) return;
    std::size_t first = pick_below(words.size() - length);
    for (int i = 0; i < length; ++i) words[first + i] = vocabulary_[pick_below(vocabulary_.size())];
    paragraph = newsdex::join_words(words);
  }

  void add_line(Story& story) {
    story.paragraphs.push_back(kAddedLines[pick_below(kAddedLines.size())]);
  }

  int words_to_change() { return 3 + static_cast<int>(pick_below(3)); }

 private:
  std::size_t pick_below(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
  }
  std::mt19937_64 random_;
  std::vector<std::string> vocabulary_;
};

// A brief: the story cut to its title and first 60 to 90 words, as wires file a short.
Story brief_of(const Story& story, std::size_t words) {
  Story brief{story.title, {}};
  std::vector<std::string> all;
  for (const std::string& paragraph : story.paragraphs) {
    for (std::string& word : split_words(paragraph)) all.push_back(std::move(word));
  }
  all.resize(std::min(all.size(), words));
  brief.paragraphs.push_back(newsdex::join_words(all));
  return brief;
}

// Case-folded three-word shingles of the body, hashed: the exact Jaccard of two stories.
std::set<std::uint64_t> shingles(const std::string& body) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : body + " ") {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  std::set<std::uint64_t> set;
  for (std::size_t i = 0; i + 3 <= words.size(); ++i)
    set.insert(newsdex::fnv1a_64(words[i] + " " + words[i + 1] + " " + words[i + 2]));
  return set;
}

double jaccard(const std::set<std::uint64_t>& a, const std::set<std::uint64_t>& b) {
  std::size_t shared = 0;
  for (std::uint64_t x : a) shared += b.count(x);
  std::size_t all = a.size() + b.size() - shared;
  return all == 0 ? 1.0 : static_cast<double>(shared) / static_cast<double>(all);
}

// "o12": the id term of story 12's original ('o'), copy ('c') or brief ('b').
std::string term_of(char kind, std::size_t story) {
  std::string term(1, kind);
  term += std::to_string(story);
  return term;
}

struct Member {
  std::string term;
  std::size_t story;  // index of the original story
  newsdex::Article article;
};

newsdex::Article article_of(const std::string& id, const Story& story) {
  newsdex::SourceFile file;
  file.id = id;
  file.path = id;
  return newsdex::make_article(file, text_of(story));
}

// The final key of every member, as an index would hold it.
std::map<std::string, std::string> group(const std::vector<Member>& members) {
  newsdex::DuplicateClusters clusters;
  std::map<std::string, std::string> keys;
  for (const Member& member : members) {
    if (member.article.fingerprint.empty()) continue;
    keys[member.term] = clusters.assign(member.term, member.article.fingerprint);
  }
  for (auto& change : clusters.regrouped()) keys[change.id_term] = change.key;
  return keys;
}

struct Outcome {
  std::size_t copies = 0, caught = 0, false_groups = 0;
  std::size_t shared_groups = 0;  // groups of more than one story (real or false)
};

// Groups originals and copies (copies[i] is a copy of originals[i], or absent).
Outcome measure(const std::vector<newsdex::Article>& originals,
                const std::vector<std::set<std::uint64_t>>& original_shingles,
                const std::vector<std::optional<newsdex::Article>>& copies) {
  std::vector<Member> members;
  for (std::size_t i = 0; i < originals.size(); ++i) {
    members.push_back({term_of('o', i), i, originals[i]});
    if (copies[i]) members.push_back({term_of('c', i), i, *copies[i]});
  }
  std::map<std::string, std::string> keys = group(members);
  Outcome outcome;
  std::map<std::string, std::set<std::size_t>> stories_of_key;
  for (const Member& member : members) {
    auto key = keys.find(member.term);
    if (key != keys.end()) stories_of_key[key->second].insert(member.story);
  }
  for (std::size_t i = 0; i < originals.size(); ++i) {
    if (!copies[i]) continue;
    ++outcome.copies;
    auto original = keys.find(term_of('o', i));
    auto copy = keys.find(term_of('c', i));
    if (original != keys.end() && copy != keys.end() && original->second == copy->second)
      ++outcome.caught;
  }
  for (const auto& [key, stories] : stories_of_key) {
    outcome.shared_groups += stories.size() > 1;
    bool is_false = false;
    for (auto a = stories.begin(); a != stories.end() && !is_false; ++a) {
      for (auto b = std::next(a); b != stories.end() && !is_false; ++b) {
        is_false = jaccard(original_shingles[*a], original_shingles[*b]) < 0.5;
      }
    }
    if (is_false) {
      ++outcome.false_groups;
      std::printf("  false group %s:", key.c_str());
      for (std::size_t story : stories) std::printf(" \"%s\"", originals[story].title.c_str());
      std::printf("\n");
    }
  }
  return outcome;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: newsdex-dupbench CORPUS_DIR [SEED]\n");
    return 2;
  }
  const unsigned seed = argc > 2 ? static_cast<unsigned>(std::stoul(argv[2])) : 1;
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator(argv[1])) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Story> stories;
  std::vector<std::string> vocabulary;
  for (const fs::path& path : paths) {
    stories.push_back(read_story(path));
    for (const std::string& paragraph : stories.back().paragraphs) {
      for (std::string& word : split_words(paragraph)) vocabulary.push_back(std::move(word));
    }
  }
  std::vector<newsdex::Article> originals, briefs;
  std::vector<std::set<std::uint64_t>> original_shingles, brief_shingles;
  for (std::size_t i = 0; i < stories.size(); ++i) {
    originals.push_back(article_of(term_of('o', i), stories[i]));
    original_shingles.push_back(shingles(originals.back().body));
  }
  std::printf("newsdex near-duplicate edit benchmark: %zu articles, seed %u\n", stories.size(),
              seed);

  Editor editor(seed, vocabulary);
  struct Kind {
    const char* name;
    bool brief;
    std::function<void(Story&)> edit;
  };
  const std::vector<Kind> kinds = {
      {"unchanged copy", false, [](Story&) {}},
      {"a sentence dropped", false, [&](Story& s) { editor.drop_sentence(s); }},
      {"3 to 5 words changed", false,
       [&](Story& s) { editor.change_words(s, editor.words_to_change()); }},
      {"a line added", false, [&](Story& s) { editor.add_line(s); }},
      {"all three at once", false,
       [&](Story& s) {
         editor.drop_sentence(s);
         editor.change_words(s, editor.words_to_change());
         editor.add_line(s);
       }},
      {"brief (60-90 words), two phrases changed", true,
       [&](Story& s) {
         editor.change_phrase(s, 3);
         editor.change_phrase(s, 3);
       }},
  };
  // Briefs are cut once, with lengths from their own generator, so that the other kinds'
  // copies do not depend on whether briefs are measured.
  std::mt19937_64 brief_lengths(seed);
  std::vector<Story> brief_stories;
  for (std::size_t i = 0; i < stories.size(); ++i) {
    brief_stories.push_back(brief_of(stories[i], 60 + brief_lengths() % 31));
    briefs.push_back(article_of(term_of('b', i), brief_stories.back()));
    brief_shingles.push_back(shingles(briefs.back().body));
  }

  std::size_t all_false = 0;
  double worst = 1.0;
  std::vector<std::pair<std::string, std::vector<int>>> shared_by_kind;
  for (const Kind& kind : kinds) {
    const std::vector<Story>& base = kind.brief ? brief_stories : stories;
    std::vector<std::optional<newsdex::Article>> copies;
    for (std::size_t i = 0; i < base.size(); ++i) {
      Story copy = base[i];
      kind.edit(copy);
      copies.push_back(article_of(term_of('c', i), copy));
    }
    std::vector<int> shared;
    for (std::size_t i = 0; i < base.size(); ++i) {
      const auto& original = kind.brief ? briefs[i] : originals[i];
      if (!original.fingerprint.empty() && !copies[i]->fingerprint.empty())
        shared.push_back(newsdex::shared_minima(original.fingerprint, copies[i]->fingerprint));
    }
    shared_by_kind.emplace_back(kind.name, std::move(shared));
    Outcome outcome = kind.brief ? measure(briefs, brief_shingles, copies)
                                 : measure(originals, original_shingles, copies);
    double share = outcome.copies == 0
                       ? 0.0
                       : static_cast<double>(outcome.caught) / static_cast<double>(outcome.copies);
    if (kind.name != std::string("unchanged copy")) worst = std::min(worst, share);
    all_false += outcome.false_groups;
    std::printf("  %-42s caught %5.1f%% (%zu of %zu), false groups %zu\n", kind.name, 100.0 * share,
                outcome.caught, outcome.copies, outcome.false_groups);
  }
  std::vector<std::optional<newsdex::Article>> none(originals.size());
  Outcome alone = measure(originals, original_shingles, none);
  all_false += alone.false_groups;
  std::printf("  originals alone: %zu groups of several stories, false groups %zu\n",
              alone.shared_groups, alone.false_groups);
  // How the threshold trades the two: copies that agree with their original at T or more
  // positions, and pairs of different stories (exact Jaccard under one half) that do.
  std::vector<int> different;
  for (std::size_t i = 0; i < originals.size(); ++i) {
    for (std::size_t j = i + 1; j < originals.size(); ++j) {
      if (originals[i].fingerprint.empty() || originals[j].fingerprint.empty()) continue;
      int shared = newsdex::shared_minima(originals[i].fingerprint, originals[j].fingerprint);
      if (shared >= 24 && jaccard(original_shingles[i], original_shingles[j]) < 0.5)
        different.push_back(shared);
    }
  }
  std::printf("  agreeing positions of %zu, by threshold T:       ", newsdex::kMinHashes);
  for (int t = 24; t <= 48; t += 4) std::printf("  T=%-4d", t);
  std::printf("\n");
  for (const auto& [name, shared] : shared_by_kind) {
    std::printf("    copies, %-38s", name.c_str());
    for (int t = 24; t <= 48; t += 4) {
      auto at_least = std::count_if(shared.begin(), shared.end(), [t](int s) { return s >= t; });
      std::printf("  %5.1f%%",
                  100.0 * static_cast<double>(at_least) / static_cast<double>(shared.size()));
    }
    std::printf("\n");
  }
  std::printf("    pairs of different stories                  ");
  for (int t = 24; t <= 48; t += 4)
    std::printf("  %6ld", static_cast<long>(std::count_if(different.begin(), different.end(),
                                                          [t](int s) { return s >= t; })));
  std::printf("\n");
  std::printf("worst edit kind caught %.1f%%; false groups in all: %zu\n", 100.0 * worst,
              all_false);
  return 0;
}
