// Every European script draws: the script fixtures (tests/fixtures/scripts) open with ?quiz=, the page fetches just
// the font packs their letters need (the base pack's regular and bold always, its mono only for code), decomposed Vietnamese arrives
// composed (NFC), and each quiz's first question is photographed for the note (build/screenshots/script-*.png).
// That each letter has its own glyph in the atlas is checked natively (tests/ui/test_fonts.cpp).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import * as L from "./lib.mjs";


let env;
before(async () => {
  env = await L.setup();
  env.site.copy("tests/fixtures/scripts", "test-fixtures/scripts");
});
after(async () => { await env?.close(); });

// Opens fixture `name` on its first question; returns the page's state, the font files it asked for, and the app.
async function open(name) {
  const fonts = [];
  const app = await L.openApp(env, {
    viewport: { width: 700, height: 800 },
    query: `?quiz=test-fixtures/scripts/${name}.json&start=question`,
    onPage: (page) => page.on("request", (r) => { if (/\/fonts\//.test(r.url())) fonts.push(r.url().replace(/.*\/fonts\//, "")); }),
  });
  const s = await L.waitForScreen(app.page, "question");
  await L.waitForIdle(app.page);
  await app.page.screenshot({ path: L.screenshotPath(`script-${name}`), fullPage: true });
  return { app, s, fonts: fonts.sort() };
}

const BASE = ["base-bold.ttf", "base-regular.ttf"];  // none of these quizzes has code: no base-mono.ttf
const LATIN_EXT = ["latin-ext-bold.ttf", "latin-ext-mono.ttf", "latin-ext-regular.ttf"];
const PACKS = {
  polish: [...BASE, ...LATIN_EXT],
  "turkish-czech": [...BASE, ...LATIN_EXT],
  russian: [...BASE, "greek-cyrillic-bold.ttf", "greek-cyrillic-mono.ttf", "greek-cyrillic-regular.ttf"],
  greek: [...BASE, "greek-cyrillic-bold.ttf", "greek-cyrillic-mono.ttf", "greek-cyrillic-regular.ttf"],
  vietnamese: [...BASE, ...LATIN_EXT],
};

for (const [name, packs] of Object.entries(PACKS)) {
  test(`${name}: the page fetches only the font packs its letters need, and draws the quiz`, async () => {
    const { app, s, fonts } = await open(name);
    try {
      const quiz = L.loadJson(`tests/fixtures/scripts/${name}.json`);
      assert.equal(s.quiz, quiz.id);
      assert.deepEqual(fonts, packs);
      const scene = await app.page.evaluate(() => window.crossroads.scene());
      const text = scene.items.flatMap((i) => (i.runs || []).map((r) => r.text)).join(" ");
      assert.ok(text.includes(quiz.sections[0].questions[0].prompt.split(" ")[0]), `the prompt is not drawn: ${text.slice(0, 200)}`);
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
}

test("decomposed Vietnamese (NFD) reaches the widget composed (NFC), so each accented letter is one glyph", async () => {
  const { app, s } = await open("vietnamese-decomposed");
  try {
    const nfd = L.loadJson("tests/fixtures/scripts/vietnamese-decomposed.json");
    assert.notEqual(nfd.title, nfd.title.normalize("NFC"), "the fixture is not decomposed");
    assert.equal(s.title, nfd.title.normalize("NFC"));
    assert.equal(s.prompt, nfd.sections[0].questions[0].prompt.normalize("NFC"));
    L.assertNoProblems(app.problems);
  } finally {
    await app.close();
  }
});

test("pasted characters: invisible ones take no room, the rest are drawn", async () => {
  const { app, s } = await open("pasted");
  try {
    assert.equal(s.screen, "question");
    L.assertNoProblems(app.problems);
  } finally {
    await app.close();
  }
});

test("the one-file quiz.html carries the font packs inline and fetches nothing", async () => {
  const html = fs.readFileSync(path.join(L.DIST, "quiz.html"), "utf8");
  const data = JSON.parse(/<script type="application\/json" id="cr-font-data">(.*?)<\/script>/s.exec(html)[1]);
  const files = fs.readdirSync(path.join(L.DIST, "fonts")).map((f) => `fonts/${f}`).sort();
  assert.deepEqual(Object.keys(data).sort(), files);
  for (const f of files) assert.ok(Buffer.from(data[f], "base64").equals(fs.readFileSync(path.join(L.DIST, f))), `${f} differs`);
});

// The shipped quiz has code, drawn in the base pack's mono; its start screen has none. The first frame does not wait
// for the mono file, which is asked for once that frame is drawn; a screen past the start waits for it (the quiz
// keeps its state meanwhile, and the canvas shows the new screen once the file is in).
test("the mono file is asked for after the first frame, which does not wait for it; the next screen does", async () => {
  const context = await env.browser.newContext({ viewport: { width: 800, height: 900 } });
  try {
    let release;
    const held = new Promise((r) => { release = r; });
    const asked = [];
    await context.route(/\/fonts\/base-mono\.ttf$/, async (route) => {
      if (!route.request().serviceWorker()) asked.push(route.request().url());  // not the offline worker's precache
      await held;
      await route.continue().catch(() => {});
    });
    const page = await context.newPage();
    const problems = L.watchProblems(page);
    await page.goto(env.origin + "/");
    await page.waitForFunction(() => window.crossroads?.ready && window.crossroads.state() !== null);
    assert.ok(await page.evaluate(() => performance.getEntriesByName("cr:first-frame").length), "no first frame while the mono file is held back");
    for (let i = 0; i < 50 && !asked.length; i++) await page.waitForTimeout(100);
    assert.equal(asked.length, 1, "the mono file was not asked for after the first frame");
    const frames = await L.frames(page);
    await page.evaluate(() => window.crossroads.command("start"));
    await L.waitForScreen(page, "question");
    await page.waitForTimeout(500);
    assert.equal(await L.frames(page), frames, "a frame past the start screen was shown without the mono file");
    release();
    await page.waitForFunction((n) => window.crossroads.frames() > n, frames);
    assert.match((await L.state(page)).screen, /question/);
    L.assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

// src/web/fonts.cpp takes the place of ImFontAtlas::GetTexDataAsRGBA32 (a --wrap in cmake/web.cmake) so that ImGui's
// built-in ProggyClean font, never drawn, is not linked: should the wrap stop matching, the font would come back.
test("the readers' wasm holds none of ImGui's built-in font", () => {
  const wasm = fs.readdirSync(L.DIST).find((f) => /^crossroads\.[0-9a-f]+\.wasm$/.test(f));
  assert.ok(wasm, "dist/ has no crossroads.*.wasm");
  assert.equal(fs.readFileSync(path.join(L.DIST, wasm)).includes("ProggyClean"), false);
});
