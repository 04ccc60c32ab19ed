"""Binder (repo2docker) files agree with pyproject.toml and the README's launch links."""
import pathlib
import re
import subprocess
import tomllib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
BINDER = r"https://mybinder\.org/v2/gh/([\w.-]+/[\w.-]+)/([\w.-]+)\?urlpath=([^)\s]+)"


def names(specs):
    return {re.split(r"[<>=!~ \[]", s.strip(), maxsplit=1)[0].lower() for s in specs}


def conda_names():
    """Package names in the ``dependencies:`` list of environment.yml."""
    block = (ROOT / "environment.yml").read_text().split("dependencies:", 1)[1]
    items = re.findall(r"^\s+-\s*([A-Za-z0-9_.\-]+)", block.split("\n\n")[0], re.M)
    assert items, "environment.yml has no dependencies"
    return names(items)


def test_environment_lists_exactly_the_runtime_dependencies():
    extras = PROJECT["optional-dependencies"]
    specs = PROJECT["dependencies"] + extras["course"] + extras["workshop"]
    extra = conda_names() - names(specs) - {"python", "pip", "hinge-sim"}
    assert not extra, f"environment.yml lists what pyproject.toml does not: {extra}"


def test_binder_python_satisfies_requires_python():
    pinned = re.search(r"python=(\d+)\.(\d+)", (ROOT / "environment.yml").read_text())
    low = re.search(r">=\s*(\d+)\.(\d+)", PROJECT["requires-python"])
    assert pinned and low
    assert tuple(map(int, pinned.groups())) >= tuple(map(int, low.groups()))


def test_postbuild_is_executable_and_installs_without_deps():
    text = (ROOT / "postBuild").read_text()
    assert text.startswith("#!")
    assert re.search(r"pip install --no-deps \.(\s|$)", text), "conda installs the deps"
    mode = subprocess.run(["git", "ls-files", "-s", "postBuild"], cwd=ROOT,
                          capture_output=True, text=True).stdout.split(" ")[0]
    if mode:   # tracked: repo2docker runs it only if git keeps the executable bit
        assert mode == "100755"


@pytest.fixture(scope="module")
def launches():
    return re.findall(BINDER, (ROOT / "README.md").read_text())


def test_readme_launches_lab_and_the_dashboard(launches):
    paths = {urlpath.split("/", 1)[0]: urlpath for _, _, urlpath in launches}
    assert paths.get("lab", "").startswith("lab/tree/")
    assert paths.get("voila", "").startswith("voila/render/")


def test_launch_links_open_files_that_exist(launches):
    assert launches
    for _, _, urlpath in launches:
        target = re.sub(r"^(lab/tree|voila/render)/", "", urlpath)
        assert (ROOT / target).is_file(), f"Binder link opens a missing file: {urlpath}"


def test_placeholder_owner_is_marked(launches):
    readme = (ROOT / "README.md").read_text()
    for repo, _, _ in launches:
        if repo.startswith("OWNER/"):
            assert "placeholder" in readme and "OWNER" in readme
