// Crossroads studio (studio.html): CodeMirror 6 editors for a quiz file and its reader profiles, kept in localStorage.
// The live quiz beside them is the widget itself (index.html?studio=1, or quiz.html from disk): each edit is sent to
// it, and its answer, the wasm core's own check, becomes the editor's diagnostics. Bundled by scripts/assemble.py.
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers, highlightActiveLine } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching, foldGutter, indentOnInput, syntaxHighlighting, defaultHighlightStyle } from "@codemirror/language";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { json, jsonParseLinter } from "@codemirror/lang-json";
import { linter, lintGutter, lintKeymap } from "@codemirror/lint";
import { schemaHelp } from "./schema-help.js";

const PROTOCOL = 1;
const texts = JSON.parse(document.getElementById("st-texts").textContent);
const example = (id) => document.getElementById(id).textContent;
const fromDisk = location.protocol === "file:";
const STORE = "crossroads-studio:";

// ---- the live quiz: one request at a time is answered, in order, by the widget in the frame --------------------
const frame = document.getElementById("st-frame");
const frameOrigin = fromDisk ? "*" : location.origin;  // a file:// page's origin is opaque: it cannot be named
frame.src = fromDisk ? "quiz.html?studio=1" : "index.html?studio=1&host=" + encodeURIComponent(location.origin);
let frameReady = null;
const ready = new Promise((resolve) => { frameReady = resolve; });
const waiting = new Map();  // seq -> resolve
let seq = 0;

window.addEventListener("message", (e) => {
  if (e.source !== frame.contentWindow || (!fromDisk && e.origin !== location.origin)) return;
  const d = e.data;
  if (!d || typeof d !== "object" || d.type !== "crossroads" || d.v !== PROTOCOL) return;
  if (d.event === "ready") frameReady();
  else if (d.event === "error") setStatus(quizStatus, fromDisk ? texts.needsHttp : d.detail.message);
  else if ((d.event === "loaded" || d.event === "tested") && waiting.has(d.detail.seq)) {
    waiting.get(d.detail.seq)(d.detail);
    waiting.delete(d.detail.seq);
  }
});

// Sends `command` ("load": the quiz text, "test": the profiles) to the live quiz; resolves to its answer's detail.
async function ask(command, text, name) {
  await ready;
  const id = ++seq;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    frame.contentWindow.postMessage({ type: "crossroads", v: PROTOCOL, command, seq: id, name, text }, frameOrigin);
  });
}
// Loads `text` as quiz file `name` in the live quiz; resolves to { ok, diagnostics, summary } (the core's lines and
// its words for how many there are).
const check = (text, name) => ask("load", text, name);

// "name:line:col: error: where: message" -> a CodeMirror diagnostic. The core counts columns in characters
// (code points), CodeMirror in UTF-16 units.
const LINE = /^.*?:(\d+):(\d+): (error|warning): (.*)$/;
function toDiagnostic(doc, text) {
  const m = LINE.exec(text);
  if (!m) return { from: 0, to: 0, severity: "error", message: text };
  const line = doc.line(Math.min(Math.max(1, Number(m[1])), doc.lines));
  let at = 0;
  for (let col = 1; col < Number(m[2]) && at < line.length; col++) at += line.text.codePointAt(at) > 0xffff ? 2 : 1;
  const from = line.from + at;
  return { from, to: Math.min(line.to, from + 1), severity: m[3], message: m[4] };
}

// ---- editors ------------------------------------------------------------------------------------------------------
const quizStatus = document.getElementById("st-quiz-status");
function setStatus(el, text) { el.textContent = text; }

// The work is kept in localStorage, which a browser may refuse (cookies blocked, a page framed by another site) or
// find full. The studio then works all the same, and says so until a save succeeds.
const storageNote = document.getElementById("st-storage");
storageNote.textContent = texts.notSaved;
function stored(key) {
  try { return localStorage.getItem(STORE + key); } catch (e) { storageNote.hidden = false; return null; }
}
function store(key, value) {
  try {
    if (value === null) localStorage.removeItem(STORE + key); else localStorage.setItem(STORE + key, value);
    storageNote.hidden = true;
  } catch (e) { storageNote.hidden = false; }
}

function editor(parent, key, startText, extra) {
  const saved = stored(key);
  const keep = EditorView.updateListener.of((u) => { if (u.docChanged) store(key, u.state.doc.toString()); });
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: saved !== null ? saved : startText,
      extensions: [
        lineNumbers(), foldGutter(), lintGutter(), history(), indentOnInput(), bracketMatching(), closeBrackets(),
        highlightActiveLine(), syntaxHighlighting(defaultHighlightStyle, { fallback: true }), json(), keep,
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...lintKeymap]),
        EditorView.theme({
          "&": { height: "100%" }, ".cm-scroller": { overflow: "auto" },
          // Gutter markers drawn with CSS: CodeMirror's own are data: images, which img-src 'self' refuses.
          ".cm-lint-marker": { content: "normal", borderRadius: "50%", width: "0.7em", height: "0.7em", margin: "0.15em" },
          ".cm-lint-marker-error": { background: "#d11" }, ".cm-lint-marker-warning": { background: "#e80" },
          ".cm-lint-marker-info": { background: "#999" },
          // The same for the wavy underline under a located problem.
          ".cm-lintRange": { backgroundImage: "none", textDecoration: "underline wavy", textDecorationSkipInk: "none" },
          ".cm-lintRange-error": { textDecorationColor: "#d11" }, ".cm-lintRange-warning": { textDecorationColor: "#e80" },
          ".cm-lintRange-info": { textDecorationColor: "#999" },
          ".cm-completionInfo, .st-help": { whiteSpace: "pre-line", maxWidth: "36em" },
          ".st-help": { padding: "4px 8px" }, ".st-help-head": { fontFamily: "monospace", fontWeight: "bold" },
        }),
        extra,
      ],
    }),
  });
}

