// The built-in quiz's first screen in the page (scripts/first_screen.py): shown with JavaScript off, a tap on Start
// before the wasm is ready is carried out once it is, and the canvas takes over with the same words in the same places
// and no layout shift. Screenshots of the first paint at phone and desktop width (build/screenshots/first-paint-*).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as L from "./lib.mjs";

let env;
before(async () => { env = await L.setup(); });
after(async () => { await env?.close(); });

// The first screen's visible text runs, in viewport px: [{text, x, y}].
const firstRuns = (page) => page.evaluate(() => [...document.querySelectorAll("#cr-first .cr-fr")]
  .filter((s) => getComputedStyle(s).display !== "none")
  .map((s) => { const r = s.getBoundingClientRect(); return { text: s.textContent, x: r.left, y: r.top }; }));

// A page whose wasm is held back until release() is called: the first screen stays up meanwhile.
async function heldPage(width) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, colorScheme: "light" });
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  await context.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts += e.value; })
      .observe({ type: "layout-shift", buffered: true });
  });
  const page = await context.newPage();
  const problems = L.watchProblems(page);
  await page.goto(env.origin + "/", { waitUntil: "domcontentloaded" });
  return { context, page, problems, release };
}

for (const width of [360, 1280]) {
  test(`with JavaScript off the page shows the start screen's title, intro and Start button (${width} px)`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(env.origin + "/");
      const quiz = L.loadJson("content/python-path.json");
      const text = (await firstRuns(page)).map((r) => r.text).join(" ");
      assert.ok(text.startsWith(quiz.title.split(" ").slice(0, 3).join(" ")), text);
      assert.ok(text.includes(quiz.intro.split(" ").slice(-4).join(" ")), "the intro's last words are shown");
      const start = page.getByRole("button", { name: "Start the quiz" });
      assert.ok(await start.isVisible());
      assert.equal(await page.locator("#cr-placeholder").isVisible(), false);
      await page.screenshot({ path: L.screenshotPath(`first-paint-${width}`) });
    } finally {
      await context.close();
    }
  });

  test(`the canvas takes over the first screen with the same words in the same places, no layout shift (${width} px)`, async () => {
    const { context, page, problems, release } = await heldPage(width);
    try {
      await page.waitForFunction(() => document.fonts.status === "loaded" && window.crossroads);
      const before = await firstRuns(page);
      const height = await page.evaluate(() => document.getElementById("cr-root").getBoundingClientRect().height);
      release();
      await page.waitForFunction(() => window.crossroads.ready);
      await L.waitForIdle(page);
      const canvas = await page.evaluate(() => document.getElementById("cr-canvas").getBoundingClientRect().toJSON());
      const drawn = (await page.evaluate(() => window.crossroads.scene())).items.flatMap((i) => i.runs)
        .map((r) => ({ text: r.text, x: canvas.left + r.x, y: canvas.top + r.y }));
      assert.deepEqual(before.map((r) => r.text), drawn.map((r) => r.text), "the same lines");
      before.forEach((r, i) => {
        assert.ok(Math.abs(r.x - drawn[i].x) <= 1 && Math.abs(r.y - drawn[i].y) <= 2, `${r.text}: ${JSON.stringify(r)} vs ${JSON.stringify(drawn[i])}`);
      });
      assert.equal(await page.evaluate(() => document.getElementById("cr-root").getBoundingClientRect().height), height);
      assert.ok(await page.evaluate(() => window.__shifts) < 0.001, "no layout shift");
      assert.equal(await page.locator("#cr-first").isVisible(), false);
      L.assertNoProblems(problems);
    } finally {
      release();
      await context.close();
    }
  });
}

test("a tap on Start before the widget is ready is carried out when it is", async () => {
  const { context, page, problems, release } = await heldPage(1280);
  try {
    await page.waitForFunction(() => window.crossroads && !window.crossroads.ready);
    await page.getByRole("button", { name: "Start the quiz" }).click();
    release();
    await L.waitForScreen(page, "question");
    assert.equal(new URL(page.url()).search, "", "kept, not sent as ?start=question");
    L.assertNoProblems(problems);
  } finally {
    release();
    await context.close();
  }
});
