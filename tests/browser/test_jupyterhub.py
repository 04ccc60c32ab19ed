"""Two students on a JupyterHub (127.0.0.1): each logs in, runs the dashboard and a lesson,
and cannot reach the other's server.

The hub loads ``notebooks/workshop/jupyterhub/jupyterhub_config.py`` (the one shipped for
a course server, with its idle culler), then swaps what a test machine cannot have: a
test authenticator (any password) instead of the server's accounts, and a local spawner
that gives each student a home folder of their own instead of an account of their own.
The course is copied into each home, as the nbgitpuller link would.
"""
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import time
import urllib.request

import psutil
import pytest

from tools.processes import free_port

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "notebooks" / "workshop" / "jupyterhub" / "jupyterhub_config.py"
BIN = pathlib.Path(sys.executable).parent
STUDENTS = ("ann", "bob")

TEST_CONFIG = """
c = get_config()
load_subconfig({shipped!r})
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_port}"
c.JupyterHub.db_url = "sqlite:///{tmp}/hub.sqlite"
c.JupyterHub.cookie_secret_file = "{tmp}/cookie_secret"
c.ConfigurableHTTPProxy.pid_file = "{tmp}/proxy.pid"
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = "class-password"
c.Authenticator.allowed_users = {students!r}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{tmp}/home/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = ["--allow-root"]
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {{"JUPYTER_PLATFORM_DIRS": "1", "PYTHONPATH": {root!r}}}
"""


@pytest.fixture(scope="module")
def hub(tmp_path_factory, jupyter_env):
    if not shutil.which("configurable-http-proxy"):
        why = "JupyterHub needs configurable-http-proxy (npm install -g configurable-http-proxy)"
        if os.environ.get("CI"):
            pytest.fail(why, pytrace=False)
        pytest.skip(why)
    tmp = tmp_path_factory.mktemp("hub")
    for name in STUDENTS:    # the course in each home, as the nbgitpuller link puts it
        shutil.copytree(ROOT / "notebooks", tmp / "home" / name / "hinge-sim" / "notebooks")
    port = free_port()
    config = tmp / "test_config.py"
    config.write_text(TEST_CONFIG.format(
        shipped=str(SHIPPED), port=port, hub_port=free_port(), proxy_port=free_port(),
        tmp=tmp, students=set(STUDENTS), singleuser=str(BIN / "jupyterhub-singleuser"),
        root=str(ROOT)))
    log = open(tmp / "hub.log", "wb")
    env = dict(jupyter_env, PATH=f"{BIN}{os.pathsep}{jupyter_env['PATH']}")
    proc = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(config)], cwd=tmp, env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    end = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(base + "/hub/health", timeout=2):
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > end:
                log.flush()
                pytest.fail("hub did not start:\n" + (tmp / "hub.log").read_text()[-3000:])
            time.sleep(0.5)
    yield base, tmp
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
    log.close()
    stop_leftovers(tmp)


def stop_leftovers(tmp):
    """End the students' servers and kernels (their own sessions) that outlive the hub."""
    left = []
    for p in psutil.process_iter(["cwd", "cmdline"]):
        if str(tmp) in (p.info["cwd"] or "") or str(tmp) in " ".join(p.info["cmdline"] or ()):
            left.append(p)
    for p in left:
        p.terminate()
    _, alive = psutil.wait_procs(left, timeout=10)
    for p in alive:
        p.kill()


def log_in(browser, base, name):
    """A browser context logged in as ``name`` with its server started."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.goto(f"{base}/hub/login")
    page.fill("#username_input", name)
    page.fill("#password_input", "class-password")
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{name}/lab**", timeout=180_000)
    return context, page


def kernels_of(context, base, name, at_least, seconds=60):
    """Kernel ids on ``name``'s server once it has ``at_least`` of them (or fail)."""
    end = time.monotonic() + seconds
    while True:
        r = context.request.get(f"{base}/user/{name}/api/kernels")
        assert r.status == 200, f"{name}'s own server answered {r.status}"
        ids = {k["id"] for k in r.json()}
        if len(ids) >= at_least:
            return ids
        assert time.monotonic() < end, f"{name} has {len(ids)} kernels, not {at_least}"
        time.sleep(1)


def test_two_students_run_the_course_apart(hub, browser):
    base, tmp = hub
    seen = {}
    contexts = []
    try:
        for name in STUDENTS:
            context, page = log_in(browser, base, name)
            contexts.append(context)
            listing = page.locator(".jp-DirListing-item", has_text="hinge-sim")
            listing.first.wait_for(state="attached")
            # the workshop dashboard from the student's own server, kept open
            page.goto(f"{base}/user/{name}/voila/render/hinge-sim/notebooks/workshop/"
                      "dashboard.ipynb")
            page.locator(".hinge-explorer img.hinge-figure[src]").first.wait_for()
            # a lesson in the student's own JupyterLab, in a second tab
            lesson = context.new_page()
            lesson.set_default_timeout(120_000)
            lesson.goto(f"{base}/user/{name}/lab/tree/hinge-sim/notebooks/00_start_here.ipynb")
            lesson.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for()
            seen[name] = kernels_of(context, base, name, at_least=2)
        ann, bob = contexts
        # apart: the kernels differ, and neither reaches the other's server
        assert not seen["ann"] & seen["bob"]
        for context, other in ((ann, "bob"), (bob, "ann")):
            r = context.request.get(f"{base}/user/{other}/api/kernels", max_redirects=0)
            assert r.status in (302, 403), f"{other}'s server answered {r.status}"
        homes = {name: tmp / "home" / name for name in STUDENTS}
        assert all((homes[n] / "hinge-sim" / "notebooks").is_dir() for n in STUDENTS)
    finally:
        for context in contexts:
            context.close()
