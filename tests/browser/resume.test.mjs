// Progress and share links with real canvas clicks: resume after reload (continue / start fresh), unreadable and blocked
// localStorage, a share link that reopens the same result in a new browser context, and share links that can never
// touch the reader's own saved progress (refused ones explained on the canvas, valid ones shown apart and asked about).
// Two quiz files with the same id and version keep their progress apart, and progress saved before the key had the
// quiz's shape is taken over by the quiz it fits (issue 23).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { assertNoProblems, findHit, hits, loadJson, screenshotFullPage, screenshotPath, setup, state, waitForState, watchProblems } from "./lib.mjs";
import { STEP, until, waitReady } from "./embed-lib.mjs";
import { answerCurrent, click, next, pageSurface, playThrough } from "./play.mjs";

const fnv1a = (text) => {
  let h = 2166136261;
  for (const c of Buffer.from(text)) h = Math.imul(h ^ c, 16777619) >>> 0;
  return h;
};

// Where a quiz's progress is kept: its id, version and shape (cr::quiz_shape, written out here: FNV-1a over
// "question:type:option,option;" for each question in order, as 8 hex digits). OLD_KEY is the key before the shape.
const OLD_KEY = (quiz) => `crossroads:${quiz.id}:${quiz.version}`;
function progressKey(quiz) {
  let shape = "";
  for (const section of quiz.sections)
    for (const q of section.questions)
      shape += `${q.id}:${q.type}:${(q.type === "true_false" ? ["true", "false"] : (q.options || []).map((o) => o.id)).join(",")};`;
  return `${OLD_KEY(quiz)}:${fnv1a(shape).toString(16).padStart(8, "0")}`;
}

const PATH_QUIZ = loadJson("content/python-path.json");
const VERSION = PATH_QUIZ.version;
const KEY = progressKey(PATH_QUIZ);

// Two quizzes with the same id and version and different questions, as two files of one site.
const TWIN_A = { ...loadJson("tests/fixtures/mini.json"), id: "twin", version: 1 };
const TWIN_B = { ...loadJson("tests/fixtures/one-question.json"), id: "twin", version: 1 };
const twinUrl = (name) => `/index.html?quiz=test-fixtures/${name}.json`;

// Re-signs a share code after a change (the codec's FNV-1a checksum in base 36), so a test can make links that are
// well-formed but refused for what they say: another version, another quiz.
function resign(code) {
  const body = code.slice(0, code.lastIndexOf("."));
  return body + "." + fnv1a(body).toString(36);
}

