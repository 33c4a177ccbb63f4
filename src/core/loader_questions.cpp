// Crossroads core, the loader's sections and questions: each section's kind and standalone quiz, each question's
// type, options, code, scale and, in knowledge sections, its correct answer and points.
#include "loader_internal.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace cr::loader {

namespace {

constexpr size_t kMaxOptions = 12;

// The ids of a section's questions, as written (they are read after the section's own condition).
std::unordered_set<std::string> question_ids_in(const Json& section) {
    std::unordered_set<std::string> ids;
    const auto qs = section.find("questions");
    if (qs == section.end() || !qs->is_array()) return ids;
    for (const auto& q : *qs) {
        if (!q.is_object()) continue;
        const auto id = q.find("id");
        if (id != q.end() && id->is_string()) ids.insert(id->get<std::string>());
    }
    return ids;
}

bool asks_what_code_prints(const std::string& prompt) {
    std::string lower = prompt;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.find("what does this print") != std::string::npos;
}

}  // namespace

void QuizBuilder::collect_question_ids(const Json& root) {
    auto sections = root.find("sections");
    if (sections == root.end() || !sections->is_array()) return;
    for (const auto& s : *sections) {
        if (!s.is_object()) continue;
        const auto ids = question_ids_in(s);
        declared_question_ids_.insert(ids.begin(), ids.end());
    }
}

void QuizBuilder::read_sections(const Json& root) {
    const Json* list = r_.array(root, "", "sections", true);
    if (!list) return;
    size_t questions = 0;  // room for all of them at once: a growing vector would move each question many times
    for (const Json& s : *list)
        if (s.is_object() && s.contains("questions")) questions += s["questions"].size();
    quiz_.questions.reserve(questions);
    r_.each_object(*list, "sections", {"id", "title", "intro", "kind", "show_if", "standalone", "questions"}, [&](const Json& s, const std::string& path) {
        Section section;
        if (r_.id(s, path, section.id)) unique(section_ids_, section.id, path, "section");
        r_.text(s, path, "title", section.title, true);
        r_.text(s, path, "intro", section.intro, false);
        std::string kind = "outcome";
        if (r_.text(s, path, "kind", kind, false)) {
            if (kind == "knowledge") section.kind = SectionKind::Knowledge;
            else if (kind != "outcome")
                r_.error(path_key(path, "kind"), "unknown section kind '" + kind +
                                                     "'; use \"outcome\" or \"knowledge\"" +
                                                     did_you_mean(kind, {"outcome", "knowledge"}),
                           Check::Enum);
        }
        const Json* st = r_.field(s, path, "standalone", false);
        const bool standalone = st && read_standalone(*st, path_key(path, "standalone"), section.kind);
        if (const Json* c = r_.field(s, path, "show_if", false))
            section.show_if = read_condition(*c, path_key(path, "show_if"), Owner::Section, question_ids_in(s));
        section.first = static_cast<int>(quiz_.questions.size());
        const int section_index = static_cast<int>(quiz_.sections.size());
        quiz_.sections.push_back(section);
        if (const Json* qs = r_.array(s, path, "questions", true)) {
            for (size_t k = 0; k < qs->size(); ++k) {
                const std::string qpath = path_index(path_key(path, "questions"), k);
                const size_t built = quiz_.questions.size();
                read_question((*qs)[k], qpath, section_index);
                if (standalone && quiz_.questions.size() > built) check_stands_alone(quiz_.questions.back(), qpath);
            }
        }
        quiz_.sections.back().count = static_cast<int>(quiz_.questions.size()) - section.first;
    });
}

