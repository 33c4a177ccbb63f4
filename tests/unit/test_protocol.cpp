// Page protocol: the exact JSON the page and host pages read of a session (start, a question, the scale, the
// results), and of a quiz that did not load.
#include <doctest/doctest.h>

#include "core/json_doc.h"
#include "core/protocol.h"
#include "helpers.h"

using namespace cr;

TEST_CASE("protocol: a question screen, exactly") {
    const Quiz quiz = crt::load_fixture("mini.json");
    Session s(quiz, 7);
    REQUIRE(s.start());
    REQUIRE(s.select(1));
    PageInfo info;
    info.frames = 4;
    info.status = "ok";
    const Json j = Json::parse(page_state_json(&s, {}, "mini.json", info));
    CHECK(j == Json::parse(R"({"frames":4,"errors":[],"resume_offered":false,"shared":false,"adopt_offered":false,
        "notice":"","status":"ok","language":"en","quiz":"mini","version":2,"title":"Mini path quiz",
        "intro":"Three questions and a short check.","screen":"question","question":"built","kind":"single",
        "prompt":"What have you built?","code":"","section":"About you","can_advance":true,"position":1,"total":4,
        "progress":{"part":1,"parts":1,"position":1,"total":4},
        "answers":{"built":["one"]},"result":null})"));
}

TEST_CASE("protocol: a scale question reports its range and value; results carry the outcome's words") {
    const Quiz quiz = crt::load_fixture("mini.json");
    SessionState state;
    state.answers.assign(quiz.questions.size(), Answer{});
    state.screen = Screen::Question;
    state.current = crt::question(quiz, "alone");
    Session s(quiz, state);
    const Json j = Json::parse(page_state_json(&s, {}, "mini.json", {}));
    CHECK(j["kind"] == "scale");
    CHECK(j["scale"] == Json::parse(R"({"min":1,"max":5,"step":1,"min_label":"Scary","max_label":"Fine","value":3})"));

    state.screen = Screen::Results;
    Session done(quiz, state);
    const Json r = Json::parse(page_state_json(&done, {}, "mini.json", {}));
    CHECK(r["screen"] == "results");
    CHECK(r["result"]["outcome"].is_string());
    CHECK(r["result"]["outcome_title"].is_string());
    CHECK(r["result"].contains("totals"));
}

TEST_CASE("protocol: a quiz that did not load gives its located errors, in English, only") {
    const LoadResult bad = load_quiz("{\"format\": 1,}");
    REQUIRE_FALSE(bad.ok);
    const Json j = Json::parse(page_state_json(nullptr, bad.diagnostics, "bad.json", {}));
    CHECK(j["screen"] == "error");
    CHECK(j["language"] == "en");
    CHECK(j.size() == 4);
    REQUIRE(j["errors"].size() >= 1);
    CHECK(j["errors"][0].get<std::string>().rfind("bad.json:1:", 0) == 0);
}
