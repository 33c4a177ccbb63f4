#!/usr/bin/env bash
# CLI checks: runs the real `crossroads` binary on the fixtures and checks exit status and exact output.
# Usage: test_cli.sh PATH/TO/crossroads REPO_ROOT   (CTest passes both; see tests/CMakeLists.txt)
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 PATH/TO/crossroads REPO_ROOT" >&2
    exit 2
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
fixtures=$2/tests/fixtures
if [ ! -x "$bin" ] || [ ! -f "$fixtures/mini.json" ]; then
    echo "cannot find the binary ($bin) or the fixtures ($fixtures)" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Relative file names keep the printed paths short and exact.
cp "$fixtures/mini.json" "$fixtures/requires.json" "$fixtures/broken.json" "$fixtures/json-smart-quotes.json" "$fixtures/json-comments.json" "$work/"
cd "$work" || exit 2
printf '{\n  "format": 1,\n  "id": "t",,\n  "version": 1\n}\n' > bad-json.json

passed=0
failed=0
name=""
case_ok=1

# begin NAME: starts a test case; end: counts it.
begin() { name=$1; case_ok=1; }
fail() {
    case_ok=0
    echo "FAIL: $name: $1"
}
end() {
    if [ $case_ok -eq 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

# run ARGS...: runs the binary; sets $status and writes out.txt / err.txt.
run() {
    "$bin" "$@" > out.txt 2> err.txt
    status=$?
}

expect_status() {
    [ "$status" -eq "$1" ] || fail "exit status $status, expected $1 (stderr: $(head -c 300 err.txt))"
}
expect_stdout() {
    local expected
    expected=$(printf '%s' "$1")
    [ "$(cat out.txt)" = "$expected" ] || fail "stdout was:
$(cat out.txt)
expected:
$expected"
}
expect_stderr() {
    local expected
    expected=$(printf '%s' "$1")
    [ "$(cat err.txt)" = "$expected" ] || fail "stderr was:
$(cat err.txt)
expected:
$expected"
}
expect_stdout_has() { grep -qF -- "$1" out.txt || fail "stdout lacks '$1'"; }
expect_stderr_has() { grep -qF -- "$1" err.txt || fail "stderr lacks '$1'"; }
expect_stdout_empty() { [ ! -s out.txt ] || fail "stdout not empty: $(head -c 300 out.txt)"; }
expect_stderr_empty() { [ ! -s err.txt ] || fail "stderr not empty: $(head -c 300 err.txt)"; }
# expect_json PYTHON_EXPRESSION: stdout parses as JSON and the expression over `d` is true.
expect_json() {
    python3 -c 'import json, sys
d = json.load(open("out.txt"))
sys.exit(0 if eval(sys.argv[1]) else 1)' "$1" 2> py.txt || fail "JSON check failed: $1 $(cat py.txt)"
}

# ---- validate -----------------------------------------------------------------------------------

begin "validate: a valid file prints ok and exits 0"
run validate mini.json
expect_status 0
expect_stdout "mini.json: ok"
expect_stderr_empty
end

begin "validate: a broken file lists every error as file:line:col, placed by ids, and exits 1"
run validate broken.json
expect_status 1
expect_stdout_empty
expect_stderr "broken.json:5:27: warning: title: this key appears more than once; the last value is used
broken.json:15:9: error: question \"built\" › prompt: missing required key 'prompt'
broken.json:15:43: error: question \"built\" › promt: unknown key 'promt' (did you mean 'prompt'?)
broken.json:18:64: error: question \"built\" › option \"many\" › weights.junior: unknown outcome 'junior' (did you mean 'junior-job'?)"
end

begin "validate --json: every diagnostic with its index path, its place by ids and its class"
run validate --json broken.json mini.json
expect_status 1
expect_stderr_empty
expect_json '[f["file"] for f in d] == ["broken.json", "mini.json"] and [f["ok"] for f in d] == [False, True] and d[1]["diagnostics"] == []'
expect_json 'd[0]["diagnostics"][3] == {"severity": "error", "line": 18, "column": 64, "path": "sections[0].questions[0].options[1].weights.junior", "where": "question \"built\" \u203a option \"many\" \u203a weights.junior", "check": "reference", "schema_checks": False, "message": "unknown outcome '"'junior'"' (did you mean '"'junior-job'"'?)"}'
expect_json '[x["check"] for x in d[0]["diagnostics"]] == ["duplicate", "required", "unknown-key", "reference"]'
end

begin "validate: invalid JSON is reported at its line and column, with its likely cause"
run validate bad-json.json
expect_status 1
expect_stderr "bad-json.json:3:13: error: invalid JSON: two commas in a row: remove one of them"
end

begin "validate: curly quotes are named as characters, with the fix"
run validate json-smart-quotes.json
expect_status 1
expect_stdout_empty
expect_stderr "json-smart-quotes.json:5:3: error: invalid JSON: curly quote “ (U+201C) where JSON needs a straight double quote \"; word processors and some editors type these: retype the quotes around this key or value as \""
end

begin "validate: a comment is named as the cause"
run validate json-comments.json
expect_status 1
expect_stdout_empty
expect_stderr "json-comments.json:2:16: error: invalid JSON: comments (//) are not allowed in JSON: remove the comment, or move the note into the text it is about"
end

begin "validate: several files, one broken: ok for the good one, exit 1"
run validate mini.json broken.json
expect_status 1
expect_stdout "mini.json: ok"
expect_stderr_has "broken.json:18:64: error: "
end

begin "validate: two files with one quiz id and version: a warning at the second's version, naming the first"
sed 's/"title": "Mini path quiz"/"title": "Another mini quiz"/' mini.json > mini-copy.json
run validate mini.json mini-copy.json
expect_status 0
expect_stdout "mini.json: ok
mini-copy.json: ok"
expect_stderr_has "mini-copy.json:$(grep -n '"version"' mini.json | cut -d: -f1):"
expect_stderr_has ": warning: version: mini.json is quiz 'mini' version 2 too: share links cannot tell the two apart"
end

begin "validate: a missing file is a clear error and a non-zero exit"
run validate no-such-file.json
expect_status 1
expect_stdout_empty
expect_stderr "no-such-file.json: error: cannot read the file (does it exist?)"
end

begin "validate: a directory is not a quiz file"
mkdir -p adir
run validate adir
expect_status 1
expect_stdout_empty
expect_stderr "adir: error: this is a folder; name a quiz file (.json) in it"
end

begin "validate: no file named exits 2 with usage"
run validate
expect_status 2
expect_stderr_has "crossroads validate: name at least one quiz file"
expect_stderr_has "Usage:"
end

# ---- score --------------------------------------------------------------------------------------

begin "score: text report for --answers"
run score mini.json --answers built=many,work=other,field=people,alone=5
expect_status 0
expect_stderr_empty
expect_stdout "Mini path quiz

Recommendation: Junior job
Ship first.

Why: Junior job scored highest with 8, ahead of Internship with 0.
Answers that weighed most:
- \"Several apps\" (What have you built?): +3 Junior job
- \"Another field\" (Work history?): +2 Junior job
- 5 on the scale (Working alone on production code feels...): +2 Junior job
- \"Working with people\" (Which field?): +1 Junior job

Totals:
- Internship: 0
- Junior job: 8
- Apply for both: 0"
end

begin "score: --json is JSON with the expected outcome and totals"
run score mini.json --answers built=many,work=other,alone=5 --json
expect_status 0
expect_json 'd["outcome"] == "junior-job" and d["totals"] == {"internship": 0, "junior-job": 7, "double": 0}'
expect_json 'd["quiz"] == "mini" and d["version"] == 2 and d["knowledge"] is None and d["tie_rule_fired"] is False'
end

begin "score: --answers=... form, the tie rule and a knowledge score in JSON"
run score --json mini.json --answers=built=nothing,work=other,check=true,print=eight,mutable=list+dict,none-falsy=true
expect_status 0
expect_json 'd["outcome"] == "double" and d["tie_rule_fired"] is True'
expect_json 'd["knowledge"]["percent"] == 100 and d["knowledge"]["band"] == "junior"'
end

begin "score: a wrong option id is a clear error, exit 2"
run score mini.json --answers built=mnay
expect_status 2
expect_stdout_empty
expect_stderr "mini.json: error: --answers: question 'built' has no option 'mnay' (did you mean 'many'?)"
end

begin "score: a wrong question id is a clear error, exit 2"
run score mini.json --answers biult=many --json
expect_status 2
expect_stdout_empty
expect_stderr "mini.json: error: --answers: unknown question 'biult' (did you mean 'built'?)"
end

begin "score: a file with errors prints the errors (not warnings) and exits 1"
run score broken.json --answers built=many
expect_status 1
expect_stdout_empty
expect_stderr "broken.json:15:9: error: question \"built\" › prompt: missing required key 'prompt'
broken.json:15:43: error: question \"built\" › promt: unknown key 'promt' (did you mean 'prompt'?)
broken.json:18:64: error: question \"built\" › option \"many\" › weights.junior: unknown outcome 'junior' (did you mean 'junior-job'?)"
end

begin "score: a missing file is a clear error"
run score no-such-file.json --answers built=many
expect_status 1
expect_stderr "no-such-file.json: error: cannot read the file (does it exist?)"
end

begin "score: an unexpected argument exits 2 with usage"
run score mini.json --frobnicate
expect_status 2
expect_stderr_has "crossroads score: unexpected argument '--frobnicate'"
expect_stderr_has "Usage:"
end

begin "score: no file exits 2"
run score --answers built=many
expect_status 2
expect_stderr_has "crossroads score: name a quiz file"
end

# ---- help and usage -----------------------------------------------------------------------------

for args in "--help" "-h" "validate --help" "score --help" "score mini.json --answers built=many -h"; do
    begin "help: crossroads $args prints usage and exits 0"
    # shellcheck disable=SC2086
    run $args
    expect_status 0
    expect_stdout_has "Usage:"
    expect_stdout_has "crossroads validate [--json] FILE..."
    expect_stdout_has "crossroads score FILE --answers"
    expect_stderr_empty
    end
done

begin "score: an answer to a hidden question is reported as ignored, the result still printed"
run score mini.json --answers built=many,work=none,field=people
expect_status 0
expect_stderr "mini.json: note: the answer to 'field' is ignored: with these answers the question is not shown"
expect_stdout_has "Recommendation:"
end

begin "score: an empty answer set is refused, exit 2"
run score mini.json --answers ""
expect_status 2
expect_stderr "mini.json: error: --answers: no answers given; a result needs at least one"
expect_stdout_empty
end

begin "score: what is missing, what would change and the plan are in the text report"
run score requires.json --answers built=one,explain=yes,money=need,past=worked,alone=10,check=no
expect_status 0
expect_stdout_has "Why: Take a job has the most points (6), but it is not open to you yet: A job asks for several things built; you are not there yet. So the suggestion is Learn first (1)."
expect_stdout_has "[x] Finish one thing you built."
expect_stdout_has '- If you answered "Several things" to "What have you built?", the result would be "Take a job".'
end

# ---- test and explore ---------------------------------------------------------------------------

cat > profiles.json <<'JSON'
{ "profiles": [
  { "name": "builder", "source": "test", "answers": "built=many,explain=yes,money=need,past=worked,alone=10,check=no", "expect": "job", "not": ["learn"] },
  { "name": "beginner", "source": "test", "answers": "built=none,money=fine,past=student,alone=0,check=yes,k1=true,k2=true", "expect": "learn", "band": "low" }
] }
JSON

begin "test: one line per profile, a mismatch says what came out, exit 1"
run test requires.json profiles.json
expect_status 1
expect_stdout "ok    builder: job
FAIL  beginner: expected band low, got high
2 profiles, 1 failed"
end

begin "test: all profiles hold, exit 0"
sed -i 's/"band": "low"/"band": "high"/' profiles.json
run test requires.json profiles.json
expect_status 0
expect_stdout_has "2 profiles, 0 failed"
end

begin "explore: shares per outcome, walked in full for a small quiz"
run explore requires.json
expect_status 0
expect_stdout_has "requires.json: 924 answer sets, every one walked"
expect_stdout_has "job           36.3%  weighed most: built=many (64.2%), built=several (35.8%)"
end

begin "page-words: the page's words in every built-in language; the shipped quiz's in its language, with its strings"
cp "$fixtures/german.json" .
run page-words german.json
expect_status 0
expect_json 'd["language"] == "de-AT" and sorted(d["words"]) == ["de", "en"] and d["page"] == d["words"]["de"]'
expect_json 'd["page"]["PageNeedsScript"] == "Dieses Quiz braucht JavaScript." and d["words"]["en"]["PageNeedsScript"] == "This quiz needs JavaScript."'
python3 -c 'import json; d = json.load(open("mini.json")); d["strings"] = {"PageReload": "Try again"}; json.dump(d, open("own-words.json", "w"))'
run page-words own-words.json
expect_status 0
expect_json 'd["language"] == "en" and d["page"]["PageReload"] == "Try again" and d["words"]["en"] == d["page"] and d["words"]["de"]["PageReload"] == "Neu laden"'
run page-words
expect_status 2
end

begin "compile: writes the pre-checked form of a valid quiz; a quiz with errors gets none, located"
run compile mini.json mini.crqf
expect_status 0
[ "$(head -c 4 mini.crqf)" = CRQF ] || fail "mini.crqf does not start with CRQF"
run compile broken.json broken.crqf
expect_status 1
[ ! -e broken.crqf ] || fail "a form was written for a quiz with errors"
grep -q "^broken.json:[0-9]*:[0-9]*: error:" err.txt || fail "no located error: $(head -c 300 err.txt)"
run compile mini.json
expect_status 2
end

begin "usage: no arguments prints usage and exits 2"
run
expect_status 2
expect_stdout_has "Usage:"
end

begin "usage: an unknown command exits 2"
run frobnicate
expect_status 2
expect_stderr_has "crossroads: unknown command 'frobnicate'"
end

begin "validate: a quiz's pictures must be files beside it, of at most 1 MB"
mkdir -p media && cp -r "$fixtures/media/." media/
run validate media/media.json
expect_status 0
expect_stdout "media/media.json: ok"
rm media/images/moon.png
head -c 1048577 /dev/zero > media/images/fork.png
run validate media/media.json
expect_status 1
expect_stderr "media/media.json:34:17: error: outcomes[1].image.src: the picture 'images/moon.png' is not beside the quiz (looked for media/images/moon.png)
media/media.json:51:21: error: sections[0].questions[0].image.src: the picture 'images/fork.png' is 1048577 bytes; a picture may be at most 1 MB (1048576 bytes), so readers on slow connections are not kept waiting"
end

begin "validate: a padded intro (the shared big-quiz case) is refused with its place and the limit in words"
# As ../shared/cases/make_big_quiz.py builds it: the shipped quiz on one line, its intro padded with one run of x.
# Beside each file, the line validate must print: the intro key's column and the intro's length in characters.
python3 - "$2/content/python-path.json" <<'PY'
import json, sys
for name, n in (("big-300k.json", 300000), ("big-1400k.json", 1400000)):
    d = json.load(open(sys.argv[1]))
    d["id"] = "big"
    d["intro"] += " " + "x" * (n - len(json.dumps(d)) - 10)
    text = json.dumps(d)
    open(name, "w").write(text)
    column = text.index('"intro"') + 1
    open(name + ".expected", "w").write(f"{name}:1:{column}: error: intro: this text is "
                                        f"{len(d['intro']):,} characters long; one text may have at most 10,000: "
                                        "split it or shorten it")
PY
for big in big-300k.json big-1400k.json; do
    run validate "$big"
    expect_status 1
    expect_stderr "$(cat "$big.expected")"
done
end

# ---- scripts/derive.py: the quiz of a standalone section, from a file the core accepts ---------------------------

repo=$2
# derive FILE: runs scripts/derive.py with this binary as its validator, writing into derived/.
derive() {
    python3 "$repo/scripts/derive.py" --cli "$bin" --out derived "$1" > out.txt 2> err.txt
    status=$?
}

begin "derive: a file validate refuses stops it with validate's located errors, and nothing is written"
# A standalone section whose question depends on another section's: before validate knew the rule it said ok.
cp "$2/tests/schema/invalid/reference.standalone-show-if-outside.json" outside.json
derive outside.json
expect_status 1
expect_stdout_empty
expect_stderr "outside.json:187:7: error: question \"mutable\" › show_if.question: refers to question 'work' of section 'you'; this section is also a quiz of its own (\"standalone\"), which asks only its questions, so its conditions may use only them
outside.json: no quiz is derived from a file with errors"
[ ! -e derived ] || fail "derived/ was written"
end

begin "derive: a standalone section becomes a quiz of its own, which validate accepts"
cp "$2/tests/schema/valid/ranges-related-standalone.json" standalone.json
derive standalone.json
expect_status 0
expect_stdout "derived/mini-check.json"
run validate derived/mini-check.json
expect_status 0
end

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
