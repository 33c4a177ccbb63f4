// Offline use through the service worker: after one visit the quiz starts with the server gone (also with ?quiz=, also
// embedded cross-origin), and a new deployment is picked up all at once: open pages keep old files, later visits new ones.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CLI, DIST, ROOT, assertNoProblems, launchBrowser, startServer, tempDir, testSite, waitForState, watchProblems } from "./lib.mjs";
import { STEP, closeServer, until, visitAndControl, waitReady } from "./embed-lib.mjs";
import { click, frameSurface, pageSurface } from "./play.mjs";
import { serve } from "../../scripts/serve.mjs";

// Every file of a deployment folder: relative name -> bytes.
function snapshot(dir) {
  const files = new Map();
  for (const f of fs.readdirSync(dir, { recursive: true })) {
    const full = path.join(dir, f);
    if (fs.statSync(full).isFile()) files.set(f.split(path.sep).join("/"), fs.readFileSync(full));
  }
  return files;
}

// Records every response of the pages it watches, to check later that each came from one deployment.
function responseLog(origin) {
  const log = [];
  return {
    watch(page, label) {
      page.setDefaultTimeout(STEP);
      // Bodies are read at once: after a navigation they are gone, so a test lets the network settle before it
      // navigates (the base pack's mono font, for one, is asked for after the first frame).
      page.on("response", (res) => log.push({ label, url: res.url(), body: res.body().catch((e) => e) }));
      return watchProblems(page);
    },
    async check(label, files, which) {
      const mine = log.filter((e) => e.label === label);
      assert.ok(mine.length >= 5, `${label}: too few responses seen (${mine.length})`);
      for (const e of mine) {
        const u = new URL(e.url);
        if (u.origin !== origin || u.pathname === "/sw.js" || u.pathname === "/sw-scope.js") continue;
        const name = u.pathname === "/" ? "index.html" : u.pathname.slice(1);
        assert.ok(files.has(name), `${label} asked for ${name}, which is not in the ${which} deployment`);
        const body = await e.body;
        assert.ok(Buffer.isBuffer(body), `${label}: no body for ${name}: ${body}`);
        assert.ok(body.equals(files.get(name)), `${label} got a ${name} that is not the ${which} deployment's`);
      }
    },
  };
}

// Replaces the site's files with another deployment's, as an upload would.
function upload(site, next) {
  for (const f of fs.readdirSync(site)) fs.rmSync(path.join(site, f), { recursive: true, force: true });
  fs.cpSync(next, site, { recursive: true });
}

// The URLs held by the worker's precache.
const precached = (page) => page.evaluate(async () => {
  const out = [];
  for (const k of await caches.keys()) if (k.includes("precache")) for (const r of await (await caches.open(k)).keys()) out.push(new URL(r.url).pathname);
  return out;
});

// The offline worker's versions, id -> status ("installed" while waiting, then "activated"), as the browser reports them
// (DevTools protocol, ServiceWorker domain), watched from `page`.
async function workerVersions(page) {
  const cdp = await page.context().newCDPSession(page);
  const versions = new Map();
  cdp.on("ServiceWorker.workerVersionUpdated", (e) => { for (const v of e.versions) versions.set(v.versionId, v.status); });
  await cdp.send("ServiceWorker.enable");
  return versions;
}

// The stylesheet file name the page's document links to.
const cssOf = (page) => page.evaluate(() => new URL(document.querySelector('link[rel="stylesheet"]').href).pathname.slice(1));

