// Crossroads core: explore, one walk of the answer space that tallies results, deciding answers and
// requirements met.
#include "explore.h"

#include <algorithm>
#include <cstdlib>
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

bool parse_where(const Quiz& quiz, std::string_view spec, Rule& out, std::string& error) {
    out = Rule{};
    out.kind = Rule::Kind::All;
    for (const std::string_view pair : answer_pairs(spec)) {
        const size_t eq = pair.find('=');
        const int qi = eq == std::string_view::npos ? -1 : quiz.question_index(std::string(pair.substr(0, eq)));
        if (qi < 0) {
            error = "'" + std::string(pair) + "' should be question=option+option or question=min..max, with a question of the quiz";
            return false;
        }
        const Question& q = quiz.questions[qi];
        const std::string value(pair.substr(eq + 1));
        Rule leaf;
        leaf.answer.present = true;
        leaf.answer.question = qi;
        if (q.kind == QuestionKind::Scale) {
            const size_t dots = value.find("..");
            const std::string low = value.substr(0, dots), high = dots == std::string::npos ? "" : value.substr(dots + 2);
            char *low_end = nullptr, *high_end = nullptr;
            leaf.answer.min = std::strtod(low.c_str(), &low_end);
            leaf.answer.max = std::strtod(high.c_str(), &high_end);
            if (low.empty() || high.empty() || *low_end != '\0' || *high_end != '\0' || leaf.answer.min > leaf.answer.max) {
                error = "'" + std::string(pair) + "': a scale takes a range, min..max";
                return false;
            }
            leaf.answer.has_min = leaf.answer.has_max = true;
        } else {
            for (size_t from = 0; from <= value.size();) {
                const size_t plus = std::min(value.find('+', from), value.size());
                const std::string id = value.substr(from, plus - from);
                int found = -1;
                for (size_t o = 0; o < q.options.size(); ++o)
                    if (q.options[o].id == id) found = static_cast<int>(o);
                if (found < 0) {
                    error = "question '" + q.id + "' has no option '" + id + "'";
                    return false;
                }
                leaf.answer.any_of.push_back(found);
                from = plus + 1;
            }
        }
        out.parts.push_back(std::move(leaf));
    }
    return true;
}

Exploration explore(const Quiz& quiz, size_t bound, bool until_all_seen, const Rule* where) {
    const size_t n = quiz.outcomes.size();
    std::vector<RuleShare> rules(quiz.rules.size());
    double counted = 0;
    std::vector<double> reached(n, 0);
    std::vector<std::map<std::string, double>> deciding(n);
    std::vector<std::vector<bool>> met(n);
    size_t unseen = n + quiz.rules.size();  // outcomes not reached, requirements not met, rules that never decided
    for (size_t o = 0; o < n; ++o) {
        met[o].assign(quiz.outcomes[o].requirements.size(), false);
        unseen += met[o].size();
    }
    Exploration out;
    const Walk walk = walk_answer_space(quiz, bound, [&](const Answers& answers, double weight) {
        const Result r = score(quiz, answers);
        if (where || !quiz.rules.empty()) {
            const std::vector<bool> visible = visible_questions(quiz, answers);
            if (where && !rule_met(quiz, answers, visible, r.band, *where)) return true;
            for (size_t k = 0; k < rules.size(); ++k) {
                rules[k].holds += rule_met(quiz, answers, visible, r.band, quiz.rules[k].condition, &r.unmet) ? weight : 0;
                if (r.decision.rule != static_cast<int>(k)) continue;
                if (rules[k].decided == 0) --unseen;
                rules[k].decided += weight;
            }
        }
        counted += weight;
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
    out.answer_sets = counted;
    for (size_t k = 0; k < rules.size(); ++k)
        out.rules.push_back({static_cast<int>(k), counted > 0 ? rules[k].holds / counted : 0, counted > 0 ? rules[k].decided / counted : 0});
    for (size_t o = 0; o < n; ++o) {
        OutcomeShare s;
        s.outcome = static_cast<int>(o);
        s.share = counted > 0 ? reached[o] / counted : 0;
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
