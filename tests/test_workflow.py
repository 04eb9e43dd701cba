"""The publishing workflow parses and runs the same commands as the README."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def load():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def readme_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S).group(1)
    return [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]


def test_readme_opens_with_the_two_commands():
    assert readme_commands() == ["make site", "make test"]


def test_workflow_triggers_on_data_commits_and_by_hand():
    workflow = load()
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads 'on' as True
    assert "workflow_dispatch" in triggers
    paths = triggers["push"]["paths"]
    for wanted in ("data/**", "content/**", "site_config/**", "generator/**", "mkdocs.yml"):
        assert wanted in paths


def test_workflow_runs_the_readme_commands_and_deploys_one_at_a_time():
    workflow = load()
    runs = " && ".join(step.get("run", "") for step in workflow["jobs"]["build"]["steps"])
    for command in readme_commands():
        assert command in runs
    assert "thidua validate --format github" in runs
    assert workflow["concurrency"]["cancel-in-progress"] is False
    uses = [s.get("uses", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert workflow["permissions"]["pages"] == "write"


def test_ci_script_calls_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in script and "chromium" in script


def test_workflow_keeps_the_parse_cache_between_runs():
    steps = load()["jobs"]["build"]["steps"]
    (cache,) = [s for s in steps if s.get("uses", "").startswith("actions/cache@")]
    assert cache["uses"] == "actions/cache@v4"
    assert cache["with"]["path"] == ".cache/thidua"
    key = cache["with"]["key"]
    assert "hashFiles(" in key and "data/**" in key and "generator/**" in key
    assert cache["with"]["restore-keys"].strip() and key.startswith(
        cache["with"]["restore-keys"].strip()
    )
    names = [s.get("name", s.get("uses", "")) for s in steps]
    validate = next(i for i, s in enumerate(steps) if "thidua validate" in s.get("run", ""))
    assert names.index(cache.get("name")) < validate
