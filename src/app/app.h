// Crossroads app layer: the one owner of the reader's state. Everything a reader or the page can do is a Command;
// apply() is the only function that changes the State, and it answers with the Effects the platform carries out
// (store, copy, open, fetch fonts and pictures, tell the host page). Pure C++: no ImGui, no Emscripten.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/diagnostics.h"
#include "core/json_doc.h"
#include "core/model.h"
#include "core/session.h"

namespace app {

// A loaded quiz and the reader's session on it, held together so the session never outlives its quiz.
struct Loaded {
    Loaded(cr::Quiz q, uint32_t seed) : quiz(std::move(q)), session(quiz, seed) {}
    Loaded(const Loaded&) = delete;
    Loaded& operator=(const Loaded&) = delete;
    const cr::Quiz quiz;
    cr::Session session;
};

// What the page is and can do, given once at start-up (Configure).
struct Environment {
    bool preview = false;         // ./build-wasm.sh preview or the studio: nothing stored, edits reload in place
    bool embedded = false;        // inside another page's iframe: a share code for another quiz is not ours
    bool can_link = true;         // the page can open another quiz (not from file://)
    std::string share_base;       // a share link is this plus the code; "" when the page has no address to share
};

// The reader's run as the host page hears of it: when it started, the question on screen and since when, in
// milliseconds of the page's clock (performance.now()), and whether it is open (started, not completed or left).
struct Run {
    std::optional<double> started_at;
    std::string question;
    int position = 0, total = 0;
    double shown_at = 0;
    bool open = false;
};


struct State {
    Environment env;
    std::unique_ptr<Loaded> loaded;      // null until a quiz loads, and when the file has errors
    std::unique_ptr<Loaded> last_good;   // preview: the last version that loaded, while the file has errors
    std::vector<cr::Diagnostic> errors;  // shown instead of the quiz when it has errors
    std::string source;                  // where the quiz came from, for messages ("" until one is loaded)
    std::optional<cr::SessionState> resumable;  // the reader's own saved progress, offered or set aside
    std::optional<cr::SessionState> shared;     // the session a share link gave, as it gave it
    bool saved_here = false;             // this page stored progress for the current quiz
    bool resume_offered = false;         // "Continue where you left off?" is on the start screen
    bool viewing_shared = false;         // the session shown came from a share link: nothing is saved
    bool own_saved = false;              // ... while the reader has saved progress of their own
    bool adopt_offered = false;          // ... and they changed it: ask whether it becomes theirs
    std::string notice;                  // a message above the start screen (a link that failed)
    std::string status;                  // a short confirmation under the result's buttons ("Copied")
    int revision = 0;                    // bumped by apply() on every change a reader could see
    Run run;
    cr::Json last_snapshot;              // the page state the host page last heard about (for its events)

    cr::Session* session() { return loaded ? &loaded->session : nullptr; }
    const cr::Session* session() const { return loaded ? &loaded->session : nullptr; }
};

// ---- commands: everything a reader or the page can do ----------------------------------------------
struct Configure { Environment env; };
// A quiz file's text, named `source` (its address, which its links and pictures are relative to); `seed` shuffles the
// options of its new session.
struct LoadQuiz { std::string text, source; uint32_t seed = 1; };
// What storage holds under the keys a ReadProgress effect named (nullopt: nothing, or storage is blocked).
struct StoredProgress { std::optional<std::string> saved, legacy; };
// A share code from the page's address ("cr1.QUIZ.…").
struct ShareCode { std::string code; };
struct Start {};
struct Select { int option = -1; };        // an option index of the current question (toggles in a multiple)
struct SetValue { double value = 0; };     // a scale's value
struct Next {};
struct Back {};
struct Restart {};
struct Resume {};                          // "Continue where you left off"
struct DiscardResume {};                   // "Start fresh"
struct AdoptShared {};                     // a shared result the reader changed becomes theirs
struct LeaveShared {};                     // back to the reader's own progress (or a fresh start)
struct CopyResult {};
struct CopyShareLink {};
struct CopyFailed { std::string text; };   // the page could not put `text` (a CopyText's) on the clipboard
struct OpenRelated {};
struct OpenCta {};
struct Print {};                           // "Print or save as PDF" on the results
struct PageHidden {};                      // the reader left the page (hidden or unloaded)
using Command = std::variant<Configure, LoadQuiz, StoredProgress, ShareCode, Start, Select, SetValue, Next, Back,
                             Restart, Resume, DiscardResume, AdoptShared, LeaveShared, CopyResult, CopyShareLink,
                             CopyFailed, OpenRelated, OpenCta, Print, PageHidden>;

// ---- effects: what the platform must do after a command ---------------------------------------------
// Write `value` under `key` ("" removes it); then, only when the browser kept it, remove `then_remove` (if any).
struct Store { std::string key, value, then_remove; };
// Read what storage holds under `key` and `legacy_key` and answer with StoredProgress.
struct ReadProgress { std::string key, legacy_key; };
struct ShareCodeTaken {};                  // the page may drop the code from its address
struct CopyText { std::string text; };
struct OpenQuiz { std::string base, path; };  // quiz file `path` relative to the quiz at `base`
struct OpenLink { std::string url, kind, label, outcome; };
struct FetchAssets {};                     // a new quiz: ask for the font packs and pictures it needs
struct PrintPage {};                       // the browser's print dialog (print or save as PDF) for the results
// crossroads:<name> to the host page; `detail` is a JSON object (docs/embedding.md lists each event's fields).
struct HostEvent { std::string name; cr::Json detail; };
using Effect = std::variant<Store, ReadProgress, ShareCodeTaken, CopyText, OpenQuiz, OpenLink, FetchAssets, PrintPage,
                            HostEvent>;

// Applies `command` at `now_ms` (the page's clock, for the host's timing fields) and returns what the platform must
// do, in order. The only function that changes a State; bumps state.revision when what a reader sees changed.
std::vector<Effect> apply(State& state, const Command& command, double now_ms = 0);

// The storage key of a quiz's progress: "crossroads:ID:VERSION:SHAPE" (SHAPE: cr::quiz_shape), and the key
// earlier deployments used, without the shape.
std::string progress_key(const cr::Quiz& quiz);
std::string legacy_progress_key(const cr::Quiz& quiz);

// A new state showing `quiz` with `session` (its seed shuffles the options), as if loaded from `source`: for tools
// and tests that draw a given screen (crossroads-measure, the frame benchmark, the scene tests). Stores nothing.
State showing(cr::Quiz quiz, const cr::SessionState& session, const std::string& source = "quiz.json");

// The page state JSON (cr::page_state_json) of `state`, with `frames` drawn so far; before any quiz is loaded (the
// page is fetching the one it asked for) {"frames":n,"screen":"loading","errors":[]}: no language, the page keeps its
// own until the quiz's is known.
std::string page_state(const State& state, int frames);

}  // namespace app
