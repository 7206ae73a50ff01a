"""Checks on the content of the French (source) pages, beyond their front matter.

- Dates: `reviewed` is not in the future; a page past its `review_by` or `valid_until`
  date fails, so stale advice never ships silently.
- Phone numbers: every number in the text is a tap-to-call link, the link's target is a valid
  number (phonenumbers), and the visible digits are the target's digits.
- Plain language: sentences stay short (mean words per sentence under a bound).

Each check returns a list of problems, so the build and the tests can report them all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from textwrap import shorten

from parapluie.inputs.frontmatter import SourcePageMeta
from parapluie.inputs.phones import e164, is_short_number, is_valid_number, national_form, numbers_in, parse_number
from parapluie.messages import say
from parapluie.sitepaths import SOURCE_DOCS

MAX_MEAN_SENTENCE_WORDS = 18
TEL_LINK = re.compile(r"\[([^\]]+)\]\(tel:([^)\s]+)\)")
MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# Short numbers (112, 107, 116 000…) in running text: not part of a longer number, a date, an
# e-mail address, a percentage, or a street address ("116 rue des Plantes").
SHORT_NUMBER = re.compile(
    r"(?<![\w@/.,-])(1\d\d(?: ?\d\d\d)?)(?!\d|[%/.,]\d|\s?%|@|\s+(?:rue|avenue|place|boulevard|chaussée|quai|route)\b)"
)
HEADING_ID = re.compile(r"\{\s*#[^}]*\}")
# A page whose `review_by` or `valid_until` falls within this many days is announced, long before it fails.
WARN_DAYS_AHEAD = 60


def date_problems(meta: SourcePageMeta, today: dt.date) -> list[str]:
    """A review date in the future, or a page past its review or validity date."""
    problems = []
    if meta.reviewed > today:
        problems.append(
            say(
                f"reviewed : {meta.reviewed} est dans le futur (nous sommes le {today}) : écrivez la date où les "
                f"faits ont été vérifiés, par exemple reviewed: {today}",
                f"reviewed: {meta.reviewed} is in the future",
            )
        )
    if meta.review_by and meta.review_by < today:
        problems.append(
            say(
                f"review_by : la page devait être revue le {meta.review_by} : vérifiez ses faits, puis mettez "
                f"reviewed: {today} et une nouvelle date review_by (par exemple dans six mois)",
                f"review_by: the page was due for review on {meta.review_by}; check its facts, then update it",
            )
        )
    if meta.valid_until and meta.valid_until < today:
        problems.append(
            say(
                f"valid_until : la page n'est plus valable depuis le {meta.valid_until} : mettez-la à jour, puis "
                "changez valid_until (ou supprimez la ligne si la page ne dépend plus d'une date)",
                f"valid_until: the page stopped being valid on {meta.valid_until}",
            )
        )
    return problems


def date_warnings(meta: SourcePageMeta, today: dt.date, days: int = WARN_DAYS_AHEAD) -> list[str]:
    """A `review_by` or `valid_until` date within `days` days: the build will refuse the page on that date."""
    warnings = []
    for field, due, what, quoi in (
        ("review_by", meta.review_by, "due for review", "à revoir"),
        ("valid_until", meta.valid_until, "no longer valid", "plus valable"),
    ):
        if due and today <= due <= today + dt.timedelta(days=days):
            left = (due - today).days
            warnings.append(
                say(
                    f"{field} : {quoi} le {due} (dans {left} jours) : après cette date, le site refuse la page ; "
                    f"vérifiez ses faits, puis changez {field}",
                    f"{field}: {what} on {due} (in {left} days): the build refuses the page after "
                    f"that date; check its facts, then update {field}",
                )
            )
    return warnings


def source_page_warnings(pages: dict[str, tuple[SourcePageMeta, str]], today: dt.date) -> list[tuple[str, str]]:
    """(file, warning) for every French page falling due within WARN_DAYS_AHEAD days."""
    return [
        (f"{SOURCE_DOCS}/{page}", warning)
        for page, (meta, _) in pages.items()
        for warning in date_warnings(meta, today)
    ]


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def tel_link_problems(body: str) -> list[str]:
    """Tap-to-call links whose target is not a valid number, or whose text shows other digits."""
    problems = []
    for label, target in TEL_LINK.findall(body):
        parsed = parse_number(target)
        # A full number is written in E.164 (+32…); a short number (112, 116000) is dialled as is.
        valid = parsed is not None and (is_valid_number(parsed) if target.startswith("+") else is_short_number(parsed))
        if not valid:
            problems.append(
                say(
                    f"[{label}](tel:{target}) : ce n'est pas un numéro valable ; écrivez-le sous sa forme "
                    "internationale, sans espace, par exemple [0485 62 08 41](tel:+32485620841)",
                    f"[{label}](tel:{target}): not a valid phone number",
                )
            )
            continue
        national = _digits(national_form(parsed))
        if _digits(label) not in {national, _digits(target)}:
            problems.append(
                say(
                    f"[{label}](tel:{target}) : le texte montre d'autres chiffres que le numéro appelé ; les deux "
                    "doivent être le même numéro, par exemple [0485 62 08 41](tel:+32485620841)",
                    f"[{label}](tel:{target}): the text shows other digits than the link calls",
                )
            )
    return problems


def prose(body: str) -> str:
    """The body without tap-to-call links, link targets, heading ids or code."""
    text = re.sub(r"```.*?```|`[^`]*`", " ", body, flags=re.DOTALL)
    text = TEL_LINK.sub(" ", text)
    text = MARKDOWN_LINK.sub(r"\1", text)
    return HEADING_ID.sub(" ", text)


def unlinked_number_problems(body: str) -> list[str]:
    """Phone numbers written in the text without a tap-to-call link."""
    text = prose(body)
    found = list(numbers_in(text))
    for candidate in SHORT_NUMBER.findall(text):
        parsed = parse_number(candidate)
        if parsed and is_short_number(parsed):
            found.append(candidate)
    return [
        say(
            f"{number} : numéro sans lien d'appel : écrivez [{number}](tel:{_dialled(number)})",
            f"{number}: phone number without a tap-to-call link (write [{number}](tel:…))",
        )
        for number in found
    ]


def _dialled(number: str) -> str:
    """What a tap-to-call link dials for a number found in the text: E.164, or a short number as it is."""
    if re.fullmatch(r"[\d ]{3,7}", number):
        return _digits(number)
    parsed = parse_number(number)
    return e164(parsed) if parsed is not None and is_valid_number(parsed) else "+32…"


@dataclass(frozen=True)
class SentenceStats:
    """How long a page's sentences are."""

    sentences: int
    mean_words: float
    longest: str

    @property
    def longest_words(self) -> int:
        """Words in the longest sentence."""
        return len(self.longest.split())


