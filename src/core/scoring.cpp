// Crossroads core: scoring rules. Conditions, option and scale weights, knowledge points with partial
// credit, bands feeding outcomes, and the deterministic tie rule.
#include "scoring.h"

#include <algorithm>
#include <atomic>
#include <cmath>

namespace cr {

namespace {

constexpr double kEpsilon = 1e-9;

bool condition_met(const Quiz& quiz, const Answers& answers, const std::vector<bool>& visible, const Condition& c,
                   bool likely) {
    if (!c.present) return true;
    if (c.question < 0 || c.question >= static_cast<int>(answers.size())) return false;
    const Answer& a = answers[c.question];
    if (!visible[c.question]) return false;
    if (!a.given) return likely && !c.none_of.empty();
    if (quiz.questions[c.question].kind == QuestionKind::Scale) {
        return (!c.has_min || a.value >= c.min - kEpsilon) && (!c.has_max || a.value <= c.max + kEpsilon);
    }
    auto picked = [&](int option) { return std::find(a.options.begin(), a.options.end(), option) != a.options.end(); };
    if (!c.any_of.empty()) return std::any_of(c.any_of.begin(), c.any_of.end(), picked);
    return std::none_of(c.none_of.begin(), c.none_of.end(), picked);
}

void add_weights(Result& r, const std::vector<OutcomeWeight>& weights, int question, int option, int band) {
    for (const auto& w : weights) {
        if (w.outcome < 0 || w.outcome >= static_cast<int>(r.totals.size())) continue;
        r.totals[w.outcome] += w.weight;
        if (w.weight != 0) r.contributions.push_back({question, option, band, w.outcome, w.weight});
    }
}

}  // namespace

bool shown_after(const Quiz& quiz, const Answers& answers, const std::vector<bool>& visible, int index) {
    const Question& q = quiz.questions[index];
    return condition_met(quiz, answers, visible, quiz.sections[q.section].show_if, false) &&
           condition_met(quiz, answers, visible, q.show_if, false);
}

bool rule_met(const Quiz& quiz, const Answers& answers, const std::vector<bool>& visible, int band, const Rule& rule,
              const std::vector<std::vector<int>>* unmet) {
    auto part_met = [&](const Rule& p) { return rule_met(quiz, answers, visible, band, p, unmet); };
    switch (rule.kind) {
        case Rule::Kind::Answer: return condition_met(quiz, answers, visible, rule.answer, false);
        case Rule::Kind::Band: return std::find(rule.bands.begin(), rule.bands.end(), band) != rule.bands.end() && band >= 0;
        case Rule::Kind::Requirements:
            return unmet && rule.outcome >= 0 && rule.outcome < static_cast<int>(unmet->size()) &&
                   static_cast<int>((*unmet)[rule.outcome].size()) == rule.unmet;
        case Rule::Kind::All: return std::all_of(rule.parts.begin(), rule.parts.end(), part_met);
        case Rule::Kind::Any: return std::any_of(rule.parts.begin(), rule.parts.end(), part_met);
        case Rule::Kind::Not: return !rule.parts.empty() && !part_met(rule.parts.front());
    }
    return false;
}

std::vector<bool> visible_questions(const Quiz& quiz, const Answers& answers, bool likely) {
    std::vector<bool> visible(quiz.questions.size(), false);
    for (const Section& s : quiz.sections) {
        const bool section_shown = condition_met(quiz, answers, visible, s.show_if, likely);
        for (int i = s.first; i < s.first + s.count; ++i)
            visible[i] = section_shown && condition_met(quiz, answers, visible, quiz.questions[i].show_if, likely);
    }
    return visible;
}

Decision decide(const Quiz& quiz, const std::vector<double>& totals, const std::vector<bool>& open) {
    Decision d;
    const int n = static_cast<int>(totals.size());
    auto is_open = [&](int i) { return open.empty() || open[i]; };
    int top = -1;  // highest on points, open or not
    for (int i = 0; i < n; ++i) {
        if (top < 0 || totals[i] > totals[top] + kEpsilon) top = i;
        if (is_open(i) && (d.chosen < 0 || totals[i] > totals[d.chosen] + kEpsilon)) d.chosen = i;
    }
    if (top != d.chosen && totals[top] > (d.chosen < 0 ? -1e300 : totals[d.chosen]) + kEpsilon) d.blocked = top;
    const TieRule& tie = quiz.tie;
    if (!tie.present || !is_open(tie.winner)) return d;
    int a = -1, b = -1;  // the two highest open watched outcomes, declared order on equal totals
    for (int i : tie.between) {
        if (!is_open(i)) continue;
        if (a < 0 || totals[i] > totals[a] + kEpsilon) {
            b = a;
            a = i;
        } else if (b < 0 || totals[i] > totals[b] + kEpsilon) {
            b = i;
        }
    }
    if (b < 0) return d;
    const double gap = totals[a] - totals[b];
    const double allowed = tie.unit == TieUnit::Points ? tie.margin : tie.margin / 100.0 * std::fabs(totals[a]);
    if (gap > allowed + kEpsilon) return d;
    std::vector<bool> watched(static_cast<size_t>(n), false);
    for (int i : tie.between) watched[i] = true;
    for (int i = 0; i < n; ++i)
        if (!watched[i] && i != tie.winner && is_open(i) && totals[i] > totals[a] + kEpsilon) return d;  // higher than both
    d.chosen = tie.winner;
    d.tie_fired = true;
    d.tied_a = std::min(a, b);
    d.tied_b = std::max(a, b);
    return d;
}

int band_for(const Quiz& quiz, double percent) {
    for (size_t i = 0; i < quiz.bands.size(); ++i) {
        const Band& b = quiz.bands[i];
        const bool last = i + 1 == quiz.bands.size();
        if (percent >= b.min - kEpsilon && (percent < b.max - kEpsilon || (last && percent <= b.max + kEpsilon)))
            return static_cast<int>(i);
    }
    return -1;
}

double knowledge_points(const Question& q, const Answer& a) {
    if (!q.scored || !a.given) return 0;
    int right = 0, wrong = 0, total_correct = 0;
    for (const Option& o : q.options) total_correct += o.correct ? 1 : 0;
    for (int i : a.options) {
        if (i < 0 || i >= static_cast<int>(q.options.size())) continue;
        (q.options[i].correct ? right : wrong) += 1;
    }
    if (total_correct == 0) return 0;
    if (q.kind == QuestionKind::Multiple && q.partial == Partial::Proportional)
        return q.points * std::max(0, right - wrong) / total_correct;
    return right == total_correct && wrong == 0 ? q.points : 0;
}

namespace {
std::atomic<unsigned long> runs{0};
}

unsigned long score_runs() { return runs.load(); }

Result score(const Quiz& quiz, const Answers& answers) {
    ++runs;
    Result r;
    r.totals.assign(quiz.outcomes.size(), 0.0);
    const std::vector<bool> visible = visible_questions(quiz, answers);
    for (size_t i = 0; i < quiz.questions.size() && i < answers.size(); ++i) {
        const Question& q = quiz.questions[i];
        const Answer& a = answers[i];
        if (!visible[i]) continue;
        const int qi = static_cast<int>(i);
        if (q.scored) {
            ReviewItem item{qi, a.given, false, knowledge_points(q, a), q.points};
            item.correct = a.given && std::fabs(item.points - item.max_points) < kEpsilon;
            r.knowledge_points += item.points;
            r.knowledge_max += q.points;
            r.has_knowledge = r.has_knowledge || a.given;
            r.review.push_back(item);
            continue;
        }
        if (!a.given) continue;
        if (q.kind == QuestionKind::Scale) {
            for (const ScaleRule& rule : q.scale.rules)
                if (a.value >= rule.from - kEpsilon && a.value <= rule.to + kEpsilon) add_weights(r, rule.weights, qi, -1, -1);
        } else {
            for (int o : a.options)
                if (o >= 0 && o < static_cast<int>(q.options.size())) add_weights(r, q.options[o].weights, qi, o, -1);
        }
    }
    if (r.has_knowledge && r.knowledge_max > 0) {
        r.knowledge_percent = 100.0 * r.knowledge_points / r.knowledge_max;
        r.band = band_for(quiz, r.knowledge_percent);
        if (r.band >= 0) add_weights(r, quiz.bands[r.band].weights, -1, -1, r.band);
    }
    std::stable_sort(r.contributions.begin(), r.contributions.end(),
                     [](const Contribution& x, const Contribution& y) { return std::fabs(x.weight) > std::fabs(y.weight); });
    r.unmet.assign(quiz.outcomes.size(), {});
    std::vector<bool> open(quiz.outcomes.size(), true);
    for (size_t o = 0; o < quiz.outcomes.size(); ++o) {
        const auto& requirements = quiz.outcomes[o].requirements;
        for (size_t k = 0; k < requirements.size(); ++k)
            if (!rule_met(quiz, answers, visible, r.band, requirements[k].rule)) r.unmet[o].push_back(static_cast<int>(k));
        open[o] = r.unmet[o].empty();
    }
    if (!r.totals.empty()) r.decision = decide(quiz, r.totals, open);
    for (size_t k = 0; k < quiz.rules.size(); ++k)
        if (rule_met(quiz, answers, visible, r.band, quiz.rules[k].condition, &r.unmet)) {
            r.decision = Decision{};
            r.decision.chosen = quiz.rules[k].outcome;
            r.decision.rule = static_cast<int>(k);
            break;
        }
    return r;
}

std::vector<Contribution> top_reasons(const Result& result, size_t limit) {
    std::vector<Contribution> out;
    const Decision& d = result.decision;
    for (const Contribution& c : result.contributions) {
        if (out.size() >= limit) break;
        const bool relevant = d.tie_fired ? (c.outcome == d.tied_a || c.outcome == d.tied_b || c.outcome == d.chosen)
                                          : c.outcome == d.chosen;
        if (relevant) out.push_back(c);
    }
    return out;
}

}  // namespace cr
