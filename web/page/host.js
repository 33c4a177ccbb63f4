// The embedding page, when there is one (embed.js's iframe): messages to it (only ever to window.parent, with the
// campaign fields) and the commands it may send, accepted only from the parent window and only when well formed.
// The protocol is in docs/embedding.md.
import { campaign, embedded, fromDisk, hostOrigin, params, studio } from "./options.js";

var PROTOCOL = 1;

export function post(event, detail) {
  if (!embedded) return;
  detail = detail || {};
  if (campaign) detail.campaign = campaign;
  try {
    window.parent.postMessage({ type: "crossroads", v: PROTOCOL, id: params.get("id") || "", event: event, detail: detail }, hostOrigin);
  } catch (e) { /* a wrong host origin drops the message; nothing else to do */ }
}

// Commands from the parent: "restart" from any host; the studio's own (`studioCommand`) only from a page on this site.
export function listenToHost(studioCommand) {
  window.addEventListener("message", function (e) {
    if (!embedded || e.source !== window.parent) return;
    if (hostOrigin !== "*" && e.origin !== hostOrigin) return;
    var d = e.data;
    if (!d || typeof d !== "object" || d.type !== "crossroads" || d.v !== PROTOCOL || typeof d.command !== "string") return;
    if (d.command === "restart") window.crossroads.command("restart");
    else if (studio && (e.origin === location.origin || (fromDisk && e.origin === "null"))) studioCommand(d);  // from disk: opaque
  });
}
