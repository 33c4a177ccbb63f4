// Crossroads core: builds the Quiz model from a parsed JSON document and checks it.
// Every value is type-checked before use (nlohmann's throwing accessors are never called),
// and all problems are collected rather than stopping at the first.
#include "loader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "catalogue.h"
#include "characters.h"
#include "json_doc.h"
#include "markdown.h"
#include "reachability.h"
#include "report.h"

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

namespace {

constexpr size_t kMaxOptions = 12;
// Every outcome is a target of the reachability check, so their number multiplies its work.
constexpr size_t kMaxOutcomes = 100;
constexpr int kMaxImages = 40;          // pictures in one quiz
constexpr int kMaxImageSide = 2000;     // CSS px, each of width and height
// Requirement conditions nest (all/any/not); a limit keeps reading them (and the schema's recursion) shallow.
constexpr int kMaxRuleDepth = 8;

// A count in an editor's message as English writes it: "10,000".
std::string count_of(size_t n) { return format_number(english_locale(), static_cast<double>(n)); }

// Characters (code points) of UTF-8 text: its bytes that do not continue a character.
size_t characters_in(const std::string& text) {
    return static_cast<size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

const char* type_name(const Json& v) {
    switch (v.type()) {
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "an array";
        case Json::value_t::string: return "a string";
        case Json::value_t::boolean: return "true/false";
        case Json::value_t::null: return "null";
        default: return "a number";
    }
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

    bool is_object(const Json& v, const std::string& path) {
        if (v.is_object()) return true;
        error(path, std::string("expected an object, found ") + type_name(v), Check::Type);
        return false;
    }

    void check_keys(const Json& obj, const std::string& path, const std::vector<std::string>& allowed) {
        for (const auto& item : obj.items()) {
            if (std::find(allowed.begin(), allowed.end(), item.key()) != allowed.end()) continue;
            error(path_key(path, item.key()), "unknown key '" + item.key() + "'" + did_you_mean(item.key(), allowed),
                  Check::UnknownKey);
        }
    }

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

    const Json* field(const Json& obj, const std::string& path, const char* key, bool required) {
        auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) error(path_key(path, key), std::string("missing required key '") + key + "'", Check::Required);
            return nullptr;
        }
        return &*it;
    }

    bool text(const Json& obj, const std::string& path, const char* key, std::string& out, bool required) {
        const Json* v = field(obj, path, key, required);
        if (!v) return false;
        if (!v->is_string()) {
            error(path_key(path, key), std::string("expected a string, found ") + type_name(*v), Check::Type);
            return false;
        }
        out = v->get_ref<const std::string&>();
        if (out.find_first_not_of(" \t\r\n") == std::string::npos) {
            error(path_key(path, key), "must not be empty", Check::Empty);
            return false;
        }
        check_characters(path_key(path, key), out);
        check_links(path_key(path, key), out);
        check_size(path_key(path, key), out);
        return true;
    }

    // A text longer than kMaxTextChars, or else one with a word longer than kMaxWordChars: one error, at the text's
    // key or at the word. Either leaves the screens' sizes unchecked (they would only repeat it).
    void check_size(const std::string& path, const std::string& text) {
        if (text.size() <= kMaxWordChars) return;  // bytes: at least as many as characters
        const std::u32string decoded = decode_utf8(text);
        if (decoded.size() > kMaxTextChars) {
            error(path, "this text is " + count_of(decoded.size()) + " characters long; one text may have at most " +
                            count_of(kMaxTextChars) + ": split it or shorten it");
            sizes_refused_ = true;
            return;
        }
        size_t start = 0, longest = 0, longest_at = 0;
        for (size_t i = 0; i <= decoded.size(); ++i) {
            if (i < decoded.size() && !line_break_after(decoded[i])) continue;
            if (i - start > longest) {
                longest = i - start;
                longest_at = start;
            }
            start = i + 1;
        }
        if (longest <= kMaxWordChars) return;
        std::string word, shown;
        for (size_t i = longest_at; i < longest_at + longest; ++i) append_utf8(word, decoded[i]);
        for (size_t i = longest_at; i < longest_at + 12; ++i) append_utf8(shown, decoded[i]);
        error(path, "a word here runs " + count_of(longest) + " characters without a space (\"" + shown +
                        "...\"); a word may run at most " + count_of(kMaxWordChars) +
                        " before the line can break: add spaces or shorten it", Check::Rule, word);
        sizes_refused_ = true;
    }

    // True once a text broke a size limit.
    bool sizes_refused() const { return sizes_refused_; }

    // Every code point of the text read so far (the font atlas needs them), sorted and unique.
    std::u32string characters() const { return std::u32string(characters_.begin(), characters_.end()); }

    bool id(const Json& obj, const std::string& path, std::string& out) {
        if (!text(obj, path, "id", out, true)) return false;
        if (!valid_id(out)) {
            error(path_key(path, "id"), "'" + out +
                                            "' is not a valid id: use lowercase letters, digits, '-' and '_', "
                                            "starting with a letter or digit, at most 64 characters",
                  Check::Pattern);
            return false;
        }
        return true;
    }

