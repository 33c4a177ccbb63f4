// Session codec: encode/decode round trips, URL-safe output, and refusal of truncated, mistyped, foreign,
// stale, malformed or oversized strings with the reader-facing message -- never a crash.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>

#include "core/codec.h"
#include "helpers.h"

using namespace cr;

namespace {

const std::string kDamaged = "the saved quiz progress is damaged or incomplete, so it was not used";
const std::string kNotALink = "this is not a Crossroads quiz link";

uint32_t fnv1a(const std::string& text) {
    uint32_t h = 2166136261u;
    for (unsigned char c : text) h = (h ^ c) * 16777619u;
    return h;
}

// The checksum of the format, written out here so tests can build strings that pass it and reach the
// decoder's later checks: FNV-1a over everything before the last '.', in base 36.
std::string seal(const std::string& body) {
    uint32_t h = fnv1a(body);
    std::string digits;
    do {
        digits.insert(digits.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[h % 36]);
        h /= 36;
    } while (h > 0);
    return body + "." + digits;
}

SessionState sample_state(const Quiz& quiz) {
    SessionState s;
    s.screen = Screen::Question;
    s.current = crt::question(quiz, "mutable");
    s.seed = 123456789u;
    s.answers = crt::AnswerSet(quiz)
                    .pick("built", {"one"})
                    .pick("work", {"other"})
                    .pick("field", {"numbers"})
                    .value("alone", 4)
                    .pick("check", {"true"})
                    .pick("print", {"eight"})
                    .pick("mutable", {"list", "dict"})
                    .pick("none-falsy", {"false"})
                    .answers;
    return s;
}

void check_same(const SessionState& a, const SessionState& b) {
    CHECK(a.screen == b.screen);
    CHECK(a.current == b.current);
    CHECK(a.seed == b.seed);
    REQUIRE(a.answers.size() == b.answers.size());
    for (size_t i = 0; i < a.answers.size(); ++i) {
        CAPTURE(i);
        CHECK(a.answers[i].given == b.answers[i].given);
        CHECK(a.answers[i].options == b.answers[i].options);
        CHECK(a.answers[i].value == b.answers[i].value);
    }
}

// Decodes text that must be refused; checks the message and that `out` was left untouched.
std::string refusal(const Quiz& quiz, const std::string& text) {
    SessionState out;
    out.seed = 4242;
    out.current = 77;
    std::string error;
    CHECK_FALSE(decode_session(quiz, text, out, error));
    CHECK(out.seed == 4242u);
    CHECK(out.current == 77);
    CHECK(out.answers.empty());
    return error;
}

bool url_safe(const std::string& s) {
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '~' || c == '-';
        if (!ok) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("codec: the layout is magic, quiz id, version, seed, screen, answers and checksum") {
    const Quiz quiz = crt::load_fixture("mini.json");
    const std::string text = encode_session(quiz, sample_state(quiz));
    // seed 123456789 is 21i3v9 in base 36; mutable is question 6; alone=4 is 3 steps above 1.
    CHECK(text == seal("cr1.mini.2.21i3v9.q6.1-1-1-3-0-1-0~1-1"));
    SessionState fresh;
    fresh.answers.resize(quiz.questions.size());
    CHECK(encode_session(quiz, fresh) == seal("cr1.mini.2.1.s.-------"));
    fresh.screen = Screen::Results;
    CHECK(encode_session(quiz, fresh) == seal("cr1.mini.2.1.r.-------"));
}

TEST_CASE("codec: a session survives encode and decode unchanged") {
    const Quiz quiz = crt::load_fixture("mini.json");
    SessionState state = sample_state(quiz);
    SUBCASE("on a question, with single, multiple, scale and true_false answers") {}
    SUBCASE("on the start screen with no answers") {
        state = SessionState{};
        state.answers.resize(quiz.questions.size());
    }
    SUBCASE("on the results screen, largest seed") {
        state.screen = Screen::Results;
        state.current = -1;
        state.seed = 0xFFFFFFFFu;
    }
    SUBCASE("seed 0 and scale at both ends") {
        state.seed = 0;
        state.answers[crt::question(quiz, "alone")].value = 1;
        const std::string a = encode_session(quiz, state);
        state.answers[crt::question(quiz, "alone")].value = 5;
        CHECK(encode_session(quiz, state) != a);
    }
    const std::string text = encode_session(quiz, state);
    SessionState decoded;
    std::string error;
    REQUIRE_MESSAGE(decode_session(quiz, text, decoded, error), error);
    CHECK(error.empty());
    check_same(decoded, state);
    CHECK(encode_session(quiz, decoded) == text);
}

TEST_CASE("codec: a scale with a fractional step round-trips exactly") {
    const Quiz quiz = crt::load_fixture("choices.json");  // temp: -5..5 step 0.5
    SessionState state;
    state.answers.resize(quiz.questions.size());
    for (double v : {-5.0, -0.5, 0.0, 1.5, 5.0}) {
        CAPTURE(v);
        state.answers[crt::question(quiz, "temp")] = crt::AnswerSet(quiz).value("temp", v).answers[crt::question(quiz, "temp")];
        SessionState decoded;
        std::string error;
        REQUIRE(decode_session(quiz, encode_session(quiz, state), decoded, error));
        CHECK(decoded.answers[crt::question(quiz, "temp")].value == v);
    }
}

TEST_CASE("codec: the encoded string uses only URL-safe characters") {
    const Quiz quiz = crt::load_fixture("mini.json");
    SessionState state = sample_state(quiz);
    for (uint32_t seed : {0u, 1u, 35u, 36u, 123456789u, 0xFFFFFFFFu}) {
        state.seed = seed;
        const std::string text = encode_session(quiz, state);
        CAPTURE(text);
        CHECK(url_safe(text));
    }
    const Quiz choices = crt::load_fixture("choices.json");
    SessionState many;
    many.answers = crt::AnswerSet(choices).pick("langs", {"py", "rs"}).pick("two-plus", {"x", "y", "z"}).value("temp", -5).answers;
    const std::string text = encode_session(choices, many);
    CAPTURE(text);
    CHECK(url_safe(text));
}

TEST_CASE("codec: every truncation of a valid string is refused") {
    const Quiz quiz = crt::load_fixture("mini.json");
    const std::string text = encode_session(quiz, sample_state(quiz));
    for (size_t length = 0; length < text.size(); ++length) {
        CAPTURE(length);
        CHECK(refusal(quiz, text.substr(0, length)) == (length < 4 ? kNotALink : kDamaged));
    }
}

TEST_CASE("codec: deleting any one character is refused") {
    const Quiz quiz = crt::load_fixture("mini.json");
    const std::string text = encode_session(quiz, sample_state(quiz));
    for (size_t at = 0; at < text.size(); ++at) {
        CAPTURE(at);
        std::string broken = text;
        broken.erase(at, 1);
        CHECK(refusal(quiz, broken) == (at < 4 ? kNotALink : kDamaged));
    }
}

TEST_CASE("codec: changing any one character is refused") {
    const Quiz quiz = crt::load_fixture("mini.json");
    const std::string text = encode_session(quiz, sample_state(quiz));
    for (size_t at = 0; at < text.size(); ++at) {
        for (char c : std::string("019az.-~_AZ")) {
            if (c == text[at]) continue;
            CAPTURE(at);
            CAPTURE(c);
            std::string broken = text;
            broken[at] = c;
            CHECK(refusal(quiz, broken) == (at < 4 ? kNotALink : kDamaged));
        }
    }
}

TEST_CASE("codec: a link made for another quiz or another version is refused with its own message") {
    const Quiz quiz = crt::load_fixture("mini.json");
    SUBCASE("another quiz id") {
        Quiz other = quiz;
        other.id = "python-path";
        CHECK(refusal(quiz, encode_session(other, sample_state(quiz))) ==
              "this link belongs to another quiz ('python-path')");
    }
    SUBCASE("an earlier version") {
        Quiz earlier = quiz;
        earlier.version = 1;
        CHECK(refusal(quiz, encode_session(earlier, sample_state(quiz))) ==
              "this link was made for an earlier version of the quiz, which has changed since; please take it again");
    }
    SUBCASE("a newer version: the page is the stale one, not the link") {
        Quiz newer = quiz;
        newer.version = quiz.version + 1;
        CHECK(refusal(quiz, encode_session(newer, sample_state(quiz))) ==
              "this link was made for a newer version of the quiz than the one on this page; reload the page to get "
              "the latest quiz, then open the link again");
    }
    SUBCASE("same id and version but a different number of questions") {
        Quiz fewer = quiz;
        fewer.questions.pop_back();
        SessionState state = sample_state(quiz);
        state.answers.pop_back();
        CHECK(refusal(quiz, encode_session(fewer, state)) == kDamaged);
    }
}

TEST_CASE("codec: well-sealed strings with impossible contents are refused as damaged") {
    const Quiz quiz = crt::load_fixture("mini.json");
    SessionState out;
    std::string error;
    REQUIRE(decode_session(quiz, seal("cr1.mini.2.1.s.-------"), out, error));  // the control case

    const char* bodies[] = {
        "cr1.mini.2.1.s.------",                // one answer slot short
        "cr1.mini.2.1.s.--------",              // one too many
        "cr1.mini.2.1.x.-------",               // unknown screen
        "cr1.mini.2.1.q.-------",               // question without a number
        "cr1.mini.2.1.q8.-------",              // question 8 does not exist
        "cr1.mini.2.1.qZ.-------",              // not base 36
        "cr1.mini.2.zzzzzzz.s.-------",         // seed above 32 bits
        "cr1.mini.2..s.-------",                // empty seed
        "cr1.mini.2.1.s.3-------",              // built has options 0..2
        "cr1.mini.2.1.s.0~1-------",            // two picks on a single-choice question
        "cr1.mini.2.1.s.---5----",              // alone=5 steps above 1 is 6, past the max of 5
        "cr1.mini.2.1.s.------0~1~2~2-",        // four picks of three options
        "cr1.mini.2.1.s.-------.extra",         // an extra part
        "cr1.mini.2.1.s.0~~1-------",           // an empty pick
        "cr1.mini.2.1.s.------0~0-",            // the same option picked twice
        "cr1.mini.2.1.s.---1~2----",            // two values for a scale
        "cr1.mini.2.1.s.0000000000000-------",  // thirteen digits
    };
    for (const char* body : bodies) {
        CAPTURE(body);
        CHECK(refusal(quiz, seal(body)) == kDamaged);
    }
}

TEST_CASE("codec: garbage, empty and huge strings are refused without crashing") {
    const Quiz quiz = crt::load_fixture("mini.json");
    CHECK(refusal(quiz, "") == kNotALink);
    CHECK(refusal(quiz, "hello") == kNotALink);
    CHECK(refusal(quiz, "https://example.com/quiz?s=cr1.mini") == kNotALink);
    CHECK(refusal(quiz, "CR1.mini.2.1.s.-------.0") == kNotALink);
    CHECK(refusal(quiz, "cr1.") == kDamaged);
    CHECK(refusal(quiz, "cr1..........") == kDamaged);
    CHECK(refusal(quiz, std::string("cr1.\0\xFF\n.", 8)) == kDamaged);
    CHECK(refusal(quiz, std::string(1u << 20, 'a')) == kNotALink);
    CHECK(refusal(quiz, "cr1." + std::string(1u << 20, '.')) == kDamaged);
    CHECK(refusal(quiz, "cr1.mini.2.1.s." + std::string(1u << 20, '-') + ".0") == kDamaged);
    CHECK(refusal(quiz, seal("cr1.mini.2.1.s." + std::string(1u << 20, '~'))) == kDamaged);
    CHECK(refusal(quiz, seal("cr1.mini.2.1.s.-------" + std::string(1u << 16, '-'))) == kDamaged);
}

TEST_CASE("codec: a quiz's shape is its question ids, types and option ids, not its texts") {
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(fnv1a("morning:single:slow,quick;")));
    CHECK(quiz_shape(crt::load_fixture("one-question.json")) == hex);

    const Quiz quiz = crt::load_fixture("mini.json");
    const std::string shape = quiz_shape(quiz);
    CHECK(shape.size() == 8);
    CHECK(shape.find_first_not_of("0123456789abcdef") == std::string::npos);
    const auto changed = [&](auto change) {
        Quiz other = quiz;
        change(other);
        return quiz_shape(other);
    };
    CHECK(changed([](Quiz& q) { q.questions[0].id = "made"; }) != shape);
    CHECK(changed([](Quiz& q) { q.questions[0].options[1].id = "two"; }) != shape);
    CHECK(changed([](Quiz& q) { q.questions[0].kind = QuestionKind::Multiple; }) != shape);
    CHECK(changed([](Quiz& q) { std::swap(q.questions[0], q.questions[1]); }) != shape);
    CHECK(changed([](Quiz& q) { q.questions.pop_back(); }) != shape);
    CHECK(changed([](Quiz& q) { q.questions[0].options[1].label = "A single project"; }) == shape);
    CHECK(changed([](Quiz& q) { q.questions[0].prompt = "What did you build?"; }) == shape);
    CHECK(changed([](Quiz& q) { q.title = "Another title"; }) == shape);
}
