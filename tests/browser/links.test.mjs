// Links a reader can click (issue 23): halves of a link typed into titles, labels, prompts, band titles and a
// "strings" template (tests/fixtures/link-trap.json, which validate accepts) never become an <a>, on any screen,
// also with &links=top; a "strings" value with a javascript: address is refused with the located message; a
// click on the result's reason runs nothing. Every <a> the page ever makes is watched from before it loads.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import * as L from "./lib.mjs";
import { chooseFrom, pageSurface, playThrough } from "./play.mjs";

const TRAP = JSON.parse(fs.readFileSync(path.join(L.ROOT, "tests/fixtures/link-trap.json"), "utf8"));

let env;
before(async () => {
  env = await L.setup();
  env.site.put("test-fixtures/link-trap.json", JSON.stringify(TRAP, null, 2));
  const strings = { ...TRAP, strings: { Highest: "[{0}](javascript:void(document.title='pwned')) scored highest with {1}." } };
  env.site.put("test-fixtures/link-strings.json", JSON.stringify(strings, null, 2));
});
after(async () => { await env?.close(); });

// Records, from before the page's own scripts run, the address of every <a> that is ever in the document.
function watchLinks(page) {
  return page.addInitScript(() => {
    window.__links = [];
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1) continue;
          for (const a of [n, ...n.querySelectorAll("a")]) if (a.tagName === "A") window.__links.push(a.getAttribute("href") || "");
        }
    }).observe(document, { childList: true, subtree: true });
  });
}
const links = (page) => page.evaluate(() => window.__links);
const badLinks = async (page) => (await links(page)).filter((h) => !/^(https?:\/\/|mailto:)./.test(h));

for (const answers of ["q=x,r=u,m=first+second", "q=y,r=w,m=third"]) {
  test(`halves of a link in a quiz's values never make one, on any screen (${answers})`, async () => {
    const app = await L.openApp(env, { query: "?quiz=test-fixtures/link-trap.json&links=top", onPage: watchLinks });
    try {
      const { page } = app;
      await playThrough(pageSurface(page, "bridge"), { choose: chooseFrom(answers) });
      for (const item of (await page.evaluate(() => window.crossroads.scene())).items.filter((x) => x.role === "disclosure")) {
        await page.evaluate((id) => window.crossroads.activate(id), item.id);
        await L.waitForIdle(page);
      }
      const layer = await page.evaluate(() => document.getElementById("cr-a11y").textContent);
      assert.ok(layer.includes("javascript:void(document.title='pwned'))"), "the values are shown as the text they are");
      assert.ok(layer.includes("[first, ](javascript"), "the review joins the two right answers as text");
      assert.deepEqual(await badLinks(page), []);
      // The repro: a click on the first words of the result's reason.
      const box = await page.evaluate(() => {
        const run = [...document.querySelectorAll("#cr-a11y .cr-run")].find((s) => s.textContent.includes("scored highest"));
        const r = run.getBoundingClientRect();
        return { x: r.left + 4, y: r.top + r.height / 2 };
      });
      await page.mouse.click(box.x, box.y);
      await L.waitForIdle(page);
      assert.notEqual(await page.title(), "pwned");
      assert.ok(page.url().includes("link-trap.json"), "the click navigated away");
      if (answers.startsWith("q=x")) await page.screenshot({ path: L.screenshotPath("links-trap-result"), fullPage: true });
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
}

test("a strings value with a javascript: address is refused where it is, and the error screen links nothing", async () => {
  const app = await L.openApp(env, { query: "?quiz=test-fixtures/link-strings.json&links=top", onPage: watchLinks });
  try {
    const { page } = app;
    await L.waitForScreen(page, "error");
    await page.waitForFunction(() => !document.getElementById("cr-message").hidden);
    const text = await page.evaluate(() => document.getElementById("cr-message").textContent + document.getElementById("cr-a11y").textContent);
    assert.match(text, /link-strings\.json:\d+:\d+: error: strings\.Highest: the link address 'javascript:void\(document\.title='pwned'\)' cannot be opened/);
    assert.deepEqual(await badLinks(page), []);
  } finally {
    await app.close();
  }
});
