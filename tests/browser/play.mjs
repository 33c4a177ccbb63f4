// Playing a quiz as a reader does, with one kind of input: the mouse, a finger, or the keyboard. One play-through
// (playThrough) and one answer step (answerCurrent) serve every test; only the input's three moves differ.
import assert from "node:assert/strict";
import { until } from "./embed-lib.mjs";
import { findHit, parseAnswers, sliderPoint, stableHits, state, tabTo, waitForState } from "./lib.mjs";

// ---- surfaces ----------------------------------------------------------------------------------------------------
// A surface is a widget a reader reaches: `target` is the Page or Frame that runs window.crossroads, `page` the
// top-level page whose mouse, touchscreen and keyboard act, `input` one of "mouse", "touch", "keyboard", or
// "bridge": the calls the accessible layer makes (crossroads.activate / setScale), a fast path for tests about
// layout or loading that need a later screen, not about how readers get there.

export function pageSurface(page, input = "mouse") {
  return { page, target: page, canvas: page.locator("#cr-canvas"), input };
}

export function frameSurface(page, frame, input = "mouse") {
  assert.notEqual(input, "keyboard", "keyboard play-throughs run on a page surface (tabTo reads the page's focus)");
  return { page, target: frame, canvas: frame.locator("#cr-canvas"), input };
}

// Viewport coordinates of canvas CSS pixel (x, y), scrolling the top-level page first when it is off screen.
async function toViewport(surface, x, y) {
  let box = await surface.canvas.boundingBox();  // relative to the top-level viewport, also inside iframes
  assert.ok(box, "the canvas has no box");
  const vh = surface.page.viewportSize().height;
  const vy = box.y + y;
  if (vy < 8 || vy > vh - 8) {
    await surface.page.evaluate((d) => window.scrollBy(0, d), vy - vh / 2);
    box = await surface.canvas.boundingBox();
    if (surface.target !== surface.page) await untilInputReaches(surface, { x: box.x + x, y: box.y + y }, x, y);
  }
  return { x: box.x + x, y: box.y + y };
}

// After a scroll of the host page the browser's hit testing of a cross-origin iframe (done by the compositor) can
// still see the old position for a frame or more, and a press then lands on the host page. Moves the pointer to
// viewport point p until the widget's document itself hears it over canvas point (x, y); then a press goes there too.
async function untilInputReaches(surface, p, x, y) {
  await surface.target.evaluate(() => {
    window.__crHeard = null;
    if (window.__crListening) return;
    window.__crListening = true;
    document.addEventListener("pointermove", (e) => {
      const r = document.getElementById("cr-canvas").getBoundingClientRect();
      window.__crHeard = { x: e.clientX - r.left, y: e.clientY - r.top };
    }, true);
  });
  let nudge = 0;
  await until(async () => {
    nudge = 1 - nudge;  // each move must be a move, or no event follows
    await surface.page.mouse.move(p.x, p.y + nudge);
    const heard = await surface.target.evaluate(() => window.__crHeard);
    return heard && Math.abs(heard.x - x) <= 2 && Math.abs(heard.y - y - nudge) <= 2;
  }, `the widget to hear the pointer at ${x}, ${y} after the scroll`);
}

// A click or a tap (by the surface's input) at canvas CSS pixel (x, y).
export async function pressCanvas(surface, x, y) {
  const p = await toViewport(surface, x, y);
  if (surface.input === "touch") await surface.page.touchscreen.tap(p.x, p.y);
  else await surface.page.mouse.click(p.x, p.y);
}

// Clicks (or taps) the centre of hit `id`, once it is drawn and stable.
export async function click(surface, id) {
  const h = await findHit(surface.target, id);
  assert.ok(h.enabled, `hit ${id} is disabled`);
  await pressCanvas(surface, h.x + h.w / 2, h.y + h.h / 2);
  return h;
}

// ---- the three moves of each input ---------------------------------------------------------------------------------
// start(surface), choose(surface, q, option, options) picks one option (options: ids in drawn order),
// slide(surface, q, value, spec) sets a scale, advance(surface, q) presses Next.

