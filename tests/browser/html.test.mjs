// The quiz without a canvas (issue 21): without WebGL 2, or once the browser takes the context away for good, the
// scene shows as visible, styled HTML (web/a11y.js, .cr-html) and a reader finishes by clicks or keys with the result
// the canvas gives; the results print as a clean document (print media, page.pdf) with the outcome, every next step
// and the page's address, read back with poppler's pdftotext and rendered with pdftoppm to be looked at.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import * as L from "./lib.mjs";
import { pageSurface, playThrough } from "./play.mjs";

let env;
before(async () => { env = await L.setup(); });
after(async () => { await env?.close(); });

// The page shows the quiz as HTML: the canvas hidden, the title's words visible in the text colour, a control a card.
async function assertHtmlShown(page) {
  const look = await page.evaluate(() => {
    const run = document.querySelector("#cr-a11y h1 .cr-run, #cr-a11y h2 .cr-run");
    const control = document.querySelector("#cr-a11y .cr-control");
    return {
      html: document.getElementById("cr-root").classList.contains("cr-html"),
      canvas: getComputedStyle(document.getElementById("cr-canvas")).visibility,
      text: run && getComputedStyle(run).color,
      border: control && getComputedStyle(control).borderTopStyle,
      clickable: control && getComputedStyle(control).pointerEvents,
    };
  });
  assert.deepEqual(look, { html: true, canvas: "hidden", text: "rgb(27, 36, 48)", border: "solid", clickable: "auto" });
}

const ANSWERS = (final) => JSON.stringify(final.answers);

// The scene's shapes as the page draws them (web/a11y.js): the box they sit in, and per scene item the boxes and
// colours of its shapes as laid out, with the item's first run's box.
async function drawnShapes(page) {
  return page.evaluate(() => {
    const box = document.querySelector("#cr-a11y .cr-shapes");
    const divs = [...box.children];
    const rect = (e) => { const r = e.getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; };
    let k = 0;
    const spans = [...document.querySelectorAll("#cr-a11y .cr-run")];
    let run = 0;
    const items = window.crossroads.scene().items.map((item) => {
      const first = item.runs.length ? rect(spans[run]) : null;
      run += item.runs.length;
      return { part: item.part, id: item.id, first, shapes: (item.shapes || []).map(() => {
        const d = divs[k++];
        return { ...rect(d), fill: getComputedStyle(d).backgroundColor, line: getComputedStyle(d).borderTopStyle };
      }) };
    });
    return { display: getComputedStyle(box).display, hidden: box.getAttribute("aria-hidden"), count: divs.length, used: k, items };
  });
}

const rgb = (hex) => `rgb(${hex >> 16}, ${(hex >> 8) & 255}, ${hex & 255})`;

