"""environment.yml (conda, Binder) and pyproject.toml name the same dependencies."""
import pathlib
import re
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[1]


def names(specs):
    return {re.split(r"[<>=!~ ]", s.strip(), maxsplit=1)[0].lower() for s in specs}


def runtime(project):
    """What the course and the dashboard need: core, [course] and [workshop]."""
    extras = project["optional-dependencies"]
    specs = project["dependencies"] + extras["course"] + extras["workshop"]
    return names(s for s in specs if not s.startswith("hinge-sim"))


def test_environment_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = runtime(project)
    env = (ROOT / "environment.yml").read_text()
    listed = names(m for m in re.findall(r"^\s*-\s*([A-Za-z0-9_.\-]+)", env, re.M))
    assert wanted <= listed, f"missing from environment.yml: {wanted - listed}"
    assert {"python", "pip"} <= listed
    assert re.search(r"python=3\.\d+", env), "pin the Python version for Binder"


def test_postbuild_installs_the_package():
    text = (ROOT / "postBuild").read_text()
    assert "pip install" in text and " ." in text


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "    make test\n" in readme and "make test" in ci


def test_core_import_pulls_in_no_widgets_or_plots():
    import subprocess
    import sys
    code = ("import sys, hinge_sim; bad = [m for m in ('matplotlib', 'ipywidgets') "
            "if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


REPOSITORY_FOLDERS = {"hinge_sim", "tests", "tools", "docs", "notebooks", "benchmarks", "media",
                      "reference", ".ci"}


def test_docs_cite_files_that_exist():
    """Every ``path/file.py`` (or .csv, .md, .ipynb) named in the docs and README exists."""
    import itertools
    pages = itertools.chain([ROOT / "README.md"], (ROOT / "docs").glob("*.md"))
    missing = []
    for page in pages:
        for cited in re.findall(r"`((?:[\w.-]+/)+[\w*.-]+\.(?:py|csv|md|ipynb|toml|yml))`",
                                page.read_text()):
            example = cited.split("/")[0] not in REPOSITORY_FOLDERS
            if not example and not list(ROOT.glob(cited)):
                missing.append(f"{page.name}: {cited}")
    assert not missing, missing
