# Content checks for the Crossroads quiz files, and the quizzes derived from them (scripts/derive.py): code answers,
# personas, article facts and numbers, related links and validation. Run: python3 tests/content/check_content.py --cli CROSSROADS --root REPO
import argparse
import copy
import decimal
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from derive import standalone_quiz, standalone_sections  # noqa: E402

# The source article lives in shared/ beside the repository (never in it); override with --article. Its figures are
# also in tests/content/facts.json ("article_figures"), so a clone with nothing beside it checks the facts against those.
ARTICLE = None
PATH_QUIZ = "content/python-path.json"
READINESS_QUIZ = "content/python-readiness.json"  # derived from PATH_QUIZ's knowledge section
QUIZ_FILES = [PATH_QUIZ, READINESS_QUIZ]
SNIPPET_TIMEOUT = 10

# String keys a reader never sees. Every other string in a quiz file counts as reader-visible
# (unknown keys included, so new reader text is checked by default).
HIDDEN_STRING_KEYS = {
    "$schema", "id", "code", "code_language", "language", "currency", "type", "partial",
    "unit", "winner", "question", "any_of", "none_of", "between", "correct", "period", "quiz",
    "source", "outcome",  # a decision rule's source sentence is for editors; its outcome is an id
}

NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")


# ---------------------------------------------------------------------------------------------
# helpers


def load_json(root, rel):
    """A JSON file under root, or a quiz that content/*.json derive (as the build writes it into dist/content)."""
    path = os.path.join(root, rel)
    if not os.path.exists(path) and rel in derived_quizzes(root):
        return derived_quizzes(root)[rel]
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def derived_quizzes(root):
    """{"content/ID.json": quiz} for every knowledge section of content/*.json with "standalone"."""
    out = {}
    content = os.path.join(root, "content")
    for name in sorted(f for f in os.listdir(content) if f.endswith(".json")):
        with open(os.path.join(content, name), encoding="utf-8") as f:
            doc = json.load(f)
        for section in standalone_sections(doc):
            quiz = standalone_quiz(doc, section)
            out["content/%s.json" % quiz["id"]] = quiz
    return out


def numbers_in(text):
    """Numbers in text, as (written form, canonical Decimal). '2,000' and '2000' are the same number;
    a comma is a thousands separator only when followed by exactly three digits ('3,2' is 3 and 2);
    a leading '-' is not part of the number ('-1' is 1)."""
    found = []
    for m in NUMBER_RE.finditer(text):
        token = m.group(0).rstrip(",")
        parts = token.split(",")
        if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3 \
                and "." not in "".join(parts[:-1]):
            groups = [token]
        else:
            groups = [p for p in parts if p]
        for g in groups:
            found.append((g, canonical_number(g)))
    return found


def canonical_number(token):
    return decimal.Decimal(token.replace(",", "")).normalize()


def label_path(path, node):
    if isinstance(node, dict) and isinstance(node.get("id"), str):
        return "%s[%s]" % (path, node["id"])
    return path