void QuizBuilder::read_question(const Json& q, const std::string& path, int section_index) {
    if (!r_.is_object(q, path)) return;
    const bool knowledge = quiz_.sections[section_index].kind == SectionKind::Knowledge;
    r_.check_keys(q, path, {"id", "type", "prompt", "code", "code_language", "required", "show_if", "shuffle",
                            "explanation", "options", "min", "max", "scale", "weights", "correct", "points",
                            "partial", "changeable", "tipped", "image"});
    Question out;
    out.section = section_index;
    out.shuffle = shuffle_options_;
    if (r_.id(q, path, out.id)) {
        unique(question_ids_seen_, out.id, path, "question");
        question_ids_.push_back(out.id);
    }
    std::string type;
    if (r_.text(q, path, "type", type, true)) {
        if (type == "single") out.kind = QuestionKind::Single;
        else if (type == "multiple") out.kind = QuestionKind::Multiple;
        else if (type == "true_false") out.kind = QuestionKind::TrueFalse;
        else if (type == "scale") out.kind = QuestionKind::Scale;
        else {
            r_.error(path_key(path, "type"),
                     "unknown question type '" + type + "'; use single, multiple, true_false or scale" +
                         did_you_mean(type, {"single", "multiple", "true_false", "scale"}),
                     Check::Enum);
            broken_question_ids_.insert(out.id);
            return;
        }
    } else {
        broken_question_ids_.insert(out.id);
        return;
    }
    r_.text(q, path, "prompt", out.prompt, true);
    read_image(q, path, out.image);
    read_code(q, path, out);
    r_.text(q, path, "explanation", out.explanation, knowledge && out.kind != QuestionKind::Scale);
    r_.boolean(q, path, "required", out.required);
    r_.boolean(q, path, "shuffle", out.shuffle);
    read_changeable(q, path, out);
    r_.text(q, path, "tipped", out.tipped, false);
    if (knowledge)
        for (const char* key : {"changeable", "tipped"})
            if (q.contains(key))
                r_.error(path_key(path, key), std::string("\"") + key + "\" belongs to questions in outcome sections "
                                              "only (knowledge answers are not choices to change)", Check::NotHere);
    if (const Json* c = r_.field(q, path, "show_if", false))
        out.show_if = read_condition(*c, path_key(path, "show_if"), Owner::Question, {out.id});

    if (out.kind == QuestionKind::Scale) {
        read_scale(q, path, out, knowledge);
    } else {
        if (!read_options(q, path, out, knowledge)) {
            broken_question_ids_.insert(out.id);  // conditions on it would only repeat this error
            return;
        }
        if (knowledge) read_knowledge(q, path, out);
    }
    if (!knowledge) {
        for (const char* key : {"correct", "points", "partial"})
            if (q.contains(key))
                r_.error(path_key(path, key), std::string("\"") + key + "\" belongs to questions in knowledge "
                                              "sections only (only they are scored)", Check::NotHere);
    }
    question_at_.emplace(out.id, static_cast<int>(quiz_.questions.size()));
    quiz_.questions.push_back(std::move(out));
}

// "changeable": true, false, or "forward" (only later options, or higher scale values, are proposed).
void QuizBuilder::read_changeable(const Json& q, const std::string& path, Question& out) {
    const auto v = q.find("changeable");
    if (v == q.end() || !v->is_string()) {
        r_.boolean(q, path, "changeable", out.changeable);
        return;
    }
    const std::string& value = v->get_ref<const std::string&>();
    if (value != "forward") {
        r_.error(path_key(path, "changeable"), "unknown changeable value '" + value + "'; use true, false or \"forward\"" +
                                                   did_you_mean(value, {"forward"}), Check::Enum);
        return;
    }
    out.changeable = out.forward = true;
    if (out.kind == QuestionKind::Multiple)
        r_.error(path_key(path, "changeable"), "\"forward\" needs one answer to step on from: use it on single, "
                                               "true_false or scale questions, or use true", Check::NotHere);
}

// A code question (docs: "What does this print?") shows a snippet in monospace and asks about it,
// so an empty snippet, or such a prompt without one, leaves the reader nothing to read.
void QuizBuilder::read_code(const Json& q, const std::string& path, Question& out) {
    r_.text(q, path, "code", out.code, false);  // blank code is an error there, like any blank text
    std::string language;  // for editors and tools; the widget draws every snippet alike
    const bool has_language = r_.text(q, path, "code_language", language, false);
    if (!q.contains("code") && has_language)
        r_.error(path_key(path, "code_language"), "\"code_language\" is given but there is no \"code\"; "
                                                  "add the snippet as \"code\"", Check::NotHere);
    else if (!q.contains("code") && asks_what_code_prints(out.prompt))
        r_.error(path_key(path, "prompt"), "this is a code question (the prompt asks \"What does this print?\") "
                                           "but it has no \"code\"; add the snippet as \"code\"");
}

