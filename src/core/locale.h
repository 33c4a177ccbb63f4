// Crossroads core: what the widget must know of a language without ICU (the wasm has none): which CLDR plural
// category a count takes, and how numbers and money are written. Data for en, de, fr, es, pl, cs and ru from
// CLDR 44 (plurals.xml, and each locale's numbers.xml); any other language is written as English.
#pragma once

#include <string>
#include <string_view>

namespace cr {

// The CLDR plural categories, in CLDR's order (https://cldr.unicode.org/index/cldr-spec/plural-rules).
enum class Plural { Zero, One, Two, Few, Many, Other };
constexpr int kPluralCount = 6;

// "zero", "one", "two", "few", "many", "other": the names a quiz's "strings" use.
const char* plural_name(Plural p);

// How a language writes numbers (CLDR symbols and decimal/currency patterns).
struct NumberFormat {
    const char* decimal;         // "." or ","
    const char* group;           // "," "." or a no-break space (U+00A0; CLDR's U+202F, which the subset fonts lack, for fr)
    int min_grouping;            // CLDR minimumGroupingDigits: 2 writes 1000 but 10 000 (es, pl)
    bool currency_first;         // "$2,000" (en) or "2.000 $" (de, fr, es, pl, cs, ru)
};

struct Locale {
    const char* language;        // the base language subtag, "en", "de", ...
    unsigned plurals;            // bit (1 << Plural) for each category the language uses in cardinal rules
    NumberFormat number;
    const char* usd;             // CLDR's symbol for USD in this language ("$", "US$", "$US", "USD")
};

// "de" for "de-AT", "DE" or "de_CH"; "" for an empty tag.
std::string base_language(std::string_view bcp47);

// The locale of a BCP 47 tag by its base language; nullptr when the widget has no data for it.
const Locale* find_locale(std::string_view bcp47);

// English: the locale of every language without data.
const Locale& english_locale();

// The CLDR cardinal category of `n` as written with `fraction_digits` digits after the point (the operands
// i and v of CLDR; e, the compact exponent, is always 0 since counts are never written compactly). Every rule of
// the languages above is implemented for whole numbers and for decimals (v > 0).
// Sources: CLDR 44 plurals.xml -- en/de "one: i = 1 and v = 0"; fr "one: i = 0,1", es "one: n = 1", both
// "many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0"; pl, cs and ru as in plural_category's body.
Plural plural_category(const Locale& locale, double n, int fraction_digits);

// "3", "2.5", "-1", "1000000": at most two decimals, trailing zeros dropped, never "-0", no grouping. The plain
// form for editors and machines (CLI, error messages, JSON); readers get the locale's form below.
std::string format_number(double v);

// `n` rounded to at most two decimals, trailing zeros dropped, with the locale's decimal and grouping
// separators: en "2,000" and "2.5", de "2.000" and "2,5", es "1000" and "10.000", pl "10 000" (no-break space).
std::string format_number(const Locale& locale, double n);

// A whole amount of money (rounded to the unit; quizzes show no cents) in the currency with ISO 4217 code
// `currency`: the symbol for USD, EUR, GBP and JPY ($, EUR sign, pound, yen), the code otherwise, placed as the
// locale's CLDR currency pattern says: en "$2,000" and "CHF 2,000"; de "2.000 $", fr "2 000 $US". Between a symbol
// and digits stands a no-break space, except for a symbol before the number that is not letters (en "$2,000").
std::string format_money(const Locale& locale, double amount, std::string_view currency);

}  // namespace cr