def visible_strings(node, path=""):
    """Yield (path, text) for every reader-visible string in a quiz document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in HIDDEN_STRING_KEYS:
                continue
            sub = "%s.%s" % (path, key) if path else key
            if isinstance(value, str):
                yield sub, value
            else:
                yield from visible_strings(value, sub)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            sub = label_path(path, item) if isinstance(item, dict) and "id" in item else "%s[%d]" % (path, i)
            if isinstance(item, str):
                yield sub, item
            else:
                yield from visible_strings(item, sub)


def visible_text(doc):
    return "\n".join(text for _, text in visible_strings(doc))


def all_questions(doc):
    for section in doc.get("sections", []):
        for q in section.get("questions", []):
            yield section, q


def question_options(q):
    if "options" in q:
        return q["options"]
    if q.get("type") == "true_false":
        return [{"id": "true", "label": "True"}, {"id": "false", "label": "False"}]
    return []


def correct_ids(q):
    c = q.get("correct")
    if isinstance(c, bool):
        return ["true" if c else "false"]
    if isinstance(c, list):
        return list(c)
    if c is None:
        return []
    return [c]


def run_snippet(code):
    """Run code with python3 in a fresh temp dir. Returns (stdout without trailing newline, error or None)."""
    with tempfile.TemporaryDirectory(prefix="crossroads-snippet-") as tmp:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONHASHSEED": "0",
               "PYTHONIOENCODING": "utf-8", "HOME": tmp, "LC_ALL": "C.UTF-8"}
        try:
            proc = subprocess.run([sys.executable, "-I", "-c", code], cwd=tmp, env=env,
                                  capture_output=True, text=True, timeout=SNIPPET_TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, "timed out after %d s" % SNIPPET_TIMEOUT
    out = proc.stdout
    if out.endswith("\n"):
        out = out[:-1]
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or ["(no stderr)"]
        return out, "exit status %d: %s" % (proc.returncode, tail[0])
    return out, None


class Results:
    def __init__(self, quiet=False):
        self.passed = 0
        self.failed = 0
        self.quiet = quiet

    def add(self, name, failures, detail=""):
        if failures:
            self.failed += 1
            if not self.quiet:
                print("FAIL %s: %s" % (name, " | ".join(failures)))
        else:
            self.passed += 1
            if not self.quiet:
                print("PASS %s%s" % (name, (" (%s)" % detail) if detail else ""))


# ---------------------------------------------------------------------------------------------
# checks. Each returns a list of (check name, failures, detail) so that the self-test can run them
# against mutated copies without printing.


def check_python_truth(root):
    out = []
    for rel in QUIZ_FILES:
        doc = load_json(root, rel)
        for _, q in all_questions(doc):
            if "code" not in q:
                continue
            name = "python-truth %s %s" % (rel, q["id"])
            keys = correct_ids(q)
            options = question_options(q)
            by_id = {o["id"]: o for o in options}
            if len(keys) != 1 or keys[0] not in by_id:
                out.append((name, ["%s: question %s: code question needs exactly one keyed correct option "
                                   "that exists, found %r" % (rel, q["id"], q.get("correct"))], ""))
                continue
            expected = by_id[keys[0]]["label"]
            actual, error = run_snippet(q["code"])
            failures = []
            if error:
                failures.append("%s: question %s: snippet failed (%s); stdout %r" % (rel, q["id"], error, actual))
            elif actual != expected:
                failures.append("%s: question %s: keyed option %s expects %r but the snippet prints %r"
                                % (rel, q["id"], keys[0], expected, actual))
            if actual is not None and not error:
                for o in options:
                    if o["id"] != keys[0] and o["label"] == actual:
                        failures.append("%s: question %s: wrong option %s has the label %r, which is what the "
                                        "snippet prints (ambiguous or wrong key)" % (rel, q["id"], o["id"], actual))
            out.append((name, failures, "prints %r" % actual if not failures else ""))
    return out


def run_score(cli, root, quiz_rel, answers):
    proc = subprocess.run([cli, "score", quiz_rel, "--answers", answers, "--json"], cwd=root,
                          capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        raise RuntimeError("exit %d: %s" % (proc.returncode, (proc.stderr or proc.stdout).strip()))
    return json.loads(proc.stdout)


def fmt_totals(totals):
    return ", ".join("%s %s" % (k, ("%g" % v) if isinstance(v, (int, float)) else v) for k, v in totals.items())


def check_personas(root, cli, personas=None, table=None):
    out = []
    if personas is None:
        personas = load_json(root, "tests/content/personas.json")
    doc = load_json(root, PATH_QUIZ)
    outcome_ids = [o["id"] for o in doc.get("outcomes", [])]
    reached = set()
    for p in personas:
        name = "persona %r" % p["name"]
        failures = []
        try:
            result = run_score(cli, root, PATH_QUIZ, p["answers"])
        except Exception as e:  # noqa: BLE001 - any CLI problem is a failed check
            out.append((name, ["crossroads score failed: %s" % e], ""))
            if table is not None:
                table.append((p["name"], p["expect"], "(error)", ""))
            continue
        got = result.get("outcome")
        totals = result.get("totals", {})
        reached.add(got)
        if table is not None:
            table.append((p["name"], p["expect"], got, fmt_totals(totals)))
        if got != p["expect"]:
            failures.append("expected outcome %s, got %s (totals %s)" % (p["expect"], got, fmt_totals(totals)))
        documented = p.get("totals")
        if documented is not None:
            diff = [k for k in set(documented) | set(totals)
                    if abs(float(documented.get(k, 0)) - float(totals.get(k, 0))) > 1e-9]
            if diff:
                failures.append("documented totals {%s} differ from the CLI's {%s}"
                                % (fmt_totals(documented), fmt_totals(totals)))
        if "readiness_band" in p:
            band = (result.get("knowledge") or {}).get("band")
            if band != p["readiness_band"]:
                failures.append("documented readiness band %s, CLI gives %s" % (p["readiness_band"], band))
        out.append((name, failures, "%s; %s" % (got, fmt_totals(totals))))
    missing = [o for o in outcome_ids if o not in reached]
    out.append(("every python-path outcome is reached by a persona",
                ["no persona reaches outcome %s" % o for o in missing], "reached: %s" % ", ".join(sorted(reached))))
    return out


# Readers the article's sentences decide, over the whole answer space (explore --where): "Target an Internship if:
# You feel overwhelmed by ... and want a safe environment to learn" never gets the junior job alone, and neither
# does a reader with nothing built (the junior bar asks for multiple full-stack apps).
ARTICLE_NEVER_JUNIOR = ["solo-comfort=0..3,focus=learn", "portfolio=nothing"]


def check_article_rules(root, cli):
    out = []
    proc = subprocess.run([cli, "explore", PATH_QUIZ], cwd=root, capture_output=True, text=True, timeout=300)
    flagged = [line for line in proc.stdout.splitlines() if "NO ANSWERS" in line or "NEVER DECIDES" in line]
    out.append(("explore: every outcome reached, every requirement met, every rule decides",
                flagged + (["exit status %d" % proc.returncode] if proc.returncode else []), ""))
    for where in ARTICLE_NEVER_JUNIOR:
        proc = subprocess.run([cli, "explore", PATH_QUIZ, "--where", where], cwd=root, capture_output=True, text=True, timeout=300)
        junior = [line for line in proc.stdout.splitlines() if line.startswith("junior-job ")]
        ok = proc.returncode == 0 and len(junior) == 1 and junior[0].split()[1] == "0%"
        out.append(("explore --where %s: no reader gets the junior job alone" % where,
                    [] if ok else ["explore says: %s (exit %d)" % (junior or proc.stdout[-300:], proc.returncode)], ""))
    return out


def check_facts_in_content(root):
    out = []
    facts = load_json(root, "tests/content/facts.json")
    texts = {}
    for fact in facts["facts"]:
        rel = fact["file"]
        if rel not in texts:
            texts[rel] = visible_text(load_json(root, rel))
        missing = [s for s in fact["must_contain"] if s not in texts[rel]]
        out.append(("fact %s in %s" % (fact["id"], rel),
                    ["%s: %r not found verbatim in reader-visible text" % (rel, s) for s in missing], ""))
    return out


def check_numbers(root):
    out = []
    facts = load_json(root, "tests/content/facts.json")
    allowed = {canonical_number(e["number"]) for e in facts["allowed_numbers"]}
    files = facts.get("allowed_numbers_files", QUIZ_FILES)
    for rel in QUIZ_FILES:
        if rel not in files:
            out.append(("numbers %s" % rel, ["%s is not covered by allowed_numbers_files" % rel], ""))
    for rel in files:
        doc = load_json(root, rel)
        failures = []
        seen = {}
        for path, text in visible_strings(doc):
            for written, value in numbers_in(text):
                seen.setdefault(value, written)
                if value not in allowed:
                    failures.append("%s: %s: number %s is not in allowed_numbers (text: %r)"
                                    % (rel, path, written, excerpt(text, written)))
        out.append(("numbers %s" % rel, failures,
                    "all allowed: %s" % " ".join(seen[v] for v in sorted(seen))))
    return out


def excerpt(text, needle, width=40):
    i = text.find(needle)
    if i < 0:
        return text[:2 * width]
    start, end = max(0, i - width), min(len(text), i + len(needle) + width)
    return ("..." if start else "") + text[start:end].replace("\n", " ") + ("..." if end < len(text) else "")


MONEY_RANGE_RE = re.compile(r"\$([\d,]+)\s*-\s*\$([\d,]+)\s*(?:/|a|per)\s*(month|year)", re.I)
MONEY_RE = re.compile(r"\$\d[\d,]*")
MONTHS_RE = re.compile(r"\b(\d+)(?:-| )months?\b", re.I)
TOP_RE = re.compile(r"\bTop (\d+)\b", re.I)


def key_figures(text):
    """Key figures of a fact text: money ranges with their unit, money amounts, 'N-month'/'N months',
    'Top N' and any other number. Returned as (kind, normalised value, as written)."""
    figs = []
    for m in MONEY_RANGE_RE.finditer(text):
        figs.append(("range", (canonical_number(m.group(1)), canonical_number(m.group(2)), m.group(3).lower()),
                     m.group(0)))
    for m in MONEY_RE.finditer(text):
        figs.append(("money", canonical_number(m.group(0)[1:]), m.group(0)))
    for m in MONTHS_RE.finditer(text):
        figs.append(("months", canonical_number(m.group(1)), m.group(0)))
    for m in TOP_RE.finditer(text):
        figs.append(("top", canonical_number(m.group(1)), m.group(0)))
    for written, value in numbers_in(text):
        figs.append(("number", value, written))
    return figs


def article_figures(article):
    have = set()
    for kind, value, _ in key_figures(article):
        have.add((kind, value))
    return have


def recorded_figures(root):
    """The article's figures as tests/content/facts.json records them, one a line: a text key_figures reads as the
    article's own (the checks below take either)."""
    return "\n".join(f["figure"] for f in load_json(root, "tests/content/facts.json")["article_figures"])


