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

// Two wasms (cmake/web.cmake): the readers' reads pre-checked forms only, so neither the JSON loader's and
// validator's messages nor the profile runner's are in it; the full one has them (a ?quiz= file, the studio).
test("the readers' wasm holds no JSON loader, validator or profile runner; the full one does", () => {
  const wasm = (stem) => {
    const name = fs.readdirSync(L.DIST).find((f) => new RegExp(`^${stem}\\.[0-9a-f]{10}\\.wasm$`).test(f));
    assert.ok(name, `dist/ has no ${stem}.*.wasm`);
    return fs.readFileSync(path.join(L.DIST, name));
  };
  const readers = wasm("crossroads"), full = wasm("crossroads-full");
  for (const text of ["expected an object, found ", "expected true or false, found ", "with at least one profile"]) {
    assert.equal(readers.includes(text), false, `the readers' wasm holds "${text}"`);
    assert.equal(full.includes(text), true, `the full wasm lacks "${text}"`);
  }
});

// What each page asks the server for: the shipped quiz's page (also as ?quiz=, as embed.js opens it) the readers'
// wasm and the quiz's pre-checked form, never its JSON; a ?quiz= file the build did not pre-check, the full wasm.
async function requested(query) {
  const urls = [];
  const app = await L.openApp(env, { query, onPage: (page) => page.on("request", (r) => urls.push(new URL(r.url()).pathname)) });
  try {
    L.assertNoProblems(app.problems);
    return { urls, state: await app.page.evaluate(() => window.crossroads.state()) };
  } finally {
    await app.close();
  }
}
const readersWasm = /^\/crossroads\.[0-9a-f]{10}\.wasm$/, fullWasm = /^\/crossroads-full\.[0-9a-f]{10}\.(js|wasm)$/;

for (const query of ["", "?quiz=content/python-path.json"]) {
  test(`the shipped page${query ? ` opened with ${query}` : ""} loads the readers' wasm and the quiz's form, not its JSON`, async () => {
    const { urls, state } = await requested(query);
    assert.equal(state.quiz, L.loadJson("content/python-path.json").id);
    assert.ok(urls.some((u) => readersWasm.test(u)), urls.join(" "));
    assert.ok(urls.some((u) => /^\/content\/python-path\.[0-9a-f]{10}\.crqf$/.test(u)), urls.join(" "));
    assert.equal(urls.filter((u) => fullWasm.test(u) || /\.json$/.test(u)).join(" "), "");
  });
}

test("a ?quiz= file without a pre-checked form loads the full wasm", async () => {
  env.site.copy("tests/fixtures/mini.json", "test-fixtures/mini.json");
  const { urls, state } = await requested("?quiz=test-fixtures/mini.json");
  assert.equal(state.quiz, L.loadJson("tests/fixtures/mini.json").id);
  assert.ok(urls.some((u) => /^\/crossroads-full\.[0-9a-f]{10}\.wasm$/.test(u)), urls.join(" "));
  assert.ok(urls.includes("/test-fixtures/mini.json"), urls.join(" "));
});

// A stale or damaged form (a cut upload, an old copy in a cache): the readers' wasm refuses it before it draws
// anything, and the page runs the full wasm with the quiz file instead. The reader sees the quiz, with no error.
for (const [name, damage] of [["a flipped byte", (b) => { b[b.length >> 1] ^= 0x40; return b; }],
                              ["a cut", (b) => b.subarray(0, b.length - 100)],
                              ["another build's format version", (b) => { b[4] += 1; return b; }]]) {
  test(`${name} in the shipped quiz's form: the quiz still runs, from its JSON in the full wasm`, async () => {
    const form = fs.readdirSync(path.join(L.DIST, "content")).find((f) => /^python-path\.[0-9a-f]{10}\.crqf$/.test(f));
    env.site.put(`content/${form}`, damage(Buffer.from(fs.readFileSync(path.join(L.DIST, "content", form)))));
    try {
      const { urls, state } = await requested("?start=question");
      assert.equal(state.quiz, L.loadJson("content/python-path.json").id);
      assert.equal(state.screen, "question");
      assert.deepEqual(state.errors, []);
      assert.ok(urls.some((u) => /^\/crossroads-full\.[0-9a-f]{10}\.wasm$/.test(u)), urls.join(" "));
      assert.ok(urls.includes("/content/python-path.json"), urls.join(" "));
    } finally {
      fs.rmSync(path.join(env.site.dir, "content", form));
    }
  });
}
