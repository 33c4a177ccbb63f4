// Completing the default quiz (content/python-path.json) as readers do: personas of tests/content/personas.json by
// mouse clicks at real canvas pixels (all with CR_ALL_PERSONAS=1), then by keyboard only; results must match the CLI.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as L from "./lib.mjs";

const QUIZ_FILE = "content/python-path.json";
const quiz = L.loadJson(QUIZ_FILE);
const questions = L.questionIndex(quiz);
const personas = L.loadJson("tests/content/personas.json");

// A small desktop window: SwiftShader draws each frame in software, and frame time grows with the canvas area.
const VIEWPORT = { viewport: { width: 800, height: 800 } };

let env;
before(async () => { env = await L.setup(); });
after(async () => { await env?.close(); });

// The result a reader gets must be what the command-line scorer computes for the same answers.
function assertResultMatchesCli(result, persona) {
  const cli = L.cliScore(QUIZ_FILE, persona.answers);
  assert.equal(result.outcome, persona.expect, `${persona.name}: outcome`);
  assert.equal(cli.outcome, persona.expect, `${persona.name}: CLI outcome`);
  assert.deepEqual(result.totals, cli.totals, `${persona.name}: totals differ from the CLI`);
  assert.deepEqual(result.totals, persona.totals, `${persona.name}: totals differ from the persona's worked totals`);
  assert.equal(result.tie_rule_fired, cli.tie_rule_fired);
  assert.deepEqual(result.knowledge, cli.knowledge, `${persona.name}: readiness part differs from the CLI`);
  // The page's result adds display fields (outcome_title, ...); everything the CLI reports must be identical.
  for (const key of Object.keys(cli)) assert.deepEqual(result[key], cli[key], `${persona.name}: result.${key} differs from the CLI`);
}

function sameAnswer(given, wanted) {
  if (typeof wanted === "number") return given === wanted;
  return Array.isArray(given) && given.length === wanted.length && wanted.every((o) => given.includes(o));
}

// Walks the question screens with `answerOne(page, question, value)` until the results, pressing on with `advance`.
async function walk(page, persona, answerOne, advance) {
  const wanted = new Map(L.parseAnswers(persona.answers));
  const visited = [];
  let s = await L.waitForScreen(page, "question");
  while (s.screen === "question") {
    const q = questions[s.question];
    assert.ok(q, `unknown question ${s.question}`);
    assert.ok(wanted.has(q.id), `${persona.name}: the quiz asks ${q.id}, which the persona does not answer`);
    visited.push(q.id);
    const value = wanted.get(q.id);
    await answerOne(page, q, value);
    // A scale left at its starting value is accepted by Next; every other answer shows in the state at once.
    const atStart = q.type === "scale" && value === (s.answers[q.id] ?? q.scale.default);
    if (!atStart) {
      await L.waitForState(page, (s, a) => {
        const g = s.answers[a.id];
        return typeof a.v === "number" ? g === a.v : Array.isArray(g) && g.length === a.v.length && a.v.every((o) => g.includes(o));
      }, { id: q.id, v: value });
    }
    await advance(page, q);
    s = await L.waitForState(page, (s, prev) => s.screen !== "question" || s.question !== prev.question || s.position !== prev.position,
      { question: q.id, position: s.position });
    assert.notEqual(s.screen, "start", "pressing Next went back to the start screen");
    assert.ok(sameAnswer(s.answers[q.id], value), `${q.id}: answer ${JSON.stringify(s.answers[q.id])}, wanted ${JSON.stringify(value)}`);
    assert.ok(s.screen === "results" || s.position === visited.length + 1, `position ${s.position} after ${visited.length} answers`);
  }
  assert.equal(s.screen, "results");
  assert.deepEqual(visited.sort(), [...wanted.keys()].sort(), `${persona.name}: questions shown vs answered by the persona`);
  assert.equal(s.total, visited.length, "total() must count exactly the questions shown");
  return s;
}

// ---- mouse -----------------------------------------------------------------------------------------------------

async function answerByMouse(page, q, value) {
  if (q.type === "scale") {
    await L.setSlider(page, `scale:${q.id}`, value, q.scale);
    return;
  }
  for (const o of value) {
    await L.clickHit(page, `option:${q.id}:${o}`);
    await L.waitForState(page, (s, a) => (s.answers[a.q] || []).includes(a.o), { q: q.id, o });
  }
}

// The layout does not move when an answer is chosen: the Next rectangle of the last frame is where the reader clicks.
const nextByMouse = async (page) => L.clickHit(page, "next", { hit: (await L.hits(page)).find((h) => h.id === "next") });

// One persona per outcome, plus the readiness section (multiple choice, true/false) and the branching skip; all
// eleven with CR_ALL_PERSONAS=1 (the scoring of every persona is also checked natively, without a browser).
const MOUSE_PERSONAS = process.env.CR_ALL_PERSONAS ? personas : personas.filter((p) =>
  ["internship", "junior-job", "double"].some((o) => p === personas.find((x) => x.expect === o)) ||
  p === personas.find((x) => x.answers.includes("portfolio=nothing") && x.answers.includes("take-readiness=yes")));

