// Crossroads core: the quiz content model, plain values built by the loader from a quiz file.
// References between parts are resolved to indices at load time; ids stay for display and serialization.
#pragma once

#include <string>
#include <vector>

#include "catalogue.h"

namespace cr {

enum class QuestionKind { Single, Multiple, TrueFalse, Scale };
// The kind as a quiz file's "type" says it: "single", "multiple", "true_false" or "scale".
inline const char* kind_name(QuestionKind kind) {
    static const char* names[] = {"single", "multiple", "true_false", "scale"};
    return names[static_cast<int>(kind)];
}
enum class SectionKind { Outcome, Knowledge };
enum class Partial { None, Proportional };
enum class TieUnit { Points, Percent };

struct OutcomeWeight {
    int outcome = 0;  // index into Quiz::outcomes
    double weight = 0;
};

// show_if: the question or section is shown only when an earlier answer matches.
struct Condition {
    bool present = false;
    int question = -1;          // index into Quiz::questions (always earlier)
    std::vector<int> any_of;    // option indices; empty when unused
    std::vector<int> none_of;   // option indices; empty when unused
    bool has_min = false, has_max = false;
    double min = 0, max = 0;    // scale range, inclusive
};

// A requirement's, next step's or decision rule's condition: show_if's one-question form, a knowledge band, or
// all/any/not of other rules; in a decision rule also an outcome's requirements ({"outcome": id, "unmet": n}).
// Any question may be named (order does not matter); an unanswered or hidden question makes its leaf false, and
// so does a band leaf when the knowledge part was skipped.
struct Rule {
    enum class Kind { Answer, Band, Requirements, All, Any, Not };
    Kind kind = Kind::Answer;
    Condition answer;         // Kind::Answer
    std::vector<int> bands;   // Kind::Band: indices into Quiz::bands; met when the reader's band is one of them
    int outcome = -1;         // Kind::Requirements: met when exactly `unmet` of this outcome's requirements do not hold
    int unmet = 0;
    std::vector<Rule> parts;  // All / Any: the parts; Not: exactly one
};

// A decision rule: one of the source's explicit "if" sentences. The rules are tried in order before points: the
// first whose condition holds makes `outcome` the result, whatever the totals and the outcome's requirements say.
// `reason` is the sentence the reader sees in "Why this result" (markdown); `source` is the sentence of the source
// it rests on, for editors (explore, the studio), never shown to readers.
struct DecisionRule {
    std::string id;
    Rule condition;
    int outcome = -1;
    std::string reason;
    std::string source;
};

// An outcome can be the result only when every one of its requirements holds; `missing` is the editor's
// sentence shown when this one does not.
struct Requirement {
    Rule rule;
    std::string missing;
};

// One item of an outcome's plan: listed only when `show_if` holds (or there is none), ticked when `done_if` holds.
struct NextStep {
    std::string text;
    bool has_show_if = false, has_done_if = false;
    Rule show_if, done_if;
};

struct Option {
    std::string id;
    std::string label;
    std::string explanation;
    std::vector<OutcomeWeight> weights;
    bool correct = false;
    std::string step;  // what the reader would do to give this answer ("what would change"); empty: none
};

// A picture on the start screen, a question or a result: a file beside the quiz (same origin, so the page's strict
// content security policy needs nothing more), drawn at width x height CSS px (scaled down to the column).
struct Image {
    std::string src;  // relative path, e.g. "images/desk.jpg"; empty: no image
    std::string alt;  // what it shows, for readers who cannot see it (and shown where it cannot load)
    int width = 0, height = 0;
};

struct ScaleRule {
    double from = 0, to = 0;  // inclusive
    std::vector<OutcomeWeight> weights;
};

struct Scale {
    double min = 0, max = 10, step = 1, initial = 0;
    std::string min_label, max_label;
    std::vector<ScaleRule> rules;
};

struct Question {
    std::string id;
    QuestionKind kind = QuestionKind::Single;
    int section = 0;
    std::string prompt;
    std::string code;
    std::string explanation;
    Image image;
    bool required = true;
    bool shuffle = false;
    bool changeable = false;  // a reader could honestly change this answer ("what would change your result")
    bool forward = false;     // ... and only forward: to a later option (listed least to most ready) or a higher value
    std::string tipped;       // said in the result when this answer alone settled it (empty: nothing)
    Condition show_if;
    std::vector<Option> options;  // true_false: "true", "false"
    int min_select = 1, max_select = 1;
    Scale scale;
    // Knowledge scoring (questions of knowledge sections).
    bool scored = false;
    double points = 1;
    Partial partial = Partial::None;
};

struct Section {
    std::string id;
    std::string title;
    std::string intro;
    SectionKind kind = SectionKind::Outcome;
    Condition show_if;
    int first = 0, count = 0;  // its questions: Quiz::questions[first, first + count)
};

// A button on an outcome's result that leads the reader on (a course, the article's next section, a newsletter).
struct CallToAction {
    std::string label;
    std::string url;  // http(s) or mailto (the loader refuses anything else)
};

struct Outcome {
    std::string id;
    std::string title;
    std::string summary;
    std::string details;  // markdown subset
    std::vector<Requirement> requirements;
    std::vector<NextStep> next_steps;
    CallToAction cta;  // empty label: none
    Image image;
};

struct Band {
    std::string id;
    std::string title;
    std::string feedback;
    double min = 0, max = 100;  // percent; min <= score < max (the last band includes 100)
    std::vector<OutcomeWeight> weights;
};

struct TieRule {
    bool present = false;
    std::vector<int> between;  // outcome indices watched
    double margin = 0;
    TieUnit unit = TieUnit::Points;
    int winner = -1;
};

struct FaqEntry {
    std::string id, question, answer;
};

// A chart of low-high ranges on one scale (pay, hours, costs), drawn with the result. Figures given per month are
// compared per year (x 12), as the chart's `assumption` text must say.
enum class Period { None, Year, Month };

struct RangeItem {
    std::string id, label;
    double low = 0, high = 0;    // as written, per `period`
    Period period = Period::None;
};

struct RangeChart {
    bool present = false;
    std::string title;
    std::string currency;        // ISO 4217 code such as USD; empty for plain numbers
    Period period = Period::None;  // the period the bars compare in
    std::vector<RangeItem> items;
    std::string assumption, note;
};

// A link to another quiz (a file beside this one), offered on the start screen and, to readers who skipped the
// knowledge part, with the result.
struct RelatedQuiz {
    bool present = false;
    std::string quiz;            // path relative to this quiz's file
    std::string label, results_label;
};

struct Quiz {
    std::string id;
    int version = 1;
    std::string title;
    std::string intro;
    std::string language = "en";  // BCP 47; picks the catalogue by its base language (Catalogue)
    std::vector<WordOverride> strings;  // "strings": the widget's own words as the quiz gives them, at most one per key
    double minutes = 0;
    std::vector<Outcome> outcomes;
    std::vector<Section> sections;
    std::vector<Question> questions;  // all questions in reading order
    std::vector<Band> bands;
    TieRule tie;
    std::vector<DecisionRule> rules;  // tried in order before points
    std::vector<FaqEntry> faq;
    RangeChart ranges;
    RelatedQuiz related;
    Image image;  // on the start screen
    std::u32string characters;  // every code point above U+007F in the text a reader may see, sorted, unique

    int question_index(const std::string& id) const;
    int outcome_index(const std::string& id) const;
    int knowledge_section() const;  // the first knowledge section (it names the knowledge part), or -1
};

int option_index(const Question& q, const std::string& id);

// True when `id` can be an id: lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 64
// characters (session links and answer lists rely on it: no '.', '-' first, ':' or ',').
bool valid_id(const std::string& id);

}  // namespace cr
