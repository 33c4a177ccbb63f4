// Share links as the page sees them: the code a link brought (read once from the fragment, then dropped from the
// address bar) and the address a new share link points to. The wasm reads both through Module options; it keeps
// the reader's progress in localStorage itself (web/bridge-library.js).
import { embedded, hostOrigin, params } from "./options.js";

// A share code arrives in this page's fragment (#s=...; embed.js forwards the one on the host post). It is
// read once and dropped from the address bar, so a reload shows the reader's own progress again.
export function takeShareCode() {
  var m = /[#&]s=([A-Za-z0-9._~-]+)/.exec(location.hash || "");
  if (!m) return "";
  try { history.replaceState(history.state, "", location.href.split("#")[0]); } catch (e) { /* opaque origins */ }
  return m[1];
}
// Where a share link points: the blog post around an embed (given by embed.js, same origin as the host),
// else this page. Null from disk, where there is no address a friend could open.
export function shareBase() {
  var page = params.get("page");
  if (embedded && page) {
    try {
      var u = new URL(page);
      if ((u.protocol === "https:" || u.protocol === "http:") && u.origin === hostOrigin) return u.href.split("#")[0] + "#crossroads=";
    } catch (e) { /* fall through to this page's address */ }
  }
  if (location.protocol !== "http:" && location.protocol !== "https:") return null;
  return location.href.split("#")[0] + "#s=";
}
