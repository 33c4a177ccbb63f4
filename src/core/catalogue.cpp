// Crossroads core: the string catalogue's English values and the small formatter that fills them in.
#include "catalogue.h"

#include "report.h"

namespace cr {

namespace {

struct Entry {
    const char* one;
    const char* other;
};

constexpr Entry kEnglish[] = {
#define CR_ENTRY(key, one, other) {one, other},
    CR_CATALOGUE(CR_ENTRY)
#undef CR_ENTRY
};
static_assert(sizeof(kEnglish) / sizeof(kEnglish[0]) == static_cast<size_t>(Key::Count), "one entry per key");

std::string fill(std::string text, const std::string& count, std::initializer_list<std::string> args) {
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
                    out += *(args.begin() + k);
                    i = close;
                    continue;
                }
            }
        }
        out += text[i];
    }
    return out;
}

}  // namespace

std::string tr(Key key, std::initializer_list<std::string> args) {
    return fill(kEnglish[static_cast<size_t>(key)].one, std::string(), args);
}

std::string tr_count(Key key, double n, std::initializer_list<std::string> args) {
    const Entry& e = kEnglish[static_cast<size_t>(key)];
    const std::string count = format_number(n);
    return fill(count == "1" || !e.other ? e.one : e.other, count, args);
}

std::string verdict_word(const ReviewItem& item) {
    return tr(item.correct ? Key::Right : !item.answered ? Key::Skipped : item.points > 0 ? Key::PartlyRight : Key::NotQuite);
}

std::string tick_mark(bool done) { return tr(done ? Key::TickDone : Key::TickOpen); }

}  // namespace cr
