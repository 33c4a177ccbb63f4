// Benchmark: load + validate + score a generated 10,000-question quiz with the real core, and the
// same for the shipped default quiz. Prints milliseconds (median of several runs); asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/loader.h"
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
double median_ms(int runs, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto a = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

}  // namespace

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
    }
    return 0;
}
