// Crossroads core, the loader's conditions and rules: show_if on a question or section, an outcome's requirements
// and next steps, and the decision rules tried before points, in the one condition language they share.
#include "loader_internal.h"

#include <algorithm>

namespace cr::loader {

namespace {

// Requirement conditions nest (all/any/not); a limit keeps reading them (and the schema's recursion) shallow.
constexpr int kMaxRuleDepth = 8;

}  // namespace

// `own`: the ids of the questions the condition belongs to (the question itself, or the section's questions).
Condition QuizBuilder::read_condition(const Json& c, const std::string& path, Owner owner, const std::unordered_set<std::string>& own) {
    Condition out;
    if (!r_.is_object(c, path)) return out;
    r_.check_keys(c, path, {"question", "any_of", "none_of", "min", "max"});
    std::string id;
    if (!r_.text(c, path, "question", id, true)) return out;
    const auto found = question_at_.find(id);
    const int index = found == question_at_.end() ? -1 : found->second;
    if (index < 0) {
        if (broken_question_ids_.count(id) > 0)
            return out;  // that question has its own error; a second one here would only mislead
        const bool later = declared_question_ids_.count(id) > 0;
        if (own.count(id) > 0 && owner == Owner::Question)
            r_.error(path_key(path, "question"), "refers to its own question '" + id +
                                                     "'; a condition may only use answers given before it",
                     Check::Reference);
        else if (own.count(id) > 0)
            r_.error(path_key(path, "question"), "refers to question '" + id +
                                                     "' of this same section; a section's condition may only use "
                                                     "answers from earlier sections", Check::Reference);
        else if (later)
            r_.error(path_key(path, "question"), "refers to question '" + id +
                                                     "', which comes later; a condition may only use "
                                                     "answers given before it", Check::Reference);
        else
            r_.error(path_key(path, "question"), "unknown question '" + id + "'" + suggest(id, question_ids_),
                     Check::Reference);
        return out;
    }
    const Question& target = quiz_.questions[index];
    out.present = true;
    out.question = index;
    conditioned_on_.insert(index);
    const bool has_any = c.contains("any_of"), has_none = c.contains("none_of");
    out.has_min = r_.number(c, path, "min", out.min, false);
    out.has_max = r_.number(c, path, "max", out.max, false);
    if (target.kind == QuestionKind::Scale) {
        if (has_any || has_none)
            r_.error(path, "question '" + id + "' is a scale; use \"min\" and/or \"max\" instead of option ids");
        else if (!out.has_min && !out.has_max)
            r_.error(path, "give \"min\" and/or \"max\" for the scale question '" + id + "'");
        return out;
    }
    if (out.has_min || out.has_max)
        r_.error(path, "\"min\"/\"max\" work with scale questions only; '" + id + "' has options");
    if (has_any && has_none) {
        r_.error(path_key(path, "none_of"), "use \"any_of\" or \"none_of\", not both", Check::NotHere);
        return out;
    }
    if (!has_any && !has_none) {
        r_.error(path, "missing \"any_of\": list the options of question '" + id + "' that show this", Check::Required);
        return out;
    }
    const char* key = has_any ? "any_of" : "none_of";
    std::vector<int>& into = has_any ? out.any_of : out.none_of;
    const Json* list = r_.array(c, path, key, true);
    if (!list) return out;
    std::vector<std::string> option_ids;
    for (const auto& o : target.options) option_ids.push_back(o.id);
    for (size_t i = 0; i < list->size(); ++i) {
        const Json& v = (*list)[i];
        const std::string p = path_index(path_key(path, key), i);
        if (!v.is_string()) {
            r_.error(p, std::string("expected an option id, found ") + type_name(v), Check::Type);
            continue;
        }
        const int option = option_index(target, v.get<std::string>());
        if (option < 0)
            r_.error(p, "question '" + id + "' has no option '" + v.get<std::string>() + "'" +
                            did_you_mean(v.get<std::string>(), option_ids), Check::Reference);
        else
            into.push_back(option);
    }
    return out;
}

// ---- requirements and next steps (read once questions and bands are known) ------------------
void QuizBuilder::read_outcome_rules(const Json& root) {
    const auto list = root.find("outcomes");
    if (list == root.end() || !list->is_array() || outcomes_refused_) return;
    bool one_free = false;
    for (size_t i = 0; i < list->size() && i < quiz_.outcomes.size(); ++i) {
        const Json& o = (*list)[i];
        if (!o.is_object()) continue;
        const std::string path = path_index("outcomes", i);
        Outcome& out = quiz_.outcomes[i];
        if (const Json* reqs = r_.array(o, path, "requires", false)) {
            r_.each_object(*reqs, path_key(path, "requires"), {"condition", "missing"}, [&](const Json& q, const std::string& p) {
                Requirement req;
                r_.text(q, p, "missing", req.missing, true);
                if (const Json* c = r_.field(q, p, "condition", true)) req.rule = read_rule(*c, path_key(p, "condition"), 0);
                out.requirements.push_back(std::move(req));
            });
        }
        one_free = one_free || !o.contains("requires");
        if (const Json* steps = r_.array(o, path, "next_steps", false)) {
            r_.each_object(*steps, path_key(path, "next_steps"), {"text", "show_if", "done_if"}, [&](const Json& q, const std::string& p) {
                NextStep step;
                r_.text(q, p, "text", step.text, true);
                if (const Json* c = r_.field(q, p, "show_if", false)) {
                    step.has_show_if = true;
                    step.show_if = read_rule(*c, path_key(p, "show_if"), 0);
                }
                if (const Json* c = r_.field(q, p, "done_if", false)) {
                    step.has_done_if = true;
                    step.done_if = read_rule(*c, path_key(p, "done_if"), 0);
                }
                out.next_steps.push_back(std::move(step));
            });
        }
    }
    if (!one_free && !quiz_.outcomes.empty())
        r_.error("outcomes", "every outcome has \"requires\", so some readers could get no result; leave at least "
                             "one outcome open to everyone");
}

// ---- decision rules: the source's "if" sentences, tried before points ----------------------------
void QuizBuilder::read_decision_rules(const Json& root) {
    const Json* list = r_.array(root, "", "rules", false);
    if (!list || outcomes_refused_) return;
    std::vector<std::string> ids, conditions;
    r_.each_object(*list, "rules", {"id", "condition", "outcome", "reason", "source"}, [&](const Json& o, const std::string& p) {
        DecisionRule rule;
        if (r_.id(o, p, rule.id)) {
            if (std::find(ids.begin(), ids.end(), rule.id) != ids.end())
                r_.error(path_key(p, "id"), "duplicate rule id '" + rule.id + "'", Check::Duplicate);
            ids.push_back(rule.id);
        }
        std::string outcome;
        if (r_.text(o, p, "outcome", outcome, true)) {
            rule.outcome = outcome_index(outcome);
            if (rule.outcome < 0)
                r_.error(path_key(p, "outcome"), "unknown outcome '" + outcome + "'" + suggest(outcome, outcome_ids_),
                         Check::Reference);
        }
        r_.text(o, p, "reason", rule.reason, true);
        r_.text(o, p, "source", rule.source, false);
        if (const Json* c = r_.field(o, p, "condition", true)) {
            in_decision_rule_ = true;
            rule.condition = read_rule(*c, path_key(p, "condition"), 0);
            in_decision_rule_ = false;
            // Two rules with the same condition: the later never decides; with another outcome they contradict.
            const std::string same = c->dump();
            const auto earlier = std::find(conditions.begin(), conditions.end(), same);
            if (earlier != conditions.end()) {
                const DecisionRule& first = quiz_.rules[static_cast<size_t>(earlier - conditions.begin())];
                r_.error(path_key(p, "condition"),
                         first.outcome != rule.outcome
                             ? "contradicts rule '" + first.id + "': the same condition leads there to another outcome"
                             : "can never decide: rule '" + first.id + "' before it has the same condition",
                         Check::Reachability);
            }
            conditions.push_back(same);
        }
        quiz_.rules.push_back(std::move(rule));
    });
}

// A condition of the requirement language: show_if's one-question form, {"band": [...]}, {"all": [...]},
// {"any": [...]} or {"not": {...}}; in a decision rule also {"outcome": id, "unmet": n}.
Rule QuizBuilder::read_rule(const Json& c, const std::string& path, int depth) {
    Rule out;
    if (!r_.is_object(c, path)) return out;
    if (c.contains("outcome") && !c.contains("question")) return read_requirements_leaf(c, path);
    static const char* const kCompound[] = {"all", "any", "not", "band"};
    const char* form = nullptr;
    for (const char* key : kCompound) {
        if (!c.contains(key)) continue;
        if (form || c.contains("question")) {
            r_.error(path_key(path, key), "a condition takes one form: \"question\", \"band\", \"all\", \"any\" "
                                          "or \"not\"; nest them to combine", Check::NotHere);
            return out;
        }
        form = key;
    }
    if (!form) {
        out.answer = read_condition(c, path, Owner::Question, {});
        return out;
    }
    r_.check_keys(c, path, {form});
    if (depth >= kMaxRuleDepth) {
        r_.error(path, "conditions nest at most " + std::to_string(kMaxRuleDepth) + " levels deep");
        return out;
    }
    const std::string f = form;
    if (f == "not") {
        out.kind = Rule::Kind::Not;
        out.parts.push_back(read_rule(*c.find("not"), path_key(path, "not"), depth + 1));
        return out;
    }
    const Json* list = r_.array(c, path, form, true);
    if (!list) return out;
    if (f == "band") {
        out.kind = Rule::Kind::Band;
        std::vector<std::string> ids;
        for (const auto& b : quiz_.bands) ids.push_back(b.id);
        for (size_t i = 0; i < list->size(); ++i) {
            const Json& v = (*list)[i];
            const std::string p = path_index(path_key(path, "band"), i);
            if (!v.is_string()) {
                r_.error(p, std::string("expected a band id, found ") + type_name(v), Check::Type);
                continue;
            }
            const auto at = std::find(ids.begin(), ids.end(), v.get<std::string>());
            if (at == ids.end())
                r_.error(p, "unknown band '" + v.get<std::string>() + "'" + did_you_mean(v.get<std::string>(), ids),
                         Check::Reference);
            else
                out.bands.push_back(static_cast<int>(at - ids.begin()));
        }
        return out;
    }
    out.kind = f == "all" ? Rule::Kind::All : Rule::Kind::Any;
    for (size_t i = 0; i < list->size(); ++i)
        out.parts.push_back(read_rule((*list)[i], path_index(path_key(path, form), i), depth + 1));
    return out;
}

// {"outcome": id, "unmet": n}: exactly n of that outcome's requirements do not hold (n defaults to 0: all hold).
Rule QuizBuilder::read_requirements_leaf(const Json& c, const std::string& path) {
    Rule out;
    out.kind = Rule::Kind::Requirements;
    if (!in_decision_rule_) {
        r_.error(path_key(path, "outcome"), "an outcome's requirements can be a condition only in \"rules\"", Check::NotHere);
        return out;
    }
    r_.check_keys(c, path, {"outcome", "unmet"});
    std::string id;
    if (r_.text(c, path, "outcome", id, true)) {
        out.outcome = outcome_index(id);
        if (out.outcome < 0)
            r_.error(path_key(path, "outcome"), "unknown outcome '" + id + "'" + suggest(id, outcome_ids_), Check::Reference);
    }
    if (r_.integer(c, path, "unmet", out.unmet, false) && out.outcome >= 0) {
        const int has = static_cast<int>(quiz_.outcomes[out.outcome].requirements.size());
        if (out.unmet < 0 || out.unmet > has)
            r_.error(path_key(path, "unmet"), "can never hold: outcome '" + id + "' has " + std::to_string(has) +
                                                  " requirement" + (has == 1 ? "" : "s"), Check::Reachability);
    }
    return out;
}

}  // namespace cr::loader
