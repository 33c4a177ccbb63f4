// App layer: the reader's state changes only through apply(), and what it asks of the platform comes back as
// effects. Resume, share links and adopting them, carry-over in a preview, a requested quiz with no stand-in,
// progress moved from the key without the shape, and the host page's events in their order.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/app.h"
#include "app/screen.h"
#include "core/codec.h"
#include "core/report.h"
#include "unit/helpers.h"

namespace {

using namespace app;

// Effects of one kind, in order.
template <class T> std::vector<T> only(const std::vector<Effect>& effects) {
    std::vector<T> out;
    for (const Effect& e : effects)
        if (auto* x = std::get_if<T>(&e)) out.push_back(*x);
    return out;
}

std::vector<std::string> event_names(const std::vector<Effect>& effects) {
    std::vector<std::string> out;
    for (const HostEvent& e : only<HostEvent>(effects)) out.push_back(e.name);
    return out;
}

// A page with `file` loaded and nothing stored: the effects of loading it and answering that storage is empty.
State loaded(const std::string& file, Environment env = {}) {
    State s;
    apply(s, Configure{env});
    const auto effects = apply(s, LoadQuiz{crt::read_fixture(file), file, 7});
    REQUIRE(s.loaded);
    if (!env.preview) REQUIRE(only<ReadProgress>(effects).size() == 1);
    apply(s, StoredProgress{});
    return s;
}

// Answers `spec` (the CLI's syntax) on the question screens, as a reader would: Start, then each answer and Next.
std::vector<Effect> answer(State& s, const char* spec, double& now) {
    std::vector<Effect> all;
    auto add = [&](const std::vector<Effect>& e) { all.insert(all.end(), e.begin(), e.end()); };
    cr::Answers want;
    std::string error;
    REQUIRE(cr::parse_answers(s.loaded->quiz, spec, want, error));
    add(apply(s, Start{}, now += 100));
    for (int guard = 0; guard < 40 && s.session()->screen() == cr::Screen::Question; ++guard) {
        const int q = s.session()->current();
        const cr::Answer& a = want[q];
        if (a.given && s.loaded->quiz.questions[q].kind == cr::QuestionKind::Scale) add(apply(s, SetValue{a.value}, now += 100));
        else if (a.given) for (int o : a.options) add(apply(s, Select{o}, now += 100));
        add(apply(s, Next{}, now += 100));
    }
    return all;
}

std::string stored_value(const std::vector<Effect>& effects) {
    const auto stores = only<Store>(effects);
    REQUIRE(!stores.empty());
    return stores.back().value;
}

// What a reader who completed tests/fixtures/mini.json left in storage.
std::string completed_progress() {
    double now = 0;
    State s = loaded("mini.json");
    return stored_value(answer(s, "built=one,work=none,alone=3,check=false", now));
}

// A return visit to mini.json, before storage has answered.
State revisit() {
    State s;
    apply(s, LoadQuiz{crt::read_fixture("mini.json"), "mini.json", 9});
    return s;
}

}  // namespace

TEST_CASE("app: a requested quiz is never replaced by a stand-in: the state is loading until it comes") {
    State s;
    CHECK(present(s).screen == Screen::Loading);
    CHECK(page_state(s, 0).find("\"screen\":\"loading\"") != std::string::npos);
    CHECK(page_state(s, 0).find("language") == std::string::npos);  // the page keeps its language until the quiz's
    apply(s, LoadQuiz{crt::read_fixture("mini.json"), "mini.json", 1});
    CHECK(present(s).screen == Screen::Start);
    CHECK(present(s).quiz->id == s.loaded->quiz.id);
    apply(s, LoadQuiz{"{ not json", "broken.json", 1});
    CHECK(present(s).screen == Screen::Errors);
    CHECK_FALSE(present(s).errors.empty());
    CHECK(present(s).errors[0].rfind("broken.json:1:", 0) == 0);
}

TEST_CASE("app: the session is stored after each change and offered again on the next visit") {
    double now = 0;
    State s = loaded("mini.json");
    const auto effects = answer(s, "built=one,work=none,alone=3,check=false", now);
    REQUIRE(s.session()->screen() == cr::Screen::Results);
    const std::string saved = stored_value(effects);
    CHECK(only<Store>(effects).front().key == progress_key(s.loaded->quiz));

    // The next visit: the saved progress is offered, not applied, until the reader chooses.
    State next = revisit();
    apply(next, StoredProgress{saved, std::nullopt});
    CHECK(next.resume_offered);
    CHECK(present(next).resume_offered);
    CHECK(next.session()->screen() == cr::Screen::Start);
    CHECK(only<Store>(apply(next, Start{})).empty());  // nothing is stored over it while it is offered
    apply(next, Resume{});
    CHECK_FALSE(next.resume_offered);
    CHECK(next.session()->screen() == cr::Screen::Results);
    CHECK(cr::encode_session(next.loaded->quiz, next.session()->state()) == saved);
}