// False when the option list breaks its size limit: it is then not read at all (one error, not one per option).
bool QuizBuilder::read_options(const Json& q, const std::string& path, Question& out, bool knowledge) {
    const bool true_false = out.kind == QuestionKind::TrueFalse;
    const Json* list = r_.array(q, path, "options", !true_false);
    if (true_false) {
        // The two answers' default labels in the quiz's language (its "strings" included).
        const Catalogue words(quiz_.language, quiz_.strings);
        out.options = {{"true", words.form(Key::OptionTrue, Plural::Other), "", {}, false, {}},
                       {"false", words.form(Key::OptionFalse, Plural::Other), "", {}, false, {}}};
    }
    if (list) {
        if (!true_false && (list->size() < 2 || list->size() > kMaxOptions)) {
            r_.error(path_key(path, "options"), "a question needs 2 to " + std::to_string(kMaxOptions) +
                                                    " options, found " + std::to_string(list->size()), Check::Count);
            if (list->size() > kMaxOptions) return false;
        }
        if (true_false && list->size() != 2) {
            r_.error(path_key(path, "options"), "a true_false question has exactly two options, "
                                                "with ids \"true\" and \"false\"", Check::Count);
            if (list->size() > 2) return false;
        }
        std::unordered_set<std::string> ids;
        r_.each_object(*list, path_key(path, "options"), {"id", "label", "weights", "explanation", "step"},
                       [&](const Json& o, const std::string& opath) {
            Option option;
            if (r_.id(o, opath, option.id)) unique(ids, option.id, opath, "option");
            r_.text(o, opath, "label", option.label, !true_false);
            r_.text(o, opath, "explanation", option.explanation, false);
            if (r_.text(o, opath, "step", option.step, false) && !out.changeable)
                r_.error(path_key(opath, "step"), "\"step\" is said only by \"what would change your result\", which "
                                                  "changes only questions marked \"changeable\"; mark the question "
                                                  "or remove the step", Check::NotHere);
            if (const Json* w = r_.field(o, opath, "weights", false)) {
                if (knowledge)
                    r_.error(path_key(opath, "weights"), "weights do not belong in a knowledge section; "
                                                         "use band weights instead", Check::NotHere);
                else
                    option.weights = read_weights(*w, path_key(opath, "weights"));
            }
            if (true_false) {
                const int slot = option.id == "true" ? 0 : option.id == "false" ? 1 : -1;
                if (slot < 0) {
                    r_.error(path_key(opath, "id"), "a true_false option id must be \"true\" or \"false\"", Check::Enum);
                    return;
                }
                if (option.label.empty()) option.label = out.options[slot].label;
                out.options[slot] = std::move(option);
            } else {
                out.options.push_back(std::move(option));
            }
        });
    }
    const int n = static_cast<int>(out.options.size());
    out.max_select = out.kind == QuestionKind::Multiple ? n : 1;
    if (out.kind == QuestionKind::Multiple) {
        r_.integer(q, path, "min", out.min_select, false);
        r_.integer(q, path, "max", out.max_select, false);
        if (out.min_select < 0 || out.max_select < 1 || out.min_select > out.max_select || out.max_select > n)
            r_.error(path_key(path, "max"), "selection limits must satisfy 0 <= min <= max <= " +
                                                std::to_string(n) + " (the number of options) and max >= 1");
    } else {
        for (const char* key : {"min", "max"})
            if (q.contains(key))
                r_.error(path_key(path, key), std::string("\"") + key + "\" belongs to multiple-choice questions only",
                         Check::NotHere);
    }
    if (q.contains("weights"))
        r_.error(path_key(path, "weights"), "question-level \"weights\" belong to scale questions only; "
                                            "put weights on each option", Check::NotHere);
    if (q.contains("scale"))
        r_.error(path_key(path, "scale"), "\"scale\" belongs to scale questions only", Check::NotHere);
    return true;
}

