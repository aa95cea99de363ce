#include "duplicate_clusters.h"

// Not written yet.
