// Benchmark: first load of our widget (dist/, or --dist DIR) against the same quiz in SurveyJS, alternating N times
// (default 7) in one headless Chromium, each in a fresh context: medians and ratios of time to the first screen, bytes,
// memory, a start-up breakdown, and a repeat visit of ours. Asserts nothing. Usage: node bench/first-load.mjs [N] [--dist DIR]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DIST, ROOT, launchBrowser, watchProblems } from "../tests/browser/lib.mjs";
import { serve } from "../scripts/serve.mjs";
import { START_SCREEN, markWhenDrawn, writeStaticCopy } from "./start-screen.mjs";
import { OUT as SURVEYJS, writePage } from "./surveyjs-page.mjs";

const args = process.argv.slice(2);
const at = args.indexOf("--dist");
const dist = at >= 0 ? path.resolve(args.splice(at, 2)[1]) : DIST;
const N = Number(args[0] || 7);
const WAIT = { timeout: 120000 };  // one load on a busy 2-core machine with software WebGL can take seconds

// "First screen drawn", alike for both pages: the start of the animation frame after the one in which the page drew
// its first screen (mark bench:drawn). By then the main thread's work for that screen is done: ours its WebGL draw,
// SurveyJS its style, layout and paint. What the GPU process and the compositor still do is in neither.

// In every page of ours: mark bench:drawn one frame after app.js's cr:first-frame (set in the frame that drew it), and
// keep the Emscripten module (createCrossroads resolves to it) to read its wasm memory: the size of its linear memory,
// and the malloc heap in use where the build exports _cr_heap_in_use.
function instrumentOurs() {
  const mark = performance.mark.bind(performance);
  performance.mark = (name, ...rest) => {
    if (name === "cr:first-frame") requestAnimationFrame(() => mark("bench:drawn"));
    return mark(name, ...rest);
  };
  let factory;
  Object.defineProperty(window, "createCrossroads", {
    configurable: true,
    get: () => factory,
    set(f) {
      factory = (options) => {
        // bench:frame-drawn: the wasm has drawn its first frame (it calls onfirstframe before it asks for anything else).
        const drawnHook = options.onfirstframe;
        const started = f({ ...options, onfirstframe: () => { mark("bench:frame-drawn"); drawnHook?.(); } });
        started.then((m) => { window.__benchModule = m; });
        return started;
      };
    },
  });
}

// SurveyJS's first screen drawn: its first question's title.
const SURVEYJS_DRAWN = { selector: ".sd-question__title", inDom: "question-in-dom", drawn: "drawn" };

// When the page's first screen was drawn (the performance mark `mark`), ms after navigation start.
async function drawn(page, mark = "bench:drawn") {
  try {
    await page.waitForFunction((m) => performance.getEntriesByName(m).length, mark, WAIT);
  } catch (e) {
    throw new Error(`${page.url()}: no first screen within ${WAIT.timeout / 1000} s (a dist/ built before web/app.js ` +
                    `marked cr:first-frame never shows one): ${e.message}`);
  }
  return page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, mark);
}

// Milestones of one load, in ms since navigation start: the HTML and each file received (and, for files a script
// fetches, requested), DOMContentLoaded, the first contentful paint, and every performance mark (ours: cr:*, the
// bench's: bench:*). Waits for the first contentful paint, which follows the frame that draws the first screen.
async function milestones(page) {
  await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length, null, WAIT);
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const out = { "HTML received": nav.responseEnd, "DOMContentLoaded": nav.domContentLoadedEventEnd };
    for (const r of performance.getEntriesByType("resource")) {
      const file = r.name.split("/").pop().replace(/\.[0-9a-f]{10}\./, ".");
      if (r.initiatorType === "fetch") out[`${file} requested`] = r.startTime;
      out[`${file} received`] = r.responseEnd;
    }
    for (const p of performance.getEntriesByType("paint")) out[p.name] = p.startTime;
    for (const m of performance.getEntriesByType("mark")) out[m.name] = m.startTime;
    return out;
  });
}

