// Crossroads core, the loader's last check: all the text one screen can hold with every part opened, each question's
// screen and the results, against kMaxScreenChars, so what one frame lays out stays bounded.
#include "loader_internal.h"

namespace cr::loader {

// All the text one screen can hold with every part opened, and where its longest text is written.
struct QuizBuilder::ScreenText {
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
void QuizBuilder::check_screens() {
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
void QuizBuilder::screen_limit(const ScreenText& screen, const char* what, const std::string& id) {
    if (screen.total <= kMaxScreenChars) return;
    const std::string which = id.empty() ? std::string(what) : std::string(what) + " \"" + id + "\"";
    r_.error(screen.longest_at, which + " holds " + count_of(screen.total) + " characters with every part open, " +
                                    "this text the longest of them; a screen shows at most " +
                                    count_of(kMaxScreenChars) + ": shorten its texts or move some elsewhere");
}

}  // namespace cr::loader
