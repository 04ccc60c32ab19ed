"""The learner's copy of the course and how ``make course`` starts it: lessons copied
once and never overwritten, installs only when pyproject.toml changed, JupyterLab
answering within 10 s with no package index, widget views never saved."""
import json
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tools import learner
from tools.jupyter import saving

pytestmark = pytest.mark.checkout
ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_lessons_are_copied_once_and_never_overwritten(tmp_path):
    source, mine = tmp_path / "notebooks", tmp_path / "my-course"
    shutil.copytree(ROOT / "notebooks", source, ignore=shutil.ignore_patterns("workshop"))
    added = learner.copy_course(mine, source)
    assert {p.name for p in added} >= {"00_start_here.ipynb", "05_tempo.ipynb"}
    assert (mine / "contents.ipynb").exists() and not (mine / "workshop").exists()
    (mine / "00_start_here.ipynb").write_text('{"the learner": "wrote this"}')
    (source / "12_new_lesson.ipynb").write_text((source / "05_tempo.ipynb").read_text())
    (source / "data.json").write_text("1")
    assert [p.name for p in learner.copy_course(mine, source)] == ["12_new_lesson.ipynb"]
    assert (mine / "00_start_here.ipynb").read_text() == '{"the learner": "wrote this"}'
    (source / "data.json").write_text("2")   # data next to the lessons follows the course
    learner.copy_course(mine, source)
    assert (mine / "data.json").read_text() == "2"


def test_the_contents_page_of_the_copy_shows_progress_before_any_kernel_runs(tmp_path):
    from hinge_sim import progress
    learner.copy_course(tmp_path, ROOT / "notebooks")
    with progress.using(tmp_path):
        progress.record("00_start_here/hips-or-back", "prediction", "locked", choice="The hips")
    learner.write_contents(tmp_path)
    cells = json.loads((tmp_path / "contents.ipynb").read_text())["cells"]
    shown = [c for c in cells if "progress" in c["metadata"].get("tags", [])][0]["outputs"]
    assert "started: 1 of 5 steps" in shown[0]["data"]["text/markdown"]
    assert progress.path().parent != tmp_path, "the store goes back where it was"


def test_course_settings_keep_what_the_learner_set(tmp_path):
    settings = learner.lab_settings(tmp_path)
    tracker = settings / "@jupyterlab/notebook-extension/tracker.jupyterlab-settings"
    tracker.write_text(json.dumps({"kernelShutdown": False, "recordTiming": True}))
    learner.lab_settings(tmp_path)
    assert json.loads(tracker.read_text()) == {"kernelShutdown": True, "recordTiming": True}
    news = settings / "@jupyterlab/apputils-extension/notification.jupyterlab-settings"
    assert json.loads(news.read_text())["fetchNews"] == "false"


def test_a_saved_lesson_holds_one_line_to_pick_up_instead_of_widget_views():
    view = {"output_type": "display_data", "metadata": {},
            "data": {saving.WIDGET_VIEW: {"model_id": "abc"}, "text/plain": "VBox(...)"}}
    text = {"output_type": "stream", "name": "stdout", "text": "hip 232 N·m\n"}
    nb = {"metadata": {"widgets": {"state": {}}}, "cells": [
        {"cell_type": "markdown", "source": "# Lesson"},
        {"cell_type": "code", "outputs": []},
        {"cell_type": "code", "outputs": [dict(view), text]},
        {"cell_type": "code", "outputs": [dict(view)]}]}
    model = {"type": "notebook", "content": nb}
    saving.pre_save_hook(model=model, path="00_start_here.ipynb")
    outputs = [c.get("outputs") for c in nb["cells"]]
    assert outputs[1][0]["data"] == {"text/plain": saving.RESUME}
    assert outputs[2] == [text] and outputs[3] == [] and "widgets" not in nb["metadata"]
    saving.pre_save_hook(model=model, path="00_start_here.ipynb")   # reopened, saved unrun
    assert [c.get("outputs") for c in nb["cells"]] == outputs, "the line stays, once"
    nb["cells"][1]["outputs"] = []                                   # the first cell ran
    saving.pre_save_hook(model=model, path="00_start_here.ipynb")
    assert [len(c["outputs"]) for c in nb["cells"][1:]] == [0, 1, 0]
    assert "Run All" in saving.RESUME and "answers are kept" in saving.RESUME


