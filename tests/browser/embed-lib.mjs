// Helpers for the embed, offline, resume and single-file browser tests, on top of lib.mjs: host pages with
// embedded widgets and their event capture, waits on a widget inside a frame, pixel reads in the page.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const STEP = 15000;

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
