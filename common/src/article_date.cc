#include "newsdex/article_date.h"

// Not written yet.
