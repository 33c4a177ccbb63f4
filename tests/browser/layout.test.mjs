// Layout at phone, tablet and desktop sizes, DPR 1 and 2: no sideways scrolling, every clickable item inside the
// canvas, a crisp backing store (CSS size x DPR); full-page screenshots of each screen, light and dark, for review.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as L from "./lib.mjs";
import { chooseFrom, pageSurface, playThrough } from "./play.mjs";

// A reader who takes the readiness section: the results then have every part (outcome, readiness, review, FAQ).
const READER = L.loadJson("tests/content/personas.json").find((p) => p.answers.includes("take-readiness=yes")).answers;
const CODE_QUESTION = "functions";  // first readiness question; it shows a code block

let env;
before(async () => { env = await L.setup(); });
after(async () => { await env?.close(); });

const capped = [];  // screens drawn below the device pixel ratio, reported at the end
after(() => { if (capped.length) console.log("density capped on tall screens:\n  " + capped.join("\n  ")); });

// What must hold on every screen at every size.
async function checkScreen(page, label) {
  await L.stableHits(page);
  const m = await page.evaluate(() => {
    const c = document.getElementById("cr-canvas");
    const r = c.getBoundingClientRect();
    const gl = document.createElement("canvas").getContext("webgl2");
    const limit = Math.max(1024, Math.min(8192, gl.getParameter(gl.MAX_VIEWPORT_DIMS)[1], gl.getParameter(gl.MAX_RENDERBUFFER_SIZE)));
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return {
      limit,
      scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, dpr: window.devicePixelRatio,
      cssWidth: r.width, cssHeight: r.height, width: c.width, height: c.height, left: r.left,
      hits: window.crossroads.hits(),
    };
  });
  assert.ok(m.scrollWidth <= m.innerWidth, `${label}: horizontal overflow (scrollWidth ${m.scrollWidth} > innerWidth ${m.innerWidth})`);
  assert.ok(m.left >= 0 && m.cssWidth <= m.innerWidth, `${label}: canvas ${m.left}+${m.cssWidth} wider than the window`);
  assert.ok(m.hits.length > 0, `${label}: nothing clickable`);
  for (const h of m.hits) {
    assert.ok(h.x >= 0 && h.x + h.w <= m.cssWidth + 0.5,
      `${label}: hit ${h.id} spans x ${h.x}..${h.x + h.w}, outside the canvas width ${m.cssWidth}`);
    assert.ok(h.y >= 0 && h.y + h.h <= m.cssHeight + 0.5, `${label}: hit ${h.id} spans y ${h.y}..${h.y + h.h}, outside the canvas height ${m.cssHeight}`);
  }
  // Backing store = CSS size x DPR. Only a screen so tall that this would pass the GPU's largest drawable side
  // (src/web/main.cpp caps it) is drawn at a lower density, the same for both sides.
  const side = Math.max(m.cssWidth, m.cssHeight);
  const density = side * m.dpr <= m.limit ? m.dpr : Math.max(0.5, m.limit / side);
  const tol = density === m.dpr ? 0 : 1;
  assert.ok(Math.abs(m.width - Math.round(m.cssWidth * density)) <= tol,
    `${label}: backing store width ${m.width} for ${m.cssWidth} CSS px at DPR ${m.dpr} (density ${density.toFixed(3)})`);
  assert.ok(Math.abs(m.height - Math.round(m.cssHeight * density)) <= tol,
    `${label}: backing store height ${m.height} for ${m.cssHeight} CSS px at DPR ${m.dpr} (density ${density.toFixed(3)})`);
  if (density !== m.dpr) capped.push(`${label}: ${m.cssWidth}x${m.cssHeight} CSS px drawn at density ${density.toFixed(2)} (GPU limit ${m.limit})`);
  return m;
}

describe("layout", () => {
  for (const [width, height] of [[320, 640], [768, 1024], [1440, 900]]) {
    for (const dpr of [1, 2]) {
      test(`${width}x${height} at DPR ${dpr}: start, a code question, results`, async () => {
        const app = await L.openApp(env, { viewport: { width, height }, dpr });
        try {
          const { page } = app;
          const label = `${width}x${height}@${dpr}`;
          await checkScreen(page, `${label} start`);
          let s = (await playThrough(pageSurface(page, "bridge"), { choose: chooseFrom(READER), until: CODE_QUESTION })).final;
          assert.equal(s.question, CODE_QUESTION);
          await checkScreen(page, `${label} question ${CODE_QUESTION}`);
          s = (await playThrough(pageSurface(page, "bridge"), { choose: chooseFrom(READER) })).final;
          assert.equal(s.screen, "results");
          await checkScreen(page, `${label} results`);
          // Opened review and FAQ rows must fit as well.
          const rows = (await L.hits(page)).filter((h) => /^(review|faq):/.test(h.id)).slice(0, 2);
          for (const h of rows) {
            await L.clickHit(page, h.id);
            await page.waitForFunction((id) => window.crossroads.hits().some((x) => x.id === id && x.selected), h.id);
          }
          await checkScreen(page, `${label} results with rows open`);
          L.assertNoProblems(app.problems);
        } finally {
          await app.close();
        }
      });
    }
  }
});

describe("screenshots (build/screenshots)", () => {
  const devices = { phone: { viewport: { width: 360, height: 740 }, dpr: 2 }, desktop: { viewport: { width: 1280, height: 900 }, dpr: 1 } };
  for (const [device, size] of Object.entries(devices)) {
    for (const colorScheme of ["light", "dark"]) {
      test(`${device} ${colorScheme}`, async () => {
        const app = await L.openApp(env, { ...size, colorScheme });
        try {
          const { page } = app;
          await page.emulateMedia({ colorScheme });
          const shoot = async (screen) => {
            await L.stableHits(page);
            // The canvas is drawn in the reader's colour scheme (checked on its top-left corner, always background).
            const r = await page.evaluate(() => { const b = document.getElementById("cr-canvas").getBoundingClientRect(); return { x: b.left, y: b.top }; });
            const bg = await L.pollPixels(page, { x: r.x + 2, y: r.y + 2, width: 8, height: 8 }, L.dominantColor,
              (c) => c === L.PALETTE[colorScheme].background);
            assert.equal(bg.toString(16), L.PALETTE[colorScheme].background.toString(16), `${screen}: canvas background in ${colorScheme} scheme`);
            await L.screenshotFullPage(page, L.screenshotPath(`${screen}-${device}-${colorScheme}`));
          };
          await shoot("start");
          await playThrough(pageSurface(page, "bridge"), { choose: chooseFrom(READER), until: CODE_QUESTION });
          await shoot("question-code");
          await playThrough(pageSurface(page, "bridge"), { choose: chooseFrom(READER) });
          await shoot("results");
          L.assertNoProblems(app.problems);
        } finally {
          await app.close();
        }
      });
    }
  }
});
