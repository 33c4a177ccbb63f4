// Crossroads core: builds the Quiz model from a parsed JSON document and checks it, collecting every problem. This
// file walks the document in the order its parts depend on each other; each part is read in its loader_*.cpp, and
// every value is type-checked before use (nlohmann's throwing accessors are never called).
#include "loader.h"

#include <algorithm>

#include "json_doc.h"
#include "loader_internal.h"
#include "reachability.h"

namespace cr {

int Quiz::question_index(const std::string& id) const {
    for (size_t i = 0; i < questions.size(); ++i)
        if (questions[i].id == id) return static_cast<int>(i);
    return -1;
}

int Quiz::outcome_index(const std::string& id) const {
    for (size_t i = 0; i < outcomes.size(); ++i)
        if (outcomes[i].id == id) return static_cast<int>(i);
    return -1;
}

int Quiz::knowledge_section() const {
    for (size_t i = 0; i < sections.size(); ++i)
        if (sections[i].kind == SectionKind::Knowledge) return static_cast<int>(i);
    return -1;
}

int option_index(const Question& q, const std::string& id) {
    for (size_t i = 0; i < q.options.size(); ++i)
        if (q.options[i].id == id) return static_cast<int>(i);
    return -1;
}

bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > 0 && (c == '-' || c == '_'));
        if (!ok) return false;
    }
    return true;
}

namespace loader {

void QuizBuilder::build(const Json& root) {
    if (!r_.is_object(root, "")) return;
    r_.check_keys(root, "", {"$schema", "format", "id", "version", "title", "intro", "language", "minutes",
                             "shuffle_options", "strings", "outcomes", "sections", "bands", "tie", "rules", "faq",
                             "ranges", "related", "image"});
    int format = 0;
    if (r_.integer(root, "", "format", format, true) && format != 1)
        r_.error("format", "unsupported format " + std::to_string(format) + "; this version reads format 1", Check::Enum);
    r_.id(root, "", quiz_.id);
    if (r_.integer(root, "", "version", quiz_.version, true) && quiz_.version < 1)
        r_.error("version", "must be 1 or more", Check::Bound);
    r_.text(root, "", "title", quiz_.title, true);
    r_.text(root, "", "intro", quiz_.intro, false);
    read_image(root, "", quiz_.image);
    r_.text(root, "", "language", quiz_.language, false);
    read_strings(root);
    if (r_.number(root, "", "minutes", quiz_.minutes, false) && quiz_.minutes <= 0)
        r_.error("minutes", "must be more than 0", Check::Bound);
    r_.boolean(root, "", "shuffle_options", shuffle_options_);

    read_outcomes(root);
    collect_question_ids(root);
    read_sections(root);
    read_bands(root);
    read_outcome_rules(root);
    read_tie(root);
    read_decision_rules(root);
    read_faq(root);
    read_ranges(root);
    read_related(root);
    check_weights_need_outcomes();
    check_unused_questions();
    if (!r_.sizes_refused()) check_screens();
    quiz_.characters = r_.characters();
}

// `seen` holds the ids of one list so far.
void QuizBuilder::unique(std::unordered_set<std::string>& seen, const std::string& id, const std::string& path, const char* what) {
    if (!seen.insert(id).second)
        r_.error(path_key(path, "id"), std::string("duplicate ") + what + " id '" + id + "'", Check::Duplicate);
}

// Index of a declared outcome (the first with that id), or -1.
int QuizBuilder::outcome_index(const std::string& id) const {
    const auto found = outcome_at_.find(id);
    return found == outcome_at_.end() ? -1 : found->second;
}

// did_you_mean against a list that grows with the file (outcome or question ids). After a fixed number of
// comparisons in all, later misses get no suggestion, so a file full of unknown names still loads in linear time.
std::string QuizBuilder::suggest(const std::string& word, const std::vector<std::string>& candidates) {
    if (candidates.size() > suggestion_budget_) return std::string();
    suggestion_budget_ -= candidates.size();
    return did_you_mean(word, candidates);
}

std::string QuizBuilder::question_path(int index) const {
    const Question& q = quiz_.questions[index];
    const Section& s = quiz_.sections[q.section];
    return path_index(path_key(path_index("sections", q.section), "questions"), index - s.first);
}

}  // namespace loader

LoadResult load_quiz(std::string_view text, bool reachability) {
    LoadResult result;
    Json root;
    if (parse_json(text, root, result.diagnostics)) {
        loader::QuizBuilder(result.quiz, result.diagnostics).build(root);
        if (reachability && !has_errors(result.diagnostics)) check_reachability(result.quiz, result.diagnostics);
        locate_diagnostics(text, result.diagnostics);
        for (auto& d : result.diagnostics) d.where = describe_path(root, d.path);
        std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
            return a.line != b.line ? a.line < b.line : a.column < b.column;
        });
    }
    result.ok = !has_errors(result.diagnostics);
    return result;
}

}  // namespace cr