TEST_CASE("app: start fresh removes the saved progress; unreadable progress is neither offered nor touched") {
    const std::string saved = completed_progress();
    State fresh = revisit();
    apply(fresh, StoredProgress{saved, std::nullopt});
    const auto discarded = apply(fresh, DiscardResume{});
    REQUIRE(only<Store>(discarded).size() == 1);
    CHECK(only<Store>(discarded)[0].value.empty());  // removed
    CHECK(fresh.session()->screen() == cr::Screen::Start);

    State unreadable = revisit();
    CHECK(only<Store>(apply(unreadable, StoredProgress{std::string("cr1.mini.garbage"), std::nullopt})).empty());
    CHECK_FALSE(unreadable.resume_offered);
    // A fresh session with nothing answered does not clear what an earlier visit left.
    CHECK(only<Store>(apply(unreadable, Restart{})).empty());
}

TEST_CASE("app: progress under the key without the shape is taken over when it fits, and left when it does not") {
    const std::string saved = completed_progress();
    State next = revisit();
    const auto moved = only<Store>(apply(next, StoredProgress{std::nullopt, saved}));
    REQUIRE(moved.size() == 1);
    CHECK(moved[0].key == progress_key(next.loaded->quiz));
    CHECK(moved[0].value == saved);
    CHECK(moved[0].then_remove == legacy_progress_key(next.loaded->quiz));
    CHECK(next.resume_offered);

    // Another file with the same id and version (tests/fixtures/one-question.json as "mini" version 2): the
    // progress is not its own.
    std::string text = crt::read_fixture("one-question.json");
    for (const auto& [from, to] : {std::pair<std::string, std::string>{R"("id": "tiny")", R"("id": "mini")"}, {R"("version": 1)", R"("version": 2)"}}) {
        REQUIRE(text.find(from) != std::string::npos);
        text.replace(text.find(from), from.size(), to);
    }
    State other;
    apply(other, LoadQuiz{text, "mini-copy.json", 9});
    REQUIRE(other.loaded);
    // Two files with the same id and version keep their progress apart: each is stored under its own key.
    CHECK(progress_key(other.loaded->quiz) != progress_key(next.loaded->quiz));
    CHECK(legacy_progress_key(other.loaded->quiz) == legacy_progress_key(next.loaded->quiz));
    CHECK(only<Store>(apply(other, StoredProgress{std::nullopt, saved})).empty());
    CHECK_FALSE(other.resume_offered);
}

// The page reports a copy the browser refused: "copied" is taken back, and a share link is given to copy by hand.
TEST_CASE("app: a copy the browser refused is not confirmed; the share link is shown instead") {
    double now = 0;
    State a = loaded("mini.json", Environment{false, false, true, "https://blog.example/post#"});
    answer(a, "built=one,work=none,alone=3,check=false", now);
    const std::string link = only<CopyText>(apply(a, CopyShareLink{})).at(0).text;
    apply(a, CopyFailed{link});
    CHECK(a.status == cr::tr(cr::Key::ShareCopyBlocked, {link}));
    CHECK(a.status.find(link) != std::string::npos);
    const std::string text = only<CopyText>(apply(a, CopyResult{})).at(0).text;
    CHECK(a.status == cr::tr(cr::Key::Copied));
    apply(a, CopyFailed{text});
    CHECK(a.status == cr::tr(cr::Key::CopyBlocked));
    // A refusal that comes once the reader has left the screen of the copy shows nowhere.
    apply(a, CopyShareLink{});
    apply(a, Restart{});
    apply(a, CopyFailed{link});
    CHECK(a.status.empty());
}

