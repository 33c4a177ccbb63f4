// Checks quiz files against content/schema/quiz.schema.json with a real JSON Schema (draft 2020-12)
// validator, as an editor's IDE does: `node scripts/check-schema.mjs FILE...` prints "FILE: ok" or one
// "FILE: error: path: message" line per problem, and exits 1 when any file fails (2 on bad usage).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";

const SCHEMA = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "content", "schema", "quiz.schema.json");

/** A check(data) function for the quiz schema, or for the part of it at JSON pointer `part` ("/$defs/question").
 *  check(data) gives [] when `data` passes, else a list of {path, message} (see problems()). Throws when the
 *  schema does not compile or `part` names nothing in it. */
export function quizValidator(part = "") {
  const ajv = new Ajv2020({ allErrors: true, verbose: true });
  ajv.addSchema(JSON.parse(fs.readFileSync(SCHEMA, "utf8")), "quiz");
  const validate = ajv.compile({ $ref: `quiz#${part}` });
  return (data) => (validate(data) ? [] : problems(validate.errors));
}

// "/sections/0/questions/2" -> "sections[0].questions[2]" (the loader's index path).
function indexPath(pointer) {
  return pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((out, p) => (/^\d+$/.test(p) ? `${out}[${p}]` : out ? `${out}.${p}` : p), "");
}

// The keys a {"not": ...} error forbids that `data` has: from {required: [...]} or {anyOf: [{required}, ...]}.
function forbiddenPresent(schema, data) {
  const lists = schema.anyOf ? schema.anyOf.map((s) => s.required || []) : [schema.required || []];
  return lists.flat().filter((k) => data && typeof data === "object" && k in data);
}

/** Ajv's errors as one plain {path, message} per problem: "if" wrappers are dropped, an "anyOf" of required
 *  keys becomes one "needs one of" message, and a "not" names the keys that do not belong. */
export function problems(errors) {
  const out = [];
  const anyOfPaths = errors.filter((e) => e.keyword === "anyOf").map((e) => e.schemaPath.replace(/\/anyOf$/, "/anyOf/"));
  for (const e of errors) {
    if (e.keyword === "if") continue;
    if (anyOfPaths.some((p) => e.schemaPath.startsWith(p))) continue;  // told once, by the anyOf itself
    let message = e.message;
    if (e.keyword === "additionalProperties") message = `unknown key '${e.params.additionalProperty}'`;
    else if (e.keyword === "required") message = `missing required key '${e.params.missingProperty}'`;
    else if (e.keyword === "enum") message = `must be one of ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
    else if (e.keyword === "anyOf" && e.schema.every((s) => s.required)) {
      message = `needs one of ${e.schema.map((s) => `"${s.required[0]}"`).join(", ")}`;
    } else if (e.keyword === "not") {
      const keys = forbiddenPresent(e.schema, e.data);
      if (keys.length) message = `${keys.map((k) => `"${k}"`).join(", ")} ${keys.length > 1 ? "do" : "does"} not belong here`;
    }
    out.push({ path: indexPath(e.instancePath), message });
  }
  return out;
}

function main(files) {
  if (files.length === 0) {
    process.stderr.write("usage: node scripts/check-schema.mjs FILE...\n");
    return 2;
  }
  const check = quizValidator();
  let failed = 0;
  for (const file of files) {
    let data;
    try {
      data = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
      process.stderr.write(`${file}: error: ${e.code === "ENOENT" ? "cannot read the file (does it exist?)" : `invalid JSON: ${e.message}`}\n`);
      failed += 1;
      continue;
    }
    const found = check(data);
    for (const p of found) process.stderr.write(`${file}: error: ${p.path ? `${p.path}: ` : ""}${p.message}\n`);
    if (found.length) failed += 1;
    else process.stdout.write(`${file}: ok\n`);
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) process.exitCode = main(process.argv.slice(2));