describe("mouse: personas complete the default quiz", () => {
  for (const persona of MOUSE_PERSONAS) {
    test(persona.name, async () => {
      const app = await L.openApp(env, VIEWPORT);
      try {
        const { page } = app;
        const first = await L.state(page);
        assert.equal(first.screen, "start");
        await L.clickHit(page, "start");
        const s = await walk(page, persona, answerByMouse, nextByMouse);
        assertResultMatchesCli(s.result, persona);
        L.assertNoProblems(app.problems);
      } finally {
        await app.close();
      }
    });
  }
});

// ---- keyboard --------------------------------------------------------------------------------------------------
// Keyboard readers work through the accessible HTML controls laid over the canvas (web/a11y.js): Tab moves between
// them, arrows choose in a radio group or move the scale, Space ticks, Enter on an answer (or on Next) moves on.

async function answerByKeyboard(page, q, value) {
  // The accessible layer rebuilds its controls when the canvas has drawn the new question.
  await page.waitForFunction((q) => document.querySelector(`#cr-a11y [data-hit^="option:${q}:"], #cr-a11y [data-hit="scale:${q}"]`), q.id);
  if (q.type === "scale") {
    await L.tabTo(page, `scale:${q.id}`);
    const s = await L.state(page);
    const steps = Math.round((value - s.scale.value) / q.scale.step);
    for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? "ArrowRight" : "ArrowLeft");
    return;
  }
  const prefix = `option:${q.id}:`;
  if (q.type === "multiple") {
    for (const o of value) {
      await L.tabTo(page, prefix + o);
      await page.keyboard.press("Space");
      await L.waitForState(page, (s, a) => (s.answers[a.q] || []).includes(a.o), { q: q.id, o });
    }
    return;
  }
  // A radio group: Tab lands on the first (or the chosen) answer; Space chooses it, arrows move and choose.
  const order = (await L.stableHits(page)).filter((h) => h.id.startsWith(prefix)).map((h) => h.id.slice(prefix.length));
  const at = order.indexOf((await L.tabTo(page, (id) => id.startsWith(prefix))).slice(prefix.length));
  await page.keyboard.press("Space");
  await L.waitForState(page, (s, a) => (s.answers[a.q] || [])[0] === a.o, { q: q.id, o: order[at] });
  const k = order.indexOf(value[0]);
  assert.ok(k >= 0, `option ${value[0]} not drawn for ${q.id}`);
  for (let i = at; i !== k; i += Math.sign(k - at)) {
    await page.keyboard.press(k > at ? "ArrowDown" : "ArrowUp");
    await L.waitForState(page, (s, a) => (s.answers[a.q] || [])[0] === a.o, { q: q.id, o: order[i + Math.sign(k - at)] });
  }
}

async function nextByKeyboard(page, q) {
  if (q.type === "multiple") {  // checkboxes: Tab on to the Next button
    await L.tabTo(page, "next");
    await page.keyboard.press("Space");
  } else {
    await page.keyboard.press("Enter");  // Enter on an answer moves on
  }
}

describe("keyboard only", () => {
  // A persona that meets every kind of input: single choice, the scale, multiple choice, true/false, and
  // the readiness section that branching adds.
  const persona = personas.find((p) => p.answers.includes("take-readiness=yes") && p.answers.includes("pytest="));

  test(`Tab, arrows, Space and Enter complete the quiz (${persona.name})`, async () => {
    const app = await L.openApp(env, VIEWPORT);
    try {
      const { page } = app;
      assert.equal(await L.tabTo(page, (id) => true, 1), "start", "the first Tab from the page reaches Start");
      // The canvas draws the focus ring of the control that has keyboard focus.
      const start = await L.findHit(page, "start");
      const ring = await ringPixels(page, start);
      assert.ok(ring > 40, `no focus ring drawn around Start (${ring} focus-coloured pixels)`);
      await page.keyboard.press("Enter");
      await L.waitForScreen(page, "question");
      await page.waitForFunction(() => document.activeElement && /^H[1-6]$/.test(document.activeElement.tagName));
      const s = await walk(page, persona, answerByKeyboard, nextByKeyboard);
      assertResultMatchesCli(s.result, persona);
      // The result is announced to screen readers.
      await page.waitForFunction(() => document.getElementById("cr-live").textContent.includes("Your result"));
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
});

// Focus-coloured pixels around a hit rectangle (widgets.cpp draws the ring 3 px outside it), once the canvas
// has drawn them (the ring appears on the frame after the focus moves).
async function ringPixels(page, h) {
  const p = await L.canvasPointToViewport(page, h.x, h.y);
  const clip = { x: p.x - 6, y: p.y - 6, width: h.w + 12, height: h.h + 12 };
  return L.pollPixels(page, clip, (img) => L.countColor(img, L.PALETTE.light.focus, 40), (n) => n > 40);
}
