"""Reading HTML tags as text: shared by the rewriters (finish/) and the checks (verify/).

The checks must not depend on the code whose output they check, so what both need is here.
"""

from __future__ import annotations

import re

ATTRIBUTE = re.compile(r"""\s([a-zA-Z:-]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
EXTERNAL_URL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//", re.IGNORECASE)
# What every link to another origin carries: the other site learns nothing of the page it came from.
REL_EXTERNAL = ("noopener", "noreferrer")


def tag_attributes(tag: str) -> dict[str, str]:
    """The attributes of one start tag, unquoted (not HTML-unescaped)."""
    attributes = {}
    for name, value in ATTRIBUTE.findall(tag[tag.index(" ") :] if " " in tag else ""):
        attributes[name.lower()] = value[1:-1] if value[:1] in "\"'" and value else value
    return attributes


def is_external(url: str) -> bool:
    """True for a URL that points at another origin (absolute or protocol-relative)."""
    return bool(EXTERNAL_URL.match(url.strip()))
