#include "newsdex/fingerprint.h"

// Not written yet.
