"""One stylesheet and one script for every page of every language, trimmed and fingerprinted.

The theme's own CSS is large because it styles features we never use. After rendering, the
build keeps only the rules whose class and id names appear in the site's HTML or scripts,
adds our stylesheets, and writes the result once at the site's root with a content hash in
its name (cached for a year by hosts, shared by all languages). Scripts are concatenated the
same way. Search costs nothing until it is opened: its rules leave the shared stylesheet for their
own file (`split_css`, SEARCH_SELECTOR), which the main script loads with search's own script; the
offline copy's code likewise loads when the reader asks for a copy, and the scripts only some pages
run are page scripts (parapluie/finish/page_scripts.py).

Templates link the stable names `assets/parapluie.css` and `assets/parapluie.js`;
`link_bundles` rewrites them to the fingerprinted names.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote

import tinycss2

from parapluie.components import (
    FINDER_NO_SCRIPT_STYLESHEET,
    FIRST_SCREEN_STYLESHEET,
    LAZY_OFFLINE_SCRIPT,
    LAZY_SEARCH_SCRIPT,
    OWN_CLASSES_ONLY_SCRIPTS,
    PAGE_SCRIPTS,
    SCRIPTS,
    SERVICE_WORKER_SOURCE,
    STYLESHEETS,
)
from parapluie.errors import BuildError
from parapluie.inputs.languages import Language
from parapluie.workers import fork_pool, job_count

# Our sources (components and the site's stylesheet) are listed in parapluie/components.py.
SERVICE_WORKER = "sw.js"  # at the site's root, so its scope is the whole site
# The stable names templates use, rewritten to fingerprinted names after rendering.
STYLESHEET_LINK = "assets/parapluie.css"
SCRIPT_LINK = "assets/parapluie.js"
# Where overrides/main.html wants the first screen's stylesheet, inside its <style>.
FIRST_SCREEN_MARKER = "/*parapluie:first-screen*/"
# The first screen's CSS is for phones, below Material's 45em breakpoint; from 45em on, the full
# stylesheet blocks the first paint instead (its link with media="screen and (min-width: 45em)"
# in overrides/main.html).
FIRST_SCREEN_MEDIA = "screen and (max-width:44.984375em)"
# Where the first screen's source turns to what only the directory's pages need, and how those pages
# are known: they show the directory's cards, finder or an entry (no other page uses these classes).
FIRST_SCREEN_DIRECTORY_PART = "/* Directory pages only"
DIRECTORY_PAGE = re.compile(r'class="parapluie-(?:directory|entry|card|contact|finder)\b')
# The page with the directory's finder, which gets FINDER_NO_SCRIPT_STYLESHEET at the end of its <head>.
FINDER_PAGE = re.compile(r'<form class="parapluie-finder"')
# Inside the main script, replaced by the search script's and search stylesheet's fingerprinted file names.
SEARCH_SCRIPT_MARKER = "@@PARAPLUIE_SEARCH_SCRIPT@@"
SEARCH_STYLESHEET_MARKER = "@@PARAPLUIE_SEARCH_STYLESHEET@@"
# The selectors only an opened search needs, which go to search's own stylesheet (split_css): its
# dialog's (built by components/search/search.js when search opens), its open state's, and the theme's
# hiding of the header's search button on wide screens (where the built dialog's field replaces it;
# until then the button is the way in). The closed state (the button, hidden without JavaScript) stays.
SEARCH_SELECTOR = re.compile(r"\.md-search|\[data-md-toggle=search\]|^\.md-header__button\[for=__search\]$")
# The search dialog's own icons, which search.js draws with these classes: the theme's icon files.
SEARCH_ICONS = {"parapluie-i-back": "material/arrow-left", "parapluie-i-reset": "material/close"}
# Likewise for the offline copy's script (components/offline/offline-loader.js loads it on the first press).
OFFLINE_SCRIPT_MARKER = "@@PARAPLUIE_OFFLINE_SCRIPT@@"
# What the theme copies into every language folder and the bundle replaces.
THEME_ASSET_FOLDERS = ("assets/stylesheets", "assets/javascripts")

NAME_TOKEN = re.compile(r"[A-Za-z_][\w-]*")
CLASS_ATTRIBUTE = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
ID_ATTRIBUTE = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
SELECTOR_CLASS_OR_ID = re.compile(r"([.#])(-?[_a-zA-Z][\w-]*)")
# The element names a selector needs (after its classes, ids, attributes and pseudo-classes are removed).
SELECTOR_NOISE = re.compile(r"\[[^\]]*\]|::?[\w-]+(?:\([^)]*\))?|[.#]-?[_a-zA-Z][\w-]*")
ELEMENT_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
# Elements a script creates (`document.createElement("li")`).
CREATED_ELEMENT = re.compile(r"""createElement(?:NS)?\(\s*(?:[^,)]*,\s*)?["']([a-zA-Z][a-zA-Z0-9-]*)["']""")
CUSTOM_PROPERTY_USE = re.compile(r"var\(\s*(--[\w-]+)")
# A custom property declaration (`--md-x: value;`), its value possibly quoted (data URLs).
CUSTOM_PROPERTY_DECLARATION = re.compile(r"""(?<=[{;])(--[\w-]+):((?:[^;{}"']|"[^"]*"|'[^']*')*)(?:;|(?=}))""")
EMPTY_RULE = re.compile(r"[^{}]+\{\s*\}")
# Functional pseudo-classes whose arguments need not match for the rule to apply (:not(.x)),
# or may match in part (:is(.a, .b)): their names never make a selector unused.
FUNCTIONAL_PSEUDO = re.compile(r":(?:not|is|where|has)\(")
# An icon the theme writes inline in every page (menu, search, language…): plain, no attributes
# but the namespace and the view box. Each one moves into a stylesheet (see icon_rules): the quick exit's
# and header's into the first screen's <style>, the search dialog's into search's, any other into the shared one.
INLINE_ICON = re.compile(r'<svg xmlns="http://www\.w3\.org/2000/svg" viewBox="[^"]*">.*?</svg>', re.DOTALL)
ICON_CLASS_PREFIX = "parapluie-i"
# Markup the theme writes for its own script, which the site does not load: attributes the
# stylesheet never selects are dropped, and so are two empty or duplicate blocks (the theme's
# hidden "skip to content", replaced by ours in the quick-exit landmark; the empty banner; the
# dialog its script fills).
THEME_DATA_ATTRIBUTE = re.compile(r'\s(data-md-[a-z-]+)(?:="[^"]*")?')
THEME_UNUSED_BLOCKS = re.compile(
    r'<div data-md-component="skip">.*?</div>\n?'
    r'|<div data-md-component="announce">\s*</div>\n?'
    r'|<div class="md-dialog" data-md-component="dialog">\s*'
    r'<div class="md-dialog__inner md-typeset"></div>\s*</div>\n?',
    re.DOTALL,
)


@dataclass(frozen=True)
class Bundles:
    """The fingerprinted files written at the site's root, as paths relative to it."""

    stylesheet: str
    script: str
    search_script: str  # loaded when search opens, with search_stylesheet
    service_worker: str
    icons: dict[str, str]
    styled_attributes: frozenset[str]
    # The first screen's CSS, minified, that every MkDocs page carries in its <style> (its CSP hash), and
    # the directory pages' larger variant (see FIRST_SCREEN_DIRECTORY_PART).
    first_screen: str = ""
    first_screen_directory: str = ""
    search_stylesheet: str = ""
    # The finder page's <noscript> style (FINDER_NO_SCRIPT_STYLESHEET, minified; its CSP hash too).
    finder_no_script: str = ""
    # The page scripts' files (parapluie/finish/page_scripts.py), added by bundle_assets.
    page_scripts: tuple[str, ...] = ()
    offline_script: str = ""  # loaded by the shared script when the reader asks for the offline copy


def fingerprinted_name(stem: str, data: bytes, suffix: str) -> str:
    """`stem.<8 hex of sha256>.min.<suffix>`: the name changes whenever the content does."""
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:8]}.min.{suffix}"


