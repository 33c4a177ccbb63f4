// Compares what a reader sees in two builds of the page: the shipped quiz's start screen, its first question and a
// result, at a phone's width (360 px) and a desktop's (1,280 px), drawn by Debian's Chromium with reduced motion.
// For refactors that must change nothing a reader sees. Usage: node scripts/compare-screens.mjs DIST_A DIST_B [OUT]
// Prints, per screen, the size of each picture and how many pixels differ; writes both PNGs into OUT (build/compare).
import fs from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const [a, b, out = "build/compare"] = process.argv.slice(2);
if (!a || !b) {
  console.error("usage: node scripts/compare-screens.mjs DIST_A DIST_B [OUT]");
  process.exit(2);
}
// The answers of the results screen: the first option of each question the reader is shown.
const SCREENS = ["start", "question", "results"];
const WIDTHS = [360, 1280];

async function shoot(dist, browser, width) {
  const server = await serve(path.resolve(dist), 0, "127.0.0.1");
  const page = await browser.newPage({ viewport: { width, height: 900 }, reducedMotion: "reduce" });
  const settled = () => page.waitForFunction(() => window.crossroads && window.crossroads.ready && window.crossroads.idle());
  const shots = {};
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await settled();
    const take = async (name) => {
      await settled();
      shots[name] = PNG.sync.read(await page.screenshot({ fullPage: true }));
    };
    await take("start");
    await page.evaluate(() => window.crossroads.activate("start"));
    await take("question");
    for (let guard = 0; guard < 40; guard++) {
      const state = await page.evaluate(() => window.crossroads.state());
      if (state.screen !== "question") break;
      await page.evaluate(() => {
        const option = window.crossroads.scene().items.find((i) => i.part === "control" && /^option:/.test(i.id));
        if (option && !option.checked) window.crossroads.activate(option.id);
      });
      await settled();
      await page.evaluate(() => window.crossroads.activate("next"));
      await settled();
    }
    await take("results");
  } finally {
    await page.close();
    server.close();
  }
  return shots;
}

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"] });
fs.mkdirSync(out, { recursive: true });
let differ = 0;
try {
  for (const width of WIDTHS) {
    const [left, right] = [await shoot(a, browser, width), await shoot(b, browser, width)];
    for (const name of SCREENS) {
      const l = left[name], r = right[name];
      fs.writeFileSync(path.join(out, `${name}-${width}-a.png`), PNG.sync.write(l));
      fs.writeFileSync(path.join(out, `${name}-${width}-b.png`), PNG.sync.write(r));
      let pixels = 0;
      if (l.width !== r.width || l.height !== r.height) pixels = Math.max(l.width * l.height, r.width * r.height);
      else for (let i = 0; i < l.data.length; i += 4)
        if (l.data[i] !== r.data[i] || l.data[i + 1] !== r.data[i + 1] || l.data[i + 2] !== r.data[i + 2]) pixels++;
      differ += pixels > 0;
      console.log(`${name} at ${width} px: ${l.width}x${l.height} against ${r.width}x${r.height}, ${pixels} pixels differ`);
    }
  }
} finally {
  await browser.close();
}
process.exit(differ ? 1 : 0);
