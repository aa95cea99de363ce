# Every dependency comes from Debian packages; see the README for why each is here.

# Xapian's CMake config only sets variables (XAPIAN_INCLUDE_DIR, XAPIAN_LIBRARIES),
# so wrap them in an imported target that the rest of the build links against.
find_package(xapian CONFIG REQUIRED)
if(NOT TARGET Xapian::xapian)
  add_library(Xapian::xapian INTERFACE IMPORTED)
  set_target_properties(Xapian::xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()

# Linked statically: a one-shot search then loads one shared library fewer (start-up is
# most of its time; see bench/index/run.sh).
set(Boost_USE_STATIC_LIBS ON)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Threads REQUIRED)

# Article formats: gumbo parses saved HTML pages, ICU converts UTF-16 and legacy
# encodings, zlib reads .gz files.
find_package(PkgConfig REQUIRED)
pkg_check_modules(gumbo REQUIRED IMPORTED_TARGET gumbo)
# Line editing and history for newsdex-search -i (BSD-licensed editline). Checked here,
# loaded by search/editline.cc only when -i runs, so one-shot searches start faster.
pkg_check_modules(libedit REQUIRED IMPORTED_TARGET libedit)
# jemalloc for newsdex-index: Xapian's write path and the analysis allocate small
# objects by the million, and a full index is 15% faster (and smaller in memory) with it
# than with glibc's malloc (bench/index/run.sh).
pkg_check_modules(jemalloc REQUIRED IMPORTED_TARGET jemalloc)
find_package(ICU 60 REQUIRED COMPONENTS uc)
find_package(ZLIB REQUIRED)
