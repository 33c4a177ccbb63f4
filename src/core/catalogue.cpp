// Crossroads core: the string catalogue's English values, the built-in languages, a quiz's overrides, the
// current catalogue and the small formatter that fills texts in.
#include "catalogue.h"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "catalogue_words.h"
#include "scoring.h"

namespace cr {

namespace {

constexpr WordEntry kEnglish[] = {
#define CR_ENTRY(key, one, other) {Key::key, one, other},
    CR_CATALOGUE(CR_ENTRY)
#undef CR_ENTRY
};
static_assert(sizeof(kEnglish) / sizeof(kEnglish[0]) == static_cast<size_t>(Key::Count), "one entry per key");

constexpr const char* kNames[] = {
#define CR_NAME(key, one, other) #key,
    CR_CATALOGUE(CR_NAME)
#undef CR_NAME
};

const WordTable* const kTables[] = {&kGermanWords};

const WordTable* words_for(std::string_view language) {
    const std::string base = base_language(language);
    for (const WordTable* t : kTables)
        if (base == t->language) return t;
    return nullptr;
}

constexpr int kOne = static_cast<int>(Plural::One), kOther = static_cast<int>(Plural::Other);

template <typename Value, typename Text>
std::string fill(const std::string& text, const std::string& count, std::initializer_list<Value> args, Text text_of) {
    std::string out;
    out.reserve(text.size() + 16);
    for (size_t i = 0; i < text.size(); ++i) {
        const size_t close = text[i] == '{' ? text.find('}', i) : std::string::npos;
        if (close != std::string::npos) {
            const std::string name = text.substr(i + 1, close - i - 1);
            if (name == "n" && !count.empty()) {
                out += count;
                i = close;
                continue;
            }
            if (!name.empty() && name.size() <= 2 && name.find_first_not_of("0123456789") == std::string::npos) {
                const size_t k = static_cast<size_t>(std::stoi(name));
                if (k < args.size()) {
                    out += text_of(*(args.begin() + k));
                    i = close;
                    continue;
                }
            }
        }
        out += text[i];
    }
    return out;
}

const std::string& plain_value(const std::string& v) { return v; }

thread_local Catalogue current;

}  // namespace

const char* key_name(Key key) { return key < Key::Count ? kNames[static_cast<size_t>(key)] : ""; }

Key key_named(std::string_view name) {
    for (size_t k = 0; k < static_cast<size_t>(Key::Count); ++k)
        if (name == kNames[k]) return static_cast<Key>(k);
    return Key::Count;
}

bool counted(Key key) { return key < Key::Count && kEnglish[static_cast<size_t>(key)].other != nullptr; }

std::vector<std::string> placeholders(std::string_view text) {
    std::vector<std::string> out;
    for (size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        const size_t close = text.find('}', open);
        if (close == std::string_view::npos) break;
        const std::string_view name = text.substr(open + 1, close - open - 1);
        const bool index = !name.empty() && name.size() <= 2 && name.find_first_not_of("0123456789") == std::string_view::npos;
        if (!index && name != "n") continue;
        std::string p(text.substr(open, close - open + 1));
        bool seen = false;
        for (const auto& q : out) seen = seen || q == p;
        if (!seen) out.push_back(std::move(p));
    }
    return out;
}

Catalogue::Catalogue() : Catalogue("en", {}) {}

Catalogue::Catalogue(std::string_view language, const std::vector<WordOverride>& overrides)
    : locale_(find_locale(language) ? find_locale(language) : &english_locale()), entries_(static_cast<size_t>(Key::Count)) {
    const bool english = base_language(language) == "en";
    auto put = [&](const WordEntry& w, bool translated) {
        Entry& e = entries_[static_cast<size_t>(w.key)];
        for (auto& f : e.forms) f.clear();
        if (w.other) e.forms[kOne] = w.one;
        e.forms[kOther] = w.other ? w.other : w.one;
        e.translated = translated;
    };
    for (const WordEntry& w : kEnglish) put(w, english);
    if (const WordTable* t = words_for(language))
        for (size_t i = 0; i < t->count; ++i) put(t->entries[i], true);
    for (const WordOverride& o : overrides) {
        if (o.key >= Key::Count) continue;
        Entry& e = entries_[static_cast<size_t>(o.key)];
        for (int p = 0; p < kPluralCount; ++p) e.forms[p] = o.forms[p];
        e.translated = true;
    }
}

const std::string& Catalogue::form(Key key, Plural p) const {
    static const std::string none;
    if (key >= Key::Count) return none;
    const Entry& e = entries_[static_cast<size_t>(key)];
    const std::string& f = e.forms[static_cast<int>(p)];
    return f.empty() ? e.forms[kOther] : f;
}

Plural Catalogue::category(Key key, double n) const {
    const std::string plain = format_number(n);
    const size_t point = plain.find('.');
    const int fraction_digits = point == std::string::npos ? 0 : static_cast<int>(plain.size() - point - 1);
    return plural_category(translated(key) ? *locale_ : english_locale(), n, fraction_digits);
}

bool Catalogue::translated(Key key) const { return key < Key::Count && entries_[static_cast<size_t>(key)].translated; }

bool has_words(std::string_view language) { return base_language(language) == "en" || words_for(language) != nullptr; }

bool page_only(Key key) {
    return key != Key::CannotLoad && std::find(std::begin(kPageWords), std::end(kPageWords), key) != std::end(kPageWords);
}

std::vector<std::string> built_in_languages() {
    std::vector<std::string> out = {"en"};
    for (const WordTable* t : kTables) out.push_back(t->language);
    return out;
}

void set_catalogue(Catalogue catalogue) { current = std::move(catalogue); }

const Catalogue& catalogue() { return current; }

std::string tr(Key key, std::initializer_list<std::string> args) {
    return fill(current.form(key, Plural::Other), std::string(), args, plain_value);
}

Markdown tr_markdown(Key key, std::initializer_list<MarkdownValue> args) {
    return {fill(current.form(key, Plural::Other), std::string(), args, [](const MarkdownValue& v) -> const std::string& { return v.source; })};
}

std::string tr_count(Key key, double n, std::initializer_list<std::string> args) { return tr_count(current, key, n, args); }

std::string tr_count(const Catalogue& words, Key key, double n, std::initializer_list<std::string> args) {
    return fill(words.form(key, words.category(key, n)), format_number(words.locale(), n), args, plain_value);
}

std::string tr_number(double n) { return format_number(current.locale(), n); }

std::string tr_money(double amount, std::string_view currency) { return format_money(current.locale(), amount, currency); }

std::string verdict_word(const ReviewItem& item) {
    return tr(item.correct ? Key::Right : !item.answered ? Key::Skipped : item.points > 0 ? Key::PartlyRight : Key::NotQuite);
}

std::string tick_mark(bool done) { return tr(done ? Key::TickDone : Key::TickOpen); }

}  // namespace cr
