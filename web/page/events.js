// The reader's run as events for the host page, derived from each new state the wasm reports: started, answered,
// question, completed (with their timing fields), and abandoned when the reader leaves mid-quiz.
// The events and their fields are documented in docs/embedding.md.
import { post } from "./host.js";
import { stateDrawn } from "./ready.js";
import { notify, state } from "./widget.js";

export var last = null;  // the state events were last derived from
export function startFrom() { last = state(); }

// The reader's run, for the timing fields: when they started (null before), the question on screen and when it was
// shown, and whether the run is open (started, neither completed nor abandoned yet).
var run = { at: null, shown: null, open: false };
function since(t) { return t === null ? null : Math.round(performance.now() - t); }
export function onState() {  // called by the wasm after a frame that drew a new state
  stateDrawn();
  var s = notify();
  if (!s || s.screen === "error") { last = s; return; }
  var before = last && last.quiz === s.quiz ? last : { screen: "start", answers: {} };
  if (before.screen === "start" && s.screen === "question") {
    run = { at: performance.now(), shown: null, open: true };
    post("started", { quiz: s.quiz, version: s.version });
  }
  Object.keys(s.answers).forEach(function (q) {
    if (JSON.stringify(s.answers[q]) === JSON.stringify(before.answers[q])) return;
    // Time on the question: only for the one the reader is answering (not for answers a resume brings back).
    var onScreen = run.shown && run.shown.question === q;
    post("answered", { quiz: s.quiz, question: q, options: s.answers[q], time_ms: onScreen ? since(run.shown.at) : null });
  });
  if (s.screen === "question" && (before.screen !== "question" || before.question !== s.question)) {
    run.shown = { quiz: s.quiz, question: s.question, position: s.position, total: s.total, at: performance.now() };
    post("question", { quiz: s.quiz, question: s.question, position: s.position, total: s.total, section: s.section,
                       elapsed_ms: since(run.at) });
  }
  if (before.screen !== "results" && s.screen === "results" && s.result) {
    run.open = false;
    post("completed", { quiz: s.quiz, outcome: s.result.outcome, outcome_title: s.result.outcome_title || null,
                        totals: s.result.totals, elapsed_ms: since(run.at),
                        knowledge: s.result.knowledge ? { percent: s.result.knowledge.percent, band: s.result.knowledge.band } : null });
  }
  last = s;
}

// The reader leaves mid-quiz: this page is hidden or unloaded before the results, once per run. When the host page
// itself goes away its message handlers may not run any more; embed.js then sends the event from the host's side.
function leaving() {
  var at = run.shown;
  if (!run.open || !at) return;
  run.open = false;
  post("abandoned", { quiz: at.quiz, question: at.question, position: at.position, total: at.total, elapsed_ms: since(run.at) });
}
export function watchLeaving() {
  window.addEventListener("pagehide", leaving);
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") leaving(); });
}
