// Accessibility audit: axe-core (WCAG 2 A and AA rules) over the page and its accessible layer on the start,
// question (with code) and results screens, light and dark, over the canvas and as visible HTML (no WebGL 2).
// Serious or critical findings fail the test.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import * as L from "./lib.mjs";

const AXE = path.join(L.ROOT, "node_modules/axe-core/axe.min.js");
let env;
before(async () => { env = await L.setup(); });
after(async () => { await env?.close(); });

async function audit(page, where) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } }));
  if (process.env.CR_AXE_VERBOSE) console.log(where, result.violations.map((v) => `${v.impact} ${v.id}`));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), [], where);
  return result;
}

// Moves through the quiz with the accessible layer's own commands: the first answer, then Next.
async function answerUntil(page, stop) {
  for (let i = 0; i < 40; i++) {
    const s = await L.state(page);
    if (stop(s)) return s;
    const first = (await L.hits(page)).find((h) => h.id.startsWith("option:") || h.id.startsWith("scale:"));
    if (first && first.id.startsWith("option:")) await page.evaluate((id) => window.crossroads.activate(id), first.id);
    const answered = s.screen === "question" ? s.position : -1;
    await page.evaluate(() => window.crossroads.activate("next"));
    try {
      await L.waitForState(page, (x, n) => x.screen !== "question" || x.position !== n, answered);
    } catch (e) {
      console.log("the quiz did not move on; state and hits:", JSON.stringify(await L.state(page)).slice(0, 400), JSON.stringify(await L.hits(page)).slice(0, 600));
      throw e;
    }
  }
  throw new Error("did not reach the wanted screen");
}

// Over the canvas, and as the visible HTML a browser without WebGL 2 gets (the same layer, drawn).
for (const [colorScheme, html] of [["light", false], ["dark", false], ["light", true], ["dark", true]]) {
  test(`axe finds no serious or critical problems (${colorScheme}${html ? ", without WebGL 2" : ""})`, async () => {
    const app = await L.openApp(env, { colorScheme, onPage: html ? L.withoutWebgl2 : undefined });
    try {
      assert.equal(await app.page.evaluate(() => document.getElementById("cr-root").classList.contains("cr-html")), html);
      const start = await audit(app.page, "start screen");
      assert.ok(start.passes.length > 10, "axe ran its rules");
      await app.page.evaluate(() => window.crossroads.activate("start"));
      await L.waitForScreen(app.page, "question");
      await answerUntil(app.page, (s) => s.question === "take-readiness");
      await app.page.evaluate(() => window.crossroads.activate("option:take-readiness:yes"));
      await answerUntil(app.page, (s) => s.screen === "question" && s.code);
      await audit(app.page, "question with code");
      await answerUntil(app.page, (s) => s.screen === "results");
      await audit(app.page, "results screen");
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
}
