// Crossroads core: report text and JSON. Shared by the CLI and the browser app so that what an editor
// checks on the command line is word for word what a reader sees.
#include "report.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "advice.h"
#include "catalogue.h"
#include "json_doc.h"

namespace cr {

std::string format_amount(double v, const std::string& currency) {
    return currency.empty() ? tr_number(std::round(v)) : tr_money(v, currency);
}

double range_factor(const RangeChart& chart, const RangeItem& item) {
    return chart.period == Period::Year && item.period == Period::Month ? 12 : 1;
}

namespace {

std::string range_words(Period period, const std::string& low, const std::string& high) {
    return tr(period == Period::Year ? Key::RangeYear : period == Period::Month ? Key::RangeMonth : Key::RangePlain, {low, high});
}

}  // namespace

std::string range_text(const RangeChart& chart, const RangeItem& item) {
    const double k = range_factor(chart, item);
    const std::string compared = range_words(chart.period, format_amount(item.low * k, chart.currency), format_amount(item.high * k, chart.currency));
    if (k == 1) return compared;
    return tr(Key::RangeConverted, {compared, range_words(item.period, format_amount(item.low, chart.currency),
                                                          format_amount(item.high, chart.currency)), format_number(k)});
}

std::string knowledge_title(const Quiz& quiz) {
    const int s = quiz.knowledge_section();
    return s < 0 ? std::string() : quiz.sections[s].title;
}

std::string knowledge_score_text(const Result& r) {
    return tr_count(Key::PointsOf, r.knowledge_max, {tr_number(r.knowledge_points), tr_number(std::round(r.knowledge_percent))});
}

std::vector<std::string_view> answer_pairs(std::string_view spec) {
    std::vector<std::string_view> out;
    for (size_t start = 0; start < spec.size();) {
        const size_t end = std::min(spec.find(',', start), spec.size());
        if (end > start) out.push_back(spec.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool parse_answers(const Quiz& quiz, std::string_view spec, Answers& out, std::string& error) {
    out.assign(quiz.questions.size(), Answer{});
    std::unordered_map<std::string_view, int> question_at;  // so many pairs stay linear
    for (size_t i = 0; i < quiz.questions.size(); ++i) question_at.emplace(quiz.questions[i].id, static_cast<int>(i));
    for (const std::string_view pair : answer_pairs(spec)) {
        const size_t eq = pair.find('=');
        if (eq == std::string_view::npos) {
            error = "'" + std::string(pair) + "' should look like question=option";
            return false;
        }
        const std::string qid(pair.substr(0, eq));
        const std::string_view value = pair.substr(eq + 1);
        const auto found = question_at.find(qid);
        const int qi = found == question_at.end() ? -1 : found->second;
        if (qi < 0) {
            std::vector<std::string> ids;
            for (const auto& q : quiz.questions) ids.push_back(q.id);
            error = "unknown question '" + qid + "'" + did_you_mean(qid, ids);
            return false;
        }
        const Question& q = quiz.questions[qi];
        Answer& a = out[qi];
        a = Answer{};
        a.given = true;
        if (q.kind == QuestionKind::Scale) {
            const std::string text(value);
            char* rest = nullptr;
            const double v = std::strtod(text.c_str(), &rest);
            const double steps = (v - q.scale.min) / q.scale.step;
            const bool plain = !text.empty() && text.find_first_not_of("0123456789.-") == std::string::npos;
            if (!plain || *rest != '\0' || !std::isfinite(v) || v < q.scale.min || v > q.scale.max ||
                std::fabs(steps - std::round(steps)) > 1e-9) {
                error = "question '" + qid + "' is a scale from " + format_number(q.scale.min) + " to " +
                        format_number(q.scale.max) + "; '" + text + "' is not a value on it";
                return false;
            }
            a.value = v;
            continue;
        }
        size_t p = 0;
        while (p <= value.size()) {
            size_t plus = value.find('+', p);
            if (plus == std::string_view::npos) plus = value.size();
            const std::string oid(value.substr(p, plus - p));
            p = plus + 1;
            const int oi = option_index(q, oid);
            if (oi >= 0 && std::find(a.options.begin(), a.options.end(), oi) != a.options.end()) {
                error = "question '" + qid + "' lists option '" + oid + "' twice";
                return false;
            }
            if (oi < 0) {
                std::vector<std::string> ids;
                for (const auto& o : q.options) ids.push_back(o.id);
                error = "question '" + qid + "' has no option '" + oid + "'" + did_you_mean(oid, ids);
                return false;
            }
            a.options.push_back(oi);
        }
        if (static_cast<int>(a.options.size()) > q.max_select) {
            error = "question '" + qid + "' allows at most " + std::to_string(q.max_select) + " choice(s)";
            return false;
        }
        if (static_cast<int>(a.options.size()) < q.min_select) {
            error = "question '" + qid + "' needs at least " + std::to_string(q.min_select) + " choices";
            return false;
        }
    }
    return true;
}

std::vector<std::string> ignored_answers(const Quiz& quiz, const Answers& answers) {
    std::vector<std::string> out;
    const std::vector<bool> visible = visible_questions(quiz, answers);
    for (size_t i = 0; i < quiz.questions.size() && i < answers.size(); ++i)
        if (answers[i].given && !visible[i])
            out.push_back("the answer to '" + quiz.questions[i].id + "' is ignored: with these answers the question is not shown");
    return out;
}

Markdown reason_text(const Quiz& quiz, const Answers& answers, const Contribution& c) {
    Markdown source;
    if (c.band >= 0) {
        source = tr_markdown(Key::ReasonBand, {quiz.bands[c.band].title, knowledge_title(quiz)});
    } else {
        const Question& q = quiz.questions[c.question];
        source = c.option >= 0 ? tr_markdown(Key::ReasonOption, {q.options[c.option].label, q.prompt})
                               : tr_markdown(Key::ReasonScale, {tr_number(answers[c.question].value), q.prompt});
    }
    return tr_markdown(Key::ReasonLine, {std::move(source), (c.weight > 0 ? "+" : "") + tr_number(c.weight), quiz.outcomes[c.outcome].title});
}

std::string reason_explanation(const Quiz& quiz, const Contribution& c) {
    return c.question >= 0 && c.option >= 0 ? quiz.questions[c.question].options[c.option].explanation : std::string();
}

namespace {

// The outcomes a decision rule's condition asks some requirements of to be missing ({"outcome": id, "unmet": n > 0}).
void short_outcomes(const Rule& rule, std::vector<int>& out) {
    if (rule.kind == Rule::Kind::Requirements && rule.unmet > 0 && rule.outcome >= 0 &&
        std::find(out.begin(), out.end(), rule.outcome) == out.end())
        out.push_back(rule.outcome);
    if (rule.kind != Rule::Kind::Not)
        for (const Rule& part : rule.parts) short_outcomes(part, out);
}

}  // namespace

Markdown decision_text(const Quiz& quiz, const Result& r) {
    const Decision& d = r.decision;
    if (d.chosen < 0) return {};
    if (d.rule >= 0) {  // the rule's sentence, then what keeps the reader from an outcome it counts as short
        const DecisionRule& rule = quiz.rules[d.rule];
        Markdown out{rule.reason};
        std::vector<int> shorts;
        short_outcomes(rule.condition, shorts);
        for (int o : shorts)
            for (const std::string& m : missing_requirements(quiz, r, o)) out.source += " " + m;
        return out;
    }
    const Outcome& chosen = quiz.outcomes[d.chosen];
    if (d.tie_fired) {
        const double gap = std::fabs(r.totals[d.tied_a] - r.totals[d.tied_b]);
        const std::string margin = quiz.tie.unit == TieUnit::Percent ? tr_count(Key::MarginPercent, quiz.tie.margin)
                                                                     : tr_count(Key::MarginPoints, quiz.tie.margin);
        return tr_markdown(gap == 0 ? Key::TieLevel : Key::TieApart,
                  {quiz.outcomes[d.tied_a].title, tr_number(r.totals[d.tied_a]), quiz.outcomes[d.tied_b].title,
                   tr_number(r.totals[d.tied_b]), margin, chosen.title, tr_number(gap)});
    }
    if (d.blocked >= 0) {
        Markdown out = tr_markdown(Key::BlockedLead, {quiz.outcomes[d.blocked].title, tr_number(r.totals[d.blocked])});
        for (const std::string& m : missing_requirements(quiz, r, d.blocked)) out.source += " " + m;
        out.source += tr_markdown(Key::BlockedEnd, {chosen.title, tr_number(r.totals[d.chosen])}).source;
        return out;
    }
    int runner_up = -1;
    for (size_t i = 0; i < r.totals.size(); ++i)
        if (static_cast<int>(i) != d.chosen && (runner_up < 0 || r.totals[i] > r.totals[runner_up])) runner_up = static_cast<int>(i);
    if (runner_up >= 0 && r.totals[runner_up] == r.totals[d.chosen])
        return tr_markdown(Key::LevelInOrder, {chosen.title, quiz.outcomes[runner_up].title, tr_number(r.totals[d.chosen])});
    if (runner_up < 0) return tr_markdown(Key::Highest, {chosen.title, tr_number(r.totals[d.chosen])});
    return tr_markdown(Key::HighestAhead, {chosen.title, tr_number(r.totals[d.chosen]), quiz.outcomes[runner_up].title,
                                  tr_number(r.totals[runner_up])});
}

std::string result_text(const Quiz& quiz, const Answers& answers, const Result& r) {
    std::string out = quiz.title + "\n";
    if (r.decision.chosen >= 0) {
        const Outcome& o = quiz.outcomes[r.decision.chosen];
        out += "\n" + tr(Key::TextRecommendation, {o.title}) + "\n" + o.summary + "\n\n" + tr(Key::TextWhy, {plain_text(decision_text(quiz, r))}) + "\n";
        const auto reasons = top_reasons(r, 5);
        if (!reasons.empty()) {
            out += tr(Key::TextWeighedMost) + "\n";
            for (const auto& c : reasons) {
                out += "- " + plain_text(reason_text(quiz, answers, c)) + "\n";
                const std::string why = reason_explanation(quiz, c);
                if (!why.empty()) out += "  " + why + "\n";
            }
        }
        for (const std::string& note : tipped_notes(quiz, answers, r)) out += note + "\n";
        const auto plan = next_steps(quiz, answers, r);
        if (!plan.empty()) {
            out += "\n" + tr(Key::TextNextSteps) + "\n";
            for (const PlanItem& item : plan) out += tick_mark(item.done) + item.text + "\n";
        }
        if (std::any_of(quiz.questions.begin(), quiz.questions.end(), [](const Question& q) { return q.changeable; })) {
            out += "\n" + tr(Key::TextWhatWouldChange) + "\n";
            for (const ChangePath& path : what_would_change(quiz, answers)) out += "- " + plain_text(change_text(quiz, path)) + "\n";
        }
        out += "\n" + tr(Key::TextTotals) + "\n";
        for (size_t i = 0; i < quiz.outcomes.size(); ++i)
            out += "- " + quiz.outcomes[i].title + ": " + tr_number(r.totals[i]) + "\n";
    }
    if (r.has_knowledge) {
        out += "\n" + tr(Key::TextKnowledge, {knowledge_score_text(r)});
        if (r.band >= 0) out += " - " + quiz.bands[r.band].title;
        out += "\n";
        for (const auto& item : r.review) {
            const Question& q = quiz.questions[item.question];
            out += "  " + verdict_word(item) + ": " + q.id + "\n";
        }
    }
    return out;
}

std::string result_json(const Quiz& quiz, const Answers& answers, const Result& r) {
    Json j;
    j["quiz"] = quiz.id;
    j["version"] = quiz.version;
    Json totals = Json::object();
    for (size_t i = 0; i < quiz.outcomes.size(); ++i) totals[quiz.outcomes[i].id] = r.totals[i];
    j["totals"] = totals;
    j["outcome"] = r.decision.chosen >= 0 ? Json(quiz.outcomes[r.decision.chosen].id) : Json(nullptr);
    j["tie_rule_fired"] = r.decision.tie_fired;
    j["why"] = plain_text(decision_text(quiz, r));
    if (r.decision.rule >= 0) j["rule"] = quiz.rules[r.decision.rule].id;
    Json reasons = Json::array();
    for (const auto& c : top_reasons(r, 5)) {
        Json item;
        item["question"] = c.question >= 0 ? Json(quiz.questions[c.question].id) : Json(nullptr);
        item["option"] = c.option >= 0 ? Json(quiz.questions[c.question].options[c.option].id) : Json(nullptr);
        item["band"] = c.band >= 0 ? Json(quiz.bands[c.band].id) : Json(nullptr);
        item["outcome"] = quiz.outcomes[c.outcome].id;
        item["weight"] = c.weight;
        item["text"] = plain_text(reason_text(quiz, answers, c));
        reasons.push_back(item);
    }
    j["reasons"] = reasons;
    Json missing = Json::object();
    for (size_t o = 0; o < quiz.outcomes.size(); ++o)
        if (!r.unmet[o].empty()) missing[quiz.outcomes[o].id] = missing_requirements(quiz, r, static_cast<int>(o));
    j["missing"] = missing;
    j["tipped"] = tipped_notes(quiz, answers, r);
    Json plan = Json::array();
    for (const PlanItem& item : next_steps(quiz, answers, r)) plan.push_back({{"text", item.text}, {"done", item.done}});
    j["next_steps"] = plan;
    Json changes = Json::array();
    for (const ChangePath& path : what_would_change(quiz, answers)) {
        Json answers_changed = Json::object();
        for (const AnswerChange& c : path.changes) {
            const Question& q = quiz.questions[c.question];
            if (q.kind == QuestionKind::Scale) answers_changed[q.id] = c.answer.value;
            else {
                Json ids = Json::array();
                for (int o : c.answer.options) ids.push_back(q.options[o].id);
                answers_changed[q.id] = ids;
            }
        }
        changes.push_back({{"outcome", quiz.outcomes[path.outcome].id}, {"found", path.found},
                           {"changes", answers_changed}, {"text", plain_text(change_text(quiz, path))}});
    }
    j["what_would_change"] = changes;
    if (r.has_knowledge) {
        Json k;
        k["points"] = r.knowledge_points;
        k["max"] = r.knowledge_max;
        k["percent"] = r.knowledge_percent;
        k["band"] = r.band >= 0 ? Json(quiz.bands[r.band].id) : Json(nullptr);
        Json review = Json::array();
        for (const auto& item : r.review)
            review.push_back({{"question", quiz.questions[item.question].id}, {"answered", item.answered},
                              {"correct", item.correct}, {"points", item.points}, {"verdict", verdict_word(item)}});
        k["review"] = review;
        j["knowledge"] = k;
    } else {
        j["knowledge"] = nullptr;
    }
    return j.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace cr