    bool number(const Json& obj, const std::string& path, const char* key, double& out, bool required) {
        const Json* v = field(obj, path, key, required);
        if (!v) return false;
        if (!v->is_number()) {
            error(path_key(path, key), std::string("expected a number, found ") + type_name(*v), Check::Type);
            return false;
        }
        const double d = v->get<double>();
        if (!std::isfinite(d) || std::fabs(d) > 1e9) {
            error(path_key(path, key), "number is out of range (at most 1000000000 either way)");
            return false;
        }
        out = d;
        return true;
    }

    bool integer(const Json& obj, const std::string& path, const char* key, int& out, bool required) {
        double d = 0;
        if (!number(obj, path, key, d, required)) return false;
        if (d != std::floor(d)) {
            error(path_key(path, key), "expected a whole number", Check::Type);
            return false;
        }
        out = static_cast<int>(d);
        return true;
    }

    bool boolean(const Json& obj, const std::string& path, const char* key, bool& out) {
        const Json* v = field(obj, path, key, false);
        if (!v) return false;
        if (!v->is_boolean()) {
            error(path_key(path, key), std::string("expected true or false, found ") + type_name(*v), Check::Type);
            return false;
        }
        out = v->get<bool>();
        return true;
    }

    const Json* array(const Json& obj, const std::string& path, const char* key, bool required) {
        const Json* v = field(obj, path, key, required);
        if (!v) return nullptr;
        if (!v->is_array()) {
            error(path_key(path, key), std::string("expected an array, found ") + type_name(*v), Check::Type);
            return nullptr;
        }
        if (v->empty()) {
            error(path_key(path, key), "must not be empty", Check::Count);
            return nullptr;
        }
        return v;
    }

    // Notes the characters of `text` and tells the editor, once per text, of the first that cannot be drawn right:
    // an error for a script that needs shaping or right-to-left layout, a warning for one the fonts lack (drawn as
    // "?"), and a warning for a combining accent typed apart from its letter. The location points at it.
    void check_characters(const std::string& path, const std::string& text) {
        const std::u32string decoded = decode_utf8(text);
        char32_t refused = 0, system = 0, combining = 0;
        std::set<char32_t> system_all;
        for (char32_t c : decoded) {
            if (c < 0x80) continue;
            characters_.insert(c);
            const Drawing d = drawing_of(c);
            if (d == Drawing::Refused) {
                if (!refused) refused = c;
            } else if (d == Drawing::System) {
                if (!system) system = c;
                system_all.insert(c);
            } else if (combining_mark(c) && !combining) {
                combining = c;
            }
        }
        auto mark = [&](Severity severity, char32_t c, std::string message, Check check) {
            std::string at;
            append_utf8(at, c);
            out_.push_back({severity, path, std::move(message), 0, 0, check, {}, at});
        };
        if (refused) {
            mark(Severity::Error, refused,
                 describe_character(refused) + " belongs to a script written right to left or with joined letters, " +
                     "which the widget cannot draw correctly yet; this quiz cannot be shown in it",
                 Check::Script);
        }
        if (system) {
            const size_t others = system_all.size() - 1;
            mark(Severity::Warning, system,
                 describe_character(system) +
                     (others ? " and " + std::to_string(others) + (others == 1 ? " other character here are" : " other characters here are")
                             : " is") +
                     " not in the widget's fonts: the canvas draws '?' in " + (others ? "their" : "its") +
                     " place (screen readers, find and copy still get the real text)",
                 Check::Script);
        }
        if (combining) {
            mark(Severity::Warning, combining,
                 "an accent " + describe_character(combining) + " is typed apart from its letter" +
                     "; the page joins it to the letter before it where Unicode has one character for both (NFC), "
                     "otherwise it is drawn beside the letter: type the accented letter itself",
                 Check::Script);
        }
    }

    // A markdown link whose address a reader could not, or should not, open (javascript:, a relative path, ...).
    void check_links(const std::string& path, const std::string& text) {
        if (text.find("](") == std::string::npos) return;
        for (const std::string& href : links_in(text)) {
            std::string problem = link_problem(href);
            if (!problem.empty()) error(path, std::move(problem), Check::Rule, href);
        }
    }

private:
    // Where a line may break: after a space of any width, and after a Chinese or Japanese character.
    static bool line_break_after(char32_t c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
               c == 0x2028 || c == 0x2029 || c == 0x205F || (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
               (c >= 0xFF00 && c <= 0xFFEF);
    }

    std::set<char32_t> characters_;
    std::vector<Diagnostic>& out_;
    bool sizes_refused_ = false;
};

// Everything the loader needs while walking one document.
class QuizBuilder {
public:
    QuizBuilder(Quiz& quiz, std::vector<Diagnostic>& out) : quiz_(quiz), r_(out) {}

