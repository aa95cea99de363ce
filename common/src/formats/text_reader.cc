#include "newsdex/formats/text_reader.h"

// Not written yet.
