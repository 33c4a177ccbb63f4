// Crossroads app layer: apply(), the one place the reader's state changes -- loading a quiz, resume, share links
// and adopting them, the session's commands, what is stored, and the host page's events derived from the change.
#include "app.h"

#include "core/catalogue.h"
#include "core/codec.h"
#include "core/intake.h"
#include "core/protocol.h"
#include "core/report.h"

namespace app {

namespace {

using cr::Json;

bool same_answers(const cr::Answers& a, const cr::Answers& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].given != b[i].given) return false;
        if (a[i].given && (a[i].options != b[i].options || a[i].value != b[i].value)) return false;
    }
    return true;
}

// Stores the session after a change (see docs/embedding.md, "Resume and share"). A shared session is someone
// else's: the first change to it asks whether it becomes the reader's own, and nothing is stored until then.
void persist(State& s, std::vector<Effect>& out) {
    if (!s.loaded || s.resume_offered || s.env.preview) return;
    const cr::SessionState& st = s.loaded->session.state();
    if (s.viewing_shared) {
        if (s.shared && !same_answers(st.answers, s.shared->answers)) s.adopt_offered = true;
        return;
    }
    bool any = st.screen != cr::Screen::Start;
    for (const auto& a : st.answers) any = any || a.given;
    // An empty session clears only what this page stored (the reader started over); what an earlier visit left,
    // even unreadable, stays until the reader stores something new or chooses "Start fresh".
    if (any || s.saved_here) out.push_back(Store{progress_key(s.loaded->quiz), any ? cr::encode_session(s.loaded->quiz, st) : "", ""});
    s.saved_here = any;
}

// The page's state as JSON, for the host's events (the fields docs/embedding.md lists come from it).
Json snapshot(const State& s) { return Json::parse(page_state(s, 0), nullptr, false); }

Json since(const std::optional<double>& t, double now) { return t ? Json(static_cast<long long>(now - *t + 0.5)) : Json(nullptr); }

// The host page's events for the change from the last state it heard of to this one: started, answered (one per
// changed answer), question, completed.
void host_events(State& s, double now, std::vector<Effect>& out) {
    Json now_state = snapshot(s);
    if (now_state.is_discarded() || now_state.value("screen", "") == "error" || now_state.value("screen", "") == "loading") {
        s.last_snapshot = now_state;
        return;
    }
    const Json& last = s.last_snapshot;
    const bool same_quiz = last.is_object() && last.contains("quiz") && last["quiz"] == now_state["quiz"];
    const Json before = same_quiz ? last : Json{{"screen", "start"}, {"answers", Json::object()}};
    const std::string screen = now_state["screen"], was = before.value("screen", "start");
    const Json& quiz = now_state["quiz"];
    if (was == "start" && screen == "question") {
        s.run = Run{now, "", 0, 0, 0, true};
        out.push_back(HostEvent{"started", {{"quiz", quiz}, {"version", now_state["version"]}}});
    }
    const Json& before_answers = before["answers"];
    for (const auto& [q, value] : now_state["answers"].items()) {
        if (before_answers.contains(q) && before_answers[q] == value) continue;
        // Time on the question: only for the one the reader is answering (not for answers a resume brings back).
        const bool on_screen = !s.run.question.empty() && s.run.question == q;
        out.push_back(HostEvent{"answered", {{"quiz", quiz}, {"question", q}, {"options", value},
                                             {"time_ms", on_screen ? since(s.run.shown_at, now) : Json(nullptr)}}});
    }
    if (screen == "question" && (was != "question" || before.value("question", Json()) != now_state["question"])) {
        s.run.question = now_state["question"];
        s.run.position = now_state["position"];
        s.run.total = now_state["total"];
        s.run.shown_at = now;
        out.push_back(HostEvent{"question", {{"quiz", quiz}, {"question", now_state["question"]}, {"position", now_state["position"]},
                                             {"total", now_state["total"]}, {"section", now_state["section"]},
                                             {"elapsed_ms", since(s.run.started_at, now)}}});
    }
    const Json& result = now_state["result"];
    if (was != "results" && screen == "results" && result.is_object()) {
        s.run.open = false;
        const Json& k = result.value("knowledge", Json());
        out.push_back(HostEvent{"completed", {{"quiz", quiz}, {"outcome", result["outcome"]},
                                              {"outcome_title", result.value("outcome_title", Json())}, {"totals", result["totals"]},
                                              {"elapsed_ms", since(s.run.started_at, now)},
                                              {"knowledge", k.is_object() ? Json{{"percent", k["percent"]}, {"band", k["band"]}} : Json(nullptr)}}});
    }
    s.last_snapshot = std::move(now_state);
}

