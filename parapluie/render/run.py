"""Run the renderer (MkDocs) once per language, in parallel, and report its complaints.

Each language is one `mkdocs build --strict`, run in the build's worker processes
(parapluie/workers.py), each importing MkDocs once (parapluie/render/mkdocs_cli.py).
"""

from __future__ import annotations

import os
import re
from concurrent.futures.process import BrokenProcessPool

from parapluie.errors import BuildError
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


def explain(line: str, staged: StagedLanguage, project: Project) -> str:
    """Lead a renderer message with the real source file of the staged page it names."""
    line = LEVEL.sub("", line).replace(str(staged.docs_dir) + os.sep, "")
    named = DOC_FILE.search(line)
    for page in staged.pages:
        if named and named.group(1) == page.path:
            note = " (French page shown as fallback)" if page.state == "fallback" else ""
            return f"{project.relative(page.origin)}{note}: {line}"
    return line


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


def render_all(project: Project, staged_languages: list[StagedLanguage], jobs: int | None = None) -> None:
    """Render every language in parallel; one BuildError lists every complaint once, with its languages."""
    try:
        with fork_pool(job_count(jobs, len(staged_languages)), initializer=prepare_worker) as pool:
            results = list(pool.map(render_language, [project] * len(staged_languages), staged_languages))
    except BrokenProcessPool as error:
        raise BuildError("docs", f"the renderer stopped unexpectedly ({error})") from None
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
        raise BuildError(source, "the renderer refused the pages:\n  " + "\n  ".join(lines))
