"""Build the whole site: stage every language, render them in parallel, finish, check, publish.

The site is built in a fresh folder next to the target and swapped in only when every
language rendered and every check passed: a failed build leaves the previous site as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from parapluie.artwork import app_icon
from parapluie.bundle import Bundles, drop_unbundled_assets, link_bundles, write_bundles
from parapluie.catalogs import catalog_gettext
from parapluie.checks import broken_links, site_problems
from parapluie.content_checks import check_source_pages
from parapluie.directory import load_categories, load_services
from parapluie.directory.hsds import hsds_export
from parapluie.directory.pages import INDEX_PAGE, DirectoryWriter
from parapluie.editor.site import write_editor
from parapluie.errors import BuildError
from parapluie.frontmatter import read_source_page
from parapluie.headers import fingerprinted_files, headers_file, nginx_snippet, security_headers, week_cached_files
from parapluie.kit import KIT_PAGE, LEAFLET_FILE, KitContext, kit_page, load_leaflet_entries, snippets
from parapluie.languages import Language, Registry, load_registry
from parapluie.offline import APP_ICONS, write_offline_files
from parapluie.outreach import write_outreach
from parapluie.postprocess import apply_content_security_policy, finish_language_folder
from parapluie.project import Project
from parapluie.published import REGISTRY_FILE, read_registry, unresolved
from parapluie.render import render_all
from parapluie.rootpages import base_path, write_root_pages
from parapluie.sharing import site_url
from parapluie.shortlinks import REDIRECTS_FILE, SHORTLINKS_FILE, load_redirects, load_shortlinks, redirects_file
from parapluie.staging import StagedLanguage, source_pages, stage_language


@dataclass(frozen=True)
class BuildResult:
    """What a successful build produced."""

    site: Path
    registry: Registry
    pages: list[str]
    staged: dict[str, StagedLanguage]
    warnings: list[str]


OPEN_DATA = "donnees"
# Nav pages the build generates from data rather than reading from docs/fr.
GENERATED_PAGES = (INDEX_PAGE, KIT_PAGE)


def written_pages(project: Project) -> list[str]:
    """The nav's pages that people write in docs/fr (the nav minus the generated ones)."""
    return source_pages(project, project.nav_pages(project.base_config()), generated=GENERATED_PAGES)