void set_catalogue_for(const State& s) {
    // The widget's words follow the quiz shown; the error screen is in English.
    cr::set_catalogue(s.loaded ? cr::Catalogue(s.loaded->quiz.language, s.loaded->quiz.strings) : cr::Catalogue());
}

// Clears what belonged to the quiz shown before: its offers, notice and status.
void forget_offers(State& s) {
    s.resumable.reset();
    s.shared.reset();
    s.saved_here = s.resume_offered = s.viewing_shared = s.own_saved = s.adopt_offered = false;
    s.notice.clear();
    s.status.clear();
}

void load(State& s, const LoadQuiz& c, std::vector<Effect>& out) {
    cr::LoadResult result = cr::read_quiz(c.text, s.env.preview);  // the walk for unreachable outcomes is the editor's
    // Previewing an edit of the same file: the reader's place and answers carry over to the new version (from the
    // last version that loaded, if the file had errors in between).
    std::unique_ptr<Loaded> before;
    if (s.env.preview && c.source == s.source) before = s.loaded ? std::move(s.loaded) : std::move(s.last_good);
    s.source = c.source;
    s.loaded.reset();
    s.errors = std::move(result.diagnostics);
    if (result.ok) s.loaded = std::make_unique<Loaded>(std::move(result.quiz), c.seed);
    set_catalogue_for(s);
    forget_offers(s);
    if (s.loaded && before)
        s.loaded->session = cr::Session(s.loaded->quiz, cr::carry_over(before->quiz, before->session.state(), s.loaded->quiz));
    else if (before)
        s.last_good = std::move(before);
    out.push_back(FetchAssets{});
    // A preview neither offers nor stores progress.
    if (s.loaded && !s.env.preview) out.push_back(ReadProgress{progress_key(s.loaded->quiz), legacy_progress_key(s.loaded->quiz)});
}

// Saved progress: offered on the start screen when it decodes for this quiz and got past the start; what cannot be
// read (the quiz changed without a new version) stays where it is. Progress under the key without the shape moves to
// this quiz's key when there is none yet and it fits this quiz; progress that does not fit belongs to another quiz.
bool restore(State& s, const StoredProgress& c, std::vector<Effect>& out) {
    if (!s.loaded || s.env.preview) return false;
    const cr::Quiz& quiz = s.loaded->quiz;
    cr::SessionState state;
    std::string error;
    std::optional<std::string> saved = c.saved;
    if (!saved && c.legacy && cr::decode_session(quiz, *c.legacy, state, error)) {
        out.push_back(Store{progress_key(quiz), *c.legacy, legacy_progress_key(quiz)});
        saved = c.legacy;
    }
    if (!saved || !cr::decode_session(quiz, *saved, state, error) || state.screen == cr::Screen::Start) return false;
    s.resumable = state;
    s.resume_offered = true;
    return true;
}

