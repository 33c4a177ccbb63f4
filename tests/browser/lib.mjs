// Shared helpers for the browser tests: serve dist/ on loopback, launch Debian's Chromium via playwright-core,
// collect console errors and failed requests, wait on window.crossroads state, and click hits at real canvas pixels.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import pngjs from "pngjs";

const { PNG } = pngjs;
import { fileHandler, serve } from "../../scripts/serve.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// The Content-Security-Policy docs/embedding.md tells hosts to serve, read from the docs so the two cannot drift apart.
export function documentedCsp() {
  const doc = fs.readFileSync(path.join(ROOT, "docs/embedding.md"), "utf8");
  const m = /```\nContent-Security-Policy: ([^`]+)```/.exec(doc);
  assert.ok(m, "docs/embedding.md has no Content-Security-Policy block");
  return m[1].replace(/\s+/g, " ").trim();
}

// Serves what matches `pattern` on one browser context as the server sends it, changed by `change(response, route)`
// into the fulfil options it returns ({ response, headers, body }); requests `change` leaves (null) pass on. A
// request still open when its test closes the context has nothing left to serve: that is no failure.
export async function routeChanged(context, pattern, change) {
  await context.route(pattern, async (route) => {
    try {
      const response = await route.fetch();
      const options = await change(response, route);
      await (options ? route.fulfill(options) : route.fulfill({ response }));
    } catch (e) {
      if (!/disposed|closed/i.test(String(e))) throw e;
    }
  });
}

// Serves the pages matching `pages` (index.html by default) with `policy` as their Content-Security-Policy header
// on one browser context.
export async function withCsp(context, policy, pages = /\/(index\.html)?(\?.*)?$/) {
  await routeChanged(context, pages, (response, route) => route.request().resourceType() !== "document" ? null
    : { response, headers: { ...response.headers(), "content-security-policy": policy } });
}
export const DIST = path.join(ROOT, "dist");
export const CLI = path.join(ROOT, "build/native/crossroads");
export const SCREENSHOTS = path.join(ROOT, "build/screenshots");

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

const STEP_TIMEOUT = 15000;  // one wait on the app (software WebGL on 2 cores is slow, but never this slow)

// ---- server and browser ------------------------------------------------------------------------------------

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// A test file's own files, served over dist/ at the same paths (a file here wins), so no test writes into dist/ and
// test files running side by side never see each other's quizzes. put(rel, text) writes one, copy(from, rel) copies a
// file or folder of the repository there; dir is its folder (the working directory for `crossroads validate rel`).
export function testSite() {
  const dir = tempDir("crossroads-site-");
  return {
    dir,
    put(rel, data) {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, data);
      return file;
    },
    copy(from, rel) { fs.cpSync(path.join(ROOT, from), path.join(dir, rel), { recursive: true }); },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

// The request handler for dist/ with `site`'s files over it.
export function siteHandler(site) {
  const own = fileHandler(site.dir), dist = fileHandler(DIST);
  return (req, res) => {
    const file = path.join(site.dir, path.normalize(decodeURIComponent(new URL(req.url, "http://host").pathname)));
    const mine = file.startsWith(site.dir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile();
    return (mine ? own : dist)(req, res);
  };
}

// Serves dist/ (with `site`'s files over it, if given) on host at a free port. Returns { server, origin, close() }.
export async function startServer(host = "127.0.0.1", site = null) {
  assert.ok(fs.existsSync(path.join(DIST, "index.html")), "dist/index.html is missing: run ./build-wasm.sh first");
  const server = await serve(DIST, 0, host, site ? siteHandler(site) : fileHandler(DIST));
  const { port } = server.address();
  return {
    server, port, origin: `http://${host}:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

export function launchBrowser() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

// One browser + one server (with the file's own test site, env.site) for a whole test file. Call from before()/after().
export async function setup() {
  const site = testSite();
  const [srv, browser] = await Promise.all([startServer("127.0.0.1", site), launchBrowser()]);
  return {
    srv, browser, site, origin: srv.origin,
    async close() { await browser.close(); await srv.close(); site.remove(); },
  };
}

// ---- problems the reader would never see but must not happen -----------------------------------------------

