// Never hang, never blank: the widget says why it cannot start (script or wasm missing, wasm truncated, a CSP that
// refuses WebAssembly) and tells the host page; runs under the documented strict CSP; loads quiz files far past the
// wasm stack's size (1.4 MB, and just under the 16 MB limit) and refuses larger ones without downloading them;
// breaks words too long for the column instead of clipping them.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import * as L from "./lib.mjs";
import { STEP, recordHostEvents, until, widgetFrame } from "./embed-lib.mjs";
import { click, frameSurface, pageSurface, playThrough } from "./play.mjs";
import { fileHandler, serve } from "../../scripts/serve.mjs";


// A valid quiz of about `bytes` bytes: the path quiz with many more (unweighted) questions in its first section,
// so it is big in the way a real quiz grows, not by one giant word.
function bigQuiz(bytes) {
  const quiz = L.loadJson("content/python-path.json");
  quiz.id = "big";
  const section = quiz.sections[0];
  // Numbered with six digits, every filler has the same length, so the intro's top-up stays a short text.
  const filler = (i) => ({
    id: `extra-${String(i).padStart(6, "0")}`, type: "single", required: false,
    prompt: `Extra question ${String(i).padStart(6, "0")}: ${"how sure are you about this part of the plan? ".repeat(20)}`,
    options: [{ id: "a", label: "Sure" }, { id: "b", label: "Not yet" }],
  });
  const one = JSON.stringify(filler(0)).length + 1;
  const count = Math.floor((bytes - JSON.stringify(quiz).length - 64) / one);
  for (let i = 0; i < count; i++) section.questions.push(filler(i));
  // Top up to the exact size with words in the intro (fewer characters than one filler).
  const short = bytes - JSON.stringify(quiz).length;
  quiz.intro += " " + "more ".repeat(Math.floor((short - 1) / 5)) + "x".repeat((short - 1) % 5);
  const text = JSON.stringify(quiz);
  assert.equal(text.length, bytes);
  return text;
}

