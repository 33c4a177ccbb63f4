// Benchmark: load + validate + score a generated 10,000-question quiz with the real core, and the
// same for the shipped default quiz; then each kind of list at n, 2n and 4n items, with the time ratios
// (about 2 and 4 when the work grows linearly). Prints milliseconds (median of several runs); asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/advice.h"
#include "core/loader.h"
#include "core/markdown.h"
#include "core/report.h"
#include "core/scoring.h"

namespace {

std::string generated_quiz(int questions) {
    std::string s = R"({"format":1,"id":"big","version":1,"title":"Generated","outcomes":[)"
                    R"({"id":"a","title":"A","summary":"a"},{"id":"b","title":"B","summary":"b"},{"id":"c","title":"C","summary":"c"}],)"
                    R"("tie":{"between":["a","b"],"margin":1,"winner":"c"},"sections":[{"id":"s","title":"S","questions":[)";
    for (int i = 0; i < questions; ++i) {
        if (i) s += ",";
        const std::string id = "q" + std::to_string(i);
        s += R"({"id":")" + id + R"(","type":"single","prompt":"Question )" + std::to_string(i) + R"(?","options":[)"
             R"({"id":"x","label":"First","weights":{"a":1}},{"id":"y","label":"Second","weights":{"b":1}},)"
             R"({"id":"z","label":"Third","weights":{"a":-1,"b":1}}]})";
    }
    return s + "]}]}";
}

template <typename F>
std::vector<double> sorted_ms(int runs, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto a = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return t;
}

template <typename F>
double median_ms(int runs, F&& f) {
    const std::vector<double> t = sorted_ms(runs, f);
    return t[t.size() / 2];
}

// ---- one generated file per kind of list, each list `n` long ------------------------------------------

const std::string kHead = R"("format":1,"id":"big","version":1,"title":"Generated",)";
const std::string kTwoOutcomes = R"("outcomes":[{"id":"a","title":"A","summary":"a"},{"id":"b","title":"B","summary":"b"}],)";

std::string options_quiz(int n) {  // one question with n options: over 12, refused without reading them
    std::string s = "{" + kHead + kTwoOutcomes + R"("sections":[{"id":"s","title":"S","questions":[{"id":"q","type":"single","prompt":"P","options":[)";
    for (int i = 0; i < n; ++i) s += std::string(i ? "," : "") + R"({"id":"o)" + std::to_string(i) + R"(","label":"L","weights":{"a":1}})";
    return s + "]}]}]}";
}

std::string question_text(int i, const std::string& show_if = "") {
    return R"({"id":"q)" + std::to_string(i) + R"(","type":"single","prompt":"P",)" + show_if +
           R"("options":[{"id":"x","label":"X","weights":{"a":1}},{"id":"y","label":"Y","weights":{"b":1}}]})";
}

std::string questions_quiz(int n) {
    std::string s = "{" + kHead + kTwoOutcomes + R"("sections":[{"id":"s","title":"S","questions":[)";
    for (int i = 0; i < n; ++i) s += (i ? "," : "") + question_text(i);
    return s + "]}]}";
}

std::string sections_quiz(int n) {
    std::string s = "{" + kHead + kTwoOutcomes + R"("sections":[)";
    for (int i = 0; i < n; ++i)
        s += std::string(i ? "," : "") + R"({"id":"s)" + std::to_string(i) + R"(","title":"S","questions":[)" + question_text(i) + "]}";
    return s + "]}";
}

std::string conditions_quiz(int n) {  // every question after the first shown only for one answer of the one before
    std::string s = "{" + kHead + kTwoOutcomes + R"("sections":[{"id":"s","title":"S","questions":[)";
    for (int i = 0; i < n; ++i)
        s += (i ? "," : "") + question_text(i, i ? R"("show_if":{"question":"q)" + std::to_string(i - 1) + R"(","any_of":["x"]},)" : "");
    return s + "]}]}";
}

std::string outcomes_quiz(int n) {  // n outcomes (at most 100), 2000 questions whose options favour them in turn
    std::string s = "{" + kHead + R"("outcomes":[)";
    for (int i = 0; i < n; ++i) s += std::string(i ? "," : "") + R"({"id":"o)" + std::to_string(i) + R"(","title":"T","summary":"S"})";
    s += R"(],"sections":[{"id":"s","title":"S","questions":[)";
    const auto favour = [&](int k) { return R"({"o)" + std::to_string(k % n) + R"(":1})"; };
    for (int i = 0; i < 2000; ++i)
        s += std::string(i ? "," : "") + R"({"id":"q)" + std::to_string(i) + R"(","type":"single","prompt":"P","options":[)" +
             R"({"id":"x","label":"X","weights":)" + favour(i) + R"(},{"id":"y","label":"Y","weights":)" + favour(i + 1) + "}]}";
    return s + "]}]}";
}

std::string bands_quiz(int n) {  // n touching score bands over a one-question knowledge section
    std::string s = "{" + kHead + R"("sections":[{"id":"k","title":"K","kind":"knowledge","questions":[)"
                    R"({"id":"q","type":"true_false","prompt":"P","correct":true,"explanation":"E"}]}],"bands":[)";
    for (int i = 0; i < n; ++i)
        s += std::string(i ? "," : "") + R"({"id":"b)" + std::to_string(i) + R"(","title":"T","feedback":"F","min":)" +
             std::to_string(100.0 * i / n) + R"(,"max":)" + std::to_string(i + 1 == n ? 100.0 : 100.0 * (i + 1) / n) + "}";
    return s + "]}";
}

std::string markdown_text(int n) {  // n blocks: paragraphs, bullets and table rows in turn
    std::string s;
    for (int i = 0; i < n; ++i)
        s += i % 3 == 0 ? "A **bold** paragraph.\n\n" : i % 3 == 1 ? "- a bullet\n" : "| cell | **cell** |\n";
    return s;
}

struct ListKind {
    const char* name;
    int n;  // 4n stays below the kind's limit (and the 16 MB file limit)
    std::string (*make)(int);
    bool markdown = false;
};

void list_growth() {
    const ListKind kinds[] = {
        {"options (one question)", 50000, options_quiz},
        {"questions", 10000, questions_quiz},
        {"sections", 10000, sections_quiz},
        {"outcomes", 25, outcomes_quiz},
        {"bands", 10000, bands_quiz},
        {"conditions (show_if)", 10000, conditions_quiz},
        {"markdown blocks", 100000, markdown_text, true},
    };
    std::printf("\nEach kind of list at n, 2n and 4n (fastest of 5 loads; markdown: parse only)\n");
    std::printf("%-24s %9s %10s %10s %10s %8s %8s\n", "list", "n", "n (ms)", "2n (ms)", "4n (ms)", "2n/n", "4n/n");
    for (const ListKind& kind : kinds) {
        double ms[3];
        for (int k = 0; k < 3; ++k) {
            const std::string text = kind.make(kind.n << k);
            // The fastest of 5: other work on the machine only ever adds time.
            if (kind.markdown) ms[k] = sorted_ms(5, [&] { (void)cr::parse_markdown(text); }).front();
            else ms[k] = sorted_ms(5, [&] { (void)cr::load_quiz(text); }).front();
        }
        std::printf("%-24s %9d %10.1f %10.1f %10.1f %8.2f %8.2f\n", kind.name, kind.n, ms[0], ms[1], ms[2], ms[1] / ms[0],
                    ms[2] / ms[0]);
    }
}

}  // namespace

