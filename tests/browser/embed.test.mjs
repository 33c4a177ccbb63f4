// Embedding: two embed.js snippets on a cross-origin host page (127.0.0.2) with real canvas clicks inside the iframes:
// auto height, no inner scrollbar, host events, independence, wheel, restart, message hygiene, theme/accent, demo page.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { DIST, assertNoProblems, findHit, launchBrowser, loadJson, screenshotPath, startServer, state, tempDir, testSite, waitForState, watchProblems } from "./lib.mjs";
import { STEP, colourDistance, dominantColour, recordHostEvents, serveHost, until, waitReady, widgetFrame } from "./embed-lib.mjs";
import { answerCurrent, click, frameSurface, next, playThrough } from "./play.mjs";

const QUIZ = "content/python-path.json";

// Init script for the widget's frames: keeps the Module options web/app.js gives createCrossroads (window.__crModuleOptions),
// so a test can call a hook the way the wasm calls it.
function captureModuleOptions() {
  let create;
  Object.defineProperty(window, "createCrossroads", {
    configurable: true,
    get: () => create && ((options) => { window.__crModuleOptions = options; return create(options); }),
    set: (fn) => { create = fn; },
  });
}

function hostPage(widgetOrigin, snippets) {
  const paragraph = "<p>Some text of the blog post between the widgets. It is long enough to wrap over a couple of lines " +
    "so that the host page has a real flow of content around the embedded quizzes.</p>";
  const tags = snippets.map((attrs) => `<script src="${widgetOrigin}/embed.js" ${attrs} async></script>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host post</title>
<style>body { margin: 0; font: 16px/1.5 Georgia, serif; } header { height: 48px; } article { max-width: 760px; margin: 0 auto; padding: 0 16px; }</style>
</head><body><header>A blog</header><article>
<h1>A post with two quizzes</h1>
${paragraph}
${tags[0]}
${paragraph}${paragraph}
${tags.slice(1).join(`\n${paragraph}\n`)}
${paragraph}
<div style="height: 2400px"></div>
</article></body></html>`;
}

describe("embed.js on a cross-origin host page", () => {
  let widget, site, host, browser, hostDir, hostOrigin;

  before(async () => {
    site = testSite();
    // A quiz with pictures, links and a call to action (tests/fixtures/media), served beside the widget.
    site.copy("tests/fixtures/media", "test-fixtures/media");
    [widget, browser] = await Promise.all([startServer("127.0.0.1", site), launchBrowser()]);
    hostDir = tempDir("crossroads-host-");
    fs.writeFileSync(path.join(hostDir, "host.html"), hostPage(widget.origin, [`data-quiz="${QUIZ}"`, `data-quiz="${QUIZ}"`]));
    fs.writeFileSync(path.join(hostDir, "theme.html"), hostPage(widget.origin,
      [`data-quiz="${QUIZ}" data-theme="dark" data-accent="#0f766e"`, `data-quiz="${QUIZ}" data-accent="teal"`]));
    fs.writeFileSync(path.join(hostDir, "readiness.html"), hostPage(widget.origin, ['data-quiz="content/python-readiness.json"']));
    fs.writeFileSync(path.join(hostDir, "share.html"), hostPage(widget.origin,
      [`data-quiz="${QUIZ}"`, 'data-quiz="content/python-readiness.json"']));
    fs.writeFileSync(path.join(hostDir, "links.html"), hostPage(widget.origin,
      [`data-quiz="${QUIZ}" data-campaign-source="blog" data-campaign-medium=""`, `data-quiz="${QUIZ}" data-links="top"`]));
    fs.writeFileSync(path.join(hostDir, "landing.html"), '<!doctype html><link rel="icon" href="data:,"><title>Landing</title><p>Apply here.</p>');
    fs.writeFileSync(path.join(hostDir, "media.html"), hostPage(widget.origin, ['data-quiz="test-fixtures/media/media.json" data-campaign-source="blog"']));
    host = await serveHost(hostDir);
    hostOrigin = host.origin;
    const plain = new URL("index.html", widget.origin + "/");
    for (const [k, v] of [["quiz", QUIZ], ["host", hostOrigin], ["campaign_source", "course"], ["campaign_medium", "lms"], ["campaign_Term", "x"]]) {
      plain.searchParams.set(k, v);
    }
    fs.writeFileSync(path.join(hostDir, "plain.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>A course page</title></head><body><iframe src="${plain.href}" title="Career quiz" style="width:100%;height:900px;border:0"></iframe></body></html>`);
  });

  after(async () => {
    await browser?.close();
    await widget?.close();
    await host?.close();
    site?.remove();
    if (hostDir) fs.rmSync(hostDir, { recursive: true, force: true });
  });

  async function openHost(file, opts = {}) {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, colorScheme: "light" });
    if (opts.clipboard) {
      for (const origin of [hostOrigin, widget.origin]) await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    }
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    const problems = watchProblems(page);
    const warnings = [];
    page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
    await page.addInitScript(recordHostEvents, { beacon: opts.beacon ? host.beacon(opts.beacon) : null });
    if (opts.init) await page.addInitScript(opts.init);
    await page.goto(`${hostOrigin}/${file}`, { waitUntil: "load" });
    // In front, as a reader's tab is: a tab left behind an earlier test's popup gets its frames throttled.
    await page.bringToFront();
    return { context, page, problems, warnings, events: () => page.evaluate(() => window.__events) };
  }

  // The iframe is exactly as tall as the document inside it, and that document has nothing to scroll.
  async function assertFits(page, w, label) {
    const end = Date.now() + STEP;
    let m;
    for (;;) {
      const inner = await w.frame.evaluate(() => ({
        content: Math.ceil(document.documentElement.getBoundingClientRect().height),
        scroll: document.documentElement.scrollHeight,
      }));
      const outer = await w.el.evaluate((f) => f.clientHeight);
      m = { ...inner, iframe: outer };
      if (Math.abs(m.iframe - m.content) <= 2 && m.scroll <= m.iframe + 1) break;
      if (Date.now() > end) break;
      await new Promise((r) => setTimeout(r, 30));
    }
    assert.ok(Math.abs(m.iframe - m.content) <= 2, `${label}: iframe height ${m.iframe} != content height ${m.content}`);
    assert.ok(m.scroll <= m.iframe + 1, `${label}: inner scrollbar (scrollHeight ${m.scroll} > iframe ${m.iframe})`);
    return m;
  }

  test("a share link made in an embed leads to the post, where the widget opens the shared result", async () => {
    const a = await openHost("share.html", { clipboard: true });
    let link, final;
    try {
      const w0 = await widgetFrame(a.page, 0);
      ({ final } = await playThrough(frameSurface(a.page, w0.frame)));
      await click(frameSurface(a.page, w0.frame), "share");
      await waitForState(w0.frame, (s) => /share link copied/i.test(s.status));
      link = await until(async () => {
        const t = await a.page.evaluate(() => navigator.clipboard.readText().catch(() => ""));
        return t.includes("crossroads=") ? t : null;
      }, "the share link on the clipboard");
      assert.match(link, new RegExp(`^${hostOrigin.replace(/[.]/g, "\\.")}/share\\.html#crossroads=cr1\\.python-path\\.`),
        `the link does not lead to the post: ${link}`);
      assertNoProblems(a.problems);
    } finally {
      await a.context.close();
    }

    const b = await browser.newContext({ viewport: { width: 1100, height: 800 }, colorScheme: "light" });
    try {
      const page = await b.newPage();
      page.setDefaultTimeout(STEP);
      const problems = watchProblems(page);
      await page.goto(link, { waitUntil: "load" });
      const w0 = await widgetFrame(page, 0);
      const s0 = await waitForState(w0.frame, (s) => s.screen === "results");
      assert.equal(s0.shared, true);
      assert.equal(s0.result.outcome, final.result.outcome);
      assert.deepEqual(s0.answers, final.answers);
      // The shared result pushes the second widget far down, and its iframe loads lazily: a reader scrolls to it.
      await page.locator("iframe.crossroads-embed").nth(1).scrollIntoViewIfNeeded();
      const w1 = await widgetFrame(page, 1);
      // The other quiz on the post leaves the code alone and says nothing about it.
      const s1 = await waitForState(w1.frame, (s) => s.screen === "start");
      assert.equal(s1.shared, false);
      assert.equal(s1.notice, "");
      assert.equal(await page.evaluate(() => location.hash), "", "the fragment stayed in the post's address bar");
      assertNoProblems(problems);
    } finally {
      await b.close();
    }
  });

  test("two widgets: auto height on every screen, events in order, independent state", async () => {
    const { context, page, problems, events } = await openHost("host.html");
    try {
      const w0 = await widgetFrame(page, 0);
      const w1 = await widgetFrame(page, 1);
      assert.equal(await page.locator("iframe.crossroads-embed").count(), 2);
      for (const w of [w0, w1]) {
        const src = new URL(await w.el.getAttribute("src"));
        assert.equal(src.origin, widget.origin);
        assert.equal(src.searchParams.get("quiz"), QUIZ);
        assert.equal(src.searchParams.get("host"), hostOrigin);
      }
      const s0 = await waitForState(w0.frame, (s) => s.screen === "start");
      assert.equal(s0.quiz, "python-path");
      const m = await assertFits(page, w0, "start screen");
      assert.ok(m.iframe > 160, `start screen height ${m.iframe} is implausibly small`);

      const surface = frameSurface(page, w0.frame);
      await click(surface, "start");
      await waitForState(w0.frame, (s) => s.screen === "question");
      const first = await answerCurrent(surface);
      await assertFits(page, w0, "question screen");
      // Answering in widget 1 leaves widget 2 untouched.
      const other = await state(w1.frame);
      assert.equal(other.screen, "start");
      assert.deepEqual(other.answers, {});
      await next(surface);
      const rest = await playThrough(surface);
      const answered = [first, ...rest.answered];
      const final = rest.final;
      const fitted = await assertFits(page, w0, "results screen");
      assert.ok(fitted.iframe > m.iframe, "the results screen should be taller than the start screen");

      const other2 = await state(w1.frame);
      assert.equal(other2.screen, "start", "widget 2 changed screen when widget 1 was answered");
      assert.deepEqual(other2.answers, {}, "widget 2 got answers from widget 1");

      // Host events: order and payloads.
      await page.waitForFunction(() => window.__events.some((e) => e.widget === 0 && e.type === "completed"));
      const all = await events();
      const mine = all.filter((e) => e.widget === 0);
      const flow = mine.filter((e) => e.type !== "resized");
      assert.deepEqual(flow.map((e) => e.type),
        ["ready", "started", ...answered.flatMap(() => ["question", "answered"]), "completed"], "event order of widget 1");
      const quiz = loadJson(QUIZ);
      assert.deepEqual(flow[0].detail, { quiz: "python-path", version: quiz.version, title: quiz.title, language: quiz.language });
      assert.deepEqual(flow[1].detail, { quiz: "python-path", version: quiz.version });
      // Each question: where it is and when it came (ms since the start); each answer: how long the reader took.
      let at = 0;
      answered.forEach((a, i) => {
        const { total, section, elapsed_ms, ...shown } = flow[2 + 2 * i].detail;
        assert.deepEqual(shown, { quiz: "python-path", question: a.question, position: i + 1 });
        assert.ok(Number.isInteger(total) && total >= i + 1, `question ${i + 1} of ${total}`);
        assert.ok(typeof section === "string" && section, `question ${a.question} without its section's title`);
        assert.ok(Number.isInteger(elapsed_ms) && elapsed_ms >= at, `question ${i + 1} came at ${elapsed_ms} ms, after ${at}`);
        at = elapsed_ms;
        const { time_ms, ...answer } = flow[3 + 2 * i].detail;
        assert.deepEqual(answer, { quiz: "python-path", question: a.question, options: a.options });
        assert.ok(Number.isInteger(time_ms) && time_ms >= 0, `${a.question} answered after ${time_ms} ms`);
      });
      const done = flow[flow.length - 1].detail;
      assert.equal(done.quiz, "python-path");
      assert.equal(done.outcome, final.result.outcome);
      assert.ok(done.outcome, "completed carries an outcome id");
      assert.ok(final.result.outcome_title, "the results state names the outcome");
      assert.equal(done.outcome_title, final.result.outcome_title);
      assert.ok(done.elapsed_ms >= at, `completed at ${done.elapsed_ms} ms, the last question came at ${at}`);
      assert.deepEqual(done.totals, final.result.totals);
      assert.ok(Object.keys(done.totals).length >= 2, "completed carries the totals of every outcome");
      assert.equal(done.knowledge, null, "no readiness block was taken");
      // resized: positive heights, the last one is the iframe's height.
      const sizes = mine.filter((e) => e.type === "resized");
      assert.ok(sizes.length >= 2, "resized events for the screen changes");
      for (const e of sizes) assert.ok(Number.isFinite(e.detail.height) && e.detail.height > 0, JSON.stringify(e));
      const lastSize = await until(async () => {
        const list = (await events()).filter((e) => e.widget === 0 && e.type === "resized");
        const now = await w0.el.evaluate((f) => f.clientHeight);
        return list[list.length - 1].detail.height === now ? now : null;
      }, "the last resized height to be the iframe's height", 5000).catch((e) => e);
      assert.ok(!(lastSize instanceof Error), `${lastSize.message}: iframe ${fitted.iframe}, resized ${JSON.stringify(sizes.map((e) => e.detail.height))}`);
      // Widget 2 only said it was ready (and its size).
      assert.deepEqual([...new Set(all.filter((e) => e.widget === 1).map((e) => e.type))].sort(), ["ready", "resized"]);
      assert.ok(all.every((e) => e.widget === 0 || e.widget === 1), "every event comes from one of the iframes");
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test("the wheel over the widget scrolls the host page", async () => {
    const { context, page, problems } = await openHost("host.html");
    try {
      const w0 = await widgetFrame(page, 0);
      await assertFits(page, w0, "start screen");
      await page.evaluate(() => window.scrollTo(0, 0));
      const box = await w0.frame.locator("#cr-canvas").boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height, 300) / 2);
      const y0 = await page.evaluate(() => window.scrollY);
      assert.equal(y0, 0);
      await page.mouse.wheel(0, 400);
      await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 })
        .catch(() => assert.fail("the host page did not scroll under the wheel over the widget"));
      assert.equal((await state(w0.frame)).screen, "start");
      // A narrower host: the text wraps, the widget grows, and the iframe follows.
      const wide = await assertFits(page, w0, "wide host");
      await page.setViewportSize({ width: 420, height: 800 });
      await until(() => w0.el.evaluate((f, h) => f.clientHeight > h, wide.iframe), "the iframe to grow in a narrow host");
      await assertFits(page, w0, "narrow host");
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test("crossroadsRestart() restarts; malformed and non-parent messages are ignored", async () => {
    const { context, page, problems } = await openHost("host.html");
    try {
      const w0 = await widgetFrame(page, 0);
      const w1 = await widgetFrame(page, 1);
      const surface = frameSurface(page, w0.frame);
      await click(surface, "start");
      await answerCurrent(surface);
      const before = await next(surface);
      assert.equal(before.screen, "question");
      assert.equal(before.position, 2);

      await w0.frame.evaluate(() => { window.__seen = 0; window.addEventListener("message", () => window.__seen++); });
      const bad = [
        null, "restart", 42, [], { type: "crossroads" }, { type: "crossroads", v: 1 },
        { type: "crossroads", v: 2, command: "restart" }, { type: "crossroads", v: "1", command: "restart" },
        { type: "other", v: 1, command: "restart" }, { type: "crossroads", v: 1, command: ["restart"] },
        { v: 1, command: "restart" }, { type: "crossroads", v: 1, command: "explode" },
      ];
      await page.evaluate((bad) => {
        const f = document.querySelectorAll("iframe.crossroads-embed")[0];
        for (const m of bad) f.contentWindow.postMessage(m, "*");
      }, bad);
      // Well-formed, but not from the parent: from the sibling widget and from the widget's own window.
      // (window.frames is in frame creation order, which async snippets make unpredictable: post to the other one)
      await w1.frame.evaluate(() => {
        const all = Array.from({ length: window.parent.frames.length }, (_, i) => window.parent.frames[i]);
        all.filter((f) => f !== window).forEach((f) => f.postMessage({ type: "crossroads", v: 1, command: "restart" }, "*"));
      });
      await w0.frame.evaluate(() => window.postMessage({ type: "crossroads", v: 1, command: "restart" }, "*"));
      await w0.frame.waitForFunction((n) => window.__seen >= n, bad.length + 2);
      await w0.frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const after = await state(w0.frame);
      assert.equal(after.screen, "question", "a malformed or foreign message restarted the widget");
      assert.equal(after.position, before.position);
      assert.deepEqual(after.answers, before.answers);

      await page.evaluate(() => document.querySelectorAll("iframe.crossroads-embed")[0].crossroadsRestart());
      const restarted = await waitForState(w0.frame, (s) => s.screen === "start");
      assert.deepEqual(restarted.answers, {});
      await findHit(w0.frame, "start");
      await assertFits(page, w0, "start screen after restart");
      assert.equal((await state(w1.frame)).screen, "start");
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test('data-theme="dark" and data-accent="#0f766e" are applied; a bad data-accent warns and is ignored', async () => {
    const { context, page, problems, warnings } = await openHost("theme.html");
    try {
      const w0 = await widgetFrame(page, 0);
      const w1 = await widgetFrame(page, 1);
      const src0 = new URL(await w0.el.getAttribute("src"));
      assert.equal(src0.searchParams.get("theme"), "dark");
      assert.equal(src0.searchParams.get("accent"), "#0f766e");
      assert.equal(new URL(await w1.el.getAttribute("src")).searchParams.get("accent"), null);
      assert.equal(await w0.frame.evaluate(() => document.documentElement.dataset.theme), "dark");
      assert.equal(await w1.frame.evaluate(() => document.documentElement.dataset.theme), "light");
      assert.ok(warnings.some((t) => t.includes('data-accent="teal"')), `no console warning for the bad accent: ${JSON.stringify(warnings)}`);

      await page.mouse.move(2, 2);  // on the host header: nothing in the widgets is hovered
      const pixels = async (w, id) => {
        const h = await findHit(w.frame, id);
        const box = await w.frame.locator("#cr-canvas").boundingBox();
        await page.evaluate((y) => window.scrollTo(0, Math.max(0, window.scrollY + y - 200)), box.y + h.y);
        const b = await w.frame.locator("#cr-canvas").boundingBox();
        const button = await page.screenshot({ clip: { x: b.x + h.x + 6, y: b.y + h.y + 6, width: h.w - 12, height: h.h - 12 } });
        const bg = await page.screenshot({ clip: { x: b.x + b.width - 24, y: b.y + h.y, width: 16, height: 16 } });
        return { button: await dominantColour(page, button), background: await dominantColour(page, bg) };
      };
      const dark = await pixels(w0, "start");
      await page.screenshot({ path: screenshotPath("embed-theme-dark"), fullPage: false });
      assert.ok(colourDistance(dark.button, "#0f766e") <= 3, `start button is ${dark.button}, expected the accent #0f766e`);
      assert.ok(colourDistance(dark.background, "#12161c") <= 3, `widget background is ${dark.background}, expected dark #12161c`);
      const light = await pixels(w1, "start");
      assert.ok(colourDistance(light.button, "#1f6feb") <= 3, `start button is ${light.button}, expected the default accent #1f6feb`);
      assert.ok(colourDistance(light.background, "#ffffff") <= 3, `widget background is ${light.background}, expected white`);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test("data-campaign-* and data-links reach the widget; a widget taken away mid-quiz is abandoned once, also when the post then closes", async () => {
    const { context, page, problems, warnings } = await openHost("links.html", { beacon: "leave" });
    try {
      const w0 = await widgetFrame(page, 0);
      const w1 = await widgetFrame(page, 1);
      const src0 = new URL(await w0.el.getAttribute("src")), src1 = new URL(await w1.el.getAttribute("src"));
      assert.equal(src0.searchParams.get("campaign_source"), "blog");
      assert.equal(src0.searchParams.has("campaign_medium"), false, "an empty data-campaign-medium was passed on");
      assert.equal(src0.searchParams.has("links"), false);
      assert.equal(src1.searchParams.get("links"), "top");
      assert.ok(warnings.some((t) => t.includes('data-campaign-medium=""')), `no warning for the empty campaign field: ${JSON.stringify(warnings)}`);

      const surface = frameSurface(page, w0.frame);
      await click(surface, "start");
      await answerCurrent(surface);
      const second = await next(surface);
      assert.equal(second.position, 2);
      await page.waitForFunction(() => window.__events.some((e) => e.type === "question" && e.detail.position === 2));
      // The post takes the widget away (a single-page site changing its view): the widget says the reader left it.
      await w0.el.evaluate((f, url) => { f.src = url; }, `${hostOrigin}/landing.html`);
      await page.waitForFunction(() => window.__events.some((e) => e.type === "abandoned"));
      assertNoProblems(problems);
      // Then the post closes: the run was already reported as abandoned, once is enough.
      await page.close({ runBeforeUnload: true });
      const heard = await host.reported("leave");
      const gone = heard.filter((e) => e.type === "abandoned");
      assert.equal(gone.length, 1, "abandoned twice");
      assert.equal(gone[0].widget, 0);
      assert.ok(Number.isInteger(gone[0].detail.elapsed_ms) && gone[0].detail.elapsed_ms >= 0, `elapsed_ms ${gone[0].detail.elapsed_ms}`);
      assert.deepEqual({ ...gone[0].detail, elapsed_ms: 0 }, { quiz: "python-path", question: second.question, position: 2,
                                                              total: second.total, elapsed_ms: 0, campaign: { source: "blog" } });
      // Every event of the first widget names its campaign; the second widget was given none.
      for (const e of heard) {
        assert.deepEqual(e.detail.campaign, e.widget === 0 ? { source: "blog" } : undefined, `${e.type} of widget ${e.widget + 1}`);
      }
    } finally {
      await context.close();
    }
  });

  test("a plain iframe: campaign_* parameters go into every message, and leaving mid-quiz posts abandoned once", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, colorScheme: "light" });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(STEP);
      const problems = watchProblems(page);
      await page.addInitScript(() => {
        if (window.top !== window) return;
        window.__messages = [];
        addEventListener("message", (e) => window.__messages.push(e.data));
      });
      await page.goto(`${hostOrigin}/plain.html`, { waitUntil: "load" });
      const frame = await until(() => page.frames().find((f) => /\/index\.html\?/.test(f.url())), "the widget's frame");
      await waitReady(frame);
      const surface = frameSurface(page, frame);
      await click(surface, "start");
      await answerCurrent(surface);
      const second = await next(surface);
      await page.evaluate((url) => { document.querySelector("iframe").src = url; }, `${hostOrigin}/landing.html`);
      await until(() => page.evaluate(() => window.__messages.some((m) => m.event === "abandoned")), "the widget's abandoned message");
      await page.waitForFunction(() => document.querySelector("iframe").contentDocument?.readyState === "complete");
      const messages = await page.evaluate(() => window.__messages);
      assert.deepEqual(messages.map((m) => m.event).filter((e) => e !== "resized"),
        ["ready", "started", "question", "answered", "question", "abandoned"]);
      for (const m of messages) {
        assert.deepEqual(m.detail.campaign, { source: "course", medium: "lms" }, `${m.event} without the campaign (or with campaign_Term)`);
      }
      const gone = messages.find((m) => m.event === "abandoned").detail;
      assert.deepEqual({ ...gone, elapsed_ms: 0 }, { quiz: "python-path", question: second.question, position: 2, total: second.total,
                                                     elapsed_ms: 0, campaign: { source: "course", medium: "lms" } });
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  // Until the C++ side draws an outcome's call to action and a text's links (issue 14), this calls the hook as the wasm
  // will, Module.openLink(url, kind, label, outcome); then the calls below become clicks on the results' CTA button.
  test("a link the widget opens: a CTA is announced first, then opens in a new tab without opener, or in the post's window with data-links=top; other schemes are ignored", async () => {
    const { context, page, problems, events } = await openHost("links.html", { beacon: "open", init: captureModuleOptions });
    try {
      const tabs = [];
      context.on("page", (p) => tabs.push(p));
      const w0 = await widgetFrame(page, 0);
      const w1 = await widgetFrame(page, 1);
      const open = (w, ...args) => w.frame.evaluate((args) => window.__crModuleOptions.openLink(...args), args);
      const landing = (via) => `${hostOrigin}/landing.html?via=${via}`;
      for (const url of ["javascript:alert(1)", "data:text/html,hi", "ftp://127.0.0.2/file", "landing.html"]) {
        await open(w0, url, "cta", "Apply now", "internship");
      }
      await open(w0, landing("link"), "link", "the survey", "");
      await open(w0, landing("cta"), "cta", "Apply now", "internship");
      await until(() => tabs.length >= 2, "two new tabs");
      for (const tab of tabs) await tab.waitForURL(/landing\.html/);
      // Two tabs opened back to back, each without an opener: the browser announces them in either order.
      assert.deepEqual(tabs.map((t) => t.url()).sort(), [landing("cta"), landing("link")], "the tabs opened");
      for (const tab of tabs) assert.equal(await tab.evaluate(() => window.opener), null, "a tab has the widget as its opener");
      await page.waitForFunction(() => window.__events.some((e) => e.type === "cta"));
      const cta = (await events()).filter((e) => e.type === "cta");
      assert.deepEqual(cta.map((e) => [e.widget, e.detail]), [[0, { quiz: "python-path", outcome: "internship", label: "Apply now",
                                                                     url: landing("cta"), campaign: { source: "blog" } }]]);
      assertNoProblems(problems);

      // data-links="top": the post itself goes to the link, after it has heard of the click.
      await open(w1, landing("top"), "cta", "Apply now", "junior-job");
      await page.waitForURL(landing("top"));
      const heard = (await host.reported("open")).filter((e) => e.type === "cta");
      assert.deepEqual(heard.map((e) => [e.widget, e.detail.outcome, e.detail.url]), [[0, "internship", landing("cta")], [1, "junior-job", landing("top")]]);
      assert.deepEqual(heard[1].detail, { quiz: "python-path", outcome: "junior-job", label: "Apply now", url: landing("top") });
      assert.equal(tabs.length, 2, "data-links=top opened a tab");
    } finally {
      await context.close();
    }
  });

  test("an outcome's picture, link and call to action in a cross-origin embed: drawn, and the click is heard before the address opens", async () => {
    const { context, page, problems, events } = await openHost("media.html");
    try {
      await context.route("https://example.org/**", (r) => r.fulfill({ status: 200, contentType: "text/html", body: "<p>elsewhere</p>" }));
      const w0 = await widgetFrame(page, 0);
      const surface = frameSurface(page, w0.frame);
      const media = loadJson("tests/fixtures/media/media.json");
      await click(surface, "start");
      await answerCurrent(surface, () => "early");
      const s = await next(surface);
      assert.equal(s.result.outcome, "lark");
      const scene = await w0.frame.evaluate(() => window.crossroads.scene());
      assert.ok(scene.items.some((i) => i.part === "figure" && i.name === media.outcomes[0].image.alt), "the result's picture is not in the scene");
      assert.equal(await w0.frame.locator('#cr-a11y a[href="https://example.org/post#mornings"]').count(), 1, "the summary's link is not a link");
      const [tab] = await Promise.all([context.waitForEvent("page"), click(surface, "cta")]);
      await tab.waitForLoadState();
      assert.equal(tab.url(), media.outcomes[0].cta.url);
      await page.waitForFunction(() => window.__events.some((e) => e.type === "cta"));
      const cta = (await events()).filter((e) => e.type === "cta");
      assert.deepEqual(cta.map((e) => e.detail), [{ quiz: "media", outcome: "lark", label: media.outcomes[0].cta.label,
                                                   url: media.outcomes[0].cta.url, campaign: { source: "blog" } }]);
      await page.screenshot({ path: screenshotPath("embed-media-result"), fullPage: true });
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test("crossroads:ready names the quiz given by data-quiz", async () => {
    const { context, page, problems, events } = await openHost("readiness.html");
    try {
      const w0 = await widgetFrame(page, 0);
      await waitForState(w0.frame, (s) => s.quiz === "python-readiness");
      const ready = (await events()).filter((e) => e.type === "ready");
      assert.equal(ready.length, 1);
      const readiness = JSON.parse(fs.readFileSync(path.join(DIST, "content/python-readiness.json"), "utf8"));  // derived at build time
      assert.deepEqual(ready[0].detail, { quiz: "python-readiness", version: readiness.version, title: readiness.title,
                                          language: readiness.language },
        "crossroads:ready reported another quiz than the one on screen");
      assert.equal(await w0.el.getAttribute("title"), readiness.title, "the iframe is not named by its quiz");
      assert.equal(await w0.el.getAttribute("lang"), readiness.language, "the iframe's title is not in the quiz's language");
      assert.equal(await w0.frame.evaluate(() => document.documentElement.lang), readiness.language,
        "the widget's page does not say the quiz's language");
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test("the demo blog page loads one widget without console errors", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    const problems = watchProblems(page);
    try {
      await page.goto(`${widget.origin}/demo/blog.html`, { waitUntil: "load" });
      const w = await widgetFrame(page, 0);
      assert.equal(await page.locator("iframe").count(), 1);
      assert.equal((await state(w.frame)).screen, "start");
      await assertFits(page, w, "demo page");
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  // The widget draws its built-in quiz while the quiz it was asked for is on its way: it must not call itself ready
  // (and tell the host its height) until that quiz is drawn. It did, once the wasm came preloaded: the iframe went
  // from the reserved 313 px to the built-in quiz's 288 and back, and CI caught it.
  test("a quiz that arrives after the first frame: the host hears only its height, never the stand-in's", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, colorScheme: "light" });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(STEP);
      await page.addInitScript(recordHostEvents, { beacon: null });
      const widgetPage = () => page.frames().find((f) => /\/index\.html\?/.test(f.url()));
      await context.route(/\/content\/python-readiness\.json$/, async (route) => {
        await until(async () => {
          const f = widgetPage();
          return f && await f.evaluate(() => !!window.crossroads && window.crossroads.frames() > 0).catch(() => false);
        }, "the stand-in quiz drawn before the requested one arrives");
        await route.continue();
      });
      await page.goto(`${hostOrigin}/readiness.html`, { waitUntil: "load" });
      const reserved = await page.locator("iframe.crossroads-embed").first().evaluate((f) => f.getBoundingClientRect().height);
      const w0 = await widgetFrame(page, 0);
      const s = await waitForState(w0.frame, (st) => st.screen === "start");
      assert.equal(s.quiz, "python-readiness");
      await page.waitForFunction(() => window.__events.some((e) => e.type === "ready"));
      const heights = (await page.evaluate(() => window.__events)).filter((e) => e.type === "resized").map((e) => e.detail.height);
      assert.ok(heights.every((h) => Math.abs(h - reserved) <= 1), `reserved ${reserved} px, the host heard ${heights.join(", ")}`);
    } finally {
      await context.close();
    }
  });

  test("the embed reserves its first screen's height: the post below does not move when the widget appears", async () => {
    for (const width of [1100, 420]) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: "light" });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(STEP);
        await page.goto(`${hostOrigin}/readiness.html`, { waitUntil: "load" });
        const frame = page.locator("iframe.crossroads-embed").first();
        const reserved = await frame.evaluate((f) => f.getBoundingClientRect().height);
        const w0 = await widgetFrame(page, 0);
        await waitForState(w0.frame, (s) => s.screen === "start");
        await page.waitForFunction(() => window.__crossroadsEmbeds && document.querySelector("iframe.crossroads-embed").contentWindow);
        const shown = await w0.frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        const final = await frame.evaluate((f) => f.getBoundingClientRect().height);
        assert.ok(Math.abs(shown - reserved) <= 1, `${width}px: reserved ${reserved} px, the first screen is ${shown} px`);
        assert.ok(Math.abs(final - reserved) <= 1, `${width}px: the iframe moved from ${reserved} to ${final} px`);
      } finally {
        await context.close();
      }
    }
  });
});
