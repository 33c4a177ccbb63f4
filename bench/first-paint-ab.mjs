// Benchmark: the page's own start screen (scripts/first_screen.py) drawn, for two builds of dist/ side by side, loads
// alternating in one headless Chromium (fresh context each, service workers blocked), optionally on a throttled
// network; B may be "static", DIST_A's page without its scripts. Medians, ms after navigation start. Asserts nothing.
// Usage: node bench/first-paint-ab.mjs DIST_A DIST_B|static [N] [--slow]
import { launchBrowser } from "../tests/browser/lib.mjs";
import { serve } from "../scripts/serve.mjs";
import { START_SCREEN, markWhenDrawn, writeStaticCopy } from "./start-screen.mjs";

const args = process.argv.slice(2);
const slow = args.includes("--slow");
const [a, b, n] = args.filter((x) => x !== "--slow");
if (!a || !b) {
  console.error("usage: node bench/first-paint-ab.mjs DIST_A DIST_B|static [N, default 15] [--slow]");
  process.exit(1);
}
// B "static": DIST_A's page without its scripts and preloads (start-screen.mjs), the floor for DIST_A.
const dirs = [a, b === "static" ? writeStaticCopy(a) : b];
const N = Number(n || 15);
// --slow: Chrome DevTools' "Fast 3G" figures (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up); scripts/serve.mjs does
// not compress, so each file comes at its raw size.
const SLOW = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

const browser = await launchBrowser();
const servers = await Promise.all(dirs.map((dir) => serve(dir, 0)));
const urls = servers.map((s) => `http://127.0.0.1:${s.address().port}/`);

// One load: its milestones, once the widget is ready too.
async function load(url) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  await context.addInitScript(markWhenDrawn, START_SCREEN);
  const page = await context.newPage();
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", SLOW);
  }
  await page.goto(url);
  // Once the widget is ready too (a page without scripts has none).
  await page.waitForFunction(() => performance.getEntriesByName("bench:start-screen-drawn").length &&
                                   (window.crossroads?.ready || !document.querySelector("script[src]")), null, { timeout: 120000 });
  const marks = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
    const nav = performance.getEntriesByType("navigation")[0];
    const css = performance.getEntriesByType("resource").find((r) => /\/style\.[0-9a-f]+\.css$/.test(r.name));
    return { "HTML first byte": nav.responseStart, "HTML received": nav.responseEnd,
             "style.css requested": css?.startTime, "style.css received": css?.responseEnd,
             "start screen in DOM": at("bench:start-screen-in-dom"), "DOMContentLoaded": nav.domContentLoadedEventEnd,
             "next frame begun": at("bench:start-screen-in-dom, next frame begun"),
             "start screen drawn": at("bench:start-screen-drawn"),
             "first-contentful-paint": performance.getEntriesByName("first-contentful-paint")[0]?.startTime, "canvas ready (cr:first-frame)": at("cr:first-frame") };
  });
  await context.close();
  return marks;
}

await load(urls[0]);  // untimed: the browser's first pages pay for starting its processes
await load(urls[1]);
const runs = [[], []];
for (let i = 0; i < N; i++) {
  for (const k of i % 2 ? [1, 0] : [0, 1]) runs[k].push(await load(urls[k]));
}
await browser.close();
for (const s of servers) { s.closeAllConnections?.(); s.close(); }

const median = (v) => { const s = v.filter((x) => typeof x === "number").sort((x, y) => x - y); return s.length ? s[(s.length - 1) >> 1] : null; };
console.log(`${N} loads of each, alternating${slow ? ", network throttled (--slow)" : ""}; ms after navigation start, medians`);
console.log(`${"".padEnd(32)}${"A".padStart(8)}${"B".padStart(8)}`);
for (const name of Object.keys(runs[0][0])) {
  const [ma, mb] = runs.map((r) => median(r.map((m) => m[name])));
    const ms = (m) => (m === null ? "-" : String(Math.round(m)));
  console.log(`${name.padEnd(32)}${ms(ma).padStart(8)}${ms(mb).padStart(8)}`);
}
console.log(`A: ${dirs[0]}\nB: ${dirs[1]}`);