// "What would change your result" for readers of the shipped quiz (target: under 5 ms each).
void what_would_change_ms(const cr::Quiz& quiz) {
    const char* readers[] = {
        "background=self-taught,work-history=other-field,portfolio=nothing,syntax=basic,solo-comfort=5,focus=deliver,"
        "finances=no,company-aim=local,take-readiness=no",
        "background=recent-grad,work-history=none,portfolio=several-full-stack,explain-architecture=confident,"
        "syntax=advanced,solo-comfort=7,focus=foot-in-door,finances=yes,company-aim=top-10,take-readiness=no",
        "background=student,work-history=none,portfolio=one,explain-architecture=partly,syntax=basic,solo-comfort=4,"
        "focus=learn,finances=yes,company-aim=any,take-readiness=no"};
    for (const char* spec : readers) {
        cr::Answers answers;
        std::string error;
        if (!cr::parse_answers(quiz, spec, answers, error)) {
            std::printf("what would change: cannot parse answers: %s\n", error.c_str());
            continue;
        }
        size_t found = 0;
        const double ms = median_ms(21, [&] {
            found = 0;
            for (const auto& path : cr::what_would_change(quiz, answers)) found += path.found ? 1 : 0;
        });
        std::printf("what would change (%zu of 2 outcomes found): %.3f ms (median of 21) for %.40s...\n", found, ms, spec);
    }
}

int main(int argc, char** argv) {
    const std::string big = generated_quiz(10000);
    std::printf("generated quiz: 10000 questions, %zu bytes\n", big.size());
    cr::LoadResult loaded;
    const double load = median_ms(5, [&] { loaded = cr::load_quiz(big); });
    std::printf("load + validate (10000 questions): %.1f ms (median of 5), ok=%d\n", load, loaded.ok);
    cr::Answers answers(loaded.quiz.questions.size());
    for (size_t i = 0; i < answers.size(); ++i) answers[i] = {true, {static_cast<int>(i % 3)}, 0};
    cr::Result r;
    const double score = median_ms(5, [&] { r = cr::score(loaded.quiz, answers); });
    std::printf("score (10000 answers): %.2f ms (median of 5), outcome=%d\n", score, r.decision.chosen);
    // Many errors in one big file: each needs a line:column (done in one pass over the text).
    std::string broken = R"({"format":1,"id":"bad","version":1,"title":"T","sections":[{"id":"s","title":"S","questions":[)";
    for (int i = 0; i < 40000; ++i)
        broken += std::string(i ? ",\n" : "\n") + R"({"id":"q)" + std::to_string(i) + R"(","type":"bogus","prompt":"P"})";
    broken += "]}]}";
    const double located = median_ms(3, [&] { loaded = cr::load_quiz(broken); });
    std::printf("load a file with 40000 errors and locate them all: %.1f ms (median of 3), %zu diagnostics\n", located,
                loaded.diagnostics.size());
    if (argc > 1) {
        std::ifstream in(argv[1], std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        const double shipped = median_ms(21, [&] { loaded = cr::load_quiz(text.str()); });
        std::printf("load + validate %s: %.2f ms (median of 21)\n", argv[1], shipped);
        what_would_change_ms(loaded.quiz);
    }
    list_growth();
    return 0;
}
