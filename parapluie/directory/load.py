"""Loading the service directory: `data/services/<id>.yml`, one entry per file.

The file name (without `.yml`) is the entry's stable id. Every problem becomes a BuildError
naming the file and the field; freshness problems that do not stop the build are warnings.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from parapluie.directory.categories import SLUG_PATTERN
from parapluie.directory.models import Service, ServiceEntry
from parapluie.errors import BuildError, validate
from parapluie.inputs.yamlfile import load_yaml
from parapluie.messages import comment_lost_by_editor, misplaced_entry, say

SLUG = re.compile(SLUG_PATTERN)
WARN_AFTER_MONTHS = 9
FAIL_AFTER_MONTHS = 12


class HasCodes(Protocol):
    """The language registry, as far as the directory needs it."""

    @property
    def codes(self) -> list[str]: ...


class HasIds(Protocol):
    """The categories, as far as the directory needs them."""

    @property
    def ids(self) -> list[str]: ...


@dataclass(frozen=True)
class DataWarning:
    """A problem that does not stop the build (an entry due for re-checking)."""

    file: str
    message: str
    field: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"

    def relative_to(self, root: Path) -> DataWarning:
        """The same warning with its file shown relative to `root` when inside it."""
        try:
            return DataWarning(str(Path(self.file).relative_to(root)), self.message, self.field)
        except ValueError:
            return self


@dataclass
class DirectoryReport:
    """Everything a check of the directory found: valid services, warnings, errors."""

    services: list[Service] = field(default_factory=list)
    warnings: list[DataWarning] = field(default_factory=list)
    errors: list[BuildError] = field(default_factory=list)


def services_dir(data_dir: Path) -> Path:
    """Where the entries live inside the data folder."""
    return data_dir / "services"


def canonical_id(name: str) -> str:
    """What an id looks like once case and separators are ignored ('CPVS_Namur' -> 'cpvs-namur')."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day `months` months later (the month's last day when it is shorter)."""
    return months_before(day, -months)


def check_services(data_dir: Path, registry: HasCodes, categories: HasIds, today: dt.date) -> DirectoryReport:
    """Validate every entry of `data_dir/services/`, collecting all errors and warnings."""
    report = DirectoryReport()
    folder = services_dir(data_dir)
    if not folder.is_dir():
        report.errors.append(BuildError(folder, "folder not found"))
        return report
    report.errors.extend(_misplaced_entries(data_dir))
    context = {"languages": list(registry.codes), "categories": list(categories.ids)}
    seen: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        try:
            _check_id(path, seen)
            service = _load_one(path, context)
            report.warnings.extend(_check_freshness(path, service, today))
            report.warnings.extend(comment_warnings(path))
        except BuildError as error:
            report.errors.append(error)
            continue
        report.services.append(service)
    report.errors.extend(_replacement_errors(folder, report.services))
    return report


# The one comment the web editor may drop without loss: it only points code editors to the schema.
SCHEMA_COMMENT = "# yaml-language-server:"


def comment_warnings(path: Path) -> list[DataWarning]:
    """One warning per comment line of an entry: the web editor rewrites the file and drops them.

    Notes about the sources belong in `source_notes`, which the editor keeps (and nothing publishes).
    """
    warnings = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.lstrip()
        if stripped.startswith("#") and not stripped.startswith(SCHEMA_COMMENT):
            warnings.append(DataWarning(str(path), comment_lost_by_editor(number)))
    return warnings


