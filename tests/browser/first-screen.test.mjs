// The default quiz's first screen in the page (scripts/first_screen.py): shown with JavaScript off and under the
// documented CSP, in the widget's fonts once the page has them; a tap on Start before the wasm is ready is carried out
// once it is; the canvas takes over with the same words in the same places and no layout shift. Screenshots of the
// first paint at phone and desktop width (build/screenshots/first-paint-*).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import * as L from "./lib.mjs";

let env;
before(async () => { env = await L.setup(); });
after(async () => { await env?.close(); });

// The first screen's visible text runs, in viewport px: [{text, x, y}].
const firstRuns = (page) => page.evaluate(() => [...document.querySelectorAll("#cr-first .cr-fr")]
  .filter((s) => s.getClientRects().length > 0)  // drawn: neither it nor the first screen hidden
  .map((s) => { const r = s.getBoundingClientRect(); return { text: s.textContent, x: r.left, y: r.top }; }));

// A page whose wasm (or the files `held` matches) is held back until release() is called: the first screen stays up
// meanwhile. `prepare` may set up the context first (a Content-Security-Policy).
async function heldPage(width, search = "", prepare = async () => {}, held = /\.wasm$/) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, colorScheme: "light" });
  await prepare(context);
  let release;
  const holding = new Promise((r) => { release = r; });
  await context.route(held, async (route) => { await holding; await route.continue(); });
  await context.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts += e.value; })
      .observe({ type: "layout-shift", buffered: true });
  });
  const page = await context.newPage();
  const problems = L.watchProblems(page);
  const fontRequests = [];
  page.on("request", (r) => { if (/\/fonts\//.test(r.url())) fontRequests.push(new URL(r.url()).pathname); });
  await page.goto(env.origin + "/" + search, { waitUntil: "domcontentloaded" });
  return { context, page, problems, release, fontRequests };
}

// The shell's opening comment names {{first-screen}} and {{page-words}}: filled there too, it carried a second copy of
// the first screen and of the page's words in every language (about half of index.html).
test("the shipped pages carry the first screen once, and none of the shell's developer comments", () => {
  for (const name of ["index.html", "quiz.html"]) {
    const page = fs.readFileSync(path.join(L.DIST, name), "utf8");
    assert.equal(page.split('id="cr-first"').length - 1, 1, name);
    assert.equal(page.split('id="cr-texts"').length - 1, 1, name);
    assert.doesNotMatch(page, /<!--/, name);
  }
});

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
    const { context, page, problems, release, fontRequests } = await heldPage(width);
    try {
      // Before the wasm runs, the first screen is shown in the widget's own fonts (the base pack's files).
      await page.waitForFunction(() => window.crossroads && ["400", "700"].every((weight) =>
        [...document.fonts].some((f) => f.family === "Crossroads" && f.weight === weight && f.status === "loaded")));
      await page.waitForFunction(() => document.fonts.status === "loaded");
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
      assert.deepEqual(fontRequests.filter((f) => /base-(regular|bold)/.test(f)).sort(),
        ["/fonts/base-bold.ttf", "/fonts/base-regular.ttf"], "the base fonts are fetched once, for the first screen and the canvas alike");
      assert.equal(new Set(fontRequests).size, fontRequests.length, `a font fetched twice: ${fontRequests}`);
      L.assertNoProblems(problems);
    } finally {
      release();
      await context.close();
    }
  });
}

// A tap on Start is kept until the widget is ready: while its wasm is held back, and before the page's loader (app.js:
// async, and started after the first paint) has even arrived, when the page's inline script keeps it.
for (const [before, held, meanwhile] of [
  ["the widget is ready", /\.wasm$/, () => window.crossroads && !window.crossroads.ready],
  ["the page's script has arrived", /\/app\.[0-9a-f]+\.js$/, () => window.crossroads === undefined]]) {
  test(`a tap on Start before ${before} is carried out once it is ready`, async () => {
    const { context, page, problems, release } = await heldPage(1280, "", undefined, held);
    try {
      await page.getByRole("button", { name: "Start the quiz" }).click();
      assert.ok(await page.evaluate(meanwhile), `the tap came after ${before}`);
      release();
      await L.waitForScreen(page, "question");
      assert.equal(new URL(page.url()).search, "", "kept, not sent as ?start=question");
      L.assertNoProblems(problems);
    } finally {
      release();
      await context.close();
    }
  });
}

