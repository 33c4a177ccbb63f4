// Completion and hover help for the studio's quiz editor, read from the content format's JSON Schema
// (content/schema/quiz.schema.json, inlined in studio.html): the keys an object may have, the values a key allows,
// and each one's description, found by walking CodeMirror's JSON syntax tree to the JSON path under the cursor.
import { autocompletion, insertCompletionText, pickedCompletion } from "@codemirror/autocomplete";
import { ensureSyntaxTree, syntaxTree } from "@codemirror/language";
import { hoverTooltip } from "@codemirror/view";

const VALUE_NODES = new Set(["Object", "Array", "String", "Number", "True", "False", "Null"]);

// ---- the schema: a node's variants and children ----------------------------------------------------------------

// The schemas of if/then/else branches: what they require holds only under their condition.
const conditional = new WeakSet();

// `node` with its "$ref" (to "#/$defs/<name>") followed, and the schemas its allOf / anyOf / oneOf / then / else
// branches add: a list of plain schema objects that together say what may stand at one place.
function variants(root, node, seen = new Set()) {
  if (!node || typeof node !== "object" || seen.has(node)) return [];
  seen.add(node);
  const out = [node];
  if (typeof node.$ref === "string") out.push(...variants(root, root.$defs?.[node.$ref.replace("#/$defs/", "")], seen));
  for (const key of ["allOf", "anyOf", "oneOf"]) for (const branch of node[key] || []) out.push(...variants(root, branch, seen));
  for (const key of ["then", "else"]) {
    if (node[key] && typeof node[key] === "object") conditional.add(node[key]);
    out.push(...variants(root, node[key], seen));
  }
  return out;
}

// The schemas for the value at JSON path `path` (keys and indices) of a quiz file.
function schemasAt(root, path) {
  let here = variants(root, root);
  for (const step of path) {
    const next = [];
    for (const v of here) {
      const child = typeof step === "number" ? v.items
        : (v.properties && v.properties[step]) || (typeof v.additionalProperties === "object" ? v.additionalProperties : null);
      next.push(...variants(root, child));
    }
    here = next;
  }
  return here;
}

const first = (schemas, key) => schemas.map((s) => s[key]).find((v) => v !== undefined);

// The keys an object described by `schemas` may have: name -> { schemas, required }.
function keysOf(root, schemas) {
  const keys = new Map();
  const required = new Set(schemas.filter((s) => !conditional.has(s)).flatMap((s) => s.required || []));
  for (const s of schemas) {
    for (const [name, child] of Object.entries(s.properties || {})) {
      if (!keys.has(name)) keys.set(name, { schemas: [], required: required.has(name) });
      keys.get(name).schemas.push(...variants(root, child));
    }
  }
  return keys;
}

// The JSON values a place allows when they can be listed: enums, consts, booleans.
function valuesOf(schemas) {
  const values = [];
  const add = (v) => { if (!values.some((w) => JSON.stringify(w) === JSON.stringify(v))) values.push(v); };
  for (const s of schemas) {
    for (const v of s.enum || []) add(v);
    if ("const" in s) add(s.const);
    if (s.type === "boolean") { add(true); add(false); }
  }
  return values;
}

// "string", "array", "\"a\" | \"b\"": what kind of value a place takes, in JSON Schema's own terms.
function kindOf(schemas) {
  const values = valuesOf(schemas);
  if (values.length) return values.map((v) => JSON.stringify(v)).join(" | ");
  const types = [...new Set(schemas.flatMap((s) => [].concat(s.type || [])))];
  return types.join(" | ");
}

// ---- the document: the JSON path of a syntax node ------------------------------------------------------------------

// The keys at the top level of the object that starts at `from` ("{"), read from the text: while a key is being
// typed the syntax tree has lost the properties after it, so the text is scanned to the matching "}".
function keysIn(state, from) {
  const text = state.sliceDoc(from);
  const keys = new Set();
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"' && text[end] !== "\n") end += text[end] === "\\" ? 2 : 1;
      if (depth === 1 && /^\s*:/.test(text.slice(end + 1, end + 40))) {
        try { keys.add(JSON.parse(text.slice(i, end + 1))); } catch (e) { /* not a complete key */ }
      }
      i = end;
    } else if (c === "{" || c === "[") {
      depth++;
    } else if ((c === "}" || c === "]") && --depth === 0) {
      break;
    }
  }
  return keys;
}

