#!/usr/bin/env python3
"""Writes the quizzes that quiz files derive from their knowledge sections: a section with "standalone" becomes a
quiz of its own, OUT/<standalone id>.json (docs/content-format.md, section 5). Every word comes from the quiz file.
Usage: python3 scripts/derive.py --out DIR QUIZ.json...   (prints each file it writes)"""
import argparse
import json
import pathlib
import sys


def standalone_quiz(quiz, section):
    """The quiz made of `section` alone: the standalone's id, title and intro, the section's questions and the
    quiz's bands without their weights (a quiz of one knowledge section recommends nothing)."""
    own = {q["id"] for q in section["questions"]}
    for q in section["questions"]:
        named = q.get("show_if", {}).get("question")
        if named is not None and named not in own:
            raise ValueError("question %r depends on %r, outside section %r" % (q["id"], named, section["id"]))
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


def derive(paths, out_dir):
    """Writes every standalone quiz of the files `paths` into `out_dir`; returns the paths written."""
    written = []
    for path in paths:
        quiz = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        for section in quiz.get("sections", []):
            if section.get("kind") != "knowledge" or "standalone" not in section:
                continue
            try:
                derived = standalone_quiz(quiz, section)
            except ValueError as e:
                raise SystemExit("%s: section %r cannot stand alone: %s" % (path, section.get("id"), e))
            target = pathlib.Path(out_dir) / (derived["id"] + ".json")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(derived, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            written.append(str(target))
    return written


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="folder for the derived quiz files")
    ap.add_argument("quizzes", nargs="+", help="quiz files")
    args = ap.parse_args()
    for path in derive(args.quizzes, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
