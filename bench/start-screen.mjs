// Benchmark helpers for the page's own start screen (scripts/first_screen.py): the marks that time it, alike in
// first-load.mjs and first-paint-ab.mjs, and the same page as plain HTML without any script of ours, the floor any
// change to how the page loads can reach in this browser.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), "out");

// An init script (runs before the page's HTML is parsed): marks bench:<inDom> when `selector` first matches, then
// bench:<inDom>, next frame begun, and bench:<drawn> at the start of the frame after that one (the first frame lays the
// screen out and paints it). Self-contained: Playwright sends its source to the page.
export function markWhenDrawn({ selector, inDom, drawn }) {
  const watch = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    watch.disconnect();
    performance.mark(`bench:${inDom}`);
    requestAnimationFrame(() => {
      performance.mark(`bench:${inDom}, next frame begun`);
      requestAnimationFrame(() => performance.mark(`bench:${drawn}`));
    });
  });
  watch.observe(document, { childList: true, subtree: true });
}

// Our start screen is in the DOM once its Start button (after the title and intro) is.
export const START_SCREEN = { selector: "#cr-first [data-hit=start]", inDom: "start-screen-in-dom", drawn: "start-screen-drawn" };

// Writes bench/out/static/: `dist`'s index.html without its script files and preloads (its inline script, which
// hides the start screen on a page for another quiz, stays), with its stylesheet and icon. The same start screen,
// drawn by the browser with nothing of ours running or downloading. Returns the directory.
export function writeStaticCopy(dist) {
  const dir = path.join(OUT, "static");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(OUT, ".gitignore"), "*\n");
  const html = fs.readFileSync(path.join(dist, "index.html"), "utf8")
    .replace(/<script\b[^>]*\bsrc="[^"]*"[^>]*><\/script>\n?/g, "")
    .replace(/<link rel="preload"[^>]*>\n?/g, "");
  fs.writeFileSync(path.join(dir, "index.html"), html);
  for (const [, file] of html.matchAll(/<link rel="(?:stylesheet|icon)" href="([^"]+)"/g)) {
    fs.copyFileSync(path.join(dist, file), path.join(dir, file));
  }
  return dir;
}
