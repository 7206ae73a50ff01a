"""The first screen paints styled from the HTML alone (issue #16), in a real Chromium.

Each page type (home, a guide page, the directory, a directory entry) is loaded twice in a fresh
phone-sized context: (a) with the full stylesheet's request refused, so only the page's inline
<style> styles it, and (b) normally. Every element painted in the first viewport (not hidden by
visibility, opacity or an ancestor's overflow clip) must be painted in both, with the same box
(±1 px), colour, background, font size and weight: nothing moves or changes when the full
stylesheet arrives, and what is hidden by default (drawer, search, language list) stays hidden.
Boxes are compared within the first viewport (left, top, right, bottom, clipped to it): a container
that runs below the fold may grow there when the rest of the page gets its styles, unseen.
"""

from __future__ import annotations

import pytest

from devtools.chromium import PHONE
from devtools.localserver import start_server

pytestmark = pytest.mark.browser

FULL_STYLESHEET = "**/assets/parapluie.*.min.css"
# Every element of <body> painted in the first viewport: its box and the styles the reader sees.
PAINTED = """() => {
  const W = innerWidth, H = innerHeight, painted = [];
  const elements = [...document.body.querySelectorAll('*')];
  const visibleBox = (element) => {
    let box = element.getBoundingClientRect();
    let [left, top, right, bottom] = [box.left, box.top, box.right, box.bottom];
    for (let node = element; node && node !== document.documentElement; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility !== 'visible' || Number(style.opacity) === 0) return null;
      if (node !== element && style.overflow !== 'visible') {
        const clip = node.getBoundingClientRect();
        [left, top] = [Math.max(left, clip.left), Math.max(top, clip.top)];
        [right, bottom] = [Math.min(right, clip.right), Math.min(bottom, clip.bottom)];
      }
      if (style.position === 'fixed') break;
    }
    [left, top, right, bottom] = [Math.max(left, 0), Math.max(top, 0), Math.min(right, W), Math.min(bottom, H)];
    if (right - left < 1 || bottom - top < 1) return null;
    // The part of its box inside the first viewport: what the reader sees move, or not.
    return [Math.max(box.left, 0), Math.max(box.top, 0), Math.min(box.right, W), Math.min(box.bottom, H)];
  };
  elements.forEach((element, index) => {
    if (element.closest('noscript, script, style')) return;
    const box = visibleBox(element);
    if (!box) return;
    const style = getComputedStyle(element);
    const name = element.tagName.toLowerCase() + [...element.classList].map((c) => '.' + c).join('');
    painted.push({
      index, name, box, header: !!element.closest('.md-header'),
      style: [style.color, style.backgroundColor, style.fontSize, style.fontWeight],
    });
  });
  return painted;
}"""
FULL_STYLESHEET_APPLIED = """() => [...document.querySelectorAll('link[data-parapluie-css]')].every(
  (link) => link.media === 'all' && link.sheet && link.sheet.cssRules.length > 0)"""


def painted(browser, url: str, width: int, height: int, inline_only: bool, javascript: bool = True) -> list[dict]:
    """What a fresh phone of `width`×`height` paints in its first viewport at `url`."""
    context = browser.new_context(
        **{**PHONE, "viewport": {"width": width, "height": height}}, java_script_enabled=javascript
    )
    try:
        page = context.new_page()
        if inline_only:
            page.route(FULL_STYLESHEET, lambda route: route.abort())
        page.goto(url, wait_until="load")
        if javascript and not inline_only:
            page.wait_for_function(FULL_STYLESHEET_APPLIED)
        return page.evaluate(PAINTED)
    finally:
        context.close()