    void build(const Json& root) {
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

private:
    // ---- outcomes -------------------------------------------------------------------------------
    void read_outcomes(const Json& root) {
        const Json* list = r_.array(root, "", "outcomes", false);
        if (!list) return;
        if (list->size() > kMaxOutcomes) {
            r_.error("outcomes", "a quiz has at most " + std::to_string(kMaxOutcomes) + " outcomes, found " +
                                     std::to_string(list->size()), Check::Count);
            outcomes_refused_ = true;
            return;
        }
        std::unordered_set<std::string> seen;
        r_.each_object(*list, "outcomes", {"id", "title", "summary", "details", "requires", "next_steps", "cta", "image"}, [&](const Json& o, const std::string& path) {
            Outcome out;
            if (r_.id(o, path, out.id)) {
                unique(seen, out.id, path, "outcome");
                outcome_ids_.push_back(out.id);
                outcome_at_.emplace(out.id, static_cast<int>(quiz_.outcomes.size()));
            }
            r_.text(o, path, "title", out.title, true);
            r_.text(o, path, "summary", out.summary, true);
            r_.text(o, path, "details", out.details, false);
            read_cta(o, path, out.cta);
            read_image(o, path, out.image);
            quiz_.outcomes.push_back(std::move(out));
        });
    }

    // An outcome's call to action: {"label": "...", "url": "https://..."}, a button on its result.
    void read_cta(const Json& o, const std::string& path, CallToAction& out) {
        const Json* cta = r_.field(o, path, "cta", false);
        if (!cta) return;
        const std::string at = path_key(path, "cta");
        if (!r_.is_object(*cta, at)) return;
        r_.check_keys(*cta, at, {"label", "url"});
        r_.text(*cta, at, "label", out.label, true);
        if (r_.text(*cta, at, "url", out.url, true)) {
            const std::string problem = link_problem(out.url);
            if (!problem.empty()) r_.error(path_key(at, "url"), problem, Check::Pattern, out.url);
        }
    }

    // A picture: {"src": "images/a.jpg", "alt": "...", "width": 640, "height": 360}. The file is the page's to fetch
    // (the CLI checks that it exists); here its path must stay beside the quiz and its size within bounds.
    void read_image(const Json& o, const std::string& path, Image& out) {
        const Json* image = r_.field(o, path, "image", false);
        if (!image) return;
        const std::string at = path_key(path, "image");
        if (!r_.is_object(*image, at)) return;
        r_.check_keys(*image, at, {"src", "alt", "width", "height"});
        if (r_.text(*image, at, "src", out.src, true) && !image_path(out.src)) {
            r_.error(path_key(at, "src"), "'" + out.src + "' is not a picture beside the quiz: give a relative path such as "
                                          "images/desk.jpg (letters, digits, '-', '_', '.', '/', no '..'), ending in .png, "
                                          ".jpg, .jpeg, .webp or .gif", Check::Pattern, out.src);
        }
        r_.text(*image, at, "alt", out.alt, true);
        for (const char* key : {"width", "height"}) {
            int& side = key[0] == 'w' ? out.width : out.height;
            if (r_.integer(*image, at, key, side, true) && (side < 1 || side > kMaxImageSide))
                r_.error(path_key(at, key), "must be 1 to " + std::to_string(kMaxImageSide) + " (CSS pixels)", Check::Bound);
        }
        if (++images_ == kMaxImages + 1)
            r_.error(at, "a quiz has at most " + std::to_string(kMaxImages) + " pictures; this is one more", Check::Rule);
    }

    static bool image_path(const std::string& src) {
        if (src.empty() || src.front() == '/' || src.find("..") != std::string::npos) return false;
        for (char c : src)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.' && c != '/') return false;
        const size_t dot = src.find_last_of('.');
        if (dot == std::string::npos) return false;
        std::string ext = src.substr(dot + 1);
        for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return ext == "png" || ext == "jpg" || ext == "jpeg" || ext == "webp" || ext == "gif";
    }

    // `seen` holds the ids of one list so far.
    void unique(std::unordered_set<std::string>& seen, const std::string& id, const std::string& path, const char* what) {
        if (!seen.insert(id).second)
            r_.error(path_key(path, "id"), std::string("duplicate ") + what + " id '" + id + "'", Check::Duplicate);
    }

    // Index of a declared outcome (the first with that id), or -1.
    int outcome_index(const std::string& id) const {
        const auto found = outcome_at_.find(id);
        return found == outcome_at_.end() ? -1 : found->second;
    }

    // did_you_mean against a list that grows with the file (outcome or question ids). After a fixed number of
    // comparisons in all, later misses get no suggestion, so a file full of unknown names still loads in linear time.
    std::string suggest(const std::string& word, const std::vector<std::string>& candidates) {
        if (candidates.size() > suggestion_budget_) return std::string();
        suggestion_budget_ -= candidates.size();
        return did_you_mean(word, candidates);
    }

    // {"outcome-id": number, ...} -> resolved weights.
    std::vector<OutcomeWeight> read_weights(const Json& v, const std::string& path) {
        std::vector<OutcomeWeight> out;
        weights_seen_at_.push_back(path);
        if (!v.is_object()) {
            r_.error(path, std::string("expected an object of outcome weights, found ") + type_name(v), Check::Type);
            return out;
        }
        for (const auto& item : v.items()) {
            const std::string wpath = path_key(path, item.key());
            if (!item.value().is_number()) {
                r_.error(wpath, std::string("weight must be a number, found ") + type_name(item.value()), Check::Type);
                continue;
            }
            const int index = outcome_index(item.key());
            if (index < 0) {
                if (!quiz_.outcomes.empty())
                    r_.error(wpath, "unknown outcome '" + item.key() + "'" + suggest(item.key(), outcome_ids_), Check::Reference);
                continue;
            }
            const double w = item.value().get<double>();
            if (!std::isfinite(w) || std::fabs(w) > 1e6) {
                r_.error(wpath, "weight is out of range (at most 1000000 either way)");
                continue;
            }
            out.push_back({index, w});
        }
        return out;
    }

    void check_weights_need_outcomes() {
        if (!quiz_.outcomes.empty() || weights_seen_at_.empty() || outcomes_refused_) return;
        r_.error(weights_seen_at_.front(), "weights are given but the quiz declares no \"outcomes\"", Check::Reference);
    }

    // ---- questions ------------------------------------------------------------------------------
    void collect_question_ids(const Json& root) {
        auto sections = root.find("sections");
        if (sections == root.end() || !sections->is_array()) return;
        for (const auto& s : *sections) {
            if (!s.is_object()) continue;
            const auto ids = question_ids_in(s);
            declared_question_ids_.insert(ids.begin(), ids.end());
        }
    }

    void read_sections(const Json& root) {
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
            if (const Json* st = r_.field(s, path, "standalone", false)) read_standalone(*st, path_key(path, "standalone"), section.kind);
            if (const Json* c = r_.field(s, path, "show_if", false))
                section.show_if = read_condition(*c, path_key(path, "show_if"), Owner::Section, question_ids_in(s));
            section.first = static_cast<int>(quiz_.questions.size());
            const int section_index = static_cast<int>(quiz_.sections.size());
            quiz_.sections.push_back(section);
            if (const Json* qs = r_.array(s, path, "questions", true)) {
                for (size_t k = 0; k < qs->size(); ++k)
                    read_question((*qs)[k], path_index(path_key(path, "questions"), k), section_index);
            }
            quiz_.sections.back().count = static_cast<int>(quiz_.questions.size()) - section.first;
        });
    }