// Network bytes of a page's responses (bodies as sent; this server does not compress), the URLs, to size them, and
// when each was requested (ms since the epoch, as the page's performance.timeOrigin counts). The list is read once the
// network has been quiet for 0.5 s (after the timing, so that wait costs no time measured).
function recordResponses(page) {
  const pending = [];
  page.on("requestfinished", (req) => pending.push((async () => {
    const res = await req.response();
    return { url: req.url(), bytes: (await req.sizes()).responseBodySize, fromWorker: !!res && res.fromServiceWorker(),
             requested: req.timing().startTime };
  })()));
  return async () => {
    await page.waitForLoadState("networkidle");
    return Promise.all(pending);
  };
}

async function jsHeapBytes(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  return usedSize;
}

// One first load in a fresh context (cold HTTP cache, no service worker): the first screen, the milestones, the
// responses and the JS heap; `more(page)` adds what only one page has. Problems (errors, failed requests) are printed.
async function firstLoad(browser, name, url, instrument, watched, more = async () => ({})) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  await context.addInitScript(markWhenDrawn, watched);
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const problems = watchProblems(page);
  const responses = recordResponses(page);
  await page.goto(url);
  const ms = await drawn(page);
  const result = { ms, milestones: await milestones(page), heap: await jsHeapBytes(context, page), ...await more(page) };
  // The first load is what the page asked for before it drew its first screen (ours: before the wasm's first frame
  // was drawn; SurveyJS: by its drawn mark); later requests are listed apart.
  const drawnAt = await page.evaluate((ms) => performance.timeOrigin + ms, result.milestones["bench:frame-drawn"] ?? ms);
  const all = await responses();
  result.responses = all.filter((r) => !(r.requested > drawnAt));
  result.later = all.filter((r) => r.requested > drawnAt);
  for (const p of problems) console.log(`  warning (${name}): ${p.kind} ${p.url || ""} ${p.text || ""}`);
  await context.close();
  return result;
}

const loadSurveyJs = (browser, url) => firstLoad(browser, "SurveyJS", url, () => {}, SURVEYJS_DRAWN);

// Ours adds its wasm memory and, when `idle`, the frames it draws while nothing changes (an idle widget draws none).
const loadOurs = (browser, url, idle) => firstLoad(browser, "Crossroads", url, instrumentOurs, START_SCREEN, async (page) => {
  const out = await page.evaluate(() => ({ wasm: window.__benchModule?.HEAPU8.length ?? null,
                                           wasmHeap: window.__benchModule?._cr_heap_in_use?.() ?? null }));
  if (idle) {
    await page.waitForTimeout(1000);
    const before = await page.evaluate(() => window.crossroads.frames());
    await page.waitForTimeout(3000);
    out.idleFrames = (await page.evaluate(() => window.crossroads.frames())) - before;
  }
  return out;
});

// Our start screen in the page without its scripts (start-screen.mjs): drawn, ms, as the real start screen is timed.
async function loadStatic(browser, url) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  await context.addInitScript(markWhenDrawn, START_SCREEN);
  const page = await context.newPage();
  await page.goto(url);
  const ms = await drawn(page, `bench:${START_SCREEN.drawn}`);
  await context.close();
  return { ms };
}

// A repeat visit of ours: the offline worker installs during a first load and takes control; the reload is timed.
async function repeatVisit(browser, url) {
  const context = await browser.newContext({ serviceWorkers: "allow" });
  await context.addInitScript(instrumentOurs);
  const page = await context.newPage();
  await page.goto(url);
  await drawn(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, WAIT);
  const responses = recordResponses(page);
  await page.reload();
  const ms = await drawn(page);
  const network = (await responses()).filter((r) => !r.fromWorker);
  await context.close();
  return { ms, networkBytes: network.reduce((sum, r) => sum + r.bytes, 0) };
}

// ---- statistics and printing ------------------------------------------------------------------------------------