// The key of Property node `property`, or null while it is not a complete JSON string.
const keyOf = (state, property) => {
  const name = property.getChild("PropertyName");
  try { return name ? JSON.parse(state.sliceDoc(name.from, name.to)) : null; } catch (e) { return null; }
};

// Path from the document's top to syntax node `node` (a value, or an Object/Array being typed in).
function pathOf(state, node) {
  const path = [];
  for (let n = node, parent = n.parent; parent; n = parent, parent = n.parent) {
    if (parent.name === "Property") {
      path.unshift(keyOf(state, parent));
    } else if (parent.name === "Array") {
      path.unshift(elements(parent).filter((c) => c.from < n.from).length);
    }
  }
  return path;
}

// The innermost Object or Array around `pos`.
function containerAt(state, pos) {
  for (let n = syntaxTree(state).resolveInner(pos, -1); n; n = n.parent) {
    if ((n.name === "Object" || n.name === "Array") && n.from < pos) return n;
  }
  return null;
}

// ---- the quiz's own ids ---------------------------------------------------------------------------------------------

// The value nodes of Array node `array`, in order.
function elements(array) {
  const out = [];
  for (let c = array.firstChild; c; c = c.nextSibling) if (VALUE_NODES.has(c.name)) out.push(c);
  return out;
}

// The value nodes at `pattern` (keys, and "*" for every element of an array) below node `start`, e.g. the outcome
// objects at ["outcomes", "*"] below the document's value.
function nodesAt(state, start, pattern) {
  let nodes = start ? [start] : [];
  for (const step of pattern) {
    nodes = nodes.flatMap((n) => {
      if (step === "*") return n.name === "Array" ? elements(n) : [];
      if (n.name !== "Object") return [];
      return n.getChildren("Property").filter((p) => keyOf(state, p) === step).map((p) => p.lastChild)
        .filter((v) => v && VALUE_NODES.has(v.name));
    });
  }
  return nodes;
}

// The string at key `key` of Object node `object`, or null.
function stringIn(state, object, key) {
  const [node] = nodesAt(state, object, [key]);
  if (!node || node.name !== "String") return null;
  try { return JSON.parse(state.sliceDoc(node.from, node.to)); } catch (e) { return null; }
}

// The objects of a list with their "id" and the text that names them for a person (`labelKey`).
const named = (state, objects, labelKey) => objects.filter((o) => o.name === "Object")
  .map((o) => ({ id: stringIn(state, o, "id"), label: stringIn(state, o, labelKey), node: o })).filter((x) => x.id);

// The ids a place refers to, as { id, label }: outcome ids as the keys of "weights" (`asKeys`) and as a decision
// rule's "outcome" (its own, and its condition's requirement form), question ids as a condition's "question", and
// that question's option ids in its "any_of" and "none_of". `owner` is the Object the place is in.
function idsFor(state, path, owner, asKeys) {
  const top = (ensureSyntaxTree(state, state.doc.length, 50) || syntaxTree(state)).topNode.firstChild;
  const questions = () => named(state, nodesAt(state, top, ["sections", "*", "questions", "*"]), "prompt");
  const last = path[path.length - 1], parent = path[path.length - 2];
  const outcomes = () => named(state, nodesAt(state, top, ["outcomes", "*"]), "title");
  if (asKeys) return last === "weights" ? outcomes() : [];
  if (last === "outcome") return outcomes();
  if (last === "question") return questions();
  if (typeof last === "number" && (parent === "any_of" || parent === "none_of")) {
    const asked = questions().find((q) => q.id === stringIn(state, owner, "question"));
    return asked ? named(state, nodesAt(state, asked.node, ["options", "*"]), "label") : [];
  }
  return [];
}

// ---- completion -----------------------------------------------------------------------------------------------------

// What a place means: its own description, then its definition's (e.g. "Outcome sections only." and what weights
// are), and its default.
function info(schemas, texts) {
  const descriptions = [...new Set(schemas.map((s) => s.description).filter(Boolean))];
  const fallback = first(schemas, "default");
  if (fallback !== undefined) descriptions.push(texts.schemaDefault.replace("{value}", JSON.stringify(fallback)));
  return descriptions.join("\n") || undefined;
}

