// A second quiz on another topic (tests/fixtures/data-path.json: data analyst or data scientist) works with no
// change to the code: it loads without a warning, scores as written, and nothing the widget writes for it (the
// copied result, the report JSON, the page state) carries a word of the shipped python-path article.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "core/protocol.h"
#include "core/report.h"
#include "core/session.h"
#include "helpers.h"

namespace {

const char* const kArticleWords[] = {"python", "internship", "junior", "salary", "readiness", "double application"};

// The first article word in `text` (any case), or "" when there is none.
std::string article_word_in(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* word : kArticleWords)
        if (text.find(word) != std::string::npos) return word;
    return std::string();
}

cr::Answers answers(const cr::Quiz& quiz, const char* spec) {
    cr::Answers out;
    std::string error;
    REQUIRE_MESSAGE(cr::parse_answers(quiz, spec, out, error), error);
    return out;
}

std::string chosen(const cr::Quiz& quiz, const cr::Result& r) { return quiz.outcomes[r.decision.chosen].id; }

}  // namespace

TEST_CASE("second quiz: data-path loads with no error and no warning") {
    const cr::Quiz quiz = crt::load_fixture("data-path.json");
    CHECK(quiz.outcomes.size() == 3);
    CHECK(cr::knowledge_title(quiz) == "Data basics check");
    CHECK(quiz.related.quiz == "data-basics.json");
    CHECK(quiz.ranges.items.size() == 2);
}

TEST_CASE("second quiz: answer sets score to the outcome the file describes") {
    const cr::Quiz quiz = crt::load_fixture("data-path.json");
    SUBCASE("charts, little statistics, no queries: analyst") {
        const cr::Result r = cr::score(quiz, answers(quiz, "enjoy=charts,statistics=2,queries=never,take-check=no"));
        CHECK(chosen(quiz, r) == "analyst");
        CHECK(r.totals == std::vector<double>{6, 0, 0});
        CHECK_FALSE(r.has_knowledge);
    }
    SUBCASE("models, statistics and a solid check: scientist, the band counting") {
        const cr::Result r = cr::score(quiz, answers(quiz, "enjoy=models,statistics=9,queries=often,take-check=yes,"
                                                           "mean-median=true,correlation=related,join=left"));
        CHECK(chosen(quiz, r) == "scientist");
        CHECK(r.totals == std::vector<double>{0, 8, 0});
        CHECK(quiz.bands[r.band].id == "solid");
    }
    SUBCASE("one point apart: the tie rule keeps both doors open") {
        const cr::Result r = cr::score(quiz, answers(quiz, "enjoy=both-tasks,statistics=5,queries=often,take-check=no"));
        CHECK(chosen(quiz, r) == "both");
        CHECK(r.decision.tie_fired);
    }
}

TEST_CASE("second quiz: the band's reason is named by the knowledge section, the chart by the file's words") {
    const cr::Quiz quiz = crt::load_fixture("data-path.json");
    const cr::Answers a = answers(quiz, "enjoy=models,statistics=5,queries=sometimes,take-check=yes,"
                                        "mean-median=true,correlation=related,join=left");
    const cr::Result r = cr::score(quiz, a);
    const auto band = std::find_if(r.contributions.begin(), r.contributions.end(), [](const cr::Contribution& c) { return c.band >= 0; });
    REQUIRE(band != r.contributions.end());
    CHECK(cr::reason_text(quiz, a, *band).source == "\"Solid basics\" (Data basics check): +2 Aim for a data scientist role");
    CHECK(cr::range_text(quiz.ranges, quiz.ranges.items[0]) == "\xE2\x82\xAC" "24,000 - \xE2\x82\xAC" "36,000 a year (\xE2\x82\xAC" "2,000 - \xE2\x82\xAC" "3,000 a month, x 12)");
    CHECK(cr::range_text(quiz.ranges, quiz.ranges.items[1]) == "\xE2\x82\xAC" "30,000 - \xE2\x82\xAC" "50,000 a year");
}

TEST_CASE("second quiz: the picked option's explanation follows its reason, in the copied result too") {
    const cr::Quiz quiz = crt::load_fixture("data-path.json");
    const cr::Answers a = answers(quiz, "enjoy=charts,statistics=2,queries=never,take-check=no");
    const std::string text = cr::result_text(quiz, a, cr::score(quiz, a));
    CHECK(text.find("- \"Making a clear chart for a team meeting\" (Which task sounds most fun?): +3 Start as a data analyst\n"
                    "  Explaining data to people who decide is the heart of analyst work.\n") != std::string::npos);
}

TEST_CASE("second quiz: nothing the widget writes for it carries a word of the python-path article") {
    const cr::Quiz quiz = crt::load_fixture("data-path.json");
    const char* const sets[] = {
        "enjoy=charts,statistics=2,queries=never,take-check=no",
        "enjoy=models,statistics=9,queries=often,take-check=yes,mean-median=false,correlation=cause,join=inner",
        "enjoy=both-tasks,statistics=5,queries=often,take-check=yes,mean-median=true,correlation=related,join=left",
    };
    for (const char* spec : sets) {
        CAPTURE(spec);
        const cr::Answers a = answers(quiz, spec);
        const cr::Result r = cr::score(quiz, a);
        CHECK(article_word_in(cr::result_text(quiz, a, r)) == "");
        CHECK(article_word_in(cr::result_json(quiz, a, r)) == "");
        cr::SessionState state;
        state.screen = cr::Screen::Results;
        state.answers = a;
        const cr::Session session(quiz, state);
        CHECK(article_word_in(cr::page_state_json(&session, {}, "data-path.json", cr::PageInfo{})) == "");
    }
    for (const auto& item : quiz.ranges.items) CHECK(article_word_in(cr::range_text(quiz.ranges, item)) == "");
}
