// Holds content/schema/quiz.schema.json and `crossroads validate` to one promise, on the content, the fixtures,
// tests/schema/{valid,invalid} and every example in docs/content-format.md: each file validate accepts passes the
// schema, and each problem of a class the schema covers (check.schema_checks) is rejected by the schema too.
// Usage: node tests/schema/check_agreement.mjs PATH/TO/crossroads REPO_ROOT   (CTest passes both)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { quizValidator } from "../../scripts/check-schema.mjs";

const [bin, root] = process.argv.slice(2);
if (!bin || !root) {
  process.stderr.write("usage: node tests/schema/check_agreement.mjs PATH/TO/crossroads REPO_ROOT\n");
  process.exit(2);
}
const failures = [];
const fail = (what) => failures.push(what);
const jsonFiles = (dir) => fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(root, dir, f));

// ---- the examples in the docs: ```json KIND blocks -------------------------------------------------------
// KIND "quiz": a whole quiz, checked like any file below; "invalid": a whole quiz both must reject;
// "keys": top-level keys, each value checked against its property in the schema; any other word: a $defs name.
const work = fs.mkdtempSync(path.join(os.tmpdir(), "crossroads-schema-"));
const docs = fs.readFileSync(path.join(root, "docs", "content-format.md"), "utf8");
const examples = [];
for (const [, kind, body, offset] of [...docs.matchAll(/^```json(?: (\S+))?\n([\s\S]*?)^```$/gm)].map((m) => [...m, m.index])) {
  const line = docs.slice(0, offset).split("\n").length;
  const where = `docs/content-format.md:${line}`;
  if (!kind) {
    fail(`${where}: a json example without a kind (quiz, invalid, keys or a $defs name such as question)`);
    continue;
  }
  if (kind === "quiz" || kind === "invalid") {
    const file = path.join(work, `example-line-${line}.json`);
    fs.writeFileSync(file, body);
    examples.push({ file, where, invalid: kind === "invalid" });
    continue;
  }
  let data;
  try {
    data = JSON.parse(kind === "keys" ? `{${body}}` : body);
  } catch (e) {
    fail(`${where}: not JSON: ${e.message}`);
    continue;
  }
  const parts = kind === "keys" ? Object.entries(data).map(([k, v]) => [`/properties/${k}`, v]) : [[`/$defs/${kind}`, data]];
  for (const [part, value] of parts) {
    let found;
    try {
      found = quizValidator(part)(value);
    } catch (e) {
      fail(`${where}: the schema has no ${part}: ${e.message}`);
      continue;
    }
    for (const p of found) fail(`${where}: ${kind} example fails the schema at ${part}${p.path ? `/${p.path}` : ""}: ${p.message}`);
  }
}

// ---- every file through both -------------------------------------------------------------------------------
const files = [...jsonFiles("content"), ...jsonFiles("tests/fixtures"), ...jsonFiles("tests/schema/valid"),
  ...jsonFiles("tests/schema/invalid"), ...examples.map((e) => e.file)];
const run = spawnSync(bin, ["validate", "--json", ...files], { encoding: "utf8", maxBuffer: 64 << 20 });
if (run.error || run.status > 1) {
  process.stderr.write(`cannot run ${bin}: ${run.error || run.stderr}\n`);
  process.exit(2);
}
const check = quizValidator();
const invalidExample = new Map(examples.map((e) => [e.file, e]));
let structural = 0;
for (const report of JSON.parse(run.stdout)) {
  const example = invalidExample.get(report.file);
  const name = example ? example.where : path.relative(root, report.file);
  let schemaProblems;
  try {
    schemaProblems = check(JSON.parse(fs.readFileSync(report.file, "utf8")));
  } catch (e) {
    schemaProblems = [{ path: "", message: `not JSON: ${e.message}` }];
  }
  const errors = report.diagnostics.filter((d) => d.severity === "error");
  const told = (list) => list.map((p) => `${p.path || "(top)"}: ${p.message}`).join("; ");
  if (report.ok && schemaProblems.length) fail(`${name}: validate accepts it but the schema rejects it: ${told(schemaProblems)}`);
  const covered = errors.filter((d) => d.schema_checks);
  structural += covered.length > 0 ? 1 : 0;
  if (covered.length && !schemaProblems.length)
    fail(`${name}: validate rejects it (${covered.map((d) => `${d.check}: ${d.where}: ${d.message}`).join("; ")}) but the schema accepts it`);
  if (example?.invalid && (report.ok || !schemaProblems.length)) fail(`${name}: marked invalid, but validate or the schema accepts it`);
  if (example && !example.invalid && !report.ok) fail(`${name}: the example fails validate: ${told(errors.map((d) => ({ path: d.where, message: d.message })))}`);
  const dir = path.basename(path.dirname(report.file));
  if (dir === "valid" && !report.ok) fail(`${name}: in tests/schema/valid but validate rejects it`);
  if (dir === "invalid") {
    const cls = path.basename(report.file).split(".")[0];
    if (!errors.length) fail(`${name}: in tests/schema/invalid but validate accepts it`);
    const other = errors.filter((d) => d.check !== cls);
    if (other.length) fail(`${name}: named for class ${cls} but validate reports ${other.map((d) => d.check).join(", ")}`);
  }
}
fs.rmSync(work, { recursive: true, force: true });

for (const f of failures) process.stdout.write(`FAIL: ${f}\n`);
process.stdout.write(`${files.length} files (${examples.length} of them docs examples), ${structural} rejected for structure by both; ` +
  `${failures.length} failures\n`);
process.exit(failures.length ? 1 : 0);