// Opens a share code, or explains on the start screen why not. Inside an embed, a code for another quiz belongs to
// another widget on the same post and is left alone.
bool open_shared(State& s, const ShareCode& c, std::vector<Effect>& out) {
    if (!s.loaded || s.env.preview) return false;
    const cr::Quiz& quiz = s.loaded->quiz;
    if (s.env.embedded && c.code.rfind("cr1." + quiz.id + ".", 0) != 0) return false;
    out.push_back(ShareCodeTaken{});
    cr::SessionState state;
    std::string error;
    if (!cr::decode_session(quiz, c.code, state, error)) {
        s.notice = cr::tr(cr::Key::LinkRefused, {error, cr::tr(s.resumable ? cr::Key::OwnAnswersSafe : cr::Key::TakeItYourself)});
        return true;
    }
    s.shared = state;
    s.loaded->session = cr::Session(quiz, state);
    s.viewing_shared = true;
    s.own_saved = s.resumable.has_value();
    s.resume_offered = false;
    return true;
}

void leave_shared(State& s, bool adopt) {
    s.viewing_shared = false;
    s.adopt_offered = false;
    s.shared.reset();
    if (adopt) {
        s.resumable.reset();
        return;
    }
    // Back to the reader's own progress, offered as on any return visit.
    s.loaded->session = cr::Session(s.loaded->quiz, s.loaded->session.state().seed);
    s.resume_offered = s.resumable.has_value();
}

// The session's own commands; true when it changed.
bool session_command(cr::Session& session, const Command& command) {
    if (std::holds_alternative<Start>(command)) return session.start();
    if (auto* c = std::get_if<Select>(&command)) return session.select(c->option);
    if (auto* c = std::get_if<SetValue>(&command)) return session.set_value(c->value);
    if (std::holds_alternative<Next>(command)) return session.next();
    if (std::holds_alternative<Back>(command)) return session.back();
    if (std::holds_alternative<Restart>(command)) {
        session.restart();
        return true;
    }
    return false;
}

template <class... F> struct Visit : F... { using F::operator()...; };
template <class... F> Visit(F...) -> Visit<F...>;

}  // namespace

std::string legacy_progress_key(const cr::Quiz& q) { return "crossroads:" + q.id + ":" + std::to_string(q.version); }
std::string progress_key(const cr::Quiz& q) { return legacy_progress_key(q) + ":" + cr::quiz_shape(q); }

State showing(cr::Quiz quiz, const cr::SessionState& session, const std::string& source) {
    State s;
    s.source = source;
    s.loaded = std::make_unique<Loaded>(std::move(quiz), session.seed);
    s.loaded->session = cr::Session(s.loaded->quiz, session);
    set_catalogue_for(s);
    return s;
}

std::string page_state(const State& s, int frames) {
    // Before a quiz: no language yet (the page keeps its own until the quiz says).
    if (!s.loaded && s.errors.empty()) return Json{{"frames", frames}, {"screen", "loading"}, {"errors", Json::array()}}.dump();
    cr::PageInfo info;
    info.frames = frames;
    info.resume_offered = s.resume_offered;
    info.shared = s.viewing_shared;
    info.adopt_offered = s.adopt_offered;
    info.notice = s.notice;
    info.status = s.status;
    return cr::page_state_json(s.session(), s.errors, s.source, info);
}