def show_figure(figure):
    """A key figure (kind, value) for a message: "top 10", "range 2000 - 4000 per month"."""
    kind, value = figure
    if kind == "range":
        return "range %s - %s per %s" % ("{:f}".format(value[0]), "{:f}".format(value[1]), value[2])
    return "%s %s" % (kind, "{:f}".format(value))


def check_recorded_figures(recorded, article_text):
    """The figures recorded in facts.json are exactly the article's: none it lacks, none of its own left out."""
    have, kept = article_figures(article_text), article_figures(recorded)
    failures = ["article_figures records %s, which the article does not give" % show_figure(f) for f in sorted(kept - have)]
    failures += ["the article gives %s, which article_figures does not record" % show_figure(f) for f in sorted(have - kept)]
    return [("article_figures in facts.json are the article's figures", failures, "%d figures" % len(have))]


def check_facts_against_article(root, article_text, against="the article"):
    """The facts and numbers that say they come from the article against its figures (`article_text`: the article,
    or recorded_figures(), `against` then names it)."""
    out = []
    facts = load_json(root, "tests/content/facts.json")
    have = article_figures(article_text)
    for fact in facts["facts"]:
        failures = []
        assumption = "assum" in fact["fact"].lower()
        checked, exempt = set(), set()
        for source in [fact["fact"]] + list(fact["must_contain"]):
            for kind, value, written in key_figures(source):
                if (kind, value) in have:
                    checked.add(written)
                elif assumption:
                    exempt.add(written)
                else:
                    failures.append("fact %s: figure %r (in %r) does not occur in the article"
                                    % (fact["id"], written, source))
        detail = "figures found in the article: %s" % ", ".join(sorted(checked)) if checked else "no figures"
        if exempt:
            detail += "; not in the article but the fact is a labelled assumption: %s" % ", ".join(sorted(exempt))
        out.append(("fact %s matches %s" % (fact["id"], against), failures, detail))
    # allowed numbers that claim to come from the article must really be in it
    article_numbers = {v for _, v in numbers_in(article_text)}
    failures = []
    for entry in facts["allowed_numbers"]:
        if entry.get("note", "").lower().startswith("article"):
            if canonical_number(entry["number"]) not in article_numbers:
                failures.append("allowed number %s says it comes from the article, but the article has no %s"
                                % (entry["number"], entry["number"]))
    out.append(("allowed_numbers marked 'Article' occur in %s" % against, failures, ""))
    # the range chart of python-path: each item's figures are the article's range for its period
    doc = load_json(root, PATH_QUIZ)
    failures = []
    chart = doc.get("ranges")
    if chart:
        ranges = {v[2]: (v[0], v[1]) for k, v, _ in key_figures(article_text) if k == "range"}
        for item in chart.get("items", []):
            unit = item.get("period", chart.get("period"))
            want = ranges.get(unit)
            got = (canonical_number(str(item.get("low"))), canonical_number(str(item.get("high"))))
            if want is None:
                failures.append("ranges item %s: the article has no salary range per %s" % (item.get("id"), unit))
            elif got != want:
                failures.append("ranges item %s is %s - %s per %s but the article says %s - %s"
                                % (item.get("id"), item.get("low"), item.get("high"), unit, want[0], want[1]))
    out.append(("python-path range chart matches %s" % against, failures, ""))
    return out