// In HTML, the results show each outcome's bar (a track, and a fill as long as its points against the most, the
// chosen outcome's in the accent) and each list item's mark before its words.
async function assertBarsShown(page, result) {
  const quiz = L.loadJson("content/python-path.json");
  const drawn = await drawnShapes(page);
  assert.equal(drawn.display, "block");
  assert.equal(drawn.hidden, "true");
  assert.equal(drawn.used, drawn.count, "a drawn shape the scene does not have");
  // Every tone a shape names is a colour of the page's (tokens.py writes only the custom properties style.css uses).
  for (const shape of drawn.items.flatMap((item) => item.shapes))
    assert.ok(shape.line === "solid" || shape.fill !== "rgba(0, 0, 0, 0)", `a shape in a tone the page lacks: ${JSON.stringify(shape)}`);
  const bars = drawn.items.filter((item) => item.part === "figure");
  assert.equal(bars.length, quiz.outcomes.length, "one bar per outcome");
  const totals = quiz.outcomes.map((o) => result.totals[o.id]);
  const top = Math.max(1, ...totals.map(Math.abs));
  let proportional = 0;
  bars.forEach((bar, i) => {
    const [track, fill] = bar.shapes;
    assert.ok(track.w > 200 && track.h === 10, `outcome ${i}: no track drawn (${JSON.stringify(track)})`);
    assert.equal(track.fill, rgb(L.PALETTE.light.track));
    if (totals[i] <= 0) return assert.equal(bar.shapes.length, 1, `outcome ${i}: a fill for no points`);
    const chosen = quiz.outcomes[i].id === result.outcome;
    assert.equal(fill.fill, rgb(chosen ? L.PALETTE.light.accent : L.PALETTE.light.muted), `outcome ${i}: fill colour`);
    assert.equal(fill.x, track.x);
    if (track.w * totals[i] / top < 10) return;  // a small total keeps a visible stub
    assert.ok(Math.abs(fill.w / track.w - totals[i] / top) < 0.01, `outcome ${i}: fill ${fill.w} of ${track.w} px for ${totals[i]} of ${top}`);
    proportional++;
  });
  assert.ok(proportional >= 1, "no bar to measure");
  const marks = drawn.items.filter((item) => item.part === "listitem");
  assert.ok(marks.length >= 3, "too few list items");
  for (const item of marks) {
    const [mark] = item.shapes;
    assert.ok(mark && mark.w >= 6 && mark.h >= 6, `a list item without its mark: ${JSON.stringify(item)}`);
    assert.ok(mark.x + mark.w <= item.first.x && mark.y < item.first.y + item.first.h && mark.y + mark.h > item.first.y,
      `a list mark not before its item's first words: ${JSON.stringify(item)}`);
    assert.ok(mark.fill === rgb(L.PALETTE.light.accent) || mark.line === "solid", `a list mark not drawn: ${JSON.stringify(mark)}`);
  }
  // Each row that opens has its dot before its title: a reviewed answer's in its verdict's colour (when the reader
  // took the readiness check; tests/ui/test_scene.cpp checks which), a question readers ask's in the accent.
  const rows = drawn.items.filter((item) => /^(review|faq):/.test(item.id || ""));
  const verdicts = new Set();
  for (const row of rows) {
    const [dot] = row.shapes;
    assert.ok(dot && dot.w === 10 && dot.h === 10 && dot.x + dot.w <= row.first.x, `a row without its dot: ${JSON.stringify(row)}`);
    if (row.id.startsWith("faq:")) assert.equal(dot.fill, rgb(L.PALETTE.light.accent), `${row.id}: dot colour`);
    else verdicts.add(dot.fill);
  }
  assert.equal(rows.filter((row) => row.id.startsWith("faq:")).length, quiz.faq.length);
  for (const fill of verdicts)
    assert.ok([L.PALETTE.light.good, L.PALETTE.light.bad, L.PALETTE.light.muted].map(rgb).includes(fill), `a verdict's dot in ${fill}`);
}

// The chevron of row `id` (its button's ::after): which way it points, by the side its triangle's colour is on.
const chevron = (page, id) => page.evaluate((id) => {
  const after = getComputedStyle(document.querySelector(`#cr-a11y button[data-hit="${CSS.escape(id)}"]`), "::after");
  return after.borderLeftStyle === "solid" && after.borderLeftColor !== "rgba(0, 0, 0, 0)" ? { points: "right", colour: after.borderLeftColor }
    : after.borderTopColor !== "rgba(0, 0, 0, 0)" && after.borderTopWidth === "6px" ? { points: "down", colour: after.borderTopColor } : { points: "nowhere" };
}, id);

