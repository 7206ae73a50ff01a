"""Stage 9, verify: the whole output, before it is published."""

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
from parapluie.verify.weight import weight_problems

# Pages over the weight budget (parapluie/verify/weight.py) fail the build when True; while False they
# are build warnings (a switch kept for a page that must ship over budget for a while).
WEIGHT_BUDGET_IS_FATAL = True


def verify_site(site: Path, project: Project, registry: Registry, built: list[str], config: dict) -> list[str]:
    """Raise a BuildError if `site` loads anything from elsewhere, has a broken link, or loses a published address.

    `built` are the codes of the languages in this build; links into the others are not checked.
    Returns the pages over the weight budget while that is a warning (WEIGHT_BUDGET_IS_FATAL).
    """
    unbuilt = tuple(code for code in registry.codes if code not in built)
    problems = site_problems(site) + broken_links(site, base_path(config), unbuilt)
    overweight = weight_problems(site, built)
    if WEIGHT_BUDGET_IS_FATAL:
        problems += overweight
    lost = unresolved(site, read_registry(project.data / REGISTRY_FILE), unbuilt)
    if lost:
        raise BuildError(f"data/{REGISTRY_FILE}", lost_addresses(lost))
    if problems:
        shown = "\n  ".join(problems[:20])
        raise BuildError("site", f"{len(problems)} problem(s) in the output:\n  {shown}")
    return [] if WEIGHT_BUDGET_IS_FATAL else overweight


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
