// Crossroads core: walking the answer space. Scale values are grouped into classes that score and branch alike,
// the knowledge part into one answer set per band, so small quizzes are walked in full.
#include "space.h"

#include <cmath>
#include <cstdint>

namespace cr {

namespace {

constexpr double kEpsilon = 1e-9;
constexpr size_t kMaxSubsetOptions = 10;   // a multiple question lists every subset up to this many options
constexpr double kMaxScaleSteps = 100000;  // scale values examined for classes

void conditions_in(const Rule& rule, int question, std::vector<const Condition*>& out) {
    if (rule.kind == Rule::Kind::Answer && rule.answer.present && rule.answer.question == question) out.push_back(&rule.answer);
    for (const Rule& part : rule.parts) conditions_in(part, question, out);
}

// Every condition that reads question `q`'s answer: show_if of sections and questions, decision rules,
// requirements, next steps.
std::vector<const Condition*> conditions_on(const Quiz& quiz, int q) {
    std::vector<const Condition*> out;
    for (const Section& s : quiz.sections)
        if (s.show_if.present && s.show_if.question == q) out.push_back(&s.show_if);
    for (const Question& other : quiz.questions)
        if (other.show_if.present && other.show_if.question == q) out.push_back(&other.show_if);
    for (const DecisionRule& rule : quiz.rules) conditions_in(rule.condition, q, out);
    for (const Outcome& o : quiz.outcomes) {
        for (const Requirement& r : o.requirements) conditions_in(r.rule, q, out);
        for (const NextStep& n : o.next_steps) {
            conditions_in(n.show_if, q, out);
            conditions_in(n.done_if, q, out);
        }
    }
    return out;
}

bool in_range(const Condition& c, double v) {
    return (!c.has_min || v >= c.min - kEpsilon) && (!c.has_max || v <= c.max + kEpsilon);
}

Answer picked(std::vector<int> options) {
    Answer a;
    a.given = !options.empty();
    a.options = std::move(options);
    return a;
}

}  // namespace

std::vector<Alternative> alternatives(const Quiz& quiz, int index, double near, bool& approximate, bool above) {
    const Question& q = quiz.questions[index];
    std::vector<Alternative> out;
    if (q.kind == QuestionKind::Scale) {
        const auto conditions = conditions_on(quiz, index);
        const double steps = std::min(kMaxScaleSteps, std::round((q.scale.max - q.scale.min) / q.scale.step));
        std::vector<std::vector<int>> signatures;
        int own = -1;  // with `above`: the class of the value `near`
        for (double k = 0; k <= steps; ++k) {
            const double v = q.scale.min + k * q.scale.step;
            std::vector<int> signature{-1};
            for (size_t r = 0; r < q.scale.rules.size(); ++r)
                if (v >= q.scale.rules[r].from - kEpsilon && v <= q.scale.rules[r].to + kEpsilon) signature[0] = static_cast<int>(r);
            for (const Condition* c : conditions) signature.push_back(in_range(*c, v) ? 1 : 0);
            size_t cls = 0;
            while (cls < signatures.size() && signatures[cls] != signature) ++cls;
            if (cls == signatures.size()) {
                signatures.push_back(signature);
                Alternative alt;
                alt.answer.given = true;
                alt.answer.value = v;
                alt.weight = 0;
                out.push_back(alt);
            }
            Alternative& alt = out[cls];
            alt.weight += 1;
            const bool closer = std::fabs(v - near) < std::fabs(alt.answer.value - near);
            const bool up = v > near + kEpsilon, was_up = alt.answer.value > near + kEpsilon;
            if (above && std::fabs(v - near) <= kEpsilon) own = static_cast<int>(cls);
            if (above ? up && (closer || !was_up) : closer) alt.answer.value = v;
        }
        if (above) {  // the reader's own class and classes with no value above theirs are no step forward
            std::vector<Alternative> forward;
            for (size_t cls = 0; cls < out.size(); ++cls)
                if (static_cast<int>(cls) != own && out[cls].answer.value > near + kEpsilon) forward.push_back(out[cls]);
            return forward;
        }
        return out;
    }
    const size_t n = q.options.size();
    if (q.kind == QuestionKind::Multiple && n <= kMaxSubsetOptions) {
        for (uint32_t mask = 1; mask < (1u << n); ++mask) {
            const int count = __builtin_popcount(mask);
            if (count < q.min_select || count > q.max_select) continue;
            std::vector<int> options;
            for (size_t k = 0; k < n; ++k)
                if (mask & (1u << k)) options.push_back(static_cast<int>(k));
            out.push_back({picked(std::move(options)), 1});
        }
        return out;
    }
    if (q.kind == QuestionKind::Multiple) approximate = true;
    for (size_t k = 0; k < n; ++k) out.push_back({picked({static_cast<int>(k)}), 1});
    return out;
}

std::vector<std::pair<int, Answers>> band_answers(const Quiz& quiz) {
    std::vector<int> scored;
    double total = 0;
    for (size_t i = 0; i < quiz.questions.size(); ++i)
        if (quiz.questions[i].scored) {
            scored.push_back(static_cast<int>(i));
            total += quiz.questions[i].points;
        }
    std::vector<std::pair<int, Answers>> out;
    if (scored.empty() || total <= 0) return out;
    std::vector<bool> seen(quiz.bands.size(), false);
    double earned = 0;
    for (size_t k = 0; k <= scored.size(); ++k) {  // the first k right, the rest wrong
        const int band = band_for(quiz, 100.0 * earned / total);
        if (band >= 0 && !seen[band]) {
            seen[band] = true;
            Answers answers(quiz.questions.size());
            for (size_t j = 0; j < scored.size(); ++j) {
                const Question& q = quiz.questions[scored[j]];
                std::vector<int> right, wrong;
                for (size_t o = 0; o < q.options.size(); ++o) (q.options[o].correct ? right : wrong).push_back(static_cast<int>(o));
                if (j >= k && !wrong.empty()) wrong.resize(1);
                answers[scored[j]] = picked(j < k ? right : wrong);
            }
            out.push_back({band, std::move(answers)});
        }
        if (k < scored.size()) earned += quiz.questions[scored[k]].points;
    }
    return out;
}

namespace {

class Walker {
public:
    Walker(const Quiz& quiz, const std::function<bool(const Answers&, double)>& visit)
        : quiz_(quiz), visit_(visit), bands_(band_answers(quiz)), answers_(quiz.questions.size()),
          visible_(quiz.questions.size(), false) {
        for (size_t i = 0; i < quiz.questions.size(); ++i)
            alternatives_.push_back(quiz.questions[i].scored ? std::vector<Alternative>{}
                                                             : alternatives(quiz, static_cast<int>(i), 0, approximate_));
    }

