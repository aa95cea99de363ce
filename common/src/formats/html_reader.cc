#include "newsdex/formats/html_reader.h"

// Not written yet.
