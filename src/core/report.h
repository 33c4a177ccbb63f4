// Crossroads core: results put into words -- the answer syntax editors type ("q1=a,q2=b+c,q3=7"),
// a plain-text report (CLI, "Copy result") and a JSON report (CLI --json, host page events).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "locale.h"
#include "model.h"
#include "scoring.h"

namespace cr {

// Parses "question=option[+option...]" pairs separated by commas; scale questions take a number.
bool parse_answers(const Quiz& quiz, std::string_view spec, Answers& out, std::string& error);

// One sentence per given answer that cannot count because its question is hidden by the other answers.
std::vector<std::string> ignored_answers(const Quiz& quiz, const Answers& answers);

// The knowledge part's score: "10 of 15 points (67%)".
std::string knowledge_score_text(const Result& result);

// One line for a contribution: "Several full-stack apps (What have you built?): +3 Junior job".
std::string reason_text(const Quiz& quiz, const Answers& answers, const Contribution& c);

// One or two sentences on why the decision came out as it did (tie rule included).
std::string decision_text(const Quiz& quiz, const Result& result);

std::string result_text(const Quiz& quiz, const Answers& answers, const Result& result);
std::string result_json(const Quiz& quiz, const Answers& answers, const Result& result);

}  // namespace cr
