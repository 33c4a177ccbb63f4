// The text layer and the accessibility tree, from the one scene the canvas is drawn from: every drawn string is in
// Chromium's accessibility tree with its role (read through the DevTools protocol), the text can be selected and
// found over the drawn words, code keeps its lines, forced colours and more contrast change the canvas, and no
// reader-visible wording is typed in the page's JavaScript.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import * as L from "./lib.mjs";
import { answerCurrent, click, defaultChoice, next, pageSurface } from "./play.mjs";

const CODE = "total = 0\nfor n in [1, 2, 3]:\n    if n % 2:\n        total += n\nprint(total)";

const scene = (page) => page.evaluate(() => window.crossroads.scene());

// Everything the accessibility tree says (names, values, descriptions) and the role of each named node.
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  const said = [];
  const named = [];
  const roles = new Set();
  for (const n of nodes) {
    if (n.ignored) continue;
    const role = n.role && n.role.value;
    roles.add(role);
    for (const k of ["name", "value", "description"]) if (n[k] && n[k].value) said.push(String(n[k].value));
    if (n.name && n.name.value) named.push({ role, name: String(n.name.value) });
  }
  return { text: said.join("\n").replace(/\s+/g, " "), named, roles };
}

const ROLE = { button: "button", disclosure: "button", radio: "radio", checkbox: "checkbox", slider: "slider" };

// Every run of the scene is said by the tree, every control is there with its role and name, every heading too.
async function assertTreeCoversScene(page, label) {
  const s = await scene(page);
  const ax = await axTree(page);
  let runs = 0;
  for (const item of s.items) {
    for (const run of item.runs) {
      runs++;
      assert.ok(ax.text.includes(run.text.replace(/\s+/g, " ").trim()), `${label}: "${run.text}" (${item.part}) is not in the accessibility tree`);
    }
    if (item.part === "control") {
      assert.ok(ax.named.some((n) => n.role === ROLE[item.role] && n.name.replace(/\s+/g, " ") === item.name.replace(/\s+/g, " ")),
        `${label}: no ${ROLE[item.role]} named "${item.name}"`);
    }
    if (item.part === "heading") {
      const text = item.runs.map((r) => r.text).join(" ");
      assert.ok(ax.named.some((n) => n.role === "heading" && n.name === text), `${label}: no heading "${text}"`);
    }
  }
  assert.ok(runs > 3, `${label}: the scene has almost no text`);
  return { scene: s, ax };
}

// Finds `phrase` with the browser's find-in-page and checks that the match lies over the drawn run holding it.
async function findOver(page, phrase) {
  const found = await page.evaluate((phrase) => {
    getSelection().removeAllRanges();
    const ok = window.find(phrase, true, false, true);
    if (!ok) return { ok };
    const r = getSelection().getRangeAt(0).getBoundingClientRect();
    const c = document.getElementById("cr-canvas").getBoundingClientRect();
    return { ok, x: r.left - c.left, y: r.top - c.top, w: r.width, h: r.height };
  }, phrase);
  assert.ok(found.ok, `find-in-page does not find "${phrase}"`);
  const runs = (await scene(page)).items.flatMap((x) => x.runs).filter((r) => r.text.includes(phrase));
  assert.ok(runs.some((run) => found.x >= run.x - 2 && found.x + found.w <= run.x + run.w + 2 && Math.abs(found.y - run.y) < run.h),
    `the match for "${phrase}" (${JSON.stringify(found)}) is not over a drawn run holding it (${JSON.stringify(runs)})`);
}

