"""Build the whole site: the nine stages in order, then publish.

The site is built in a fresh folder next to the target and swapped in only when every
language rendered and every check passed: a failed build leaves the previous site as it was.
This module only orders the stages (README, "How the site is built", lists the same ones);
each stage's work lives in its package.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from parapluie.editor.site import write_editor
from parapluie.errors import BuildError, stage_boundary
from parapluie.finish.bundle import bundle_assets
from parapluie.finish.csp import apply_content_security_policy
from parapluie.finish.postprocess import finish_html
from parapluie.hosting.files import write_host_files
from parapluie.hosting.headers import security_headers
from parapluie.hosting.opendata import write_open_data
from parapluie.inputs.languages import Registry
from parapluie.inputs.load import load_inputs
from parapluie.messages import retranslate_note
from parapluie.outreach.write import write_outreach
from parapluie.project import Project
from parapluie.render.run import Renderer
from parapluie.staging.stage import StagedLanguage, stage_languages
from parapluie.verify.published import REGISTRY_FILE, unregistered_note
from parapluie.verify.site import verify_site


@dataclass(frozen=True)
class BuildResult:
    """What a successful build produced."""

    site: Path
    registry: Registry
    pages: list[str]
    staged: dict[str, StagedLanguage]
    warnings: list[str]


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
        return _build(project, site, languages, jobs, today or dt.date.today())
    except BuildError as error:
        raise error.relative_to(project.root) from None


def _build(project: Project, site: Path, languages: list[str] | None, jobs: int | None, today: dt.date) -> BuildResult:
    with stage_boundary("loading the inputs", "parapluie/inputs"):
        inputs = load_inputs(project, languages, today)
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site.name}.build-", dir=site.parent))
    try:
        new_site = work / "site"
        new_site.mkdir()
        # Each language is rendered as soon as it is staged, while the next ones are staged.
        with Renderer(project, len(inputs.selected), jobs) as renderer:
            with stage_boundary("staging", "parapluie/staging"):
                staged = stage_languages(project, inputs, work / "stage", new_site, then=renderer.submit)
            with stage_boundary("rendering", "parapluie/render"):
                renderer.wait()
        with stage_boundary("finishing the HTML", "parapluie/finish"):
            finish_html(new_site, inputs, staged, project.root)
        with stage_boundary("bundling the assets", "parapluie/finish/bundle.py"):
            bundles = bundle_assets(new_site, inputs.selected, project.root)
        with stage_boundary("writing the outreach files", "parapluie/outreach"):
            redirects = write_outreach(
                new_site, inputs.registry, inputs.selected, staged, inputs.base, inputs.kit, inputs.moved
            )
        with stage_boundary("writing the open data and the CSP", "parapluie/hosting/opendata.py"):
            write_open_data(new_site, project, inputs.services, today)
            page_policy = apply_content_security_policy(
                new_site, project.root, (bundles.first_screen, bundles.first_screen_directory, bundles.finder_no_script)
            )
        with stage_boundary("writing the host files and offline lists", "parapluie/hosting"):
            site_name = inputs.base["site_name"]
            write_host_files(new_site, inputs.selected, site_name, bundles, page_policy, redirects)
        with stage_boundary("adding the web editor", "parapluie/editor"):
            editor = write_editor(new_site, project, inputs.base, security_headers(page_policy))
        with stage_boundary("verifying the output", "parapluie/verify"):
            overweight = verify_site(new_site, project, inputs.registry, list(staged), inputs.base, jobs)
            if editor.problems:
                shown = "\n  ".join(editor.problems[:20])
                raise BuildError("admin", f"{len(editor.problems)} problem(s) in the web editor folder:\n  {shown}")
        publish(new_site, site)
        warnings = _warnings(project, inputs) + editor.warnings + retranslate_notes(staged)
        warnings += [f"site/{problem}" for problem in overweight]
        warnings += unregistered_note(site, project.data / REGISTRY_FILE)
        return BuildResult(site=site, registry=inputs.registry, pages=inputs.nav, staged=staged, warnings=warnings)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def retranslate_notes(staged: dict[str, StagedLanguage]) -> list[str]:
    """One line per language whose translations lag behind the French: published with their notice.

    Never an error: a French fix must not wait for every translation (`make i18n-status` has the detail).
    """
    notes = []
    for code, language in staged.items():
        behind = [
            (page.path, page.translated and page.translated.isoformat()) for page in language.pages if page.outdated
        ]
        if behind:
            notes.append(retranslate_note(code, behind))
    return notes


def _warnings(project: Project, inputs) -> list[str]:
    warnings = [str(warning.relative_to(project.root)) for warning in inputs.data_warnings]
    if inputs.kit.placeholder:
        warnings.append(
            f"mkdocs.yml: site_url {inputs.kit.base_url} is a placeholder: link previews, QR codes and "
            "leaflets point nowhere until it is the real address"
        )
    return warnings
