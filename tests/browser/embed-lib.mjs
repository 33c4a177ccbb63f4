// Helpers for the embed, funnel, offline, worker, resume and single-file browser tests, on top of lib.mjs: host pages with
// embedded widgets and their event capture (in the page and by beacon), waits on a widget inside a frame, pixel reads.
import { fileHandler, serve } from "../../scripts/serve.mjs";

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

// Visits `path` (index.html by default) of a deployment, waits for its worker, reloads so that the page is controlled.
export async function visitAndControl(page, origin, path = "/index.html") {
  await page.goto(origin + path, { waitUntil: "load" });
  await waitReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload({ waitUntil: "load" });
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  await waitReady(page);
}

export function closeServer(server) {
  return new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); });
}

// ---- host pages ---------------------------------------------------------------------------------------------------

// Init script for a host page: records every crossroads:* DOM event with the index of the iframe it came from, in
// window.__events. With { beacon: url } it also sends each with navigator.sendBeacon, as a site's analytics would
// (beacons are delivered also while the page goes away), and a last { type: "left", seen } on pagehide, registered on
// "load" so after embed.js's own pagehide listener (async scripts run before "load").
export function recordHostEvents({ beacon = null } = {}) {
  if (window.top !== window) return;  // the host page, not the widgets inside it
  window.__events = [];
  const send = (entry) => { if (beacon) navigator.sendBeacon(beacon, JSON.stringify(entry)); };
  for (const type of ["ready", "started", "question", "answered", "completed", "abandoned", "cta", "resized"]) {
    document.addEventListener("crossroads:" + type, (e) => {
      const frames = Array.from(document.querySelectorAll("iframe.crossroads-embed"));
      const entry = { type, widget: frames.indexOf(e.target), detail: e.detail };
      window.__events.push(entry);
      send(entry);
    });
  }
  addEventListener("load", () => addEventListener("pagehide", () => send({ type: "left", seen: window.__events.length })));
}

// Serves host pages from `dir` on 127.0.0.2 (another site than the widget's 127.0.0.1) and collects the beacons of
// recordHostEvents sent to beacon(key). received(key): the entries so far; reported(key): all of them, once the page
// has said it left.
export async function serveHost(dir) {
  const beacons = [];
  const files = fileHandler(dir);
  const server = await serve(dir, 0, "127.0.0.2", (req, res) => {
    const url = new URL(req.url, "http://host");
    if (req.method !== "POST" || url.pathname !== "/collect") return files(req, res);
    let body = "";
    req.on("data", (chunk) => { body += chunk; });
    req.on("end", () => { beacons.push({ key: url.searchParams.get("key"), ...JSON.parse(body) }); res.writeHead(204).end(); });
  });
  const received = (key) => beacons.filter((b) => b.key === key);
  return {
    origin: `http://127.0.0.2:${server.address().port}`,
    beacon: (key) => `/collect?key=${encodeURIComponent(key)}`,
    received,
    reported: (key) => until(() => {
      const left = received(key).find((b) => b.type === "left");
      const events = received(key).filter((b) => b.type !== "left");
      return left && events.length === left.seen ? events : null;
    }, `every event of host page ${key}`),
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
  };
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
