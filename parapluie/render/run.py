"""Run the renderer (MkDocs) once per language, in parallel, and report its complaints."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from parapluie.errors import BuildError
from parapluie.messages import say
from parapluie.project import Project
from parapluie.staging.stage import StagedLanguage

# Lines of the renderer's output worth showing; `parapluie.` starts our own exceptions (e.g. a misspelled setting).
COMPLAINT_PREFIXES = ("WARNING", "ERROR", "Error:", "jinja2.", "parapluie.", "  File ")
OWN_CODE = f"{os.sep}parapluie{os.sep}"
LEVEL = re.compile(r"^(WARNING|ERROR)\s+-\s+")
CONFIG_VALUE = "Config value '"
DOC_FILE = re.compile(r"Doc file '([^']+)'")
# The renderer's complaints staff can cause by a link in a page, said in French (`say`).
LINK_NOT_FOUND = re.compile(
    r"contains a link '([^']+)', but the target(?: '[^']+')? is not found among documentation files"
)
ANCHOR_NOT_FOUND = re.compile(r"contains a link '([^']+)', but the doc '([^']+)' does not contain an anchor '#([^']+)'")
UNRECOGNIZED_LINK = re.compile(r"contains an unrecognized relative link '([^']+)'")


def french_complaint(line: str) -> str | None:
    """The French for a renderer complaint about a link in a page, or None when it is not one staff cause."""
    if found := LINK_NOT_FOUND.search(line):
        return (
            f"le lien ({found.group(1)}) mène à une page qui n'existe pas : vérifiez le nom du fichier ; un lien vers "
            "une autre page s'écrit avec son fichier, par exemple [Santé](sante.md)"
        )
    if found := ANCHOR_NOT_FOUND.search(line):
        link, doc, anchor = found.groups()
        return (
            f"le lien ({link}) mène à un titre que la page {doc} n'a pas : son identifiant {{ #{anchor} }} n'existe "
            "pas ; vérifiez l'identifiant écrit entre accolades à la fin du titre visé"
        )
    if found := UNRECOGNIZED_LINK.search(line):
        return (
            f"le lien ({found.group(1)}) ne mène à aucun fichier : un lien vers une autre page s'écrit avec son "
            "fichier .md, par exemple [Santé](sante.md)"
        )
    return None


def explain(line: str, staged: StagedLanguage, project: Project) -> str:
    """Lead a renderer message with the real source file of the staged page it names (in French when we can)."""
    line = LEVEL.sub("", line).replace(str(staged.docs_dir) + os.sep, "")
    named = DOC_FILE.search(line)
    french = french_complaint(line)
    shown = say(french, line) if french else line
    for page in staged.pages:
        if named and named.group(1) == page.path:
            fallback = page.state == "fallback"
            note = say(" (page française montrée à la place)", " (French page shown as fallback)") if fallback else ""
            return f"{project.relative(page.origin)}{note}: {shown}"
    return shown


def is_renderer_internal(line: str) -> bool:
    """A traceback line inside the renderer's code or the build's, which says nothing about the edited files."""
    return line.startswith("  File ") and ("site-packages" in line or "<frozen" in line or OWN_CODE in line)


def render_language(project: Project, staged: StagedLanguage) -> list[str]:
    """Build one language with `mkdocs build --strict`; return its complaints (empty on success)."""
    env = dict(os.environ, PYTHONPATH=str(project.root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--config-file", str(staged.config_file)],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode == 0:
        return []
    output = (result.stderr + result.stdout).splitlines()
    complaints = [
        explain(line, staged, project).replace(str(project.root) + os.sep, "").strip()
        for line in output
        if line.startswith(COMPLAINT_PREFIXES) and not is_renderer_internal(line)
    ]
    return complaints or output[-15:] or [f"mkdocs exited with status {result.returncode}"]


def render_all(project: Project, staged_languages: list[StagedLanguage], jobs: int | None = None) -> None:
    """Render every language in parallel; one BuildError lists every complaint once, with its languages."""
    jobs = jobs or os.cpu_count() or 1
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda staged: render_language(project, staged), staged_languages))
    by_complaint: dict[str, list[str]] = {}
    for staged, complaints in zip(staged_languages, results, strict=True):
        for line in complaints:
            codes = by_complaint.setdefault(line, [])
            if staged.language.code not in codes:
                codes.append(staged.language.code)
    if by_complaint:
        lines = [f"[{', '.join(codes)}] {line}" for line, codes in by_complaint.items()]
        # A complaint about a config value is about the base config the staged configs come from.
        config = all(CONFIG_VALUE in line for line in by_complaint)
        source = project.relative(project.mkdocs_yml) if config else "docs"
        heading = say("le site n'a pas pu être fait à partir des pages :", "the renderer refused the pages:")
        raise BuildError(source, heading + "\n  " + "\n  ".join(lines))
