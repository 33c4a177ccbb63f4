// Crossroads core: outcome reachability. Each outcome question offers a list of "choices" (its possible
// weight vectors, including "not answered" where it may be skipped or hidden); bands add one more choice list.
// Branching is ignored (every question may count), which only widens the search, so "unreachable" stays a proof.
// A quiz with requirements is walked answer set by answer set instead (space.h), which also finds requirements
// that no answers meet.
#include "reachability.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "scoring.h"
#include "explore.h"

namespace cr {

namespace {

using Vec = std::vector<double>;

// Subsets of a multiple-choice question's options are listed in full only while the quiz-wide count stays
// under this; beyond it each option counts alone (and the search is approximate), so the work stays linear.
constexpr size_t kMaskBudget = 100000;
// Answer sets walked for a quiz with requirements before sampling instead (the shipped quiz has about 250,000).
constexpr size_t kWalkBound = 1000000;

// What one answer adds: sparse weights (one entry per outcome it moves), plus its largest and second largest
// entry over all outcomes (an outcome it leaves out counts 0), so its margin for any target is quick to find.
struct Choice {
    std::vector<OutcomeWeight> weights;
    double first = 0, second = 0;
    int top = -1;  // an outcome holding `first`
};

Choice make_choice(size_t outcomes, std::vector<OutcomeWeight> weights) {
    std::sort(weights.begin(), weights.end(), [](const OutcomeWeight& a, const OutcomeWeight& b) { return a.outcome < b.outcome; });
    Choice c;
    for (const auto& w : weights) {
        if (!c.weights.empty() && c.weights.back().outcome == w.outcome) c.weights.back().weight += w.weight;
        else c.weights.push_back(w);
    }
    // The entries that can be largest: the weights given and up to two outcomes left at 0.
    std::vector<OutcomeWeight> entries = c.weights;
    size_t k = 0;
    for (int o = 0; o < static_cast<int>(outcomes) && entries.size() < c.weights.size() + 2; ++o) {
        while (k < c.weights.size() && c.weights[k].outcome < o) ++k;
        if (k == c.weights.size() || c.weights[k].outcome != o) entries.push_back({o, 0.0});
    }
    c.first = c.second = -1e300;
    for (const auto& e : entries) {
        if (e.weight > c.first) {
            c.second = c.first;
            c.first = e.weight;
            c.top = e.outcome;
        } else if (e.weight > c.second) {
            c.second = e.weight;
        }
    }
    return c;
}

// How far this answer puts `target` ahead of every other outcome (an outcome below 0 does not count against it).
double margin(const Choice& c, int target) {
    double own = 0;
    for (const auto& w : c.weights)
        if (w.outcome == target) own = w.weight;
    return own - std::max(0.0, target == c.top ? c.second : c.first);
}

void add(Vec& into, const Choice& c) {
    for (const auto& w : c.weights) into[w.outcome] += w.weight;
}

// Every answer a question can give. Sets `approximate` when a multiple-choice question's subsets are not all listed.
std::vector<Choice> choices_for(const Question& q, size_t outcomes, size_t& mask_budget, bool& approximate) {
    std::vector<Choice> out;
    if (!q.required || q.show_if.present) out.push_back(make_choice(outcomes, {}));
    const size_t n = q.options.size();
    const bool subsets = q.kind == QuestionKind::Multiple && n <= 8 && (size_t{1} << n) <= mask_budget;
    if (q.kind == QuestionKind::Multiple && !subsets) approximate = true;
    if (q.kind == QuestionKind::Scale) {
        out.push_back(make_choice(outcomes, {}));  // a value outside every rule
        for (const auto& rule : q.scale.rules) out.push_back(make_choice(outcomes, rule.weights));
    } else if (subsets) {
        mask_budget -= size_t{1} << n;
        for (size_t mask = 0; mask < (size_t{1} << n); ++mask) {
            const int picked = __builtin_popcount(static_cast<unsigned>(mask));
            if (picked < q.min_select || picked > q.max_select) continue;
            std::vector<OutcomeWeight> sum;
            for (size_t k = 0; k < n; ++k)
                if (mask & (size_t{1} << k)) sum.insert(sum.end(), q.options[k].weights.begin(), q.options[k].weights.end());
            out.push_back(make_choice(outcomes, std::move(sum)));
        }
    } else {
        for (const auto& o : q.options) out.push_back(make_choice(outcomes, o.weights));
    }
    if (out.empty()) out.push_back(make_choice(outcomes, {}));
    return out;
}

// An error for each outcome not reached when the search was exhaustive (a proof), a warning otherwise.
void report_unreached(const Quiz& quiz, const std::vector<bool>& reached, bool exhaustive, std::vector<Diagnostic>& out) {
    for (size_t t = 0; t < reached.size(); ++t) {
        if (reached[t]) continue;
        const std::string path = "outcomes[" + std::to_string(t) + "]";
        const std::string& id = quiz.outcomes[t].id;
        if (exhaustive)
            out.push_back({Severity::Error, path, "no combination of answers leads to outcome '" + id +
                                                      "'; give it more weight or adjust the tie rule",
                           0, 0, Check::Reachability});
        else
            out.push_back({Severity::Warning, path, "could not find answers that lead to outcome '" + id +
                                                        "' (the quiz is too large to try every combination); "
                                                        "check its weights",
                           0, 0, Check::Reachability});
    }
}

// With requirements or decision rules, an outcome's chances depend on the answers themselves, not only on their
// weights: walk the answer sets (branching included), and also find requirements that no answer set meets and rules
// that never decide.
void check_by_walking(const Quiz& quiz, std::vector<Diagnostic>& out) {
    const Exploration seen = explore(quiz, kWalkBound, true);
    for (const auto& [o, k] : seen.unmet_requirements) {
        const std::string path = "outcomes[" + std::to_string(o) + "].requires[" + std::to_string(k) + "]";
        if (seen.exhaustive)
            out.push_back({Severity::Error, path, "no combination of answers meets this requirement, so outcome '" +
                                                      quiz.outcomes[o].id + "' can never be the result",
                           0, 0, Check::Reachability});
        else
            out.push_back({Severity::Warning, path, "could not find answers that meet this requirement (the quiz is "
                                                        "too large to try every combination); check its condition",
                           0, 0, Check::Reachability});
    }
    for (const RuleShare& s : seen.rules) {
        if (s.decided > 0) continue;
        const std::string path = "rules[" + std::to_string(s.rule) + "]";
        if (seen.exhaustive)
            out.push_back({Severity::Error, path, s.holds > 0 ? "never decides: wherever its condition holds, a rule before it decides first"
                                                              : "never decides: no combination of answers meets its condition",
                           0, 0, Check::Reachability});
        else
            out.push_back({Severity::Warning, path, "could not find answers for which this rule decides (the quiz is too large "
                                                        "to try every combination); check its condition and the rules before it",
                           0, 0, Check::Reachability});
    }
    std::vector<bool> reached;
    for (const OutcomeShare& s : seen.outcomes) reached.push_back(s.share > 0);
    report_unreached(quiz, reached, seen.exhaustive, out);
}

}  // namespace

void check_reachability(const Quiz& quiz, std::vector<Diagnostic>& out) {
    const size_t n = quiz.outcomes.size();
    if (n < 2) return;
    if (!quiz.rules.empty()) return check_by_walking(quiz, out);
    for (const auto& o : quiz.outcomes)
        if (!o.requirements.empty()) return check_by_walking(quiz, out);
    std::vector<std::vector<Choice>> lists;
    bool approximate = false;  // some question's choices were sampled, not listed in full
    size_t mask_budget = kMaskBudget;
    bool any_section_conditional = false;
    for (const auto& s : quiz.sections) any_section_conditional = any_section_conditional || s.show_if.present;
    for (const auto& q : quiz.questions) {
        if (q.scored) continue;
        auto list = choices_for(q, n, mask_budget, approximate);
        if (any_section_conditional && quiz.sections[q.section].show_if.present) list.push_back(make_choice(n, {}));
        lists.push_back(std::move(list));
    }
    if (!quiz.bands.empty()) {
        std::vector<Choice> bands{make_choice(n, {})};  // knowledge check not taken
        for (const auto& b : quiz.bands) bands.push_back(make_choice(n, b.weights));
        lists.push_back(std::move(bands));
    }

    std::vector<bool> reached(n, false);
    double combinations = 1;
    for (const auto& l : lists) combinations *= static_cast<double>(l.size());
    const bool exhaustive = !approximate && combinations <= 200000;

    if (exhaustive) {
        std::vector<size_t> pick(lists.size(), 0);
        while (true) {
            Vec totals(n, 0.0);
            for (size_t i = 0; i < lists.size(); ++i) add(totals, lists[i][pick[i]]);
            reached[decide(quiz, totals).chosen] = true;
            size_t i = 0;
            while (i < pick.size() && ++pick[i] == lists[i].size()) pick[i++] = 0;
            if (i == pick.size()) break;
        }
    } else {
        // Greedy: for each target, take from every list the choice that favours it most over the others.
        for (size_t t = 0; t < n; ++t) {
            Vec totals(n, 0.0);
            for (const auto& l : lists) {
                const Choice* best = &l.front();
                double best_margin = -1e300;
                for (const auto& c : l) {
                    const double m = margin(c, static_cast<int>(t));
                    if (m > best_margin) {
                        best_margin = m;
                        best = &c;
                    }
                }
                add(totals, *best);
            }
            reached[decide(quiz, totals).chosen] = true;
        }
        // Outcomes won through the tie rule need balanced answers: sample combinations (fixed seed, repeatable).
        uint64_t x = 0x2545F4914F6CDD1Dull;
        const size_t samples = std::min<size_t>(20000, 4000000 / std::max<size_t>(1, lists.size()));  // bounded work
        for (size_t sample = 0; sample < samples && std::find(reached.begin(), reached.end(), false) != reached.end(); ++sample) {
            Vec totals(n, 0.0);
            for (const auto& l : lists) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                add(totals, l[x % l.size()]);
            }
            reached[decide(quiz, totals).chosen] = true;
        }
    }

    report_unreached(quiz, reached, exhaustive, out);
}

}  // namespace cr
