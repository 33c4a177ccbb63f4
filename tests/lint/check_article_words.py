#!/usr/bin/env python3
# The widget carries no quiz's words: no word of the shipped article (python-path) in the code and page of src/ and
# web/, comments included, so that a quiz on another topic needs no C++ or JavaScript change (issue 12).
# Usage: python3 tests/lint/check_article_words.py REPO_ROOT   (CTest "article_words"; exit 1 on a find)
import pathlib
import re
import sys

WORDS = ["python", "internship", "junior", "salary", "readiness", "double application", "fastapi", "bootcamp"]
SUFFIXES = {".cpp", ".h", ".js", ".mjs", ".html", ".css"}
PATTERN = re.compile("|".join(re.escape(w) for w in WORDS), re.IGNORECASE)


def finds(root):
    """(path:line, word) for each article word in src/ and web/."""
    out = []
    for top in ("src", "web"):
        for path in sorted((root / top).rglob("*")):
            if path.suffix not in SUFFIXES or not path.is_file():
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                for m in PATTERN.finditer(line):
                    out.append(("%s:%d" % (path.relative_to(root), number), m.group(0)))
    return out


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    if not (root / "src").is_dir():
        print("usage: check_article_words.py REPO_ROOT", file=sys.stderr)
        return 2
    found = finds(root)
    for where, word in found:
        print("%s: the article's word %r: it belongs in the quiz file (content/) or the catalogue's generic words" % (where, word))
    print("%d article words in src/ and web/" % len(found))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
