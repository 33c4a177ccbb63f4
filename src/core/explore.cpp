// Crossroads core: explore, one walk of the answer space that tallies results, deciding answers and
// requirements met.
#include "explore.h"

#include <algorithm>
#include <map>

#include "report.h"
#include "scoring.h"
#include "space.h"

namespace cr {

namespace {

std::string answer_key(const Quiz& quiz, const Answers& answers, const Contribution& c) {
    if (c.band >= 0) return "band=" + quiz.bands[c.band].id;
    const Question& q = quiz.questions[c.question];
    if (c.option >= 0) return q.id + "=" + q.options[c.option].id;
    const double v = answers[c.question].value;
    for (const ScaleRule& rule : q.scale.rules)
        if (v >= rule.from && v <= rule.to) return q.id + "=" + format_number(rule.from) + "-" + format_number(rule.to);
    return q.id + "=" + format_number(v);
}

}  // namespace

Exploration explore(const Quiz& quiz, size_t bound, bool until_all_seen) {
    const size_t n = quiz.outcomes.size();
    std::vector<double> reached(n, 0);
    std::vector<std::map<std::string, double>> deciding(n);
    std::vector<std::vector<bool>> met(n);
    size_t unseen = n;  // outcomes not reached plus requirements not met so far
    for (size_t o = 0; o < n; ++o) {
        met[o].assign(quiz.outcomes[o].requirements.size(), false);
        unseen += met[o].size();
    }
    Exploration out;
    const Walk walk = walk_answer_space(quiz, bound, [&](const Answers& answers, double weight) {
        const Result r = score(quiz, answers);
        for (size_t o = 0; o < n; ++o)
            for (size_t k = 0; k < met[o].size(); ++k)
                if (!met[o][k] && std::find(r.unmet[o].begin(), r.unmet[o].end(), static_cast<int>(k)) == r.unmet[o].end()) {
                    met[o][k] = true;
                    --unseen;
                }
        const int chosen = r.decision.chosen;
        if (chosen < 0) return true;
        if (reached[chosen] == 0) --unseen;
        reached[chosen] += weight;
        if (until_all_seen) return unseen > 0;
        const auto top = top_reasons(r, 1);
        if (!top.empty()) deciding[chosen][answer_key(quiz, answers, top.front())] += weight;
        return true;
    });
    out.exhaustive = walk.exhaustive;
    out.answer_sets = walk.answer_sets;
    for (size_t o = 0; o < n; ++o) {
        OutcomeShare s;
        s.outcome = static_cast<int>(o);
        s.share = walk.answer_sets > 0 ? reached[o] / walk.answer_sets : 0;
        std::vector<std::pair<std::string, double>> ranked(deciding[o].begin(), deciding[o].end());
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        for (size_t k = 0; k < ranked.size() && k < 3; ++k) s.top.push_back({ranked[k].first, ranked[k].second / reached[o]});
        out.outcomes.push_back(std::move(s));
        for (size_t k = 0; k < met[o].size(); ++k)
            if (!met[o][k]) out.unmet_requirements.push_back({static_cast<int>(o), static_cast<int>(k)});
    }
    return out;
}

}  // namespace cr
