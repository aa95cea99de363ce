// newsdex-train-ner: trains the entity tagger (an averaged perceptron over the features
// of entity_features.h) from articles annotated with mentions, and writes the model file
// that common/data/ner_model.bin holds. Deterministic: same data, same model.
//
//   newsdex-train-ner --articles DIR --mentions gold_mentions.jsonl --out MODEL
//
// Articles whose file number is divisible by 4 are held out: never trained on, scored
// after each epoch so that the printed figures are honest.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <unordered_map>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "newsdex/entity_tagger.h"

namespace po = boost::program_options;
using namespace newsdex;

namespace {

struct Mention {
  std::size_t begin, end;
  EntityType type;
};

struct Sample {
  std::string name;
  std::string text;
  std::vector<Token> tokens;
  std::vector<std::uint8_t> gold;
  bool held_out = false;
};

EntityType parse_type(const std::string& type) {
  if (type == "PER") return EntityType::kPerson;
  if (type == "LOC") return EntityType::kPlace;
  if (type == "ORG") return EntityType::kOrganization;
  return EntityType::kMisc;
}

std::map<std::string, std::vector<Mention>> read_mentions(const std::string& path) {
  std::map<std::string, std::vector<Mention>> mentions;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    nlohmann::json m = nlohmann::json::parse(line);
    mentions[m.at("file")].push_back(
        {m.at("start"), m.at("end"), parse_type(m.at("type").get<std::string>())});
  }
  return mentions;
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// Averaged perceptron weights with lazy averaging (each weight keeps the time of its
// last change, so the running total is brought up to date only when it changes).
class Weights {
 public:
  void score(const std::vector<std::uint32_t>& keys, float* scores) const {
    for (std::uint32_t key : keys) {
      auto row = index_.find(key);
      if (row == index_.end()) continue;
      for (int tag = 0; tag < kTagCount; ++tag)
        scores[tag] += weight_[row->second * kTagCount + tag];
    }
  }

  void update(const std::vector<std::uint32_t>& keys, std::uint8_t gold, std::uint8_t guess) {
    for (std::uint32_t key : keys) {
      std::size_t row = row_of(key);
      bump(row * kTagCount + gold, 1);
      bump(row * kTagCount + guess, -1);
    }
  }

  void tick() { ++now_; }

  // Averaged weights, scaled to int16, dropping features whose weights all round to 0.
  void write(const std::string& path) const {
    std::vector<double> average(weight_.size());
    double largest = 0;
    for (std::size_t i = 0; i < weight_.size(); ++i) {
      double total = total_[i] + (now_ - stamp_[i]) * static_cast<double>(weight_[i]);
      average[i] = total / std::max<double>(now_, 1);
      largest = std::max(largest, std::abs(average[i]));
    }
    double scale = largest > 0 ? 32000.0 / largest : 1;
    std::vector<std::pair<std::uint32_t, std::size_t>> kept;
    for (const auto& [key, row] : index_) {
      bool any = false;
      for (int tag = 0; tag < kTagCount; ++tag) {
        any |= std::lround(average[row * kTagCount + tag] * scale) != 0;
      }
      if (any) kept.emplace_back(key, row);
    }
    std::sort(kept.begin(), kept.end());
    std::ofstream out(path, std::ios::binary);
    auto put32 = [&](std::uint32_t v) { out.write(reinterpret_cast<const char*>(&v), 4); };
    out.write(kTaggerModelMagic.data(), kTaggerModelMagic.size());
    put32(kTagCount);
    put32(static_cast<std::uint32_t>(kept.size()));
    for (const auto& entry : kept) put32(entry.first);
    for (const auto& entry : kept) {
      for (int tag = 0; tag < kTagCount; ++tag) {
        auto w =
            static_cast<std::int16_t>(std::lround(average[entry.second * kTagCount + tag] * scale));
        out.write(reinterpret_cast<const char*>(&w), 2);
      }
    }
    std::cerr << "model: " << kept.size() << " of " << index_.size() << " features kept\n";
  }