def used_names(html_pages: list[str], scripts: list[str]) -> set[str]:
    """Every class and id the pages use, plus every word of the scripts (which may add classes)."""
    names: set[str] = set()
    for html in html_pages:
        for pattern in (CLASS_ATTRIBUTE, ID_ATTRIBUTE):
            for groups in pattern.findall(html):
                names.update("".join(groups).split())
    for script in scripts:
        names.update(NAME_TOKEN.findall(script))
    return names


def used_elements(html_pages: list[str], scripts: list[str]) -> set[str]:
    """Every element name the pages contain or the scripts create, lower case."""
    elements = {"html", "body", "*"}
    for html in html_pages:
        elements.update(name.lower() for name in START_TAG.findall(html))
    for script in scripts:
        elements.update(name.lower() for name in CREATED_ELEMENT.findall(script))
    return elements


def _strip_functional_pseudo(selector: str) -> str:
    """The selector without the arguments of :not(), :is(), :where() and :has()."""
    result, depth, index = [], 0, 0
    while index < len(selector):
        match = FUNCTIONAL_PSEUDO.match(selector, index) if depth == 0 else None
        if match:
            depth, index = 1, match.end()
            continue
        char = selector[index]
        if depth:
            depth += {"(": 1, ")": -1}.get(char, 0)
        else:
            result.append(char)
        index += 1
    return "".join(result)


