"""Run the renderer (MkDocs) once per language, in parallel, and report its complaints.

Each language is one `mkdocs build --strict`, run in the build's worker processes
(parapluie/workers.py), each importing MkDocs once (parapluie/render/mkdocs_cli.py). The build
hands each language to the workers as soon as it is staged (`Renderer`).
"""

from __future__ import annotations

import os
import re
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

from parapluie.errors import BuildError
from parapluie.messages import say
from parapluie.project import Project
from parapluie.render.mkdocs_cli import prepare_worker, run_mkdocs
from parapluie.staging.stage import StagedLanguage
from parapluie.workers import fork_pool, job_count

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
    arguments = ["build", "--strict", "--clean", "--config-file", str(staged.config_file)]
    status, stderr, stdout = run_mkdocs(arguments, project.root)
    if status == 0:
        return []
    output = (stderr + stdout).splitlines()
    complaints = [
        explain(line, staged, project).replace(str(project.root) + os.sep, "").strip()
        for line in output
        if line.startswith(COMPLAINT_PREFIXES) and not is_renderer_internal(line)
    ]
    return complaints or output[-15:] or [f"mkdocs exited with status {status}"]


class Renderer:
    """Languages rendered as they are staged: each goes to a worker as soon as it is handed over.

    The workers start with the first language (so they import MkDocs while the next ones are
    staged). Leaving the `with` block before `wait` (staging failed) cancels what has not started
    and waits for what has, so nothing writes into the build's folder once it is removed.
    """

    def __init__(self, project: Project, count: int, jobs: int | None = None) -> None:
        self.project = project
        self.workers = job_count(jobs, count)
        self.pool = None
        self.pending: list[tuple[StagedLanguage, Future]] = []

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        """End the workers: what has not started is cancelled, what has is waited for."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def submit(self, staged: StagedLanguage) -> None:
        """Start rendering one staged language."""
        if self.pool is None:
            self.pool = fork_pool(self.workers, initializer=prepare_worker)
        self.pending.append((staged, self.pool.submit(render_language, self.project, staged)))

    def wait(self) -> None:
        """Wait for every language, then end the workers; one BuildError lists every complaint once, with its languages.

        (The workers end here, so their CPU time counts in the rendering stage: devtools/bench/buildtime.py.)
        """
        try:
            results = [(staged, future.result()) for staged, future in self.pending]
            self.close()
        except BrokenProcessPool as error:
            stopped = say("le rendu des pages s'est arrêté de façon inattendue", "the renderer stopped unexpectedly")
            raise BuildError("docs", f"{stopped} ({error})") from None
        report(self.project, results)


def report(project: Project, results: list[tuple[StagedLanguage, list[str]]]) -> None:
    """Raise one BuildError listing every complaint of the languages' renders once, with its languages."""
    by_complaint: dict[str, list[str]] = {}
    for staged, complaints in results:
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