describe("text layer and accessibility tree", () => {
  let env;
  before(async () => {
    env = await L.setup();
    const quiz = JSON.parse(fs.readFileSync(path.join(L.ROOT, "tests/fixtures/mini.json"), "utf8"));
    quiz.id = "code";
    const knowledge = quiz.sections.find((s) => s.kind === "knowledge");
    knowledge.questions[0].code = CODE;
    delete knowledge.show_if;
    quiz.sections = [knowledge, ...quiz.sections.filter((s) => s !== knowledge)];  // the code question comes first
    env.site.put("test-fixtures/code.json", JSON.stringify(quiz));
  });
  after(async () => { await env?.close(); });

  test("every drawn string of every screen is in the accessibility tree, results with all rows open", async () => {
    const app = await L.openApp(env, { viewport: { width: 1000, height: 900 } });
    try {
      const { page } = app;
      const surface = pageSurface(page);
      await assertTreeCoversScene(page, "start");
      const ax0 = await axTree(page);
      const title = (await L.state(page)).title;
      assert.ok(ax0.named.some((n) => n.role === "heading" && n.name === title), "no h1 with the quiz's title");
      assert.match(ax0.text, /questions · about \d+ minutes/, "the length of the quiz is not said");
      await click(surface, "start");
      let s = await L.waitForScreen(page, "question");
      for (let i = 0; i < 40 && s.screen === "question"; i++) {
        await answerCurrent(surface, (q, ids, spec) => (q === "take-readiness" ? "yes" : defaultChoice(q, ids, spec)));
        await assertTreeCoversScene(page, `question ${s.question}`);
        s = await next(surface);
      }
      assert.equal(s.screen, "results");
      // Open every review and FAQ row.
      for (const item of (await scene(page)).items.filter((x) => x.role === "disclosure")) {
        await page.evaluate((id) => window.crossroads.activate(id), item.id);
        await page.waitForFunction((id) => window.crossroads.scene().items.some((x) => x.id === id && x.expanded), item.id);
      }
      const { scene: sc, ax } = await assertTreeCoversScene(page, "results");
      for (const role of ["heading", "table", "image", "region", "list"]) assert.ok(ax.roles.has(role), `no ${role} on the results page: ${[...ax.roles]}`);
      assert.ok(sc.items.some((x) => x.part === "cell"), "the comparison table is not in the scene");
      assert.ok(await page.locator("#cr-a11y table th").count() > 0, "the comparison table is not a real table");
      await findOver(page, "Return offer");
      await L.screenshotFullPage(page, L.screenshotPath("results-all-open"));
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });

  test("selecting the intro with a mouse drag gives its text; find-in-page lands on the drawn words", async () => {
    const app = await L.openApp(env, { viewport: { width: 1000, height: 900 } });
    try {
      const { page } = app;
      const s = await scene(page);
      const intro = s.items.find((x) => x.part === "paragraph" && x.runs.length > 0);
      const first = intro.runs[0], last = intro.runs[intro.runs.length - 1];
      const a = await L.canvasPointToViewport(page, first.x + 1, first.y + first.h / 2);
      const b = await L.canvasPointToViewport(page, last.x + last.w - 1, last.y + last.h / 2);
      await page.mouse.move(a.x, a.y);
      await page.mouse.down();
      await page.mouse.move(b.x, b.y, { steps: 8 });
      await page.mouse.up();
      const selected = (await page.evaluate(() => String(getSelection()))).replace(/\s+/g, " ").trim();
      const want = intro.runs.map((r) => r.text).join(" ");
      assert.ok(selected.length > 20 && want.startsWith(selected.slice(0, 20)), `selected "${selected}" of "${want}"`);
      await L.screenshotFullPage(page, L.screenshotPath("selection-intro"));

      // Find: the match's box lies over the run that draws those words.
      const minutes = /about \d+ minutes?/.exec(s.items.flatMap((x) => x.runs).map((r) => r.text).join(" "))[0];
      await findOver(page, minutes);
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });

  test("code keeps its line breaks and indentation, and is labelled", async () => {
    const app = await L.openApp(env, { query: "?quiz=test-fixtures/code.json&start=question", viewport: { width: 1000, height: 900 } });
    try {
      const { page } = app;
      await page.waitForFunction(() => window.crossroads.scene().items.some((x) => x.part === "code"));
      const pre = page.locator("#cr-a11y pre");
      assert.equal(await pre.count(), 1, "no code block in the text layer");
      assert.equal(await pre.textContent(), CODE);
      assert.equal(await page.locator("#cr-a11y [role=group]:has(pre)").getAttribute("aria-label"), "Code");
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });

  test("forced colours: the canvas draws with the system colours; more contrast darkens muted text", async () => {
    const read = async (opts) => {
      const context = await env.browser.newContext({ viewport: { width: 900, height: 700 }, colorScheme: "light", ...opts });
      const page = await context.newPage();
      try {
        await page.goto(env.origin + "/index.html", { waitUntil: "load" });
        await L.waitForState(page, (s) => s.screen === "start");
        await page.waitForFunction(() => window.crossroads.ready);
        const s = await scene(page);
        const title = s.items.find((x) => x.part === "heading").runs[0];
        const muted = s.items.find((x) => x.part === "paragraph" && x.runs.some((r) => r.font === "small")).runs[0];
        const box = await page.locator("#cr-canvas").boundingBox();
        const shot = async (r) => L.decodePng(await page.screenshot({ clip: { x: box.x + r.x, y: box.y + r.y, width: Math.min(r.w, 200), height: r.h } }));
        const colours = await page.evaluate(() => {
          const probe = document.createElement("span");
          document.body.appendChild(probe);
          const get = (n) => { probe.style.color = n; return getComputedStyle(probe).color; };
          return { canvas: get("Canvas"), text: get("CanvasText") };
        });
        return { title: await shot(title), muted: await shot(muted), colours, bg: L.decodePng(await page.screenshot({ clip: { x: box.x + 2, y: box.y + 2, width: 10, height: 10 } })) };
      } finally {
        await context.close();
      }
    };
    const hex = (css) => { const m = /(\d+), (\d+), (\d+)/.exec(css); return (Number(m[1]) << 16) | (Number(m[2]) << 8) | Number(m[3]); };
    const darkest = (img) => { let best = 765; for (let i = 0; i < img.rgba.length; i += 4) best = Math.min(best, img.rgba[i] + img.rgba[i + 1] + img.rgba[i + 2]); return best; };

    const forced = await read({ forcedColors: "active" });
    assert.equal(L.dominantColor(forced.bg), hex(forced.colours.canvas), "the canvas background is not the system Canvas colour");
    const ink = hex(forced.colours.text);
    assert.ok(L.countColor(forced.title, ink, 8) > 20, "the title is not drawn in the system CanvasText colour");
    assert.ok(L.countColor(forced.muted, ink, 40) > 5, "muted text is not drawn in CanvasText under forced colours");

    const normal = await read({});
    const more = await read({ contrast: "more" });
    assert.ok(darkest(more.muted) < darkest(normal.muted) - 40, `more contrast does not darken muted text (${darkest(more.muted)} vs ${darkest(normal.muted)})`);
  });

  test("no reader-visible wording is typed in the page's JavaScript", () => {
    const modules = fs.readdirSync(path.join(L.ROOT, "web", "page")).map((f) => path.join("page", f));
    for (const file of ["app.js", "a11y.js", "embed.js", "bridge-library.js", ...modules]) {
      const src = fs.readFileSync(path.join(L.ROOT, "web", file), "utf8")
        .replace(/\/\/.*$/gm, "")                       // comments
        .replace(/^.*console\.\w+\(.*$/gm, "")           // messages for developers, in the console
        .replace(/"use strict";/g, "");
      const words = [...src.matchAll(/"([^"\\]|\\.)*"/g)].map((m) => m[0]).filter((lit) => /[A-Za-z]{2,} [a-z]{2,}/.test(lit));
      assert.deepEqual(words, [], `${file} has reader-visible text: ${words.join(", ")}`);
    }
  });
});
