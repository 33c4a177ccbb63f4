// Benchmark: the page's own start screen (scripts/first_screen.py) drawn, for two builds of dist/ side by side, loads
// alternating in one headless Chromium (fresh context each, service workers blocked), optionally on a throttled
// network. Medians, ms after navigation start. Asserts nothing. Usage: node bench/first-paint-ab.mjs DIST_A DIST_B [N] [--slow]
import { launchBrowser } from "../tests/browser/lib.mjs";
import { serve } from "../scripts/serve.mjs";

const args = process.argv.slice(2);
const slow = args.includes("--slow");
const [a, b, n] = args.filter((x) => x !== "--slow");
if (!a || !b) {
  console.error("usage: node bench/first-paint-ab.mjs DIST_A DIST_B [N, default 15] [--slow]");
  process.exit(1);
}
const N = Number(n || 15);
// --slow: Chrome DevTools' "Fast 3G" figures (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up); scripts/serve.mjs does
// not compress, so each file comes at its raw size.
const SLOW = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

// Marks, as bench/first-load.mjs does: the start screen's Start button in the DOM, the next animation frame begun, and
// the one after (drawn: the main thread's work for the screen is done).
function markStartScreen() {
  const watch = new MutationObserver(() => {
    if (!document.querySelector("#cr-first [data-hit=start]")) return;
    watch.disconnect();
    performance.mark("ab:in-dom");
    requestAnimationFrame(() => {
      performance.mark("ab:frame-begun");
      requestAnimationFrame(() => performance.mark("ab:drawn"));
    });
  });
  watch.observe(document, { childList: true, subtree: true });
}

const browser = await launchBrowser();
const servers = await Promise.all([a, b].map((dir) => serve(dir, 0)));
const urls = servers.map((s) => `http://127.0.0.1:${s.address().port}/`);

// One load: its milestones, once the widget is ready too.
async function load(url) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  await context.addInitScript(markStartScreen);
  const page = await context.newPage();
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", SLOW);
  }
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("ab:drawn").length && window.crossroads?.ready, null,
                             { timeout: 120000 });
  const marks = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
    return { "start screen in DOM": at("ab:in-dom"), "DOMContentLoaded": performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
             "next frame begun": at("ab:frame-begun"), "start screen drawn": at("ab:drawn"), "canvas ready (cr:first-frame)": at("cr:first-frame") };
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
  console.log(`${name.padEnd(32)}${String(Math.round(ma)).padStart(8)}${String(Math.round(mb)).padStart(8)}`);
}
console.log(`A: ${a}\nB: ${b}`);
