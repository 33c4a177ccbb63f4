// Idle costs nothing: with no input the widget stops drawing (frames() stays put), a mouse move over an answer
// card draws the hover and then stops again. The 2 s windows are what is measured; every other wait is on the
// page's signals (crossroads.idle(), state).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as L from "./lib.mjs";

const WINDOW_MS = 2000;
let env;
before(async () => { env = await L.setup(); });
after(async () => { await env?.close(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test("no frames while idle; a hover draws, then drawing stops again", async () => {
  // Two readers at once: one on the start screen, one opened straight on the first question (?start=question),
  // so both idle windows run side by side and no input is needed to reach an answer card.
  const [home, question] = await Promise.all([
    L.openApp(env, { viewport: { width: 800, height: 700 } }),
    L.openApp(env, { viewport: { width: 800, height: 700 }, query: "?start=question" }),
  ]);
  try {
    const s = await L.waitForScreen(question.page, "question");
    await Promise.all([L.waitForIdle(home.page), L.waitForIdle(question.page)]);  // first frames and fades are drawn
    const before = await Promise.all([L.frames(home.page), L.frames(question.page)]);
    await sleep(WINDOW_MS);
    const after = await Promise.all([L.frames(home.page), L.frames(question.page)]);
    assert.equal(after[0], before[0], `start screen drew ${after[0] - before[0]} frames in ${WINDOW_MS} ms without input`);
    assert.equal(after[1], before[1], `question screen drew ${after[1] - before[1]} frames in ${WINDOW_MS} ms without input`);

    // The mouse moves over an answer card: the widget draws (the card turns to its hover colour) ...
    const { page } = question;
    const card = (await L.stableHits(page)).find((h) => h.id.startsWith(`option:${s.question}:`));
    const p = await L.canvasPointToViewport(page, card.x + card.w / 2, card.y + card.h / 2);
    const f0 = await L.frames(page);
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction((f0) => window.crossroads.frames() > f0, f0);
    const strip = { x: p.x + card.w / 2 - 60, y: p.y - card.h / 2 + 8, width: 40, height: card.h - 16 };
    const fill = await L.pollPixels(page, strip, L.dominantColor, (c) => c === L.PALETTE.light.cardHover);
    assert.equal(fill.toString(16), L.PALETTE.light.cardHover.toString(16), "the hovered card is drawn in the hover colour");

    // ... and then stops again.
    await L.waitForIdle(page);
    const f1 = await L.frames(page);
    await sleep(WINDOW_MS);
    const f2 = await L.frames(page);
    assert.equal(f2, f1, `after the hover the widget kept drawing: ${f2 - f1} frames in ${WINDOW_MS} ms`);
    // One move asks for one frame (it asked for three, re-drawing the screen twice for nothing).
    assert.ok(f1 - f0 <= 2, `a single mouse move drew ${f1 - f0} frames`);
    L.assertNoProblems(home.problems);
    L.assertNoProblems(question.problems);
  } finally {
    await Promise.all([home.close(), question.close()]);
  }
});
