"""The shared bundle: CSS trimmed to what pages use, icons moved to the stylesheet, links rewritten."""

from __future__ import annotations

from parapluie.finish.bundle import (
    WHOLE_LINE_BLOCK_COMMENT,
    WHOLE_LINE_COMMENT,
    Bundles,
    drop_unused_properties,
    icon_classes,
    icon_rules,
    link_bundles,
    minify_css,
    minify_js,
    selector_is_used,
    trim_css,
    used_elements,
    used_names,
)
from tests.fixtures_project import ROOT

ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>'


def bundles(**overrides) -> Bundles:
    values = dict(
        stylesheet="assets/parapluie.0123abcd.min.css",
        script="assets/parapluie.89abcdef.min.js",
        search_script="assets/search.01234567.min.js",
        service_worker="sw.js",
        icons={},
        styled_attributes=frozenset({"data-md-toggle"}),
    )
    values.update(overrides)
    return Bundles(**values)


def test_used_names_come_from_classes_ids_and_script_words():
    names = used_names(['<p class="a  b" id="top">', "<div class='c'>"], ['el.className = "md-search-result__item";'])
    assert {"a", "b", "c", "top", "md-search-result__item"} <= names
    assert "d" not in names


def test_a_selector_is_kept_only_when_all_its_classes_and_ids_are_used():
    names = {"md-nav", "md-nav__link", "top"}
    assert selector_is_used(".md-nav .md-nav__link", names)
    assert selector_is_used("#top>a:hover", names)
    assert selector_is_used("[data-md-toggle=drawer]:checked~.md-nav", names)
    assert not selector_is_used(".md-nav .md-tabs", names)
    assert not selector_is_used("#bottom", names)
    # Names inside :not() / :is() / :where() / :has() never make a selector unused.
    assert selector_is_used(".md-nav:not(.md-nav--secondary)", names)
    assert selector_is_used(":is(.md-tabs, .md-nav) a", names)


def test_trim_css_drops_unused_rules_inside_media_and_keeps_the_rest():
    css = (
        ":root{--x:1;--y:2}.used{color:var(--x)}.unused{color:blue}.used,.unused b{margin:0}"
        "@media screen and (min-width:60em){.unused{top:0}.used{top:1px}}"
        "@media print{.unused{display:none}}@keyframes spin{to{transform:rotate(1turn)}}"
    )
    trimmed = trim_css(css, {"used"})
    assert ":root{--x:1}" in trimmed and ".used{color:var(--x)}" in trimmed
    assert ".used{margin:0}" in trimmed
    assert "@media screen and (min-width:60em){.used{top:1px}}" in trimmed
    assert "unused" not in trimmed and "@media print" not in trimmed
    assert "@keyframes spin" in trimmed


def test_inline_icons_move_into_the_stylesheet_as_masks():
    pages = [f'<label for="__drawer">{ICON}</label>', f"<button>{ICON}</button>"]
    classes = icon_classes(pages)
    assert classes == {ICON: "parapluie-i1"}
    rules = icon_rules(classes)
    assert rules.startswith(
        ".parapluie-i1{-webkit-mask:var(--parapluie-icon) center/contain no-repeat;"
        "mask:var(--parapluie-icon) center/contain no-repeat;background-color:currentColor}"
    )
    assert '.parapluie-i1{--parapluie-icon:url("data:image/svg+xml,' in rules
    assert rules.count("data:") == 1  # each icon's data once, not once per mask property
    inside = rules.split('url("', 1)[1].split('")', 1)[0]
    assert '"' not in inside and "<" not in inside  # the data URL cannot end the CSS string early
    html = link_bundles(pages[0], bundles(icons=classes))
    assert html == '<label for="__drawer"><svg class="parapluie-i1" aria-hidden="true"></svg></label>'


def test_link_bundles_points_stable_names_at_fingerprinted_files_and_drops_theme_leftovers():
    page = (
        '<link rel="stylesheet" href="../../assets/parapluie.css">'
        '<script src="../../assets/parapluie.js" defer></script>'
        '<div data-md-component="skip"><a href="#x" class="md-skip">Skip</a></div>'
        '<input data-md-toggle="drawer" id="__drawer"><div class="md-sidebar" data-md-type="navigation"></div>'
    )
    html = link_bundles(page, bundles())
    assert 'href="../../assets/parapluie.0123abcd.min.css"' in html
    assert 'src="../../assets/parapluie.89abcdef.min.js"' in html
    assert "md-skip" not in html
    assert 'data-md-toggle="drawer"' in html
    assert "data-md-type" not in html


