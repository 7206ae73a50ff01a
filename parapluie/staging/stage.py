"""Prepare one language for the renderer: its pages, its config, its catalog.

Staging is plain Python so the renderer could be swapped: it writes a folder of Markdown
pages (translations where they exist, French pages with a "not yet translated" marker
where they do not) and a complete MkDocs config for that language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from parapluie.errors import BuildError
from parapluie.i18n.catalogs import compile_catalog, load_translations
from parapluie.i18n.l10n import source_hash
from parapluie.i18n.structure import structure_problems
from parapluie.inputs.frontmatter import front_matter_block, read_source_page, read_translated_page
from parapluie.inputs.languages import Language, Registry
from parapluie.inputs.yamlfile import dump_yaml
from parapluie.messages import say
from parapluie.outreach.addresses import site_url
from parapluie.outreach.previews import PREVIEW_IMAGE, TAGLINE, og_locale
from parapluie.project import Project
from parapluie.staging.settings import SETTINGS_KEY, LanguageLink, PageSettings

if TYPE_CHECKING:
    from parapluie.inputs.load import Inputs

STATE_SOURCE = "source"
LOCALE_FOLDER = "locale"
STATE_TRANSLATED = "translated"
STATE_FALLBACK = "fallback"


@dataclass(frozen=True)
class StagedPage:
    """One page as staged for one language, and where it came from."""

    path: str
    state: str
    origin: Path
    outdated: bool = False
    translated: dt.date | None = None  # the day the translation was stamped (`l10n.translated`), if known


@dataclass(frozen=True)
class StagedLanguage:
    """What staging produced for one language."""

    language: Language
    config_file: Path
    docs_dir: Path
    site_dir: Path
    pages: list[StagedPage]

    @property
    def locale_dir(self) -> Path | None:
        """Where the language's compiled catalog is (None for French, which needs none)."""
        return None if self.language.is_source else self.config_file.parent / LOCALE_FOLDER

    def gettext(self) -> Callable[[str], str]:
        """The language's gettext, from its compiled catalog."""
        return load_translations(self.locale_dir, self.language.babel).gettext


def source_pages(project: Project, nav: list[str], generated: dict[str, str] | None = None) -> list[str]:
    """The French pages (the nav's pages but those `generated` from data), checked against the nav.

    `generated` maps each generated page to the data it is made from (named in the error).
    """
    generated = generated or {}
    source_dir = project.source_docs
    found = sorted(p.relative_to(source_dir).as_posix() for p in source_dir.rglob("*.md"))
    for page, data in generated.items():
        if page in found:
            raise BuildError(
                project.relative(source_dir / page),
                say(
                    f"cette page est faite à partir des données ({data}) : supprimez ce fichier et modifiez "
                    "plutôt les données",
                    f"this page is generated from data ({data}): remove the file, edit the data instead",
                ),
            )
    for index, page in enumerate(nav):
        if page not in found and page not in generated:
            raise BuildError(
                project.relative(project.mkdocs_yml),
                say(
                    f"le menu (nav) cite {page!r}, mais le fichier {project.relative(source_dir / page)} n'existe "
                    "pas : vérifiez le nom du fichier, ou retirez cette ligne du nav",
                    f"the nav lists {page!r} but {project.relative(source_dir / page)} does not exist",
                ),
                field=f"nav.{index}",
            )
    for page in found:
        if page not in nav:
            raise BuildError(
                project.relative(source_dir / page),
                say(
                    f"cette page n'est pas dans le menu : ajoutez une ligne « - {page} » au nav de mkdocs.yml "
                    "(ou supprimez le fichier)",
                    "page is not in the nav: add it to the nav of mkdocs.yml (or remove the file)",
                ),
            )
    return [page for page in nav if page not in generated]


def check_no_orphans(project: Project, language: Language, pages: list[str]) -> None:
    """A translation may not add a page that French lacks."""
    language_dir = project.docs / language.code
    if not language_dir.is_dir():
        return
    for path in sorted(language_dir.rglob("*")):
        relative = path.relative_to(language_dir).as_posix()
        if path.is_file() and relative not in pages:
            french = project.relative(project.source_docs / relative)
            message = say(
                f"pas de page française {french} : une traduction a le même nom que sa page française "
                "(renommez le fichier, ou créez d'abord la page française)",
                f"no French page {french}: translations follow the French pages",
            )
            raise BuildError(project.relative(path), message)


def stage_page(project: Project, language: Language, page: str, target: Path) -> StagedPage:
    """Write one page of one language into `target`, with the `parapluie` meta the templates read."""
    french_file = project.source_docs / page
    french_meta, french_body = read_source_page(french_file)
    meta = french_meta.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    meta.setdefault("title", french_meta.title)
    translated_file = project.docs / language.code / page
    outdated, translated = False, None
    if language.is_source:
        state, origin, body, extra = STATE_SOURCE, french_file, french_body, {}
    elif translated_file.is_file():
        translated_meta, body = read_translated_page(translated_file)
        meta.update(translated_meta.model_dump(mode="json", exclude_none=True, exclude={"l10n"}))
        state, origin = STATE_TRANSLATED, translated_file
        l10n = translated_meta.l10n
        fresh = l10n is not None and l10n.source_hash == source_hash(project, page)
        problems = structure_problems(french_body, body, fresh)
        if problems:
            raise BuildError(project.relative(translated_file), "; ".join(problems))
        extra = {"method": l10n.method if l10n else "unknown", "outdated": not fresh}
        outdated, translated = not fresh, l10n.translated if l10n else None
        if outdated and translated:
            extra["translated"] = translated.isoformat()  # the notice says since when (main.html, format_date)
    else:
        state, origin, body, extra = STATE_FALLBACK, french_file, french_body, {}
    meta["parapluie"] = {"state": state, "origin": project.relative(origin), **extra}
    destination = target / page
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(front_matter_block(meta) + body, encoding="utf-8")
    return StagedPage(path=page, state=state, origin=origin, outdated=outdated, translated=translated)


