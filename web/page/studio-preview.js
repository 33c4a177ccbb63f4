// Inside the studio (web/studio.html embeds this page with ?studio=1), the page is the live preview: it loads the
// text the studio sends as the quiz, in place, and runs the reader profiles against it, answering with the core's
// diagnostics and verdicts. Only a parent page on this site may ask (web/page/host.js).
import { words } from "./options.js";
import { post } from "./host.js";
import { loadBytes, showReloaded, withBytes } from "./quiz.js";
import { mod } from "./widget.js";

// The studio's protocol (docs/embedding.md, "The studio"): from the parent page, and only from one on this site,
// { command: "load", seq, name, text } loads the text as quiz file `name` in place; the answer is the event
// "loaded" { seq, ok, diagnostics: every line of the core's check, warnings too, summary: the core's words for their
// count ("2 problems: ...", "" for none) }.
// { command: "test", seq, name, text } runs the reader profiles in the text against the quiz loaded last; the
// answer is "tested" { seq, result: { ok, error, failed, profiles: [{ name, expect, pass, problems }] } }.
export function studioCommand(d) {
  if ((d.command !== "load" && d.command !== "test") || typeof d.text !== "string" || typeof d.name !== "string" ||
      !/^[^\/\\:]{1,200}$/.test(d.name) || typeof d.seq !== "number" || !mod) return;
  var bytes = new TextEncoder().encode(d.text);
  if (d.command === "test") {
    var at = withBytes(mod._cr_test_profiles, bytes, d.name);
    post("tested", { seq: d.seq, result: at > 0 ? JSON.parse(mod.UTF8ToString(at)) : { ok: false, error: words().PageNoMemory, failed: 0, profiles: [] } });
    return;
  }
  var got = loadBytes(bytes, d.name);
  showReloaded(got);
  var summary = got.all.length ? mod.UTF8ToString(mod._cr_problem_count(got.all.length)) : "";
  post("loaded", { seq: d.seq, ok: got.kind === "ok", diagnostics: got.all, summary: summary });
}