describe("offline and new deployments", () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  // Its precache downloads the whole deployment: registered sooner, it competed with the files the widget was loading.
  test("the worker is registered after the page's load event", async () => {
    const site = testSite();
    const srv = await startServer("127.0.0.1", site);
    const context = await browser.newContext();
    try {
      await context.addInitScript(() => {
        window.__order = [];
        addEventListener("load", () => window.__order.push("load"));
        const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
        navigator.serviceWorker.register = (...args) => { window.__order.push("register"); return register(...args); };
      });
      const page = await context.newPage();
      page.setDefaultTimeout(STEP);
      await page.goto(srv.origin + "/index.html");
      await page.waitForFunction(() => window.__order.includes("register"));
      assert.deepEqual(await page.evaluate(() => window.__order), ["load", "register"]);
    } finally {
      await context.close();
      await srv.close();
      site.remove();
    }
  });

  test("after one visit the quiz starts with the network gone, also with ?quiz=, also a quiz opened once", async () => {
    // A quiz that is not part of the deployment, served beside it.
    const extra = testSite();
    extra.copy("tests/fixtures/one-question.json", "test-fixtures/one-question.json");
    const srv = await startServer("127.0.0.1", extra);
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, colorScheme: "light" });
    let open = true;
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(STEP);
      await visitAndControl(page, srv.origin);
      // The quiz beside the deployment, opened once while online.
      await page.goto(srv.origin + "/index.html?quiz=test-fixtures/one-question.json", { waitUntil: "load" });
      await waitReady(page);
      await waitForState(page, (s) => s.quiz === "tiny");
      await page.waitForFunction(() => caches.open("crossroads-quizzes").then((c) => c.keys()).then((k) => k.length > 0));
      const problems = watchProblems(page);
      await srv.close();  // really offline: nothing listens on that port any more
      open = false;
      await context.setOffline(true);

      await page.goto(srv.origin + "/index.html", { waitUntil: "load" });
      await waitReady(page);
      assert.equal((await waitForState(page, (s) => s.screen === "start")).quiz, "python-path");
      await click(pageSurface(page), "start");
      await waitForState(page, (s) => s.screen === "question");

      await page.goto(srv.origin + "/index.html?quiz=content/python-readiness.json", { waitUntil: "load" });
      await waitReady(page);
      await waitForState(page, (s) => s.quiz === "python-readiness" && s.screen === "start");
      await click(pageSurface(page), "start");
      const s = await waitForState(page, (s) => s.screen === "question");
      assert.equal(s.quiz, "python-readiness");
      await page.goto(srv.origin + "/index.html?quiz=test-fixtures/one-question.json", { waitUntil: "load" });
      await waitReady(page);
      assert.equal((await waitForState(page, (s) => s.screen === "start")).quiz, "tiny", "a quiz opened once is not there offline");
      assertNoProblems(problems);
    } finally {
      await context.close();
      if (open) await srv.close();
      extra.remove();
    }
  });

  test("a new deployment: open pages keep the old files, the next visit gets only the new ones", async () => {
    // Old deployment: a copy of dist/. New one: assembled from the old one's own wasm and loader (not build/wasm, which
    // another build may be rewriting) with a changed style.css and readiness quiz, so hashed names and contents differ.
    const site = tempDir("crossroads-site-");
    const work = tempDir("crossroads-next-");
    fs.cpSync(DIST, site, { recursive: true });
    const oldFiles = snapshot(site);
    const shell = oldFiles.get("index.html").toString();
    for (const [, ref] of shell.matchAll(/(?:href|src|data-script|data-text-layer)="([^":]+)"/g)) {
      assert.ok(oldFiles.has(ref), `dist/ is incomplete (${ref} is missing; was it being rebuilt?)`);
    }
    const wasmName = [...oldFiles.keys()].find((n) => /^crossroads\.[0-9a-f]+\.wasm$/.test(n));
    const jsName = /data-script="(crossroads\.[0-9a-f]+\.js)"/.exec(shell)[1];
    const fullWasm = /data-full-wasm="(crossroads-full\.[0-9a-f]+\.wasm)"/.exec(shell)[1];
    const fullJs = /data-full="(crossroads-full\.[0-9a-f]+\.js)"/.exec(shell)[1];
    const forms = /data-forms="([^"]*)"/.exec(shell)[1];
    const build = path.join(work, "build"), web = path.join(work, "web"), content = path.join(work, "content");
    const next = path.join(work, "dist");
    fs.mkdirSync(build);
    fs.writeFileSync(path.join(build, "crossroads.wasm"), oldFiles.get(wasmName));
    fs.writeFileSync(path.join(build, "crossroads.js"), oldFiles.get(jsName).toString().replaceAll(wasmName, "crossroads.wasm"));
    fs.writeFileSync(path.join(build, "crossroads-full.wasm"), oldFiles.get(fullWasm));
    fs.writeFileSync(path.join(build, "crossroads-full.js"), oldFiles.get(fullJs).toString().replaceAll(fullWasm, "crossroads-full.wasm"));
    fs.writeFileSync(path.join(build, "crossroads-single.js"), "/* quiz.html is not part of this test */\n");
    // The page shell, loader and styles also come from the old deployment (only the worker template is web/'s).
    fs.cpSync(path.join(ROOT, "web"), web, { recursive: true });
    const appName = /src="(app\.[0-9a-f]+\.js)"/.exec(shell)[1];
    const oldCssName = /href="(style\.[0-9a-f]+\.css)"/.exec(shell)[1];
    fs.writeFileSync(path.join(web, "index.html"), shell.replaceAll(jsName, "{{crossroads.js}}").replace(appName, "{{app.js}}")
      .replace(oldCssName, "{{style.css}}").replace(wasmName, "{{crossroads.wasm}}").replace(fullJs, "{{crossroads-full.js}}")
      .replace(fullWasm, "{{crossroads-full.wasm}}").replace(forms, "{{forms}}"));
    fs.writeFileSync(path.join(web, "app.js"), oldFiles.get(appName));
    fs.writeFileSync(path.join(web, "style.css"), oldFiles.get(oldCssName).toString() + "\n/* deployment 2 */\n");
    fs.mkdirSync(content);
    for (const dir of ["demo", "schema"]) {  // the demo post; the format's schema, for the studio's help
      fs.cpSync(path.join(ROOT, "content", dir), path.join(content, dir), { recursive: true });
    }
    fs.mkdirSync(path.join(build, "fonts"));
    for (const [name, data] of oldFiles) {
      if (name.startsWith("fonts/")) fs.writeFileSync(path.join(build, name), data);  // the font packs, as built
    }
    // The readiness quiz is derived from the path quiz's "standalone" section at assembly: change it there.
    const pathQuiz = path.join(content, "python-path.json");
    fs.writeFileSync(pathQuiz, oldFiles.get("content/python-path.json").toString()
      .replace(/("standalone":\s*\{[^}]*"title":\s*")/, "$1(v2) "));
    execFileSync("python3", [path.join(ROOT, "scripts/assemble.py"), "--build", build, "--web", web, "--content", content,
                             "--out", next], { stdio: "ignore" });
    const newFiles = snapshot(next);
    const cssName = (files) => /href="(style\.[0-9a-f]+\.css)"/.exec(files.get("index.html").toString())[1];
    const oldCss = cssName(oldFiles), newCss = cssName(newFiles);
    assert.notEqual(oldCss, newCss, "the new deployment should have a new stylesheet name");

    const server = await serve(site, 0, "127.0.0.1");
    const origin = `http://127.0.0.1:${server.address().port}`;
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, colorScheme: "light" });
    // Every response a page gets is checked against the deployment it should come from (sw.js is the browser's).
    const log = responseLog(origin);
    try {
      const p1 = await context.newPage();
      const problems1 = log.watch(p1, "old page");
      await visitAndControl(p1, origin);
      assert.equal(await cssOf(p1), oldCss);

      // Upload the new deployment over the old one and let the browser find it.
      upload(site, next);
      await p1.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => { window.__reg = r; return r.update(); }));
      await p1.waitForFunction(() => !!window.__reg.waiting, null, { timeout: 30000 });

      // The old page keeps working, also across a reload, and a second tab still gets the old deployment.
      await click(pageSurface(p1), "start");
      await waitForState(p1, (s) => s.screen === "question");
      await p1.waitForLoadState("networkidle");  // every body is read before the reload (see responseLog)
      await p1.reload({ waitUntil: "load" });
      await waitReady(p1);
      assert.equal(await cssOf(p1), oldCss, "a reload of the open page switched deployments");
      const p2 = await context.newPage();
      const problems2 = log.watch(p2, "second old tab");
      await p2.goto(origin + "/index.html?quiz=content/python-readiness.json", { waitUntil: "load" });
      await waitReady(p2);
      assert.equal(await cssOf(p2), oldCss, "a new tab switched deployments while an old page is open");
      await waitForState(p2, (s) => s.quiz === "python-readiness");
      await click(pageSurface(p2), "start");
      await waitForState(p2, (s) => s.screen === "question");
      await log.check("old page", oldFiles, "old");
      await log.check("second old tab", oldFiles, "old");
      assertNoProblems(problems1);
      assertNoProblems(problems2);

      // No page of the old deployment left: the next visit gets the new one, and the old cache is gone. The new
      // worker takes over once the browser has seen the last old page go; a visit begun before that is still the old
      // worker's (one run went on at once, and got the old stylesheet).
      const p3 = await context.newPage();
      const versions = await workerVersions(p3);
      const waiting = await until(() => [...versions].find(([, status]) => status === "installed")?.[0], "the waiting worker");
      await p1.close();
      await p2.close();
      await until(() => versions.get(waiting) === "activated", "the new worker to take over");
      const problems3 = log.watch(p3, "new page");
      await p3.goto(origin + "/index.html?quiz=content/python-readiness.json", { waitUntil: "load" });
      await waitReady(p3);
      assert.equal(await cssOf(p3), newCss, "the next visit after closing all pages did not get the new deployment");
      // The second tab had started this quiz: its progress outlives the deployment.
      const s3 = await waitForState(p3, (s) => s.quiz === "python-readiness");
      assert.equal(s3.resume_offered, true, "progress of the same quiz version was lost with the new deployment");
      await click(pageSurface(p3), "resume");
      await waitForState(p3, (s) => s.screen === "question");
      const kept = await precached(p3);
      assert.ok(kept.includes("/" + newCss) && !kept.includes("/" + oldCss), `precache after the update: ${kept}`);
      await log.check("new page", newFiles, "new");
      assertNoProblems(problems3);
    } finally {
      await context.close();
      await closeServer(server);
      fs.rmSync(site, { recursive: true, force: true });
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  test("a deploy that changes only one quiz file reaches returning readers, one whole build per page load", async () => {
    const site = tempDir("crossroads-site-");
    const next = tempDir("crossroads-quiz-only-");
    fs.cpSync(DIST, site, { recursive: true });
    fs.cpSync(DIST, next, { recursive: true });
    // The quiz changed, and with it its pre-checked form (a new name, which index.html names) and the worker, as
    // scripts/assemble.py writes them.
    const readiness = path.join(next, "content/python-readiness.json");
    fs.writeFileSync(readiness, fs.readFileSync(readiness, "utf8").replace(/"title":\s*"/, '"title": "(v2) '));
    const oldForm = fs.readdirSync(path.join(next, "content")).find((f) => /^python-readiness\.[0-9a-f]{10}\.crqf$/.test(f));
    execFileSync(CLI, ["compile", readiness, path.join(next, "content", oldForm)]);
    const form = fs.readFileSync(path.join(next, "content", oldForm));
    const newForm = `python-readiness.${crypto.createHash("sha256").update(form).digest("hex").slice(0, 10)}.crqf`;
    fs.renameSync(path.join(next, "content", oldForm), path.join(next, "content", newForm));
    const index = path.join(next, "index.html");
    fs.writeFileSync(index, fs.readFileSync(index, "utf8").replace(oldForm, newForm));
    execFileSync("node", [path.join(ROOT, "scripts/make-sw.mjs"), next], { stdio: "ignore" });
    const oldFiles = snapshot(site), newFiles = snapshot(next);
    const changed = [...newFiles.keys()].filter((k) => !oldFiles.get(k)?.equals(newFiles.get(k))).sort();
    assert.deepEqual(changed, ["content/" + newForm, "content/python-readiness.json", "index.html", "sw.js"],
                     "the new deployment should differ in the quiz (its form, the page naming it and the worker) only");

    const server = await serve(site, 0, "127.0.0.1");
    const origin = `http://127.0.0.1:${server.address().port}`;
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, colorScheme: "light" });
    const log = responseLog(origin);
    const query = "/index.html?quiz=content/python-readiness.json";
    try {
      const p1 = await context.newPage();
      const problems1 = log.watch(p1, "before");
      await p1.goto(origin + query, { waitUntil: "load" });
      await waitReady(p1);
      await p1.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      const title = (await waitForState(p1, (s) => s.quiz === "python-readiness")).title;
      assert.ok(!title.startsWith("(v2)"));
      await p1.waitForLoadState("networkidle");  // every body is read before the reload (see responseLog)

      upload(site, next);
      // The first visit after the deploy finds the new worker (the browser checks on navigation; update() makes the
      // check happen now); the page it shows is still wholly the old build.
      await p1.reload({ waitUntil: "load" });
      await waitReady(p1);
      await p1.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      await until(() => p1.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)), "the new worker", 30000);
      assert.equal((await waitForState(p1, (s) => s.quiz === "python-readiness")).title, title, "a page mixed two builds");
      await log.check("before", oldFiles, "old");
      assertNoProblems(problems1);
      await p1.close();

      // The next load, once the new worker has taken over, shows the new quiz.
      const p2 = await context.newPage();
      const problems2 = log.watch(p2, "after");
      await p2.goto(origin + query, { waitUntil: "load" });
      await waitReady(p2);
      const s2 = await waitForState(p2, (s) => s.quiz === "python-readiness");
      assert.ok(s2.title.startsWith("(v2)"), `a returning reader still gets the old quiz: ${s2.title}`);
      await log.check("after", newFiles, "new");
      assertNoProblems(problems2);
    } finally {
      await context.close();
      await closeServer(server);
      fs.rmSync(site, { recursive: true, force: true });
      fs.rmSync(next, { recursive: true, force: true });
    }
  });
});

