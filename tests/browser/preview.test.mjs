// The editor's loop: ./build-wasm.sh preview serves a quiz file and the open page follows each save in place,
// keeping the reader's question and answers; a broken save shows its located errors until the next save fixes it;
// a preview never offers to resume, stores nothing and runs no offline worker.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import * as L from "./lib.mjs";
import { STEP, waitReady } from "./embed-lib.mjs";
import { answerCurrent, click, next, pageSurface } from "./play.mjs";
import { preview } from "../../scripts/preview.mjs";

describe("live preview", () => {
  let browser, server, dir, file, origin;
  before(async () => {
    dir = L.tempDir("crossroads-preview-");
    file = path.join(dir, "my-quiz.json");
    fs.copyFileSync(path.join(L.ROOT, "tests/fixtures/mini.json"), file);
    server = await preview(L.DIST, file, 0);
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await L.launchBrowser();
  });
  after(async () => {
    await browser?.close();
    if (server) await new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const edit = (from, to) => fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(from, to));

  test("each save shows in place, on the same question; errors show with line:column until fixed", async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    const problems = L.watchProblems(page);
    try {
      await page.goto(origin + "/", { waitUntil: "load" });
      await waitReady(page);
      const surface = pageSurface(page);
      await click(surface, "start");
      const first = await answerCurrent(surface);
      let s = await next(surface);
      assert.equal(s.question, "work");

      edit("Work history?", "Any work history?");
      s = await L.waitForState(page, (s) => s.prompt === "Any work history?");
      assert.equal(s.question, "work", "the preview did not keep the reader's question");
      assert.deepEqual(s.answers[first.question], first.options, "the preview lost an answer");

      edit('"title": "Mini path quiz",', '"title": "Mini path quiz"');  // a missing comma
      const message = page.locator("#cr-message");
      await message.waitFor({ state: "visible" });
      assert.match(await message.innerText(), /preview\/my-quiz\.json:\d+:\d+: error: /);
      edit('"title": "Mini path quiz"', '"title": "Mini path quiz",');
      await message.waitFor({ state: "hidden" });
      s = await L.waitForState(page, (s) => s.screen === "question");
      assert.equal(s.question, "work", "fixing the file lost the reader's question");

      // A preview neither stores progress nor offers to resume, and no worker keeps an old copy.
      assert.equal(await page.evaluate(() => localStorage.length), 0);
      await page.reload({ waitUntil: "load" });
      await waitReady(page);
      s = await L.waitForState(page, (s) => s.screen === "start");
      assert.equal(s.resume_offered, false);
      assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((l) => l.length)), 0);
      // (A reload may cut short a fetch of the file that a late save event started.)
      L.assertNoProblems(problems.filter((p) => !(p.kind === "requestfailed" && /my-quiz/.test(p.url))));
    } finally {
      await context.close();
    }
  });
});
