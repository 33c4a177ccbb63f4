// Size limits in the page (?quiz=): the shared big-quiz case's shape -- the shipped quiz with its intro padded by one
// long run of "x" -- is shown at the longest word the loader accepts and refused, with the validator's located
// message, one character over it and at the sizes that once stalled the page or lost its tab (300,000, 800,000 and
// 1,400,000 characters); the results screen holding the most text the loader accepts is shown with every FAQ entry
// open on a phone-wide page. In every case the page keeps answering crossroads.state(). The studio marks the refused
// files at the validator's place with its message.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as L from "./lib.mjs";

const WORD = 1000;     // kMaxWordChars (src/core/loader.h)
const SCREEN = 32000;  // kMaxScreenChars
const TEXT = 10000;    // kMaxTextChars

// As ../shared/cases/make_big_quiz.py builds it: about `n` characters, the intro padded with a space and x's.
function paddedToSize(n) {
  const quiz = L.loadJson("content/python-path.json");
  quiz.id = "big";
  quiz.intro += " " + "x".repeat(n - JSON.stringify(quiz).length - 10);
  return JSON.stringify(quiz);
}

// The same shape with exactly `pad` x's.
function padded(pad) {
  const quiz = L.loadJson("content/python-path.json");
  quiz.id = "big";
  quiz.intro += " " + "x".repeat(pad);
  return JSON.stringify(quiz);
}

// Words of nine letters, `n` characters in all.
const words = (n) => Array.from({ length: n }, (_, i) => (i % 10 === 9 ? " " : "w")).join("");

// tests/fixtures/one-question.json with FAQ entries: its results screen (for "slow": the outcome "tea") holds 44
// characters besides them (the titles in the chart, the outcome's title, summary and details), then 3 entries of
// 10,000 and one that brings the screen to `total` characters.
function fullResults(total) {
  const quiz = L.loadJson("tests/fixtures/one-question.json");
  quiz.faq = [0, 1, 2].map((i) => ({ id: `f${i}`, q: "Q", a: words(TEXT - 1) }));
  quiz.faq.push({ id: "last", q: "Q", a: words(total - 44 - 3 * TEXT - 1) });
  return JSON.stringify(quiz, null, 2);
}

// Writes test-limits/NAME into the test site.
const put = (name, text) => env.site.put(`test-limits/${name}`, text);

// `crossroads validate` on a file in test-limits/: its error lines ([] when it says ok).
function validatorErrors(name) {
  try {
    execFileSync(L.CLI, ["validate", `test-limits/${name}`], { cwd: env.site.dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return [];
  } catch (e) {
    return String(e.stderr).split("\n").filter((l) => l.includes(": error: "));
  }
}

let env;
before(async () => { env = await L.setup(); });
after(async () => { await env?.close(); });

// Opens ?quiz=test-limits/NAME and returns the page once it shows `screen`; notes a crash of the page.
async function open(name, screen, viewport) {
  const app = await L.openApp(env, { query: `?quiz=test-limits/${name}`, viewport });
  app.crashed = false;
  app.page.on("crash", () => { app.crashed = true; });
  await L.waitForScreen(app.page, screen);
  return app;
}

// How long crossroads.state() takes to answer, a few times over (printed, not asserted: the benchmark's numbers are
// bench/frame_bench.cpp's).
async function stateTimes(page) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t = Date.now();
    assert.ok(await L.state(page), "crossroads.state() gave nothing");
    times.push(Date.now() - t);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  }
  return times;
}

async function errorItems(page) {
  await page.waitForFunction(() => !document.getElementById("cr-message").hidden);
  return page.evaluate(() => [...document.querySelectorAll("#cr-message li")].map((li) => li.textContent));
}