 private:
  std::size_t row_of(std::uint32_t key) {
    auto [it, added] = index_.emplace(key, index_.size());
    if (added) {
      weight_.resize(weight_.size() + kTagCount, 0);
      total_.resize(total_.size() + kTagCount, 0);
      stamp_.resize(stamp_.size() + kTagCount, now_);
    }
    return it->second;
  }

  void bump(std::size_t i, float delta) {
    total_[i] += (now_ - stamp_[i]) * static_cast<double>(weight_[i]);
    stamp_[i] = now_;
    weight_[i] += delta;
  }

  std::unordered_map<std::uint32_t, std::size_t> index_;
  std::vector<float> weight_;
  std::vector<double> total_;
  std::vector<std::uint64_t> stamp_;
  std::uint64_t now_ = 1;
};

// Entity spans [begin, end) of token indexes with their tag type.
std::vector<std::tuple<std::size_t, std::size_t, int>> spans(
    const std::vector<std::uint8_t>& tags) {
  std::vector<std::tuple<std::size_t, std::size_t, int>> result;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (tags[i] == kTagOutside || is_inside_tag(tags[i])) continue;
    std::size_t end = i + 1;
    while (end < tags.size() && tags[end] == inside_tag(tag_type(tags[i]))) ++end;
    result.emplace_back(i, end, static_cast<int>(tag_type(tags[i])));
  }
  return result;
}

// Mention-level F1 per type on the held-out articles, tagging with `tag`.
template <class TagFn>
void evaluate(const std::vector<Sample>& samples, const std::string& label, TagFn&& tag) {
  const char* kNames[] = {"PER", "LOC", "ORG", "MISC"};
  std::size_t correct[4] = {}, guessed[4] = {}, gold[4] = {};
  std::vector<std::uint8_t> tags;
  for (const Sample& sample : samples) {
    if (!sample.held_out) continue;
    tags = tag(sample);
    auto guess = spans(tags), truth = spans(sample.gold);
    for (const auto& span : guess) {
      ++guessed[std::get<2>(span)];
      if (std::find(truth.begin(), truth.end(), span) != truth.end()) ++correct[std::get<2>(span)];
    }
    for (const auto& span : truth) ++gold[std::get<2>(span)];
  }
  std::cerr << label << " held-out mention F1:";
  for (int type = 0; type < 4; ++type) {
    double p = guessed[type] ? double(correct[type]) / guessed[type] : 0;
    double r = gold[type] ? double(correct[type]) / gold[type] : 0;
    std::cerr << " " << kNames[type] << " " << (p + r > 0 ? 2 * p * r / (p + r) : 0);
  }
  std::cerr << "\n";
}

// The command line: where the articles and mentions are, where the model goes.
struct TrainerArguments {
  std::string articles, mentions_path, out;
  int epochs = 8;
};

// Parses the command line into `arguments`; false (the error and the options printed)
// when it is wrong.
bool parse_arguments(int argc, char** argv, TrainerArguments& arguments) {
  po::options_description options("Options");
  options.add_options()("articles", po::value(&arguments.articles)->required(),
                        "folder of NNNN.txt")(
      "mentions", po::value(&arguments.mentions_path)->required(), "gold_mentions.jsonl")(
      "out", po::value(&arguments.out)->required(), "model file to write")(
      "epochs", po::value(&arguments.epochs)->default_value(8),
      "passes over the training articles");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, options), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "newsdex-train-ner: " << e.what() << "\n" << options;
    return false;
  }
  return true;
}

// The tags of the tokens as the mentions give them; a token that a mention cuts across
// stays outside, and is counted in `unaligned`.
std::vector<std::uint8_t> gold_tags(const std::vector<Token>& tokens,
                                    const std::vector<Mention>& mentions, std::size_t& unaligned) {
  std::vector<std::uint8_t> gold(tokens.size(), kTagOutside);
  for (const Mention& m : mentions) {
    bool first = true;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      if (t.end <= m.begin || t.begin >= m.end) continue;
      if (t.begin < m.begin || t.end > m.end) {
        ++unaligned;
        continue;
      }
      gold[i] = first ? begin_tag(m.type) : inside_tag(m.type);
      first = false;
    }
  }
  return gold;
}