// A host kept an older copy of the policy: its hash no longer matches the inline script, which the browser refuses.
// The page's script does the same work once it arrives (before: no accent on the first screen, and a tap on Start was
// sent as the plain form, which the policy's form-action 'none' refused: the tap did nothing).
test("under a policy with an outdated hash, the page's script prepares the first screen: accent colours, a tap on Start kept", async () => {
  const stale = L.documentedCsp().replace(/'sha256-[^']+'/, "'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='");
  const search = "?id=post-7&accent=f5d90a";
  const { context, page, problems, release } = await heldPage(1280, search, (c) => L.withCsp(c, stale));
  try {
    await page.waitForFunction(() => window.crossroads && !window.crossroads.ready);
    const start = page.getByRole("button", { name: "Start the quiz" });
    assert.deepEqual(await start.evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]),
                     ["rgb(245, 217, 10)", "rgb(17, 17, 17)"]);
    await start.click();
    release();
    await L.waitForScreen(page, "question");
    assert.equal(new URL(page.url()).search, search, "kept, not sent as ?start=question");
    const csp = (p) => /Content.Security.Policy/i.test(p.text || "");
    assert.ok(problems.some(csp), "the inline script was refused");
    L.assertNoProblems(problems.filter((p) => !csp(p)));
  } finally {
    release();
    await context.close();
  }
});

test("under the documented Content-Security-Policy the first screen is drawn, and a page for another quiz shows the placeholder instead", async () => {
  for (const [search, first] of [["", true], ["?quiz=content/python-path.json", true], ["?quiz=content/another.json", false]]) {
    const { context, page, release } = await heldPage(360, search, (c) => L.withCsp(c, L.documentedCsp()));
    try {
      const violations = [];
      page.on("console", (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
      await page.waitForFunction(() => window.crossroads && !window.crossroads.ready);
      assert.equal((await firstRuns(page)).length > 0, first, `${search}: the first screen's runs are shown`);
      assert.equal(await page.getByRole("button", { name: "Start the quiz" }).isVisible(), first, search);
      assert.equal(await page.locator("#cr-placeholder").isVisible(), !first, `${search}: the placeholder`);
      assert.deepEqual(violations, [], "the page's inline script has the documented hash");
    } finally {
      release();
      await context.close();
    }
  }
});

// Before the loader (app.js) has run: the page's inline script sets them for the first paint.
test("?theme= and ?accent= set the page's colours as the canvas's at the first paint: the first screen is dark with ?theme=dark, its Start in the accent", async () => {
  const rgb = (n) => `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
  for (const [search, scheme, accent] of [["", "light"], ["?theme=dark", "dark"], ["?accent=0f766e", "light", 0x0f766e]]) {
    const { context, page, problems, release } = await heldPage(360, search, undefined, /\/app\.[0-9a-f]+\.js$/);
    try {
      const colours = await page.evaluate(() => ({
        page: getComputedStyle(document.body).backgroundColor,
        start: getComputedStyle(document.querySelector("#cr-first [data-hit=start]")).backgroundColor,
        title: getComputedStyle(document.querySelector("#cr-first h1 .cr-fr")).color,
      }));
      assert.deepEqual(colours, { page: rgb(L.PALETTE[scheme].background), start: rgb(accent ?? L.PALETTE[scheme].accent),
        title: rgb(L.PALETTE[scheme].text) }, search);
      L.assertNoProblems(problems);
    } finally {
      release();
      await context.close();
    }
  }
});

// The text on an editor's accent is white or black as the canvas draws it: the first screen's Start kept the default
// scheme's (dark on dark theme, white on light) and changed when the canvas took over (white on #b03060, dark on a
// yellow accent).
test("?accent= gives the first screen's Start the text colour the canvas gives it", async () => {
  for (const search of ["?accent=0f766e", "?theme=dark&accent=b03060", "?accent=f5d90a", "?theme=dark&accent=%23f5d90a"]) {
    const { context, page, problems, release } = await heldPage(360, search, undefined, /\/app\.[0-9a-f]+\.js$/);
    try {
      const first = await page.evaluate(() => getComputedStyle(document.querySelector("#cr-first [data-hit=start]")).color);
      release();
      await page.waitForFunction(() => window.crossroads && window.crossroads.ready);
      // The canvas's colour, from the scene's palette the text layer sets, resolved by the browser as the first was.
      const canvas = await page.evaluate(() => {
        const probe = document.createElement("span");
        probe.style.color = getComputedStyle(document.getElementById("cr-root")).getPropertyValue("--cr-on-accent");
        document.body.appendChild(probe);
        return getComputedStyle(probe).color;
      });
      assert.equal(first, canvas, search);
      L.assertNoProblems(problems);
    } finally {
      release();
      await context.close();
    }
  }
});
