"""Binder's session, on 127.0.0.1: postBuild's learner step, then JupyterLab through ``start``.

A copy of the repository's ``start``, ``tools/`` and ``notebooks/`` stands in for
the image repo2docker builds; JupyterLab is started from it as Binder starts it
(from the repository folder, through ``start``), and must open the learner's
copy with the course's settings, as ``make course`` does.
"""
import json
import secrets
import shutil
import subprocess
import sys
import urllib.request

import pytest
from conftest import ROOT, Server, free_port, serving

pytestmark = [pytest.mark.slow, pytest.mark.checkout]


@pytest.fixture(scope="module")
def binder(tmp_path_factory, jupyter_env):
    repo = tmp_path_factory.mktemp("binder-repo")
    shutil.copy2(ROOT / "start", repo / "start")
    shutil.copytree(ROOT / "tools", repo / "tools",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "notebooks", repo / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    env = dict(jupyter_env, PYTHONPATH=str(ROOT))
    # postBuild's last line, run in the copy
    subprocess.run([sys.executable, "-m", "tools.learner", "--prepare"], cwd=repo, env=env,
                   check=True, capture_output=True, timeout=120)
    port, token = free_port(), secrets.token_hex(16)
    argv = ["bash", str(repo / "start"), sys.executable, "-m", "jupyterlab", "--no-browser",
            "--ip=127.0.0.1", f"--port={port}", "--allow-root",
            f"--IdentityProvider.token={token}"]
    server = Server(argv, port, token, env, repo, repo.parent / "binder-lab.log")
    yield from serving(server)


def test_binder_opens_the_learners_contents_page(binder):
    with urllib.request.urlopen(binder.url("/"), timeout=30) as r:
        assert r.geturl().split("?")[0] == f"{binder.base}/lab/tree/my-course/contents.ipynb"
    model = binder.api("/api/contents/my-course/contents.ipynb")
    assert model["type"] == "notebook"
    outputs = [o for c in model["content"]["cells"] for o in c.get("outputs", [])]
    assert any("Next:" in json.dumps(o) for o in outputs), "the progress is on the page"


def test_binder_jupyterlab_has_the_course_settings(binder):
    tracker = binder.api("/lab/api/settings/@jupyterlab/notebook-extension:tracker")
    assert json.loads(tracker["raw"])["kernelShutdown"] is True
    news = binder.api("/lab/api/settings/@jupyterlab/apputils-extension:notification")
    assert json.loads(news["raw"])["fetchNews"] == "false"


def test_binder_lesson_opens_in_chromium(binder, new_page, screenshots):
    page = new_page().page
    page.goto(binder.url("/lab/tree/my-course/00_start_here.ipynb"))
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for()
    page.locator(".jp-MarkdownOutput h1", has_text="Start here").first.wait_for()
    page.screenshot(path=screenshots / "binder-lesson.png")
    assert "Not Trusted" not in page.inner_text("body")
