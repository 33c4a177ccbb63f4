// Crossroads core: the languages the widget knows without ICU -- CLDR plural rules and number formats
// (see locale.h for the sources).
#include "locale.h"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace cr {

namespace {

constexpr unsigned bit(Plural p) { return 1u << static_cast<unsigned>(p); }
constexpr unsigned kOneOther = bit(Plural::One) | bit(Plural::Other);
constexpr unsigned kOneManyOther = kOneOther | bit(Plural::Many);
constexpr unsigned kOneFewManyOther = kOneManyOther | bit(Plural::Few);

constexpr const char* kNbsp = "\xC2\xA0";

// CLDR 44: numbers.xml symbols (decimal, group), minimumGroupingDigits, the currency pattern's side, USD's symbol.
constexpr Locale kLocales[] = {
    {"en", kOneOther, {".", ",", 1, true}, "$"},
    {"de", kOneOther, {",", ".", 1, false}, "$"},
    {"fr", kOneManyOther, {",", kNbsp, 1, false}, "$US"},
    {"es", kOneManyOther, {",", ".", 2, false}, "US$"},
    {"pl", kOneFewManyOther, {",", kNbsp, 2, false}, "USD"},
    {"cs", kOneFewManyOther, {",", kNbsp, 1, false}, "US$"},
    {"ru", kOneFewManyOther, {",", kNbsp, 1, false}, "$"},
};

bool in(long long x, long long low, long long high) { return x >= low && x <= high; }

}  // namespace

const char* plural_name(Plural p) {
    static const char* const names[] = {"zero", "one", "two", "few", "many", "other"};
    return names[static_cast<int>(p)];
}

std::string base_language(std::string_view bcp47) {
    std::string out;
    for (char c : bcp47) {
        if (c == '-' || c == '_') break;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

const Locale* find_locale(std::string_view bcp47) {
    const std::string base = base_language(bcp47);
    for (const Locale& l : kLocales)
        if (base == l.language) return &l;
    return nullptr;
}

const Locale& english_locale() { return kLocales[0]; }

Plural plural_category(const Locale& locale, double n, int fraction_digits) {
    const std::string_view lang = locale.language;
    // The integer digits the rules read (i = 0, 1, 2..4; i % 10, % 100, % 1000000): exact below 1e15; beyond, or
    // not finite (a count from a damaged form), the same residues above 1,000,000, where no rule counts further.
    const double whole = std::fabs(std::trunc(n));
    const long long i = whole < 1e15 ? static_cast<long long>(whole)
                                     : 1000000 + static_cast<long long>(std::isfinite(whole) ? std::fmod(whole, 1e6) : 5);
    const bool v0 = fraction_digits == 0;
    const long long i10 = i % 10, i100 = i % 100;
    if (lang == "fr" || lang == "es") {
        // fr "one: i = 0,1"; es "one: n = 1"; both "many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0".
        if (lang == "fr" ? i <= 1 : (v0 && i == 1)) return Plural::One;
        if (v0 && i != 0 && i % 1000000 == 0) return Plural::Many;
        return Plural::Other;
    }
    if (lang == "pl") {
        // one: i = 1 and v = 0; few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14;
        // many: v = 0 and i != 1 and i % 10 = 0..1, or v = 0 and i % 10 = 5..9, or v = 0 and i % 100 = 12..14.
        if (!v0) return Plural::Other;
        if (i == 1) return Plural::One;
        if (in(i10, 2, 4) && !in(i100, 12, 14)) return Plural::Few;
        return Plural::Many;
    }
    if (lang == "cs") {
        // one: i = 1 and v = 0; few: i = 2..4 and v = 0; many: v != 0.
        if (!v0) return Plural::Many;
        return i == 1 ? Plural::One : in(i, 2, 4) ? Plural::Few : Plural::Other;
    }
    if (lang == "ru") {
        // one: v = 0 and i % 10 = 1 and i % 100 != 11; few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14;
        // many: v = 0 and i % 10 = 0, or v = 0 and i % 10 = 5..9, or v = 0 and i % 100 = 11..14.
        if (!v0) return Plural::Other;
        if (i10 == 1 && i100 != 11) return Plural::One;
        if (in(i10, 2, 4) && !in(i100, 12, 14)) return Plural::Few;
        return Plural::Many;
    }
    // en, de and every language without data: one: i = 1 and v = 0.
    return v0 && i == 1 ? Plural::One : Plural::Other;
}

std::string format_number(const Locale& locale, double n) {
    const std::string plain = format_number(n);
    const size_t sign = plain[0] == '-' ? 1 : 0;
    const size_t point = plain.find('.');
    const size_t int_end = point == std::string::npos ? plain.size() : point;
    const size_t digits = int_end - sign;
    std::string out = plain.substr(0, sign);
    const bool grouped = digits >= 4 + static_cast<size_t>(locale.number.min_grouping - 1);
    for (size_t k = sign; k < int_end; ++k) {
        out += plain[k];
        const size_t left = int_end - k - 1;
        if (grouped && left > 0 && left % 3 == 0) out += locale.number.group;
    }
    if (point != std::string::npos) out += locale.number.decimal + plain.substr(point + 1);
    return out;
}

std::string format_money(const Locale& locale, double amount, std::string_view currency) {
    const std::string number = format_number(locale, std::round(amount));
    const std::string symbol = currency == "USD" ? locale.usd : currency == "EUR" ? "\xE2\x82\xAC" : std::string(currency);
    const bool letters = std::isalpha(static_cast<unsigned char>(symbol.back())) != 0;
    if (locale.number.currency_first) return symbol + (letters ? kNbsp : "") + number;
    return number + kNbsp + symbol;
}

std::string format_number(double v) {
    char buf[32];
    if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(v)));
    else std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') s.pop_back();
    }
    return s == "-0" ? "0" : s;
}


}  // namespace cr
