"""The open data the site publishes for reuse: the directory as HSDS 3.0, and our data's schema."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from parapluie.directory.hsds import hsds_export
from parapluie.directory.models import Service
from parapluie.project import Project
from parapluie.sitepaths import OPEN_DATA_FOLDER

OPEN_DATA = OPEN_DATA_FOLDER


def write_open_data(site: Path, project: Project, services: list[Service], today: dt.date) -> None:
    """Write `site/donnees/`: the directory as HSDS 3.0 JSON, and the JSON Schema of our data files."""
    folder = site / OPEN_DATA
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "annuaire-hsds.json").write_text(hsds_export(services, today), encoding="utf-8")
    shutil.copy(project.data / "services.schema.json", folder / "services.schema.json")
