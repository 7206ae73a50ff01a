"""Translation chores: where every page stands, stamping translations, adding a language.

Usage:
  python scripts/i18n.py status [--json] [--check]
      every page of every language: fresh, outdated, missing (served from French) or orphaned.
      --check exits 1 when a critical page is outdated in a language the registry calls complete.
  python scripts/i18n.py stamp LANG [PAGE ...] [--method human|machine|machine-reviewed]
      record in each translated page (all of LANG's by default) the French version it matches.
  python scripts/i18n.py new-lang CODE --exit-url URL [--endonym NAME] [--material CODE] [--babel LOCALE]
      add a language to data/languages.yml (status planned), docs/CODE/ and its catalog.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parapluie.errors import BuildError  # noqa: E402
from parapluie.i18n.l10n import stamp, status, status_json, status_table  # noqa: E402
from parapluie.i18n.newlang import add_language, describe_language  # noqa: E402
from parapluie.inputs.languages import load_registry  # noqa: E402
from parapluie.inputs.load import written_pages  # noqa: E402
from parapluie.messages import say, stamp_needs_a_translation, unknown_language  # noqa: E402
from parapluie.project import Project  # noqa: E402


def run_status(project: Project, as_json: bool, check: bool) -> int:
    """Print the status table (or JSON); with `check`, fail on critical outdated pages."""
    registry = load_registry(project.registry_file)
    rows = status(project, registry, written_pages(project))
    print(status_json(rows) if as_json else status_table(rows))
    blocking = [row for row in rows if row.blocks_ci]
    for row in blocking:
        print(f"docs/{row.language}/{row.page}: critical page outdated in a complete language", file=sys.stderr)
    return 1 if check and blocking else 0


def run_stamp(project: Project, code: str, pages: list[str], method: str | None) -> int:
    """Stamp the given pages of a language (all its translated pages when none is given)."""
    registry = load_registry(project.registry_file)
    if code not in registry.codes:
        print(say("Erreur : ", "Error: ") + unknown_language(code, registry.codes), file=sys.stderr)
        return 2
    if code == registry.source.code:
        print(say("Erreur : ", "Error: ") + stamp_needs_a_translation(code, registry.codes), file=sys.stderr)
        return 2
    folder = project.docs / code
    pages = pages or sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))
    for page in pages:
        print(f"docs/{code}/{page}: source_hash {stamp(project, code, page, method)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Dispatch the subcommand."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    status_parser = commands.add_parser("status")
    status_parser.add_argument("--json", action="store_true")
    status_parser.add_argument("--check", action="store_true")
    stamp_parser = commands.add_parser("stamp")
    stamp_parser.add_argument("lang")
    stamp_parser.add_argument("pages", nargs="*")
    stamp_parser.add_argument("--method", choices=["human", "machine", "machine-reviewed"])
    new_parser = commands.add_parser("new-lang")
    new_parser.add_argument("code")
    new_parser.add_argument("--exit-url", required=True, help="the quick exit's neutral page in that language")
    new_parser.add_argument("--endonym")
    new_parser.add_argument("--material")
    new_parser.add_argument("--babel")
    args = parser.parse_args(argv)
    project = Project(ROOT)
    try:
        if args.command == "status":
            return run_status(project, args.json, args.check)
        if args.command == "stamp":
            return run_stamp(project, args.lang, args.pages, args.method)
        language = describe_language(args.code, args.exit_url, args.endonym, args.material, args.babel)
        for written in add_language(project, language):
            print(f"wrote {written}")
        print("Next: translate the new catalog's strings, then pages under docs/" + language.code)
        return 0
    except (BuildError, KeyError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