TEST_CASE("app: a share link is shown apart, never stored, and asked about before it becomes the reader's own") {
    double now = 0;
    State a = loaded("mini.json", Environment{false, false, true, "https://blog.example/post#"});
    answer(a, "built=one,work=none,alone=3,check=false", now);
    const auto copied = only<CopyText>(apply(a, CopyShareLink{}));
    REQUIRE(copied.size() == 1);
    const std::string link = copied[0].text;
    CHECK(link.rfind("https://blog.example/post#cr1.", 0) == 0);
    CHECK(a.status == cr::tr(cr::Key::ShareCopied));
    const std::string code = link.substr(link.find('#') + 1);

    // A reader with progress of their own opens it.
    State b = loaded("mini.json");
    const std::string own = stored_value(answer(b, "built=many,work=none,alone=1,check=false", now));
    State c;
    apply(c, LoadQuiz{crt::read_fixture("mini.json"), "mini.json", 3});
    apply(c, StoredProgress{own, std::nullopt});
    const auto opened = apply(c, ShareCode{code});
    CHECK(only<ShareCodeTaken>(opened).size() == 1);
    CHECK(event_names(opened).empty());  // opening someone's result is not the reader answering
    CHECK(c.viewing_shared);
    CHECK(c.own_saved);
    CHECK_FALSE(c.resume_offered);
    CHECK(c.session()->screen() == cr::Screen::Results);
    CHECK(only<Store>(opened).empty());

    // Changing it asks first, and stores nothing; the host hears the change only.
    CHECK(only<Store>(apply(c, Back{})).empty());
    const auto changed = apply(c, Select{0});
    CHECK(only<Store>(changed).empty());
    CHECK(event_names(changed) == std::vector<std::string>{"answered"});
    CHECK(c.adopt_offered);
    CHECK(present(c).adopt_offered);

    SUBCASE("back to their own: offered again as on a return visit") {
        CHECK(only<Store>(apply(c, LeaveShared{})).empty());
        CHECK_FALSE(c.viewing_shared);
        CHECK(c.resume_offered);
        apply(c, Resume{});
        CHECK(cr::encode_session(c.loaded->quiz, c.session()->state()) == own);
    }
    SUBCASE("adopted: the changed answers are stored as the reader's own") {
        const auto adopted = apply(c, AdoptShared{});
        CHECK_FALSE(c.viewing_shared);
        CHECK_FALSE(c.resume_offered);
        CHECK(stored_value(adopted) == cr::encode_session(c.loaded->quiz, c.session()->state()));
    }
}

TEST_CASE("app: a damaged share link is explained and leaves saved progress alone; an embed leaves other quizzes' codes") {
    State s = loaded("mini.json");
    const auto effects = apply(s, ShareCode{"cr1.mini.1.zzzz"});
    CHECK(only<Store>(effects).empty());
    CHECK_FALSE(s.viewing_shared);
    CHECK(s.notice.find("could not be opened") != std::string::npos);
    CHECK(present(s).notice == s.notice);

    Environment embed;
    embed.embedded = true;
    State e = loaded("mini.json", embed);
    const int revision = e.revision;
    CHECK(apply(e, ShareCode{"cr1.another-quiz.1.abc"}).empty());  // not taken: another widget's code
    CHECK(e.revision == revision);
    CHECK(e.notice.empty());
}

TEST_CASE("app: a preview stores nothing, offers nothing, and carries the reader's place into the edited file") {
    Environment env;
    env.preview = true;
    State s;
    apply(s, Configure{env});
    const std::string text = crt::read_fixture("mini.json");
    const auto first = apply(s, LoadQuiz{text, "mini.json", 1});
    CHECK(only<ReadProgress>(first).empty());
    double now = 0;
    const auto effects = answer(s, "built=one,work=none,alone=3,check=false", now);
    CHECK(only<Store>(effects).empty());
    apply(s, Back{});
    const std::string where = s.loaded->quiz.questions[s.session()->current()].id;

    apply(s, LoadQuiz{"{ broken", "mini.json", 1});  // a save with mistakes shows them
    CHECK(present(s).screen == Screen::Errors);
    apply(s, LoadQuiz{text, "mini.json", 1});        // the next save that loads is back where the reader was
    REQUIRE(s.session()->screen() == cr::Screen::Question);
    CHECK(s.loaded->quiz.questions[s.session()->current()].id == where);
    CHECK(s.session()->answer(0).given);
}

