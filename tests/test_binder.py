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
        # my-course/ is the learner's copy postBuild makes of notebooks/
        target = re.sub(r"^my-course/", "notebooks/", target)
        assert (ROOT / target).is_file(), f"Binder link opens a missing file: {urlpath}"


def test_placeholder_owner_is_marked(launches):
    readme = (ROOT / "README.md").read_text()
    for repo, _, _ in launches:
        if repo.startswith("OWNER/"):
            assert "placeholder" in readme and "OWNER" in readme


# -- Binder opens the course as `make course` does (postBuild, start, the Binder config) ----
START = ROOT / "start"
BINDER_CONFIG = ROOT / "tools" / "jupyter" / "binder" / "jupyter_server_config.py"


def git_mode(path):
    return subprocess.run(["git", "ls-files", "-s", path], cwd=ROOT, capture_output=True,
                          text=True).stdout.split(" ")[0]


def test_postbuild_prepares_the_learners_copy_after_installing():
    lines = [ln.strip() for ln in (ROOT / "postBuild").read_text().splitlines()
             if ln.strip() and not ln.startswith("#")]
    install = next(i for i, ln in enumerate(lines) if "pip install --no-deps ." in ln)
    prepare = next(i for i, ln in enumerate(lines) if ln == "python -m tools.learner --prepare")
    assert prepare > install, "the learner's copy is made once the package is installed"


@pytest.mark.checkout   # imports tools/
def test_start_points_jupyter_at_the_binder_config_and_the_course_settings():
    import tools.learner as learner

    assert START.read_text().startswith("#!")
    assert START.read_text().rstrip().endswith('exec "$@"'), "start must hand over to Jupyter"
    mode = git_mode("start")
    if mode:
        assert mode == "100755"
    run = subprocess.run(["bash", str(START), "env"], capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "PYTHONPATH": "/elsewhere"}, check=True)
    env = dict(line.split("=", 1) for line in run.stdout.splitlines() if "=" in line)
    assert env["PYTHONPATH"].split(":") == [str(ROOT), "/elsewhere"]
    config_dir = pathlib.Path(env["JUPYTER_CONFIG_PATH"].split(":")[0])
    assert config_dir / "jupyter_server_config.py" == BINDER_CONFIG
    settings = pathlib.Path(env["JUPYTERLAB_SETTINGS_DIR"])
    assert settings == learner.FOLDER / ".jupyter" / "lab-settings"


@pytest.mark.checkout   # imports tools/
def test_binder_config_is_the_course_config_with_the_copy_in_the_repository():
    from traitlets.config.loader import PyFileConfigLoader

    import tools.learner as learner

    course = PyFileConfigLoader(str(learner.CONFIG)).load_config()
    binder = PyFileConfigLoader(str(BINDER_CONFIG)).load_config()
    assert binder.LabApp.default_url == f"/lab/tree/{learner.FOLDER.name}/contents.ipynb"
    assert binder.ServerApp.jpserver_extensions["voila.server_extension"] is True
    assert binder.ServerApp.jpserver_extensions["tools.jupyter.trust"] is True
    for section, name in [("ServerApp", "session_manager_class"),
                          ("FileContentsManager", "pre_save_hook"),
                          ("MappingKernelManager", "cull_idle_timeout"),
                          ("LabApp", "news_url")]:
        assert binder[section][name] == course[section][name], (section, name)


@pytest.mark.checkout   # imports tools/
def test_the_learners_copy_holds_every_page_binder_links_open(tmp_path):
    import tools.learner as learner
    from tools.site import pages

    assert learner.main(["--prepare", f"--folder={tmp_path}"]) == 0
    for stem in pages.pages():
        url = pages.binder_url(stem)
        target = url.split("urlpath=lab/tree/", 1)[1]
        assert target.startswith(f"{learner.FOLDER.name}/")
        assert (tmp_path / target.split("/", 1)[1]).is_file(), url
    assert (tmp_path / ".jupyter" / "lab-settings").is_dir()