const pointer = {
  start: (surface) => click(surface, "start"),
  choose: (surface, q, option) => click(surface, `option:${q.id}:${option}`),
  async slide(surface, q, value, spec) {
    const h = await findHit(surface.target, `scale:${q.id}`);
    const p = sliderPoint(h, value, spec.min, spec.max, spec.step || 1);
    await pressCanvas(surface, p.x, p.y);
  },
  advance: (surface) => click(surface, "next"),
};

// Keyboard readers work through the accessible controls over the canvas (web/a11y.js): Tab moves between them,
// arrows choose in a radio group or move the scale, Space ticks, Enter on an answer moves on.
const keyboard = {
  async start(surface) {
    await tabTo(surface.page, "start");
    await surface.page.keyboard.press("Enter");
    await waitForState(surface.target, (s) => s.screen === "question");
    await surface.page.waitForFunction(() => document.activeElement && /^H[1-6]$/.test(document.activeElement.tagName));
  },
  async choose(surface, q, option, options) {
    const { page } = surface;
    const prefix = `option:${q.id}:`;
    await page.waitForFunction((p) => document.querySelector(`#cr-a11y [data-hit^="${p}"]`), prefix);
    if (q.type === "multiple") {
      await tabTo(page, prefix + option);
      await page.keyboard.press("Space");
      return;
    }
    // A radio group: Tab lands on the chosen answer, or on the first; Space chooses it, arrows move and choose.
    const at = options.indexOf((await tabTo(page, (id) => id.startsWith(prefix))).slice(prefix.length));
    await page.keyboard.press("Space");
    await waitForState(page, (s, a) => (s.answers[a.q] || [])[0] === a.o, { q: q.id, o: options[at] });
    const k = options.indexOf(option);
    for (let i = at; i !== k; i += Math.sign(k - at)) {
      await page.keyboard.press(k > at ? "ArrowDown" : "ArrowUp");
      await waitForState(page, (s, a) => (s.answers[a.q] || [])[0] === a.o, { q: q.id, o: options[i + Math.sign(k - at)] });
    }
  },
  async slide(surface, q, value, spec) {
    const { page } = surface;
    await page.waitForFunction((id) => document.querySelector(`#cr-a11y [data-hit="${id}"]`), `scale:${q.id}`);
    await tabTo(page, `scale:${q.id}`);
    const now = (await state(page)).scale.value;
    const steps = Math.round((value - now) / (spec.step || 1));
    for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? "ArrowRight" : "ArrowLeft");
  },
  async advance(surface, q) {
    if (q.type === "multiple") {  // checkboxes: Tab on to the Next button
      await tabTo(surface.page, "next");
      await surface.page.keyboard.press("Space");
    } else {
      await surface.page.keyboard.press("Enter");
    }
  },
};

const bridge = {
  start: (surface) => surface.target.evaluate(() => window.crossroads.activate("start")),
  choose: (surface, q, option) => surface.target.evaluate((id) => window.crossroads.activate(id), `option:${q.id}:${option}`),
  slide: (surface, q, value) => surface.target.evaluate((v) => window.crossroads.setScale(v), value),
  advance: (surface) => surface.target.evaluate(() => window.crossroads.activate("next")),
};

const INPUTS = { mouse: pointer, touch: pointer, keyboard, bridge };
const moves = (surface) => {
  assert.ok(INPUTS[surface.input], `unknown input ${surface.input}`);
  return INPUTS[surface.input];
};

// ---- choosing answers ------------------------------------------------------------------------------------------------

// The question on screen as the page states it: { id, type ("single", "multiple", "true_false", "scale"), scale }.
const questionOf = (s) => ({ id: s.question, type: s.kind, scale: s.scale });

// Default choice: "no" to the optional readiness block (keeps the path quiz short), else the first card shown;
// a scale three quarters of the way up (not its starting value).
export function defaultChoice(question, optionIds, spec = null) {
  if (spec) return spec.max - Math.round((spec.max - spec.min) / 4 / (spec.step || 1)) * (spec.step || 1);
  if (question === "take-readiness" && optionIds.includes("no")) return "no";
  return optionIds[0];
}

