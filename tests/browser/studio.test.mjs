// The studio (dist/studio.html): a mistake typed in the quiz editor is marked at validate's line with validate's
// message, under the documented strict CSP; fixing it updates the live quiz in place; the reader profiles run on each
// change and a changed weight breaks them; a reload keeps the work, and without storage the studio says so; and the
// page works from file:// too. Every wait is on the page: lint markers, the frame's widget state, the status line.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as L from "./lib.mjs";
import { STEP, until } from "./embed-lib.mjs";

const EXAMPLE = fs.readFileSync(path.join(L.ROOT, "content/python-path.json"), "utf8");
const TITLE_LINE = EXAMPLE.split("\n").findIndex((l) => l.startsWith('  "title": ')) + 1;

// What `crossroads validate` says (on stderr) about `text` saved as `name` (quiz.json: the studio's name for an
// unsaved quiz).
function validate(text, name = "quiz.json") {
  const dir = L.tempDir("crossroads-studio-");
  try {
    fs.writeFileSync(path.join(dir, name), text);
    return spawnSync(L.CLI, ["validate", name], { cwd: dir, encoding: "utf8" }).stderr.trim().split("\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const editor = (page) => page.locator("#st-quiz-editor .cm-content");
const widget = (page) => page.frame({ url: /[?&]studio=1/ });
const texts = (page) => page.evaluate(() => JSON.parse(document.getElementById("st-texts").textContent));

// Puts `text` in place of line `n` of the quiz editor, as typed (without the auto-closed brackets of single keys).
async function replaceLine(page, n, text) {
  await editor(page).click();
  await page.keyboard.press("Control+Home");
  for (let i = 1; i < n; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("Shift+Home");  // the first press stops after the indentation
  await page.keyboard.insertText(text);
}

// The line numbers beside the error markers in the lint gutter, read from where they are drawn.
const markedLines = (page) => page.evaluate(() => {
  const root = document.getElementById("st-quiz-editor").shadowRoot;
  const numbers = [...root.querySelectorAll(".cm-lineNumbers .cm-gutterElement")];
  return [...root.querySelectorAll(".cm-lint-marker-error")].map((m) => {
    const top = m.closest(".cm-gutterElement").getBoundingClientRect().top;
    const row = numbers.find((e) => Math.abs(e.getBoundingClientRect().top - top) < 2);
    return row ? Number(row.textContent) : null;
  });
});

// The message of the error marked in the quiz editor's gutter, as its tooltip shows it on hover.
async function markedMessage(page) {
  await page.mouse.move(0, 0);  // away from any marker: the tooltip shown next is that of the marker hovered now
  await page.locator("#st-quiz-editor .cm-tooltip-lint").waitFor({ state: "detached" });
  await page.locator("#st-quiz-editor .cm-lint-marker-error").first().hover();
  return page.locator("#st-quiz-editor .cm-tooltip-lint .cm-diagnosticText").first().innerText();
}

// Waits until the live quiz's widget is ready and its state satisfies `predicate`; returns that state.
async function frameState(page, predicate) {
  return until(async () => {
    const frame = widget(page);
    const s = frame && await frame.evaluate(() => window.crossroads && window.crossroads.ready && window.crossroads.state()).catch(() => null);
    return s && predicate(s) ? s : null;
  }, "the live quiz's state");
}

describe("studio", () => {
  let env;
  before(async () => { env = await L.setup(); });
  after(async () => { await env?.close(); });

  test("a typed mistake is located with validate's message; the fix updates the live quiz in place; a reload keeps it", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
    await L.withCsp(context, L.documentedCsp(), /\.html(\?.*)?$/);
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
    });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    const problems = L.watchProblems(page);
    try {
      await page.goto(env.origin + "/studio.html", { waitUntil: "load" });
      const words = await texts(page);
      await page.locator("#st-quiz-status", { hasText: words.ok }).waitFor();
      const title = JSON.parse(EXAMPLE).title;
      await frameState(page, (s) => s.title === title);
      const frame = widget(page);
      await frame.evaluate(() => window.crossroads.command("start"));
      const reading = await frameState(page, (s) => s.screen === "question");

      // A missing comma after the title.
      const broken = EXAMPLE.split("\n");
      broken[TITLE_LINE - 1] = broken[TITLE_LINE - 1].replace(/,$/, "");
      const expected = validate(broken.join("\n")).filter((l) => l.includes(": error: "));
      assert.equal(expected.length, 1, expected.join("\n"));
      const [, line, , message] = /^quiz\.json:(\d+):(\d+): error: (.*)$/.exec(expected[0]);
      await replaceLine(page, TITLE_LINE, broken[TITLE_LINE - 1].trim());
      await page.locator("#st-quiz-editor .cm-lint-marker-error").waitFor();
      assert.deepEqual(await markedLines(page), [Number(line)]);
      await page.locator("#st-quiz-editor .cm-lint-marker-error").hover();
      assert.equal(await page.locator("#st-quiz-editor .cm-tooltip-lint .cm-diagnosticText").innerText(), message);
      await frame.locator("#cr-message").waitFor({ state: "visible" });  // the live quiz shows the problem too
      // The profiles say they wait for the quiz, rather than show results of the version before the mistake.
      await page.locator("#st-results", { hasText: words.profilesWaiting }).waitFor();

      // Fixed, with a new title: the live quiz follows and keeps the reader's question.
      await replaceLine(page, TITLE_LINE, '"title": "Studio test title",');
      const s = await frameState(page, (s) => s.title === "Studio test title");
      assert.equal(s.screen, "question");
      assert.equal(s.question, reading.question, "the live quiz lost the reader's question");
      await page.locator("#st-quiz-status", { hasText: words.ok }).waitFor();
      assert.equal(await page.locator("#st-quiz-editor .cm-lint-marker-error").count(), 0);
      // The reader profiles run against the quiz: all hold; a weight changed breaks some, and they say how.
      const total = JSON.parse(fs.readFileSync(path.join(L.ROOT, "tests/content/python-path.profiles.json"), "utf8")).profiles.length;
      const summary = (held) => words.profilesSummary.replace("{held}", held).replace("{total}", total);
      await page.locator("#st-results", { hasText: summary(total) }).waitFor();
      const weightLine = EXAMPLE.split("\n").findIndex((l, i, all) => all[i - 3]?.includes('"id": "none",') && l.includes('"internship": 3')) + 1;
      await replaceLine(page, weightLine, '"internship": -30');
      await page.locator("#st-results .st-fail").first().waitFor();
      const failing = await page.locator("#st-results .st-fail").allInnerTexts();
      assert.ok(failing.length > 0 && failing.every((t) => /expected \S+, got \S+/.test(t)), failing.join("\n"));
      await page.locator("#st-results", { hasText: summary(total - failing.length) }).waitFor();
      // However many fail, the profiles editor keeps room for a few lines: the results scroll instead.
      const room = await page.locator("#st-profiles-editor").boundingBox();
      assert.ok(room.height >= 80, `the profiles editor shrank to ${room.height} px`);
      await replaceLine(page, weightLine, '"internship": 3');
      await page.locator("#st-results", { hasText: summary(total) }).waitFor();

      // The work survives a reload.
      await page.reload({ waitUntil: "load" });
      await editor(page).getByText('"title": "Studio test title",').waitFor();
      await frameState(page, (s) => s.title === "Studio test title");
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      L.assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test("the editors' JSON slips get validate's plain words in the problems panel and the live quiz; the count has plural forms", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    const problems = L.watchProblems(page);
    const status = page.locator("#st-quiz-status");
    try {
      await page.goto(env.origin + "/studio.html", { waitUntil: "load" });
      await page.locator("#st-quiz-status", { hasText: (await texts(page)).ok }).waitFor();
      const missingComma = EXAMPLE.split("\n").map((l, i) => (i === TITLE_LINE - 1 ? l.replace(/,$/, "") : l)).join("\n");
      const slips = [
        ["json-comments.json", fs.readFileSync(path.join(L.ROOT, "tests/fixtures/json-comments.json"), "utf8")],
        ["json-smart-quotes.json", fs.readFileSync(path.join(L.ROOT, "tests/fixtures/json-smart-quotes.json"), "utf8")],
        ["missing-comma.json", missingComma],
      ];
      for (const [name, text] of slips) {
        const expected = validate(text, name);
        assert.equal(expected.length, 1, expected.join("\n"));
        const [, line, , message] = new RegExp(`^${name.replace(/\./g, "\\.")}:(\\d+):(\\d+): error: (.*)$`).exec(expected[0]);
        assert.doesNotMatch(message, /syntax error while parsing/, "validate gives the JSON library's words");
        await page.setInputFiles("#st-quiz-open", { name, mimeType: "application/json", buffer: Buffer.from(text) });
        // The live quiz lists validate's line in place of the quiz.
        await until(() => widget(page).evaluate(() => {
          const m = document.getElementById("cr-message");
          return !m.hidden && [...m.querySelectorAll("li")].map((li) => li.textContent);
        }).then((items) => JSON.stringify(items) === JSON.stringify(expected)), `the live quiz listing ${expected[0]}`);
        // The problems panel marks its line with its message, and the status line counts it.
        await until(async () => JSON.stringify(await markedLines(page)) === JSON.stringify([Number(line)]), `the mark at line ${line}`);
        await until(async () => await markedMessage(page) === message, `the marked message for ${name}`);
        assert.equal(await status.innerText(), "1 problem: see its mark in the margin.");
      }

      // Back to the example, then one and two problems: the count's plural form comes from the core's catalogue.
      await page.click("#st-reset");
      await page.locator("#st-quiz-status", { hasText: (await texts(page)).ok }).waitFor();
      const versionLine = EXAMPLE.split("\n").findIndex((l) => l.startsWith('  "version": ')) + 1;
      await replaceLine(page, TITLE_LINE, '"title": 7,');
      await page.locator("#st-quiz-status", { hasText: "1 problem: see its mark in the margin." }).waitFor();
      await replaceLine(page, versionLine, '"version": "two",');
      await page.locator("#st-quiz-status", { hasText: "2 problems: see the marks in the margin." }).waitFor();
      assert.deepEqual(await markedLines(page), [versionLine, TITLE_LINE]);
      L.assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test("the quiz editor completes keys and values from the format's schema and explains a key on hover", async () => {
    const schema = JSON.parse(fs.readFileSync(path.join(L.ROOT, "content/schema/quiz.schema.json"), "utf8"));
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
    await L.withCsp(context, L.documentedCsp(), /\.html(\?.*)?$/);
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    const problems = L.watchProblems(page);
    const root = (sel) => page.locator(`#st-quiz-editor ${sel}`);
    const offered = () => root(".cm-tooltip-autocomplete .cm-completionLabel").allInnerTexts();
    try {
      await page.goto(env.origin + "/studio.html", { waitUntil: "load" });
      await page.locator("#st-quiz-status", { hasText: (await texts(page)).ok }).waitFor();

      // A new top-level key: typing "i offers the keys the quiz lacks (image), not those it has (id, intro).
      await replaceLine(page, TITLE_LINE, '"title": "Studio test title",');
      await page.keyboard.press("End");
      await page.keyboard.press("Enter");
      await page.keyboard.type('"i');
      await root(".cm-tooltip-autocomplete").waitFor();
      const keys = await offered();
      assert.equal(keys[0], "image", keys.join(", "));
      assert.ok(!keys.includes("id") && !keys.includes("intro"), `keys the quiz has are offered: ${keys.join(", ")}`);
      // CodeMirror ignores Enter on a list open for less than its interactionDelay (75 ms), so that a reader typing
      // fast gets a new line, not a completion; a person reading the list takes longer than that.
      await page.waitForTimeout(150);
      await page.keyboard.press("Enter");
      const line = await root(".cm-activeLine").innerText();
      assert.equal(line.trim(), '"image":', "accepting the completion writes the key and its colon");

      // A value: a boolean key is offered true and false, with the key's description beside them.
      await replaceLine(page, TITLE_LINE + 1, '"shuffle_options": ');
      await page.keyboard.press("Control+Space");
      await root(".cm-tooltip-autocomplete").waitFor();
      assert.deepEqual((await offered()).sort(), ["false", "true"]);
      const words = await texts(page);
      assert.equal((await root(".cm-completionInfo").innerText()).trim(),
        `${schema.properties.shuffle_options.description}\n${words.schemaDefault.replace("{value}", "false")}`);
      await page.screenshot({ path: L.screenshotPath("studio-completion") });
      await page.keyboard.press("Escape");

      // The quiz's own ids: an option's of the question a condition names, question ids for "question", outcome ids
      // as the keys of "weights" and as a decision rule's "outcome".
      const quiz = JSON.parse(EXAMPLE);
      const questions = quiz.sections.flatMap((section) => section.questions);
      const lines = EXAMPLE.split("\n");
      const added = 1;  // the line typed after the title above
      const askedLine = lines.findIndex((l) => /^\s*"question": "syntax",$/.test(l)) + 1 + added;
      const ask = async (n, text) => {
        await replaceLine(page, n, text);
        await page.keyboard.press("Control+Space");
        await root(".cm-tooltip-autocomplete").waitFor();
        const got = await offered();
        await page.keyboard.press("Escape");
        return got.sort();  // the list is in alphabetical order
      };
      assert.deepEqual(await ask(askedLine + 2, '"'),  // the first id in the any_of list below it
        questions.find((q) => q.id === "syntax").options.map((o) => JSON.stringify(o.id)).sort());
      assert.deepEqual(await ask(askedLine, '"question": '), questions.map((q) => JSON.stringify(q.id)).sort());
      const weightLine = lines.findIndex((l, i) => /"weights": \{$/.test(lines[i - 1] || "")) + 1 + added;
      assert.deepEqual(await ask(weightLine, '"'), quiz.outcomes.map((o) => o.id).sort());
      const ruleLine = lines.findIndex((l) => /^\s*"outcome": "internship",$/.test(l)) + 1 + added;
      assert.ok(ruleLine > added, "the example has a decision rule");
      assert.deepEqual(await ask(ruleLine, '"outcome": '), quiz.outcomes.map((o) => JSON.stringify(o.id)).sort());

      // Hover over a key: its kind and the schema's description.
      await page.keyboard.press("Control+Home");  // back to the top, where "language" is
      // The key is plain text in its line (the highlighting styles only values): a Range finds where it is drawn.
      const keyAt = () => root(".cm-line").filter({ hasText: /^\s*"language":/ }).evaluate((line) => {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.data.indexOf('"language"');
          if (i < 0) continue;
          const range = document.createRange();
          range.setStart(n, i + 2);
          range.setEnd(n, i + 3);
          const r = range.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }
        return null;
      });
      // As a reader would, the pointer rests on the key until its help shows: the page around the editor may still
      // move as the live quiz starts (the key's place is measured again for each try).
      for (let tries = 0; tries < 5 && !(await root(".st-help").isVisible()); tries++) {
        const at = await keyAt();
        await page.mouse.move(at.x - 3, at.y);
        await page.mouse.move(at.x, at.y);
        await root(".st-help").waitFor({ timeout: 2000 }).catch(() => {});
      }
      const help = await root(".st-help").innerText();
      assert.ok(help.startsWith("language: string"), help);
      assert.ok(help.includes(schema.properties.language.description), help);
      await page.screenshot({ path: L.screenshotPath("studio-hover") });
      L.assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  // The studio with `init` run first in each of its pages, once it has checked its first text.
  async function openStudio(init) {
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(init);
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    await page.goto(env.origin + "/studio.html", { waitUntil: "load" });
    const words = await texts(page);
    await page.locator("#st-quiz-status", { hasText: words.ok }).waitFor();
    return { context, page, words };
  }

  test("with storage refused the studio starts and says the work is not kept", async () => {
    // Cookies blocked, or framed by another site: reading localStorage throws.
    const { context, page, words } = await openStudio(() => {
      Object.defineProperty(window, "localStorage", { get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });
    });
    try {
      await frameState(page, (s) => s.title === JSON.parse(EXAMPLE).title);
      assert.equal(await page.locator("#st-storage").innerText(), words.notSaved);
    } finally {
      await context.close();
    }
  });

  test("a failed save is said until a save succeeds", async () => {
    const { context, page, words } = await openStudio(() => {  // storage full while window.__full is set
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (window.__full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return set.call(this, k, v);
      };
    });
    try {
      await page.evaluate(() => { window.__full = true; });
      await replaceLine(page, TITLE_LINE, '"title": "Not kept",');
      await frameState(page, (s) => s.title === "Not kept");
      await page.locator("#st-quiz-status", { hasText: words.ok }).waitFor();  // the check after the edit has run
      assert.equal(await page.locator("#st-storage").innerText(), words.notSaved, "the failed save went unsaid");
      await page.evaluate(() => { window.__full = false; });
      await replaceLine(page, TITLE_LINE, '"title": "Kept",');
      await page.locator("#st-storage").waitFor({ state: "hidden" });
      assert.equal(await page.evaluate(() => localStorage.getItem("crossroads-studio:quiz")).then((t) => t.includes('"title": "Kept",')), true);
    } finally {
      await context.close();
    }
  });

  test("from file:// the editor, its diagnostics and the live quiz work", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    const problems = L.watchProblems(page);
    try {
      await page.goto(pathToFileURL(path.join(L.DIST, "studio.html")).href, { waitUntil: "load" });
      const words = await texts(page);
      await page.locator("#st-quiz-status", { hasText: words.ok }).waitFor();
      await replaceLine(page, TITLE_LINE, '"title": 7,');
      await page.locator("#st-quiz-editor .cm-lint-marker-error").waitFor();
      assert.deepEqual(await markedLines(page), [TITLE_LINE]);
      await replaceLine(page, TITLE_LINE, '"title": "From disk",');
      await frameState(page, (s) => s.title === "From disk");
      L.assertNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  test("after one visit the studio opens offline, checks the quiz and shows the live quiz", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    try {
      await page.goto(env.origin + "/studio.html", { waitUntil: "load" });
      const words = await texts(page);
      await page.locator("#st-quiz-status", { hasText: words.ok }).waitFor();
      // The live quiz registered the widget's worker; the studio then keeps its own three files in the worker's cache.
      await until(() => page.evaluate(() => caches.open("crossroads-studio").then((c) => c.keys()).then((k) => k.length >= 3)),
                  "the studio's files in its cache");
      await until(() => widget(page).evaluate(() => navigator.serviceWorker.controller !== null), "the worker in control of the live quiz");
      await context.setOffline(true);
      await page.reload({ waitUntil: "load" });
      await page.locator("#st-quiz-status", { hasText: words.ok }).waitFor();
      await replaceLine(page, TITLE_LINE, '"title": "Offline edit",');
      await frameState(page, (s) => s.title === "Offline edit");
    } finally {
      await context.close();
    }
  });
});
