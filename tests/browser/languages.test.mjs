// Any quiz, any language: a quiz on another topic (data analyst or data scientist, tests/fixtures/data-path*.json)
// runs in English and in German with no word of the Python article anywhere on screen; the German one shows no
// English widget words and the page says lang="de". Screenshots: build/screenshots/languages-*.png.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as L from "./lib.mjs";
import { chooseFrom, pageSurface, playThrough } from "./play.mjs";

const ANSWERS = "enjoy=models,statistics=9,queries=often,take-check=yes,mean-median=true,correlation=related,join=left";
// Words of the article the engine must never show on another topic's quiz.
const ARTICLE = /python|internship|junior|salary|readiness|double application/i;
// The English widget's own words (src/core/catalogue.h) that a German quiz must show in German.
const ENGLISH = ["Start the quiz", "Question 1 of", "See my result", "Our suggestion for you", "Why this result",
                 "Copy my result", "Copy share link", "Change answers", "Start over", "What would change your result"];

let env;
before(async () => {
  env = await L.setup();
  for (const f of ["data-path.json", "data-path.de.json"]) env.site.copy(`tests/fixtures/${f}`, `test-fixtures/${f}`);
});
after(async () => { await env?.close(); });

const sceneText = (page) => page.evaluate(() => window.crossroads.scene().items
  .map((i) => [i.name || "", ...(i.runs || []).map((r) => r.text)].join(" ")).join("\n"));

for (const [lang, file] of [["en", "data-path.json"], ["de", "data-path.de.json"]]) {
  test(`the data quiz in ${lang}: every screen in its language, no word of the article`, async () => {
    const app = await L.openApp(env, { viewport: { width: 800, height: 900 }, query: `?quiz=test-fixtures/${file}` });
    try {
      const { page } = app;
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      const seen = [await sceneText(page)];
      await page.screenshot({ path: L.screenshotPath(`languages-${lang}-start`), fullPage: true });
      const surface = pageSurface(page, "bridge");
      const { final } = await playThrough(surface, { choose: chooseFrom(ANSWERS), until: "statistics" });
      seen.push(await sceneText(page));
      await page.screenshot({ path: L.screenshotPath(`languages-${lang}-question`), fullPage: true });
      assert.equal(final.question, "statistics");
      const done = (await playThrough(surface, { choose: chooseFrom(ANSWERS) })).final;
      assert.equal(done.screen, "results");
      // Open every row, so what they hide is read too.
      for (const item of (await page.evaluate(() => window.crossroads.scene())).items.filter((x) => x.role === "disclosure")) {
        await page.evaluate((id) => window.crossroads.activate(id), item.id);
        await L.waitForIdle(page);
      }
      seen.push(await sceneText(page));
      await page.screenshot({ path: L.screenshotPath(`languages-${lang}-result`), fullPage: true });
      const all = seen.join("\n");
      assert.doesNotMatch(all, ARTICLE, "a word of the Python article is on screen");
      if (lang === "de") {
        for (const words of ENGLISH) assert.ok(!all.includes(words), `English on the German quiz: "${words}"`);
        assert.doesNotMatch(all, /\b(True|False)\b/, "a true/false answer is labelled in English");
      }
      else for (const words of ["Start the quiz", "Why this result"]) assert.ok(all.includes(words), `"${words}" missing`);
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });
}

// The page's own words (src/core/catalogue.h, written in by scripts/assemble.py) are those of the quiz shown.
test("a page built for a German quiz (lang=\"de\") says in German that a quiz could not be loaded", async () => {
  const context = await env.browser.newContext({ viewport: { width: 800, height: 900 }, colorScheme: "light" });
  try {
    // The shipped quiz is English; its page, as assemble.py writes it for a German one, says lang="de".
    await L.routeChanged(context, /\/(index\.html)?(\?.*)?$/, async (response) => {
      const html = (await response.text()).replace('<html lang="en">', '<html lang="de">');
      assert.ok(html.includes('<html lang="de">'));
      return { response, body: html };
    });
    const page = await context.newPage();
    const problems = L.watchProblems(page, (e) => /no-such-quiz/.test(e.url || "") || /404/.test(e.text));
    await page.goto(env.origin + "/?quiz=test-fixtures/no-such-quiz.json", { waitUntil: "load" });
    const message = page.locator("#cr-message");
    await message.waitFor({ state: "visible" });
    assert.equal(await message.locator("h2").innerText(), "Dieses Quiz konnte nicht geladen werden");
    assert.match(await message.innerText(), /der Server antwortete 404/);
    await page.screenshot({ path: L.screenshotPath("languages-de-not-loaded"), fullPage: true });
    L.assertNoProblems(problems);
  } finally {
    await context.close();
  }
});
