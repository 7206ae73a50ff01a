"""Translation freshness: which French version a translation comes from, and where each page stands.

A translated page records, in its `l10n` block, a hash of the French page it was translated
from. The hash covers what a reader reads (title, description, body), so it works from a plain
copy of the files, without git history. `stamp` writes it; nobody types hashes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass

from parapluie.inputs.frontmatter import front_matter_block, read_source_page, read_translated_page, split_front_matter
from parapluie.inputs.languages import Registry
from parapluie.inputs.yamlfile import read_text
from parapluie.project import Project

FRESH, OUTDATED, MISSING, ORPHANED = "fresh", "outdated", "missing", "orphaned"
HASH_LENGTH = 16


def source_hash(project: Project, page: str) -> str:
    """The hash of the French page's readable content (title, description, body)."""
    meta, body = read_source_page(project.source_docs / page)
    normalised = "\n".join(line.rstrip() for line in body.strip().splitlines())
    text = f"{meta.title}\n{meta.description}\n{normalised}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def translation_state(project: Project, code: str, page: str) -> str:
    """fresh, outdated or missing for a page the French source has."""
    path = project.docs / code / page
    if not path.is_file():
        return MISSING
    meta, _ = read_translated_page(path)
    if meta.l10n is None or meta.l10n.source_hash != source_hash(project, page):
        return OUTDATED
    return FRESH


@dataclass(frozen=True)
class PageStatus:
    """Where one page of one language stands."""

    language: str
    language_status: str
    page: str
    state: str
    method: str | None
    critical: bool
    translated: str | None = None  # the day of the last stamp (YYYY-MM-DD), when recorded

    @property
    def blocks_ci(self) -> bool:
        """A critical page outdated in a language the registry calls complete."""
        return self.critical and self.state == OUTDATED and self.language_status == "complete"


def status(project: Project, registry: Registry, pages: list[str]) -> list[PageStatus]:
    """Every page of every translated language: fresh, outdated, missing or orphaned."""
    critical = {page: read_source_page(project.source_docs / page)[0].critical for page in pages}
    rows = []
    for language in registry.translations:
        folder = project.docs / language.code
        for page in pages:
            state = translation_state(project, language.code, page)
            method = day = None
            if state != MISSING:
                l10n = read_translated_page(folder / page)[0].l10n
                method = l10n.method if l10n else None
                day = l10n.translated.isoformat() if l10n and l10n.translated else None
            rows.append(PageStatus(language.code, language.status, page, state, method, critical[page], day))
        extra = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md")) if folder.is_dir() else []
        for page in extra:
            if page not in pages:
                rows.append(PageStatus(language.code, language.status, page, ORPHANED, None, False))
    return rows


def status_table(rows: list[PageStatus]) -> str:
    """A plain-text table of the status rows, with a summary per language."""
    lines = [f"{'lang':<5} {'page':<28} {'state':<9} {'method':<17} {'translated':<10} critical"]
    for row in rows:
        flag = "yes" if row.critical else ""
        lines.append(
            f"{row.language:<5} {row.page:<28} {row.state:<9} {row.method or '':<17} {row.translated or '':<10} {flag}"
        )
    lines.append("")
    for code in dict.fromkeys(row.language for row in rows):
        counts: dict[str, int] = {}
        for row in rows:
            if row.language == code:
                counts[row.state] = counts.get(row.state, 0) + 1
        lines.append(f"{code}: " + ", ".join(f"{count} {state}" for state, count in sorted(counts.items())))
    return "\n".join(lines)


def status_json(rows: list[PageStatus]) -> str:
    """The status rows as JSON (a list of objects)."""
    return json.dumps([asdict(row) | {"blocks_ci": row.blocks_ci} for row in rows], ensure_ascii=False, indent=2)


def stamp(project: Project, code: str, page: str, method: str | None = None, today: dt.date | None = None) -> str:
    """Record in a translated page the current French hash, the day (`today`) and `method` (or the one it has).

    A page already stamped with the current hash keeps its day: the day says since when the
    translation matches this French version, so an outdated page's notice can say since when it is behind.
    """
    path = project.docs / code / page
    data, body = split_front_matter(read_text(path), path)
    previous = data.get("l10n") or {}
    current = source_hash(project, page)
    day = previous.get("translated") if previous.get("source_hash") == current else None
    data["l10n"] = {
        "source_hash": current,
        "method": method or previous.get("method", "machine"),
        "translated": day or today or dt.date.today(),
    }
    text = front_matter_block(data) + body
    path.write_text(text, encoding="utf-8")
    read_translated_page(path)
    return current
