#include "newsdex/gzip.h"

// Not written yet.
