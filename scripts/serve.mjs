// A small static file server for dist/ on loopback, with the right MIME types (application/wasm)
// and no caching surprises. Used by `./build-wasm.sh serve` and by the browser tests.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json; charset=utf-8",
  ".png": "image/png", ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8", ".webmanifest": "application/manifest+json",
};

// The request handler for files under `root` (for servers that add routes of their own, like the tests').
export function fileHandler(root) {
  const base = path.resolve(root);
  return (req, res) => {
    const url = new URL(req.url, "http://localhost");
    let file = path.normalize(path.join(base, decodeURIComponent(url.pathname)));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, { "content-type": "text/plain" }).end("not found"); return; }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-cache" });
      res.end(data);
    });
  };
}

export function serve(root, port, host = "127.0.0.1", handler = fileHandler(root)) {
  const server = http.createServer(handler);
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
  const root = arg("--root", "dist"), port = Number(arg("--port", "8080"));
  await serve(root, port);
  console.log(`Serving ${root} at http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
}
