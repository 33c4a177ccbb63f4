// Crossroads core: the string catalogue. Every word the widget itself shows or reads out (buttons, progress,
// headings, notices, screen-reader texts, the result's explanations) has one home here, keyed, with English
// values and plural forms; other languages' values live in catalogue_<lang>.cpp, and a quiz may override any key
// in its "strings". Quiz content (titles, questions, advice) lives in the quiz file instead.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "locale.h"
#include "markdown.h"

namespace cr {

struct ReviewItem;

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
    X(PrintResult, "Print or save as PDF", nullptr)                                                                  \
    X(ChangeAnswers, "Change answers", nullptr)                                                                      \
    X(StartOver, "Start over", nullptr)                                                                              \
    X(Copied, "Copied to your clipboard.", nullptr)                                                                  \
    X(ShareCopied, "Share link copied. Anyone who opens it sees this result.", nullptr)                              \
    X(CopyBlocked, "Your browser didn't let the page copy. You can select the text on this page and copy it yourself.", \
      nullptr)                                                                                                       \
    X(ShareCopyBlocked, "Your browser didn't let the page copy the link. Select it here and copy it yourself: {0}",  \
      nullptr)                                                                                                       \
    X(Right, "Right", nullptr)                                                                                       \
    X(Skipped, "Skipped", nullptr)                                                                                   \
    X(PartlyRight, "Partly right", nullptr)                                                                          \
    X(NotQuite, "Not quite", nullptr)                                                                                \
    X(YourAnswer, "**Your answer:** {0}", nullptr)                                                                   \
    X(RightAnswer, "**Right answer:** {0}", nullptr)                                                                 \
    X(NoAnswer, "(none)", nullptr)                                                                                   \
    X(OptionTrue, "True", nullptr)                                                                                   \
    X(OptionFalse, "False", nullptr)                                                                                 \
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
    X(ProblemCount, "{n} problem: see its mark in the margin.", "{n} problems: see the marks in the margin.")         \
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
    X(ChangeIfStep, "If you could {0}, the result would be \"{1}\".", nullptr)                                       \
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
    X(TickDone, "[x] ", nullptr)                                                                                     \
    X(TickOpen, "[ ] ", nullptr)                                                                                     \
    X(PageLoading, "Loading the quiz\xE2\x80\xA6", nullptr)                                                          \
    X(PageReload, "Reload", nullptr)                                                                                 \
    X(PageNeedsScript, "This quiz needs JavaScript.", nullptr)                                                         \
    X(PageCannotStart, "This quiz cannot start", nullptr)                                                            \
    X(PageScriptMissing,                                                                                             \
      "Part of the quiz did not arrive (its script could not be loaded). Check your connection and reload.",         \
      nullptr)                                                                                                       \
    X(PageFontsMissing,                                                                                              \
      "Part of the quiz did not arrive (its letters could not be loaded). Check your connection and reload.",        \
      nullptr)                                                                                                       \
    X(PageWasmFailed, "The quiz's program could not be started:", nullptr)                                           \
    X(PageSameSite, "?quiz= must name a quiz file on this site:", nullptr)                                           \
    X(PageServerAnswered, "the server answered {0} for {1}", nullptr)                                                \
    X(PageNoMemory, "the browser could not give the quiz enough memory for this file", nullptr)

enum class Key {
#define CR_KEY(key, one, other) key,
    CR_CATALOGUE(CR_KEY)
#undef CR_KEY
        Count
};

// The key's stable name, the X-macro's first column ("QuestionCount"): what a quiz's "strings" and the docs use.
const char* key_name(Key key);

// The key with that name, or Key::Count when there is none.
Key key_named(std::string_view name);

// True when the key's text takes a count ({n}) and so has a form per plural category.
bool counted(Key key);

// The placeholders `text` uses, each once, in order of first appearance: "{0}", "{n}", ...
std::vector<std::string> placeholders(std::string_view text);

// A widget string in a quiz's own words ("strings"): the text for each CLDR plural category, indexed by Plural.
// An uncounted text is in `forms[Other]` alone; an empty form stands for `other`.
struct WordOverride {
    Key key = Key::Count;
    std::string forms[kPluralCount];
};

// The words of one language: the built-in values for its base language ("de-AT" -> de, English when the
// widget has none), the quiz's overrides on top, and the locale that writes counts and picks plural forms.
// A key without a value in that language keeps its English forms, chosen by English plural rules.
class Catalogue {
public:
    Catalogue();  // English, no overrides
    Catalogue(std::string_view language, const std::vector<WordOverride>& overrides);

