// Helpers for the embed, offline, resume and single-file browser tests, on top of lib.mjs: real clicks on the
// canvas of a page or of an iframe inside a host page, playing a quiz through, host-page event capture, pixel reads.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findHit, loadJson, questionIndex, sliderPoint, stableHits, state, waitForState } from "./lib.mjs";

export const STEP = 15000;

// ---- where to click ----------------------------------------------------------------------------------------
// A "surface" is a widget the mouse can reach: `target` is the Page or Frame that runs window.crossroads,
// `clickCanvas(x, y)` clicks canvas CSS pixel (x, y) with the real mouse of the top-level page.

async function clickCanvasIn(page, canvas, x, y) {
  let box = await canvas.boundingBox();  // relative to the top-level viewport, also for elements in iframes
  assert.ok(box, "the canvas has no box");
  const vh = page.viewportSize().height;
  const vy = box.y + y;
  if (vy < 8 || vy > vh - 8) {
    await page.evaluate((d) => window.scrollBy(0, d), vy - vh / 2);
    box = await canvas.boundingBox();
  }
  await page.mouse.click(box.x + x, box.y + y);
}

export function pageSurface(page) {
  const canvas = page.locator("#cr-canvas");
  return { page, target: page, clickCanvas: (x, y) => clickCanvasIn(page, canvas, x, y) };
}

export function frameSurface(page, frame) {
  const canvas = frame.locator("#cr-canvas");
  return { page, target: frame, clickCanvas: (x, y) => clickCanvasIn(page, canvas, x, y) };
}

// Clicks the centre of hit `id` (waits until the hit is drawn and stable).
export async function click(surface, id) {
  const h = await findHit(surface.target, id);
  assert.ok(h.enabled, `hit ${id} is disabled`);
  await surface.clickCanvas(h.x + h.w / 2, h.y + h.h / 2);
  return h;
}

// ---- playing a quiz --------------------------------------------------------------------------------------------

const quizCache = {};
function questionsOf(quizId) {
  if (!quizCache[quizId]) quizCache[quizId] = questionIndex(loadJson(`content/${quizId}.json`));
  return quizCache[quizId];
}

// Default choice: "no" to the optional readiness block (keeps the path quiz short), else the first card shown.
export function defaultChoice(question, optionIds) {
  if (question === "take-readiness" && optionIds.includes("no")) return "no";
  return optionIds[0];
}

// Answers the current question with real clicks and returns { question, options } as the widget should report
// it (a list of option ids, or the number of a scale). Does not press "next".
export async function answerCurrent(surface, choose = defaultChoice) {
  const s = await waitForState(surface.target, (s) => s.screen === "question");
  const q = s.question;
  const list = await stableHits(surface.target, "next");
  const options = list.filter((h) => h.id.startsWith(`option:${q}:`));
  if (options.length) {
    const ids = options.map((h) => h.id.slice(`option:${q}:`.length));
    const pick = choose(q, ids);
    const hit = options.find((h) => h.id === `option:${q}:${pick}`);
    if (!hit.selected) await click(surface, hit.id);
    await waitForState(surface.target, (s, a) => JSON.stringify(s.answers[a.q]) === JSON.stringify([a.pick]), { q, pick });
    return { question: q, options: [pick] };
  }
  const scale = list.find((h) => h.id === `scale:${q}`);
  assert.ok(scale, `question ${q} shows neither options nor a scale: ${JSON.stringify(list.map((h) => h.id))}`);
  const spec = questionsOf(s.quiz)[q].scale;
  const want = spec.max - Math.round((spec.max - spec.min) / 4 / (spec.step || 1)) * (spec.step || 1);  // not the default
  const p = sliderPoint(scale, want, spec.min, spec.max, spec.step || 1);
  await surface.clickCanvas(p.x, p.y);
  const got = await waitForState(surface.target, (s, q) => typeof s.answers[q] === "number", q);
  return { question: q, options: got.answers[q] };
}

// Presses "next" and waits until the widget has moved on.
export async function next(surface) {
  const before = await state(surface.target);
  await click(surface, "next");
  return waitForState(surface.target, (s, b) => s.screen !== b.screen || s.position !== b.position,
                      { screen: before.screen, position: before.position });
}

// Answers questions until the results screen (starting from the start screen or any question).
// Returns { answered: [{question, options}], final: state }.
export async function playThrough(surface, { choose = defaultChoice, limit = 60 } = {}) {
  let s = await state(surface.target);
  if (s.screen === "start") {
    await click(surface, "start");
    s = await waitForState(surface.target, (s) => s.screen === "question");
  }
  const answered = [];
  for (let i = 0; i < limit && s.screen === "question"; i++) {
    answered.push(await answerCurrent(surface, choose));
    s = await next(surface);
  }
  assert.equal(s.screen, "results", "the quiz did not reach its results");
  return { answered, final: s };
}

// ---- small waits ------------------------------------------------------------------------------------------------

// Polls async fn until it returns a truthy value; returns that value, or throws with `what` after timeout.
export async function until(fn, what, timeout = STEP, every = 30) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

export async function waitReady(target) {
  await target.waitForFunction(() => window.crossroads && window.crossroads.ready && window.crossroads.state() !== null,
                               null, { timeout: STEP });
}

// ---- host pages ---------------------------------------------------------------------------------------------------

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// Init script for a host page: records every crossroads:* DOM event with the index of the iframe it came from.
export function recordHostEvents() {
  window.__events = [];
  for (const type of ["ready", "started", "answered", "completed", "resized"]) {
    document.addEventListener("crossroads:" + type, (e) => {
      const frames = Array.from(document.querySelectorAll("iframe.crossroads-embed"));
      window.__events.push({ type, widget: frames.indexOf(e.target), detail: e.detail });
    });
  }
}

// The Frame of the n-th embedded widget, once its index.html has loaded and drawn its first frame.
export async function widgetFrame(page, n) {
  const el = await until(async () => (await page.$$("iframe.crossroads-embed"))[n], `iframe #${n}`);
  const frame = await until(async () => {
    const f = await el.contentFrame();
    return f && /\/index\.html\?/.test(f.url()) ? f : null;
  }, `iframe #${n} to navigate`);
  await waitReady(frame);
  return { el, frame };
}

// ---- pixels -------------------------------------------------------------------------------------------------------

// Most frequent colour ("#rrggbb") in a PNG screenshot, decoded in the page with a 2D canvas.
export async function dominantColour(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const counts = new Map();
    for (let i = 0; i < d.length; i += 4) {
      const k = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
      counts.set(k, (counts.get(k) || 0) + 1);
    }
    let best = 0, bestN = -1;
    for (const [k, n] of counts) if (n > bestN) { best = k; bestN = n; }
    return "#" + best.toString(16).padStart(6, "0");
  }, png.toString("base64"));
}

export function colourDistance(a, b) {
  const p = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const [x, y] = [p(a), p(b)];
  return Math.max(...x.map((v, i) => Math.abs(v - y[i])));
}