def check_explanations(root):
    out = []
    for rel in QUIZ_FILES:
        doc = load_json(root, rel)
        failures = []
        for _, q in all_questions(doc):
            has_expl = bool(q.get("explanation"))
            has_weights = any(o.get("weights") for o in q.get("options", [])) or \
                any(r.get("weights") for r in q.get("weights", []) if isinstance(r, dict))
            if not (has_expl or has_weights):
                failures.append("%s: question %s has neither an explanation nor outcome weights" % (rel, q["id"]))
        out.append(("every question in %s explains itself or carries weights" % rel, failures, ""))
    return out


def check_validate(root, cli):
    out = []
    content = os.path.join(root, "content")
    files = sorted(f for f in os.listdir(content) if f.endswith(".json"))
    for f in files:
        rel = "content/" + f
        proc = subprocess.run([cli, "validate", rel], cwd=root, capture_output=True, text=True, timeout=60)
        failures = []
        if proc.returncode != 0:
            failures.append("exit status %d" % proc.returncode)
        errors = [line for line in (proc.stdout + proc.stderr).splitlines() if "error:" in line]
        failures.extend(errors)
        warnings = sum(1 for line in (proc.stdout + proc.stderr).splitlines() if "warning:" in line)
        out.append(("crossroads validate %s" % rel, failures, "%d warnings" % warnings if warnings else ""))
    if not files:
        out.append(("crossroads validate content/*.json", ["no quiz files found in content/"], ""))
    else:  # together: no two shipped quizzes share an id and version (their saved progress and share links would)
        proc = subprocess.run([cli, "validate"] + ["content/" + f for f in files], cwd=root, capture_output=True,
                              text=True, timeout=120)
        same = [line for line in (proc.stdout + proc.stderr).splitlines() if "share links cannot tell the two apart" in line]
        out.append(("crossroads validate content/*.json together: ids and versions are unique", same, ""))
    with tempfile.TemporaryDirectory(prefix="crossroads-derived-") as tmp:
        for rel, doc in derived_quizzes(root).items():
            path = os.path.join(tmp, os.path.basename(rel))
            with open(path, "w", encoding="utf-8") as f:
                json.dump(doc, f, indent=2)
            proc = subprocess.run([cli, "validate", path], capture_output=True, text=True, timeout=60)
            lines = (proc.stdout + proc.stderr).splitlines()
            failures = (["exit status %d" % proc.returncode] if proc.returncode else []) + \
                [line for line in lines if "error:" in line or "warning:" in line]
            out.append(("crossroads validate %s (derived)" % rel, failures, ""))
    return out