def _misplaced_entries(data_dir: Path) -> list[BuildError]:
    """Entries saved in data/ itself, next to the registry files, rather than in data/services/."""
    errors = []
    for path in sorted(data_dir.glob("*.y*ml")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if re.search(r"^organisation\s*:", text, flags=re.MULTILINE) and re.search(r"^status\s*:", text, re.MULTILINE):
            errors.append(BuildError(path, misplaced_entry(path.stem + ".yml")))
    return errors


def _replacement_errors(folder: Path, services: list[Service]) -> list[BuildError]:
    """`replaced_by` names another entry, still open, and only on a closed one."""
    by_id = {service.id: service for service in services}
    errors = []
    for service in services:
        target = service.replaced_by
        if target is None:
            continue
        path = folder / f"{service.id}.yml"
        if service.status != "closed":
            message = say(
                "seule une fiche fermée (status: closed) peut avoir replaced_by : changez status, "
                "ou supprimez la ligne replaced_by",
                "only a closed entry (status: closed) has a replaced_by",
            )
            errors.append(BuildError(path, message, "replaced_by"))
        elif target not in by_id:
            message = say(
                f"aucune fiche {target!r} dans data/services/ : écrivez le nom d'un fichier de data/services/ "
                "sans « .yml » (pour data/services/alias.yml : replaced_by: alias)",
                f"no entry {target!r} in data/services/ (write the id of an entry)",
            )
            errors.append(BuildError(path, message, "replaced_by"))
        elif by_id[target].status == "closed":
            message = say(
                f"la fiche {target!r} est fermée elle aussi : indiquez une fiche encore ouverte",
                f"the entry {target!r} is closed too: name an open one",
            )
            errors.append(BuildError(path, message, "replaced_by"))
    return errors


def load_services(
    data_dir: Path, registry: HasCodes, categories: HasIds, today: dt.date
) -> tuple[list[Service], list[DataWarning]]:
    """The valid services (sorted by id) and the warnings; raise the first error as a BuildError."""
    report = check_services(data_dir, registry, categories, today)
    if report.errors:
        raise report.errors[0]
    return report.services, report.warnings


def _check_id(path: Path, seen: dict[str, Path]) -> None:
    if path.suffix != ".yml" or not path.is_file():
        raise BuildError(
            path,
            say(
                "ce dossier ne contient que des fiches en .yml : renommez le fichier en .yml, ou déplacez-le",
                "expected only <id>.yml files in this folder (rename it to .yml, or move it)",
            ),
        )
    key = canonical_id(path.stem)
    if key in seen:
        raise BuildError(
            path,
            say(
                f"ce fichier et {seen[key].name!r} sont la même fiche (les noms ne tiennent compte ni des "
                "majuscules, ni de « _ » ou « - ») : réunissez-les en un seul fichier, ou renommez l'un d'eux",
                f"duplicate id: {seen[key].name!r} names the same entry (ids ignore case, '_' and '-'); "
                f"merge the two files or rename one",
            ),
            "id",
        )
    seen[key] = path
    if not SLUG.match(path.stem):
        raise BuildError(
            path,
            say(
                f"le nom du fichier sert d'adresse à la fiche : seulement des minuscules sans accent, des chiffres "
                f"et des « - », par exemple '{key}.yml'",
                f"the file name is the entry's id: use lower-case letters, digits and '-' only, e.g. '{key}.yml'",
            ),
            "id",
        )


def _load_one(path: Path, context: dict[str, list[str]]) -> Service:
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise BuildError(
            path,
            say(
                "la fiche doit être une suite de lignes « clé: valeur » (voir le modèle de data/README.md)",
                "expected a mapping of keys to values (see data/README.md for a template)",
            ),
        )
    entry = validate(ServiceEntry, data, path, context=context)
    return Service.model_construct(id=path.stem, **dict(entry))


def _check_freshness(path: Path, service: Service, today: dt.date) -> list[DataWarning]:
    checked = service.last_verified
    if checked > today:
        message = say(
            f"{checked} est dans le futur (nous sommes le {today}) : écrivez la date où la fiche a été vérifiée, "
            f"par exemple last_verified: {today}",
            f"{checked} is in the future (today is {today})",
        )
        raise BuildError(path, message, "last_verified")
    if checked < months_before(today, FAIL_AFTER_MONTHS):
        if not service.stale_reason:
            message = say(
                f"fiche vérifiée le {checked}, il y a plus de {FAIL_AFTER_MONTHS} mois : vérifiez la fiche avec ses "
                f"sources puis mettez la date du jour (last_verified: {today}), ou expliquez dans stale_reason "
                "pourquoi elle reste",
                f"last checked on {checked}, over {FAIL_AFTER_MONTHS} months ago: check the entry against its "
                f"sources and update last_verified, or explain in stale_reason why it stays",
            )
            raise BuildError(path, message, "last_verified")
        message = say(
            f"fiche vérifiée le {checked}, il y a plus de {FAIL_AFTER_MONTHS} mois (gardée : {service.stale_reason})",
            f"last checked on {checked}, over {FAIL_AFTER_MONTHS} months ago (kept: {service.stale_reason})",
        )
        return [DataWarning(str(path), message, "last_verified")]
    if checked < months_before(today, WARN_AFTER_MONTHS):
        due = months_after(checked, FAIL_AFTER_MONTHS)
        message = say(
            f"fiche vérifiée le {checked}, il y a plus de {WARN_AFTER_MONTHS} mois : vérifiez-la avec ses sources et "
            f"mettez à jour last_verified avant le {due} ; après cette date, le site refuse la fiche",
            f"last checked on {checked}, over {WARN_AFTER_MONTHS} months ago: check it against its sources "
            f"and update last_verified before {due}, when the build refuses it",
        )
        return [DataWarning(str(path), message, "last_verified")]
    return []
