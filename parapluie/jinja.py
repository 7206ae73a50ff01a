"""The one Jinja environment factory for every page the build writes outside MkDocs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2

from parapluie.components import COMPONENTS_FOLDER
from parapluie.templatecache import TEMPLATE_CACHE

# Templates of the pages outside MkDocs (root pages, kit, leaflets, language pickers, short links).
TEMPLATES = Path(__file__).parent / "templates"
# The components' templates (`quick-exit/quick-exit.html`...), beside the package.
COMPONENT_TEMPLATES = Path(__file__).parents[1] / COMPONENTS_FOLDER


def environment(
    folder: Path = TEMPLATES,
    gettext: Callable[[str], str] | None = None,
    ngettext: Callable[[str, str, int], str] | None = None,
) -> jinja2.Environment:
    """A strict, autoescaping environment on `folder` and the components; with `gettext`, `_()` translates
    (and `ngettext()` picks the language's plural form when given, else French's rule).

    A variable a template uses but the context lacks fails the render (StrictUndefined).
    Compiled templates are shared with every other environment of the process (parapluie/templatecache.py).
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([folder, COMPONENT_TEMPLATES]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"] if gettext else [],
        bytecode_cache=TEMPLATE_CACHE,
    )
    if gettext:
        from parapluie.i18n.catalogs import as_text, text_markup

        text = as_text(gettext)  # a msgstr is text, never markup
        if ngettext:
            plural = lambda singular, plural, count: text_markup(ngettext(singular, plural, count))  # noqa: E731
        else:
            plural = lambda singular, plural, count: text(singular if count <= 1 else plural)  # noqa: E731
        env.install_gettext_callables(text, plural, newstyle=True)
    return env
