// The default page as a reader first gets it: loads with no console errors and no failed requests (including the
// offline worker's precache), shows the start screen drawn on the canvas, no placeholder and no error message.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as L from "./lib.mjs";

let env;
before(async () => { env = await L.setup(); });
after(async () => { await env?.close(); });

test("the default page loads cleanly and shows the start screen", async () => {
  const requests = [];
  const app = await L.openApp(env, { viewport: { width: 1024, height: 768 } });
  try {
    const { page } = app;
    page.on("requestfinished", (r) => requests.push(r.url()));
    const s = await L.state(page);
    assert.equal(s.screen, "start");
    assert.equal(s.quiz, "python-path");
    assert.deepEqual(s.errors.filter((e) => e.includes(": error: ")), []);
    assert.ok(s.total > 0);

    const dom = await page.evaluate(() => {
      const vis = (e) => !!e && !e.hidden && getComputedStyle(e).display !== "none" && getComputedStyle(e).visibility !== "hidden" && e.getBoundingClientRect().height > 0;
      return {
        busy: document.getElementById("cr-root").getAttribute("aria-busy"),
        placeholder: vis(document.getElementById("cr-placeholder")),
        message: vis(document.getElementById("cr-message")),
        canvas: vis(document.getElementById("cr-canvas")),
        title: document.title,
      };
    });
    assert.deepEqual({ busy: dom.busy, placeholder: dom.placeholder, message: dom.message, canvas: dom.canvas },
      { busy: "false", placeholder: false, message: false, canvas: true });

    // The canvas really shows the start screen: the title in text colour, the Start button in the accent colour.
    const start = await L.findHit(page, "start");
    const p = await L.canvasPointToViewport(page, start.x, start.y);
    const button = await L.grab(page, { x: p.x, y: p.y, width: start.w, height: start.h });
    assert.ok(L.countColor(button, L.PALETTE.light.accent, 30) > start.w * start.h * 0.5, "Start is not drawn in the accent colour");
    const title = await L.grab(page, { x: p.x, y: 0, width: 600, height: Math.max(1, p.y - 20) });
    assert.ok(L.countColor(title, L.PALETTE.light.text, 40) > 200, "no title text drawn above Start");

    // The offline worker installs: its precache fetches every asset without a failure.
    const sw = await page.evaluate(() => "serviceWorker" in navigator && window.isSecureContext
      ? navigator.serviceWorker.ready.then((r) => !!r.active) : "unsupported");
    if (sw !== "unsupported") assert.equal(sw, true, "the offline worker did not activate");
    await page.waitForLoadState("networkidle");
    L.assertNoProblems(app.problems);
  } finally {
    await app.close();
  }
});

// A quiz's "related" link opens the quiz file it names, relative to the quiz file: from the built-in quiz (whose
// place in dist/ the build tells the widget) and from ?quiz= alike. python-path links to its derived readiness check.
test("the related link opens the quiz the file names, beside the quiz file", async () => {
  const quiz = L.loadJson("content/python-path.json");
  const standalone = quiz.sections.find((s) => s.standalone).standalone;
  for (const query of ["", "index.html?quiz=content/python-path.json"]) {
    const app = await L.openApp(env, { query });
    try {
      const { page } = app;
      assert.equal((await L.findHit(page, "related")).label, quiz.related.label);
      await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.evaluate(() => window.crossroads.activate("related"))]);
      await page.waitForFunction(() => window.crossroads && window.crossroads.ready && window.crossroads.state() !== null);
      assert.equal(new URL(page.url()).searchParams.get("quiz"), "content/" + quiz.related.quiz, `from "${query}"`);
      assert.equal((await L.state(page)).quiz, standalone.id);
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  }
});