std::vector<Effect> apply(State& s, const Command& command, double now_ms) {
    std::vector<Effect> out;
    const cr::Screen screen_before = s.loaded ? s.loaded->session.screen() : cr::Screen::Start;
    const int question_before = s.loaded ? s.loaded->session.current() : -1;
    bool seen = false, session = false, baseline = false;
    std::visit(Visit{
        [&](const Configure& c) { s.env = c.env; seen = true; },
        [&](const LoadQuiz& c) { load(s, c, out); seen = session = true; },
        [&](const StoredProgress& c) { seen = restore(s, c, out); },
        // A shared result is where the host's events start from: opening it is not the reader answering.
        [&](const ShareCode& c) { seen = baseline = open_shared(s, c, out); },
        [&](const Resume&) {
            if (!s.resume_offered) return;
            if (s.resumable) s.loaded->session = cr::Session(s.loaded->quiz, *s.resumable);
            s.resumable.reset();
            s.resume_offered = false;
            seen = session = true;
        },
        [&](const DiscardResume&) {
            if (!s.resume_offered) return;
            s.saved_here = true;  // "Start fresh": the saved progress goes
            s.resumable.reset();
            s.resume_offered = false;
            seen = session = true;
        },
        [&](const AdoptShared&) { if (s.viewing_shared) { leave_shared(s, true); seen = session = true; } },
        [&](const LeaveShared&) { if (s.viewing_shared) { leave_shared(s, false); seen = session = true; } },
        [&](const CopyResult&) {
            if (!s.loaded) return;
            const cr::Session& ss = s.loaded->session;
            out.push_back(CopyText{cr::result_text(s.loaded->quiz, ss.state().answers, ss.result())});
            s.status = cr::tr(cr::Key::Copied);
            seen = true;
        },
        [&](const CopyShareLink&) {
            if (!s.loaded || s.env.share_base.empty()) return;
            out.push_back(CopyText{s.env.share_base + cr::encode_session(s.loaded->quiz, s.loaded->session.state())});
            s.status = cr::tr(cr::Key::ShareCopied);
            seen = true;
        },
        [&](const CopyFailed& c) {
            // The confirmation given with the copy is taken back: the share link is shown to copy by hand, the
            // result's text is on the page already. Only while that confirmation shows: a refusal that comes after
            // the reader moved on belongs to no screen.
            if (!s.loaded || (s.status != cr::tr(cr::Key::Copied) && s.status != cr::tr(cr::Key::ShareCopied))) return;
            const bool link = !s.env.share_base.empty() && c.text.rfind(s.env.share_base, 0) == 0;
            s.status = link ? cr::tr(cr::Key::ShareCopyBlocked, {c.text}) : cr::tr(cr::Key::CopyBlocked);
            seen = true;
        },
        [&](const OpenRelated&) {
            if (!s.loaded || !s.loaded->quiz.related.present) return;
            out.push_back(OpenQuiz{s.source, s.loaded->quiz.related.quiz});
        },
        [&](const OpenCta&) {
            if (!s.loaded || s.loaded->session.screen() != cr::Screen::Results) return;
            const int chosen = s.loaded->session.result().decision.chosen;
            if (chosen < 0) return;
            const cr::Outcome& o = s.loaded->quiz.outcomes[chosen];
            out.push_back(OpenLink{o.cta.url, "cta", o.cta.label, o.id});
        },
        [&](const Print&) {
            if (s.loaded && s.loaded->session.screen() == cr::Screen::Results) out.push_back(PrintPage{});
        },
        [&](const PageHidden&) {
            if (!s.run.open || s.run.question.empty() || !s.loaded) return;
            s.run.open = false;
            out.push_back(HostEvent{"abandoned", {{"quiz", s.loaded->quiz.id}, {"question", s.run.question}, {"position", s.run.position},
                                                  {"total", s.run.total}, {"elapsed_ms", since(s.run.started_at, now_ms)}}});
        },
        [&](const auto& c) {  // Start, Select, SetValue, Next, Back, Restart
            if (s.loaded && session_command(s.loaded->session, Command(c))) seen = session = true;
        },
    }, command);
    if (!seen) return out;
    ++s.revision;
    // The confirmation under the buttons belongs to the screen it was given on.
    if (s.loaded && !std::holds_alternative<CopyResult>(command) && !std::holds_alternative<CopyShareLink>(command) &&
        !std::holds_alternative<CopyFailed>(command) &&
        (s.loaded->session.screen() != screen_before || s.loaded->session.current() != question_before))
        s.status.clear();
    if (session) {
        persist(s, out);
        host_events(s, now_ms, out);
    }
    if (baseline) s.last_snapshot = snapshot(s);
    return out;
}

}  // namespace app