// A fresh profile of Chromium blocks third-party storage (as incognito windows do, and as Playwright's incognito-like
// contexts always do): an embedded widget then gets neither a service worker nor localStorage ("The user denied
// permission to use Service Worker") and cannot work offline. This test is a reader whose browser allows
// third-party storage (Chrome's default in a normal window): a persistent profile with third-party cookies allowed.
describe("offline inside a cross-origin iframe", () => {
  test("embedded from another origin, the widget still starts once its own server is gone", async () => {
    const widget = await startServer("127.0.0.1");
    const hostDir = tempDir("crossroads-offline-host-");
    const profile = tempDir("crossroads-profile-");
    fs.mkdirSync(path.join(profile, "Default"));
    fs.writeFileSync(path.join(profile, "Default", "Preferences"), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
    const hostPage = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host post</title></head>
<body><h1>A post with a quiz</h1>
${body}
</body></html>`;
    const hostFile = path.join(hostDir, "host.html");
    fs.writeFileSync(hostFile, hostPage(`<script src="${widget.origin}/embed.js" data-quiz="content/python-path.json" async></script>`));
    const host = await serve(hostDir, 0, "127.0.0.2");
    const hostUrl = `http://127.0.0.2:${host.address().port}/host.html`;
    let context = null;
    let widgetOpen = true;
    // The widget's iframe, once its index.html has loaded and is ready.
    const widgetFrame = async (page) => {
      const el = await page.waitForSelector("iframe");
      const frame = await until(async () => {
        const f = await el.contentFrame();
        return f && /\/index\.html\?/.test(f.url()) ? f : null;
      }, "the iframe to load the widget");
      await waitReady(frame);
      return frame;
    };
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, viewport: { width: 1100, height: 900 }, colorScheme: "light",
      });
      const page = context.pages()[0] || await context.newPage();
      page.setDefaultTimeout(STEP);
      await page.goto(hostUrl, { waitUntil: "load" });
      let frame = await widgetFrame(page);
      assert.equal(new URL(frame.url()).origin, widget.origin);
      assert.equal(await frame.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r, (e) => String(e))), true,
        "the widget registered no service worker inside the iframe");
      await frame.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      // A page is controlled by the worker from its next load on.
      for (let attempt = 0; !(await frame.evaluate(() => !!navigator.serviceWorker.controller)); attempt++) {
        assert.ok(attempt < 2, "the widget's service worker never controlled the iframe");
        await page.reload({ waitUntil: "load" });
        frame = await widgetFrame(page);
      }

      // The widget's origin goes away; the host stays up. embed.js came from the widget's server, so the host page now
      // carries the plain iframe snippet of docs/embedding.md instead.
      await widget.close();
      widgetOpen = false;
      fs.writeFileSync(hostFile, hostPage(`<iframe src="${widget.origin}/index.html?quiz=content/python-path.json"
        title="Career quiz" style="width:100%;height:900px;border:0" allow="clipboard-write"></iframe>`));
      const problems = watchProblems(page);
      await page.reload({ waitUntil: "load" });
      frame = await widgetFrame(page);
      assert.equal(await frame.evaluate(() => window.crossroads.ready), true);
      const s = await waitForState(frame, (s) => s.screen === "start");
      assert.equal(s.quiz, "python-path");
      await click(frameSurface(page, frame), "start");
      await waitForState(frame, (s) => s.screen === "question");
      assertNoProblems(problems);
    } finally {
      await context?.close();
      if (widgetOpen) await widget.close();
      await closeServer(host);
      fs.rmSync(hostDir, { recursive: true, force: true });
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });
});