describe("size limits in the page", () => {
  test("the big-quiz case at the longest accepted word: shown, and the page answers", async () => {
    put("word-largest.json", padded(WORD));
    assert.deepEqual(validatorErrors("word-largest.json"), []);
    const app = await open("word-largest.json", "start", { width: 360, height: 800 });
    try {
      const scene = await app.page.evaluate(() => window.crossroads.scene());
      const text = scene.items.flatMap((item) => item.runs.map((r) => r.text)).join("");
      assert.equal((text.match(/x{20,}/g) || []).join("").length, WORD, "the padding is not all drawn");
      console.log(`state() at ${WORD} x's, 360 px: ${(await stateTimes(app.page)).join(", ")} ms`);
      assert.ok(!app.crashed);
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });

  const refused = [
    ["word-over.json", () => padded(WORD + 1), /: error: intro: a word here runs 1,001 characters without a space/],
    ["big-300000.json", () => paddedToSize(300000), /: error: intro: this text is 2\d\d,\d{3} characters long; one text may have at most 10,000/],
    ["big-800000.json", () => paddedToSize(800000), /: error: intro: this text is 7\d\d,\d{3} characters long/],
    ["big-1400000.json", () => paddedToSize(1400000), /: error: intro: this text is 1,3\d\d,\d{3} characters long/],
  ];
  for (const [name, make, message] of refused) {
    test(`the big-quiz case, ${name}: refused with the validator's located message, and the page answers`, async () => {
      put(name, make());
      const expected = validatorErrors(name);
      assert.equal(expected.length, 1, `validate: ${expected}`);
      assert.match(expected[0], message);
      const app = await open(name, "error");
      try {
        assert.deepEqual(await errorItems(app.page), expected);
        assert.match(expected[0], new RegExp(`^test-limits/${name.replace(".", "\\.")}:1:\\d+: error: `));
        console.log(`state() after ${name}: ${(await stateTimes(app.page)).join(", ")} ms`);
        assert.ok(!app.crashed);
        L.assertNoProblems(app.problems);
      } finally {
        await app.close();
      }
    });
  }

  test("the results screen with the most text accepted, every FAQ entry open, on a phone; one more is refused", async () => {
    put("screen-largest.json", fullResults(SCREEN));
    put("screen-over.json", fullResults(SCREEN + 1));
    assert.deepEqual(validatorErrors("screen-largest.json"), []);
    const over = validatorErrors("screen-over.json");
    assert.equal(over.length, 1);
    assert.match(over[0], /: error: faq "f0" › a: the results screen for outcome "tea" holds 32,001 characters/);

    const app = await open("screen-largest.json", "start", { width: 360, height: 800 });
    try {
      const { page } = app;
      const act = (id) => page.evaluate((i) => window.crossroads.activate(i), id);
      await act("start");
      await L.waitForScreen(page, "question");
      await act("option:morning:slow");
      await L.waitForState(page, (s) => s.answers.morning !== undefined);
      await act("next");
      await L.waitForScreen(page, "results");
      for (const id of ["f0", "f1", "f2", "last"]) {
        await act(`faq:${id}`);
        await page.waitForFunction((i) => window.crossroads.scene().items.some((item) => item.region === `faq:${i}`), id);
      }
      const drawn = await page.evaluate(() => window.crossroads.scene().items.flatMap((item) => item.runs.map((r) => r.text)).join(" "));
      assert.ok((drawn.match(/w/g) || []).length > 0.85 * (SCREEN - 44), "the FAQ answers are not all drawn");
      const height = await page.evaluate(() => document.getElementById("cr-canvas").getBoundingClientRect().height);
      console.log(`results with ${SCREEN} characters open at 360 px: canvas ${Math.round(height)} px tall; ` +
        `state(): ${(await stateTimes(page)).join(", ")} ms`);
      assert.ok(!app.crashed);
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });

  for (const [name, make] of [["word-over.json", () => padded(WORD + 1)], ["big-1400000.json", () => paddedToSize(1400000)]]) {
    test(`the studio marks the big-quiz case, ${name}, at validate's place with validate's message`, async () => {
      const text = make();
      put(name, text);
      const [expected] = validatorErrors(name);
      const [, line, , message] = /^[^:]+:(\d+):(\d+): error: (.*)$/.exec(expected);
      const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
      // The studio opens with the work it kept in the browser: this file.
      await context.addInitScript((t) => { if (!sessionStorage.getItem("seeded")) { localStorage.setItem("crossroads-studio:quiz", t); sessionStorage.setItem("seeded", "1"); } }, text);
      const page = await context.newPage();
      let crashed = false;
      page.on("crash", () => { crashed = true; });
      const problems = L.watchProblems(page);
      try {
        await page.goto(env.origin + "/studio.html", { waitUntil: "load" });
        const marker = page.locator("#st-quiz-editor .cm-lint-marker-error");
        await marker.waitFor();
        assert.equal(Number(line), 1);
        await marker.hover();
        assert.equal(await page.locator("#st-quiz-editor .cm-tooltip-lint .cm-diagnosticText").innerText(), message);
        const frame = page.frame({ url: /[?&]studio=1/ });
        await frame.locator("#cr-message").waitFor({ state: "visible" });
        assert.equal((await frame.evaluate(() => window.crossroads.state())).screen, "error");
        assert.ok(!crashed);
        L.assertNoProblems(problems);
      } finally {
        await context.close();
      }
    });
  }

  test("the smallest rejected results screen shows its located message", async () => {
    put("screen-over.json", fullResults(SCREEN + 1));
    const expected = validatorErrors("screen-over.json");
    const app = await open("screen-over.json", "error");
    try {
      assert.deepEqual(await errorItems(app.page), expected);
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
});
