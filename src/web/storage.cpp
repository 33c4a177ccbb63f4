// Crossroads web edge: progress kept in localStorage per quiz id, version and shape, and share links that carry a
// session in the URL fragment. A shared result is shown apart from the reader's own progress and never saved
// over it; blocked, full or corrupt storage is tolerated, and nothing stored is deleted because a link failed.
#include <emscripten.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "core/catalogue.h"
#include "core/codec.h"
#include "page.h"
#include "platform.h"

namespace web {

namespace {

std::optional<std::string> take(char* p) {
    if (!p) return std::nullopt;
    std::string s(p);
    std::free(p);
    return s;
}


// Where earlier deployments kept progress, for any quiz with this id and version: "crossroads:ID:VERSION".
std::string unshaped_key(const cr::Quiz& q) { return "crossroads:" + q.id + ":" + std::to_string(q.version); }
std::string key_for(const cr::Quiz& q) { return unshaped_key(q) + ":" + cr::quiz_shape(q); }

// Progress an earlier deployment kept under the key without the shape moves to this quiz's key when there is none
// yet and it fits this quiz; progress that does not fit belongs to another quiz with this id and version and stays.
void take_over_unshaped(const cr::Quiz& q) {
    const std::string key = key_for(q), old = unshaped_key(q);
    if (take(js_storage_get(key.c_str()))) return;
    const auto saved = take(js_storage_get(old.c_str()));
    cr::SessionState state;
    std::string error;
    if (saved && cr::decode_session(q, *saved, state, error) && js_storage_set(key.c_str(), saved->c_str()))
        js_storage_set(old.c_str(), nullptr);
}

bool same_answers(const cr::Answers& a, const cr::Answers& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].given != b[i].given) return false;
        if (a[i].given && (a[i].options != b[i].options || a[i].value != b[i].value)) return false;
    }
    return true;
}

// Opens a share code, or explains on the canvas why not. Inside an embed, a code for another quiz belongs to
// another widget on the same post and is left alone.
void open_shared(App& a, const std::string& code) {
    if (js_embedded() && code.rfind("cr1." + a.quiz().id + ".", 0) != 0) return;
    js_share_code_taken();
    cr::SessionState state;
    std::string error;
    if (!cr::decode_session(a.quiz(), code, state, error)) {
        a.view.notice = cr::tr(cr::Key::LinkRefused, {error, cr::tr(a.progress.resumable ? cr::Key::OwnAnswersSafe : cr::Key::TakeItYourself)});
        return;
    }
    a.progress.shared = state;
    a.loaded->session = cr::Session(a.quiz(), state);
    a.view.shared = true;
    a.view.own_saved = a.progress.resumable.has_value();
    a.view.resume_offered = false;
}

}  // namespace

void restore_progress() {
    App& a = app();
    a.progress.resumable.reset();
    a.progress.shared.reset();
    a.progress.saved_here = false;
    a.view.resume_offered = false;
    a.view.shared = false;
    a.view.adopt_offered = false;
    a.view.notice.clear();
    a.view.can_share = take(js_share_base()).has_value();
    if (!a.session() || a.provisional || a.preview) return;  // a preview neither offers nor stores progress
    take_over_unshaped(a.quiz());
    cr::SessionState state;
    std::string error;
    // Saved progress that cannot be read (e.g. the quiz changed without a new version) stays where it is.
    if (auto saved = take(js_storage_get(key_for(a.quiz()).c_str()))) {
        if (cr::decode_session(a.quiz(), *saved, state, error) && state.screen != cr::Screen::Start) {
            a.progress.resumable = state;
            a.view.resume_offered = true;
        }
    }
    if (auto code = take(js_share_code())) open_shared(a, *code);
}

void save_progress() {
    App& a = app();
    if (!a.session() || a.view.resume_offered || a.provisional || a.preview) return;
    const cr::SessionState& s = a.session()->state();
    if (a.view.shared) {
        // Someone else's answers: ask before they become the reader's own (see answer_shared).
        if (a.progress.shared && !same_answers(s.answers, a.progress.shared->answers) && !a.view.adopt_offered) {
            a.view.adopt_offered = true;
            request_frames(3);
        }
        return;
    }
    bool any = s.screen != cr::Screen::Start;
    for (const auto& ans : s.answers) any = any || ans.given;
    // An empty session clears only what this page saved (the reader started over); what an earlier visit left,
    // even unreadable, stays until the reader saves something new or chooses "Start fresh".
    if (any || a.progress.saved_here) js_storage_set(key_for(a.quiz()).c_str(), any ? cr::encode_session(a.quiz(), s).c_str() : nullptr);
    a.progress.saved_here = any;
}

void answer_resume(bool resume) {
    App& a = app();
    if (resume && a.progress.resumable && a.session()) a.loaded->session = cr::Session(a.quiz(), *a.progress.resumable);
    if (!resume) a.progress.saved_here = true;  // "Start fresh": the saved progress goes
    a.progress.resumable.reset();
    a.view.resume_offered = false;
    ++a.view.revision;
    save_progress();
    request_frames(3);
}

void answer_shared(bool adopt) {
    App& a = app();
    if (!a.view.shared) return;
    a.view.shared = false;
    a.view.adopt_offered = false;
    a.progress.shared.reset();
    if (!adopt) {
        // Back to the reader's own progress, offered as on any return visit.
        a.loaded->session = cr::Session(a.quiz(), a.session()->state().seed);
        a.view.resume_offered = a.progress.resumable.has_value();
    } else {
        a.progress.resumable.reset();
    }
    ++a.view.revision;
    save_progress();
    request_frames(3);
}

std::string share_link() {
    App& a = app();
    auto base = take(js_share_base());
    if (!base || !a.session()) return std::string();
    return *base + cr::encode_session(a.quiz(), a.session()->state());
}

}  // namespace web