    // An upper bound on the answer sets (every question counted as if shown).
    double size() const {
        double n = bands_.empty() ? 1 : static_cast<double>(bands_.size() + 1);
        for (size_t i = 0; i < alternatives_.size(); ++i) {
            const Question& q = quiz_.questions[i];
            const bool may_be_unanswered = !q.required || q.show_if.present || quiz_.sections[q.section].show_if.present;
            if (!q.scored) n *= static_cast<double>(alternatives_[i].size() + (may_be_unanswered ? 1 : 0));
        }
        return n;
    }
    bool approximate() const { return approximate_; }

    // Every answer set, depth first in reading order. Iterative, with its own stack: a quiz may have thousands of
    // questions, more than a call stack holds (the browser's is far smaller than a native one).
    void walk_all() {
        struct Frame {
            size_t i;
            size_t next = 0;      // the next branch to take
            size_t branches = 0;  // 1 for a question passed over, the bands for knowledge, else the choices
            double weight;
            bool entered = false;
            bool knowledge = false;  // this frame set the knowledge answers
        };
        std::vector<Frame> stack;
        stack.push_back({0, 0, 0, 1.0});
        while (!stack.empty() && !stopped_) {
            Frame& f = stack.back();
            if (f.i == quiz_.questions.size()) {
                stopped_ = !visit_(answers_, f.weight);
                stack.pop_back();
                continue;
            }
            const Question& q = quiz_.questions[f.i];
            if (!f.entered) {
                f.entered = true;
                visible_[f.i] = shown_after(quiz_, answers_, visible_, static_cast<int>(f.i));
                const bool passed = !visible_[f.i] || (q.scored && knowledge_set_);
                f.knowledge = !passed && q.scored;
                f.branches = passed ? 1 : q.scored ? bands_.size() : alternatives_[f.i].size() + (q.required ? 0 : 1);
            }
            if (f.next == f.branches) {
                if (f.knowledge) set_knowledge(nullptr);
                else if (visible_[f.i] && !q.scored) answers_[f.i] = Answer{};
                stack.pop_back();
                continue;
            }
            const size_t b = f.next++;
            double weight = f.weight;
            if (f.knowledge) {
                set_knowledge(&bands_[b].second);
            } else if (visible_[f.i] && !(q.scored && knowledge_set_)) {
                const auto& alts = alternatives_[f.i];
                const bool skip = b == alts.size();
                answers_[f.i] = skip ? Answer{} : alts[b].answer;
                if (!skip) weight *= alts[b].weight;
            }
            stack.push_back({f.i + 1, 0, 0, weight});
        }
    }