test("without WebGL 2 a reader finishes the quiz in HTML by clicks, taps and keys, with the result the canvas gives", async () => {
  const canvas = await L.openApp(env, { viewport: { width: 1280, height: 900 } });
  let expected;
  try {
    expected = (await playThrough(pageSurface(canvas.page, "mouse"))).final;
    assert.equal((await drawnShapes(canvas.page)).display, "none", "shapes over the canvas");
  } finally {
    await canvas.close();
  }
  for (const [input, width] of [["mouse", 1280], ["touch", 360], ["keyboard", 360]]) {
    const app = await L.openApp(env, { viewport: { width, height: 900 }, touch: input === "touch", onPage: L.withoutWebgl2 });
    try {
      const { page } = app;
      await assertHtmlShown(page);
      const surface = pageSurface(page, input);
      if (input !== "keyboard") {
        await L.clickHit(page, "start");  // at the drawn place: the HTML button is there
        await L.waitForScreen(page, "question");
        await L.waitForIdle(page);
        await L.screenshotFullPage(page, L.screenshotPath(`html-question-${width}`));
      }
      const { final } = await playThrough(surface);
      assert.equal(ANSWERS(final), ANSWERS(expected), `${input}: other answers than the canvas run's`);
      assert.deepEqual(final.result, expected.result, `${input}: another result than the canvas gives for the same answers`);
      await assertHtmlShown(page);
      await L.waitForIdle(page);
      await assertBarsShown(page, final.result);
      // A row's chevron points right while it is closed and down once it is opened, in the muted tone.
      const faq = `faq:${L.loadJson("content/python-path.json").faq[0].id}`;
      assert.deepEqual(await chevron(page, faq), { points: "right", colour: rgb(L.PALETTE.light.muted) });
      await L.clickHit(page, faq);
      await page.waitForFunction((id) => window.crossroads.scene().items.some((i) => i.id === id && i.expanded), faq);
      await L.waitForIdle(page);
      assert.deepEqual(await chevron(page, faq), { points: "down", colour: rgb(L.PALETTE.light.muted) });
      if (input !== "keyboard") await L.screenshotFullPage(page, L.screenshotPath(`html-results-${width}`));
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  }
});

test("the HTML is drawn in the canvas's colours (the scene's palette): the editor's ?accent= and the reader's more contrast", async () => {
  const app = await L.openApp(env, { viewport: { width: 800, height: 900 }, query: "?accent=0f766e", onPage: async (page) => {
    await page.emulateMedia({ contrast: "more" });
    await L.withoutWebgl2(page);
  } });
  try {
    const { page } = app;
    await L.waitForIdle(page);
    const look = await page.evaluate(() => {
      const colour = (selector) => { const e = document.querySelector(selector); return e && getComputedStyle(e).color; };
      return { palette: window.crossroads.scene().palette, html: document.getElementById("cr-root").classList.contains("cr-html"),
               start: getComputedStyle(document.querySelector('#cr-a11y button[data-hit="start"]')).borderTopColor,
               text: colour("#cr-a11y h1 .cr-run"), muted: colour('#cr-a11y .cr-run[data-font="small"]') };
    });
    const hex = (h) => rgb(parseInt(h.slice(1), 16));
    assert.ok(look.html);
    // The accent is the editor's, made stronger for more contrast, as the canvas draws it; muted text is as strong as
    // the text.
    assert.notEqual(look.palette.accent, "#" + L.PALETTE.light.accent.toString(16).padStart(6, "0"));
    assert.equal(look.start, hex(look.palette.accent), "the Start button's border");
    assert.equal(look.palette.muted, look.palette.text, "more contrast");
    assert.equal(look.muted, hex(look.palette.text), "small text");
    assert.equal(look.text, hex(look.palette.text));
    L.assertNoProblems(app.problems);
  } finally {
    await app.close();
  }
});

test("a WebGL context lost for good mid-quiz: the quiz goes on in HTML with every answer kept, to the result", async () => {
  const app = await L.openApp(env, { viewport: { width: 1280, height: 900 } });
  try {
    const { page } = app;
    const surface = pageSurface(page, "mouse");
    const quiz = L.loadJson("content/python-path.json");
    await playThrough(surface, { until: quiz.sections[0].questions[2].id });
    const before = await L.state(page);
    assert.ok(Object.keys(before.answers).length >= 2, "no answers given before the loss");
    await page.evaluate(() => document.getElementById("cr-canvas").getContext("webgl2").getExtension("WEBGL_lose_context").loseContext());
    await page.waitForFunction(() => document.getElementById("cr-root").classList.contains("cr-html"));
    await assertHtmlShown(page);
    const lost = await L.state(page);
    assert.equal(lost.question, before.question, "the loss moved the reader to another question");
    assert.deepEqual(lost.answers, before.answers, "the loss lost answers");
    const { final } = await playThrough(surface);
    assert.equal(final.screen, "results");
    for (const [q, a] of Object.entries(before.answers)) assert.deepEqual(final.answers[q], a, `${q}: the answer before the loss changed`);
    L.assertNoProblems(app.problems);
  } finally {
    await app.close();
  }
});

// The whole text of a PDF, as poppler's pdftotext reads it, with its runs of white space as one space.
function pdfText(file) {
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).normalize("NFKC").replace(/\s+/g, " ");
}
const flat = (text) => text.normalize("NFKC").replace(/\s+/g, " ").trim();

