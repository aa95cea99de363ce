#include "newsdex/formats/json_reader.h"

// Not written yet.
