// Crossroads core: the shape of a built-in word table for a language other than English (one per file,
// catalogue_<lang>.cpp), so a key added or removed in catalogue.h touches one line per language.
#pragma once

#include <cstddef>

#include "catalogue.h"

namespace cr {

// One key's text: `one` and `other` as in CR_CATALOGUE (other is nullptr when the text takes no count). Enough
// for languages whose CLDR cardinal categories are one and other; a language with more would add its forms here.
struct WordEntry {
    Key key;
    const char* one;
    const char* other;
};

struct WordTable {
    const char* language;  // base language subtag, "de"
    const WordEntry* entries;
    size_t count;
};

extern const WordTable kGermanWords;  // catalogue_de.cpp

}  // namespace cr
