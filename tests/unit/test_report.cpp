// Report: the editors' answer syntax (parse_answers) and its exact errors, format_number, the reason lines,
// and the text and JSON reports that the CLI prints and the browser app shares.
#include <doctest/doctest.h>

#include <string>

#include "core/json_doc.h"
#include "core/catalogue.h"
#include "core/report.h"
#include "helpers.h"

using namespace cr;

namespace {

// Parses `spec` for mini.json and returns the error ("" on success).
std::string parse_error(const Quiz& quiz, const std::string& spec) {
    Answers answers;
    std::string error;
    const bool ok = parse_answers(quiz, spec, answers, error);
    CHECK(ok == error.empty());
    return error;
}

Answers parsed(const Quiz& quiz, const std::string& spec) {
    Answers answers;
    std::string error;
    REQUIRE_MESSAGE(parse_answers(quiz, spec, answers, error), error);
    REQUIRE(answers.size() == quiz.questions.size());
    return answers;
}

}  // namespace

TEST_CASE("report: parse_answers reads q=a, q=b+c and scale numbers") {
    const Quiz quiz = crt::load_fixture("mini.json");
    const Answers a = parsed(quiz, "built=many,work=other,alone=4,check=true,mutable=list+dict");
    const Answer& built = a[crt::question(quiz, "built")];
    CHECK(built.given);
    CHECK(built.options == std::vector<int>{2});
    CHECK(a[crt::question(quiz, "work")].options == std::vector<int>{1});
    CHECK(a[crt::question(quiz, "alone")].given);
    CHECK(a[crt::question(quiz, "alone")].value == 4);
    CHECK(a[crt::question(quiz, "check")].options == std::vector<int>{0});
    CHECK(a[crt::question(quiz, "mutable")].options == std::vector<int>{0, 1});
    CHECK_FALSE(a[crt::question(quiz, "field")].given);
    CHECK_FALSE(a[crt::question(quiz, "print")].given);

    SUBCASE("empty text and empty pairs answer nothing") {
        for (const Answer& x : parsed(quiz, "")) CHECK_FALSE(x.given);
        CHECK(parsed(quiz, ",built=one,,")[0].options == std::vector<int>{1});
    }
    SUBCASE("a question named twice keeps the last answer") {
        CHECK(parsed(quiz, "built=one,built=nothing")[0].options == std::vector<int>{0});
    }
    SUBCASE("boundary scale values, and only values on the scale's steps") {
        CHECK(parsed(quiz, "alone=1")[crt::question(quiz, "alone")].value == 1);
        CHECK(parsed(quiz, "alone=5")[crt::question(quiz, "alone")].value == 5);
        CHECK(parsed(quiz, "alone=3.0")[crt::question(quiz, "alone")].value == 3);
        CHECK(parse_error(quiz, "alone=2.5") == "question 'alone' is a scale from 1 to 5; '2.5' is not a value on it");
        CHECK(parse_error(quiz, "alone=0x3") == "question 'alone' is a scale from 1 to 5; '0x3' is not a value on it");
        CHECK(parse_error(quiz, "alone= 3") == "question 'alone' is a scale from 1 to 5; ' 3' is not a value on it");
    }
}

TEST_CASE("report: parse_answers errors name the problem exactly") {
    const Quiz quiz = crt::load_fixture("mini.json");
    SUBCASE("unknown question, with did-you-mean") {
        CHECK(parse_error(quiz, "biult=one") == "unknown question 'biult' (did you mean 'built'?)");
    }
    SUBCASE("unknown question, nothing close") {
        CHECK(parse_error(quiz, "built=one,experience=lots") == "unknown question 'experience'");
    }
    SUBCASE("unknown option, with did-you-mean") {
        CHECK(parse_error(quiz, "built=mnay") == "question 'built' has no option 'mnay' (did you mean 'many'?)");
    }
    SUBCASE("unknown option among several") {
        CHECK(parse_error(quiz, "mutable=list+set") == "question 'mutable' has no option 'set'");
    }
    SUBCASE("an empty option") {
        CHECK(parse_error(quiz, "built=") == "question 'built' has no option ''");
        CHECK(parse_error(quiz, "mutable=list+") == "question 'mutable' has no option ''");
    }
    SUBCASE("too many choices") {
        CHECK(parse_error(quiz, "built=one+many") == "question 'built' allows at most 1 choice(s)");
        CHECK(parse_error(quiz, "check=true+false") == "question 'check' allows at most 1 choice(s)");
    }
    SUBCASE("scale value out of range or not a number") {
        CHECK(parse_error(quiz, "alone=9") == "question 'alone' is a scale from 1 to 5; '9' is not a value on it");
        CHECK(parse_error(quiz, "alone=0.5") == "question 'alone' is a scale from 1 to 5; '0.5' is not a value on it");
        CHECK(parse_error(quiz, "alone=high") == "question 'alone' is a scale from 1 to 5; 'high' is not a value on it");
        CHECK(parse_error(quiz, "alone=3x") == "question 'alone' is a scale from 1 to 5; '3x' is not a value on it");
        CHECK(parse_error(quiz, "alone=") == "question 'alone' is a scale from 1 to 5; '' is not a value on it");
    }
    SUBCASE("an option named twice") {
        CHECK(parse_error(quiz, "mutable=list+list") == "question 'mutable' lists option 'list' twice");
        CHECK(parse_error(quiz, "mutable=list+dict+list") == "question 'mutable' lists option 'list' twice");
    }
    SUBCASE("scale values strtod would accept but are not numbers on the scale") {
        CHECK(parse_error(quiz, "alone=nan") == "question 'alone' is a scale from 1 to 5; 'nan' is not a value on it");
        CHECK(parse_error(quiz, "alone=inf") == "question 'alone' is a scale from 1 to 5; 'inf' is not a value on it");
    }
    SUBCASE("a pair without '='") {
        CHECK(parse_error(quiz, "built=one,work") == "'work' should look like question=option");
    }
}