// Records console errors, uncaught exceptions, failed requests and HTTP error responses on a page.
// `allow(entry)` may return true for problems a test expects (e.g. the 404 of a missing quiz file).
export function watchProblems(page, allow = () => false) {
  const problems = [];
  const add = (entry) => { if (!allow(entry)) problems.push(entry); };
  page.on("console", (msg) => {
    if (msg.type() === "error") add({ kind: "console", text: msg.text(), url: msg.location()?.url || "" });
  });
  page.on("pageerror", (err) => add({ kind: "pageerror", text: String(err && err.stack || err) }));
  page.on("requestfailed", (req) => add({ kind: "requestfailed", url: req.url(), text: req.failure()?.errorText || "" }));
  page.on("response", (res) => { if (res.status() >= 400) add({ kind: "http", url: res.url(), status: res.status(), text: `HTTP ${res.status()}` }); });
  page.on("crash", () => add({ kind: "crash", text: "the page crashed" }));
  return problems;
}

export function assertNoProblems(problems) {
  assert.deepEqual(problems, [], "console errors or failed requests:\n" + problems.map((p) => JSON.stringify(p)).join("\n"));
}

// ---- pages -----------------------------------------------------------------------------------------------------

// Opens the widget in a fresh context. Options: query ("?quiz=..."), viewport, dpr, colorScheme, reducedMotion,
// touch (a phone: touch events, mobile viewport), allow (problem filter), onPage(page) (called before the page loads), waitReady (default true: wait until
// window.crossroads is ready with a state).
// Returns { context, page, problems, close() }.
export async function openApp(env, opts = {}) {
  const context = await env.browser.newContext({
    viewport: opts.viewport || { width: 1280, height: 900 },
    deviceScaleFactor: opts.dpr || 1,
    colorScheme: opts.colorScheme || "light",
    reducedMotion: opts.reducedMotion || "no-preference",
    hasTouch: !!opts.touch,
    isMobile: !!opts.touch,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const problems = watchProblems(page, opts.allow);
  if (opts.onPage) await opts.onPage(page);  // listeners and init scripts that must see the page load itself
  await page.goto(env.origin + "/" + (opts.query || ""), { waitUntil: "load" });
  if (opts.waitReady !== false) {
    await page.waitForFunction(() => window.crossroads && window.crossroads.ready && window.crossroads.state() !== null);
  }
  return { context, page, problems, close: () => context.close() };
}

// Makes `target` (a browser context: every page of it, or one page) a browser without WebGL 2, as a blocklisted GPU
// or a switched-off setting does: getContext("webgl2") gives null.
export function withoutWebgl2(target) {
  return target.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === "webgl2" ? null : original.call(this, type, ...rest);
    };
  });
}

export const state = (page) => page.evaluate(() => window.crossroads.state());
export const hits = (page) => page.evaluate(() => window.crossroads.hits());
export const frames = (page) => page.evaluate(() => window.crossroads.frames());