def test_only_the_finders_page_gets_the_no_script_style_after_every_stylesheet():
    style = ".parapluie-finder{display:none}"
    head = '<head><style>/*x*/</style><noscript><link rel="stylesheet" href="x.css"></noscript>\n</head>'
    with_style = bundles(finder_no_script=style)
    finder = link_bundles(f'{head}<body><form class="parapluie-finder" aria-label="f"></form></body>', with_style)
    assert finder.index("<noscript><link") < finder.index(f"<noscript><style>{style}</style></noscript>\n</head>")
    entry = link_bundles(f'{head}<body><article class="parapluie-entry"></article></body>', with_style)
    assert "<noscript><style>" not in entry


def test_the_no_script_style_is_the_components_file_minified():
    from parapluie.components import FINDER_NO_SCRIPT_STYLESHEET

    css = minify_css((ROOT / FINDER_NO_SCRIPT_STYLESHEET).read_text(encoding="utf-8"))
    assert css == (
        ".parapluie-finder,.parapluie-finder__count{display: none}"
        ".parapluie-needs[hidden],.parapluie-results__title[hidden]{display: block}"
    )


def test_custom_properties_nothing_reads_are_dropped_until_none_is_left():
    css = (
        ":root{--icon:url(\"data:image/svg+xml;charset=utf-8,<svg a='1;2'/>\");--a:var(--b);--b:1px;--c:red}"
        ".x{margin:var(--a)}.y{--only-here:1}"
    )
    assert drop_unused_properties(css) == ":root{--a:var(--b);--b:1px}.x{margin:var(--a)}"


def test_elements_come_from_the_pages_and_what_scripts_create():
    elements = used_elements(['<p class="a"><A href="#">x</A></p>'], ['document.createElement("mark");'])
    assert {"html", "body", "p", "a", "mark"} <= elements
    assert "kbd" not in elements


def test_a_selector_needing_an_element_no_page_has_is_dropped():
    names, elements = {"md-typeset"}, {"html", "body", "p", "a", "li", "ul"}
    assert selector_is_used(".md-typeset p", names, elements)
    assert selector_is_used(".md-typeset ul li:not(kbd)>a::after", names, elements)
    assert selector_is_used("[dir=rtl] .md-typeset [data-x=kbd]", names, elements)
    assert not selector_is_used(".md-typeset kbd", names, elements)
    assert not selector_is_used(".md-typeset table:not([class]) th", names, elements)
    css = ".md-typeset kbd{color:red}.md-typeset p{margin:0}@media print{.md-typeset pre{top:0}}"
    assert trim_css(css, names, elements) == ".md-typeset p{margin:0}"


def test_our_stylesheets_are_minified_without_changing_selectors():
    css = (
        "/* The bar. */\n.a :hover ,\n.b > .c {\n  color: red;\n  margin: 0 1px;\n}\n"
        "@media (min-width: 45em) {\n  .a { top: 0; }\n}\n"
    )
    assert minify_css(css) == ".a :hover,.b > .c{color: red;margin: 0 1px}@media (min-width: 45em){.a{top: 0}}"


def test_scripts_lose_whole_line_comments_and_indentation_but_keep_their_line_breaks():
    source = (
        '/* A\n   header. */\n(function () {\n  // a note\n  var a = "//x /* y */"; // after code, kept\n\n'
        "  return a;\n})();\n"
    )
    assert minify_js(source) == '(function () {\nvar a = "//x /* y */"; // after code, kept\nreturn a;\n})();'


def test_our_scripts_have_no_template_literal_whose_lines_minify_js_would_change():
    from parapluie.components import LAZY_OFFLINE_SCRIPT, LAZY_SEARCH_SCRIPT, PAGE_SCRIPTS, SCRIPTS

    sources = (*SCRIPTS, LAZY_SEARCH_SCRIPT, LAZY_OFFLINE_SCRIPT, *(script.source for script in PAGE_SCRIPTS))
    scripts = [ROOT / name for name in sources]
    for path in scripts:
        code = WHOLE_LINE_COMMENT.sub("", WHOLE_LINE_BLOCK_COMMENT.sub("", path.read_text(encoding="utf-8")))
        assert "`" not in code, path
