// The page's first screen made ready for this address before any script file runs: scripts/assemble.py puts this
// function, called at once, into index.html as its one inline script (its hash is in docs/embedding.md's policy), and
// web/app.js calls it again where a policy without that hash refused it. Plain ES5, as it runs untranspiled.
export function prepare(root, p) {
  if (root.hasAttribute("data-prepared")) return;
  root.setAttribute("data-prepared", "");
  var q = p.get("quiz"), theme = p.get("theme"), accent = /^#?([0-9a-fA-F]{6})$/.exec(p.get("accent") || "");
  // Hidden for another quiz (a ?quiz= page may name one); no "related" link from disk, where it cannot work.
  if (q && q !== root.getAttribute("data-quiz")) root.classList.add("cr-other");
  if (location.protocol === "file:") root.classList.add("cr-no-links");
  if (theme === "light" || theme === "dark") document.documentElement.setAttribute("data-theme", theme);
  if (accent) {
    var n = parseInt(accent[1], 16);  // the text on it as src/ui/theme.cpp picks it: dark on a light accent
    root.style.setProperty("--cr-accent", "#" + accent[1]);
    root.style.setProperty("--cr-on-accent", (0.2126 * (n >> 16) + 0.7152 * (n >> 8 & 255) + 0.0722 * (n & 255)) / 255 > 0.6 ? "#111111" : "#ffffff");
  }
  // A tap on its buttons is kept for the widget to carry out when ready (web/page/first-screen.js), not sent as the
  // plain form's ?start=question, which would drop the page's other parameters.
  root.addEventListener("click", function (e) {
    var hit = e.target.closest && e.target.closest("#cr-first [data-hit]");
    if (!hit) return;
    e.preventDefault();
    root.setAttribute("data-tap", hit.getAttribute("data-hit"));
  });
}
