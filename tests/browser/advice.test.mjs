// The article's own sentences decide (issue 19): three readers from tests/content/python-path.profiles.json, each
// decided by a rule, played to their results in the page; the page's result and its "Why this result" are the
// CLI's, the rule is named, and screenshots at a phone's and a desktop's width show the results
// (build/screenshots/advice-*.png).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as L from "./lib.mjs";
import { chooseFrom, pageSurface, playThrough } from "./play.mjs";

const QUIZ_FILE = "content/python-path.json";
const profiles = L.loadJson("tests/content/python-path.profiles.json").profiles;
const READERS = [
  ["overwhelmed", "Big portfolio and advanced syntax, but overwhelmed by production work alone and wants to learn"],
  ["it-support", "In IT support, several full-stack apps, explains them only partly, needs a salary now"],
  ["top-10", "Junior-ready, aiming for a Top 10 firm"],
];

let env;
before(async () => { env = await L.setup(); });
after(async () => { await env?.close(); });

for (const [slug, name] of READERS) {
  const profile = profiles.find((p) => p.name === name);
  for (const width of [360, 1280]) {
    test(`${slug} at ${width} px: the rule's outcome and reason, as the CLI gives them`, async () => {
      assert.ok(profile, `no profile named "${name}"`);
      const app = await L.openApp(env, { viewport: { width, height: 900 } });
      try {
        const { page } = app;
        const { final } = await playThrough(pageSurface(page, "bridge"), { choose: chooseFrom(profile.answers) });
        const cli = L.cliScore(QUIZ_FILE, profile.answers);
        assert.equal(final.result.outcome, profile.expect);
        assert.equal(final.result.rule, profile.rule);
        assert.equal(cli.rule, profile.rule);
        await L.waitForIdle(page);
        const layer = await page.evaluate(() => document.getElementById("cr-a11y").textContent.replace(/\s+/g, " "));
        assert.ok(layer.includes(cli.why.replace(/\s+/g, " ")), `the page does not say the CLI's reason: ${cli.why}`);
        await L.screenshotFullPage(page, L.screenshotPath(`advice-${slug}-${width}`));
        L.assertNoProblems(app.problems);
      } finally {
        await app.close();
      }
    });
  }
}
