"""MkDocs hooks: thin adapters from MkDocs events to plain Parapluie functions.

- `on_config`: reads the staged settings into the typed `PageSettings` (parapluie/staging/settings.py).
- `on_env`: gives the templates gettext (`{% trans %}`, `_()`) with the language's compiled
  catalog, a `format_date` filter that formats dates with Babel in the page's locale, and a
  `source_label` filter that shortens a source's address for display; and the process's shared
  cache of compiled templates (parapluie/templatecache.py), so a worker rendering several
  languages compiles the theme's templates once.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2
from babel.dates import format_date as babel_format_date
from mkdocs.exceptions import PluginError

from parapluie.components import COMPONENTS_FOLDER
from parapluie.i18n.catalogs import load_translations, text_translations
from parapluie.outreach.previews import link_preview
from parapluie.render.links import source_label, sources_anchor
from parapluie.staging.settings import SETTINGS_KEY, read_settings
from parapluie.templatecache import TEMPLATE_CACHE

# This project's components: staging points MkDocs at the project's own copy of this file.
COMPONENTS = Path(__file__).resolve().parents[2] / COMPONENTS_FOLDER


def on_config(config):
    """Replace the staged settings (a plain mapping) with the typed ones: a missing key stops the build here."""
    try:
        config["extra"][SETTINGS_KEY] = read_settings(config["extra"])
    except ValueError as error:
        raise PluginError(str(error)) from None
    return config


def on_env(env, config, files):
    """Install the language's translations and the date filter into the theme's Jinja env."""
    settings = config["extra"][SETTINGS_KEY]
    # The components' templates (`quick-exit/page.html`...), after the theme's own folders.
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.FileSystemLoader(COMPONENTS)])
    env.bytecode_cache = TEMPLATE_CACHE
    env.add_extension("jinja2.ext.i18n")
    # A msgstr is a translator's text: escaped, never markup (parapluie/i18n/catalogs.py, as_text).
    gettext, ngettext = text_translations(load_translations(settings.locale_dir, settings.babel))
    env.install_gettext_callables(gettext, ngettext, newstyle=True)

    def format_date(value, format: str = "long") -> str:
        if isinstance(value, str):
            value = dt.date.fromisoformat(value)
        return babel_format_date(value, format=format, locale=settings.babel)

    env.filters["format_date"] = format_date
    env.filters["source_label"] = source_label
    env.filters["sources_anchor"] = sources_anchor
    env.globals["link_preview"] = lambda **values: link_preview(**values).tags()
    return env