// The articles of the folder in file name order, each with its gold tags; prints how
// many tokens a mention cut across.
std::vector<Sample> read_samples(const std::string& articles,
                                 std::map<std::string, std::vector<Mention>>& mentions) {
  std::vector<Sample> samples;
  std::size_t unaligned = 0;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(articles))
    files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    Sample sample;
    sample.name = path.filename().string();
    sample.held_out = std::stoi(path.stem().string()) % 4 == 0;
    sample.text = read_all(path);
    sample.tokens = tokenize(sample.text);
    sample.gold = gold_tags(sample.tokens, mentions[sample.name], unaligned);
    samples.push_back(std::move(sample));
  }
  std::cerr << "articles: " << samples.size() << ", tokens cut across a mention: " << unaligned
            << "\n";
  return samples;
}

// Gold entity tokens of a sample that the tagger never decides (not candidates).
std::size_t unreachable_tokens(const Sample& sample, const FeatureContext& context,
                               const std::vector<std::uint8_t>& tags) {
  std::size_t unreachable = 0;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (sample.gold[i] != kTagOutside && !context.is_candidate(i, i ? sample.gold[i - 1] : 0)) {
      ++unreachable;
    }
  }
  return unreachable;
}

// One perceptron pass over the training samples in `order`; returns the unreachable
// gold tokens met (see unreachable_tokens()) when asked to count them, else 0.
std::size_t train_epoch(const std::vector<Sample>& samples, const std::vector<std::size_t>& order,
                        Weights& weights, bool count_unreachable) {
  std::size_t unreachable = 0;
  std::vector<std::uint8_t> tags;
  for (std::size_t index : order) {
    const Sample& sample = samples[index];
    if (sample.held_out) continue;
    FeatureContext context(sample.text, sample.tokens);
    decode_left_to_right<float>(
        context, tags,
        [&](const std::vector<std::uint32_t>& keys, float* scores) { weights.score(keys, scores); },
        [&](std::size_t i, const std::vector<std::uint32_t>& keys, std::uint8_t guess) {
          weights.tick();
          std::uint8_t gold = sample.gold[i];
          if (guess != gold) weights.update(keys, gold, guess);
          return guess;
        });
    if (count_unreachable) unreachable += unreachable_tokens(sample, context, tags);
  }
  return unreachable;
}

// The tags of a sample by the raw (not averaged) weights.
std::vector<std::uint8_t> tag_with_weights(const Weights& weights, const Sample& sample) {
  FeatureContext context(sample.text, sample.tokens);
  std::vector<std::uint8_t> result;
  decode_left_to_right<float>(
      context, result,
      [&](const std::vector<std::uint32_t>& keys, float* scores) { weights.score(keys, scores); },
      [](std::size_t, const std::vector<std::uint32_t>&, std::uint8_t t) { return t; });
  return result;
}

// Trains `epochs` passes in a seeded random order, scoring the held-out samples after each.
void train(const std::vector<Sample>& samples, int epochs, Weights& weights) {
  std::vector<std::size_t> order(samples.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 random(42);
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), random);
    std::size_t unreachable = train_epoch(samples, order, weights, epoch == 1);
    if (epoch == 1)
      std::cerr << "gold entity tokens the tagger never decides: " << unreachable << "\n";
    evaluate(samples, "epoch " + std::to_string(epoch) + " (raw weights)",
             [&](const Sample& s) { return tag_with_weights(weights, s); });
  }
}

}  // namespace

int main(int argc, char** argv) {
  TrainerArguments arguments;
  if (!parse_arguments(argc, argv, arguments)) return 2;
  auto mentions = read_mentions(arguments.mentions_path);
  std::vector<Sample> samples = read_samples(arguments.articles, mentions);
  Weights weights;
  train(samples, arguments.epochs, weights);
  weights.write(arguments.out);
  // Score the file as the runtime reads it: averaged, quantised and pruned.
  std::string model_bytes = read_all(arguments.out);
  TaggerModel model(model_bytes);
  evaluate(samples, "written model",
           [&](const Sample& s) { return tag_tokens(model, s.text, s.tokens); });
  return 0;
}
