// Benchmark: time from navigation to the widget's first frame in headless Chromium (median of 7 loads),
// and frames rendered during 3 s of idling afterwards. Prints numbers; asserts nothing.
import { chromium } from "playwright-core";
import { serve } from "../scripts/serve.mjs";

const server = await serve("dist", 0);
const port = server.address().port;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const times = [];
let idle = null;
for (let i = 0; i < 7; i++) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.crossroads && window.crossroads.ready);
  times.push(await page.evaluate(() => performance.now()));
  if (i === 0) {
    await page.waitForTimeout(1000);
    const before = await page.evaluate(() => window.crossroads.frames());
    await page.waitForTimeout(3000);
    idle = (await page.evaluate(() => window.crossroads.frames())) - before;
  }
  await context.close();
}
times.sort((a, b) => a - b);
console.log(`navigation to first frame: ${times[3].toFixed(0)} ms median of 7 (min ${times[0].toFixed(0)}, max ${times[6].toFixed(0)})`);
console.log(`frames rendered during 3 s idle: ${idle}`);
await browser.close();
server.close();