describe("resume and share", () => {
  let env;
  before(async () => {
    env = await setup();
    for (const [name, quiz] of [["twin-a", TWIN_A], ["twin-b", TWIN_B]]) env.site.put(`test-fixtures/${name}.json`, JSON.stringify(quiz, null, 2));
  });
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

  // A browser that refuses the clipboard (an iframe without clipboard-write, a denied permission): the page said
  // "Share link copied" all the same, and the reader pasted nothing.
  test("a copy the browser refuses is not confirmed: the notice gives the share link to copy by hand", async () => {
    const refuse = () => {
      Object.defineProperty(navigator, "clipboard", { configurable: true,
        value: { writeText: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")) } });
      document.execCommand = () => false;
    };
    const a = await open({ init: refuse });
    try {
      await playThrough(a.surface);
      await click(a.surface, "share");
      const s = await waitForState(a.page, (s) => s.status !== "");
      assert.doesNotMatch(s.status, /copied/i);
      const link = /(http\S+#s=\S+)$/.exec(s.status)?.[1];
      assert.ok(link && link.startsWith(env.origin + "/"), `no share link in the notice: ${s.status}`);
      // What a screen reader and a reader selecting text get: the same notice, link included, in the text layer.
      await until(async () => (await a.page.locator("#cr-a11y").textContent()).includes(link), "the link in the text layer");
      await click(a.surface, "copy");
      assert.match((await waitForState(a.page, (s) => !s.status.includes(link))).status, /select the text on this page/i);
      assertNoProblems(a.problems);
    } finally {
      await a.context.close();
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
      assert.match(s.notice, /could not be opened/);
      assert.equal(s.resume_offered, false);
      await findHit(c.page, "start");
      assertNoProblems(c.problems);
    } finally {
      await c.context.close();
    }
  });

  // Plays the path quiz to its results in a fresh context and returns the share link it copies.
  async function makeShareLink() {
    const a = await open({ permissions: ["clipboard-read", "clipboard-write"] });
    try {
      const { final } = await playThrough(a.surface);
      await click(a.surface, "share");
      await waitForState(a.page, (s) => /share link copied/i.test(s.status));
      const link = await until(async () => {
        const t = await a.page.evaluate(() => navigator.clipboard.readText().catch(() => ""));
        return t.includes("#s=") ? t : null;
      }, "the share link on the clipboard");
      assertNoProblems(a.problems);
      return { link, final };
    } finally {
      await a.context.close();
    }
  }

  // A reader with three answers saved; returns the page and the stored progress.
  async function readerWithProgress() {
    const r = await open();
    await click(r.surface, "start");
    for (let i = 0; i < 3; i++) {
      await answerCurrent(r.surface);
      await next(r.surface);
    }
    const saved = await until(() => r.page.evaluate((k) => localStorage.getItem(k), KEY), "saved progress");
    return { ...r, saved };
  }

  async function openLink(page, url) {
    await page.goto("about:blank");
    await page.goto(url, { waitUntil: "load" });
    await waitReady(page);
    return waitForState(page, (s) => s.screen !== "error");
  }

  test("a share link that cannot be opened is explained on the canvas and never touches saved progress", async () => {
    const { link } = await makeShareLink();
    const [base, code] = link.split("#s=");
    const parts = code.split(".");
    const bad = {
      truncated: code.slice(0, Math.floor(code.length * 0.6)),
      damaged: code.slice(0, -1) + (code.endsWith("1") ? "2" : "1"),
      "newer version": resign([parts[0], parts[1], String(VERSION + 1), ...parts.slice(3)].join(".")),
      "another quiz": resign([parts[0], "python-readiness", ...parts.slice(2)].join(".")),
    };
    const r = await readerWithProgress();
    try {
      const plain = await openLink(r.page, base);
      const plainTop = (await findHit(r.page, "resume")).y;
      for (const [what, fragment] of Object.entries(bad)) {
        const s = await openLink(r.page, base + "#s=" + fragment);
        assert.equal(s.screen, "start", what);
        assert.match(s.notice, /could not be opened/, `${what}: no notice`);
        assert.equal(s.resume_offered, true, `${what}: the reader's own progress is no longer offered`);
        assert.equal(await r.page.evaluate((k) => localStorage.getItem(k), KEY), r.saved, `${what}: saved progress changed`);
        assert.equal(await r.page.evaluate(() => location.hash), "", `${what}: the fragment stayed in the address bar`);
        // Drawn where a sighted reader sees it: the notice card pushes the start screen's buttons down.
        assert.ok((await findHit(r.page, "resume")).y > plainTop + 30, `${what}: the notice is not drawn on the canvas`);
        if (what === "newer version") {
          assert.match(s.notice, /newer version/, s.notice);
          await screenshotFullPage(r.page, screenshotPath("share-link-refused"));
        }
      }
      assert.equal(plain.notice, "");
      assertNoProblems(r.problems);
    } finally {
      await r.context.close();
    }
  });

  test("a valid share link is shown apart: never saved over the reader's progress, asked about before it is", async () => {
    const { link, final } = await makeShareLink();
    const r = await readerWithProgress();
    try {
      let s = await openLink(r.page, link);
      assert.equal(s.screen, "results");
      assert.equal(s.shared, true);
      assert.deepEqual(s.answers, final.answers);
      assert.equal(await r.page.evaluate(() => location.hash), "", "the fragment stayed in the address bar");
      assert.equal(await r.page.evaluate((k) => localStorage.getItem(k), KEY), r.saved, "the shared result was saved");
      await findHit(r.page, "leave");
      await screenshotFullPage(r.page, screenshotPath("share-link-shared-view"));

      // A reload shows the reader's own progress again.
      s = await reload(r.page);
      assert.equal(s.shared, false);
      assert.equal(s.resume_offered, true, "a reload snapped back to the shared answers");

      // Changing an answer in the shared view asks first; nothing is saved until the reader says yes.
      s = await openLink(r.page, link);
      await click(r.surface, "back");
      s = await waitForState(r.page, (s) => s.screen === "question");
      const h = (await hits(r.page)).find((x) => x.id.startsWith(`option:${s.question}:`) && !x.selected);
      assert.ok(h, "no other answer to pick");
      await click(r.surface, h.id);
      s = await waitForState(r.page, (s) => s.adopt_offered);
      await findHit(r.page, "adopt");
      assert.equal(await r.page.evaluate((k) => localStorage.getItem(k), KEY), r.saved, "changed shared answers were saved unasked");
      await click(r.surface, "leave");
      s = await waitForState(r.page, (s) => !s.shared);
      assert.equal(s.resume_offered, true);
      assert.equal(await r.page.evaluate((k) => localStorage.getItem(k), KEY), r.saved);

      // Saying yes makes them the reader's own.
      await openLink(r.page, link);
      await click(r.surface, "back");
      s = await waitForState(r.page, (s) => s.screen === "question");
      const other = (await hits(r.page)).find((x) => x.id.startsWith(`option:${s.question}:`) && !x.selected);
      await click(r.surface, other.id);
      await waitForState(r.page, (s) => s.adopt_offered);
      await click(r.surface, "adopt");
      s = await waitForState(r.page, (s) => !s.shared);
      const stored = await until(() => r.page.evaluate(({ k, old }) => {
        const v = localStorage.getItem(k);
        return v !== old ? v : null;
      }, { k: KEY, old: r.saved }), "the adopted answers to be saved");
      assert.ok(stored.startsWith(`cr1.python-path.${VERSION}.`));
      assertNoProblems(r.problems);
    } finally {
      await r.context.close();
    }
  });

  // Answers the first question of the quiz on screen and goes on; returns the state once it is saved under `key`.
  async function answerFirst(r, key) {
    await click(r.surface, "start");
    await answerCurrent(r.surface);
    const s = await next(r.surface);
    return { ...s, saved: await until(() => stored(r.page, key), `progress to be saved under ${key}`) };
  }

  const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

  // The reader opens the second twin, where nothing of the first is offered, and answers its first question.
  async function answerSecondTwin(r) {
    const s = await openLink(r.page, env.origin + twinUrl("twin-b"));
    assert.equal(s.resume_offered, false, "the second quiz offered the first one's progress");
    await answerFirst(r, progressKey(TWIN_B));
  }

  // The reader opens the first twin again and continues: the answers in `first` come back.
  async function resumeFirstTwin(r, first) {
    const offer = await openLink(r.page, env.origin + twinUrl("twin-a"));
    assert.equal(offer.resume_offered, true, "the first quiz's progress is not offered");
    await click(r.surface, "resume");
    const s = await waitForState(r.page, (s) => s.screen === "question");
    assert.equal(s.question, first.question);
    assert.deepEqual(s.answers, first.answers, "the first quiz's answers were not restored");
  }

  test("progress saved under the key without the shape is taken over by the quiz it fits, and left to its own quiz", async () => {
    const r = await open({ url: twinUrl("twin-a") });
    try {
      // What an earlier deployment saved for the first quiz, under crossroads:ID:VERSION alone.
      const first = await answerFirst(r, progressKey(TWIN_A));
      await r.page.evaluate(({ from, to }) => {
        localStorage.setItem(to, localStorage.getItem(from));
        localStorage.removeItem(from);
      }, { from: progressKey(TWIN_A), to: OLD_KEY(TWIN_A) });

      // The other quiz with that id and version cannot read it: it neither offers, moves nor saves over it.
      await answerSecondTwin(r);
      assert.equal(await stored(r.page, OLD_KEY(TWIN_A)), first.saved, "the other quiz touched the earlier progress");

      // The quiz it fits takes it over.
      await resumeFirstTwin(r, first);
      assert.equal(await stored(r.page, progressKey(TWIN_A)), first.saved, "the earlier progress is not under the new key");
      assert.equal(await stored(r.page, OLD_KEY(TWIN_A)), null, "the earlier progress was left under the old key too");
      assertNoProblems(r.problems);
    } finally {
      await r.context.close();
    }
  });
});