def language_config(
    project: Project,
    base: dict,
    registry: Registry,
    language: Language,
    docs_dir: Path,
    site_dir: Path,
    locale_dir: Path | None,
    tagline: str = TAGLINE,
) -> dict:
    """The complete MkDocs config of one language, derived from the base config."""
    config = dict(base)
    root_url = site_url(base, project.relative(project.mkdocs_yml))
    config["site_url"] = f"{root_url}{language.code}/"
    config["docs_dir"] = str(docs_dir)
    config["site_dir"] = str(site_dir)
    theme = dict(config.get("theme") or {})
    theme["language"] = language.material
    theme["direction"] = language.direction
    if "custom_dir" in theme:
        theme["custom_dir"] = str(project.root / theme["custom_dir"])
    config["theme"] = theme
    config["hooks"] = [str(project.root / hook) for hook in config.get("hooks", [])]
    extra = dict(config.get("extra") or {})
    extra[SETTINGS_KEY] = PageSettings(
        lang=language.code,
        dir=language.direction,
        babel=language.babel,
        locale_dir=str(locale_dir) if locale_dir else None,
        source_lang=registry.source.code,
        exit_url=str(language.exit_url),
        site_url=root_url,
        og_locale=og_locale(language),
        og_alternates=[og_locale(other) for other in registry.languages if other.code != language.code],
        preview_image=PREVIEW_IMAGE.format(code=language.code),
        tagline=tagline,
        languages=[
            LanguageLink(code=other.code, endonym=other.endonym, dir=other.direction) for other in registry.languages
        ],
    ).model_dump(mode="json")
    config["extra"] = extra
    return config


# Writes generated pages for a language into its docs folder (with that language's gettext);
# returns the paths written.
PageGenerator = Callable[[Path, Language, Callable[[str], str]], list[str]]


def stage_language(
    project: Project,
    registry: Registry,
    language: Language,
    pages: list[str],
    stage_root: Path,
    site_root: Path,
    generate: PageGenerator | None = None,
) -> StagedLanguage:
    """Stage the written `pages`, the generated ones, the catalog and the config of one language."""
    check_no_orphans(project, language, pages)
    work = stage_root / language.code
    docs_dir = work / "docs"
    docs_dir.mkdir(parents=True)
    staged = [stage_page(project, language, page, docs_dir) for page in pages]
    locale_dir = None
    if not language.is_source:
        locale_dir = work / LOCALE_FOLDER
        compile_catalog(project, language, locale_dir)
    gettext = load_translations(locale_dir, language.babel).gettext
    generated = generate(docs_dir, language, gettext) if generate else []
    site_dir = site_root / language.code
    base = project.base_config()
    config = language_config(project, base, registry, language, docs_dir, site_dir, locale_dir, gettext(TAGLINE))
    outside_nav = [page for page in generated if page not in project.nav_pages(base)]
    if outside_nav:
        config["not_in_nav"] = "\n".join(f"/{page}" for page in outside_nav)
    config_file = work / "mkdocs.yml"
    config_file.write_text(dump_yaml(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return StagedLanguage(language, config_file, docs_dir, site_dir, staged)


def stage_languages(
    project: Project,
    inputs: Inputs,
    stage_root: Path,
    site_root: Path,
    then: Callable[[StagedLanguage], None] | None = None,
) -> dict[str, StagedLanguage]:
    """Stage 2: every selected language, with its generated pages (the directory, the kit page).

    `then` is called with each language as soon as it is staged (the build starts rendering it).
    """
    from parapluie.directory.pages import DirectoryWriter, published_vcards
    from parapluie.outreach.kit import KIT_PAGE, kit_page
    from parapluie.staging.sources_page import write_sources_pages

    def generate(docs_dir: Path, language: Language, gettext: Callable[[str], str]) -> list[str]:
        report_email = (inputs.base.get("extra") or {}).get("report_email") or ""
        writer = DirectoryWriter(language.code, language.babel, gettext, inputs.today, report_email, inputs.places)
        vcards = published_vcards(inputs.published, language.code)
        written = writer.write(docs_dir, inputs.services, inputs.categories, vcards)
        (docs_dir / KIT_PAGE).write_text(kit_page(inputs.kit, language, gettext, docs_dir), encoding="utf-8")
        sources = write_sources_pages(docs_dir, inputs.pages, gettext)
        return [*written, KIT_PAGE, *sources]

    staged = {}
    for language in inputs.selected:
        staged[language.code] = stage_language(
            project, inputs.registry, language, inputs.pages, stage_root, site_root, generate
        )
        if then is not None:
            then(staged[language.code])
    return staged
