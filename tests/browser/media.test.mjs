// Pictures, links and calls to action (tests/fixtures/media): pictures are drawn in the box their width and height
// keep (nothing moves when one arrives), are named by their alt text in the text layer, and show that text when the
// file cannot be had; a markdown link is a real <a> over its drawn words; the call to action opens its address.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import * as L from "./lib.mjs";
import { answerCurrent, click, next, pageSurface } from "./play.mjs";

const quiz = L.loadJson("tests/fixtures/media/media.json");

let env;
before(async () => {
  env = await L.setup();
  env.site.copy("tests/fixtures/media", "test-fixtures/media");
  fs.rmSync(path.join(env.site.dir, "test-fixtures/media/images/moon.png"));  // the night owl's picture cannot be had
});
after(async () => { await env?.close(); });

// The addresses the quiz links to answer here, as a stand-in for the web (the machines have no internet).
const offlineWeb = (app) => app.context.route("https://example.org/**", (r) => r.fulfill({ status: 200, contentType: "text/html", body: "<p>elsewhere</p>" }));

// Every picture of the quiz is fetched when it loads (so all are there offline): the missing one's 404 is expected.
const missing = (e) => /moon\.png$/.test(e.url || "") && (e.kind === "http" || e.kind === "console");
const open = (env) => L.openApp(env, { viewport: { width: 800, height: 900 }, query: "?quiz=test-fixtures/media/media.json", allow: missing });

const figures = (page) => page.evaluate(() => window.crossroads.scene().items.filter((i) => i.part === "figure" && i.name));

// The colour most pixels of a drawn figure have, once its picture has arrived (pictures load after the first frame).
async function figureColour(page, figure, want) {
  const p = await L.canvasPointToViewport(page, figure.x, figure.y);
  const clip = { x: p.x + 4, y: p.y + 4, width: Math.min(figure.w, 200) - 8, height: Math.min(figure.h, 80) - 8 };
  return L.pollPixels(page, clip, L.dominantColor, (c) => c === want);
}

test("a picture is drawn in its box, named by its alt text; a link is a real link over its words", async () => {
  const app = await open(env);
  try {
    const { page } = app;
    await offlineWeb(app);
    const [start] = await figures(page);
    assert.equal(start.name, quiz.image.alt);
    assert.deepEqual([start.w, start.h], [quiz.image.width, quiz.image.height], "the picture's box is not its size");
    assert.equal((await figureColour(page, start, 0xf08c28)).toString(16), "f08c28", "the sunrise picture is not drawn");
    await page.screenshot({ path: L.screenshotPath("media-start"), fullPage: true });
    assert.equal(await page.locator(`#cr-a11y [role="img"][aria-label="${quiz.image.alt}"]`).count(), 1,
      "the text layer does not name the picture");
    // The intro's link: one <a> over the drawn words, opening in a new tab.
    const link = page.locator('#cr-a11y a[href="https://example.org/sleep"]');
    assert.equal(await link.count(), 1);
    assert.equal(await link.textContent(), "our guide to sleep");
    assert.equal(await link.getAttribute("target"), "_blank");
    assert.match(await link.getAttribute("rel"), /noopener/);
    const [popup] = await Promise.all([page.waitForEvent("popup"), link.locator(".cr-run").first().click()]);
    await popup.waitForLoadState();
    assert.equal(popup.url(), "https://example.org/sleep");
    await popup.close();
    L.assertNoProblems(app.problems);
  } finally {
    await app.close();
  }
});

test("the result shows its picture and its call to action, which opens its address", async () => {
  const app = await open(env);
  try {
    const { page } = app;
    await offlineWeb(app);
    const surface = pageSurface(page);
    await click(surface, "start");
    await L.waitForScreen(page, "question");
    const [question] = await figures(page);
    assert.equal(question.name, quiz.sections[0].questions[0].image.alt);
    await answerCurrent(surface, () => "early");
    const s = await next(surface);
    assert.equal(s.result.outcome, "lark");
    const lark = quiz.outcomes[0];
    const [shown] = await figures(page);
    assert.equal(shown.name, lark.image.alt);
    await figureColour(page, shown, 0xf08c28);
    const cta = await L.findHit(page, "cta");
    assert.equal(cta.label, lark.cta.label);
    await page.screenshot({ path: L.screenshotPath("media-result"), fullPage: true });
    const [popup] = await Promise.all([page.waitForEvent("popup"), click(surface, "cta")]);
    await popup.waitForLoadState();
    assert.equal(popup.url(), lark.cta.url);
    await popup.close();
    L.assertNoProblems(app.problems);
  } finally {
    await app.close();
  }
});

test("a picture that cannot be had shows what it shows, in words, in the same box", async () => {
  const app = await open(env);
  try {
    const { page } = app;
    const surface = pageSurface(page);
    await click(surface, "start");
    await answerCurrent(surface, () => "late");
    const s = await next(surface);
    assert.equal(s.result.outcome, "owl");
    const owl = quiz.outcomes[1];
    // The file's 404 comes after the result is first drawn: then the box says what the picture shows.
    let shown = null;
    for (const end = Date.now() + 15000; !shown && Date.now() < end;) {
      await L.waitForIdle(page);
      const [f] = await figures(page);
      if (f && f.runs.length) shown = f;
    }
    assert.ok(shown, "the missing picture's box never showed its alt text");
    assert.equal(shown.name, owl.image.alt);
    assert.equal(shown.runs.map((r) => r.text).join(" "), owl.image.alt, "the alt text is not drawn in the picture's box");
    assert.deepEqual([shown.w, shown.h], [owl.image.width, owl.image.height]);
    await page.screenshot({ path: L.screenshotPath("media-missing-picture"), fullPage: true });
    L.assertNoProblems(app.problems);
  } finally {
    await app.close();
  }
});

test("a picture seen once is there offline too", async () => {
  const app = await open(env);
  try {
    const { page, context } = app;
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);  // the offline worker runs this page
    await page.reload({ waitUntil: "load" });  // this visit's pictures come through the worker, which keeps them
    await page.waitForFunction(() => window.crossroads && window.crossroads.ready);
    const [seen] = await figures(page);
    await figureColour(page, seen, 0xf08c28);
    await context.setOffline(true);
    await page.reload({ waitUntil: "load" });
    await page.waitForFunction(() => window.crossroads && window.crossroads.ready);
    const [offline] = await figures(page);
    assert.equal(offline.name, quiz.image.alt);
    assert.equal((await figureColour(page, offline, 0xf08c28)).toString(16), "f08c28", "offline, the picture seen before is not drawn");
    assert.equal(offline.runs.length, 0, "offline, the picture shows its alt text instead");
  } finally {
    await app.close();
  }
});