def selector_is_used(selector: str, names: set[str], elements: set[str] | None = None) -> bool:
    """True when every class and id the selector requires is in `names` and, when `elements` is
    given, every element name it requires is in `elements` (`.md-typeset kbd` needs a <kbd>)."""
    required = _strip_functional_pseudo(selector)
    if not all(name in names for _, name in SELECTOR_CLASS_OR_ID.findall(required)):
        return False
    if elements is None:
        return True
    return all(name.lower() in elements for name in ELEMENT_NAME.findall(SELECTOR_NOISE.sub(" ", required)))


def minify_css(css: str) -> str:
    """Our own stylesheets without comments and the whitespace around braces, semicolons and commas
    (spaces elsewhere can mean something in a selector, `a :hover`, so they stay, folded to one)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};,])\s*", r"\1", css).replace(";}", "}").strip()


# Our scripts' comments: a block comment or a `//` comment taking whole lines (never one after code,
# which could sit in a string or a regular expression).
WHOLE_LINE_BLOCK_COMMENT = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*$", re.DOTALL | re.MULTILINE)
WHOLE_LINE_COMMENT = re.compile(r"^[ \t]*//.*$", re.MULTILINE)


def minify_js(source: str) -> str:
    """Our own scripts without their whole-line comments, indentation and blank lines (line breaks stay,
    so automatic semicolons never change). Our scripts hold no template literal (a test checks)."""
    source = WHOLE_LINE_COMMENT.sub("", WHOLE_LINE_BLOCK_COMMENT.sub("", source))
    return "\n".join(line.strip() for line in source.splitlines() if line.strip())


def drop_unused_properties(css: str) -> str:
    """The stylesheet without the custom properties no `var()` reads (the theme declares icons,
    colours and fonts for features we never show), repeated until nothing more goes."""
    while True:
        used = set(CUSTOM_PROPERTY_USE.findall(css))

        def keep_used(match: re.Match, used: set[str] = used) -> str:
            return match.group(0) if match.group(1) in used else ""

        kept = EMPTY_RULE.sub("", CUSTOM_PROPERTY_DECLARATION.sub(keep_used, css).replace(";}", "}"))
        if kept == css:
            return css
        css = kept


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    parts.append(prelude[start:])
    return [part.strip() for part in parts if part.strip()]


def _trim_rules(rules: list, names: set[str], elements: set[str] | None) -> str:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            prelude = _split_selectors(tinycss2.serialize(rule.prelude))
            selectors = [s for s in prelude if selector_is_used(s, names, elements)]
            if selectors:
                kept.append(",".join(selectors) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports", "layer", "container"):
            if rule.content is None:
                kept.append(tinycss2.serialize([rule]))
                continue
            inner_rules = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            inner = _trim_rules(inner_rules, names, elements)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type == "at-rule":
            kept.append(tinycss2.serialize([rule]))
    return "".join(kept)


def _parse(css: str) -> list:
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    errors = [rule for rule in rules if rule.type == "error"]
    if errors:
        raise ValueError(f"CSS parse error at line {errors[0].source_line}: {errors[0].message}")
    return rules


def _split_rules(rules: list, moves: Callable[[str], bool]) -> tuple[str, str]:
    kept, moved = [], []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _split_selectors(tinycss2.serialize(rule.prelude))
            block = "{" + tinycss2.serialize(rule.content) + "}"
            picked = [moves(selector) for selector in selectors]
            for part, side in ((kept, False), (moved, True)):
                chosen = [selector for selector, pick in zip(selectors, picked, strict=True) if pick is side]
                if chosen:
                    part.append(",".join(chosen) + block)
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            head = f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}"
            for part, css in zip((kept, moved), _split_rules(inner, moves), strict=True):
                if css:
                    part.append(f"{head}{{{css}}}")
        else:
            kept.append(tinycss2.serialize([rule]))
    return "".join(kept), "".join(moved)


def split_css(css: str, moves: Callable[[str], bool]) -> tuple[str, str]:
    """The stylesheet cut in two, selector by selector: what stays, and the selectors `moves` picks, each
    with its rule's declarations, inside its @media or @supports as before, in their order. The second
    part, loaded after the first, then comes after every rule that stays: right when no staying rule that
    came after a moved one sets the same property on the same element with the same specificity."""
    return _split_rules(_parse(css), moves)


def is_search_selector(selector: str) -> bool:
    """True for a selector only an opened search needs (SEARCH_SELECTOR)."""
    return bool(SEARCH_SELECTOR.search(selector))


def trim_css(css: str, names: set[str], elements: set[str] | None = None) -> str:
    """The stylesheet without the rules whose selectors need a class or id that no page uses (or,
    given `elements`, an element no page has), and without the custom properties nothing reads."""
    return drop_unused_properties(_trim_rules(_parse(css), names, elements))


def icon_classes(html_pages: list[str]) -> dict[str, str]:
    """A class name for each distinct inline icon of the pages, in order of first appearance."""
    classes: dict[str, str] = {}
    for html in html_pages:
        for svg in INLINE_ICON.findall(html):
            classes.setdefault(svg, f"{ICON_CLASS_PREFIX}{len(classes) + 1}")
    return classes


def icon_rules(classes: dict[str, str], prefixed_only: bool = False) -> str:
    """CSS drawing each icon as a mask over the text colour, so pages carry an empty <svg> only
    (`prefixed_only`: with -webkit-mask alone, for the first screen's <style>).

    The icons are the same on every page: drawn by a stylesheet, each page carries an empty <svg>
    where the theme wrote the whole icon. The empty <svg> keeps the theme's sizing rules (`.md-icon svg`…). Each
    icon's class sets its image (`--parapluie-icon`); one rule draws them all (once, not twice
    for the prefixed and the standard `mask`).
    """
    if not classes:
        return ""
    mask = "var(--parapluie-icon) center/contain no-repeat"
    masks = f"-webkit-mask:{mask}" + ("" if prefixed_only else f";mask:{mask}")
    rules = [",".join(f".{name}" for name in classes.values()) + f"{{{masks};background-color:currentColor}}"]
    for svg, name in classes.items():
        # Percent-encoded but for a few harmless characters; never the quote that closes url("…").
        rules.append(f'.{name}{{--parapluie-icon:url("data:image/svg+xml,' + quote(svg, safe=" =:/'.,-") + '")}')
    return "".join(rules)


# The first screen's chrome: from <body> to the header's end (the quick exit and the header's buttons).
FIRST_SCREEN_CHROME = re.compile(r"<body\b.*?</header>", re.DOTALL)


def first_screen_icons(html_pages: list[str], classes: dict[str, str]) -> dict[str, str]:
    """The icons of the quick exit and the header (see FIRST_SCREEN_CHROME): the first screen's CSS draws them."""
    shown = {
        svg
        for html in html_pages
        for chrome in FIRST_SCREEN_CHROME.findall(html)[:1]
        for svg in INLINE_ICON.findall(chrome)
    }
    return {svg: name for svg, name in classes.items() if svg in shown}