void QuizBuilder::read_knowledge(const Json& q, const std::string& path, Question& out) {
    out.scored = true;
    if (r_.number(q, path, "points", out.points, false) && out.points <= 0)
        r_.error(path_key(path, "points"), "must be more than 0", Check::Bound);
    std::string partial;
    if (r_.text(q, path, "partial", partial, false)) {
        if (partial == "proportional") out.partial = Partial::Proportional;
        else if (partial != "none")
            r_.error(path_key(path, "partial"), "unknown partial-credit rule '" + partial +
                                                    "'; use \"none\" or \"proportional\"", Check::Enum);
        if (out.kind != QuestionKind::Multiple)
            r_.error(path_key(path, "partial"), "partial credit belongs to multiple-choice questions only",
                     Check::NotHere);
    }
    const Json* correct = r_.field(q, path, "correct", false);
    const std::string cpath = path_key(path, "correct");
    if (!correct) {
        // The advice has the shape of the answer each type takes (as the type errors below do).
        const char* how = out.kind == QuestionKind::TrueFalse ? "add \"correct\": true or \"correct\": false"
                          : out.kind == QuestionKind::Multiple ? "add \"correct\" with a list of the ids of the right options"
                                                               : "add \"correct\" with the id of the right option";
        r_.error(cpath, std::string("a knowledge question needs a correct answer: ") + how, Check::Required);
        return;
    }
    // Each type has one shape of answer, so "false" in quotes or ["a"] on a single question is a type error.
    std::vector<std::string> ids;
    if (out.kind == QuestionKind::TrueFalse) {
        if (!correct->is_boolean()) {
            r_.error(cpath, std::string("expected true or false without quotes, found ") + type_name(*correct), Check::Type);
            return;
        }
        ids.push_back(correct->get<bool>() ? "true" : "false");
    } else if (out.kind == QuestionKind::Single) {
        if (!correct->is_string()) {
            r_.error(cpath, std::string("expected the id of the right option, found ") + type_name(*correct), Check::Type);
            return;
        }
        ids.push_back(correct->get<std::string>());
    } else {
        if (!correct->is_array()) {
            r_.error(cpath, std::string("expected a list of option ids (a list even for one id), found ") +
                                type_name(*correct), Check::Type);
            return;
        }
        for (const auto& c : *correct) {
            if (c.is_string()) ids.push_back(c.get<std::string>());
            else r_.error(cpath, std::string("expected option ids, found ") + type_name(c), Check::Type);
        }
    }
    std::vector<std::string> option_ids;
    for (const auto& o : out.options) option_ids.push_back(o.id);
    for (const auto& id : ids) {
        const int index = option_index(out, id);
        if (index < 0) r_.error(cpath, "unknown option '" + id + "'" + did_you_mean(id, option_ids), Check::Reference);
        else if (out.options[index].correct) r_.error(cpath, "option '" + id + "' is listed twice", Check::Duplicate);
        else out.options[index].correct = true;
    }
    const auto count = std::count_if(out.options.begin(), out.options.end(), [](const Option& o) { return o.correct; });
    if (ids.empty()) r_.error(cpath, "lists no correct option", Check::Count);
    else if (out.kind == QuestionKind::Multiple && count > out.max_select)
        r_.error(cpath, "more options are correct than \"max\" allows the reader to pick");
}

void QuizBuilder::read_scale(const Json& q, const std::string& path, Question& out, bool knowledge) {
    if (knowledge) {
        r_.error(path_key(path, "type"), "scale questions cannot be scored as knowledge; "
                                         "move it to an outcome section or use single choice", Check::NotHere);
    }
    for (const char* key : {"options", "correct", "min", "max"})
        if (q.contains(key))
            r_.error(path_key(path, key), std::string("\"") + key + "\" does not belong to scale questions"
                                              + (std::string(key) == "min" || std::string(key) == "max"
                                                     ? "; put min and max inside \"scale\"" : ""),
                     Check::NotHere);
    const Json* s = r_.field(q, path, "scale", true);
    const std::string spath = path_key(path, "scale");
    Scale& scale = out.scale;
    if (s && r_.is_object(*s, spath)) {
        r_.check_keys(*s, spath, {"min", "max", "step", "min_label", "max_label", "default"});
        const bool have_min = r_.number(*s, spath, "min", scale.min, true);
        const bool have_max = r_.number(*s, spath, "max", scale.max, true);
        r_.number(*s, spath, "step", scale.step, false);
        r_.text(*s, spath, "min_label", scale.min_label, true);
        r_.text(*s, spath, "max_label", scale.max_label, true);
        scale.initial = scale.min;
        if (have_min && have_max && scale.min >= scale.max)
            r_.error(path_key(spath, "max"), "must be greater than min");
        else if (scale.step <= 0)
            r_.error(path_key(spath, "step"), "must be more than 0", Check::Bound);
        else {
            const double steps = (scale.max - scale.min) / scale.step;
            if (std::fabs(steps - std::round(steps)) > 1e-9 || steps > 1000)
                r_.error(path_key(spath, "step"), "(max - min) must be a whole number of steps, at most 1000");
        }
        if (r_.number(*s, spath, "default", scale.initial, false) &&
            (scale.initial < scale.min || scale.initial > scale.max))
            r_.error(path_key(spath, "default"), "must lie between min and max");
    }
    const Json* rules = r_.array(q, path, "weights", false);
    if (!rules) return;
    const std::string rpath = path_key(path, "weights");
    std::vector<std::string> paths;  // of each rule in scale.rules
    r_.each_object(*rules, rpath, {"from", "to", "weights"}, [&](const Json& rule, const std::string& p) {
        ScaleRule sr;
        const bool has_from = r_.number(rule, p, "from", sr.from, true);
        const bool ok = r_.number(rule, p, "to", sr.to, true) && has_from;
        if (const Json* w = r_.field(rule, p, "weights", true)) sr.weights = read_weights(*w, path_key(p, "weights"));
        if (!ok) return;
        if (sr.from > sr.to) r_.error(path_key(p, "to"), "\"to\" must not be less than \"from\"");
        else if (sr.from < scale.min || sr.to > scale.max)
            r_.error(p, "range " + fmt(sr.from) + ".." + fmt(sr.to) + " lies outside the scale " + fmt(scale.min) +
                            ".." + fmt(scale.max));
        scale.rules.push_back(std::move(sr));
        paths.push_back(p);
    });
    check_overlaps(scale.rules, paths);
}