// Waits until predicate(state, arg) is true for the page's state (polled every 25 ms).
// Returns that state.
export async function waitForState(page, predicate, arg = null, timeout = STEP_TIMEOUT) {
  // The predicate runs here, on states read from the page: no eval() in the page, so it works under a strict CSP.
  const end = Date.now() + timeout;
  let last = null;
  for (;;) {
    last = await page.evaluate(() => window.crossroads && window.crossroads.state()).catch(() => null);
    if (last && predicate(last, arg)) return last;
    if (Date.now() > end) throw new Error(`waitForState: timed out after ${timeout} ms; last state: ${JSON.stringify(last)?.slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

// Waits until the widget has drawn everything it was asked to (crossroads.idle() on three animation frames in a row:
// input that is still queued schedules a frame within one), so a test can then check that nothing more happens.
export async function waitForIdle(page, timeout = STEP_TIMEOUT) {
  await page.evaluate(() => { window.__crIdle = 0; });
  await page.waitForFunction(() => {
    window.__crIdle = window.crossroads.idle() ? window.__crIdle + 1 : 0;
    return window.__crIdle >= 3;
  }, null, { timeout, polling: "raf" });
}

export const waitForScreen = (page, screen) => waitForState(page, (s, want) => s.screen === want, screen);
export const waitForQuestion = (page, id) => waitForState(page, (s, want) => s.screen === "question" && s.question === want, id);

// Waits until the clickable rectangles stop moving (screen fades slide the column by a few pixels) and,
// when `id` is given, until a hit with that id is drawn. Polls once per animation frame: the widget redraws every
// frame while a fade runs, so three equal readings in a row mean the layout has settled. Returns the hits.
export async function stableHits(page, id = null) {
  await page.evaluate(() => { window.__crStable = { key: "", same: 0 }; });
  const handle = await page.waitForFunction((want) => {
    const list = window.crossroads.hits();
    const key = JSON.stringify(list);
    const w = window.__crStable;
    if (key === w.key) w.same++; else { w.key = key; w.same = 0; }
    if (w.same < 3) return null;
    if (want && !list.some((h) => h.id === want)) return null;
    return list;
  }, id, { timeout: STEP_TIMEOUT, polling: "raf" });
  return handle.jsonValue();
}

export async function findHit(page, id) {
  const list = await stableHits(page, id);
  return list.find((h) => h.id === id);
}

// Scrolls the page so that canvas point (x, y) (CSS px) is in the viewport; returns its viewport coordinates.
export async function canvasPointToViewport(page, x, y) {
  return page.evaluate(([x, y]) => {
    const canvas = document.getElementById("cr-canvas");
    let r = canvas.getBoundingClientRect();
    const vy = r.top + y;
    if (vy < 8 || vy > innerHeight - 8) {
      window.scrollTo(0, window.scrollY + vy - innerHeight / 2);
      r = canvas.getBoundingClientRect();
    }
    return { x: r.left + x, y: r.top + y };
  }, [x, y]);
}

// Clicks the hit `id` with the mouse at real page coordinates: canvas bounding box + hit rect point
// (fx, fy are fractions of the rect, centre by default). Pass `hit` to reuse a rectangle already read on this screen.
export async function clickHit(page, id, { fx = 0.5, fy = 0.5, hit = null } = {}) {
  const h = hit || await findHit(page, id);
  assert.ok(h, `no hit ${id}`);
  assert.ok(h.enabled, `hit ${id} is disabled`);
  const p = await canvasPointToViewport(page, h.x + h.w * fx, h.y + h.h * fy);
  await clickAndSettle(page, p.x, p.y);
  return h;
}

// A mouse click at viewport (x, y), then a wait for the two frames that consume it (press, then release), as a
// reader looks at the result of one click before the next. (Clicks faster than frames: see navigation.test.mjs.)
export async function clickAndSettle(page, x, y) {
  const f0 = await frames(page);
  await page.mouse.click(x, y);
  await page.waitForFunction((f0) => window.crossroads.frames() >= f0 + 2, f0, { polling: 10 });
}

// Where on the scale's hit (its track) the mouse must be for `value`, in canvas CSS px. Mirrors scale_slider in
// src/ui/widgets.cpp (an ImGui integer slider's geometry): 2 px thumb padding, thumb = max(28, size / (steps + 1)),
// and the value range spans the track minus the thumb, starting at padding + thumb / 2.
export function sliderPoint(h, value, min, max, step = 1, grabMin = 28) {
  const steps = Math.round((max - min) / step);
  const pad = 2;
  const size = h.w - 2 * pad;
  const grab = Math.min(size, Math.max(grabMin, size / (steps + 1)));
  const t = (value - min) / (max - min);
  return { x: h.x + pad + grab / 2 + t * (size - grab), y: h.y + h.h / 2 };
}

// Sets the slider hit `id` to `value` with one mouse click at the matching fraction of its width.
export async function setSlider(page, id, value, scale) {
  const h = await findHit(page, id);
  const c = sliderPoint(h, value, scale.min, scale.max, scale.step || 1);
  const p = await canvasPointToViewport(page, c.x, c.y);
  await clickAndSettle(page, p.x, p.y);
}

// ---- command-line scorer ---------------------------------------------------------------------------------------

// Runs `crossroads score FILE --answers ... --json` from the native build.
export function cliScore(quizFile, answers) {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: build the native tree first (./build-wasm.sh test does)`);
  const out = execFileSync(CLI, ["score", path.join(ROOT, quizFile), "--answers", answers, "--json"], { encoding: "utf8" });
  return JSON.parse(out);
}

// "q1=a,q2=b+c,q3=7" -> [["q1", ["a"]], ["q2", ["b", "c"]], ["q3", 7]]
export function parseAnswers(text) {
  return text.split(",").map((pair) => {
    const [q, v] = pair.split("=");
    return [q, /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v.split("+")];
  });
}

export function loadJson(rel) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, rel), "utf8"));
}

// Index of the quiz's questions by id: { id: { type, scale, options, ... } }.
export function questionIndex(quiz) {
  const out = {};
  for (const s of quiz.sections) for (const q of s.questions) out[q.id] = q;
  return out;
}

// Encodes RGBA pixels as a PNG.
export function encodePng({ width, height, rgba }) {
  const png = new PNG({ width, height });
  Buffer.from(rgba.buffer, rgba.byteOffset, width * height * 4).copy(png.data);
  return PNG.sync.write(png);
}