def write_open_data(folder: Path, project: Project, services: list, today: dt.date) -> None:
    """The directory as HSDS 3.0 JSON, and the JSON Schema of our data files, for reuse."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "annuaire-hsds.json").write_text(hsds_export(services, today), encoding="utf-8")
    shutil.copy(project.data / "services.schema.json", folder / "services.schema.json")


def write_app_icons(site: Path) -> None:
    """The home-screen icons of the offline copy (discreet, drawn at build time)."""
    for path, size, purpose in APP_ICONS:
        (site / path).write_bytes(app_icon(size, maskable=purpose == "maskable"))


def bundle_assets(site: Path, languages: list[Language], sources: Path) -> Bundles:
    """Replace each language's theme assets with the site's shared bundles and icons."""
    folders = [site / language.code for language in languages]
    bundles = write_bundles(site, folders, sources)
    write_app_icons(site)
    for folder in folders:
        for path in folder.rglob("*.html"):
            path.write_text(link_bundles(path.read_text(encoding="utf-8"), bundles), encoding="utf-8")
        drop_unbundled_assets(folder)
    return bundles


def publish(new_site: Path, site: Path) -> None:
    """Replace `site` with `new_site` (two renames on one filesystem), then drop the old one."""
    old = site.with_name(f".{site.name}.old-{os.getpid()}")
    if site.exists():
        site.rename(old)
    new_site.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def build_site(
    project: Project,
    site: Path,
    languages: list[str] | None = None,
    jobs: int | None = None,
    today: dt.date | None = None,
) -> BuildResult:
    """Build every language (or only `languages`) of `project` into `site`, as of `today`.

    Raises BuildError naming the file (and field) at fault; `site` is then left untouched.
    """
    try:
        return _build(project, site, languages, jobs, today)
    except BuildError as error:
        raise error.relative_to(project.root) from None


def _build(
    project: Project, site: Path, languages: list[str] | None, jobs: int | None, today: dt.date | None
) -> BuildResult:
    today = today or dt.date.today()
    registry = load_registry(project.registry_file)
    categories = load_categories(project.data / "categories.yml")
    services, data_warnings = load_services(project.data, registry, categories, today)
    selected = [registry.get(code) for code in languages] if languages else registry.languages
    base = project.base_config()
    nav = project.nav_pages(base)
    pages = written_pages(project)
    content = {page: read_source_page(project.source_docs / page) for page in pages}
    problems = check_source_pages(content, today)
    if problems:
        raise BuildError("docs/fr", f"{len(problems)} content problem(s):\n  " + "\n  ".join(problems))
    public_url = site_url(base, project.relative(project.mkdocs_yml))
    kit = KitContext(
        base_url=public_url,
        topics=load_shortlinks(project.data / SHORTLINKS_FILE, nav, registry.codes),
        languages=selected,
        snippets=snippets(
            registry.languages, {lang.code: catalog_gettext(project, lang) for lang in registry.languages}, public_url
        ),
        emergency=load_leaflet_entries(project.data / LEAFLET_FILE, services),
    )
    moved = load_redirects(project.data / REDIRECTS_FILE, nav)
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site.name}.build-", dir=site.parent))
    try:
        new_site = work / "site"
        new_site.mkdir()

        def generate(docs_dir: Path, language, gettext) -> list[str]:
            report_email = (base.get("extra") or {}).get("report_email") or ""
            writer = DirectoryWriter(language.code, language.babel, gettext, today, report_email)
            written = writer.write(docs_dir, services, categories)
            (docs_dir / KIT_PAGE).write_text(kit_page(kit, language, gettext, docs_dir), encoding="utf-8")
            return [*written, KIT_PAGE]

        staged = {
            language.code: stage_language(project, registry, language, pages, work / "stage", new_site, generate)
            for language in selected
        }
        render_all(project, list(staged.values()), jobs=jobs)
        for language in selected:
            folder = new_site / language.code
            # The root 404 page helps in every language; hosts serve it for any missing path.
            (folder / "404.html").unlink(missing_ok=True)
            finish_language_folder(folder, language.code, language.direction)
        write_root_pages(new_site, project.overrides / "assets", registry, staged, base)
        bundles = bundle_assets(new_site, selected, project.overrides / "assets")
        redirects = write_outreach(new_site, registry, selected, staged, base, kit, moved)
        write_open_data(new_site / OPEN_DATA, project, services, today)
        page_policy = apply_content_security_policy(new_site)
        for language in selected:  # last: the offline list weighs the finished files
            write_offline_files(new_site / language.code, language, base["site_name"], bundles)
        headers = headers_file(page_policy, fingerprinted_files(new_site), week_cached_files(new_site))
        (new_site / "_headers").write_text(headers, encoding="utf-8")
        (new_site / "_nginx.conf").write_text(nginx_snippet(page_policy, redirects), encoding="utf-8")
        (new_site / "_redirects").write_text(redirects_file(redirects), encoding="utf-8")
        editor = write_editor(new_site, project, base, security_headers(page_policy))  # /admin/, its own rules
        unbuilt = tuple(code for code in registry.codes if code not in staged)
        problems = site_problems(new_site) + broken_links(new_site, base_path(base), unbuilt) + editor.problems
        lost = unresolved(new_site, read_registry(project.data / REGISTRY_FILE), unbuilt)
        if lost:
            raise BuildError(
                f"data/{REGISTRY_FILE}",
                f"{len(lost)} published address(es) would lead nowhere: {', '.join(lost[:10])}. "
                f"A page that moves needs a redirect in data/{REDIRECTS_FILE} (old path: new path).",
            )
        if problems:
            shown = "\n  ".join(problems[:20])
            raise BuildError("site", f"{len(problems)} problem(s) in the output:\n  {shown}")
        publish(new_site, site)
        warnings = [str(warning.relative_to(project.root)) for warning in data_warnings] + editor.warnings
        if kit.placeholder:
            warnings.append(
                f"mkdocs.yml: site_url {kit.base_url} is a placeholder: link previews, QR codes and "
                "leaflets point nowhere until it is the real address"
            )
        return BuildResult(site=site, registry=registry, pages=nav, staged=staged, warnings=warnings)
    finally:
        shutil.rmtree(work, ignore_errors=True)
