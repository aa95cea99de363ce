// The index both programs use when no --db is given, as notmuch and recoll users expect
// of a search tool: NEWSDEX_DB, else the `db =` line of the per-user config file
// ($XDG_CONFIG_HOME/newsdex/config, or ~/.config/newsdex/config).
#pragma once

#include <optional>
#include <string>

namespace newsdex {

// Where the per-user config file is looked for; empty when neither XDG_CONFIG_HOME nor
// HOME is set (as under some cron daemons).
std::string user_config_path();

struct DefaultIndex {
  std::string path;
  std::string origin;  // "NEWSDEX_DB" or the config file's path: for messages
};

// NEWSDEX_DB when set and not empty, else the config file's `db`, else nothing. The file
// holds "name = value" lines, '#' comments and blank lines; `db` is the one name it
// knows. Its value may start with "~/" (the home folder); a relative value is read from
// the file's own folder. A file that exists but cannot be read, or that holds a line it
// does not understand, throws UsageError naming the file and the line: a typo there
// must not send a search to the wrong index without a word.
std::optional<DefaultIndex> default_index();

}  // namespace newsdex
