"""Preview one language locally, rebuilt whenever a source file changes.

Usage: python scripts/serve.py [--lang CODE] [--port N]

Serves a preview build (not site/) at http://localhost:PORT/CODE/, with the headers of its
_headers file, as a host would. Edit a page, a template,
a catalog or the data, then reload the browser page. A build error is printed and the last
good preview stays served.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devtools.localserver import start_server  # noqa: E402
from parapluie.build import build_site  # noqa: E402
from parapluie.errors import BuildError  # noqa: E402
from parapluie.inputs.languages import load_registry  # noqa: E402
from parapluie.messages import say, unknown_language  # noqa: E402
from parapluie.project import Project  # noqa: E402

WATCHED = ("docs", "overrides", "components", "translations", "data", "parapluie", "mkdocs.yml")


def snapshot(project: Project) -> dict[Path, float]:
    """Modification times of every watched source file."""
    times = {}
    for name in WATCHED:
        base = project.root / name
        for path in [base] if base.is_file() else base.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                times[path] = path.stat().st_mtime
    return times


def rebuild(project: Project, out: Path, code: str) -> None:
    """Build one language into the preview folder, reporting errors without stopping."""
    started = time.perf_counter()
    try:
        build_site(project, out, languages=[code])
    except BuildError as error:
        print(f"Build failed: {error}", file=sys.stderr)
        return
    print(f"Rebuilt {code} in {time.perf_counter() - started:.1f} s")


def main(argv: list[str] | None = None) -> int:
    """Build, serve, and rebuild on change until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="fr", help="language code from data/languages.yml")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    project = Project(ROOT)
    codes = load_registry(project.registry_file).codes
    if args.lang not in codes:
        print(say("Erreur : ", "Error: ") + unknown_language(args.lang, codes), file=sys.stderr)
        return 2
    out = ROOT / ".cache" / "preview"
    rebuild(project, out, args.lang)
    _, server = start_server(out, port=args.port)
    print(f"Serving http://localhost:{args.port}/{args.lang}/ (Ctrl+C to stop)")
    seen = snapshot(project)
    try:
        while True:
            time.sleep(1)
            current = snapshot(project)
            if current != seen:
                seen = current
                rebuild(project, out, args.lang)
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
