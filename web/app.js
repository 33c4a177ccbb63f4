// Crossroads page loader: starts the wasm module with the page's hooks (the Module options, docs/contract.md) and
// options (?quiz, theme, accent, start), reports every start-up failure in words and registers the offline worker.
// The entry of the page's modules in web/page/, which scripts/assemble.py bundles with esbuild into one script.
import { applyAccent, applyContrast, applyTheme, followAppearance } from "./page/appearance.js";
import { contextLost } from "./page/canvas.js";
import { onHostEvent, onState, watchLeaving } from "./page/events.js";
import { requestFont, requestPicture } from "./page/files.js";
import { useWidgetFonts } from "./page/first-screen.js";
import { listenToHost } from "./page/host.js";
import { openLink, openQuiz } from "./page/links.js";
import { fail, reloadAction } from "./page/messages.js";
import { registerWorker } from "./page/offline.js";
import { printPage, watchPrinting } from "./page/print.js";
import { embedded, fromDisk, mark, params, preview, root, words } from "./page/options.js";
import { prepare } from "./page/prepare.js";
import { loadQuiz } from "./page/quiz.js";
import { firstFrameDrawn, reportHeight, watchHeight } from "./page/ready.js";
import { shareBase, takeShareCode } from "./page/share.js";
import { studioCommand } from "./page/studio-preview.js";
import { addScript, scriptMissing, startWasm } from "./page/wasm.js";
import { notify, setModule, setStarted, started } from "./page/widget.js";

function afterLoad() {
  if (params.get("start") === "question") window.crossroads.command("start");
}

function start() {
  applyTheme();  // the page's colours follow ?theme= (as its inline script did); the wasm is told when it runs
  useWidgetFonts();
  watchLeaving();
  listenToHost(studioCommand);
  watchHeight();
  followAppearance();
  watchPrinting();

  var options = {
    "onfirstframe": firstFrameDrawn,
    "onstate": onState,
    "onhostevent": onHostEvent,
    "onresize": reportHeight,
    "onlayout": notify,
    "oncontextlost": contextLost,
    "onAbort": function (what) { fail("wasm", words().PageCannotStart, [words().PageWasmFailed + " " + String(what || "")], reloadAction()); },
    "onopenquiz": openQuiz,
    "onprint": printPage,
    "requestFont": requestFont,
    "requestPicture": requestPicture,
    "openLink": openLink,
    "shareCode": takeShareCode(),
    "shareBase": shareBase,
    "embedded": embedded,
    "preview": preview
  };
  setStarted(startWasm(options));
  // The text layer's script (web/a11y.js), which index.html leaves to this loader (quiz.html carries it).
  var textLayer = root.getAttribute("data-text-layer");
  if (textLayer) addScript(textLayer).catch(function (e) { console.warn("crossroads: no text layer: " + e.message); });
  // The module can fail before it runs: its script missing, the wasm missing, truncated or refused by the
  // page's Content-Security-Policy. Each is signalled (an error event, a rejected promise, an abort).
  started.then(function (m) {
    setModule(m);
    mark("cr:module");
    if (fromDisk) m._cr_set_links(0);
    applyAccent();
    applyContrast();
    applyTheme();
  }, function (e) {
    if (e === scriptMissing) fail("script", words().PageCannotStart, [words().PageScriptMissing], reloadAction());
    else fail("wasm", words().PageCannotStart, [words().PageWasmFailed + " " + String(e && e.message || e)], reloadAction());
  });
  loadQuiz(params.get("quiz"), afterLoad);  // fetched while the wasm downloads and starts

  registerWorker();
}

// The page's inline script (the same function) has done this, unless a policy without its hash refused it.
prepare(root, params);

// Everything starts once the page's first screen has been painted: this, evaluating the wasm's script, instantiating it
// and creating its WebGL context keep the main thread busy for a while, and the reader sees the screen meanwhile. Work
// begun in the frame after the first paint still delays that paint's display (bench/first-paint-ab.mjs: about 45 ms
// here), so it waits one frame more; at once if this script came after the browser reported its first contentful
// paint. (The files are already on their way: the page preloads them, web/page/wasm.js asks for the quiz's form.) A
// hidden page, which draws no frames, starts at once; one whose frames are held back (an iframe out of view) after
// half a second.
var begun = false;
function startOnce() {
  if (begun) return;
  begun = true;
  start();
}
if (document.visibilityState === "hidden" || performance.getEntriesByName("first-contentful-paint").length) {
  startOnce();
} else {
  requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(startOnce); }); });
  setTimeout(startOnce, 500);
}
