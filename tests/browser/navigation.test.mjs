// Moving around the default quiz with the mouse: Back keeps and changes answers, "Change answers" and "Start over"
// from the results, quick clicks. (Branching on the shipped quiz is tests/unit/test_shipped_quiz.cpp's.)
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as L from "./lib.mjs";

const VIEWPORT = { viewport: { width: 800, height: 800 } };
let env;
before(async () => { env = await L.setup(); });
after(async () => { await env?.close(); });

async function choose(page, q, o) {
  await L.clickHit(page, `option:${q}:${o}`);
  return L.waitForState(page, (s, a) => JSON.stringify(s.answers[a.q]) === JSON.stringify([a.o]), { q, o });
}

async function next(page) {
  const before = await L.state(page);
  await L.clickHit(page, "next");
  return L.waitForState(page, (s, b) => s.screen !== b.screen || s.question !== b.question, { screen: before.screen, question: before.question });
}

async function back(page) {
  const before = await L.state(page);
  await L.clickHit(page, "back");
  return L.waitForState(page, (s, b) => s.screen !== b.screen || s.question !== b.question, { screen: before.screen, question: before.question });
}

async function begin(page) {
  await L.clickHit(page, "start");
  return L.waitForScreen(page, "question");
}

// The answer card a reader chose is drawn as chosen (the Selected fill), the others are not.
async function assertCardChosen(page, id, chosen) {
  const h = await L.findHit(page, id);
  assert.equal(h.selected, chosen, `${id}: hit selected flag`);
  const p = await L.canvasPointToViewport(page, h.x, h.y);
  // A strip inside the card right of the text: only the card's fill colour there.
  const clip = { x: p.x + h.w - 60, y: p.y + 8, width: 40, height: h.h - 16 };
  const fill = await L.pollPixels(page, clip, L.dominantColor, (c) => (c === L.PALETTE.light.selected) === chosen);
  assert.equal(fill === L.PALETTE.light.selected, chosen, `${id}: card fill #${fill.toString(16)} (chosen: ${chosen})`);
}

describe("navigation", () => {
  test("Back shows the previous answer chosen; changing it is kept", async () => {
    const app = await L.openApp(env, VIEWPORT);
    try {
      const { page } = app;
      let s = await begin(page);
      assert.equal(s.question, "background");
      assert.equal(s.position, 1);
      await choose(page, "background", "student");
      s = await next(page);
      assert.equal(s.question, "work-history");
      assert.equal(s.position, 2);
      await choose(page, "work-history", "tech");
      s = await back(page);
      assert.equal(s.question, "background");
      assert.equal(s.position, 1);
      assert.deepEqual(s.answers, { background: ["student"], "work-history": ["tech"] }, "Back keeps every answer");
      await assertCardChosen(page, "option:background:student", true);
      await assertCardChosen(page, "option:background:self-taught", false);
      s = await choose(page, "background", "self-taught");
      await assertCardChosen(page, "option:background:self-taught", true);
      await assertCardChosen(page, "option:background:student", false);
      s = await next(page);
      assert.equal(s.question, "work-history");
      assert.deepEqual(s.answers, { background: ["self-taught"], "work-history": ["tech"] });
      await assertCardChosen(page, "option:work-history:tech", true);
      // Back on the first question goes to the start screen, answers kept.
      await back(page);
      s = await back(page);
      assert.equal(s.screen, "start");
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });

  test("results: Change answers goes back to the last question; Start over clears everything", async () => {
    const app = await L.openApp(env, VIEWPORT);
    try {
      const { page } = app;
      await begin(page);
      const persona = "background=bootcamp,work-history=none,portfolio=some,explain-architecture=partly,syntax=intermediate,solo-comfort=5,focus=learn,finances=short,company-aim=any,take-readiness=no";
      let s;
      for (const [q, v] of L.parseAnswers(persona)) {
        if (typeof v !== "number") await choose(page, q, v[0]);
        s = await next(page);
      }
      assert.equal(s.screen, "results");
      assert.ok(s.result && s.result.outcome);
      s = await back(page);  // "Change answers"
      assert.equal(s.screen, "question");
      assert.equal(s.question, "take-readiness");
      assert.deepEqual(s.answers["take-readiness"], ["no"]);
      s = await next(page);
      assert.equal(s.screen, "results");
      await L.clickHit(page, "restart");
      s = await L.waitForScreen(page, "start");
      assert.deepEqual(s.answers, {}, "Start over clears the answers");
      assert.equal(s.position, 0);
      assert.equal(s.result, null);
      const hits = await L.stableHits(page, "start");
      assert.ok(hits.some((h) => h.id === "start"), "the start screen shows Start");
      s = await begin(page);
      assert.equal(s.question, "background");
      assert.deepEqual(s.answers, {});
      await assertCardChosen(page, "option:background:bootcamp", false);
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });

  test("a click right after another is not lost (Next straight after the slider)", async () => {
    const app = await L.openApp(env, VIEWPORT);
    try {
      const { page } = app;
      await begin(page);
      for (const [q, o] of [["background", "student"], ["work-history", "none"], ["portfolio", "one"], ["explain-architecture", "partly"], ["syntax", "basic"]]) {
        await choose(page, q, o);
        await next(page);
      }
      await L.waitForQuestion(page, "solo-comfort");
      const hits = await L.stableHits(page, "next");
      const slider = hits.find((h) => h.id === "scale:solo-comfort"), nextHit = hits.find((h) => h.id === "next");
      const a = L.sliderPoint(slider, 8, 0, 10);
      const pa = await L.canvasPointToViewport(page, a.x, a.y);
      const pb = await L.canvasPointToViewport(page, nextHit.x + nextHit.w / 2, nextHit.y + nextHit.h / 2);
      // Two clicks with no pause between them, as a quick reader (or a slow frame) produces.
      await page.mouse.click(pa.x, pa.y);
      await page.mouse.click(pb.x, pb.y);
      const s = await L.waitForState(page, (s) => s.question !== "solo-comfort", null, 5000).catch(() => null);
      const now = await L.state(page);
      assert.ok(s, `the Next click was not handled: still on ${now.question}, solo-comfort = ${now.answers["solo-comfort"]}, ` +
        `${now.frames} frames drawn (the widget stopped drawing with input still queued)`);
      assert.equal(s.answers["solo-comfort"], 8);
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
});