test("the results print as a document: outcome, every next step, the open FAQ, the title and the address; no buttons", async () => {
  const quiz = L.loadJson("content/python-path.json");
  for (const width of [360, 1280]) {
    const app = await L.openApp(env, { viewport: { width, height: 900 } });
    try {
      const { page } = app;
      const { final } = await playThrough(pageSurface(page, "bridge"));
      // A notice of the moment ("Share link copied", or that it could not be) is no part of the printed result.
      await page.evaluate(() => window.crossroads.activate("share"));
      const { status } = await L.waitForState(page, (s) => s.status !== "");
      await L.waitForIdle(page);
      const pdf = path.join(L.tempDir("crossroads-print-"), "results.pdf");
      await page.emulateMedia({ media: "print" });
      await page.pdf({ path: pdf, format: "A4", printBackground: true });
      const text = pdfText(pdf);
      assert.ok(text.includes(flat(final.result.outcome_title)), `the outcome's title is not in the PDF:\n${text}`);
      assert.ok(final.result.next_steps.length > 0);
      for (const step of final.result.next_steps) assert.ok(text.includes(flat(step.text)), `next step missing from the PDF: ${step.text}`);
      for (const entry of quiz.faq) assert.ok(text.includes(flat(entry.q)), `FAQ question missing: ${entry.q}`);
      assert.ok(text.includes(flat(quiz.faq[0].a).slice(0, 50)), "an FAQ row is not open in print");
      assert.ok(text.includes(flat(quiz.title)), "the quiz's title is not in the PDF");
      assert.ok(text.includes(env.origin + "/"), "the quiz's address is not in the PDF");
      assert.ok(!text.includes("Copy share link"), "a button is printed");
      assert.ok(!text.includes(flat(status)), `the notice "${status}" is printed`);
      // Every cell of the outcome's table reads as written, its words apart also where the screen wrapped it
      // (at 360 px "Python internship" is two lines, and printed as "Pythoninternship" before).
      const details = quiz.outcomes.find((o) => o.id === final.result.outcome).details;
      const cells = details.split("\n").filter((l) => l.startsWith("|") && !/^[|\s-]+$/.test(l))
        .flatMap((l) => l.split("|").slice(1, -1).map((c) => c.trim()));
      assert.ok(cells.length >= 8, "the outcome has no table to print");
      for (const cell of cells) assert.ok(text.includes(flat(cell)), `the table cell "${cell}" is not printed as written:\n${text}`);
      // Pages to look at.
      const base = L.screenshotPath(`print-${width}`).replace(/\.png$/, "");
      execFileSync("pdftoppm", ["-png", "-r", "60", pdf, base]);
      // After printing, the rows are as the reader left them (closed).
      await page.emulateMedia({ media: "screen" });
      await page.waitForFunction(() => window.crossroads.scene().items.every((i) => i.role !== "disclosure" || !i.expanded));
      L.assertNoProblems(app.problems);
    } finally {
      await app.close();
    }
  }
});