TEST_CASE("report: format_number prints whole numbers plainly and others with at most two decimals") {
    CHECK(format_number(3) == "3");
    CHECK(format_number(0) == "0");
    CHECK(format_number(-1) == "-1");
    CHECK(format_number(2.5) == "2.5");
    CHECK(format_number(-2.5) == "-2.5");
    CHECK(format_number(1.0 / 3.0) == "0.33");
    CHECK(format_number(0.1 + 0.2) == "0.3");
    CHECK(format_number(2.999) == "3");
    CHECK(format_number(-0.001) == "0");
    CHECK(format_number(1000000) == "1000000");
    CHECK(format_number(12.25) == "12.25");
}

TEST_CASE("report: reason_text names the answer, the question and the signed weight") {
    const Quiz quiz = crt::load_fixture("mini.json");
    const Answers a = parsed(quiz, "built=many,work=other,field=numbers,alone=5,check=true,print=eight,"
                                   "mutable=list+dict,none-falsy=true");
    const Result r = score(quiz, a);
    const int field = crt::question(quiz, "field");
    CHECK(reason_text(quiz, a, {crt::question(quiz, "built"), 2, -1, 1, 3}).source ==
          "\"Several apps\" (What have you built?): +3 Junior job");
    CHECK(reason_text(quiz, a, {field, 1, -1, 0, -1}).source == "\"Numbers\" (Which field?): -1 Internship");
    CHECK(reason_text(quiz, a, {crt::question(quiz, "alone"), -1, -1, 1, 2}).source ==
          "5 on the scale (Working alone on production code feels...): +2 Junior job");
    CHECK(reason_text(quiz, a, {-1, -1, 2, 1, 2}).source == "\"Junior-ready\" (Python check): +2 Junior job");  // named by the knowledge section
    REQUIRE(r.band == 2);
}

TEST_CASE("report: result_text reports the recommendation, why, totals and knowledge") {
    const Quiz quiz = crt::load_fixture("mini.json");
    const Answers a = parsed(quiz, "built=many,work=other,field=people,alone=5,check=true,print=eight,mutable=list");
    CHECK(result_text(quiz, a, score(quiz, a)) ==
          "Mini path quiz\n"
          "\n"
          "Recommendation: Junior job\n"
          "Ship first.\n"
          "\n"
          "Why: Junior job scored highest with 8, ahead of Internship with 1.\n"
          "Answers that weighed most:\n"
          "- \"Several apps\" (What have you built?): +3 Junior job\n"
          "- \"Another field\" (Work history?): +2 Junior job\n"
          "- 5 on the scale (Working alone on production code feels...): +2 Junior job\n"
          "- \"Working with people\" (Which field?): +1 Junior job\n"
          "\n"
          "Totals:\n"
          "- Internship: 1\n"
          "- Junior job: 8\n"
          "- Apply for both: 0\n"
          "\n"
          "Knowledge: 2 of 4 points (50%) - Internship-ready\n"
          "  Right: print\n"
          "  Partly right: mutable\n"
          "  Skipped: none-falsy\n");
}

