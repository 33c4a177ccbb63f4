// Crossroads core, inside the loader only: the Reader of typed fields with the checks every text gets, and the
// QuizBuilder that walks one document. Its parts are defined by topic in loader.cpp (the walk) and loader_*.cpp
// (outcomes, questions, conditions and rules, strings, extras, screens); nothing outside them includes this.
#pragma once

#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "catalogue.h"
#include "diagnostics.h"
#include "json_doc.h"
#include "loader.h"
#include "model.h"

namespace cr::loader {

// A count in an editor's message as English writes it: "10,000".
std::string count_of(size_t n);

// Characters (code points) of UTF-8 text: its bytes that do not continue a character.
size_t characters_in(const std::string& text);

// "an object", "a string", ...: what a value is, for "expected ..., found ...".
const char* type_name(const Json& v);


// A number in a message: 2.5, 10 (at most six decimals, no trailing zeros).
std::string fmt(double v);

// Reads typed fields out of JSON objects, reporting every problem with its path.
class Reader {
public:
    explicit Reader(std::vector<Diagnostic>& out) : out_(out) {}

    // `mark`: the text inside the value the error is about; line:column then point at it.
    void error(const std::string& path, std::string message, Check check = Check::Rule, std::string mark = {}) {
        out_.push_back({Severity::Error, path, std::move(message), 0, 0, check, {}, std::move(mark)});
    }
    void warning(const std::string& path, std::string message) {
        out_.push_back({Severity::Warning, path, std::move(message)});
    }

    bool is_object(const Json& v, const std::string& path);
    void check_keys(const Json& obj, const std::string& path, const std::vector<std::string>& allowed);

    // Calls f(object, path) for each element of `list` that is an object, after checking its keys.
    template <typename F>
    void each_object(const Json& list, const std::string& base, const std::vector<std::string>& keys, F&& f) {
        for (size_t i = 0; i < list.size(); ++i) {
            const std::string path = path_index(base, i);
            if (!is_object(list[i], path)) continue;
            check_keys(list[i], path, keys);
            f(list[i], path);
        }
    }

    const Json* field(const Json& obj, const std::string& path, const char* key, bool required);
    bool text(const Json& obj, const std::string& path, const char* key, std::string& out, bool required);
    void check_size(const std::string& path, const std::string& text);

    // True once a text broke a size limit.
    bool sizes_refused() const { return sizes_refused_; }

    // Every code point of the text read so far (the font atlas needs them), sorted and unique.
    std::u32string characters() const { return std::u32string(characters_.begin(), characters_.end()); }

    bool id(const Json& obj, const std::string& path, std::string& out);
    bool number(const Json& obj, const std::string& path, const char* key, double& out, bool required);
    bool integer(const Json& obj, const std::string& path, const char* key, int& out, bool required);
    bool boolean(const Json& obj, const std::string& path, const char* key, bool& out);
    const Json* array(const Json& obj, const std::string& path, const char* key, bool required);
    void check_characters(const std::string& path, const std::string& text);
    void check_links(const std::string& path, const std::string& text);

private:
    std::set<char32_t> characters_;
    std::vector<Diagnostic>& out_;
    bool sizes_refused_ = false;
};

// Everything the loader needs while walking one document.
class QuizBuilder {
public:
    QuizBuilder(Quiz& quiz, std::vector<Diagnostic>& out) : quiz_(quiz), r_(out) {}

    void build(const Json& root);

private:
    // ---- loader.cpp: shared by the parts --------------------------------------------------------
    void unique(std::unordered_set<std::string>& seen, const std::string& id, const std::string& path, const char* what);
    int outcome_index(const std::string& id) const;
    std::string suggest(const std::string& word, const std::vector<std::string>& candidates);
    std::string question_path(int index) const;

    // ---- loader_outcomes.cpp: outcomes, weights, bands, tie ----------------------------------------
    void read_outcomes(const Json& root);
    std::vector<OutcomeWeight> read_weights(const Json& v, const std::string& path);
    void check_weights_need_outcomes();
    void read_bands(const Json& root);
    void read_tie(const Json& root);

    // ---- loader_questions.cpp: sections, questions and options ------------------------------------
    void collect_question_ids(const Json& root);
    void read_sections(const Json& root);
    void read_question(const Json& q, const std::string& path, int section_index);
    void read_changeable(const Json& q, const std::string& path, Question& out);
    void read_code(const Json& q, const std::string& path, Question& out);
    bool read_options(const Json& q, const std::string& path, Question& out, bool knowledge);
    void read_knowledge(const Json& q, const std::string& path, Question& out);
    void read_scale(const Json& q, const std::string& path, Question& out, bool knowledge);
    void check_overlaps(const std::vector<ScaleRule>& rules, const std::vector<std::string>& paths);
    bool read_standalone(const Json& st, const std::string& path, SectionKind kind);
    void check_stands_alone(const Question& q, const std::string& path);
    void check_unused_questions();

    // ---- loader_rules.cpp: conditions, requirements, next steps, decision rules -------------------
    enum class Owner { Question, Section };
    Condition read_condition(const Json& c, const std::string& path, Owner owner, const std::unordered_set<std::string>& own);
    void read_outcome_rules(const Json& root);
    void read_decision_rules(const Json& root);
    Rule read_rule(const Json& c, const std::string& path, int depth);
    Rule read_requirements_leaf(const Json& c, const std::string& path);

    // ---- loader_strings.cpp: the widget's own words in the quiz's words ---------------------------
    void read_strings(const Json& root);
    void read_plural_form(WordOverride& o, const std::string& name, const Json& text, const std::string& path,
                          const Locale& locale);
    void read_string_text(Key key, const Json& v, const std::string& path, std::string& out);

    // ---- loader_extras.cpp: pictures, calls to action, faq, ranges, related -----------------------
    void read_cta(const Json& o, const std::string& path, CallToAction& out);
    void read_image(const Json& o, const std::string& path, Image& out);
    void read_faq(const Json& root);
    Period read_period(const Json& obj, const std::string& path);
    void read_ranges(const Json& root);
    void read_related(const Json& root);

    // ---- loader_screens.cpp: the text of each screen ----------------------------------------------
    struct ScreenText;
    void check_screens();
    void screen_limit(const ScreenText& screen, const char* what, const std::string& id);

    Quiz& quiz_;
    Reader r_;
    bool shuffle_options_ = false;
    bool outcomes_refused_ = false;  // more outcomes than allowed: references to them are not checked
    bool in_decision_rule_ = false;  // reading a decision rule's condition, where requirement leaves are allowed
    size_t suggestion_budget_ = 200000;  // candidate comparisons left for suggest()
    std::vector<std::string> outcome_ids_, question_ids_;  // declared ids, for did-you-mean
    std::unordered_set<std::string> section_ids_, question_ids_seen_;
    std::unordered_map<std::string, int> outcome_at_;  // id -> index of the first outcome with it
    std::unordered_set<std::string> declared_question_ids_;  // every question id in the file, built or not yet
    std::vector<std::string> weights_seen_at_;
    std::unordered_set<int> conditioned_on_;
    std::unordered_set<std::string> broken_question_ids_;  // declared but not built (bad type, too many options)
    std::unordered_map<std::string, int> question_at_;  // id -> index of questions built so far
    int images_ = 0;  // pictures read so far
    std::vector<std::string> band_paths_;  // where each of quiz_.bands (sorted by min) is written
};

}  // namespace cr::loader
