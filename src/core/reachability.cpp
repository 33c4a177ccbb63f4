// Crossroads core: outcome reachability. Each outcome question offers a list of "choices" (its possible
// weight vectors, including "not answered" where it may be skipped or hidden); bands add one more choice list.
// Branching is ignored (every question may count), which only widens the search, so "unreachable" stays a proof.
#include "reachability.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "scoring.h"

namespace cr {

namespace {

using Vec = std::vector<double>;

Vec weight_vector(size_t outcomes, const std::vector<OutcomeWeight>& weights) {
    Vec v(outcomes, 0.0);
    for (const auto& w : weights) v[w.outcome] += w.weight;
    return v;
}

void add(Vec& into, const Vec& v) {
    for (size_t i = 0; i < into.size(); ++i) into[i] += v[i];
}

// Every weight vector a question can contribute.
std::vector<Vec> choices_for(const Question& q, size_t outcomes) {
    std::vector<Vec> out;
    const Vec none(outcomes, 0.0);
    if (!q.required || q.show_if.present) out.push_back(none);
    if (q.kind == QuestionKind::Scale) {
        out.push_back(none);  // a value outside every rule
        for (const auto& rule : q.scale.rules) out.push_back(weight_vector(outcomes, rule.weights));
    } else if (q.kind == QuestionKind::Multiple && q.options.size() <= 8) {
        const size_t n = q.options.size();
        for (size_t mask = 0; mask < (size_t{1} << n); ++mask) {
            const int picked = __builtin_popcount(static_cast<unsigned>(mask));
            if (picked < q.min_select || picked > q.max_select) continue;
            Vec v(outcomes, 0.0);
            for (size_t k = 0; k < n; ++k)
                if (mask & (size_t{1} << k)) add(v, weight_vector(outcomes, q.options[k].weights));
            out.push_back(v);
        }
    } else {
        for (const auto& o : q.options) out.push_back(weight_vector(outcomes, o.weights));
    }
    if (out.empty()) out.push_back(none);
    return out;
}

}  // namespace

void check_reachability(const Quiz& quiz, std::vector<Diagnostic>& out) {
    const size_t n = quiz.outcomes.size();
    if (n < 2) return;
    std::vector<std::vector<Vec>> lists;
    bool approximate = false;  // some question's choices were sampled, not listed in full
    bool any_section_conditional = false;
    for (const auto& s : quiz.sections) any_section_conditional = any_section_conditional || s.show_if.present;
    for (const auto& q : quiz.questions) {
        if (q.scored) continue;
        approximate = approximate || (q.kind == QuestionKind::Multiple && q.options.size() > 8);
        auto list = choices_for(q, n);
        if (any_section_conditional && quiz.sections[q.section].show_if.present) list.push_back(Vec(n, 0.0));
        lists.push_back(std::move(list));
    }
    if (!quiz.bands.empty()) {
        std::vector<Vec> bands{Vec(n, 0.0)};  // knowledge check not taken
        for (const auto& b : quiz.bands) bands.push_back(weight_vector(n, b.weights));
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
                const Vec* best = &l.front();
                double best_margin = -1e300;
                for (const auto& v : l) {
                    double others = 0;
                    for (size_t k = 0; k < n; ++k) others = std::max(others, k == t ? 0.0 : v[k]);
                    const double margin = v[t] - others;
                    if (margin > best_margin) {
                        best_margin = margin;
                        best = &v;
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

    for (size_t t = 0; t < n; ++t) {
        if (reached[t]) continue;
        const std::string path = "outcomes[" + std::to_string(t) + "]";
        const std::string& id = quiz.outcomes[t].id;
        if (exhaustive)
            out.push_back({Severity::Error, path, "no combination of answers leads to outcome '" + id +
                                                      "'; give it more weight or adjust the tie rule"});
        else
            out.push_back({Severity::Warning, path, "could not find answers that lead to outcome '" + id +
                                                        "' (the quiz is too large to try every combination); "
                                                        "check its weights"});
    }
}

}  // namespace cr
