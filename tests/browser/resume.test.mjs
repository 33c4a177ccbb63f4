// Progress and share links with real canvas clicks: resume after reload (continue / start fresh), corrupt and blocked
// localStorage, a share link that reopens the same result in a new browser context, and a damaged share link.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { assertNoProblems, findHit, hits, setup, state, waitForState, watchProblems } from "./lib.mjs";
import { STEP, answerCurrent, click, next, pageSurface, playThrough, until, waitReady } from "./embed-lib.mjs";

const KEY = "crossroads:python-path:1";

describe("resume and share", () => {
  let env;
  before(async () => { env = await setup(); });
  after(async () => { await env?.close(); });

  // A fresh context and page on index.html (or `url`), with an optional init script, watched for problems.
  async function open({ url = "/index.html", init = null, initArg = null, permissions = [] } = {}) {
    const context = await env.browser.newContext({ viewport: { width: 1100, height: 800 }, colorScheme: "light" });
    if (permissions.length) await context.grantPermissions(permissions, { origin: env.origin });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    const problems = watchProblems(page);
    if (init) await page.addInitScript(init, initArg);
    await page.goto(url.startsWith("http") ? url : env.origin + url, { waitUntil: "load" });
    await waitReady(page);
    return { context, page, problems, surface: pageSurface(page) };
  }

  async function reload(page) {
    await page.reload({ waitUntil: "load" });
    await waitReady(page);
    return waitForState(page, (s) => s.screen !== "error");
  }

  test("after a reload the start screen offers to continue; continue restores, start fresh forgets", async () => {
    const { context, page, problems, surface } = await open();
    try {
      await click(surface, "start");
      await answerCurrent(surface);
      await next(surface);
      await answerCurrent(surface);
      const third = await next(surface);
      assert.equal(third.screen, "question");
      assert.equal(third.position, 3);
      assert.equal(Object.keys(third.answers).length, 2);
      assert.ok(await page.evaluate((k) => localStorage.getItem(k), KEY), "progress was not saved");

      let s = await reload(page);
      assert.equal(s.screen, "start");
      assert.equal(s.resume_offered, true, "no resume offered after a reload");
      await findHit(page, "discard");
      const ids = (await hits(page)).map((h) => h.id);
      assert.ok(ids.includes("resume") && ids.includes("discard"), `hits: ${ids}`);
      assert.ok(!ids.includes("start"), "the plain start button is shown beside the resume offer");

      await click(surface, "resume");
      s = await waitForState(page, (s) => s.screen === "question");
      assert.equal(s.resume_offered, false);
      assert.equal(s.question, third.question, "resumed on another question");
      assert.equal(s.position, 3);
      assert.deepEqual(s.answers, third.answers, "answers were not restored");

      s = await reload(page);
      assert.equal(s.resume_offered, true, "resume not offered again after continuing and reloading");
      await click(surface, "discard");
      s = await waitForState(page, (s) => !s.resume_offered);
      assert.equal(s.screen, "start");
      assert.deepEqual(s.answers, {});
      await findHit(page, "start");
      await until(() => page.evaluate((k) => localStorage.getItem(k) === null, KEY), "the saved progress to be removed");
      s = await reload(page);
      assert.equal(s.resume_offered, false, "resume offered again after 'Start fresh'");
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test("corrupt saved progress: no offer, no console error, the key is removed", async () => {
    // Seeded before the app's scripts run, on the first load only (the key must be gone after it).
    const { context, page, problems } = await open({
      initArg: KEY,
      init: (key) => {
        if (!sessionStorage.getItem("__seeded")) {
          localStorage.setItem(key, "garbage");
          sessionStorage.setItem("__seeded", "1");
        }
      },
    });
    try {
      const s = await waitForState(page, (s) => s.screen !== "error");
      assert.equal(s.screen, "start");
      assert.equal(s.resume_offered, false, "corrupt progress was offered for resuming");
      assert.equal(s.status, "");
      await findHit(page, "start");
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null, "the corrupt entry was kept");
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test("blocked localStorage: the quiz still works through to a result", async () => {
    const { context, page, problems, surface } = await open({
      init: () => {
        Object.defineProperty(window, "localStorage", {
          configurable: true,
          get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
        });
      },
    });
    try {
      assert.equal(await page.evaluate(() => { try { return !!window.localStorage; } catch (e) { return e.name; } }), "SecurityError");
      const { final } = await playThrough(surface);
      assert.equal(final.screen, "results");
      assert.ok(final.result && final.result.outcome, "no outcome");
      const s = await reload(page);
      assert.equal(s.screen, "start");
      assert.equal(s.resume_offered, false);
      assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test("a share link reopens the same result in a new context; a damaged one says it could not be opened", async () => {
    const a = await open({ permissions: ["clipboard-read", "clipboard-write"] });
    let link;
    let final;
    try {
      ({ final } = await playThrough(a.surface));
      await click(a.surface, "share");
      await waitForState(a.page, (s) => /share link copied/i.test(s.status));
      link = await until(async () => {
        const t = await a.page.evaluate(() => navigator.clipboard.readText().catch(() => ""));
        return t.includes("#s=") ? t : null;
      }, "the share link on the clipboard");
      assert.ok(link.startsWith(env.origin + "/"), `link ${link} is not on this site`);
      assert.match(link, /#s=[A-Za-z0-9._~-]+$/);
      assertNoProblems(a.problems);
    } finally {
      await a.context.close();
    }

    const b = await open({ url: link });
    try {
      const s = await waitForState(b.page, (s) => s.screen === "results");
      assert.equal(s.result.outcome, final.result.outcome);
      assert.deepEqual(s.result.totals, final.result.totals);
      assert.deepEqual(s.answers, final.answers);
      await findHit(b.page, "restart");
      assertNoProblems(b.problems);
    } finally {
      await b.context.close();
    }

    // One character of the payload changed (a letter or digit in the middle, keeping the dots in place).
    const [base, payload] = link.split("#s=");
    let i = Math.floor(payload.length / 2);
    while (!/[a-z0-9]/.test(payload[i])) i++;
    const damaged = base + "#s=" + payload.slice(0, i) + (payload[i] === "1" ? "2" : "1") + payload.slice(i + 1);
    const c = await open({ url: damaged });
    try {
      const s = await state(c.page);
      assert.equal(s.screen, "start");
      assert.match(s.status, /could not be opened/);
      assert.equal(s.resume_offered, false);
      await findHit(c.page, "start");
      assertNoProblems(c.problems);
    } finally {
      await c.context.close();
    }
  });
});