def knowledge_questions(doc):
    return [q for s, q in all_questions(doc) if s.get("kind") == "knowledge"]


def check_related(root):
    """Every "related" link names a quiz shipped in content/ or derived from one."""
    failures = []
    content = os.path.join(root, "content")
    derived = derived_quizzes(root)
    for name in sorted(f for f in os.listdir(content) if f.endswith(".json")):
        related = load_json(root, "content/" + name).get("related")
        if not related:
            continue
        target = os.path.normpath(os.path.join("content", related["quiz"]))
        if not os.path.exists(os.path.join(root, target)) and target not in derived:
            failures.append("content/%s: related quiz %s is neither in content/ nor derived" % (name, related["quiz"]))
    return [("related links name a shipped or derived quiz", failures, "")]


# ---------------------------------------------------------------------------------------------
# self-test: mutate temp copies and make sure the checks notice


def make_copy(root):
    tmp = tempfile.mkdtemp(prefix="crossroads-selftest-")
    shutil.copytree(os.path.join(root, "content"), os.path.join(tmp, "content"))
    os.makedirs(os.path.join(tmp, "tests"))
    shutil.copytree(os.path.join(root, "tests", "content"), os.path.join(tmp, "tests", "content"))
    return tmp


def write_json(root, rel, doc):
    with open(os.path.join(root, rel), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)


