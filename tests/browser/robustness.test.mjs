// Robustness: the quiz survives a lost and restored WebGL context (shown as HTML while it is lost; no WebGL 2 at all
// and a context lost for good are html.test.mjs's), draws fewer frames under reduced motion, works by keyboard alone
// (no trap) with the result announced to screen readers, and tells a touch tap from a swipe that scrolls the page.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as L from "./lib.mjs";
import { answerCurrent, pageSurface, playThrough } from "./play.mjs";

let env;
before(async () => { env = await L.setup(); });
after(async () => { await env?.close(); });

// Distinct colours in an image, and the share of pixels that are not the most frequent colour.
function colourStats(img) {
  const counts = new Map();
  for (let i = 0; i < img.rgba.length; i += 4) {
    const c = (img.rgba[i] << 16) | (img.rgba[i + 1] << 8) | img.rgba[i + 2];
    counts.set(c, (counts.get(c) || 0) + 1);
  }
  const top = Math.max(...counts.values());
  return { colours: counts.size, other: 1 - top / (img.rgba.length / 4) };
}

// The middle of the canvas as it stands in the viewport (CSS px).
async function canvasCentre(page, w = 480, h = 240) {
  const box = await page.locator("#cr-canvas").boundingBox();
  const vh = page.viewportSize().height;
  const cx = box.x + box.width / 2, cy = Math.min(box.y + box.height / 2, vh / 2);
  return { x: Math.round(cx - w / 2), y: Math.max(0, Math.round(cy - h / 2)), width: w, height: h };
}

test("a lost WebGL context comes back: drawing resumes, nothing is forgotten, Next still works", async () => {
  const app = await L.openApp(env, { viewport: { width: 1000, height: 800 } });
  try {
    const { page } = app;
    await L.clickHit(page, "start");
    await L.waitForScreen(page, "question");
    const answered = await answerCurrent(pageSurface(page));
    const before = await L.state(page);
    assert.deepEqual(before.answers[answered.question], answered.options);

    await page.evaluate(() => {
      const gl = document.getElementById("cr-canvas").getContext("webgl2");
      window.__crLose = gl.getExtension("WEBGL_lose_context");
      window.__crLose.loseContext();
    });
    await page.waitForFunction(() => document.getElementById("cr-canvas").getContext("webgl2").isContextLost());
    await page.waitForFunction(() => document.getElementById("cr-root").classList.contains("cr-html"));  // the page has seen the loss
    const f0 = await L.frames(page);
    await page.evaluate(() => window.__crLose.restoreContext());
    await page.waitForFunction(() => !document.getElementById("cr-canvas").getContext("webgl2").isContextLost());
    const box = await page.locator("#cr-canvas").boundingBox();
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.mouse.move(box.x + box.width / 2, box.y + 30, { steps: 4 });
    await page.waitForFunction((f0) => window.crossroads.frames() > f0, f0);

    await page.waitForFunction(() => !document.getElementById("cr-root").classList.contains("cr-html"));
    const after = await L.state(page);
    assert.equal(after.screen, "question");
    assert.equal(after.question, before.question, "the context loss moved the reader to another question");
    assert.deepEqual(after.answers, before.answers, "the context loss lost the answer");

    // The canvas shows the question again, not an empty (cleared or black) surface.
    const clip = await canvasCentre(page);
    const stats = await L.pollPixels(page, clip, colourStats, (m) => m.colours >= 8 && m.other > 0.01);
    assert.ok(stats.colours >= 8 && stats.other > 0.01,
      `the canvas is blank after the context came back (${stats.colours} colours, ${(stats.other * 100).toFixed(2)} % not background)`);

    await L.clickHit(page, "next");
    const s = await L.waitForState(page, (s, q) => s.screen === "question" && s.question !== q, before.question);
    assert.equal(s.position, before.position + 1);
    L.assertNoProblems(app.problems);
  } finally {
    await app.close();
  }
});