def replace_icons(html: str, classes: dict[str, str]) -> str:
    """Swap each known inline icon for an empty <svg> with its class (see icon_rules)."""
    return INLINE_ICON.sub(lambda match: f'<svg class="{classes[match.group(0)]}" aria-hidden="true"></svg>', html)


def theme_icon(name: str) -> str:
    """The theme's icon `name` (`material/close`) as the theme writes it inline in a page."""
    import material  # the theme's package: its icons are files of its templates

    path = Path(material.__file__).parent / "templates" / ".icons" / f"{name}.svg"
    svg = path.read_text(encoding="utf-8").strip() if path.is_file() else ""
    if not INLINE_ICON.fullmatch(svg):
        raise BuildError(path, "expected one of the theme's plain icons (<svg xmlns=… viewBox=…>…</svg>)")
    return svg


def first_screen_css(sources: Path, icons: dict[str, str]) -> tuple[str, str]:
    """The <style> MkDocs pages carry, and the directory pages' variant: components/first-screen/first-screen.css
    minified (without, then with, its part after FIRST_SCREEN_DIRECTORY_PART) for phones (FIRST_SCREEN_MEDIA),
    then the quick exit's and header's icons for every width: only this <style> draws them (the pages
    outside MkDocs have no icon), so the shared stylesheet does not carry them a second time."""
    source = (sources / FIRST_SCREEN_STYLESHEET).read_text(encoding="utf-8")
    common, _, directory = source.partition(FIRST_SCREEN_DIRECTORY_PART)
    # -webkit-mask only (every browser reads it): the W3C checker rejects the standard `mask` shorthand.
    drawn = icon_rules(icons, prefixed_only=True)
    common_css, directory_css = minify_css(common), minify_css("/*" + directory) if directory else ""
    return (
        f"@media {FIRST_SCREEN_MEDIA}{{{common_css}}}{drawn}",
        f"@media {FIRST_SCREEN_MEDIA}{{{common_css}{directory_css}}}{drawn}",
    )