def text_blocks(body: str) -> list[str]:
    """Paragraphs and list items of the prose, each as one line (tables, headings, admonition titles left out)."""
    blocks: list[list[str]] = []
    for line in prose(body).splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("|", "#", "!!!", "???", "---")):
            blocks.append([])
            continue
        item = re.match(r"^([-*+]|\d+\.)\s+", stripped)
        if item or not blocks:
            blocks.append([])
        blocks[-1].append(stripped[item.end() :] if item else stripped)
    return [" ".join(block) for block in blocks if block]


def sentences(body: str) -> list[str]:
    """The sentences of a page's prose: each paragraph or list item split after . ! ? … or :"""
    found = []
    for block in text_blocks(body):
        parts = re.split(r"(?<=[.!?…:])\s+(?=[*_«\"(\[]*[A-ZÀ-Ý0-9])", block)
        found += [part.strip() for part in parts if re.search(r"[A-Za-zÀ-ÿ]", part)]
    return found


def sentence_stats(body: str) -> SentenceStats:
    """Mean words per sentence and the longest sentence of a page."""
    found = sentences(body)
    if not found:
        return SentenceStats(0, 0.0, "")
    counts = [len(sentence.split()) for sentence in found]
    return SentenceStats(len(found), sum(counts) / len(found), max(found, key=lambda s: len(s.split())))


def sentence_problems(body: str) -> list[str]:
    """A page whose sentences are too long on average for readers in a hurry."""
    stats = sentence_stats(body)
    if stats.mean_words >= MAX_MEAN_SENTENCE_WORDS:
        mean = f"{stats.mean_words:.1f}"
        return [
            say(
                f"les phrases font en moyenne {mean.replace('.', ',')} mots (moins de {MAX_MEAN_SENTENCE_WORDS} "
                f"demandés) : coupez les plus longues, par exemple « {shorten(stats.longest, 80, placeholder=' …')} »",
                f"sentences average {mean} words (keep under {MAX_MEAN_SENTENCE_WORDS})",
            )
        ]
    return []


def page_problems(meta: SourcePageMeta, body: str, today: dt.date) -> list[str]:
    """Every content problem of one French page."""
    return (
        date_problems(meta, today) + tel_link_problems(body) + unlinked_number_problems(body) + sentence_problems(body)
    )


def check_source_pages(pages: dict[str, tuple[SourcePageMeta, str]], today: dt.date) -> list[str]:
    """Every content problem of the French pages, each prefixed with its file (docs/<source language>/<page>)."""
    return [
        f"{SOURCE_DOCS}/{page}: {problem}"
        for page, (meta, body) in pages.items()
        for problem in page_problems(meta, body, today)
    ]
