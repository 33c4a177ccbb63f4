"""The built-in quiz's first screen as static HTML and CSS, for the page's first paint: what the widget will draw,
before any script runs and with JavaScript off. From crossroads-measure --scenes: one scene for each run of widths that
draws alike; every text run is placed where the canvas draws it, shown by the media query of the widths it is drawn at.
Used by scripts/assemble.py; web/page/first-screen.js keeps a tap on its buttons until the widget is ready."""
import html
import math
import pathlib
import struct

# The scene's fonts (src/ui/fonts.cpp): Roboto, regular or bold; ImGui sizes a font by its ascent minus descent.
WEIGHTS = {"body": 400, "small": 400, "bold": 700, "title": 700}
FIRST_WIDTH = 300  # crossroads-measure's narrowest width: narrower pages use its layout


def font_metrics(ttf: pathlib.Path) -> tuple:
    """(units per em, ascender, descender) from the font's head and hhea tables."""
    data = ttf.read_bytes()
    tables = {}
    for i in range(struct.unpack(">H", data[4:6])[0]):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tables[tag] = offset
    upm = struct.unpack(">H", data[tables[b"head"] + 18:tables[b"head"] + 20])[0]
    ascender, descender = struct.unpack(">hh", data[tables[b"hhea"] + 4:tables[b"hhea"] + 8])
    return upm, ascender, descender


def run_style(run: dict, dx: int, dy: int, metrics: tuple) -> str:
    """A run at its drawn place: the CSS font size that gives ImGui's pixel height, and its baseline where ImGui's is
    (ImGui puts it at the ascent rounded down after adding one pixel)."""
    upm, asc, desc = metrics
    size = run["size"]
    em = size * upm / (asc - desc)
    ascent = size * asc / (asc - desc)
    top = run["y"] - dy + math.floor(ascent + 1) - ascent
    return f"left:{run['x'] - dx}px;top:{top:g}px;font:{WEIGHTS.get(run['font'], 400)} {em:.2f}px/{size:g}px var(--cr-font)"


def media(layout: dict, last: bool) -> str:
    lo = "" if layout["from"] <= FIRST_WIDTH else f"(min-width:{layout['from']}px)"
    hi = "" if last else f"(max-width:{layout['to'] + 0.9:g}px)"  # Chromium reads 359.99px as 360px
    return "@media " + (" and ".join(q for q in (lo, hi) if q) or "all")


def render(screens: dict, fonts: pathlib.Path) -> tuple:
    """(html, css) of the first screen described by `screens` (crossroads-measure --scenes, one quiz's entry)."""
    metrics = font_metrics(fonts / "base-regular.ttf")
    layouts = screens["layouts"]
    items = layouts[0]["scene"]["items"]
    # Every distinct run of each item, once in the page; a layout shows the runs it draws.
    shown = []
    for layout in layouts:
        mine = []
        for index, item in enumerate(layout["scene"]["items"]):
            control = item["part"] == "control"
            for run in item["runs"]:
                key = (index, run["text"], run["font"], run["size"],
                       run["x"] - (item["x"] if control else 0), run["y"] - (item["y"] if control else 0))
                mine.append(key)
        shown.append(mine)
    # In reading order: an item's runs top to bottom, so those of any one layout read as its lines do.
    runs = sorted(set(k for mine in shown for k in mine), key=lambda k: (k[0], k[5], k[4], k[1]))
    number = {key: n for n, key in enumerate(runs)}
    shown = [[number[key] for key in mine] for mine in shown]

    def spans(index: int) -> str:
        out = []
        for k, (i, text, font, size, x, y) in enumerate(runs):
            if i == index:
                out.append(f'<span class="cr-fr cr-f-{font} r{k}">{html.escape(text)}</span>')
        return "\n".join(out)

    body = []
    for index, item in enumerate(items):
        part = item["part"]
        if part == "heading":
            tag = f"h{item.get('level', 1)}"
            body.append(f"<{tag}>{spans(index)}</{tag}>")
        elif part == "control":
            kind = "cr-fb-primary" if item["id"] == "start" else "cr-fb-secondary"
            # Without JavaScript, Start opens the page with ?start=question: the quiz starts once it can run.
            extra = ' type="submit" name="start" value="question"' if item["id"] == "start" else ' type="button"'
            body.append(f'<button class="cr-fb {kind} b{index}" data-hit="{html.escape(item["id"])}"{extra}>{spans(index)}</button>')
        elif part == "figure":
            body.append(f'<div class="cr-ff b{index}" role="img" aria-label="{html.escape(item.get("name", ""))}"></div>')
        else:
            body.append(f"<p>{spans(index)}</p>")
    page = '<form id="cr-first" class="cr-first" method="get">\n' + "\n".join(body) + "\n</form>"

    # Colours are the design tokens' custom properties (web/style.css), light or dark as the page is.
    css = [".cr-root:not(.cr-other) .cr-placeholder{display:none}"]
    # Each run's place and font as a class, not a style attribute: the page runs under style-src 'self'.
    css.append("".join(f".r{k}{{{run_style({'text': text, 'font': font, 'size': size, 'x': x, 'y': y}, 0, 0, metrics)}}}"
                       for k, (i, text, font, size, x, y) in enumerate(runs)))
    for n, layout in enumerate(layouts):
        boxes = "".join(f".b{i}{{left:{it['x']}px;top:{it['y']}px;width:{it['w']}px;height:{it['h']}px}}"
                        for i, it in enumerate(layout["scene"]["items"]) if it["part"] in ("control", "figure"))
        visible = ",".join(f".r{k}" for k in shown[n])
        height = layout["height"]
        css.append(f"{media(layout, n == len(layouts) - 1)}{{{visible}{{display:block}}{boxes}"
                   f".cr-first,.cr-root:not(.cr-other) .cr-canvas{{height:{height}px}}}}")
    return page, "\n".join(css)
