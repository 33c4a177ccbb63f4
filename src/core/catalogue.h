// Crossroads core: the string catalogue. Every word the widget itself shows or reads out (buttons, progress,
// headings, notices, screen-reader texts, the result's explanations) has one home here, keyed, with English
// values and singular/plural forms. Quiz content (titles, questions, advice) lives in the quiz file instead.
#pragma once

#include <initializer_list>
#include <string>

#include "scoring.h"

namespace cr {

// X(key, one, other): `other` is the plural form, or nullptr when the text takes no count.
// Placeholders {0}, {1}, ... are filled by tr(); {n} in a counted text is the count.
#define CR_CATALOGUE(X)                                                                                              \
    X(StartQuiz, "Start the quiz", nullptr)                                                                          \
    X(WelcomeBack, "Welcome back. Continue where you left off?", nullptr)                                            \
    X(Continue, "Continue", nullptr)                                                                                 \
    X(StartFresh, "Start fresh", nullptr)                                                                            \
    X(QuestionCount, "{n} question", "{n} questions")                                                                \
    X(MinuteCount, "about {n} minute", "about {n} minutes")                                                          \
    X(MetaSeparator, "  \xC2\xB7  ", nullptr)                                                                        \
    X(Progress, "Question {0} of {1}", nullptr)                                                                      \
    X(ProgressPart, "Part {0} of {1}: question {2} of {3}", nullptr)                                                 \
    X(ChooseAll, "Choose all that apply", nullptr)                                                                   \
    X(ChooseUpTo, "Choose up to {n}", "Choose up to {n}")                                                            \
    X(Back, "Back", nullptr)                                                                                         \
    X(Next, "Next", nullptr)                                                                                         \
    X(SeeResult, "See my result", nullptr)                                                                           \
    X(OptionalQuestion, "Optional: you can skip this one", nullptr)                                                  \
    X(CodeLabel, "Code", nullptr)                                                                                    \
    X(SuggestionFor, "Our suggestion for you", nullptr)                                                              \
    X(WhyResult, "Why this result", nullptr)                                                                         \
    X(PointsOf, "{0} of {n} point ({1}%)", "{0} of {n} points ({1}%)")                                               \
    X(TheDetails, "The details", nullptr)                                                                            \
    X(NextSteps, "Your next steps", nullptr)                                                                         \
    X(StepDone, "Done", nullptr)                                                                                     \
    X(WhatWouldChange, "What would change your result", nullptr)                                                     \
    X(BetweenTwo, "between {0} and {1}", nullptr)                                                                    \
    X(Faq, "Questions readers ask", nullptr)                                                                         \
    X(CopyResult, "Copy my result", nullptr)                                                                         \
    X(CopyShareLink, "Copy share link", nullptr)                                                                     \
    X(ChangeAnswers, "Change answers", nullptr)                                                                      \
    X(StartOver, "Start over", nullptr)                                                                              \
    X(Copied, "Copied to your clipboard.", nullptr)                                                                  \
    X(ShareCopied, "Share link copied. Anyone who opens it sees this result.", nullptr)                              \
    X(Right, "Right", nullptr)                                                                                       \
    X(Skipped, "Skipped", nullptr)                                                                                   \
    X(PartlyRight, "Partly right", nullptr)                                                                          \
    X(NotQuite, "Not quite", nullptr)                                                                                \
    X(YourAnswer, "**Your answer:** {0}", nullptr)                                                                   \
    X(RightAnswer, "**Right answer:** {0}", nullptr)                                                                 \
    X(NoAnswer, "(none)", nullptr)                                                                                   \
    X(Amount, "{0}{1}", nullptr)                                                                                     \
    X(RangeYear, "{0} - {1} a year", nullptr)                                                                        \
    X(RangeMonth, "{0} - {1} a month", nullptr)                                                                      \
    X(RangePlain, "{0} - {1}", nullptr)                                                                              \
    X(RangeConverted, "{0} ({1}, x {2})", nullptr)                                                                   \
    X(BarValue, "{0}: {1}", nullptr)                                                                                 \
    X(BarChosen, "{0}: {1}, the suggestion", nullptr)                                                                \
    X(CannotLoad, "This quiz could not be loaded", nullptr)                                                          \
    X(CannotLoadHelp,                                                                                                \
      "The quiz file **{0}** has problems. An editor can fix them with the messages below (line:column, where in "   \
      "the file, what is wrong).",                                                                                   \
      nullptr)                                                                                                       \
    X(LinkRefused, "This share link could not be opened: {0}. {1}", nullptr)                                         \
    X(OwnAnswersSafe, "Your own saved answers are untouched.", nullptr)                                              \
    X(TakeItYourself, "You can take the quiz yourself.", nullptr)                                                    \
    X(SharedView, "You are looking at answers someone shared with you. Nothing here is saved as yours.", nullptr)   \
    X(AdoptQuestion, "Make these answers yours? They came from a share link.", nullptr)                              \
    X(AdoptReplaces, " Your own saved answers will be replaced.", nullptr)                                           \
    X(AdoptYes, "Make them mine", nullptr)                                                                           \
    X(BackToMine, "Back to my own answers", nullptr)                                                                 \
    X(TakeQuizMyself, "Take the quiz myself", nullptr)                                                               \
    X(ResultAnnounce, "Your result: {0}. {1}", nullptr)                                                             \
    X(ReasonBand, "\"{0}\" ({1})", nullptr)                                                                          \
    X(ReasonOption, "\"{0}\" ({1})", nullptr)                                                                         \
    X(ReasonScale, "{0} on the scale ({1})", nullptr)                                                                \
    X(ReasonLine, "{0}: {1} {2}", nullptr)                                                                           \
    X(MarginPoints, "{n} point", "{n} points")                                                                       \
    X(MarginPercent, "{n}%", nullptr)                                                                                \
    X(TieLevel, "{0} ({1}) and {2} ({3}) are level, which is within the quiz's margin of {4}, so the answer is: {5}.", \
      nullptr)                                                                                                       \
    X(TieApart,                                                                                                      \
      "{0} ({1}) and {2} ({3}) are only {6} apart, which is within the quiz's margin of {4}, so the answer is: {5}.",  \
      nullptr)                                                                                                       \
    X(BlockedLead, "{0} has the most points ({1}), but it is not open to you yet:", nullptr)                         \
    X(BlockedEnd, " So the suggestion is {0} ({1}).", nullptr)                                                       \
    X(LevelInOrder, "{0} and {1} are level at {2}; {0} comes first in the quiz's order, so it is the suggestion.",   \
      nullptr)                                                                                                       \
    X(Highest, "{0} scored highest with {1}.", nullptr)                                                              \
    X(HighestAhead, "{0} scored highest with {1}, ahead of {2} with {3}.", nullptr)                                 \
    X(TextRecommendation, "Recommendation: {0}", nullptr)                                                            \
    X(TextWhy, "Why: {0}", nullptr)                                                                                  \
    X(TextWeighedMost, "Answers that weighed most:", nullptr)                                                        \
    X(TextNextSteps, "Your next steps:", nullptr)                                                                    \
    X(TextWhatWouldChange, "What would change your result:", nullptr)                                                \
    X(TextTotals, "Totals:", nullptr)                                                                                \
    X(TextKnowledge, "Knowledge: {0}", nullptr)                                                                      \
    X(ChangeNone, "No small change to your answers would make \"{0}\" the result.", nullptr)                         \
    X(ChangeIf, "If you answered {0}, the result would be \"{1}\".", nullptr)                                         \
    X(ChangeAnswerTo, "{0} to \"{1}\"", nullptr)                                                                      \
    X(ScaleValue, "{0} on the scale", nullptr)                                                                       \
    X(Quoted, "\"{0}\"", nullptr)                                                                                     \
    X(ListComma, ", ", nullptr)                                                                                      \
    X(ListAnd, " and ", nullptr)                                                                                     \
    X(ListCommaAnd, ", and ", nullptr)                                                                               \
    X(LinkDamaged, "the saved quiz progress is damaged or incomplete, so it was not used", nullptr)                  \
    X(LinkNotOurs, "this is not a Crossroads quiz link", nullptr)                                                    \
    X(LinkOtherQuiz, "this link belongs to another quiz ('{0}')", nullptr)                                          \
    X(LinkNewer,                                                                                                     \
      "this link was made for a newer version of the quiz than the one on this page; reload the page to get the "    \
      "latest quiz, then open the link again",                                                                       \
      nullptr)                                                                                                       \
    X(LinkOlder, "this link was made for an earlier version of the quiz, which has changed since; please take it again", \
      nullptr)                                                                                                       \
    X(NeedsWebgl2,                                                                                                   \
      "This quiz needs WebGL 2, which this browser has turned off or does not support. Try another browser, or "     \
      "turn on hardware acceleration.",                                                                              \
      nullptr)                                                                                                       \
    X(TickDone, "[x] ", nullptr)                                                                                     \
    X(TickOpen, "[ ] ", nullptr)

enum class Key {
#define CR_KEY(key, one, other) key,
    CR_CATALOGUE(CR_KEY)
#undef CR_KEY
        Count
};

// The text for `key` with {0}, {1}, ... replaced by `args` in order (missing ones stay as written).
std::string tr(Key key, std::initializer_list<std::string> args = {});

// The singular or plural form for `n` (English: singular for exactly one), {n} replaced by the number as
// format_number writes it, and {0}, {1}, ... by `args`.
std::string tr_count(Key key, double n, std::initializer_list<std::string> args = {});

// The verdict on one knowledge answer, one word for the page and the CLI: Right, Partly right, Not quite, Skipped.
std::string verdict_word(const ReviewItem& item);

// A plan item's check box as plain text: "[x] " when done, "[ ] " when not.
std::string tick_mark(bool done);

}  // namespace cr
