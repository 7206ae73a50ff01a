"""The shared bundle: CSS trimmed to what pages use, icons moved to the stylesheet, links rewritten."""

from __future__ import annotations

from parapluie.finish.bundle import (
    Bundles,
    icon_classes,
    icon_rules,
    link_bundles,
    selector_is_used,
    trim_css,
    used_names,
)

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
        ":root{--x:1}.used{color:red}.unused{color:blue}.used,.unused b{margin:0}"
        "@media screen and (min-width:60em){.unused{top:0}.used{top:1px}}"
        "@media print{.unused{display:none}}@keyframes spin{to{transform:rotate(1turn)}}"
    )
    trimmed = trim_css(css, {"used"})
    assert ":root{--x:1}" in trimmed and ".used{color:red}" in trimmed
    assert ".used{margin:0}" in trimmed
    assert "@media screen and (min-width:60em){.used{top:1px}}" in trimmed
    assert "unused" not in trimmed and "@media print" not in trimmed
    assert "@keyframes spin" in trimmed


def test_inline_icons_move_into_the_stylesheet_as_masks():
    pages = [f'<label for="__drawer">{ICON}</label>', f"<button>{ICON}</button>"]
    classes = icon_classes(pages)
    assert classes == {ICON: "parapluie-i1"}
    rules = icon_rules(classes)
    assert rules.startswith('.parapluie-i1{-webkit-mask:url("data:image/svg+xml,')
    assert "background-color:currentColor" in rules
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
