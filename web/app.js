// Crossroads page loader: starts the wasm module with the page's hooks (the Module options, docs/contract.md) and
// options (?quiz, theme, accent, start), reports every start-up failure in words and registers the offline worker.
// The entry of the page's modules in web/page/, which scripts/assemble.py bundles with esbuild into one script.
import { applyAccent, applyContrast, applyTheme, followAppearance } from "./page/appearance.js";
import { contextLost } from "./page/canvas.js";
import { onHostEvent, onState, watchLeaving } from "./page/events.js";
import { requestFont, requestPicture } from "./page/files.js";
import { keepEarlyTaps } from "./page/first-screen.js";
import { listenToHost } from "./page/host.js";
import { openLink, openQuiz } from "./page/links.js";
import { fail, reloadAction } from "./page/messages.js";
import { registerWorker } from "./page/offline.js";
import { printPage, watchPrinting } from "./page/print.js";
import { embedded, fromDisk, mark, params, preview, words } from "./page/options.js";
import { loadQuiz } from "./page/quiz.js";
import { firstFrameDrawn, reportHeight, watchHeight } from "./page/ready.js";
import { shareBase, takeShareCode } from "./page/share.js";
import { studioCommand } from "./page/studio-preview.js";
import { haveScript, startWasm } from "./page/wasm.js";
import { notify, setModule, setStarted, started } from "./page/widget.js";

function afterLoad() {
  if (params.get("start") === "question") window.crossroads.command("start");
}

function start() {
  applyTheme();  // the page's colours follow ?theme= and ?accent= at once; the wasm is told when it runs
  applyAccent();
  keepEarlyTaps();
  watchLeaving();
  listenToHost(studioCommand);
  watchHeight();
  followAppearance();
  watchPrinting();

  // The module can fail before it runs: its script missing, the wasm missing, truncated or refused by the
  // page's Content-Security-Policy. Each is signalled (an error event, a rejected promise, an abort).
  if (!haveScript()) {
    fail("script", words().PageCannotStart, [words().PageScriptMissing], reloadAction());
    return;
  }
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
  // The wasm starts once the first screen is painted: instantiating it and creating its WebGL context keep the main
  // thread busy for a while (bench/first-load.mjs), and the reader sees the screen meanwhile. In a hidden tab, where
  // frames wait, it starts after a moment all the same.
  setStarted(new Promise(function (painted) {
    requestAnimationFrame(function () { setTimeout(painted); });
    setTimeout(painted, 100);
  }).then(function () { return startWasm(options); }));
  started.then(function (m) {
    setModule(m);
    mark("cr:module");
    if (fromDisk) m._cr_set_links(0);
    applyAccent();
    applyContrast();
    applyTheme();
  }, function (e) {
    fail("wasm", words().PageCannotStart, [words().PageWasmFailed + " " + String(e && e.message || e)], reloadAction());
  });
  loadQuiz(params.get("quiz"), afterLoad);  // fetched while the wasm downloads and starts

  registerWorker();
}

start();