// A full-page screenshot. Chromium captures a page taller than 8192 device pixels in one surface and repeats the
// top of a tall WebGL canvas below that line, which no reader sees; such pages are shot a viewport at a time
// while scrolling, and stitched.
export async function screenshotFullPage(page, file) {
  const m = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, vh: innerHeight, dpr: devicePixelRatio, y: scrollY }));
  if (m.h * m.dpr <= 8000) {
    await page.screenshot({ path: file, fullPage: true, animations: "allow" });
    return;
  }
  let out = null;
  for (let y = 0; y < m.h; y += m.vh) {
    const top = await page.evaluate((y) => { window.scrollTo(0, y); return window.scrollY; }, y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shot = decodePng(await page.screenshot({ animations: "allow" }));
    if (!out) out = { width: shot.width, height: Math.round(m.h * m.dpr), rgba: new Uint8Array(shot.width * Math.round(m.h * m.dpr) * 4) };
    const from = Math.round((y - top) * m.dpr), to = Math.min(out.height, Math.round((y + m.vh) * m.dpr)), at = Math.round(y * m.dpr);
    out.rgba.set(shot.rgba.subarray(from * shot.width * 4, (from + to - at) * shot.width * 4), at * shot.width * 4);
  }
  await page.evaluate((y) => window.scrollTo(0, y), m.y);
  fs.writeFileSync(file, encodePng(out));
}

export function screenshotPath(name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name + ".png");
}

// ---- keyboard (through the accessible controls of web/a11y.js; the canvas takes no keys) ------------------------

// The accessible control (web/a11y.js) that has keyboard focus: its hit id, or the element id, or the tag.
export const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return e ? e.dataset.hit || e.id || e.tagName.toLowerCase() : null;
});

// Presses Tab until the focused control's hit id equals `want` (a string) or satisfies it (a function); returns it.
export async function tabTo(page, want, max = 40) {
  const match = typeof want === "string" ? (id) => id === want : want;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const id = await focused(page);
    if (id && match(id)) return id;
  }
  assert.fail(`Tab never reached ${want}`);
}

// ---- pixels ----------------------------------------------------------------------------------------------------

// Decodes an 8-bit RGB/RGBA PNG (what Chromium's screenshots are) into { width, height, rgba: Uint8Array }.
export function decodePng(buf) {
  const png = PNG.sync.read(buf);
  return { width: png.width, height: png.height, rgba: png.data };
}

// Screenshot of a page region (CSS px, viewport coordinates), decoded.
export async function grab(page, clip) {
  return decodePng(await page.screenshot({ clip, animations: "allow" }));
}

// How many pixels of an image are within `tol` (per channel) of colour 0xRRGGBB.
export function countColor(img, hex, tol = 24) {
  const r = (hex >> 16) & 255, g = (hex >> 8) & 255, b = hex & 255;
  let n = 0;
  for (let i = 0; i < img.rgba.length; i += 4) {
    if (Math.abs(img.rgba[i] - r) <= tol && Math.abs(img.rgba[i + 1] - g) <= tol && Math.abs(img.rgba[i + 2] - b) <= tol) n++;
  }
  return n;
}

// The colour most pixels of an image have, as 0xRRGGBB.
export function dominantColor(img) {
  const counts = new Map();
  for (let i = 0; i < img.rgba.length; i += 4) {
    const c = (img.rgba[i] << 16) | (img.rgba[i + 1] << 8) | img.rgba[i + 2];
    counts.set(c, (counts.get(c) || 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

// Theme colours the widget draws with (the design tokens, src/ui/tokens.json), per scheme: PALETTE.light.accent is
// 0xRRGGBB, for pixel checks.
const TOKENS = JSON.parse(fs.readFileSync(path.join(ROOT, "src/ui/tokens.json"), "utf8"));
export const PALETTE = Object.fromEntries(["light", "dark"].map((scheme) => [scheme, Object.fromEntries(
  Object.entries(TOKENS.colors).map(([name, c]) => [name, parseInt(c[scheme].slice(1), 16)]))]));

// Screenshots `clip` until `done(measure(img))` or `timeout` ms pass; returns the last measure. Pixels follow the
// state one frame later, so a pixel check polls rather than sleeps.
export async function pollPixels(page, clip, measure, done, timeout = 3000) {
  const until = Date.now() + timeout;
  for (;;) {
    const m = measure(await grab(page, clip));
    if (done(m) || Date.now() > until) return m;
    await page.waitForTimeout(50);
  }
}