function median(values) {
  const v = values.filter((x) => typeof x === "number").sort((a, b) => a - b);
  if (!v.length) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

const fmt = (n, digits = 0) => (n === null || n === undefined ? "-" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const ratio = (theirs, ours) => (theirs && ours ? (theirs / ours).toFixed(2) : "-");
const row = (label, ours, theirs, r = "") => console.log(`${label.padEnd(40)}${ours.padStart(14)}${theirs.padStart(14)}${r.padStart(10)}`);

// Each file a page loaded, sized as sent and compressed from the file the server read by the same tools as run.sh's
// dist/ table (gzip -9 -n, brotli -q 11), as a static host would store it.
const compressed = (command, file) => execFileSync(command[0], [...command.slice(1), "-c", file], { maxBuffer: 1 << 30 }).length;
function fileSizes(root, responses) {
  const seen = new Map();
  for (const r of responses) {
    let rel = decodeURIComponent(new URL(r.url).pathname);
    if (rel.endsWith("/")) rel += "index.html";
    if (seen.has(rel)) continue;
    const file = path.join(root, rel);
    seen.set(rel, { file: rel.slice(1), sent: r.bytes, gzip: compressed(["gzip", "-9", "-n"], file),
                    brotli: compressed(["brotli", "-q", "11"], file) });
  }
  const files = [...seen.values()];
  const total = (key) => files.reduce((sum, f) => sum + f[key], 0);
  return { files, sent: total("sent"), gzip: total("gzip"), brotli: total("brotli") };
}

function printFiles(name, sizes, heading = "files of the first load, asked for before the first screen was drawn (bytes)") {
  console.log(`\n${name}: ${heading}`);
  console.log(`${"".padEnd(50)}${"sent".padStart(10)}${"gzip".padStart(10)}${"brotli".padStart(10)}`);
  for (const f of sizes.files) console.log(`  ${f.file.padEnd(48)}${fmt(f.sent).padStart(10)}${fmt(f.gzip).padStart(10)}${fmt(f.brotli).padStart(10)}`);
  console.log(`  ${"total".padEnd(48)}${fmt(sizes.sent).padStart(10)}${fmt(sizes.gzip).padStart(10)}${fmt(sizes.brotli).padStart(10)}`);
}

function printBreakdown(name, loads) {
  console.log(`\n${name}: start-up milestones, ms after navigation start (median of ${loads.length})`);
  const names = [...new Set(loads.flatMap((l) => Object.keys(l.milestones)))];
  const rows = names.map((n) => [n, median(loads.map((l) => l.milestones[n]))]).sort((a, b) => a[1] - b[1]);
  for (const [n, ms] of rows) console.log(`  ${n.padEnd(46)}${fmt(ms).padStart(8)}`);
}

// ---- run --------------------------------------------------------------------------------------------------------

if (!fs.existsSync(path.join(dist, "index.html"))) {
  console.error(`${dist}/index.html is missing: build dist/ first (./build-wasm.sh)`);
  process.exit(1);
}
writePage();
const version = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/survey-core/package.json"), "utf8")).version;
const servers = await Promise.all([dist, SURVEYJS, writeStaticCopy(dist)].map((dir) => serve(dir, 0)));
const [oursUrl, theirUrl, staticUrl] = servers.map((s) => `http://127.0.0.1:${s.address().port}/`);
const browser = await launchBrowser();
// One untimed load of each first: the browser's first page pays for starting its processes (the GPU's above all).
const { idleFrames } = await loadOurs(browser, oursUrl, true);
await loadSurveyJs(browser, theirUrl);
const ours = [], theirs = [], statics = [], repeats = [];
for (let i = 0; i < N; i++) {
  // Who goes first alternates too, so neither page always follows the other's clean-up.
  const round = [async () => ours.push(await loadOurs(browser, oursUrl, false)),
                 async () => theirs.push(await loadSurveyJs(browser, theirUrl)),
                 async () => statics.push(await loadStatic(browser, staticUrl))];
  for (const load of i % 2 ? round.reverse() : round) await load();
  repeats.push(await repeatVisit(browser, oursUrl));
}
await browser.close();
for (const s of servers) { s.closeAllConnections?.(); s.close(); }

const oursSizes = fileSizes(dist, ours[0].responses), theirSizes = fileSizes(SURVEYJS, theirs[0].responses);
const t = (loads) => median(loads.map((l) => l.ms));
const fcp = (loads) => median(loads.map((l) => l.milestones["first-contentful-paint"]));
const spread = (loads) => { const v = loads.map((l) => l.ms); return `${fmt(Math.min(...v))}-${fmt(Math.max(...v))}`; };
const heap = (loads) => median(loads.map((l) => l.heap)) / 1048576;

console.log(`\nFirst load, ${N} loads of each page alternating in one Chromium after one untimed load of each, a fresh`);
console.log("context each (cold HTTP cache, no service worker). Software WebGL (SwiftShader): no GPU.");
console.log(`Crossroads: ${dist}   SurveyJS ${version}: ${SURVEYJS}`);
row("", "Crossroads", "SurveyJS", "ratio");
row("first screen drawn (ms, median)", fmt(t(ours)), fmt(t(theirs)), ratio(t(theirs), t(ours)));
row("  fastest-slowest (ms)", spread(ours), spread(theirs));
const startScreen = median(ours.map((l) => l.milestones["bench:start-screen-drawn"]));
row("real start screen drawn, before the wasm", fmt(startScreen), fmt(t(theirs)),
    startScreen && t(theirs) ? (startScreen / t(theirs)).toFixed(2) : "-");
row("  the same page without its scripts", fmt(t(statics)), fmt(t(theirs)), t(statics) && t(theirs) ? (t(statics) / t(theirs)).toFixed(2) : "-");
console.log("  (ms, median; ours: the page's own start screen with its title and Start, drawn as first screen drawn is;");
console.log("  without its scripts: the same HTML and CSS with no script file and no preload, what this browser alone");
console.log("  takes; SurveyJS: its first question drawn; these ratios are ours / SurveyJS's, goal <= 0.35)");
row("first contentful paint (ms, median)", fmt(fcp(ours)), fmt(fcp(theirs)), ratio(fcp(theirs), fcp(ours)));
row("bytes transferred (uncompressed)", fmt(oursSizes.sent), fmt(theirSizes.sent), ratio(theirSizes.sent, oursSizes.sent));
row("  as gzip -9", fmt(oursSizes.gzip), fmt(theirSizes.gzip), ratio(theirSizes.gzip, oursSizes.gzip));
row("  as brotli -q 11", fmt(oursSizes.brotli), fmt(theirSizes.brotli), ratio(theirSizes.brotli, oursSizes.brotli));
row("requests", fmt(oursSizes.files.length), fmt(theirSizes.files.length));
row("JS heap after first screen (MB, median)", fmt(heap(ours), 1), fmt(heap(theirs), 1), ratio(heap(theirs), heap(ours)));
const mb = (key) => { const m = median(ours.map((l) => l[key])); return m === null ? "-" : fmt(m / 1048576, 1); };
row("wasm memory after first frame (MB)", mb("wasm"), "-");
row("  of it, malloc heap in use (MB)", mb("wasmHeap"), "-");
console.log("(ratio: SurveyJS / Crossroads; above 1 means ours is faster or smaller)");
console.log(`\nRepeat visit of ours (offline worker in control, reload): first frame ${fmt(t(repeats))} ms median ` +
            `(${spread(repeats)}), ${fmt(median(repeats.map((r) => r.networkBytes)))} bytes from the network`);
console.log(`Frames drawn in 3 s of idling after the first frame: ${idleFrames}`);
printBreakdown("Crossroads", ours);
printBreakdown("SurveyJS", theirs);
printFiles("Crossroads", oursSizes);
const oursLater = fileSizes(dist, ours[0].later);
if (oursLater.files.length) printFiles("Crossroads", oursLater, "asked for after the first screen was drawn, not counted above (bytes)");
printFiles("SurveyJS", theirSizes);
const theirLater = fileSizes(SURVEYJS, theirs[0].later);
if (theirLater.files.length) printFiles("SurveyJS", theirLater, "asked for after the first screen was drawn, not counted above (bytes)");
