"""Translation structure: what a translation must keep from its French page.

Heading ids (links point at them), internal links and tap-to-call numbers. A number the French
page does not have is always refused; a fresh translation (see l10n.py) must keep all three.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parapluie.messages import say

HEADING_ID = re.compile(r"^#{2,6} .*\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$", re.MULTILINE)
LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")


@dataclass(frozen=True)
class Structure:
    """The parts of a page that must survive translation."""

    heading_ids: list[str]
    internal_links: list[str]
    phone_numbers: list[str]


def structure(body: str) -> Structure:
    """Heading ids (in order), and the distinct internal link targets and tel: numbers of a Markdown body."""
    targets = LINK_TARGET.findall(body)
    internal = sorted({t for t in targets if not re.match(r"^[a-z][a-z0-9+.-]*:", t) and not t.startswith("//")})
    phones = sorted({t.removeprefix("tel:") for t in targets if t.startswith("tel:")})
    return Structure(HEADING_ID.findall(body), internal, phones)


def structure_problems(french_body: str, translated_body: str, fresh: bool) -> list[str]:
    """How a translation departs from its French page.

    A phone number the French page does not have is always an error (it is wrong or obsolete).
    A fresh translation must also keep every heading id, internal link and number.
    """
    source, translation = structure(french_body), structure(translated_body)
    problems = [
        say(
            f"le numéro {number} n'est pas sur la page française : s'il a changé, corrigez-le aussi dans cette "
            f"traduction (cherchez « tel:{number} » et remplacez le numéro, dans le lien et dans le texte)",
            f"phone number {number} is not on the French page",
        )
        for number in translation.phone_numbers
        if number not in source.phone_numbers
    ]
    if fresh:
        if translation.heading_ids != source.heading_ids:
            problems.append(
                say(
                    f"les identifiants des titres {translation.heading_ids} diffèrent de ceux de la page française "
                    f"{source.heading_ids} : gardez les mêmes {{ #identifiant }}, dans le même ordre",
                    f"heading ids {translation.heading_ids} differ from the French page's {source.heading_ids}",
                )
            )
        if translation.internal_links != source.internal_links:
            missing = sorted(set(source.internal_links) - set(translation.internal_links))
            extra = sorted(set(translation.internal_links) - set(source.internal_links))
            problems.append(
                say(
                    f"les liens vers les autres pages diffèrent de la page française (il manque {missing}, "
                    f"en trop {extra}) : gardez les mêmes liens",
                    f"internal links differ from the French page (missing {missing}, extra {extra})",
                )
            )
        if translation.phone_numbers != source.phone_numbers:
            problems.append(
                say(
                    f"les numéros {translation.phone_numbers} diffèrent de ceux de la page française "
                    f"{source.phone_numbers} : gardez les mêmes numéros",
                    f"phone numbers {translation.phone_numbers} differ from the French page's {source.phone_numbers}",
                )
            )
    return problems