    void read_question(const Json& q, const std::string& path, int section_index) {
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
    void read_changeable(const Json& q, const std::string& path, Question& out) {
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
    void read_code(const Json& q, const std::string& path, Question& out) {
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

    static bool asks_what_code_prints(const std::string& prompt) {
        std::string lower = prompt;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return lower.find("what does this print") != std::string::npos;
    }

    // False when the option list breaks its size limit: it is then not read at all (one error, not one per option).
    bool read_options(const Json& q, const std::string& path, Question& out, bool knowledge) {
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

    void read_knowledge(const Json& q, const std::string& path, Question& out) {
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
            r_.error(cpath, "a knowledge question needs a correct answer: add \"correct\" with the id of the "
                            "right option" + std::string(out.kind == QuestionKind::Multiple ? "s" : ""),
                     Check::Required);
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

    void read_scale(const Json& q, const std::string& path, Question& out, bool knowledge) {
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
    void check_overlaps(const std::vector<ScaleRule>& rules, const std::vector<std::string>& paths) {
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

    static std::string fmt(double v) {
        std::string s = std::to_string(v);
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.') s.pop_back();
        return s;
    }

    // ---- conditions -----------------------------------------------------------------------------
    enum class Owner { Question, Section };

    // The ids of a section's questions, as written (they are read after the section's own condition).
    static std::unordered_set<std::string> question_ids_in(const Json& section) {
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

    // `own`: the ids of the questions the condition belongs to (the question itself, or the section's questions).
    Condition read_condition(const Json& c, const std::string& path, Owner owner, const std::unordered_set<std::string>& own) {
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
    void read_outcome_rules(const Json& root) {
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
    void read_decision_rules(const Json& root) {
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
    Rule read_rule(const Json& c, const std::string& path, int depth) {
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
    Rule read_requirements_leaf(const Json& c, const std::string& path) {
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

    // ---- strings: the widget's own words in the quiz's words ---------------------------------------
    void read_strings(const Json& root) {
        const Locale* found = find_locale(quiz_.language);
        const Locale& locale = found ? *found : english_locale();
        const Json* list = r_.field(root, "", "strings", false);
        if (list && r_.is_object(*list, "strings")) {
            std::vector<std::string> names;
            for (size_t k = 0; k < static_cast<size_t>(Key::Count); ++k) names.push_back(key_name(static_cast<Key>(k)));
            for (const auto& item : list->items()) {
                const std::string path = path_key("strings", item.key());
                WordOverride o;
                o.key = key_named(item.key());
                if (o.key == Key::Count) {
                    r_.error(path, "unknown widget string '" + item.key() + "'" + did_you_mean(item.key(), names) +
                                       "; the names are listed in docs/content-format.md, section 15",
                             Check::UnknownKey);
                    continue;
                }
                const Json& v = item.value();
                if (v.is_object() && counted(o.key)) {
                    for (const auto& form : v.items()) read_plural_form(o, form.key(), form.value(), path, locale);
                    if (!v.contains("other"))
                        r_.error(path_key(path, "other"), "missing required key 'other': the form for every count no "
                                                          "other category covers", Check::Required);
                } else if (v.is_object()) {
                    r_.error(path, "'" + item.key() + "' takes no count: give it one string", Check::Type);
                } else if (!v.is_string()) {
                    r_.error(path, std::string("expected a string") + (counted(o.key) ? " or an object of plural forms" : "") +
                                       ", found " + type_name(v), Check::Type);
                } else {
                    read_string_text(o.key, v, path, o.forms[static_cast<int>(Plural::Other)]);
                }
                quiz_.strings.push_back(std::move(o));
            }
        }
        if (has_words(quiz_.language)) return;
        size_t english = static_cast<size_t>(Key::Count) - quiz_.strings.size();
        if (english > 0)
            r_.warning(root.contains("language") ? "language" : "",
                       "the widget has no words of its own for '" + quiz_.language + "', so " + std::to_string(english) +
                           " of its " + std::to_string(static_cast<size_t>(Key::Count)) +
                           " strings (buttons, progress, headings, notices) will be English unless given in \"strings\"");
    }

    void read_plural_form(WordOverride& o, const std::string& name, const Json& text, const std::string& path,
                          const Locale& locale) {
        const std::string p = path_key(path, name);
        std::string used;
        int category = -1;
        for (int c = 0; c < kPluralCount; ++c) {
            if (!(locale.plurals & (1u << c))) continue;
            used += std::string(used.empty() ? "" : ", ") + plural_name(static_cast<Plural>(c));
            if (name == plural_name(static_cast<Plural>(c))) category = c;
        }
        if (category < 0) {
            bool cldr = false;
            for (int c = 0; c < kPluralCount; ++c) cldr = cldr || name == plural_name(static_cast<Plural>(c));
            r_.error(p, (cldr ? "'" + quiz_.language + "' has no '" + name + "' form" : "unknown plural category '" + name + "'") +
                            ": its counts take " + used + " (CLDR plural rules)",
                     cldr ? Check::Rule : Check::UnknownKey);
            return;
        }
        read_string_text(o.key, text, p, o.forms[category]);
    }

    // One text of a widget string: a string, not blank, with no placeholder the key does not fill.
    void read_string_text(Key key, const Json& v, const std::string& path, std::string& out) {
        if (!v.is_string()) {
            r_.error(path, std::string("expected a string, found ") + type_name(v), Check::Type);
            return;
        }
        const std::string& text = v.get_ref<const std::string&>();
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
            r_.error(path, "must not be empty", Check::Empty);
            return;
        }
        const Catalogue english;
        std::vector<std::string> has = placeholders(english.form(key, Plural::One) + english.form(key, Plural::Other));
        auto listed = [](const std::vector<std::string>& list) {
            std::string out;
            for (const auto& p : list) out += (out.empty() ? "" : ", ") + p;
            return list.empty() ? std::string("none") : out;
        };
        for (const std::string& p : placeholders(text))
            if (std::find(has.begin(), has.end(), p) == has.end())
                r_.error(path, "'" + std::string(key_name(key)) + "' fills no " + p + "; its placeholders are " + listed(has));
        for (const std::string& p : has)
            if (p != "{n}" && text.find(p) == std::string::npos)
                r_.warning(path, "leaves out " + p + ", which '" + key_name(key) + "' fills in; the reader will not see it");
        r_.check_characters(path, text);  // drawn, linked and sized like every other text
        r_.check_links(path, text);
        r_.check_size(path, text);
        out = text;
    }

    // ---- bands, tie, extras ---------------------------------------------------------------------
    void read_bands(const Json& root) {
        const bool knowledge = std::any_of(quiz_.sections.begin(), quiz_.sections.end(),
                                           [](const Section& s) { return s.kind == SectionKind::Knowledge; });
        const Json* list = r_.array(root, "", "bands", false);
        if (!list) {
            if (knowledge && !root.contains("bands"))  // a present but broken list has its own error
                r_.error("bands", "knowledge sections need score \"bands\" covering 0 to 100 percent", Check::Required);
            return;
        }
        if (!knowledge) r_.warning("bands", "bands are unused: the quiz has no knowledge section");
        std::unordered_set<std::string> ids;
        std::vector<std::pair<Band, std::string>> bands;
        r_.each_object(*list, "bands", {"id", "title", "feedback", "min", "max", "weights"}, [&](const Json& b, const std::string& path) {
            Band band;
            if (r_.id(b, path, band.id)) unique(ids, band.id, path, "band");
            r_.text(b, path, "title", band.title, true);
            r_.text(b, path, "feedback", band.feedback, true);
            const bool has_min = r_.number(b, path, "min", band.min, true);
            const bool ok = r_.number(b, path, "max", band.max, true) && has_min;
            if (const Json* w = r_.field(b, path, "weights", false)) band.weights = read_weights(*w, path_key(path, "weights"));
            if (!ok) return;
            if (band.min < 0 || band.max > 100 || band.min >= band.max) {
                r_.error(path, "a band needs 0 <= min < max <= 100 (percent)",
                         band.min < 0 || band.max > 100 ? Check::Bound : Check::Rule);
                return;
            }
            bands.push_back({band, path});
        });
        std::stable_sort(bands.begin(), bands.end(), [](const auto& a, const auto& b) { return a.first.min < b.first.min; });
        double reached = 0;
        for (size_t i = 0; i < bands.size(); ++i) {
            const Band& b = bands[i].first;
            if (b.min > reached)
                r_.error(bands[i].second, "gap in the score bands: no band covers " + fmt(reached) + " to " + fmt(b.min) + " percent");
            else if (b.min < reached)
                r_.error(bands[i].second, "band '" + b.id + "' overlaps the band before it: it starts at " + fmt(b.min) +
                                              " but the previous one runs to " + fmt(reached));
            reached = std::max(reached, b.max);
            quiz_.bands.push_back(b);
            band_paths_.push_back(bands[i].second);
        }
        if (!bands.empty() && reached < 100)
            r_.error(bands.back().second, "gap in the score bands: no band covers " + fmt(reached) + " to 100 percent");
    }

    void read_tie(const Json& root) {
        const Json* t = r_.field(root, "", "tie", false);
        if (!t || !r_.is_object(*t, "tie") || outcomes_refused_) return;
        r_.check_keys(*t, "tie", {"between", "margin", "unit", "winner"});
        TieRule tie;
        std::string winner;
        if (r_.text(*t, "tie", "winner", winner, true)) {
            tie.winner = outcome_index(winner);
            if (tie.winner < 0)
                r_.error("tie.winner", "unknown outcome '" + winner + "'" + suggest(winner, outcome_ids_), Check::Reference);
        }
        if (r_.number(*t, "tie", "margin", tie.margin, true) && tie.margin < 0)
            r_.error("tie.margin", "must not be negative", Check::Bound);
        std::string unit = "points";
        if (r_.text(*t, "tie", "unit", unit, false)) {
            if (unit == "percent") tie.unit = TieUnit::Percent;
            else if (unit != "points")
                r_.error("tie.unit", "unknown unit '" + unit + "'; use \"points\" or \"percent\"", Check::Enum);
        }
        if (const Json* between = r_.array(*t, "tie", "between", false)) {
            std::vector<bool> listed(quiz_.outcomes.size(), false);
            for (size_t i = 0; i < between->size(); ++i) {
                const Json& v = (*between)[i];
                const std::string p = path_index("tie.between", i);
                const int index = v.is_string() ? outcome_index(v.get<std::string>()) : -1;
                if (index < 0 && v.is_string())
                    r_.error(p, "unknown outcome '" + v.get<std::string>() + "'" + suggest(v.get<std::string>(), outcome_ids_),
                             Check::Reference);
                else if (index < 0) r_.error(p, std::string("expected an outcome id, found ") + type_name(v), Check::Type);
                else if (index == tie.winner) r_.error(p, "the winner cannot also be one of the tied outcomes");
                else if (listed[index]) r_.error(p, "outcome '" + v.get<std::string>() + "' is listed twice", Check::Duplicate);
                else {
                    listed[index] = true;
                    tie.between.push_back(index);
                }
            }
            if (between->size() == 1) r_.error("tie.between", "name at least two outcomes", Check::Count);
        } else {
            for (int i = 0; i < static_cast<int>(quiz_.outcomes.size()); ++i)
                if (i != tie.winner) tie.between.push_back(i);
        }
        tie.present = tie.winner >= 0;
        quiz_.tie = tie;
    }

    void read_faq(const Json& root) {
        const Json* list = r_.array(root, "", "faq", false);
        if (!list) return;
        std::unordered_set<std::string> ids;
        r_.each_object(*list, "faq", {"id", "q", "a"}, [&](const Json& f, const std::string& path) {
            FaqEntry e;
            if (r_.id(f, path, e.id)) unique(ids, e.id, path, "faq");
            r_.text(f, path, "q", e.question, true);
            r_.text(f, path, "a", e.answer, true);
            quiz_.faq.push_back(std::move(e));
        });
    }

    // A knowledge section's own quiz, written by scripts/derive.py at build time: only checked here.
    void read_standalone(const Json& st, const std::string& path, SectionKind kind) {
        if (kind != SectionKind::Knowledge) {
            r_.error(path, "\"standalone\" is for knowledge sections only (it makes a quiz of their questions)", Check::NotHere);
            return;
        }
        if (!r_.is_object(st, path)) return;
        r_.check_keys(st, path, {"id", "title", "intro"});
        std::string id, text;
        if (r_.id(st, path, id) && id == quiz_.id)
            r_.error(path_key(path, "id"), "the standalone quiz needs an id of its own, not the quiz's '" + id + "'");
        r_.text(st, path, "title", text, true);
        r_.text(st, path, "intro", text, false);
    }

    static bool currency_code(const std::string& code) {
        return code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    }

    // "year" or "month" at obj.period; Period::None when absent or unknown (unknown is an error).
    Period read_period(const Json& obj, const std::string& path) {
        std::string word;
        if (!r_.text(obj, path, "period", word, false)) return Period::None;
        if (word == "year") return Period::Year;
        if (word == "month") return Period::Month;
        r_.error(path_key(path, "period"), "unknown period '" + word + "'; use \"year\" or \"month\"" +
                                               did_you_mean(word, {"year", "month"}), Check::Enum);
        return Period::None;
    }

    void read_ranges(const Json& root) {
        const Json* c = r_.field(root, "", "ranges", false);
        if (!c || !r_.is_object(*c, "ranges")) return;
        r_.check_keys(*c, "ranges", {"title", "currency", "period", "items", "assumption", "note"});
        RangeChart& chart = quiz_.ranges;
        bool ok = r_.text(*c, "ranges", "title", chart.title, true);
        if (r_.text(*c, "ranges", "currency", chart.currency, false) && !currency_code(chart.currency)) {
            r_.error("ranges.currency", "'" + chart.currency + "' is not a currency code: use three capital letters such as USD",
                     Check::Pattern);
            chart.currency.clear();
        }
        chart.period = read_period(*c, "ranges");
        r_.text(*c, "ranges", "assumption", chart.assumption, false);
        r_.text(*c, "ranges", "note", chart.note, false);
        const Json* list = r_.array(*c, "ranges", "items", true);
        if (!list) return;
        std::unordered_set<std::string> ids;
        bool converted = false;
        r_.each_object(*list, "ranges.items", {"id", "label", "low", "high", "period"}, [&](const Json& i, const std::string& path) {
            RangeItem item;
            if (r_.id(i, path, item.id)) unique(ids, item.id, path, "range item");
            ok = r_.text(i, path, "label", item.label, true) && ok;
            const bool low = r_.number(i, path, "low", item.low, true), high = r_.number(i, path, "high", item.high, true);
            if (low && item.low < 0) r_.error(path_key(path, "low"), "must be 0 or more", Check::Bound);
            if (high && item.high < 0) r_.error(path_key(path, "high"), "must be 0 or more", Check::Bound);
            if (low && high && item.low > item.high)
                r_.error(path_key(path, "high"), "must not be below low (" + format_number(item.low) + ")");
            ok = ok && low && high && item.low >= 0 && item.low <= item.high;
            item.period = read_period(i, path);
            if (item.period == Period::None) item.period = chart.period;
            else if (chart.period == Period::None)
                r_.error(path_key(path, "period"), "an item's period needs a \"period\" for the whole chart to compare in");
            converted = converted || (chart.period != Period::None && item.period != chart.period);
            chart.items.push_back(std::move(item));
        });
        if (converted && chart.assumption.empty())
            r_.error("ranges", "items given per month are compared per year (x 12): say so in \"assumption\"");
        chart.present = ok;
    }

    void read_related(const Json& root) {
        const Json* l = r_.field(root, "", "related", false);
        if (!l || !r_.is_object(*l, "related")) return;
        r_.check_keys(*l, "related", {"quiz", "label", "results_label"});
        RelatedQuiz& related = quiz_.related;
        bool ok = r_.text(*l, "related", "quiz", related.quiz, true);
        // A file on this site, beside this quiz or below it: no scheme, no absolute path.
        if (ok && (related.quiz.find(':') != std::string::npos || related.quiz[0] == '/' || related.quiz.size() < 6 ||
                   related.quiz.compare(related.quiz.size() - 5, 5, ".json") != 0)) {
            r_.error("related.quiz", "'" + related.quiz + "' should be a quiz file beside this one, such as other-quiz.json",
                     Check::Pattern);
            ok = false;
        }
        ok = r_.text(*l, "related", "label", related.label, true) && ok;
        if (!r_.text(*l, "related", "results_label", related.results_label, false)) related.results_label = related.label;
        related.present = ok;
    }

    // A question in an outcome section that moves no outcome and steers no branch does nothing.
    void check_unused_questions() {
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

    // ---- the text of each screen ----------------------------------------------------------------
    // All the text one screen can hold with every part opened, and where its longest text is written.
    struct ScreenText {
        size_t total = 0, longest = 0;
        std::string longest_at;
        // `text` written at key `key` of the object at `base` (the path is made only for the longest so far).
        void add(const std::string& text, const std::string& base, const char* key) {
            const size_t n = characters_in(text);
            total += n;
            if (n > longest) {
                longest = n;
                longest_at = path_key(base, key);
            }
        }
        void add(const ScreenText& other) {
            total += other.total;
            if (other.longest > longest) {
                longest = other.longest;
                longest_at = other.longest_at;
            }
        }
    };

    // Each question's screen and the results for each outcome, every FAQ entry and review row open, against
    // kMaxScreenChars: one error for each screen over it (for the results, the largest), at its longest text. The
    // start screen's few texts cannot reach it; the widget's own words and the "why" lines (at most four) are not
    // counted.
    void check_screens() {
        ScreenText shared;  // what every result shows
        for (size_t i = 0; i < quiz_.questions.size(); ++i) {
            const Question& q = quiz_.questions[i];
            const Section& section = quiz_.sections[q.section];
            const std::string qpath = question_path(static_cast<int>(i)), spath = path_index("sections", q.section);
            const std::string options = path_key(qpath, "options");
            ScreenText own;
            own.add(section.title, spath, "title");
            own.add(section.intro, spath, "intro");
            own.add(q.prompt, qpath, "prompt");
            own.add(q.code, qpath, "code");
            own.add(q.explanation, qpath, "explanation");
            for (size_t k = 0; k < q.options.size(); ++k)
                own.add(q.options[k].label, path_index(options, k), "label");
            screen_limit(own, "the screen of question", q.id);
            if (q.scored) {
                shared.add(q.prompt, qpath, "prompt");
                shared.add(q.code, qpath, "code");
                shared.add(q.explanation, qpath, "explanation");
                for (size_t k = 0; k < q.options.size(); ++k) {
                    const std::string opath = path_index(options, k);
                    shared.add(q.options[k].label, opath, "label");
                    shared.add(q.options[k].explanation, opath, "explanation");
                }
            }
            shared.add(q.tipped, qpath, "tipped");
        }
        ScreenText band;
        for (size_t i = 0; i < quiz_.bands.size(); ++i) {
            ScreenText one;
            one.add(quiz_.bands[i].title, band_paths_[i], "title");
            one.add(quiz_.bands[i].feedback, band_paths_[i], "feedback");
            if (one.total > band.total) band = one;
        }
        shared.add(band);
        shared.add(quiz_.ranges.title, "ranges", "title");
        shared.add(quiz_.ranges.assumption, "ranges", "assumption");
        shared.add(quiz_.ranges.note, "ranges", "note");
        for (size_t i = 0; i < quiz_.ranges.items.size(); ++i)
            shared.add(quiz_.ranges.items[i].label, path_index("ranges.items", i), "label");
        for (size_t i = 0; i < quiz_.faq.size(); ++i) {
            shared.add(quiz_.faq[i].question, path_index("faq", i), "q");
            shared.add(quiz_.faq[i].answer, path_index("faq", i), "a");
        }
        shared.add(quiz_.related.results_label, "related", "results_label");
        ScreenText results = shared, largest;  // the largest outcome's own texts
        const std::string* largest_id = nullptr;
        for (size_t i = 0; i < quiz_.outcomes.size(); ++i) {
            const Outcome& o = quiz_.outcomes[i];
            const std::string opath = path_index("outcomes", i);
            results.add(o.title, opath, "title");  // in the chart of totals; its result shows it again above
            ScreenText own;
            own.add(o.title, opath, "title");
            own.add(o.summary, opath, "summary");
            own.add(o.details, opath, "details");
            own.add(o.cta.label, path_key(opath, "cta"), "label");
            for (size_t k = 0; k < o.requirements.size(); ++k)
                own.add(o.requirements[k].missing, path_index(path_key(opath, "requires"), k), "missing");
            for (size_t k = 0; k < o.next_steps.size(); ++k)
                own.add(o.next_steps[k].text, path_index(path_key(opath, "next_steps"), k), "text");
            if (own.total > largest.total) {
                largest = own;
                largest_id = &o.id;
            }
        }
        results.add(largest);
        screen_limit(results, largest_id ? "the results screen for outcome" : "the results screen",
                     largest_id ? *largest_id : std::string());
    }

    // `what` names the screen, with the id of its question or outcome when `id` is not empty.
    void screen_limit(const ScreenText& screen, const char* what, const std::string& id) {
        if (screen.total <= kMaxScreenChars) return;
        const std::string which = id.empty() ? std::string(what) : std::string(what) + " \"" + id + "\"";
        r_.error(screen.longest_at, which + " holds " + count_of(screen.total) + " characters with every part open, " +
                                        "this text the longest of them; a screen shows at most " +
                                        count_of(kMaxScreenChars) + ": shorten its texts or move some elsewhere");
    }

    std::string question_path(int index) const {
        const Question& q = quiz_.questions[index];
        const Section& s = quiz_.sections[q.section];
        return path_index(path_key(path_index("sections", q.section), "questions"), index - s.first);
    }

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

}  // namespace

LoadResult load_quiz(std::string_view text, bool reachability) {
    LoadResult result;
    Json root;
    if (parse_json(text, root, result.diagnostics)) {
        QuizBuilder(result.quiz, result.diagnostics).build(root);
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
