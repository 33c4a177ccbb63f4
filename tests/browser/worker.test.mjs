// The offline worker keeps to the deployment's own files: deployed at a site's root beside another app, it leaves that
// app's pages, .json fetches and pictures alone; a withdrawn quiz is dropped and none over 16 MB is kept; the first
// studio visit after a deployment runs the new studio and the old bundles go; ?preview=1 unregisters only this folder's
// worker, and only for the preview server.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { DIST, ROOT, launchBrowser, tempDir, waitForState } from "./lib.mjs";
import { STEP, closeServer, until, visitAndControl, waitReady } from "./embed-lib.mjs";
import { serve } from "../../scripts/serve.mjs";
import { preview } from "../../scripts/preview.mjs";

const page = (title, body = "") => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head>
<body><h1>${title}</h1>${body}</body></html>`;

// A copy of dist/ at the root of a site, with another app beside it: a blog and a page with its own data and picture.
function site() {
  const dir = tempDir("crossroads-root-");
  fs.cpSync(DIST, dir, { recursive: true });
  fs.mkdirSync(path.join(dir, "blog"));
  fs.writeFileSync(path.join(dir, "blog/index.html"), page("Blog"));
  fs.mkdirSync(path.join(dir, "other"));
  fs.writeFileSync(path.join(dir, "other/index.html"), page("Other app", '<img id="pic" src="pic.png" alt="A picture">'));
  fs.writeFileSync(path.join(dir, "other/data.json"), '{"v":1}');
  fs.copyFileSync(path.join(ROOT, "tests/fixtures/media/images/moon.png"), path.join(dir, "other/pic.png"));
  fs.mkdirSync(path.join(dir, "extra"));
  fs.copyFileSync(path.join(ROOT, "tests/fixtures/one-question.json"), path.join(dir, "extra/one.json"));
  return dir;
}

// Every address held by any cache of the origin, as paths.
const cached = (p) => p.evaluate(async () => {
  const out = [];
  for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) out.push(new URL(r.url).pathname);
  return out;
});
const cacheHolds = (p, name, file) => p.evaluate(([name, file]) => caches.open(name).then((c) => c.match(file)).then((r) => !!r), [name, file]);
const scopes = (p) => p.evaluate(() => navigator.serviceWorker.getRegistrations().then((l) => l.map((r) => new URL(r.scope).pathname).sort()));

describe("the offline worker keeps to its own files", () => {
  let browser, dir, server, origin, context;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });
  const open = async () => {
    dir = site();
    server = await serve(dir, 0, "127.0.0.1");
    origin = `http://127.0.0.1:${server.address().port}`;
    context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const p = await context.newPage();
    p.setDefaultTimeout(STEP);
    await visitAndControl(p, origin);
    return p;
  };
  // Opens ?quiz=FILE in the widget and waits until the worker has kept the file.
  const openQuiz = async (p, file, id) => {
    await p.goto(origin + "/index.html?quiz=" + file, { waitUntil: "load" });
    await waitReady(p);
    await waitForState(p, (s) => s.quiz === id);
    await until(() => cacheHolds(p, "crossroads-quizzes", "/" + file), `${file} in the widget's cache`);
  };
  const close = async () => {
    await context?.close();
    if (server) await closeServer(server);
    fs.rmSync(dir, { recursive: true, force: true });
  };

  test("deployed at a site's root, another app's pages, .json fetches and pictures are left alone", async () => {
    const p = await open();
    try {
      await openQuiz(p, "extra/one.json", "tiny");  // the widget's own quiz files are kept

      for (const [where, title] of [["/blog/", "Blog"], ["/other/index.html", "Other app"]]) {
        const res = await p.goto(origin + where, { waitUntil: "load" });
        assert.equal(await p.title(), title, `${where} showed another page`);
        assert.equal(res.fromServiceWorker(), false, `${where} was answered by the widget's worker`);
      }
      // The other app's page is in the worker's scope, yet its fetches go to its server each time.
      assert.equal(await p.evaluate(() => !!navigator.serviceWorker.controller), true);
      const data = path.join(dir, "other/data.json");
      const get = () => p.evaluate(() => fetch("data.json", { cache: "no-store" }).then((r) => r.ok ? r.text() : "HTTP " + r.status));
      assert.equal(await get(), '{"v":1}');
      fs.writeFileSync(data, '{"v":2}');
      assert.equal(await get(), '{"v":2}', "another app's .json came from the widget's cache");
      fs.rmSync(data);
      assert.equal(await get(), "HTTP 404", "another app's deleted .json is still served");
      await p.waitForFunction(() => document.getElementById("pic").complete && document.getElementById("pic").naturalWidth > 0);
      await p.evaluate(() => fetch("pic.png").then((r) => r.blob()));
      const mine = (await cached(p)).filter((u) => u.startsWith("/other/") || u.startsWith("/blog/"));
      assert.deepEqual(mine, [], "another app's files landed in the widget's caches");
    } finally {
      await close();
    }
  });

  test("a quiz file withdrawn from the server is dropped from the cache; one over 16 MB is never kept", async () => {
    const p = await open();
    try {
      await openQuiz(p, "extra/one.json", "tiny");
      fs.rmSync(path.join(dir, "extra/one.json"));
      await p.goto(origin + "/index.html?quiz=extra/one.json", { waitUntil: "load" });
      await waitReady(p);
      assert.match(await p.locator("#cr-message").innerText(), /404/, "a withdrawn quiz still opened");
      assert.equal(await cacheHolds(p, "crossroads-quizzes", "/extra/one.json"), false, "a withdrawn quiz stayed in the cache");

      // 17 MB: the widget refuses it, and the worker keeps none of it. (A small quiz opened after it is kept: the
      // worker has answered both by then.)
      fs.writeFileSync(path.join(dir, "extra/big.json"), '{"pad":"' + "x".repeat(17 * 1024 * 1024) + '"}');
      fs.copyFileSync(path.join(ROOT, "tests/fixtures/mini.json"), path.join(dir, "extra/mini.json"));
      await p.goto(origin + "/index.html?quiz=extra/big.json", { waitUntil: "load" });
      await waitReady(p);
      await openQuiz(p, "extra/mini.json", JSON.parse(fs.readFileSync(path.join(dir, "extra/mini.json"))).id);
      assert.equal(await cacheHolds(p, "crossroads-quizzes", "/extra/big.json"), false, "a quiz over 16 MB was kept");
    } finally {
      await close();
    }
  });

  test("the first studio visit after a deployment runs the new studio, and the old bundles go", async () => {
    const p = await open();
    try {
      await p.goto(origin + "/studio.html", { waitUntil: "load" });
      await until(() => cacheHolds(p, "crossroads-studio", "/studio.html"), "the studio in the cache");
      const html = fs.readFileSync(path.join(dir, "studio.html"), "utf8");
      const oldJs = /src="(studio\.[0-9a-f]{10}\.js)"/.exec(html)[1], newJs = "studio.0123456789.js";
      assert.ok(await cacheHolds(p, "crossroads-studio", "/" + oldJs));
      // A new deployment: a new studio bundle, and a page that names it.
      fs.copyFileSync(path.join(dir, oldJs), path.join(dir, newJs));
      fs.rmSync(path.join(dir, oldJs));
      fs.writeFileSync(path.join(dir, "studio.html"), html.replace(oldJs, newJs).replace("<title>Crossroads studio", "<title>Crossroads studio 2"));
      await p.goto(origin + "/studio.html", { waitUntil: "load" });
      assert.equal(await p.title(), "Crossroads studio 2", "the first visit after a deployment ran the old studio");
      await until(async () => !(await cacheHolds(p, "crossroads-studio", "/" + oldJs)) && cacheHolds(p, "crossroads-studio", "/" + newJs),
                  "the old studio bundle to leave the cache");
    } finally {
      await close();
    }
  });

  test("?preview=1 unregisters only this folder's worker, and only when the preview server is there", async () => {
    // Another app's worker beside the widget's; and one for the whole origin, as an earlier `serve` on this port left.
    const p = await open();
    const quiz = path.join(tempDir("crossroads-preview-"), "my-quiz.json");
    fs.copyFileSync(path.join(ROOT, "tests/fixtures/mini.json"), quiz);
    let pv = null;
    try {
      fs.writeFileSync(path.join(dir, "other/sw.js"), "// another app's worker\n");
      fs.writeFileSync(path.join(dir, "root-sw.js"), "// a worker for the whole origin\n");
      const registerOther = async (at) => {
        await p.goto(at + "/other/index.html", { waitUntil: "load" });
        await p.evaluate(() => navigator.serviceWorker.register("sw.js").then(() => navigator.serviceWorker.ready));
      };
      await registerOther(origin);
      assert.deepEqual(await scopes(p), ["/", "/other/"]);
      // A deployed site: nothing answers preview/events, and ?preview=1 changes no worker.
      const probed = p.waitForResponse((r) => r.url().endsWith("/preview/events"));
      await p.goto(origin + "/index.html?quiz=content/python-path.json&preview=1", { waitUntil: "load" });
      await waitReady(p);
      await probed;
      assert.deepEqual(await scopes(p), ["/", "/other/"], "?preview=1 on a deployed site unregistered workers");

      // The preview server: the worker for its folder goes, the other app's stays.
      pv = await preview(dir, quiz, 0);
      const at = `http://127.0.0.1:${pv.address().port}`;
      await registerOther(at);
      await p.evaluate(() => navigator.serviceWorker.register("/root-sw.js", { scope: "/" }).then((r) => r.update()));
      assert.deepEqual(await scopes(p), ["/", "/other/"]);
      await p.goto(at + "/", { waitUntil: "load" });
      await waitReady(p);
      await until(async () => !(await scopes(p)).includes("/"), "the preview to unregister its folder's worker");
      assert.deepEqual(await scopes(p), ["/other/"], "the preview unregistered another app's worker");
    } finally {
      if (pv) await closeServer(pv);
      fs.rmSync(path.dirname(quiz), { recursive: true, force: true });
      await close();
    }
  });
});