// Sorted by "from", a range overlaps an earlier one exactly when it starts before the furthest end so far.
// Each overlap is reported at the range written later in the file, naming the other.
void QuizBuilder::check_overlaps(const std::vector<ScaleRule>& rules, const std::vector<std::string>& paths) {
    std::vector<size_t> order(rules.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rules[a].from < rules[b].from; });
    size_t furthest = order.empty() ? 0 : order.front();
    for (size_t k = 1; k < order.size(); ++k) {
        const size_t at = order[k];
        if (rules[at].from <= rules[furthest].to) {
            const size_t later = std::max(at, furthest), other = std::min(at, furthest);
            r_.error(paths[later], "range " + fmt(rules[later].from) + ".." + fmt(rules[later].to) + " overlaps range " +
                                       fmt(rules[other].from) + ".." + fmt(rules[other].to));
        }
        if (rules[at].to > rules[furthest].to) furthest = at;
    }
}

// A knowledge section's own quiz, written by scripts/derive.py at build time: only checked here. True when the
// section stands alone, so that check_stands_alone holds its questions to it.
bool QuizBuilder::read_standalone(const Json& st, const std::string& path, SectionKind kind) {
    if (kind != SectionKind::Knowledge) {
        r_.error(path, "\"standalone\" is for knowledge sections only (it makes a quiz of their questions)", Check::NotHere);
        return false;
    }
    if (!r_.is_object(st, path)) return false;
    r_.check_keys(st, path, {"id", "title", "intro"});
    std::string id, text;
    if (r_.id(st, path, id) && id == quiz_.id)
        r_.error(path_key(path, "id"), "the standalone quiz needs an id of its own, not the quiz's '" + id + "'");
    r_.text(st, path, "title", text, true);
    r_.text(st, path, "intro", text, false);
    return true;
}

// The standalone quiz asks only its section's questions, so a condition on any other question could never be met
// there (docs/content-format.md, section 5). `q` is a question of that section, written at `path`.
void QuizBuilder::check_stands_alone(const Question& q, const std::string& path) {
    if (!q.show_if.present) return;
    const Question& target = quiz_.questions[q.show_if.question];
    if (target.section == q.section) return;
    r_.error(path_key(path_key(path, "show_if"), "question"),
             "refers to question '" + target.id + "' of section '" + quiz_.sections[target.section].id +
                 "'; this section is also a quiz of its own (\"standalone\"), which asks only its questions, so its "
                 "conditions may use only them",
             Check::Reference);
}

// A question in an outcome section that moves no outcome and steers no branch does nothing.
void QuizBuilder::check_unused_questions() {
    for (size_t i = 0; i < quiz_.questions.size(); ++i) {
        const Question& q = quiz_.questions[i];
        if (q.scored || quiz_.outcomes.empty()) continue;
        bool moves = !q.scale.rules.empty();
        for (const auto& o : q.options) moves = moves || !o.weights.empty();
        const bool steers = conditioned_on_.count(static_cast<int>(i)) > 0;
        if (!moves && !steers)
            r_.warning(question_path(static_cast<int>(i)),
                       "question '" + q.id + "' carries no weights and no condition uses it, so it cannot "
                                             "change the result");
    }
}

}  // namespace cr::loader
