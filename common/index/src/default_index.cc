#include "newsdex/default_index.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "newsdex/errors.h"

namespace newsdex {
namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

// "~/x" under the home folder; a relative path from the config file's folder.
std::string resolve(std::string value, const std::filesystem::path& config) {
  const std::string home = environment("HOME");
  if (value == "~" || value.starts_with("~/")) {
    if (home.empty()) throw UsageError(config.string() + ": '~' in db, but HOME is not set");
    value = home + value.substr(1);
  }
  std::filesystem::path path(value);
  if (path.is_relative()) path = config.parent_path() / path;
  return path.lexically_normal().string();
}

std::optional<std::string> db_from_config(const std::string& config_path) {
  std::error_code error;
  if (!std::filesystem::exists(config_path, error)) return std::nullopt;
  std::ifstream in(config_path);
  if (!in) throw UsageError("cannot read " + config_path);
  std::optional<std::string> db;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::string_view text = trimmed(line);
    if (text.empty() || text.front() == '#') continue;
    const auto equals = text.find('=');
    const std::string where = config_path + ":" + std::to_string(number) + ": ";
    if (equals == std::string_view::npos) {
      throw UsageError(where + "expected 'name = value', found '" + std::string(text) + "'");
    }
    const std::string_view name = trimmed(text.substr(0, equals));
    const std::string_view value = trimmed(text.substr(equals + 1));
    if (name != "db") {
      throw UsageError(where + "unknown setting '" + std::string(name) + "' (known: db)");
    }
    if (value.empty()) throw UsageError(where + "db has no value");
    db = resolve(std::string(value), std::filesystem::absolute(config_path, error));
  }
  return db;
}

}  // namespace

std::string user_config_path() {
  std::string base = environment("XDG_CONFIG_HOME");
  // The XDG base directory spec: a relative XDG_CONFIG_HOME is invalid and ignored.
  if (base.empty() || base.front() != '/') {
    const std::string home = environment("HOME");
    if (home.empty()) return {};
    base = home + "/.config";
  }
  return base + "/newsdex/config";
}

std::optional<DefaultIndex> default_index() {
  if (std::string env = environment("NEWSDEX_DB"); !env.empty()) {
    return DefaultIndex{std::move(env), "NEWSDEX_DB"};
  }
  const std::string config = user_config_path();
  if (config.empty()) return std::nullopt;
  if (std::optional<std::string> db = db_from_config(config)) {
    return DefaultIndex{std::move(*db), config};
  }
  return std::nullopt;
}

}  // namespace newsdex