def failing(results):
    return [msg for _, failures, _ in results for msg in failures]


def self_test(root, cli):
    """Each entry: (what, mutate(copy_root) -> needle, check(copy_root) -> results)."""
    out = []

    def first_code_question(doc):
        return next(q for _, q in all_questions(doc) if "code" in q)

    def mutate_key(tmp):  # in the section the readiness quiz is derived from: the derived quiz follows
        doc = load_json(tmp, PATH_QUIZ)
        q = first_code_question(doc)
        q["correct"] = next(o["id"] for o in q["options"] if o["id"] != q["correct"])
        write_json(tmp, PATH_QUIZ, doc)
        return [READINESS_QUIZ, q["id"]]

    def mutate_ambiguous(tmp):
        doc = load_json(tmp, PATH_QUIZ)
        q = first_code_question(doc)
        right = next(o for o in q["options"] if o["id"] == q["correct"])
        wrong = next(o for o in q["options"] if o["id"] != q["correct"])
        wrong["label"] = right["label"]
        write_json(tmp, PATH_QUIZ, doc)
        return [PATH_QUIZ, q["id"], "ambiguous"]

    def mutate_number(tmp):
        doc = load_json(tmp, PATH_QUIZ)
        doc["outcomes"][0]["summary"] += " Most interns earn 37% more later."
        write_json(tmp, PATH_QUIZ, doc)
        return [PATH_QUIZ, "outcomes[%s].summary" % doc["outcomes"][0]["id"], "37"]

    def mutate_fact(tmp):
        doc = load_json(tmp, PATH_QUIZ)
        doc["ranges"]["note"] = doc["ranges"]["note"].replace("Top 10", "top ten")
        for o in doc["outcomes"]:
            o["details"] = o["details"].replace("Top 10", "top ten")
        for r in doc.get("rules", []):
            r["reason"] = r["reason"].replace("Top 10", "top ten")
        for _, q in all_questions(doc):
            for o in q.get("options", []):
                o["label"] = o["label"].replace("Top 10", "top ten")
                if "step" in o:
                    o["step"] = o["step"].replace("Top 10", "top ten")
        write_json(tmp, PATH_QUIZ, doc)
        return ["Top 10"]

    def mutate_fact_drift(tmp):
        facts = load_json(tmp, "tests/content/facts.json")
        fact = next(f for f in facts["facts"] if "$4,000" in f["fact"])
        fact["fact"] = fact["fact"].replace("$4,000", "$5,000")
        write_json(tmp, "tests/content/facts.json", facts)
        return ["$5,000", fact["id"]]

    def mutate_recorded(tmp):
        facts = load_json(tmp, "tests/content/facts.json")
        facts["article_figures"].append({"figure": "Top 20", "where": "nowhere"})
        write_json(tmp, "tests/content/facts.json", facts)
        return ["top 20", "does not give"]

    def mutate_related(tmp):
        doc = load_json(tmp, PATH_QUIZ)
        doc["related"]["quiz"] = "python-readines.json"
        write_json(tmp, PATH_QUIZ, doc)
        return ["python-readines.json"]

    def mutate_explanation(tmp):
        doc = load_json(tmp, PATH_QUIZ)
        q = knowledge_questions(doc)[0]
        del q["explanation"]
        write_json(tmp, PATH_QUIZ, doc)
        return [READINESS_QUIZ, q["id"]]

    cases = [
        ("python-truth catches a wrong correct key", mutate_key, check_python_truth),
        ("python-truth catches a wrong option that matches the output", mutate_ambiguous, check_python_truth),
        ("numbers check catches an unlisted number", mutate_number, check_numbers),
        ("facts check catches a missing must_contain string", mutate_fact, check_facts_in_content),
        ("facts-vs-article check catches a drifted figure",
         mutate_fact_drift, lambda tmp: check_facts_against_article(tmp, recorded_figures(tmp))),
        ("recorded-figures check catches a figure the article lacks",
         mutate_recorded, lambda tmp: check_recorded_figures(recorded_figures(tmp), recorded_figures(root))),
        ("related check catches a link to no quiz", mutate_related, check_related),
        ("explanation check catches a missing explanation", mutate_explanation, check_explanations),
    ]
    for what, mutate, check in cases:
        tmp = make_copy(root)
        try:
            needles = mutate(tmp)
            messages = failing(check(tmp))
            hit = [m for m in messages if all(n in m for n in needles)]
            problems = []
            if not hit:
                problems.append("mutation not reported (looked for %s in %s)" % (needles, messages or "no failures"))
            out.append(("self-test: %s" % what, problems, hit[0][:110] + "..." if hit else ""))
        except Exception as e:  # noqa: BLE001
            out.append(("self-test: %s" % what, ["self-test crashed: %r" % e], ""))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    # the persona check must fail on a flipped expectation (runs the real CLI on the real file)
    personas = copy.deepcopy(load_json(root, "tests/content/personas.json"))[:1]
    personas[0]["expect"] = "junior-job" if personas[0]["expect"] != "junior-job" else "internship"
    messages = failing(check_personas(root, cli, personas))
    hit = [m for m in messages if "expected outcome %s" % personas[0]["expect"] in m]
    out.append(("self-test: persona check catches a wrong expectation",
                [] if hit else ["flipped persona expectation not reported: %s" % messages], ""))
    return out


