"""The printable leaflets: standalone pages (`depliants/<code>/a6/`, `…/a5/`) that print on one page.

The topics' short links, the emergency entries of `data/leaflet.yml`, the home page's QR code
and its short address. On screen they carry the quick exit like every page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from parapluie.directory.contacts import display_number
from parapluie.directory.models import Service, localized
from parapluie.errors import BuildError, validate
from parapluie.inputs.languages import Language
from parapluie.inputs.yamlfile import load_yaml
from parapluie.jinja import environment
from parapluie.messages import say
from parapluie.outreach.addresses import display_url
from parapluie.outreach.qr import HOME_QR
from parapluie.sitepaths import LEAFLET_FOLDER, QR_FOLDER

if TYPE_CHECKING:
    from parapluie.outreach.kit import KitContext

LEAFLET_FORMATS = ("a6", "a5")
LEAFLET_FILE = "leaflet.yml"


class LeafletFile(BaseModel):
    """`data/leaflet.yml`: the directory entries listed under "Emergencies" on the leaflets."""

    model_config = ConfigDict(extra="forbid")

    emergency: list[str] = Field(min_length=1)


def load_leaflet_entries(path: Path, services: list[Service]) -> list[Service]:
    """The emergency entries the leaflets list, in the file's order; unknown ids fail the build."""
    data = validate(LeafletFile, load_yaml(path), path)
    by_id = {service.id: service for service in services}
    for index, entry in enumerate(data.emergency):
        if entry not in by_id:
            message = say(
                f"aucune fiche {entry!r} dans data/services/ : écrivez le nom d'un fichier de data/services/ sans "
                "« .yml » (pour data/services/alias.yml : - alias)",
                f"no directory entry {entry!r} in data/services/",
            )
            raise BuildError(path, message, f"emergency.{index}")
    # A closed service leaves the leaflets with every other list.
    return [by_id[entry] for entry in data.emergency if by_id[entry].status != "closed"]


def emergency_line(service: Service, language: str) -> str:
    """An entry as the leaflet lists it: its name, and its first phone number unless the name has it."""
    name = localized(service.name, language)
    phones = [contact.value for contact in service.contacts if contact.kind == "phone"]
    if not phones:
        return name
    number = display_number(phones[0])
    return name if number.replace(" ", "") in name.replace(" ", "") else f"{name} – {number}"


def write_leaflets(
    site: Path,
    context: KitContext,
    language: Language,
    gettext: Callable[[str], str],
    titles: dict[str, str],
    site_name: str,
    exit_url: str,
) -> list[Path]:
    """Write the A6 and A5 leaflets of one language; return their files."""
    env = environment(gettext=gettext)
    written = []
    for size in LEAFLET_FORMATS:
        folder = site / LEAFLET_FOLDER / language.code / size
        folder.mkdir(parents=True, exist_ok=True)
        page = env.get_template("leaflet.html").render(
            size=size,
            lang=language.code,
            dir=language.direction,
            site_name=site_name,
            exit_url=exit_url,
            base="../../../",
            home=display_url(f"{context.base_url}{language.code}/"),
            qr=f"../../../{QR_FOLDER}/{language.code}/{HOME_QR}.svg",
            topics=[
                (titles[topic.letter], display_url(f"{context.base_url}{language.code}/{topic.letter}"))
                for topic in context.topics
                if topic.leaflet
            ],
            emergency=[emergency_line(service, language.code) for service in context.emergency],
            placeholder=context.placeholder,
        )
        (folder / "index.html").write_text(page, encoding="utf-8")
        written.append(folder / "index.html")
    return written
