"""The ready-made deploy files: GitHub Actions (actionlint), GitLab CI (its JSON Schema), Netlify.

Each builds the site with the same command and publishes `site/`; a broken copy of each is
refused by its checker, so the checkers are known to work.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from parapluie.inputs.yamlfile import load_yaml
from tests.fixtures_project import ROOT

BUILD = "make editor site"
BIN = Path(sys.executable).parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
GITLAB = ROOT / ".gitlab-ci.yml"


def actionlint(root: Path, workflow: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "actionlint"), "-no-color", str(workflow.relative_to(root))],
        cwd=root,
        capture_output=True,
        text=True,
    )


def gitlab_schema_check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.gitlab-ci", str(path)],
        capture_output=True,
        text=True,
    )


def test_the_github_workflow_passes_actionlint():
    done = actionlint(ROOT, WORKFLOW)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_actionlint_refuses_a_broken_workflow(tmp_path):
    (tmp_path / ".git").mkdir()
    broken = tmp_path / ".github" / "workflows" / "pages.yml"
    broken.parent.mkdir(parents=True)
    text = WORKFLOW.read_text(encoding="utf-8").replace("path: site", "pathx: site")
    broken.write_text(text, encoding="utf-8")
    done = actionlint(tmp_path, broken)
    assert done.returncode == 1
    assert 'input "pathx" is not defined in action "actions/upload-pages-artifact@v3"' in done.stdout


def test_the_github_workflow_builds_on_every_change_and_deploys_only_main():
    workflow = load_yaml(WORKFLOW)
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    steps = workflow["jobs"]["build"]["steps"]
    assert {"run": BUILD, "name": steps[3]["name"]} in steps
    assert {"uses": "actions/upload-pages-artifact@v3", "with": {"path": "site"}} in steps
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and "refs/heads/main" in deploy["if"]
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_the_gitlab_file_matches_gitlabs_schema():
    done = gitlab_schema_check(GITLAB)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_gitlab_schema_check_refuses_a_broken_file(tmp_path):
    broken = tmp_path / ".gitlab-ci.yml"
    broken.write_text(GITLAB.read_text(encoding="utf-8").replace("  artifacts:", "  artefacts:"), encoding="utf-8")
    assert gitlab_schema_check(broken).returncode == 1


def test_gitlab_publishes_the_built_site_as_public_from_the_default_branch():
    pages = load_yaml(GITLAB)["pages"]
    assert pages["script"] == [BUILD, "rm -rf public", "mv site public"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]


def test_netlify_builds_and_publishes_the_site_folder():
    build = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))["build"]
    assert (build["command"], build["publish"]) == (BUILD, "site")
    assert build["environment"]["PYTHON_VERSION"] == "3.11"


def test_the_deploy_guide_gives_the_same_build_command_and_folder():
    text = (ROOT / "DEPLOY.md").read_text(encoding="utf-8")
    assert f"`{BUILD}`" in text and "`site`" in text