def theme_stylesheet(language_folder: Path) -> Path:
    """The theme's main stylesheet as rendered into one language's folder."""
    found = sorted((language_folder / "assets" / "stylesheets").glob("main.*.min.css"))
    if len(found) != 1:
        raise BuildError(language_folder, f"expected one theme stylesheet main.*.min.css, found {len(found)}")
    return found[0]


def write_bundles(site: Path, language_folders: list[Path], sources: Path) -> Bundles:
    """Write the site's one stylesheet, main script, search stylesheet and script, offline script and service
    worker at its root.

    `sources` is the project root (see parapluie/components.py). Every page's classes and ids decide
    which theme rules stay.
    """
    pages = [path.read_text(encoding="utf-8") for path in site.rglob("*.html")]
    rendered = [path.read_text(encoding="utf-8") for f in language_folders for path in f.rglob("*.html")]
    icons = icon_classes(rendered)
    own_scripts = [(sources / name).read_text(encoding="utf-8") for name in (*SCRIPTS, LAZY_SEARCH_SCRIPT)]
    # Not the page scripts (components.PAGE_SCRIPTS) nor OWN_CLASSES_ONLY_SCRIPTS: they use our own
    # classes only, whose rules are never trimmed (tests/unit/test_page_scripts.py), and their other
    # words would keep theme rules.
    sources_read = [name not in OWN_CLASSES_ONLY_SCRIPTS for name in (*SCRIPTS, LAZY_SEARCH_SCRIPT)]
    trim_words = [script for script, read in zip(own_scripts, sources_read, strict=True) if read]
    names = used_names(pages, trim_words)
    elements = used_elements(pages, trim_words)
    theme_css = theme_stylesheet(language_folders[0]).read_text(encoding="utf-8")
    try:
        trimmed = trim_css(theme_css, names, elements)
    except ValueError as error:
        raise BuildError(theme_stylesheet(language_folders[0]), str(error)) from None
    own_css = [minify_css((sources / name).read_text(encoding="utf-8")) for name in STYLESHEETS]
    # The quick exit's and header's icons are drawn by the first screen's <style>, the others here.
    chrome_icons = first_screen_icons(rendered, icons)
    other_icons = {svg: name for svg, name in icons.items() if svg not in chrome_icons}
    full_css = "\n".join([trimmed, icon_rules(other_icons), *own_css])
    css, search_css = split_css(full_css, is_search_selector)
    search_css += icon_rules({theme_icon(icon): name for name, icon in SEARCH_ICONS.items()})
    first_screen, first_screen_directory = first_screen_css(sources, chrome_icons)
    assets = site / "assets"
    assets.mkdir(exist_ok=True)
    search = minify_js(own_scripts[-1]).encode()
    search_name = fingerprinted_name("search", search, "js")
    search_css_name = fingerprinted_name("search", search_css.encode(), "css")
    offline = minify_js((sources / LAZY_OFFLINE_SCRIPT).read_text(encoding="utf-8")).encode()
    offline_name = fingerprinted_name("offline", offline, "js")
    main = ";\n".join(minify_js(script) for script in own_scripts[: len(SCRIPTS)])
    main = main.replace(SEARCH_SCRIPT_MARKER, search_name).replace(SEARCH_STYLESHEET_MARKER, search_css_name)
    main = main.replace(OFFLINE_SCRIPT_MARKER, offline_name)
    bundles = Bundles(
        stylesheet="assets/" + fingerprinted_name("parapluie", css.encode(), "css"),
        script="assets/" + fingerprinted_name("parapluie", main.encode(), "js"),
        search_script="assets/" + search_name,
        service_worker=SERVICE_WORKER,
        icons=icons,
        styled_attributes=frozenset(re.findall(r"\[(data-md-[a-z-]+)", full_css)),
        first_screen=first_screen,
        first_screen_directory=first_screen_directory,
        search_stylesheet="assets/" + search_css_name,
        finder_no_script=minify_css((sources / FINDER_NO_SCRIPT_STYLESHEET).read_text(encoding="utf-8")),
        offline_script="assets/" + offline_name,
    )
    (site / bundles.stylesheet).write_text(css, encoding="utf-8")
    (site / bundles.search_stylesheet).write_text(search_css, encoding="utf-8")
    (site / bundles.script).write_text(main, encoding="utf-8")
    (site / bundles.search_script).write_bytes(search)
    (site / bundles.offline_script).write_bytes(offline)
    shutil.copy(sources / SERVICE_WORKER_SOURCE, site / bundles.service_worker)
    return bundles


