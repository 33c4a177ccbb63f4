#!/usr/bin/env python3
"""Writes the quizzes that quiz files derive from their knowledge sections: a section with "standalone" becomes a
quiz of its own, OUT/<standalone id>.json (docs/content-format.md, section 5). Every word comes from the quiz file,
and every rule from the core: a file is derived from only once `crossroads validate` accepts it.
Usage: python3 scripts/derive.py [--cli PATH/TO/crossroads] --out DIR QUIZ.json...   (prints each file it writes)"""
import argparse
import json
import pathlib
import subprocess
import sys

# The editor's CLI as ./build-wasm.sh builds it (before it assembles dist/).
DEFAULT_CLI = pathlib.Path(__file__).resolve().parent.parent / "build" / "native" / "crossroads"


def standalone_sections(quiz):
    """The knowledge sections of `quiz` that are also quizzes of their own."""
    return [s for s in quiz.get("sections", []) if s.get("kind") == "knowledge" and "standalone" in s]


def standalone_quiz(quiz, section):
    """The quiz made of `section` alone: the standalone's id, title and intro, the section's questions and the
    quiz's bands without their weights (a quiz of one knowledge section recommends nothing). `quiz` is one that
    `crossroads validate` accepts, so the section's questions depend only on each other."""
    st = section["standalone"]
    out = {key: quiz[key] for key in ("$schema", "format") if key in quiz}
    out.update({"id": st["id"], "version": quiz["version"], "title": st["title"]})
    if "intro" in st:
        out["intro"] = st["intro"]
    out.update({key: quiz[key] for key in ("language", "shuffle_options") if key in quiz})
    part = {"id": section["id"], "title": section["title"], "kind": "knowledge"}
    if "intro" in section:
        part["intro"] = section["intro"]
    part["questions"] = section["questions"]
    out["sections"] = [part]
    out["bands"] = [{k: v for k, v in band.items() if k != "weights"} for band in quiz.get("bands", [])]
    return out


def validate(path, cli):
    """Stops with the core's own located errors unless `crossroads validate` (the CLI at `cli`) accepts `path`."""
    if not pathlib.Path(cli).is_file():
        raise SystemExit("scripts/derive.py: %s is missing; build it first: cmake --build build/native --target crossroads"
                         % cli)
    proc = subprocess.run([str(cli), "validate", str(path)], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit("%s%s%s: no quiz is derived from a file with errors" % (proc.stderr, proc.stdout, path))


def derive(paths, out_dir, cli=DEFAULT_CLI):
    """Writes every standalone quiz of the files `paths` into `out_dir`; returns the paths written. Each file with a
    standalone section, or that is not a quiz's JSON at all, must pass `validate` first (the CLI at `cli`)."""
    written = []
    for path in paths:
        try:
            quiz = json.loads(pathlib.Path(path).read_text(encoding="utf-8-sig"))
            sections = standalone_sections(quiz)
        except (ValueError, AttributeError, TypeError):  # not JSON, or not shaped like a quiz: validate says where
            validate(path, cli)
            raise
        if sections:
            validate(path, cli)
        for section in sections:
            derived = standalone_quiz(quiz, section)
            target = pathlib.Path(out_dir) / (derived["id"] + ".json")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(derived, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            written.append(str(target))
    return written


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="folder for the derived quiz files")
    ap.add_argument("--cli", default=str(DEFAULT_CLI), help="the crossroads CLI that validates each file first")
    ap.add_argument("quizzes", nargs="+", help="quiz files")
    args = ap.parse_args()
    for path in derive(args.quizzes, args.out, args.cli):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
