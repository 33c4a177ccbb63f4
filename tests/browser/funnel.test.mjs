// A drop-off funnel built from real events: three readers of one embed on a cross-origin post (with campaign fields
// on the snippet) leave at question 2 (closing the tab), at question 5 (following a link away) and after the results;
// the post beacons every crossroads:* event to its server, and the funnel counts the readers who saw each question.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launchBrowser, startServer, tempDir, waitForState } from "./lib.mjs";
import { STEP, recordHostEvents, serveHost, until, widgetFrame } from "./embed-lib.mjs";
import { answerCurrent, click, frameSurface, next, playThrough } from "./play.mjs";

const QUIZ = "content/python-path.json";
const CAMPAIGN = { source: "newsletter", medium: "email", name: "spring-careers" };

function postPage(widgetOrigin) {
  const campaign = Object.entries(CAMPAIGN).map(([k, v]) => `data-campaign-${k}="${v}"`).join(" ");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A post</title></head>
<body><h1>Which job first?</h1>
<script src="${widgetOrigin}/embed.js" data-quiz="${QUIZ}" ${campaign} async></script>
<p><a href="/elsewhere.html">Another post</a></p>
</body></html>`;
}

describe("a drop-off funnel from the events of an embedded quiz", () => {
  let widget, browser, host, hostDir;

  before(async () => {
    [widget, browser] = await Promise.all([startServer("127.0.0.1"), launchBrowser()]);
    hostDir = tempDir("crossroads-funnel-");
    fs.writeFileSync(path.join(hostDir, "post.html"), postPage(widget.origin));
    fs.writeFileSync(path.join(hostDir, "elsewhere.html"), '<!doctype html><link rel="icon" href="data:,"><title>Elsewhere</title><p>Another post.</p>');
    host = await serveHost(hostDir);
  });

  after(async () => {
    await browser?.close();
    await widget?.close();
    await host?.close();
    if (hostDir) fs.rmSync(hostDir, { recursive: true, force: true });
  });

  // A reader opens the post and reads up to the question at `position` (once the post has heard of it), or to the
  // results (position null).
  async function read(reader, position) {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, colorScheme: "light" });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    await page.addInitScript(recordHostEvents, { beacon: host.beacon(reader) });
    await page.goto(`${host.origin}/post.html`, { waitUntil: "load" });
    const { frame } = await widgetFrame(page, 0);
    const surface = frameSurface(page, frame);
    if (position === null) return { context, page, final: (await playThrough(surface)).final };
    await click(surface, "start");
    let s = await waitForState(frame, (s) => s.screen === "question");
    while (s.position < position) {
      await answerCurrent(surface);
      s = await next(surface);
    }
    await until(() => host.received(reader).some((e) => e.type === "question" && e.detail.position === position),
                `the post of reader ${reader} to hear of question ${position}`);
    return { context, page, final: s };
  }

  test("3 readers see questions 1 and 2, 2 see 3 to 5, 1 sees the rest and completes; every event names the campaign", async () => {
    // Reader a closes the tab at question 2.
    const a = await read("a", 2);
    await a.page.close({ runBeforeUnload: true });
    const eventsA = await host.reported("a");
    await a.context.close();
    // Reader b follows a link on the post at question 5.
    const b = await read("b", 5);
    await b.page.click("a[href='/elsewhere.html']");
    const eventsB = await host.reported("b");
    await b.context.close();
    // Reader c reads to the results, then closes the tab.
    const c = await read("c", null);
    await until(() => host.received("c").some((e) => e.type === "completed"), "the post of reader c to hear of the result");
    await c.page.close({ runBeforeUnload: true });
    const eventsC = await host.reported("c");
    await c.context.close();

    const readers = { a: eventsA, b: eventsB, c: eventsC };
    for (const [reader, events] of Object.entries(readers)) {
      for (const e of events) assert.deepEqual(e.detail.campaign, CAMPAIGN, `reader ${reader}: ${e.type} without the campaign`);
      const count = (type) => events.filter((e) => e.type === type).length;
      assert.equal(count("started"), 1, `reader ${reader} started once`);
      assert.equal(count("abandoned"), reader === "c" ? 0 : 1, `reader ${reader}: abandoned events`);
      assert.equal(count("completed"), reader === "c" ? 1 : 0, `reader ${reader}: completed events`);
    }

    // The funnel: how many readers saw the question at each position.
    const total = Math.max(...eventsC.filter((e) => e.type === "question").map((e) => e.detail.position));
    assert.equal(total, c.final.total, "reader c saw every question the quiz asked them");
    assert.ok(total > 5, `the quiz asked only ${total} questions`);
    const funnel = Array.from({ length: total }, (_, i) => Object.values(readers)
      .filter((events) => events.some((e) => e.type === "question" && e.detail.position === i + 1)).length);
    assert.deepEqual(funnel, [3, 3, 2, 2, 2, ...Array(total - 5).fill(1)], `readers per question: ${funnel}`);

    // Where a and b left: the last question shown, with the time since they started.
    for (const [events, position] of [[eventsA, 2], [eventsB, 5]]) {
      const shown = events.filter((e) => e.type === "question");
      const last = shown[shown.length - 1].detail;
      assert.equal(last.position, position);
      const left = events.find((e) => e.type === "abandoned").detail;
      assert.deepEqual({ ...left, elapsed_ms: 0 }, { quiz: "python-path", question: last.question, position, total: last.total,
                                                     elapsed_ms: 0, campaign: CAMPAIGN });
      assert.ok(left.elapsed_ms >= last.elapsed_ms, `abandoned after ${left.elapsed_ms} ms, the last question came at ${last.elapsed_ms} ms`);
    }

    // Reader c: each question says where it is and when it came; each answer how long the reader took; the result
    // names the outcome by its title.
    const shown = eventsC.filter((e) => e.type === "question").map((e) => e.detail);
    assert.deepEqual(shown.map((q) => q.position), Array.from({ length: total }, (_, i) => i + 1));
    shown.forEach((q, i) => {
      assert.ok(typeof q.section === "string" && q.section, `question ${q.question} without its section's title`);
      assert.ok(q.elapsed_ms >= (i ? shown[i - 1].elapsed_ms : 0), `question ${i + 1} came at ${q.elapsed_ms} ms`);
    });
    for (const e of eventsC.filter((e) => e.type === "answered")) {
      assert.ok(Number.isInteger(e.detail.time_ms) && e.detail.time_ms >= 0, `answered ${e.detail.question}: time_ms ${e.detail.time_ms}`);
    }
    const done = eventsC.find((e) => e.type === "completed").detail;
    assert.equal(done.outcome, c.final.result.outcome);
    assert.ok(c.final.result.outcome_title, "the results state names the outcome");
    assert.equal(done.outcome_title, c.final.result.outcome_title);
    assert.ok(done.elapsed_ms >= shown[shown.length - 1].elapsed_ms, `completed at ${done.elapsed_ms} ms`);
  });
});