# -- make course ---------------------------------------------------------------
def checkout(tmp_path, python):
    """A checkout with ``make course``'s files and a .venv whose python is ``python``."""
    root = tmp_path / "checkout"
    (root / ".venv" / "bin").mkdir(parents=True)
    shutil.copy(ROOT / "Makefile", root)
    shutil.copy(ROOT / "pyproject.toml", root)
    fake = root / ".venv" / "bin" / "python"
    fake.write_text(f"#!/bin/sh\n{python}\n")
    fake.chmod(0o755)
    return root


def make_course(root, env=None, **kw):
    return subprocess.Popen(["make", "-s", "course", *[f"{k}={v}" for k, v in kw.items()]],
                            cwd=root, env=env or dict(os.environ), start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def stamp(root, name, later=True):
    path = root / ".venv" / f".installed-{name}"
    path.touch()
    t = (root / "pyproject.toml").stat().st_mtime + (5 if later else -5)
    os.utime(path, (t, t))


@pytest.mark.parametrize("stamps, installs", [
    ({"course": True}, False),   # installed, nothing changed: straight to JupyterLab
    ({"dev": True}, False),      # installed for development or CI (dev includes the course)
    ({"course": False}, True),   # pyproject.toml changed since
    ({}, True),                  # never installed
])
def test_make_course_installs_only_when_pyproject_changed(tmp_path, stamps, installs):
    log = tmp_path / "calls.txt"
    root = checkout(tmp_path, f'echo "$@" >> {log}')
    for name, later in stamps.items():
        stamp(root, name, later)
    out = make_course(root).communicate(timeout=60)[0]
    calls = log.read_text().splitlines()
    assert any("-m pip install -e .[course]" in c for c in calls) == installs, (calls, out)
    assert calls[-1] == "-m tools.learner", calls


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]   # closed again once the socket is: nothing listens


@pytest.mark.slow
def test_course_answers_within_10_s_with_no_package_index(tmp_path):
    root = checkout(tmp_path, f'exec {sys.executable} "$@"')
    (root / "tools").symlink_to(ROOT / "tools")
    stamp(root, "course")
    dead = f"http://127.0.0.1:{closed_port()}"
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, PIP_INDEX_URL=f"{dead}/simple", PIP_NO_INDEX="1",
               PIP_FIND_LINKS="", http_proxy=dead, https_proxy=dead, HTTP_PROXY=dead,
               HTTPS_PROXY=dead, no_proxy="127.0.0.1,localhost", HOME=str(home),
               JUPYTER_PLATFORM_DIRS="1", PYTHONPATH=str(ROOT))
    port, token = closed_port(), "offline-test"
    args = (f"--folder={tmp_path / 'my-course'} --no-browser --ip=127.0.0.1 --port={port} "
            f"--IdentityProvider.token={token}")
    start = time.monotonic()
    proc = make_course(root, env, LAB_ARGS=args)
    try:
        status = None
        while time.monotonic() - start < 60 and proc.poll() is None:   # measure, then judge
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}",
                                            timeout=1) as r:
                    status = json.loads(r.read())
                    break
            except OSError:
                time.sleep(0.2)
        took = time.monotonic() - start
        assert status is not None and "started" in status, (
            f"no answer after {took:.1f} s:\n{proc.stdout.read() if proc.poll() else ''}")
        print(f"JupyterLab answered {took:.1f} s after make course, offline "
              f"(load average {os.getloadavg()[0]:.1f})")
        assert took < 10, f"JupyterLab answered only after {took:.1f} s"
        assert (tmp_path / "my-course" / "contents.ipynb").exists()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