// With motion, a new screen fades in and slides up 8 px over 0.18 s; with reduced motion it is drawn in place at once.
// Seen in the scene of every frame that laid out the question (not in a frame count, which a slow machine shrinks: the
// slide takes as many frames as fit into 0.18 s).
test("reduced motion: the question after Start is drawn in place at once, with motion it slides into place", async () => {
  const measure = async (reducedMotion) => {
    const app = await L.openApp(env, { viewport: { width: 1000, height: 800 }, reducedMotion });
    try {
      const { page } = app;
      assert.equal(await page.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches), reducedMotion === "reduce");
      const start = await L.findHit(page, "start");
      await L.waitForIdle(page);  // first frames and font uploads are over
      await page.evaluate(() => {
        window.__tops = [];  // the question's first text run, y, in each frame that laid it out
        window.crossroads.subscribe(() => {
          const scene = window.crossroads.scene();
          const run = scene && scene.screen.startsWith("question") && scene.items.flatMap((i) => i.runs)[0];
          if (run) window.__tops.push(run.y);
        });
      });
      const p = await L.canvasPointToViewport(page, start.x + start.w / 2, start.y + start.h / 2);
      const f0 = await L.frames(page);
      await page.mouse.click(p.x, p.y);
      await L.waitForScreen(page, "question");
      await L.waitForIdle(page);  // the screen change, with or without its slide, is drawn
      const drawn = (await L.frames(page)) - f0;
      L.assertNoProblems(app.problems);
      const settled = await page.evaluate(() => window.crossroads.scene().items.flatMap((i) => i.runs)[0].y);
      return { tops: await page.evaluate(() => window.__tops), settled, drawn };
    } finally {
      await app.close();
    }
  };
  const reduce = await measure("reduce");
  const motion = await measure("no-preference");
  assert.ok(reduce.tops.length > 0 && motion.tops.length > 0, "no frame laid out the question");
  assert.deepEqual([...new Set(reduce.tops)], [reduce.settled], `reduced motion moved the question: ${reduce.tops}`);
  assert.ok(motion.tops[0] > motion.settled + 4, `with motion the question did not slide up into place: ${motion.tops}`);
  assert.ok(reduce.drawn <= 10, `reduced motion still drew ${reduce.drawn} frames after Start`);
});

// The wasm is preloaded, so the widget can draw its first screen while the page still waits for a11y.js: the layer
// must then be built from the screen already drawn, not only on the next change (it stayed empty before).
test("the accessible layer is built also when its script arrives after the first frame", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const problems = L.watchProblems(page);
  await page.route(/\/a11y\.[0-9a-f]+\.js$/, async (route) => {
    await page.waitForFunction(() => window.crossroads && window.crossroads.ready);  // held until the widget has drawn
    await route.continue();
  });
  try {
    await page.goto(env.origin + "/", { waitUntil: "load" });
    await page.locator('#cr-a11y [data-hit="start"]').waitFor({ state: "attached" });
    L.assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test("keyboard only: Tab, Enter and arrows; named radios; no keyboard trap; the result is announced", async () => {
  const app = await L.openApp(env, { viewport: { width: 1000, height: 800 } });
  const { page } = app;
  const active = () => page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e ? e.tagName.toLowerCase() : null, hit: e && e.dataset ? e.dataset.hit || null : null, id: e ? e.id : null,
             type: e && e.type || null, text: e ? e.textContent : null, inWidget: !!(e && document.getElementById("cr-a11y").contains(e)) };
  });
  const controlsFor = (q) => page.waitForFunction((q) => document.querySelector(`#cr-a11y [data-hit^="option:${q}:"], #cr-a11y [data-hit="scale:${q}"]`), q);
  try {
    await page.keyboard.press("Tab");
    let a = await active();
    assert.equal(a.tag, "button", "the first Tab does not land on a button");
    assert.equal(a.hit, "start");

    await page.keyboard.press("Enter");
    let s = await L.waitForScreen(page, "question");
    await page.waitForFunction(() => document.activeElement && /^H[1-6]$/.test(document.activeElement.tagName));
    a = await active();
    assert.equal(a.tag, "h1");
    assert.equal(a.text, s.prompt, "focus is not on the question's heading");

    // The answers are radios named by their labels, as drawn.
    await controlsFor(s.question);
    const drawn = (await L.stableHits(page)).filter((h) => h.id.startsWith(`option:${s.question}:`));
    const radios = await page.$$eval('#cr-a11y input[type="radio"]', (l) => l.map((e) => ({ hit: e.dataset.hit, name: e.getAttribute("aria-label") })));
    assert.deepEqual(radios, drawn.map((h) => ({ hit: h.id, name: h.label })));
    assert.ok(drawn.every((h) => h.label && h.label.trim()), "an answer has no label");

    await page.keyboard.press("Tab");
    a = await active();
    assert.equal(a.type, "radio", `Tab from the heading went to ${JSON.stringify(a)}`);
    const first = a.hit;
    await page.keyboard.press("ArrowDown");
    const nextId = drawn[(drawn.findIndex((h) => h.id === first) + 1) % drawn.length].id;
    s = await L.waitForState(page, (s, id) => JSON.stringify(s.answers[s.question]) === JSON.stringify([id.split(":")[2]]), nextId);
    assert.equal((await active()).hit, nextId, "focus did not follow the arrow");
    await page.waitForFunction(() => { const n = document.querySelector('#cr-a11y [data-hit="next"]'); return n && !n.disabled; });
    const q1 = s.question;
    await page.keyboard.press("Enter");
    s = await L.waitForState(page, (s, q) => s.screen === "question" && s.question !== q, q1);
    assert.equal(s.position, 2);
    await page.waitForFunction(() => document.activeElement && /^H[1-6]$/.test(document.activeElement.tagName));

    // No keyboard trap: Tab walks through the controls and then out of the widget; Shift+Tab comes back.
    await controlsFor(s.question);
    let left = false;
    for (let i = 0; i < 20 && !left; i++) {
      await page.keyboard.press("Tab");
      left = !(await active()).inWidget;
    }
    assert.ok(left, "Tab never leaves the widget: a keyboard trap");
    await page.keyboard.press("Shift+Tab");
    assert.ok((await active()).inWidget, "Shift+Tab does not come back into the widget");

    // On to the results by keyboard: Space chooses, arrows move, Enter moves on (Tab to the scale, arrows set it).
    s = (await playThrough(pageSurface(page, "keyboard"))).final;
    assert.equal(s.screen, "results", "the keyboard did not reach the results");
    await page.waitForFunction(() => document.getElementById("cr-live").textContent.includes("Your result:"));
    const live = await page.locator("#cr-live").textContent();
    assert.ok(live.includes(s.result.outcome_title), `the announcement does not name the result: ${live}`);
    L.assertNoProblems(app.problems);
  } finally {
    await app.close();
  }
});

