// dist/quiz.html opened straight from disk (file://, no extra Chromium flag): it starts, plays through to a result
// with real canvas clicks, logs no console error and makes no network request at all (only file:, data:, blob:).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { assertNoProblems, DIST, hits, launchBrowser, state, watchProblems } from "./lib.mjs";
import { STEP, waitReady } from "./embed-lib.mjs";
import { pageSurface, playThrough } from "./play.mjs";

describe("quiz.html from disk", () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  test("works from file:// with no network and no console errors", async () => {
    const file = path.join(DIST, "quiz.html");
    assert.ok(fs.existsSync(file), "dist/quiz.html is missing: run ./build-wasm.sh");
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, colorScheme: "light" });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    const problems = watchProblems(page);
    const requests = [];
    context.on("request", (r) => requests.push(r.url()));
    try {
      await page.goto(url, { waitUntil: "load" });
      await waitReady(page);
      const s0 = await state(page);
      assert.equal(s0.screen, "start");
      assert.equal(s0.quiz, "python-path");
      const ids = (await hits(page)).map((h) => h.id);
      assert.ok(!ids.includes("related"), "the related quiz link cannot work from disk and should be hidden");
      const { final } = await playThrough(pageSurface(page));
      assert.ok(final.result.outcome, "no outcome");
      assert.ok(!(await hits(page)).some((h) => h.id === "share"), "a share link cannot work from disk and should be hidden");
      assert.equal(await page.evaluate(() => !!(navigator.serviceWorker && navigator.serviceWorker.controller)), false);
      assert.ok(requests.includes(url), `the request log missed the page itself: ${JSON.stringify(requests)}`);
      const network = requests.filter((u) => u !== url && !/^(data|blob):/.test(u));
      assert.deepEqual(network, [], "quiz.html made requests");
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });
});
