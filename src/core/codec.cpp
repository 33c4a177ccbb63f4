// Crossroads core: session encoding. Answers are option indices (base 36) or scale step counts, so the
// string stays short; the FNV-1a checksum catches typos and truncation before anything is trusted. The same hash
// over a quiz's ids gives its shape, which keeps saved progress apart per quiz.
#include "codec.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "catalogue.h"

namespace cr {

namespace {

constexpr std::string_view kMagic = "cr1";

std::string base36(uint64_t v) {
    const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string out;
    do {
        out.insert(out.begin(), digits[v % 36]);
        v /= 36;
    } while (v > 0);
    return out;
}

bool parse_base36(std::string_view s, uint64_t& out) {
    if (s.empty() || s.size() > 12) return false;
    out = 0;
    for (char c : s) {
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : -1;
        if (d < 0) return false;
        out = out * 36 + static_cast<uint64_t>(d);
    }
    return true;
}

uint32_t checksum(std::string_view s) {
    uint32_t h = 2166136261u;
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return h;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (true) {
        const size_t end = s.find(sep, start);
        out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

}  // namespace

std::string encode_session(const Quiz& quiz, const SessionState& state) {
    std::string out(kMagic);
    out += "." + quiz.id + "." + std::to_string(quiz.version) + "." + base36(state.seed) + ".";
    out += state.screen == Screen::Start ? std::string("s")
           : state.screen == Screen::Results ? std::string("r")
                                             : "q" + base36(static_cast<uint64_t>(state.current));
    out += ".";
    for (size_t i = 0; i < quiz.questions.size(); ++i) {
        if (i > 0) out += "-";
        if (i >= state.answers.size() || !state.answers[i].given) continue;
        const Question& q = quiz.questions[i];
        const Answer& a = state.answers[i];
        if (q.kind == QuestionKind::Scale) {
            out += base36(static_cast<uint64_t>(std::llround((a.value - q.scale.min) / q.scale.step)));
            continue;
        }
        for (size_t k = 0; k < a.options.size(); ++k) {
            if (k > 0) out += "~";
            out += base36(static_cast<uint64_t>(a.options[k]));
        }
    }
    out += "." + base36(checksum(out));
    return out;
}

bool decode_session(const Quiz& quiz, std::string_view text, SessionState& out, std::string& error) {
    const auto fail = [&](std::string message) {
        error = std::move(message);
        return false;
    };
    const std::string damaged = tr(Key::LinkDamaged);
    if (text.substr(0, kMagic.size() + 1) != std::string(kMagic) + ".") return fail(tr(Key::LinkNotOurs));
    const size_t last_dot = text.rfind('.');
    uint64_t sum = 0;
    if (!parse_base36(text.substr(last_dot + 1), sum) || sum != checksum(text.substr(0, last_dot))) return fail(damaged);
    const auto parts = split(text.substr(0, last_dot), '.');
    if (parts.size() != 6) return fail(damaged);
    if (parts[1] != quiz.id) return fail(tr(Key::LinkOtherQuiz, {std::string(parts[1])}));
    uint64_t version = 0;
    if (parts[2].empty() || parts[2].find_first_not_of("0123456789") != std::string_view::npos || parts[2].size() > 9)
        return fail(damaged);
    for (char c : parts[2]) version = version * 10 + static_cast<uint64_t>(c - '0');
    if (version > static_cast<uint64_t>(quiz.version))
        return fail(tr(Key::LinkNewer));
    if (version < static_cast<uint64_t>(quiz.version))
        return fail(tr(Key::LinkOlder));
    SessionState state;
    uint64_t seed = 0;
    if (!parse_base36(parts[3], seed) || seed > 0xFFFFFFFFull) return fail(damaged);
    state.seed = static_cast<uint32_t>(seed);
    const std::string_view screen = parts[4];
    if (screen == "s") state.screen = Screen::Start;
    else if (screen == "r") state.screen = Screen::Results;
    else {
        uint64_t current = 0;
        if (screen.size() < 2 || screen[0] != 'q' || !parse_base36(screen.substr(1), current) ||
            current >= quiz.questions.size())
            return fail(damaged);
        state.screen = Screen::Question;
        state.current = static_cast<int>(current);
    }
    const auto answers = split(parts[5], '-');
    if (answers.size() != quiz.questions.size()) return fail(damaged);
    state.answers.assign(quiz.questions.size(), Answer{});
    for (size_t i = 0; i < answers.size(); ++i) {
        if (answers[i].empty()) continue;
        const Question& q = quiz.questions[i];
        Answer& a = state.answers[i];
        a.given = true;
        const auto items = split(answers[i], '~');
        if (q.kind == QuestionKind::Scale && items.size() != 1) return fail(damaged);
        for (std::string_view item : items) {
            uint64_t v = 0;
            if (!parse_base36(item, v)) return fail(damaged);
            if (q.kind == QuestionKind::Scale) {
                const double value = q.scale.min + static_cast<double>(v) * q.scale.step;
                if (v > 100000 || value > q.scale.max + 1e-9) return fail(damaged);
                a.value = value;
            } else {
                if (v >= q.options.size()) return fail(damaged);
                if (std::find(a.options.begin(), a.options.end(), static_cast<int>(v)) != a.options.end()) return fail(damaged);
                a.options.push_back(static_cast<int>(v));
            }
        }
        if (q.kind == QuestionKind::Scale ? false : static_cast<int>(a.options.size()) > q.max_select) return fail(damaged);
    }
    out = std::move(state);
    return true;
}

std::string quiz_shape(const Quiz& quiz) {
    std::string text;
    for (const Question& q : quiz.questions) {
        text += q.id + ":" + kind_name(q.kind) + ":";
        for (size_t k = 0; k < q.options.size(); ++k) text += (k > 0 ? "," : "") + q.options[k].id;
        text += ";";
    }
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(checksum(text)));
    return hex;
}

}  // namespace cr
