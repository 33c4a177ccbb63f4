// The reader's run as events for the host page: the wasm's app layer (src/app) works them out from each change
// (started, question, answered, completed, and abandoned when the reader leaves mid-quiz) and hands them here to post.
// The events and their fields are documented in docs/embedding.md.
import { post } from "./host.js";
import { stateDrawn } from "./ready.js";
import { mod, notify } from "./widget.js";

export var last = null;  // the state the wasm reported last

export function onState() {  // called by the wasm after a frame that drew a new state
  last = notify();
  stateDrawn(last);
}

export function onHostEvent(name, detail) { post(name, detail); }

// The reader leaves: this page is hidden or unloaded (the wasm sends "abandoned" once per run, before the results).
// When the host page itself goes away its message handlers may not run any more; embed.js then sends the event from
// the host's side.
function leaving() { if (mod) mod._cr_page_hidden(); }
export function watchLeaving() {
  window.addEventListener("pagehide", leaving);
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") leaving(); });
}
