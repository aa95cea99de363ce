// newsdex-index-digest DB: every term of an index with its document frequency, one
// "term<TAB>frequency" line each, in term order, then "documents<TAB>N". Two indexes of
// the same files print the same lines whatever their history (document ids aside), so
// the soak script compares an incrementally kept index with a fresh build using cmp.
#include <iostream>

#include <xapian.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: newsdex-index-digest DB\n";
    return 2;
  }
  try {
    Xapian::Database db(argv[1]);
    for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term) {
      std::cout << *term << '\t' << term.get_termfreq() << '\n';
    }
    std::cout << "documents\t" << db.get_doccount() << '\n';
    return 0;
  } catch (const Xapian::Error& e) {
    std::cerr << "newsdex-index-digest: " << e.get_description() << '\n';
    return 2;
  }
}
