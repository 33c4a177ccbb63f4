// Benchmark input: the DOM quiz a blog would pick instead of ours. Turns a Crossroads quiz (default
// content/python-path.json) into SurveyJS JSON, one question per page, and writes a static page in bench/out/surveyjs/
// with SurveyJS's documented minimal setup, served from the npm packages' own files. Usage: node bench/surveyjs-page.mjs [QUIZ]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const OUT = path.join(ROOT, "bench/out/surveyjs");
// The three files of the documented setup: survey-core's script and default theme, survey-js-ui's UMD bundle. The theme is
// its "fontless" build: the documented one loads Open Sans from a font host, and nothing here comes from outside.
const LIBRARY = ["survey-core/survey-core.fontless.min.css", "survey-core/survey.core.min.js", "survey-js-ui/survey-js-ui.min.js"];

// A show_if condition as a SurveyJS expression. Ours is false while its question is unanswered, hence "notempty".
function expression(c) {
  const ids = (list) => "[" + list.map((id) => `'${id}'`).join(", ") + "]";
  if (c.any_of) return `{${c.question}} anyof ${ids(c.any_of)}`;
  if (c.none_of) return `{${c.question}} notempty and {${c.question}} noneof ${ids(c.none_of)}`;
  const parts = [`{${c.question}} notempty`];
  if (c.min !== undefined) parts.push(`{${c.question}} >= ${c.min}`);
  if (c.max !== undefined) parts.push(`{${c.question}} <= ${c.max}`);
  return parts.join(" and ");
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// One of our questions as SurveyJS elements: the code snippet (an html element) and the question itself.
function elements(q, section, shuffle) {
  const knowledge = section.kind === "knowledge";
  const base = { name: q.id, title: q.prompt, isRequired: q.required !== false };
  if (q.explanation && !knowledge) base.description = q.explanation;  // ours shows it under the prompt only there
  const choices = (q.options || []).map((o) => ({ value: o.id, text: o.label }));
  let question;
  if (q.type === "scale") {
    const s = q.scale;
    question = { ...base, type: "rating", rateMin: s.min, rateMax: s.max, rateStep: s.step,
                 minRateDescription: s.min_label, maxRateDescription: s.max_label };
    if (s.default !== undefined) question.defaultValue = s.default;
  } else if (q.type === "true_false") {
    question = { ...base, type: "radiogroup",
                 choices: choices.length ? choices : [{ value: "true", text: "True" }, { value: "false", text: "False" }] };
    if (knowledge) question.correctAnswer = String(q.correct);
  } else {
    question = { ...base, type: q.type === "multiple" ? "checkbox" : "radiogroup", choices };
    if (q.type === "multiple" && q.min !== undefined) question.minSelectedChoices = q.min;
    if (q.type === "multiple" && q.max !== undefined) question.maxSelectedChoices = q.max;
    if (knowledge) question.correctAnswer = q.correct;
  }
  if (q.shuffle ?? shuffle) question.choicesOrder = "random";
  return q.code ? [{ type: "html", name: `${q.id}-code`, html: `<pre><code>${escapeHtml(q.code)}</code></pre>` }, question]
                : [question];
}

export function toSurveyJs(quiz) {
  const pages = [];
  for (const section of quiz.sections) {
    section.questions.forEach((q, i) => {
      const page = { name: q.id, title: section.title, elements: elements(q, section, quiz.shuffle_options) };
      if (i === 0 && section.intro) page.description = section.intro;
      const conditions = [section.show_if, q.show_if].filter(Boolean).map(expression);
      if (conditions.length) page.visibleIf = conditions.map((c) => `(${c})`).join(" and ");
      pages.push(page);
    });
  }
  return { title: quiz.title, description: quiz.intro, showProgressBar: "top", pages };
}

export function writePage(quizFile = path.join(ROOT, "content/python-path.json")) {
  const quiz = JSON.parse(fs.readFileSync(quizFile, "utf8"));
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, "../.gitignore"), "*\n");  // bench/out/ is generated: git never sees it
  for (const file of LIBRARY) fs.copyFileSync(path.join(ROOT, "node_modules", file), path.join(OUT, path.basename(file)));
  const [css, core, ui] = LIBRARY.map((f) => path.basename(f));
  fs.writeFileSync(path.join(OUT, "quiz.js"),
    `const surveyJson = ${JSON.stringify(toSurveyJs(quiz))};\n` +
    "const survey = new Survey.Model(surveyJson);\n" +
    'document.addEventListener("DOMContentLoaded", function () {\n' +
    '  survey.render(document.getElementById("surveyContainer"));\n' +
    "});\n");
  fs.writeFileSync(path.join(OUT, "index.html"), `<!doctype html>
<html lang="${quiz.language || "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(quiz.title)}</title>
<link rel="icon" href="data:,">
<link href="${css}" type="text/css" rel="stylesheet">
<script src="${core}"></script>
<script src="${ui}"></script>
<script src="quiz.js"></script>
</head>
<body>
<div id="surveyContainer"></div>
</body>
</html>
`);
  return OUT;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`SurveyJS page: ${writePage(process.argv[2] && path.resolve(process.argv[2]))}/index.html`);
}