    const Locale& locale() const { return *locale_; }
    // The form of `key` for plural category `p` (`other` when that form is empty); "" for Key::Count.
    const std::string& form(Key key, Plural p) const;
    // The category a count of `n` takes for `key`: by the catalogue's language when the key is in it.
    Plural category(Key key, double n) const;
    // True when `key` is in the catalogue's language (built in or overridden), false when it fell back to English.
    bool translated(Key key) const;

private:
    struct Entry {
        std::string forms[kPluralCount];
        bool translated = false;
    };
    const Locale* locale_;
    std::vector<Entry> entries_;  // one per Key
};

// True when the widget has its own words for `language`'s base language (English and German).
bool has_words(std::string_view language);

// The base languages the widget has its own words for, English first ("en", "de").
std::vector<std::string> built_in_languages();

// The words the page itself shows around the widget (web/: loading, failures before the
// widget runs or of the quiz file it asked for). `crossroads page-words` writes them for scripts/assemble.py, which
// puts them into the page per language; the page shows those of the quiz's language.
constexpr Key kPageWords[] = {Key::PageLoading, Key::PageReload, Key::PageNeedsScript, Key::PageCannotStart,
                              Key::PageScriptMissing, Key::PageFontsMissing, Key::PageWasmFailed, Key::CannotLoad, Key::PageSameSite,
                              Key::PageServerAnswered, Key::PageNoMemory};
// True for the page's words that the widget never draws (all but CannotLoad, the title of its error screen too).
bool page_only(Key key);

// The current catalogue, which tr(), tr_count(), tr_number() and tr_money() read. English until set. Like ImGui's
// current context, the platform sets it when a quiz becomes the one shown (src/web on each load, the CLI after
// loading, tests around what they render), so the many callers in ui, report and advice need not pass it; one per
// thread.
void set_catalogue(Catalogue catalogue);
const Catalogue& catalogue();

// The text for `key` with {0}, {1}, ... replaced by `args` in order (missing ones stay as written).
std::string tr(Key key, std::initializer_list<std::string> args = {});

// A value for tr_markdown: plain text, escaped as it is put in (literal()), or markdown put in as it is.
struct MarkdownValue {
    MarkdownValue(std::string_view plain) : source(literal(plain).source) {}
    MarkdownValue(const std::string& plain) : MarkdownValue(std::string_view(plain)) {}
    MarkdownValue(const char* plain) : MarkdownValue(std::string_view(plain)) {}
    MarkdownValue(Markdown text) : source(std::move(text.source)) {}
    std::string source;
};

// The text for `key` as markdown (for texts drawn with the markdown subset): the template's own markup ("**Your
// answer:**") kept, and each value put in so that it reads as itself -- a title "[Alpha" or a label
// "](javascript:...)" stays those characters and can never become a link, bold or a list (issue 23).
Markdown tr_markdown(Key key, std::initializer_list<MarkdownValue> args = {});

// The form for `n`'s CLDR plural category, {n} replaced by the number as tr_number writes it, and {0}, {1}, ...
// by `args`.
std::string tr_count(Key key, double n, std::initializer_list<std::string> args = {});
// The same in `words` rather than the current catalogue (the studio's count of problems is English, as the
// diagnostics it counts are, whatever the quiz's language).
std::string tr_count(const Catalogue& words, Key key, double n, std::initializer_list<std::string> args = {});

// A number for readers, as the current catalogue's locale writes it (format_number(const Locale&, double)).
std::string tr_number(double n);

// An amount of money for readers, as the current catalogue's locale writes it (format_money).
std::string tr_money(double amount, std::string_view currency);

// The verdict on one knowledge answer, one word for the page and the CLI: Right, Partly right, Not quite, Skipped.
std::string verdict_word(const ReviewItem& item);

// A plan item's check box as plain text: "[x] " when done, "[ ] " when not.
std::string tick_mark(bool done);

}  // namespace cr