TEST_CASE("report: result_json is valid JSON with outcome, totals, reasons and knowledge") {
    const Quiz quiz = crt::load_fixture("mini.json");
    SUBCASE("with a knowledge score") {
        const Answers a = parsed(quiz, "built=many,work=other,field=people,alone=5,check=true,print=eight,mutable=list");
        const std::string text = result_json(quiz, a, score(quiz, a));
        const Json j = Json::parse(text, nullptr, false);
        REQUIRE_FALSE(j.is_discarded());
        CHECK(j["quiz"] == "mini");
        CHECK(j["version"] == 2);
        CHECK(j["outcome"] == "junior-job");
        CHECK(j["tie_rule_fired"] == false);
        CHECK(j["why"] == "Junior job scored highest with 8, ahead of Internship with 1.");
        CHECK(j["totals"] == Json::parse(R"({"internship": 1, "junior-job": 8, "double": 0})"));
        REQUIRE(j["reasons"].is_array());
        REQUIRE(j["reasons"].size() == 4);
        CHECK(j["reasons"][0] == Json::parse(R"({"question": "built", "option": "many", "band": null,
            "outcome": "junior-job", "weight": 3, "text": "\"Several apps\" (What have you built?): +3 Junior job"})"));
        CHECK(j["reasons"][2]["option"].is_null());  // the scale
        const Json& k = j["knowledge"];
        CHECK(k["points"] == 2);
        CHECK(k["max"] == 4);
        CHECK(k["percent"] == 50);
        CHECK(k["band"] == "intern");
        REQUIRE(k["review"].size() == 3);
        CHECK(k["review"][1] == Json::parse(R"({"question": "mutable", "answered": true, "correct": false, "points": 1, "verdict": "Partly right"})"));
        CHECK(k["review"][2]["answered"] == false);
    }
    SUBCASE("the tie rule, and no knowledge section taken") {
        const Answers a = parsed(quiz, "built=nothing,work=other");
        const Json j = Json::parse(result_json(quiz, a, score(quiz, a)), nullptr, false);
        REQUIRE_FALSE(j.is_discarded());
        CHECK(j["outcome"] == "double");
        CHECK(j["tie_rule_fired"] == true);
        CHECK(j["knowledge"].is_null());
        CHECK(j["reasons"].size() == 2);
    }
    SUBCASE("labels with quotes, control characters and invalid UTF-8 still give valid JSON") {
        Quiz odd = quiz;
        odd.questions[0].options[2].label = std::string("say \"hi\"\n\t\x01 \xFF end");
        const Answers a = parsed(odd, "built=many");
        const Json j = Json::parse(result_json(odd, a, score(odd, a)), nullptr, false);
        REQUIRE_FALSE(j.is_discarded());
        // a value is one line in a sentence: its line break reads as a space
        CHECK(j["reasons"][0]["text"] == "\"say \"hi\" \t\x01 \xEF\xBF\xBD end\" (What have you built?): +3 Junior job");
    }
}

TEST_CASE("report: parse_answers enforces a multiple-choice minimum and the scale's steps") {
    const Quiz quiz = crt::load_fixture("choices.json");
    CHECK(parse_error(quiz, "two-plus=x") == "question 'two-plus' needs at least 2 choices");
    CHECK(parse_error(quiz, "two-plus=x+y") == "");
    CHECK(parse_error(quiz, "temp=0.5") == "");
    CHECK(parse_error(quiz, "temp=0.3") == "question 'temp' is a scale from -5 to 5; '0.3' is not a value on it");
}

TEST_CASE("report: equal totals without a tie rule say that declared order decided") {
    const Quiz quiz = crt::load_ok(R"json({"format": 1, "id": "lvl", "version": 1, "title": "T",
 "outcomes": [{"id": "a", "title": "A", "summary": "S"}, {"id": "b", "title": "B", "summary": "S"}],
 "sections": [{"id": "s", "title": "S", "questions": [{"id": "q", "type": "multiple", "prompt": "P", "options": [
   {"id": "a", "label": "A", "weights": {"a": 2}}, {"id": "b", "label": "B", "weights": {"b": 2}}]}]}]})json");
    Answers answers;
    std::string error;
    REQUIRE(parse_answers(quiz, "q=b+a", answers, error));
    CHECK(decision_text(quiz, score(quiz, answers)).source ==
          "A and B are level at 2; A comes first in the quiz's order, so it is the suggestion.");
}

TEST_CASE("catalogue: counts take the singular for exactly one; placeholders are filled in order") {
    CHECK(tr_count(Key::QuestionCount, 1) == "1 question");
    CHECK(tr_count(Key::QuestionCount, 0) == "0 questions");
    CHECK(tr_count(Key::MinuteCount, 2) == "about 2 minutes");
    CHECK(tr_count(Key::MinuteCount, 1) == "about 1 minute");
    CHECK(tr(Key::Progress, {"3", "10"}) == "Question 3 of 10");
    CHECK(tr(Key::Progress, {"3"}) == "Question 3 of {1}");
    Result r;
    r.knowledge_points = 1;
    r.knowledge_max = 1;
    r.knowledge_percent = 100;
    CHECK(knowledge_score_text(r) == "1 of 1 point (100%)");
    r.knowledge_max = 15;
    r.knowledge_percent = 6.67;
    CHECK(knowledge_score_text(r) == "1 of 15 points (7%)");
}