// Inserts `text` for a picked completion, over the closing quote that closeBrackets put after the cursor, if any.
const applyQuoted = (text) => (view, completion, from, to) => {
  const end = view.state.sliceDoc(to, to + 1) === '"' && /"$|": $/.test(text) ? to + 1 : to;
  view.dispatch({ ...insertCompletionText(view.state, text, from, end), annotations: pickedCompletion.of(completion) });
};

function complete(root, texts) {
  return (context) => {
    const { state, pos } = context;
    const word = context.matchBefore(/"?[\w$-]*/);
    const from = word ? word.from : pos;
    const quoted = state.sliceDoc(from, from + 1) === '"';
    const container = containerAt(state, from);
    if (!container) return null;
    const before = state.sliceDoc(container.from, from).trimEnd().slice(-1);
    if (container.name === "Object" && (before === "{" || before === ",")) {
      const typed = state.sliceDoc(from + (quoted ? 1 : 0), pos);
      const present = keysIn(state, container.from);
      const path = pathOf(state, container);
      const options = idsFor(state, path, container, true).filter((x) => !present.has(x.id) || x.id === typed)
        .map((x) => ({ label: x.id, apply: applyQuoted(`${quoted ? "" : '"'}${x.id}": `), type: "variable", info: x.label || undefined }));
      for (const [name, key] of keysOf(root, schemasAt(root, path))) {
        if (present.has(name) && name !== typed) continue;
        options.push({ label: name, apply: applyQuoted(`${quoted ? "" : '"'}${name}": `), type: "property", detail: kindOf(key.schemas),
                       info: info(key.schemas, texts), boost: key.required ? 1 : 0 });
      }
      // The label is matched against what follows the opening quote.
      return options.length ? { from: from + (quoted ? 1 : 0), options, validFor: /^[\w$-]*$/ } : null;
    }
    let path, owner = container;
    if (container.name === "Object" && before === ":") {
      const property = container.getChildren("Property").filter((p) => p.from < from).pop();
      if (!property) return null;
      path = [...pathOf(state, container), keyOf(state, property)];
    } else if (container.name === "Array" && (before === "[" || before === ",")) {
      path = [...pathOf(state, container), elements(container).filter((c) => c.to <= from).length];
      owner = container.parent && container.parent.name === "Property" ? container.parent.parent : null;
    } else {
      return null;
    }
    const schemas = schemasAt(root, path);
    const ids = owner ? idsFor(state, path, owner, false) : [];
    const options = [...ids.map((x) => ({ id: x.id, info: x.label || undefined, type: "variable" })),
                     ...valuesOf(schemas).map((v) => ({ id: v, info: info(schemas, texts), type: "enum" }))]
      .map((o) => ({ label: JSON.stringify(o.id), apply: applyQuoted(JSON.stringify(o.id)), type: o.type, info: o.info }));
    return options.length ? { from, options, validFor: /^"?[\w-]*$/ } : null;
  };
}

// ---- hover ------------------------------------------------------------------------------------------------------------

function hover(root, texts) {
  return hoverTooltip((view, pos, side) => {
    const node = syntaxTree(view.state).resolveInner(pos, side);
    if (node.name !== "PropertyName") return null;
    const property = node.parent;
    const schemas = schemasAt(root, [...pathOf(view.state, property.parent), keyOf(view.state, property)]);
    const text = info(schemas, texts);
    const kind = kindOf(schemas);
    if (!text && !kind) return null;
    return {
      pos: node.from,
      end: node.to,
      above: true,
      create() {
        const dom = document.createElement("div");
        dom.className = "st-help";
        const head = document.createElement("div");
        head.className = "st-help-head";
        head.textContent = kind ? `${keyOf(view.state, property)}: ${kind}` : keyOf(view.state, property);
        dom.appendChild(head);
        if (text) {
          const body = document.createElement("div");
          body.textContent = text;
          dom.appendChild(body);
        }
        return { dom };
      },
    };
  });
}

/** The editor extensions that give completion (Ctrl+Space, or as one types a key) and hover help from JSON Schema
 *  `schema` (an object with "$defs"); `texts` is the studio's catalogue (schemaDefault: "Default: {value}"). */
export function schemaHelp(schema, texts) {
  return [autocompletion({ override: [complete(schema, texts)] }), hover(schema, texts)];
}