def read_article():
    with open(ARTICLE, encoding="utf-8", errors="replace") as f:
        return f.read()


# ---------------------------------------------------------------------------------------------


def main():
    global ARTICLE
    ap = argparse.ArgumentParser(description="Crossroads content checks")
    ap.add_argument("--cli", required=True, help="path to the crossroads binary")
    ap.add_argument("--root", required=True, help="repository root")
    ap.add_argument("--article", default=ARTICLE, help="source article text")
    args = ap.parse_args()
    root = os.path.abspath(args.root)
    cli = os.path.abspath(args.cli)
    ARTICLE = args.article or os.path.join(args.root, "..", "shared", "seed", "000_4ea4a6bcd2bc5df4.txt")

    results = Results()

    def record(items):
        for name, failures, detail in items:
            results.add(name, failures, detail)

    def guarded(title, fn):
        try:
            record(fn())
        except Exception as e:  # noqa: BLE001 - a crashing check is a failed check
            results.add(title, ["check crashed: %r" % e])

    if not os.access(cli, os.X_OK):
        results.add("crossroads binary", ["%s is missing or not executable" % cli])
    # Beside the repository the article is optional; one named with --article must be there.
    article = read_article() if os.path.exists(ARTICLE) else None
    if article is None and args.article:
        results.add("article", ["cannot read %s" % ARTICLE])

    print("== self-test (mutated copies must fail)")
    guarded("self-test", lambda: self_test(root, cli))
    print("== validate")
    guarded("validate", lambda: check_validate(root, cli))
    print("== python truth")
    guarded("python truth", lambda: check_python_truth(root))
    print("== personas")
    table = []
    guarded("personas", lambda: check_personas(root, cli, table=table))
    guarded("article rules", lambda: check_article_rules(root, cli))
    if table:
        w = max(len(r[0]) for r in table)
        print("   %-*s -> %-10s -> %-10s -> totals" % (w, "persona", "expected", "got"))
        for name, expect, got, totals in table:
            print("   %-*s -> %-10s -> %-10s -> %s" % (w, name, expect, got, totals))
    print("== facts and numbers")
    guarded("facts in content", lambda: check_facts_in_content(root))
    guarded("facts against the recorded figures", lambda: check_facts_against_article(root, recorded_figures(root),
                                                                                 "the article's figures in facts.json"))
    if article is not None:
        guarded("recorded figures", lambda: check_recorded_figures(recorded_figures(root), article))
        guarded("facts against article", lambda: check_facts_against_article(root, article))
    else:
        print("   (the article is not at %s: the facts were checked against its figures in facts.json only)" % ARTICLE)
    guarded("numbers", lambda: check_numbers(root))
    print("== structure")
    guarded("explanations", lambda: check_explanations(root))
    guarded("related", lambda: check_related(root))

    print("%d passed, %d failed" % (results.passed, results.failed))
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