    // One random path through the answer space (for sampling), its weight left at 1.
    void walk_one() {
        for (size_t i = 0; i < quiz_.questions.size(); ++i) {
            const Question& q = quiz_.questions[i];
            visible_[i] = shown_after(quiz_, answers_, visible_, static_cast<int>(i));
            if (!visible_[i] || (q.scored && knowledge_set_)) continue;
            if (q.scored) {
                set_knowledge(&bands_[next_random() % bands_.size()].second);
                continue;
            }
            const auto& alts = alternatives_[i];
            const size_t c = next_random() % (alts.size() + (q.required ? 0 : 1));
            answers_[i] = c == alts.size() ? Answer{} : alts[c].answer;
        }
        stopped_ = !visit_(answers_, 1);
        set_knowledge(nullptr);
        answers_.assign(answers_.size(), Answer{});
    }

    bool stopped_ = false;  // visit asked to stop

private:
    void set_knowledge(const Answers* from) {
        knowledge_set_ = from != nullptr;
        for (size_t j = 0; j < answers_.size(); ++j)
            if (quiz_.questions[j].scored) answers_[j] = from ? (*from)[j] : Answer{};
    }
    size_t next_random() {
        x_ ^= x_ << 13;
        x_ ^= x_ >> 7;
        x_ ^= x_ << 17;
        return static_cast<size_t>(x_ >> 11);
    }

    const Quiz& quiz_;
    std::function<bool(const Answers&, double)> visit_;
    std::vector<std::pair<int, Answers>> bands_;
    std::vector<std::vector<Alternative>> alternatives_;
    Answers answers_;
    std::vector<bool> visible_;
    bool knowledge_set_ = false;
    bool approximate_ = false;
    uint64_t x_ = 0x2545F4914F6CDD1Dull;
};

}  // namespace

Walk walk_answer_space(const Quiz& quiz, size_t bound, const std::function<bool(const Answers&, double)>& visit) {
    Walk result;
    double total = 0;
    const auto counting = [&](const Answers& a, double w) {
        total += w;
        ++result.visits;
        return visit(a, w);
    };
    Walker walker(quiz, counting);
    result.exhaustive = !walker.approximate() && walker.size() <= static_cast<double>(bound);
    if (result.exhaustive) {
        walker.walk_all();
    } else {
        for (size_t s = 0; s < bound && !walker.stopped_; ++s) walker.walk_one();
    }
    result.answer_sets = total;
    return result;
}

}  // namespace cr
