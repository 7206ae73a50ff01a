"""Every page of every language on a 320 px phone: no sideways scrolling, and every phone number and
primary link is a tap target of at least 44×44 px. Asserted over the real build: true of any valid data."""

from __future__ import annotations

import pytest

from devtools.chromium import PHONE

pytestmark = pytest.mark.browser
NARROW = {**PHONE, "viewport": {"width": 320, "height": 640}}
TAP = 44
# Phone numbers and the links a page exists for: contacts, result names, the need and place choices.
PRIMARY = "a[href^='tel:'], a.parapluie-contact, a.parapluie-card__name, .parapluie-needs a, .parapluie-places a"
MEASURE = """(selector) => {
  const small = [];
  for (const link of document.querySelectorAll(selector)) {
    const box = link.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;  // not shown (a hidden list, another layout)
    const size = `${Math.round(box.width)}×${Math.round(box.height)}`;
    if (box.width < 43.5 || box.height < 43.5) small.push(`${link.textContent.trim()} ${size}`);
  }
  return {width: document.documentElement.scrollWidth, small};
}"""


def pages(site) -> list[str]:
    """Every page of the site (forwarding pages of short links and moved pages left aside, and the
    vendored web editor at /admin/, the documented exception: a staff tool, not a reader's page)."""
    urls = []
    for path in sorted(site.rglob("index.html")):
        if path.parent.relative_to(site).parts[:1] == ("admin",):
            continue
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue
        folder = path.parent.relative_to(site).as_posix()
        urls.append("/" if folder == "." else f"/{folder}/")
    return urls


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_every_page_fits_320_px_with_44_px_tap_targets(browser, built, site_url, javascript):
    context = browser.new_context(**NARROW, java_script_enabled=javascript)
    page = context.new_page()
    wide, small = [], []
    urls = pages(built.site)
    assert len(urls) > 100
    for url in urls:
        page.goto(site_url + url)
        result = page.evaluate(MEASURE, PRIMARY)
        if result["width"] > NARROW["viewport"]["width"]:
            wide.append(f"{url} ({result['width']} px)")
        if result["small"] and not url.startswith("/depliants/"):  # printed leaflets: numbers are read, not tapped
            small.append(f"{url}: {', '.join(result['small'][:3])}")
    context.close()
    assert wide == []
    assert small == []
