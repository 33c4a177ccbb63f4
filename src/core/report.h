// Crossroads core: results put into words -- the answer syntax editors type ("q1=a,q2=b+c,q3=7"),
// a plain-text report (CLI, "Copy result") and a JSON report (CLI --json, host page events).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "locale.h"
#include "markdown.h"
#include "model.h"
#include "scoring.h"

namespace cr {

// The comma-separated pieces of the answer syntax ("q1=a,q2=b+c"), empty pieces left out; views into `spec`.
std::vector<std::string_view> answer_pairs(std::string_view spec);

// Parses "question=option[+option...]" pairs separated by commas; scale questions take a number.
bool parse_answers(const Quiz& quiz, std::string_view spec, Answers& out, std::string& error);

// One sentence per given answer that cannot count because its question is hidden by the other answers.
std::vector<std::string> ignored_answers(const Quiz& quiz, const Answers& answers);

// An amount of a range chart in the current catalogue's number format: whole units with the currency as the language
// writes it (tr_money: "$70,000", "70.000 $"), or the number alone when the chart has no currency.
std::string format_amount(double v, const std::string& currency);

// How many of an item's periods make one of its chart's (12 months to a year; 1 when they are the same).
double range_factor(const RangeChart& chart, const RangeItem& item);

// The line under a range bar, in the chart's period: "$70,000 - $110,000 a year", or for an item given per month
// "$24,000 - $48,000 a year ($2,000 - $4,000 a month, x 12)".
std::string range_text(const RangeChart& chart, const RangeItem& item);

// The name of the knowledge part: the title of the first knowledge section ("" when there is none).
std::string knowledge_title(const Quiz& quiz);

// The knowledge part's score: "10 of 15 points (67%)".
std::string knowledge_score_text(const Result& result);

// One line for a contribution, as markdown with every value literal: "Slow and quiet" (How do you like your
// mornings?): +2 Tea.
Markdown reason_text(const Quiz& quiz, const Answers& answers, const Contribution& c);

// The editor's explanation of the picked option behind a contribution (outcome sections), or "" when it has none.
std::string reason_explanation(const Quiz& quiz, const Contribution& c);

// One or two sentences on why the decision came out as it did (tie rule included), as markdown: titles are literal,
// the editor's requirement sentences (markdown fields) are put in as written.
Markdown decision_text(const Quiz& quiz, const Result& result);

std::string result_text(const Quiz& quiz, const Answers& answers, const Result& result);
std::string result_json(const Quiz& quiz, const Answers& answers, const Result& result);

}  // namespace cr