def differences(first: list[dict], full: list[dict]) -> list[str]:
    """Each way the first paint (inline CSS only) differs from the fully styled page, one line each."""
    first_by_index, full_by_index = {e["index"]: e for e in first}, {e["index"]: e for e in full}
    found = []
    for index in sorted(first_by_index.keys() | full_by_index.keys()):
        a, b = first_by_index.get(index), full_by_index.get(index)
        if a is None or b is None:
            shown = a or b
            state = "only in the first paint" if b is None else "missing from the first paint"
            found.append(f"#{index} {shown['name']} {[round(v) for v in shown['box']]}: {state}")
            continue
        if any(abs(x - y) > 1 for x, y in zip(a["box"], b["box"], strict=True)):
            boxes = f"{[round(v, 1) for v in a['box']]} instead of {[round(v, 1) for v in b['box']]}"
            found.append(f"#{index} {b['name']}: box {boxes}")
        if a["style"] != b["style"]:
            found.append(f"#{index} {b['name']}: color, background, size, weight {a['style']} instead of {b['style']}")
    return found


def first_entry(site, code: str) -> str:
    """The address of the first directory entry of a language (whatever the data holds)."""
    folder = site / code / "annuaire"
    entries = sorted(path.parent.name for path in folder.glob("*/index.html") if path.parent.name != "besoin")
    return f"annuaire/{entries[0]}/"


def page_types(built, code: str) -> dict[str, str]:
    """Home, a guide page (the nav's second page), the directory and a directory entry."""
    guide = built.pages[1].removesuffix(".md").removesuffix("/index") + "/"
    return {"home": "", "guide": guide, "directory": "annuaire/", "entry": first_entry(built.site, code)}


@pytest.fixture(scope="module")
def rtl_url(rtl_built):
    """The French and right-to-left fixture build, served locally with its headers."""
    url, server = start_server(rtl_built.site)
    yield url
    server.shutdown()


SCREENS = {"360": ("fr", 360, 740), "320": ("fr", 320, 640), "rtl-390": ("fa", 390, 740)}
CASES = [
    pytest.param(screen, kind, id=f"{screen}-{kind}")
    for screen in SCREENS
    for kind in ("home", "guide", "directory", "entry")
]


@pytest.mark.parametrize(("screen", "kind"), CASES)
def test_the_first_paint_is_the_fully_styled_first_screen(browser, rtl_built, rtl_url, screen, kind):
    code, width, height = SCREENS[screen]
    path = page_types(rtl_built, code)[kind]
    url = f"{rtl_url}/{code}/{path}"
    first = painted(browser, url, width, height, inline_only=True)
    full = painted(browser, url, width, height, inline_only=False)
    assert len(full) > 20, f"only {len(full)} elements painted"
    assert differences(first, full) == []


def test_the_quick_exit_is_visible_and_styled_from_the_html_alone(browser, rtl_built, rtl_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.route(FULL_STYLESHEET, lambda route: route.abort())
    page.goto(f"{rtl_url}/fr/", wait_until="load")
    button = page.evaluate("""() => {
      const button = document.querySelector('.parapluie-exit__button');
      const box = button.getBoundingClientRect(), style = getComputedStyle(button);
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return {top: box.top, height: box.height, width: box.width, color: style.color,
              background: style.backgroundColor, weight: style.fontWeight, uncovered: button.contains(hit)};
    }""")
    context.close()
    assert button["top"] < 10 and button["height"] >= 44 and button["width"] >= 0.8 * PHONE["viewport"]["width"], button
    assert (button["background"], button["color"], button["weight"]) == (
        "rgb(179, 38, 30)",
        "rgb(255, 255, 255)",
        "700",
    )
    assert button["uncovered"], button


def test_without_javascript_the_noscript_stylesheet_styles_the_page(browser, rtl_built, rtl_url):
    url = f"{rtl_url}/fr/{page_types(rtl_built, 'fr')['guide']}"
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(url, wait_until="load")
    sheets = page.evaluate("""() => [...document.styleSheets].map((sheet) => [
      sheet.ownerNode.tagName.toLowerCase(), sheet.ownerNode.parentElement.tagName.toLowerCase(),
      sheet.media.mediaText, sheet.cssRules.length > 100])""")
    context.close()
    assert ["link", "noscript", "", True] in sheets, sheets
    # The same page as with JavaScript, but the header, where the theme hides search without it.
    without_js = painted(browser, url, 360, 740, inline_only=False, javascript=False)
    full = painted(browser, url, 360, 740, inline_only=False)
    content = [[element for element in paint if not element["header"]] for paint in (without_js, full)]
    assert len(content[1]) > 10 and differences(*content) == []