// The editors live in shadow roots: CodeMirror's styles then go into adopted style sheets, which the widget's strict
// Content-Security-Policy (style-src 'self', no 'unsafe-inline') allows, where it would refuse <style> elements.
function host(id) {
  const shadow = document.getElementById(id).attachShadow({ mode: "open" });
  const box = document.createElement("div");
  box.style.height = "100%";
  shadow.appendChild(box);
  return box;
}

const names = { quiz: stored("quiz-name") || "quiz.json", profiles: stored("profiles-name") || "profiles.json" };
function setName(key, name) {
  names[key] = name;
  document.getElementById(`st-${key}-name`).textContent = name;
  store(key + "-name", name);
}

// Every profile, run by the core against the quiz as the live quiz has it now: one line each, holding or not.
const results = document.getElementById("st-results");
function setResults(text) { results.textContent = text; }
async function runProfiles() {
  const { result } = await ask("test", profiles.state.doc.toString(), names.profiles);
  if (!result.ok) { setResults(result.error); return; }
  setResults("");
  const held = result.profiles.length - result.failed;
  const head = document.createElement("p");
  head.textContent = texts.profilesSummary.replace("{held}", held).replace("{total}", result.profiles.length);
  results.appendChild(head);
  const list = document.createElement("ul");
  for (const p of result.profiles) {
    const li = document.createElement("li");
    li.className = p.pass ? "st-pass" : "st-fail";
    li.textContent = (p.pass ? texts.profileHolds : texts.profileFails).replace("{name}", p.name || texts.unnamed)
      .replace("{expect}", p.expect).replace("{problems}", p.problems);
    list.appendChild(li);
  }
  results.appendChild(list);
}

const quizLint = linter(async (view) => {
  const got = await check(view.state.doc.toString(), names.quiz);
  setStatus(quizStatus, got.diagnostics.length ? got.summary : texts.ok);
  if (got.ok) runProfiles();
  else setResults(texts.profilesWaiting);  // results for a quiz that no longer loads would mislead
  return got.diagnostics.map((l) => toDiagnostic(view.state.doc, l));
}, { delay: 400 });

// Completion and hover help from the format's schema (content/schema/quiz.schema.json, inlined by scripts/assemble.py).
const help = schemaHelp(JSON.parse(example("st-schema")), texts);
const quiz = editor(host("st-quiz-editor"), "quiz", example("st-example-quiz"), [quizLint, help]);
// The profiles: checked as JSON by CodeMirror, then run by the core on each change.
const profilesLint = linter((view) => {
  const found = jsonParseLinter()(view);
  if (!found.length) runProfiles();
  return found;
}, { delay: 400 });
const profiles = editor(host("st-profiles-editor"), "profiles", example("st-example-profiles"), profilesLint);
setStatus(quizStatus, texts.waiting);
setName("quiz", names.quiz);
setName("profiles", names.profiles);

function replaceText(view, text) { view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }); }

// ---- open, download, copy, start over -----------------------------------------------------------------------------
for (const [key, view] of [["quiz", quiz], ["profiles", profiles]]) {
  document.getElementById(`st-${key}-open`).addEventListener("change", async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    setName(key, file.name);
    replaceText(view, await file.text());
    e.target.value = "";
  });
  document.getElementById(`st-${key}-download`).addEventListener("click", () => {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([view.state.doc.toString()], { type: "application/json" }));
    a.download = names[key];
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);  // after the click has started the download
  });
  document.getElementById(`st-${key}-copy`).addEventListener("click", () => {
    navigator.clipboard.writeText(view.state.doc.toString()).then(
      () => setStatus(quizStatus, texts.copied), () => setStatus(quizStatus, texts.copyFailed));
  });
}
document.getElementById("st-reset").addEventListener("click", () => {
  for (const key of ["quiz", "profiles", "quiz-name", "profiles-name"]) store(key, null);
  setName("quiz", "quiz.json");
  setName("profiles", "profiles.json");
  replaceText(quiz, example("st-example-quiz"));
  replaceText(profiles, example("st-example-profiles"));
});

// ---- offline: once the widget's worker runs (the live quiz registers it), this page's own files are kept in the
// cache its route answers from (scripts/make-sw.mjs), so the studio opens offline after one visit; readers, who never
// open the studio, do not download it. This cache holds only studio files: those of earlier deployments in the worker's
// folder go (a deployment in a folder below has a scope of its own).
if (!fromDisk && "serviceWorker" in navigator && "caches" in window) {
  navigator.serviceWorker.ready.then(async (reg) => {
    const cache = await caches.open("crossroads-studio");
    const own = [location.pathname, ...[...document.querySelectorAll("script[src], link[rel=stylesheet]")].map((e) => e.src || e.href)]
      .map((u) => new URL(u, location.href).href);
    for (const request of await cache.keys()) {
      const rest = request.url.startsWith(reg.scope) ? request.url.slice(reg.scope.length) : null;
      if (rest !== null && !rest.includes("/") && !own.includes(request.url)) await cache.delete(request);
    }
    await cache.addAll(own);
  }).catch((e) => console.warn("Crossroads studio: offline use is not ready:", e && e.message));
}