test("touch: one tap picks an answer (no second, emulated click), another tap takes it back, a tap on Next moves on", async () => {
  // A multiple-choice question shows a doubled click at once: the tap's emulated mouse click would untick it.
  env.site.copy("tests/fixtures/choices.json", "test-fixtures/choices.json");
  const context = await env.browser.newContext({ viewport: { width: 390, height: 800 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const problems = L.watchProblems(page);
  try {
    await page.goto(env.origin + "/?quiz=test-fixtures/choices.json&start=question");
    await page.waitForFunction(() => window.crossroads && window.crossroads.ready);
    await L.waitForQuestion(page, "langs");
    const tap = async (id) => {
      const h = await L.findHit(page, id);
      const p = await L.canvasPointToViewport(page, h.x + h.w / 2, h.y + h.h / 2);
      await page.touchscreen.tap(p.x, p.y);
    };
    await tap("option:langs:py");
    let s = await L.waitForState(page, (x) => x.answers.langs !== undefined);
    await L.waitForIdle(page);  // an emulated mouse click after the tap would have scheduled frames
    s = await L.state(page);
    assert.deepEqual(s.answers.langs, ["py"]);
    await tap("option:langs:py");
    await L.waitForState(page, (x) => x.answers.langs === undefined);
    await tap("option:langs:js");
    await L.waitForState(page, (x) => JSON.stringify(x.answers.langs) === '["js"]');
    await tap("next");
    await L.waitForQuestion(page, "one");
    L.assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test("touch: a swipe that starts on an answer scrolls and picks nothing; a tap with a wobble still picks", async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 700 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const problems = L.watchProblems(page);
  try {
    await page.goto(env.origin + "/?start=question");
    await page.waitForFunction(() => window.crossroads && window.crossroads.ready);
    const first = await L.waitForScreen(page, "question");
    const cdp = await context.newCDPSession(page);
    const touch = async (points) => {
      const [start, ...moves] = points;
      await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [start] });
      for (const p of moves) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [p] });
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    };
    const option = (await L.stableHits(page, "next")).find((h) => h.id.startsWith(`option:${first.question}:`));
    let p = await L.canvasPointToViewport(page, option.x + option.w / 2, option.y + option.h / 2);
    // A swipe up by 60 CSS px in small steps, starting on the answer.
    await touch([0, 3, 10, 20, 35, 60].map((d) => ({ x: p.x, y: p.y - d })));
    await L.waitForIdle(page);
    assert.deepEqual((await L.state(page)).answers, {}, "a swipe picked an answer");
    // A tap whose finger wobbles by 3 px is still a tap.
    const again = (await L.stableHits(page)).find((h) => h.id === option.id);
    p = await L.canvasPointToViewport(page, again.x + again.w / 2, again.y + again.h / 2);
    await touch([{ x: p.x, y: p.y }, { x: p.x + 2, y: p.y + 3 }]);
    await L.waitForState(page, (s, q) => s.answers[q] !== undefined, first.question);
    L.assertNoProblems(problems);
  } finally {
    await context.close();
  }
});