def link_bundles(html: str, bundles: Bundles) -> str:
    """Point a page's stable asset links (see STYLESHEET_LINK, SCRIPT_LINK) at the fingerprinted files,
    move its inline icons into the stylesheet, and fill its <style> with the first screen's CSS (and, on
    the finder's page, add the style it needs without JavaScript after every stylesheet)."""
    html = replace_icons(THEME_UNUSED_BLOCKS.sub("", html), bundles.icons)
    first_screen = bundles.first_screen_directory if DIRECTORY_PAGE.search(html) else bundles.first_screen
    html = html.replace(FIRST_SCREEN_MARKER, first_screen)
    if bundles.finder_no_script and FINDER_PAGE.search(html):
        html = html.replace("</head>", f"<noscript><style>{bundles.finder_no_script}</style></noscript>\n</head>", 1)
    html = THEME_DATA_ATTRIBUTE.sub(lambda m: m.group(0) if m.group(1) in bundles.styled_attributes else "", html)
    html = html.replace(STYLESHEET_LINK + '"', bundles.stylesheet + '"')
    return html.replace(SCRIPT_LINK + '"', bundles.script + '"')


def drop_unbundled_assets(language_folder: Path) -> None:
    """Remove what the bundle replaces from one language's folder (theme CSS and JS, our sources)."""
    for folder in THEME_ASSET_FOLDERS:
        shutil.rmtree(language_folder / folder, ignore_errors=True)
    page_scripts = (script.source for script in PAGE_SCRIPTS)
    lazy_scripts = (LAZY_SEARCH_SCRIPT, LAZY_OFFLINE_SCRIPT)
    for source in (*STYLESHEETS, *SCRIPTS, *page_scripts, *lazy_scripts, SERVICE_WORKER_SOURCE):
        (language_folder / "assets" / Path(source).name).unlink(missing_ok=True)


def bundle_assets(site: Path, languages: list[Language], sources: Path) -> Bundles:
    """Stage 5: replace each language's theme assets with the site's shared bundles."""
    from parapluie.finish.page_scripts import minified_page_scripts, write_page_scripts  # they use bundle's names

    folders = [site / language.code for language in languages]
    bundles = write_bundles(site, folders, sources)
    minified = minified_page_scripts(sources)
    # One language a task, in the build's worker processes (parapluie/workers.py); each says which
    # page scripts its pages need, and their files are written once, here.
    with fork_pool(job_count(None, len(folders))) as pool:
        needed = pool.map(link_language_folder, folders, [bundles] * len(folders), [minified] * len(folders))
        combinations = set().union(*needed)
    return replace(bundles, page_scripts=write_page_scripts(site, combinations, minified))


def link_language_folder(folder: Path, bundles: Bundles, minified: dict) -> set[tuple]:
    """Point every page of one language at the bundles and at the page scripts its markup calls for
    (`minified`: see parapluie/finish/page_scripts.py); drop what the bundles replace. Returns the
    combinations of page scripts its pages need."""
    from parapluie.finish.page_scripts import link_page_scripts

    needed = set()
    for path in folder.rglob("*.html"):
        html, scripts = link_page_scripts(path.read_text(encoding="utf-8"), minified, path)
        path.write_text(link_bundles(html, bundles), encoding="utf-8")
        if scripts:
            needed.add(scripts)
    drop_unbundled_assets(folder)
    return needed
