// ?quiz= failures a reader or an editor can meet: a file with a JSON syntax error (a missing comma, comments, curly
// quotes) or a dangling reference shows the validator's line:col messages, with the likely cause in plain words; a
// quiz on another site is refused; a missing file says so. No other console errors.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import * as L from "./lib.mjs";

let env, other;

// A quiz with a JSON syntax error: a comma missing between two keys of the first question.
function syntaxErrorQuiz() {
  const text = fs.readFileSync(path.join(L.ROOT, "content/python-path.json"), "utf8");
  const broken = text.replace(/("id": "background",)/, (m) => m.slice(0, -1));
  assert.notEqual(broken, text, "fixture: could not break content/python-path.json");
  return broken;
}

// A well-formed quiz whose references dangle: a weight for an outcome that does not exist, and a condition on a
// question that does not exist.
function danglingQuiz() {
  const q = L.loadJson("tests/fixtures/mini.json");
  q.sections[0].questions[0].options[2].weights = { "junior": 3 };
  q.sections[0].questions[2].show_if = { question: "wrok", any_of: ["other"] };
  return JSON.stringify(q, null, 2) + "\n";
}

// The validator's own messages for a file, as `crossroads validate` prints them (path relative to the test site).
function validatorErrors(rel) {
  let out = "";
  try {
    execFileSync(L.CLI, ["validate", rel], { cwd: env.site.dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    out = String(e.stdout) + String(e.stderr);
  }
  return out.split("\n").filter((l) => l.includes(": error: "));
}

before(async () => {
  env = await L.setup();
  env.site.put("test-fixtures/broken-syntax.json", syntaxErrorQuiz());
  env.site.put("test-fixtures/dangling.json", danglingQuiz());
  for (const slip of ["json-comments.json", "json-smart-quotes.json"])  // the editors' slips (copies of shared cases)
    env.site.copy(`tests/fixtures/${slip}`, `test-fixtures/${slip}`);
  other = await L.startServer("127.0.0.2");  // another origin on this machine, serving the same files
});
after(async () => {
  await env?.close();
  await other?.close();
});

async function messageOf(page) {
  await page.waitForFunction(() => !document.getElementById("cr-message").hidden);
  return page.evaluate(() => {
    const m = document.getElementById("cr-message");
    const r = m.getBoundingClientRect();
    return { text: m.innerText, visible: r.width > 0 && r.height > 0 && getComputedStyle(m).visibility !== "hidden",
      items: [...m.querySelectorAll("li")].map((li) => li.textContent), top: r.top, bottom: r.bottom, innerHeight };
  });
}

describe("?quiz= errors", () => {
  for (const [file, what] of [["broken-syntax.json", "a JSON syntax error"], ["json-comments.json", "comments"],
    ["json-smart-quotes.json", "curly quotes"], ["dangling.json", "dangling references"]]) {
    test(`a quiz file with ${what} shows the validator's located errors`, async () => {
      const rel = `test-fixtures/${file}`;
      const expected = validatorErrors(rel);
      assert.ok(expected.length > 0, `the CLI finds no error in ${rel}`);
      const app = await L.openApp(env, { query: `?quiz=${rel}` });
      try {
        const { page } = app;
        const s = await L.waitForScreen(page, "error");
        const m = await messageOf(page);
        assert.ok(m.visible, "#cr-message is not visible");
        assert.ok(m.top < m.innerHeight, "#cr-message starts below the first screen");
        assert.match(m.text, /could not be loaded/);
        assert.ok(m.items.length > 0, "no error lines in #cr-message");
        for (const line of m.items) assert.match(line, new RegExp(`^${rel.replace(/[.]/g, "\\.")}:\\d+:\\d+: error: `), `not a located error: ${line}`);
        assert.deepEqual(m.items, expected, "the page must show the validator's messages");
        assert.ok(m.items.every((l) => !/syntax error while parsing/.test(l)), `the JSON library's words: ${m.items}`);
        assert.ok(s.errors.length >= expected.length);
        if (file === "dangling.json") {
          assert.ok(m.items.some((l) => l.includes("'junior'")), "the unknown outcome is named");
          assert.ok(m.items.some((l) => l.includes("'wrok'")), "the unknown question is named");
        }
        // The canvas shows the same problems rather than a quiz: nothing to click but no quiz either.
        assert.ok((await L.hits(page)).every((h) => !/^(start|option:|next)/.test(h.id)), "a quiz is clickable despite the errors");
        L.assertNoProblems(app.problems);
      } finally {
        await app.close();
      }
    });
  }

  test("a quiz on another site is refused with a message, without fetching it", async () => {
    const url = `${other.origin}/content/python-path.json`;
    const requested = [];
    const app = await L.openApp(env, { query: `?quiz=${encodeURIComponent(url)}`,
      onPage: (page) => page.on("request", (r) => { if (r.url().startsWith(other.origin)) requested.push(r.url()); }) });
    try {
      const { page } = app;
      const m = await messageOf(page);
      assert.ok(m.visible);
      assert.match(m.text, /could not be loaded/);
      assert.ok(m.items.some((l) => l.includes(url)), `the refused address is named: ${m.items}`);
      assert.match(m.text, /on this site/);
      assert.deepEqual(requested, [], "the other site was contacted");
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });

  test("a missing quiz file (404) shows a message; the 404 is the only console error", async () => {
    const rel = "test-fixtures/missing.json";
    const expected404 = (p) => (p.kind === "http" && p.status === 404 && p.url.endsWith(rel)) ||
      (p.kind === "console" && /status of 404/.test(p.text) && (p.url === "" || p.url.endsWith(rel)));
    const seen404 = [];
    const app = await L.openApp(env, { query: `?quiz=${rel}`, allow: (p) => expected404(p) && seen404.push(p) });
    try {
      const { page } = app;
      const m = await messageOf(page);
      assert.ok(m.visible);
      assert.match(m.text, /could not be loaded/);
      assert.ok(m.items.some((l) => l.includes("404") && l.includes(rel)), `the message names the 404 and the file: ${m.items}`);
      assert.ok(seen404.some((p) => p.kind === "http"), "the 404 response was not seen");
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  });

  test("when the requested quiz cannot be had, the built-in quiz is not offered in its place", async () => {
    const allow = (p) => (p.kind === "http" && p.status === 404) || (p.kind === "console" && /status of 404/.test(p.text));
    for (const query of [`?quiz=${encodeURIComponent(`${other.origin}/content/python-path.json`)}`, "?quiz=test-fixtures/missing.json"]) {
      const app = await L.openApp(env, { query, allow });
      try {
        await messageOf(app.page);
        await assertNoQuizInItsPlace(app.page, query);
        L.assertNoProblems(app.problems);
      } finally {
        await app.close();
      }
    }
  });
});

async function assertNoQuizInItsPlace(page, query) {
  const shown = await page.evaluate(() => {
    const c = document.getElementById("cr-canvas");
    const r = c.getBoundingClientRect();
    return r.height > 0 && getComputedStyle(c).visibility !== "hidden" && getComputedStyle(c).display !== "none";
  });
  const hits = await L.hits(page);
  const playable = shown && hits.some((h) => h.id === "start" || h.id.startsWith("option:"));
  assert.ok(!playable, `${query}: the built-in quiz is shown with "Start the quiz" above the "could not be loaded" ` +
    "message, as if it were the requested one");
}