TEST_CASE("app: the host page hears started, question, answered, completed and abandoned, in order, with timings") {
    double now = 1000;
    State s = loaded("mini.json");
    std::vector<Effect> effects = answer(s, "built=one,work=none,alone=3,check=false", now);
    const std::vector<std::string> names = event_names(effects);
    REQUIRE(names.size() >= 6);
    CHECK(names.front() == "started");
    CHECK(names[1] == "question");
    CHECK(names[2] == "answered");
    CHECK(names.back() == "completed");
    const auto events = only<HostEvent>(effects);
    CHECK(events[0].detail["quiz"] == s.loaded->quiz.id);
    CHECK(events[1].detail["position"] == 1);
    CHECK(events[1].detail["elapsed_ms"] == 0);
    CHECK(events[2].detail["time_ms"] == 100);  // answered 100 ms after the question showed
    CHECK(events.back().detail["outcome"] == s.loaded->quiz.outcomes[s.session()->result().decision.chosen].id);
    CHECK(events.back().detail["elapsed_ms"].get<long long>() > 0);
    // Completed: leaving now is not abandoning.
    CHECK(event_names(apply(s, PageHidden{}, now)).empty());

    // A new run, left on its second question: abandoned once.
    apply(s, Restart{}, now += 10);
    apply(s, Start{}, now += 10);
    apply(s, Select{0}, now += 10);
    apply(s, Next{}, now += 10);
    const auto left = only<HostEvent>(apply(s, PageHidden{}, now += 50));
    REQUIRE(left.size() == 1);
    CHECK(left[0].name == "abandoned");
    CHECK(left[0].detail["position"] == 2);
    CHECK(left[0].detail["elapsed_ms"] == 70);
    CHECK(apply(s, PageHidden{}, now).empty());
}

TEST_CASE("app: a resumed run's answers are heard without a time on the question") {
    double now = 0;
    State s = loaded("mini.json");
    answer(s, "built=one,work=none,alone=3,check=false", now);
    apply(s, Back{});
    const std::string saved = stored_value(apply(s, Back{}));
    State next = revisit();
    apply(next, StoredProgress{saved, std::nullopt});
    const auto events = only<HostEvent>(apply(next, Resume{}, 500));
    REQUIRE(events.size() >= 3);
    CHECK(events[0].name == "started");
    CHECK(events[1].name == "answered");
    CHECK(events[1].detail["time_ms"].is_null());
    CHECK(events.back().name == "question");
}

TEST_CASE("app: the revision moves on only when something a reader sees changed, and the model follows it") {
    State s = loaded("mini.json");
    ScreenModel cache;
    int presented = 0;
    screen_model(s, cache, &presented);
    screen_model(s, cache, &presented);
    CHECK(presented == 1);
    const int revision = s.revision;
    apply(s, Next{});  // nothing to go on to from the start screen
    apply(s, OpenRelated{});
    CHECK(s.revision == revision);
    apply(s, Start{});
    CHECK(s.revision == revision + 1);
    CHECK(screen_model(s, cache, &presented).screen == Screen::Question);
    CHECK(presented == 2);
}

TEST_CASE("app: \"Print or save as PDF\" asks the platform to print the results, and nothing before them") {
    double now = 0;
    State s = loaded("mini.json");
    CHECK(only<PrintPage>(apply(s, Print{})).empty());  // the start screen has nothing to print
    const int revision = s.revision;
    answer(s, "built=one,work=none,alone=3,check=false", now);
    REQUIRE(s.session()->screen() == cr::Screen::Results);
    const int results = s.revision;
    CHECK(results > revision);
    CHECK(only<PrintPage>(apply(s, Print{})).size() == 1);
    CHECK(s.revision == results);  // printing changes nothing the reader sees
}

TEST_CASE("app: share links made for an earlier version of the shipped quiz are refused with a notice; progress stays") {
    // Links from before the quiz's version 3 (valid, truncated, an older code set, another quiz's id): each is
    // explained on the start screen and leaves the reader's own saved progress where it is.
    std::ifstream in(std::string(CR_SOURCE_DIR) + "/content/python-path.json", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    for (const char* code : {"cr1.python-path.2.s05an5.r.0-0-0--0-5-0-0-0-0-0-0-0-0-0-0-0-0-0-0-0-0-0-0-0.118w1bi",
                             "cr1.python-path.2.s05an5.r.0-0-0--0-5-0-",
                             "cr1.python-path.2.hd0usj.r.1-1-0--0-0-2-2-0-1---------------.d57142",
                             "cr1.python-readiness.1.hd0usj.r.1-1-0--0-0-2-2-0-1---------------.1jl3n84"}) {
        CAPTURE(code);
        State s;
        apply(s, LoadQuiz{text.str(), "content/python-path.json", 1});
        REQUIRE(s.loaded);
        const auto effects = apply(s, ShareCode{code});
        CHECK(only<Store>(effects).empty());
        CHECK(only<ShareCodeTaken>(effects).size() == 1);
        CHECK_FALSE(s.viewing_shared);
        CHECK(s.notice.find("could not be opened") != std::string::npos);
        CHECK(present(s).screen == Screen::Start);
    }
}
