"""Stage 9, verify: the whole output, before it is published.

The checks of each file are independent: the files are shared out among the build's worker
processes (parapluie/workers.py), in consecutive slices whose problems are put back in order,
so the message is the same as one process would write.
"""

from __future__ import annotations

from pathlib import Path

from parapluie.errors import BuildError
from parapluie.finish.rootpages import base_path
from parapluie.inputs.languages import Registry
from parapluie.messages import say
from parapluie.outreach.shortlinks import REDIRECTS_FILE
from parapluie.project import Project
from parapluie.verify.checks import broken_links, site_problems
from parapluie.verify.published import REGISTRY_FILE, read_registry, unresolved
from parapluie.verify.weight import Subresources, budget_pages, pages_over_budget
from parapluie.workers import fork_pool, job_count, split

# Pages over the weight budget (parapluie/verify/weight.py) fail the build when True; while False they
# are build warnings (a switch kept for a page that must ship over budget for a while).
WEIGHT_BUDGET_IS_FATAL = True
# Slices per worker: enough that a worker done early takes another, few enough to cost nothing.
SLICES_PER_WORKER = 4


def verify_site(
    site: Path, project: Project, registry: Registry, built: list[str], config: dict, jobs: int | None = None
) -> list[str]:
    """Raise a BuildError if `site` loads anything from elsewhere, has a broken link, or loses a published address.

    `built` are the codes of the languages in this build; links into the others are not checked.
    `jobs` worker processes share the checks (default: one per core).
    Returns the pages over the weight budget while that is a warning (WEIGHT_BUDGET_IS_FATAL).
    """
    unbuilt = tuple(code for code in registry.codes if code not in built)
    problems, overweight = output_problems(site, base_path(config), unbuilt, built, jobs)
    if WEIGHT_BUDGET_IS_FATAL:
        problems += overweight
    lost = unresolved(site, read_registry(project.data / REGISTRY_FILE), unbuilt)
    if lost:
        raise BuildError(f"data/{REGISTRY_FILE}", lost_addresses(lost))
    if problems:
        shown = "\n  ".join(problems[:20])
        raise BuildError("site", f"{len(problems)} problem(s) in the output:\n  {shown}")
    return [] if WEIGHT_BUDGET_IS_FATAL else overweight


def output_problems(
    site: Path, base: str, unbuilt: tuple[str, ...], built: list[str], jobs: int | None = None
) -> tuple[list[str], list[str]]:
    """(privacy and link problems, pages over the weight budget) of `site`, checked by `jobs` processes.

    Each page is parsed once for the privacy check and the weight check together.
    """
    files, weighed = sorted(site.rglob("*")), budget_pages(site, built)
    workers = job_count(jobs, len(files))
    slices = split(files, workers * SLICES_PER_WORKER if workers > 1 else 1)
    budgeted = frozenset(weighed)
    tasks = [(site, base, unbuilt, part, [path for path in part if path in budgeted]) for part in slices]
    if workers == 1:
        results = [_check_slice(*task) for task in tasks]
    else:
        with fork_pool(workers) as pool:
            results = list(pool.map(_check_slice, *zip(*tasks, strict=True)))
    problems = [problem for found, _links, _weight in results for problem in found]
    problems += [problem for _found, links, _weight in results for problem in links]
    over = {path: lines for _found, _links, weight in results for path, lines in weight.items()}
    return problems, [line for path in weighed for line in over.get(path, [])]


def _check_slice(
    site: Path, base: str, unbuilt: tuple[str, ...], files: list[Path], weighed: list[Path]
) -> tuple[list[str], list[str], dict[Path, list[str]]]:
    """One worker's share: privacy problems of `files`, broken links of its pages, the budget of `weighed`."""
    collectors = {path: Subresources() for path in weighed}
    found = site_problems(site, files, collectors)
    links = broken_links(site, base, unbuilt, [path for path in files if path.name.endswith(".html")])
    # A page the privacy check did not parse (none should be) is parsed by the weight check itself.
    urls = {path: collector.urls for path, collector in collectors.items() if collector.heard}
    return found, links, {path: pages_over_budget(site, [path], urls) for path in weighed}


def lost_addresses(lost: list[str]) -> str:
    """The message for published addresses that would lead nowhere: what to add to data/redirects.yml."""
    listed = ", ".join(lost[:10])
    return say(
        f"{len(lost)} adresse(s) déjà publiée(s) ne mèneraient plus nulle part : {listed}. Une page qui change "
        f"d'adresse (ou qui disparaît) a besoin d'une ligne dans data/{REDIRECTS_FILE}, par exemple "
        "« ancienne-page/: sante/ »",
        f"{len(lost)} published address(es) would lead nowhere: {listed}. "
        f"A page that moves needs a redirect in data/{REDIRECTS_FILE} (old path: new path).",
    )