describe("failures that must be explained, and files that must load", () => {
  let env;
  before(async () => {
    env = await L.setup();
    for (const f of ["long-words.json", "one-question.json"]) env.site.copy(`tests/fixtures/${f}`, `test-fixtures/${f}`);
  });
  after(async () => { await env?.close(); });

  // Opens index.html in a context prepared by `prepare(context)`; returns the page once a message or the quiz shows.
  async function openWith(prepare, query = "", allow = () => false) {
    const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 }, colorScheme: "light" });
    await prepare(context);
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    const problems = L.watchProblems(page, allow);
    await page.goto(env.origin + "/index.html" + query, { waitUntil: "load" });
    return { context, page, problems };
  }

  const wasmUrl = /\/crossroads\.[0-9a-f]+\.wasm$/;
  const startFailures = {
    "the wasm file is missing": (c) => c.route(wasmUrl, (r) => r.fulfill({ status: 404, body: "not found" })),
    "the wasm file is truncated": (c) => L.routeChanged(c, wasmUrl, async (response) => {
      const body = await response.body();
      return { response, body: body.subarray(0, body.length >> 1) };
    }),
    "the loader script is missing": (c) => c.route(/\/crossroads\.[0-9a-f]+\.js$/, (r) => r.fulfill({ status: 404, body: "" })),
    "the CSP forbids WebAssembly": (c) => L.withCsp(c, L.documentedCsp().replace(" 'wasm-unsafe-eval'", "")),
  };
  for (const [what, prepare] of Object.entries(startFailures)) {
    test(`${what}: a message at once, never "Loading…" for ever`, async () => {
      // The browser itself logs the 404, the CSP refusal or the compile error; that is expected here.
      const { context, page } = await openWith(prepare, "", () => true);
      try {
        const message = page.locator("#cr-message");
        await message.waitFor({ state: "visible" });
        assert.match(await message.innerText(), /cannot start/);
        assert.equal(await page.locator("#cr-placeholder").isVisible(), false, "the loading placeholder is still shown");
        assert.equal(await page.locator("#cr-message button").isVisible(), true, "no way to retry");
        assert.equal(await page.evaluate(() => document.getElementById("cr-root").getAttribute("aria-busy")), "false");
      } finally {
        await context.close();
      }
    });
  }

  test("an embedded widget that cannot start sends crossroads:error to the host page", async () => {
    const dir = L.tempDir("crossroads-failhost-");
    fs.writeFileSync(path.join(dir, "post.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post</title></head>
<body><p>A post.</p><script src="${env.origin}/embed.js" async></script></body></html>`);
    const host = await serve(dir, 0, "127.0.0.2");
    const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 } });
    try {
      await context.route(wasmUrl, (r) => r.fulfill({ status: 404, body: "not found" }));
      const page = await context.newPage();
      page.setDefaultTimeout(STEP);
      await page.addInitScript(recordHostEvents);
      await page.addInitScript(() => document.addEventListener("crossroads:error", (e) => window.__events.push({ type: "error", detail: e.detail })));
      await page.goto(`http://127.0.0.2:${host.address().port}/post.html`, { waitUntil: "load" });
      const error = await until(() => page.evaluate(() => window.__events.find((e) => e.type === "error")), "crossroads:error");
      assert.equal(error.detail.kind, "wasm");
    } finally {
      await context.close();
      await new Promise((r) => { host.closeAllConnections?.(); host.close(() => r()); });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("under the documented strict CSP the quiz runs to its result with no violation", async () => {
    const { context, page, problems } = await openWith((c) => L.withCsp(c, L.documentedCsp()));
    try {
      await page.evaluate(() => {
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
      });
      await L.waitForState(page, (s) => s.screen === "start");
      // (The same route with 'wasm-unsafe-eval' removed stops the widget, above: the header is in force.)
      await playThrough(pageSurface(page));
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      L.assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  for (const [label, bytes] of [["1.4 MB", 1400000], ["just under the 16 MB limit", 16 * 1024 * 1024 - 1]]) {
    test(`a valid quiz of ${label} loads and starts`, async () => {
      env.site.put("test-fixtures/big.json", bigQuiz(bytes));
      const { context, page, problems } = await openWith(() => {}, "?quiz=test-fixtures/big.json");
      try {
        await page.waitForFunction(() => window.crossroads && window.crossroads.ready, null, { timeout: 60000 });
        const s = await L.waitForState(page, (s) => s.screen === "start");
        assert.equal(s.quiz, "big");
        await click(pageSurface(page), "start");
        await L.waitForState(page, (s) => s.screen === "question");
        L.assertNoProblems(problems);
      } finally {
        await context.close();
      }
    });
  }

  test("a file over the limit is refused without being downloaded whole", async () => {
    // A same-origin "quiz" that never ends: only a page that stops reading at the limit can say anything about it.
    const files = fileHandler(L.DIST);
    let sent = 0, closed = false;
    const server = await serve(L.DIST, 0, "127.0.0.1", (req, res) => {
      if (!req.url.startsWith("/endless.json")) return files(req, res);
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      const pump = () => {
        while (!closed && sent < 1024 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (!closed && sent < 1024 * 1024 * 1024) res.once("drain", pump);
      };
      res.on("close", () => { closed = true; });
      pump();
    });
    const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 } });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(STEP);
      await page.goto(`http://127.0.0.1:${server.address().port}/index.html?quiz=endless.json`, { waitUntil: "load" });
      const message = page.locator("#cr-message");
      await message.waitFor({ state: "visible", timeout: 30000 });
      const text = await message.innerText();
      assert.match(text, /larger than 16 MB/, text);
      await until(() => closed, "the page to stop the download");
      assert.ok(sent < 64 * 1024 * 1024, `the page read ${sent} bytes before stopping`);
    } finally {
      await context.close();
      await new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); });
    }
  });

  test("words longer than the column break inside instead of running past it (360 and 900 px)", async () => {
    for (const width of [360, 900]) {
      const context = await env.browser.newContext({ viewport: { width, height: 800 }, colorScheme: "light" });
      const page = await context.newPage();
      page.setDefaultTimeout(STEP);
      const problems = L.watchProblems(page);
      try {
        await page.goto(env.origin + "/index.html?quiz=test-fixtures/long-words.json", { waitUntil: "load" });
        await page.waitForFunction(() => window.crossroads && window.crossroads.ready);
        await playThrough(pageSurface(page));
        const box = await page.locator("#cr-canvas").boundingBox();
        const pad = width < 480 ? 16 : Math.max(28, (width - 720) / 2);
        await L.screenshotFullPage(page, L.screenshotPath(`long-words-${width}`));
        // The right margin, beside the column, holds nothing but background, all the way down.
        const strip = { x: Math.ceil(box.x + box.width - pad + 3), y: 0, width: Math.floor(pad - 6), height: Math.floor(box.height) };
        await page.evaluate(() => window.scrollTo(0, 0));
        const img = L.decodePng(await page.screenshot({ clip: strip, fullPage: true }));
        const bg = L.dominantColor(img);
        const other = L.countColor(img, bg, 40);
        assert.ok(img.width * img.height - other < 20, `${width}px: text runs into the right margin (${img.width * img.height - other} pixels)`);
        L.assertNoProblems(problems);
      } finally {
        await context.close();
      }
    }
  });
});
