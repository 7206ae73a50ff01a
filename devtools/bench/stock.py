"""The comparison site: stock mkdocs-material, built from the same French pages and directory.

No custom_dir, no hooks, no extra CSS: what a project gets from Material's defaults. It is built
into `<folder>/site/fr/`, so its addresses are the same as ours (`/fr/`, `/fr/sante/`, …).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

from parapluie.directory import load_categories, load_services
from parapluie.directory.pages import DirectoryWriter
from parapluie.errors import BuildError
from parapluie.inputs.languages import load_registry
from parapluie.inputs.load import written_pages
from parapluie.project import Project

# The one language the stock site is built in: French, the source.
STOCK_LANGUAGE = "fr"


def stage_stock_docs(project: Project, docs_dir: Path, today: dt.date) -> list[str]:
    """Copy the written French pages into `docs_dir` and generate the French directory pages
    there as the build does (identity gettext: French is the source); return the generated pages."""
    for page in written_pages(project):
        destination = docs_dir / page
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(project.source_docs / page, destination)
    registry = load_registry(project.registry_file)
    categories = load_categories(project.data / "categories.yml")
    services, _ = load_services(project.data, registry, categories, today)
    report_email = (project.base_config().get("extra") or {}).get("report_email") or ""
    writer = DirectoryWriter(registry.source.code, registry.source.babel, lambda text: text, today, report_email)
    return writer.write(docs_dir, services, categories)


def stock_config(project: Project, docs_dir: Path, site_dir: Path, generated: list[str]) -> dict:
    """A minimal stock Material config: French, default search, our nav and Markdown extensions,
    no custom_dir, no hooks, no extra CSS."""
    base = project.base_config()
    nav = project.nav_pages(base)
    return {
        "site_name": base["site_name"],
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "nav": nav,
        "not_in_nav": "\n".join(f"/{page}" for page in generated if page not in nav),
        "theme": {"name": "material", "language": STOCK_LANGUAGE},
        "plugins": ["search"],
        "markdown_extensions": base.get("markdown_extensions", []),
    }


def build_stock(project: Project, folder: Path, today: dt.date) -> tuple[Path, float]:
    """Build the stock site into `folder`/site/fr (so its paths match ours); return the served root
    and the seconds `mkdocs build` took."""
    docs_dir = folder / "docs"
    docs_dir.mkdir(parents=True)
    generated = stage_stock_docs(project, docs_dir, today)
    config_file = folder / "mkdocs.yml"
    config = stock_config(project, docs_dir, folder / "site" / STOCK_LANGUAGE, generated)
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config_file)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.perf_counter() - started
    if done.returncode:
        raise BuildError(str(config_file), f"stock mkdocs build failed:\n{done.stderr or done.stdout}")
    return folder / "site", seconds
