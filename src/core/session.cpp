// Crossroads core: session commands and derived progress. Branching is recomputed from the answers
// each time, so changing an early answer updates which later questions are shown.
#include "session.h"

#include <algorithm>
#include <cmath>

namespace cr {

namespace {

uint64_t mix(uint64_t x) {  // splitmix64 finaliser
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

uint64_t hash_text(const std::string& s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

}  // namespace

Session::Session(const Quiz& quiz, uint32_t seed) : quiz_(&quiz) {
    state_.seed = seed;
    state_.answers.assign(quiz.questions.size(), Answer{});
}

Session::Session(const Quiz& quiz, SessionState state) : quiz_(&quiz), state_(std::move(state)) {
    state_.answers.resize(quiz.questions.size());
    if (state_.screen != Screen::Question) return;
    const auto shown = shown_questions();
    if (std::find(shown.begin(), shown.end(), state_.current) != shown.end()) return;
    if (shown.empty()) {
        state_.screen = Screen::Start;
        state_.current = -1;
        return;
    }
    // Land on the first shown question still unanswered, else the last one.
    state_.current = shown.back();
    for (int q : shown)
        if (!state_.answers[q].given) {
            state_.current = q;
            break;
        }
}

std::vector<int> Session::shown_questions() const {
    const auto visible = visible_questions(*quiz_, state_.answers);
    std::vector<int> out;
    for (size_t i = 0; i < visible.size(); ++i)
        if (visible[i]) out.push_back(static_cast<int>(i));
    return out;
}

int Session::next_shown_after(int question) const {
    const auto visible = visible_questions(*quiz_, state_.answers);
    for (int i = question + 1; i < static_cast<int>(visible.size()); ++i)
        if (visible[i]) return i;
    return -1;
}

int Session::prev_shown_before(int question) const {
    const auto visible = visible_questions(*quiz_, state_.answers);
    for (int i = question - 1; i >= 0; --i)
        if (visible[i]) return i;
    return -1;
}

bool Session::start() {
    if (state_.screen != Screen::Start) return false;
    const int first = next_shown_after(-1);
    if (first < 0) return false;
    state_.screen = Screen::Question;
    state_.current = first;
    return true;
}

bool Session::select(int option) {
    if (state_.screen != Screen::Question) return false;
    const Question& q = quiz_->questions[state_.current];
    if (q.kind == QuestionKind::Scale || option < 0 || option >= static_cast<int>(q.options.size())) return false;
    Answer& a = state_.answers[state_.current];
    if (q.kind != QuestionKind::Multiple) {
        a.options = {option};
        a.given = true;
        return true;
    }
    auto it = std::find(a.options.begin(), a.options.end(), option);
    if (it != a.options.end()) {
        a.options.erase(it);
    } else {
        if (static_cast<int>(a.options.size()) >= q.max_select) {
            if (q.max_select != 1) return false;
            a.options.clear();  // with max 1, picking another simply moves the choice
        }
        a.options.push_back(option);
        std::sort(a.options.begin(), a.options.end());
    }
    a.given = !a.options.empty();
    return true;
}

bool Session::set_value(double value) {
    if (state_.screen != Screen::Question) return false;
    const Question& q = quiz_->questions[state_.current];
    if (q.kind != QuestionKind::Scale) return false;
    const Scale& s = q.scale;
    const double steps = std::round((std::clamp(value, s.min, s.max) - s.min) / s.step);
    Answer& a = state_.answers[state_.current];
    a.value = std::min(s.max, s.min + steps * s.step);
    a.given = true;
    return true;
}

bool Session::can_advance() const {
    if (state_.screen != Screen::Question) return false;
    const Question& q = quiz_->questions[state_.current];
    const Answer& a = state_.answers[state_.current];
    if (q.kind == QuestionKind::Scale) return true;  // a scale always has a value to accept
    // An optional question may be skipped, but a started multiple-choice answer must reach its minimum.
    if (!q.required && !a.given) return true;
    if (q.kind == QuestionKind::Multiple) return a.given && static_cast<int>(a.options.size()) >= std::max(1, q.min_select);
    return a.given;
}

bool Session::next() {
    if (!can_advance()) return false;
    const Question& q = quiz_->questions[state_.current];
    if (q.kind == QuestionKind::Scale && !state_.answers[state_.current].given) set_value(q.scale.initial);
    move_to(next_shown_after(state_.current), Screen::Results);
    return true;
}

bool Session::back() {
    if (state_.screen == Screen::Results) {
        const auto shown = shown_questions();
        if (shown.empty()) return false;
        move_to(shown.back(), Screen::Question);
        return true;
    }
    if (state_.screen != Screen::Question) return false;
    move_to(prev_shown_before(state_.current), Screen::Start);
    return true;
}

void Session::move_to(int question, Screen otherwise) {
    state_.screen = question < 0 ? otherwise : Screen::Question;
    state_.current = question;
}

void Session::restart() {
    move_to(-1, Screen::Start);
    state_.answers.assign(quiz_->questions.size(), Answer{});
}

bool Session::section_starts() const {
    if (state_.screen != Screen::Question) return false;
    const int before = prev_shown_before(state_.current);
    return before < 0 || quiz_->questions[before].section != quiz_->questions[state_.current].section;
}

int Session::position() const {
    if (state_.screen != Screen::Question) return 0;
    const auto likely = visible_questions(*quiz_, state_.answers, true);
    return static_cast<int>(std::count(likely.begin(), likely.begin() + state_.current + 1, true));
}

int Session::total() const {
    const auto likely = visible_questions(*quiz_, state_.answers, true);
    return static_cast<int>(std::count(likely.begin(), likely.end(), true));
}

Progress Session::progress() const {
    if (state_.screen != Screen::Question) return {};
    Progress p;
    const auto likely = visible_questions(*quiz_, state_.answers, true);
    const int current_section = quiz_->questions[state_.current].section;
    int part = 0, current_part = 0;
    std::vector<int> questions_in_part;
    for (size_t si = 0; si < quiz_->sections.size(); ++si) {
        const Section& sec = quiz_->sections[si];
        const int shown = static_cast<int>(std::count(likely.begin() + sec.first, likely.begin() + sec.first + sec.count, true));
        if (shown == 0) continue;
        if (part == 0 || sec.show_if.present) {
            ++part;
            questions_in_part.push_back(0);
        }
        questions_in_part.back() += shown;
        if (static_cast<int>(si) == current_section) {
            current_part = part;
            p.position = questions_in_part.back() - shown +
                         static_cast<int>(std::count(likely.begin() + sec.first, likely.begin() + state_.current + 1, true));
        }
    }
    p.part = std::max(1, current_part);
    p.parts = std::max(1, part);
    p.total = current_part > 0 ? questions_in_part[static_cast<size_t>(current_part - 1)] : 0;
    return p;
}

std::vector<int> Session::option_order(int question) const {
    const Question& q = quiz_->questions[question];
    std::vector<int> order(q.options.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    if (!q.shuffle) return order;
    uint64_t x = mix(state_.seed ^ hash_text(q.id));
    for (size_t i = order.size(); i > 1; --i) {
        x = mix(x);
        std::swap(order[i - 1], order[x % i]);
    }
    return order;
}

Result Session::result() const { return score(*quiz_, state_.answers); }

SessionState carry_over(const Quiz& from, const SessionState& state, const Quiz& to) {
    SessionState out;
    out.seed = state.seed;
    out.screen = state.screen;
    out.answers.assign(to.questions.size(), Answer{});
    for (size_t i = 0; i < from.questions.size() && i < state.answers.size(); ++i) {
        const Answer& was = state.answers[i];
        const int at = to.question_index(from.questions[i].id);
        if (!was.given || at < 0 || to.questions[at].kind != from.questions[i].kind) continue;
        Answer& now = out.answers[static_cast<size_t>(at)];
        if (from.questions[i].kind == QuestionKind::Scale) {
            const Scale& sc = to.questions[at].scale;
            now.given = was.value >= sc.min && was.value <= sc.max;
            now.value = was.value;
            continue;
        }
        for (int o : was.options) {
            const int k = option_index(to.questions[at], from.questions[i].options[o].id);
            if (k >= 0 && static_cast<int>(now.options.size()) < to.questions[at].max_select) now.options.push_back(k);
        }
        now.given = !now.options.empty();
    }
    if (state.screen == Screen::Question && state.current >= 0) {
        out.current = to.question_index(from.questions[state.current].id);
        if (out.current < 0) out.screen = Screen::Start;
    }
    return out;
}

}  // namespace cr
