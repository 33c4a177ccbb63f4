// Completing the default quiz (content/python-path.json) as readers do: personas of tests/content/personas.json by
// mouse clicks at real canvas pixels (all with CR_ALL_PERSONAS=1), by keyboard only, and by touch only, with the
// one play-through of play.mjs; results must match the CLI.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as L from "./lib.mjs";
import { chooseFrom, pageSurface, playThrough } from "./play.mjs";

const QUIZ_FILE = "content/python-path.json";
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

// Plays `persona` through with `input` from the start screen (already open on `page`); checks that exactly the
// questions the persona answers were asked, that total() counts them, and that the result matches the CLI.
async function complete(page, persona, input) {
  const { answered, final } = await playThrough(pageSurface(page, input), { choose: chooseFrom(persona.answers) });
  const visited = answered.map((a) => a.question);
  assert.deepEqual([...visited].sort(), L.parseAnswers(persona.answers).map(([q]) => q).sort(),
    `${persona.name}: questions shown vs answered by the persona`);
  assert.equal(final.total, visited.length, "total() must count exactly the questions shown");
  assertResultMatchesCli(final.result, persona);
  return final;
}

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
        assert.equal((await L.state(page)).screen, "start");
        await complete(page, persona, "mouse");
        L.assertNoProblems(app.problems);
      } finally {
        await app.close();
      }
    });
  }
});

// ---- keyboard and touch ------------------------------------------------------------------------------------------
// Keyboard readers work through the accessible controls over the canvas (web/a11y.js); a finger taps the canvas.

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
      await page.keyboard.press("Shift+Tab");  // the play-through tabs to Start itself
      await complete(page, persona, "keyboard");
      // The result is announced to screen readers.
      await page.waitForFunction(() => document.getElementById("cr-live").textContent.includes("Your result"));
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
});

describe("touch only", () => {
  // The same kinds of input by finger, on a phone-sized page at device pixel ratio 2.
  const persona = personas.find((p) => p.answers.includes("take-readiness=yes") && p.answers.includes("pytest="));

  test(`taps complete the quiz (${persona.name})`, async () => {
    const app = await L.openApp(env, { viewport: { width: 390, height: 800 }, dpr: 2, touch: true });
    try {
      await complete(app.page, persona, "touch");
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
