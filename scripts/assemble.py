#!/usr/bin/env python3
"""Assembles dist/ from the wasm build, web/ and content/: content-hashed asset names, the page shell filled in with the
page loader (web/app.js and its modules in web/page/, bundled by esbuild),
quiz files copied with the quizzes they derive (scripts/derive.py), the offline worker (scripts/make-sw.mjs),
the default quiz's first screen in the page (scripts/first_screen.py), the one-file quiz.html, the studio (studio.html, CodeMirror bundled by esbuild), the demo blog post (content/demo/), and a table of raw / gzip / brotli sizes printed for every file."""
import argparse
import base64
import gzip
import hashlib
import html
import json
import os
import pathlib
import re
import shutil
import subprocess
import unicodedata

import first_screen
import tokens
from derive import DEFAULT_CLI, derive


def hashed_name(path: pathlib.Path, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()[:10]
    return f"{path.stem}.{digest}{path.suffix}"


def script_safe(js: str) -> str:
    """Keeps inline JavaScript from closing its own <script> element."""
    return js.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def fill(page: str, names: dict) -> str:
    for key, value in names.items():
        page = page.replace("{{" + key + "}}", value)
    return page


def bundle(entry: pathlib.Path, *flags: str) -> bytes:
    """`entry` and the modules it imports, bundled by esbuild into one minified classic script (a page that works
    from disk, or inline). Packages come from this repository's node_modules also when --web is a copy elsewhere."""
    modules = pathlib.Path(__file__).resolve().parent.parent / "node_modules"
    env = dict(os.environ, NODE_PATH=os.pathsep.join(filter(None, [str(modules), os.environ.get("NODE_PATH")])))
    return subprocess.run([str(modules / ".bin" / "esbuild"), str(entry), "--bundle", "--minify", "--format=iife",
                           "--target=es2020", "--legal-comments=eof", "--log-level=warning", *flags],
                          check=True, capture_output=True, env=env).stdout


def prepare_script(web: pathlib.Path) -> str:
    """web/page/prepare.js as the page's inline script: its function without the module's export (and without its
    opening comment, which the shell's says), called at once. Its hash is in docs/embedding.md's policy."""
    code = (web / "page" / "prepare.js").read_text(encoding="utf-8")
    code = re.sub(r"\A(//[^\n]*\n)+", "", code).replace("export function prepare(", "function prepare(", 1)
    return script_safe("(function () {\n" + code + 'prepare(document.getElementById("cr-root"), new URLSearchParams(location.search));\n})();')


def page_shell(shell: str, title: str, words) -> str:
    """The page shell in the shipped quiz's title and language, the page's words (`crossroads page-words`) in that
    language where it says {{words:KEY}}, and in every language for web/app.js at {{page-words}}."""
    # The shell's comments are for its developers: not shipped, and not filled (they name the {{...}} they explain).
    shell = re.sub(r"<!--.*?-->\n?", "", shell, flags=re.S)
    shell = shell.replace("{{quiz-title}}", html.escape(title))
    if words:
        shell = shell.replace("{{language}}", html.escape(words["language"]))
        shell = re.sub(r"\{\{words:(\w+)\}\}", lambda m: html.escape(words["page"][m.group(1)]), shell)
        shell = shell.replace("{{page-words}}", script_safe(json.dumps(words["words"], ensure_ascii=False)))
    left = re.search(r"\{\{(language|words:\w+|page-words)\}\}", shell)
    if left:
        raise SystemExit(f"assemble.py: the page shell asks for {left.group(0)}: give --cli (the crossroads CLI) for its words")
    return shell


def stylesheet(web: pathlib.Path, name: str) -> str:
    """web/`name` with the design tokens it uses (src/ui/tokens.json) written in."""
    return tokens.css(tokens.load(), (web / name).read_text(encoding="utf-8"))


def pre_checked(quizzes, out: pathlib.Path, cli: str) -> dict:
    """Writes each quiz's pre-checked form (`crossroads compile`, src/core/form.h) beside it in dist/content/ under a
    hashed name, from its text composed (NFC) as the page composes a quiz file before the wasm reads it; returns
    {"content/<quiz>.json": "content/<quiz>.<hash>.crqf"}."""
    forms = {}
    for quiz in quizzes:
        composed = out / "content" / (quiz.stem + ".nfc.tmp")
        composed.write_text(unicodedata.normalize("NFC", quiz.read_text(encoding="utf-8")), encoding="utf-8")
        form = composed.with_suffix(".crqf")
        try:
            subprocess.run([cli, "compile", str(composed), str(form)], check=True)
            data = form.read_bytes()
        finally:
            composed.unlink()
            form.unlink(missing_ok=True)
        name = hashed_name(pathlib.Path(quiz.stem + ".crqf"), data)
        (out / "content" / name).write_bytes(data)
        forms["content/" + quiz.name] = "content/" + name
    return forms


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--web", required=True)
    ap.add_argument("--content", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--measure", help="crossroads-measure: first-screen heights for embed.js (else embed.js guesses)")
    ap.add_argument("--cli", default=str(DEFAULT_CLI), help="crossroads: validates a quiz before quizzes are derived from it, and gives the page's words")
    args = ap.parse_args()
    build, web, out = pathlib.Path(args.build), pathlib.Path(args.web), pathlib.Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    (out / "content").mkdir(parents=True)

    names = {}
    # Two wasms of the same objects (cmake/web.cmake): the readers' and the full one (web/page/wasm.js picks).
    for stem in ("crossroads", "crossroads-full"):
        wasm = (build / f"{stem}.wasm").read_bytes()
        wasm_name = hashed_name(pathlib.Path(f"{stem}.wasm"), wasm)
        (out / wasm_name).write_bytes(wasm)
        names[f"{stem}.wasm"] = wasm_name
        # Its loader asks for "<stem>.wasm"; point it at the hashed file.
        js = (build / f"{stem}.js").read_text().replace(f"{stem}.wasm", wasm_name)
        names[f"{stem}.js"] = hashed_name(pathlib.Path(f"{stem}.js"), js.encode())
        (out / names[f"{stem}.js"]).write_text(js)
    # The page loader: web/app.js and its modules (web/page/), one script; strict, as its modules are. The text layer,
    # web/a11y.js, minified alike (its comments are for its developers).
    scripts = {"app.js": bundle(web / "app.js", '--banner:js="use strict";'), "a11y.js": bundle(web / "a11y.js")}
    # The default quiz's first screen is in the page, drawn as the widget will draw it (scripts/first_screen.py); its
    # places and fonts go into the stylesheet.
    default = pathlib.Path(args.content) / "python-path.json"
    first_html, first_css = "", ""
    if args.measure:
        scenes = json.loads(subprocess.run([args.measure, "--scenes", str(build / "fonts"), "builtin:" + str(default)],
                                           check=True, capture_output=True, text=True).stdout)
        first_html, first_css = first_screen.render(scenes[""], build / "fonts")
    style = stylesheet(web, "style.css") + first_css + "\n"
    for asset, data in [("style.css", style.encode())] + list(scripts.items()):
        names[asset] = hashed_name(pathlib.Path(asset), data)
        (out / names[asset]).write_bytes(data)

    # The default quiz names the page until the widget draws; the page fetches it when ?quiz= names none.
    title = json.loads(default.read_text(encoding="utf-8"))["title"]
    words = args.cli and json.loads(subprocess.run([args.cli, "page-words", str(default)], check=True, capture_output=True,
                                                   text=True).stdout)
    shell = page_shell((web / "index.html").read_text(encoding="utf-8"), title, words)
    shell = fill(shell, {"default-quiz": "content/" + default.name, "first-screen": first_html, "prepare": prepare_script(web)})
    # Font packs: the page fetches those a quiz needs (src/web/fonts.cpp), the base pack's with the wasm.
    font_packs = sorted((build / "fonts").glob("*.ttf"))
    (out / "fonts").mkdir()
    for font in font_packs:
        shutil.copy(font, out / "fonts" / font.name)
    quizzes = sorted(pathlib.Path(args.content).glob("*.json"))
    for quiz in quizzes:
        shutil.copy(quiz, out / "content" / quiz.name)
    # A knowledge section with "standalone" is also a quiz of its own, written beside the one it comes from.
    quizzes += [pathlib.Path(p) for p in derive([str(q) for q in quizzes], str(out / "content"), args.cli)]
    # The readers' wasm reads each quiz's pre-checked form; the page learns their names here.
    forms = pre_checked(quizzes, out, args.cli)
    (out / "index.html").write_text(fill(shell, {**names, "forms": html.escape(json.dumps(forms))}), encoding="utf-8")

    # embed.js reserves the height each quiz's first screen will take at the iframe's width (crossroads-measure
    # draws it with the real UI and fonts; the subset fonts of the wasm build have the same metrics).
    heights = "{}"
    if args.measure:
        heights = subprocess.run([args.measure, str(build / "fonts"), "builtin:" + str(default)] + [str(q) for q in quizzes],
                                 check=True, capture_output=True, text=True).stdout.strip()
    (out / "embed.js").write_text((web / "embed.js").read_text().replace("{{first-screen-heights}}", heights))
    for asset in ("favicon.svg", "sw-scope.js"):
        shutil.copy(web / asset, out / asset)
    # The studio: web/studio.js and the CodeMirror packages it imports (node_modules, from the lock file) bundled into one
    # classic script, so the page also works from disk; the built-in quiz and its reader profiles are its first text.
    bundle_js = bundle(web / "studio.js")
    names["studio.js"] = hashed_name(pathlib.Path("studio.js"), bundle_js)
    (out / names["studio.js"]).write_bytes(bundle_js)
    css = stylesheet(web, "studio.css").encode()
    names["studio.css"] = hashed_name(pathlib.Path("studio.css"), css)
    (out / names["studio.css"]).write_bytes(css)
    profiles = pathlib.Path(__file__).resolve().parent.parent / "tests" / "content" / "python-path.profiles.json"
    names["example-quiz"] = script_safe(default.read_text(encoding="utf-8"))
    names["example-profiles"] = script_safe(profiles.read_text(encoding="utf-8"))
    names["schema"] = script_safe((pathlib.Path(args.content) / "schema" / "quiz.schema.json").read_text(encoding="utf-8"))
    (out / "studio.html").write_text(fill((web / "studio.html").read_text(), names))

    # Offline worker: Workbox's precache manifest, a content revision for every file the page needs.
    subprocess.run(["node", str(pathlib.Path(__file__).with_name("make-sw.mjs")), str(out)], check=True)

    # One self-contained file: styles and scripts inline, the full wasm inside the script (SINGLE_FILE): from disk the
    # studio shows its live quiz in it, from the quiz file's text (so it names no pre-checked forms).
    single = (build / "crossroads-single.js").read_text()
    # One file asks for nothing else: no icon file either (browsers show their default).
    inline = shell.replace('<link rel="icon" href="favicon.svg" type="image/svg+xml">\n', "")
    inline = re.sub(r'<link rel="preload"[^\n]*\n', "", inline)
    inline = fill(inline, {"forms": "{}", "crossroads-full.js": "", "crossroads-full.wasm": "", "crossroads.js": "",
                           "a11y.js": ""})
    inline = inline.replace('<link rel="stylesheet" href="{{style.css}}">', "<style>\n" + style + "</style>")
    # In place of the async loader, which would add the other two: the wasm's script, the loader, the text layer's.
    inline = inline.replace('<script async src="{{app.js}}"></script>', "\n".join(
        "<script>\n" + script_safe(code) + "\n</script>" for code in (single, scripts["app.js"].decode(), scripts["a11y.js"].decode())))
    # ... and the font packs, as data the page hands to the wasm instead of fetching fonts/*.ttf.
    packs = {f"fonts/{f.name}": base64.b64encode(f.read_bytes()).decode() for f in font_packs}
    texts = '<script type="application/json" id="cr-texts">'  # before the loader, which may read them at once
    inline = inline.replace(texts, '<script type="application/json" id="cr-font-data">' + json.dumps(packs) + "</script>\n" + texts)
    # ... and the default quiz (every "<" of JSON is in a string, where \u003c is the same letter).
    quiz_text = default.read_text(encoding="utf-8").replace("<", "\\u003c")
    inline = inline.replace(texts, '<script type="application/json" id="cr-quiz-data">' + quiz_text + "</script>\n" + texts)
    (out / "quiz.html").write_text(inline, encoding="utf-8")

    (out / "demo").mkdir()
    shutil.copy(pathlib.Path(args.content) / "demo" / "blog.html", out / "demo" / "blog.html")

    print(f"{'file':<40} {'raw':>10} {'gzip':>10} {'brotli':>10}")
    for f in sorted(p for p in out.rglob("*") if p.is_file()):
        data = f.read_bytes()
        gz = len(gzip.compress(data, 9))
        try:
            br = len(subprocess.run(["brotli", "-c", "-q", "11", str(f)], check=True, capture_output=True).stdout)
        except (OSError, subprocess.CalledProcessError):
            br = -1
        print(f"{str(f.relative_to(out)):<40} {len(data):>10,} {gz:>10,} {br:>10,}")


if __name__ == "__main__":
    main()
