// Live preview for editors (./build-wasm.sh preview FILE [PORT]): serves dist/ with the editor's quiz file at
// preview/<its name>, never cached, and tells the open page through server-sent events (preview/events) each time
// the file is saved, so the page reloads the quiz in place within a second.
import fs from "node:fs";
import path from "node:path";
import { fileHandler, serve } from "./serve.mjs";

// Starts the preview server; returns the http.Server. `file` is the quiz being edited.
export async function preview(root, file, port, host = "127.0.0.1") {
  const quiz = path.resolve(file);
  const served = "/preview/" + encodeURIComponent(path.basename(quiz));  // messages name the editor's file
  const files = fileHandler(root);
  const clients = new Set();
  let timer = null;
  // Editors save in bursts (write, rename, touch): one "change" per burst.
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => { for (const res of clients) res.write("event: change\ndata: {}\n\n"); }, 120);
  };
  // Watch the folder, not the file: many editors replace the file on save, which ends a watch on the file itself.
  const watcher = fs.watch(path.dirname(quiz), (event, name) => { if (!name || name === path.basename(quiz)) changed(); });
  const server = await serve(root, port, host, (req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (url.pathname === "/" ) {
      res.writeHead(302, { location: `/index.html?quiz=${served.slice(1)}&preview=1` }).end();
    } else if (url.pathname === served) {
      fs.readFile(quiz, (err, data) => {
        if (err) { res.writeHead(404, { "content-type": "text/plain" }).end(String(err.message)); return; }
        res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }).end(data);
      });
    } else if (url.pathname === "/preview/events") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
    } else if (url.pathname === "/sw.js") {
      res.writeHead(404, { "content-type": "text/plain" }).end("no offline worker in a preview");
    } else {
      files(req, res);
    }
  });
  server.on("close", () => { watcher.close(); clearTimeout(timer); });
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
  const file = arg("--quiz", null);
  if (!file || !fs.existsSync(file)) {
    console.error("usage: node scripts/preview.mjs --quiz FILE [--root dist] [--port 8080]");
    process.exit(2);
  }
  const port = Number(arg("--port", "8080"));
  await preview(arg("--root", "dist"), file, port);
  console.log(`Previewing ${file} at http://127.0.0.1:${port}/ : save the file and the page follows (Ctrl+C to stop)`);
}
