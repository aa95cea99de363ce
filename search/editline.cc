#include "editline.h"

#include <dlfcn.h>

namespace newsdex {
namespace {

// The soname of Debian's libedit2, which libedit-dev builds against.
constexpr const char* kLibrary = "libedit.so.2";

template <class T>
bool find(void* library, const char* name, T& symbol) {
  symbol = reinterpret_cast<T>(::dlsym(library, name));
  return symbol != nullptr;
}

Editline* load() {
  void* library = ::dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) return nullptr;
  static Editline loaded;
  bool found = find(library, "rl_instream", loaded.instream) &&
               find(library, "rl_outstream", loaded.outstream) &&
               find(library, "rl_readline_name", loaded.readline_name) &&
               find(library, "rl_initialize", loaded.initialize) &&
               find(library, "using_history", loaded.using_history) &&
               find(library, "clear_history", loaded.clear_history) &&
               find(library, "stifle_history", loaded.stifle_history) &&
               find(library, "read_history", loaded.read_history) &&
               find(library, "write_history", loaded.write_history) &&
               find(library, "readline", loaded.readline) &&
               find(library, "add_history", loaded.add_history);
  return found ? &loaded : nullptr;
}

}  // namespace

const Editline* editline() {
  static const Editline* loaded = load();
  return loaded;
}

}  // namespace newsdex
