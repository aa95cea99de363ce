// newsdex-index-digest [--no-duplicate-groups] DB: every term of an index with its
// document frequency, one "term<TAB>frequency" line each, in term order, then one
// "record<TAB>id term<TAB>hash" line per article (a hash of its stored record: title,
// text, date, entities), then "documents<TAB>N". Two indexes of the same files print the
// same lines whatever their history (document ids aside), so the soak script compares
// an incrementally kept index with a fresh build using cmp. --no-duplicate-groups leaves
// out the near-duplicate group terms (XDUP), to compare with an index written before
// groups were order-independent.
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <string>
#include <string_view>

#include <xapian.h>

namespace {

std::uint64_t fnv1a_64(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace

int main(int argc, char** argv) {
  bool no_duplicate_groups = argc == 3 && std::string_view(argv[1]) == "--no-duplicate-groups";
  if (argc != 2 && !no_duplicate_groups) {
    std::cerr << "usage: newsdex-index-digest [--no-duplicate-groups] DB\n";
    return 2;
  }
  try {
    Xapian::Database db(argv[argc - 1]);
    for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term) {
      if (no_duplicate_groups && (*term).starts_with("XDUP")) continue;
      std::cout << *term << '\t' << term.get_termfreq() << '\n';
    }
    for (auto term = db.allterms_begin("Q"); term != db.allterms_end("Q"); ++term) {
      Xapian::Document doc = db.get_document(*db.postlist_begin(*term));
      std::cout << "record\t" << *term << '\t' << std::hex << fnv1a_64(doc.get_data()) << std::dec
                << '\n';
    }
    std::cout << "documents\t" << db.get_doccount() << '\n';
    return 0;
  } catch (const Xapian::Error& e) {
    std::cerr << "newsdex-index-digest: " << e.get_description() << '\n';
    return 2;
  }
}