// A chooser that gives the answers of "q=a,q2=b+c,q3=7" (or parsed pairs) and fails on a question they lack.
export function chooseFrom(answers) {
  const wanted = new Map(typeof answers === "string" ? parseAnswers(answers) : answers);
  return (question, optionIds, spec) => {
    assert.ok(wanted.has(question), `the quiz asks ${question}, which the answers do not cover`);
    return wanted.get(question);
  };
}

const sameAnswer = (given, wanted) => typeof wanted === "number" ? given === wanted
  : Array.isArray(given) && given.length === wanted.length && wanted.every((o) => given.includes(o));

// Answers the current question with the surface's input and waits until the widget reports it. `choose(q, ids,
// spec)` returns an option id, a list of ids, or (for a scale, spec given) a number. Returns { question, options }
// as the widget reports it (a list of option ids, or the scale's number). Does not press Next.
export async function answerCurrent(surface, choose = defaultChoice) {
  const s = await waitForState(surface.target, (s) => s.screen === "question");
  const q = questionOf(s);
  const m = moves(surface);
  let want;
  if (q.type === "scale") {
    want = choose(q.id, [], q.scale);
    if (want !== s.scale.value) await m.slide(surface, q, want, q.scale);
  } else {
    const list = await stableHits(surface.target, "next");
    const prefix = `option:${q.id}:`;
    const drawn = list.filter((h) => h.id.startsWith(prefix));
    const ids = drawn.map((h) => h.id.slice(prefix.length));
    const pick = choose(q.id, ids, null);
    want = Array.isArray(pick) ? pick : [pick];
    for (const o of want) {
      assert.ok(ids.includes(o), `option ${o} is not drawn for ${q.id}`);
      if (drawn.find((h) => h.id === prefix + o).selected) continue;
      await m.choose(surface, q, o, ids);
      await waitForState(surface.target, (s, a) => (s.answers[a.q] || []).includes(a.o), { q: q.id, o });
    }
  }
  // A scale left at its starting value is accepted by Next without showing in the answers.
  if (q.type !== "scale" || want !== s.scale.value) {
    await waitForState(surface.target, (s, a) => sameAnswer(s.answers[a.q], a.v), { q: q.id, v: want });
  }
  return { question: q.id, options: want, type: q.type };
}

// Presses Next with the surface's input and waits until the widget has moved on.
export async function next(surface) {
  const before = await state(surface.target);
  const q = before.screen === "question" ? questionOf(before) : { id: null, type: null };
  await moves(surface).advance(surface, q);
  return waitForState(surface.target, (s, b) => s.screen !== b.screen || s.position !== b.position || s.question !== b.question,
                      { screen: before.screen, position: before.position, question: before.question });
}

// Plays from the start screen (or any question) to the results with the surface's input: each question is
// answered by `choose` (see answerCurrent; chooseFrom(answers) for a persona), then Next. Checks on each step that
// the answer is kept and the position counts the questions shown. Stops on the results, or on question `until`.
// Returns { answered, final }.
export async function playThrough(surface, { choose = defaultChoice, until = null, limit = 60 } = {}) {
  let s = await state(surface.target);
  if (s.screen === "start") {
    await moves(surface).start(surface);
    s = await waitForState(surface.target, (s) => s.screen === "question");
  }
  const answered = [];
  for (let i = 0; i < limit && s.screen === "question" && s.question !== until; i++) {
    const a = await answerCurrent(surface, choose);
    answered.push(a);
    const position = s.position;
    s = await next(surface);
    assert.notEqual(s.screen, "start", "pressing Next went back to the start screen");
    if (a.type !== "scale" || s.answers[a.question] !== undefined) {
      assert.ok(sameAnswer(s.answers[a.question], a.options), `${a.question}: answer ${JSON.stringify(s.answers[a.question])}, wanted ${JSON.stringify(a.options)}`);
    }
    assert.ok(s.screen === "results" || s.position === position + 1, `position ${s.position} after ${position}`);
  }
  if (until) assert.equal(s.question, until, `the quiz never asked ${until}`);
  else assert.equal(s.screen, "results", "the quiz did not reach its results");
  return { answered, final: s };
}
