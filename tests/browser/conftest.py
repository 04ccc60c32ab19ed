"""Real-browser fixtures: JupyterLab and Voila servers, and Debian's chromium via Playwright.

Each server runs on 127.0.0.1, on a free port, with a random token, its own
HOME (``JUPYTER_PLATFORM_DIRS=1``) and a temporary root folder holding copies of
the notebooks under test, so a run writes nothing into the real home or the
repository. Everything started here is stopped at the end of the session.

Without ``/usr/bin/chromium`` the browser tests skip with a message, except
under CI (``CI`` set), where a missing browser is an error: ``make test``
installs it there.
"""
import json
import os
import pathlib
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tools.processes import free_port

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHROMIUM = pathlib.Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
#: Browser window sizes: a laptop, a 1920x1080 projector with the page zoomed to 150 %,
#: and a 1024 px wide tablet held sideways, used by touch.
SCREENS = {
    "laptop": dict(viewport={"width": 1280, "height": 800}, device_scale_factor=1),
    "projector": dict(viewport={"width": 1280, "height": 720}, device_scale_factor=1.5),
    "tablet": dict(viewport={"width": 1024, "height": 768}, device_scale_factor=2,
                   has_touch=True),
}
#: JupyterLab user settings that keep the news / update toast off the page.
NO_NEWS = {"@jupyterlab/apputils-extension/notification.jupyterlab-settings":
           {"fetchNews": "false", "checkForUpdates": False}}
START_TIMEOUT = 90.0   # s, a server on a busy 2-core machine


def pytest_collection_modifyitems(items):
    """Every test in this folder is a ``browser`` test (``-m "not browser"`` skips them)."""
    here = pathlib.Path(__file__).parent
    for item in items:
        if here in pathlib.Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def _need_chromium():
    """Skip (or, under CI, fail) when the browser is missing."""
    if CHROMIUM.exists():
        return
    why = (f"no browser at {CHROMIUM}: browser tests need Debian's chromium "
           "(`apt-get install chromium`; `make test` installs it when run as root)")
    if os.environ.get("CI"):
        pytest.fail(why + " -- CI must run the browser tests", pytrace=False)
    pytest.skip(why)


def serving(server):
    """A fixture's body for a Jupyter server: yield it once its API answers, stop it after."""
    try:
        server.wait_ready(lambda: "started" in server.api("/api/status"))
        yield server
    finally:
        server.stop()


class Server:
    """A Jupyter-type server process with a token; ``url(path)`` adds the token."""

    def __init__(self, argv, port, token, env, root, log):
        self.port, self.token, self.root = port, token, pathlib.Path(root)
        self.base = f"http://127.0.0.1:{port}"
        self._log_path = pathlib.Path(log)
        self._log = open(log, "wb")
        self.proc = subprocess.Popen(argv, cwd=root, env=env, stdout=self._log,
                                     stderr=subprocess.STDOUT, start_new_session=True)

    def url(self, path="/"):
        sep = "&" if "?" in path else "?"
        return f"{self.base}{path}{sep}token={self.token}"

    def log_tail(self, n=3000):
        self._log.flush()
        return self._log_path.read_bytes()[-n:].decode(errors="replace")

    def api(self, path, method="GET"):
        req = urllib.request.Request(self.base + path, method=method,
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=10) as r:
            body = r.read()
        return json.loads(body) if body else None

    def wait_ready(self, probe):
        """Wait until ``probe()`` is true; fail with the server log if it dies or times out."""
        end = time.monotonic() + START_TIMEOUT
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                pytest.fail(f"server exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                if probe():
                    return
            except (OSError, urllib.error.URLError, ValueError):
                pass
            time.sleep(0.25)
        pytest.fail(f"server not ready after {START_TIMEOUT} s:\n{self.log_tail()}")

    def stop(self):
        """End the server and every process it started (its own process group)."""
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
            except ProcessLookupError:
                pass
        self._log.close()


@pytest.fixture(scope="session")
def jupyter_env(tmp_path_factory):
    """Environment for servers and kernels: own HOME, no writes to the real one."""
    home = tmp_path_factory.mktemp("home")
    settings = home / "lab-user-settings"
    for name, values in NO_NEWS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    env = dict(os.environ, HOME=str(home), JUPYTER_PLATFORM_DIRS="1",
               JUPYTERLAB_SETTINGS_DIR=str(settings), MPLCONFIGDIR=str(home / "mpl"),
               PYTHONUNBUFFERED="1")
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR",
                "IPYTHONDIR", "JUPYTER_PATH"):
        env.pop(var, None)
    return env


@pytest.fixture(scope="session")
def lab(tmp_path_factory, jupyter_env):
    """A JupyterLab server on 127.0.0.1 with a random token; ``lab.root`` is its folder."""
    _need_chromium()
    root = tmp_path_factory.mktemp("lab-root")
    port, token = free_port(), secrets.token_hex(16)
    argv = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
            f"--port={port}", "--allow-root", f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}", "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    server = Server(argv, port, token, jupyter_env, root, root.parent / "lab.log")
    try:
        server.wait_ready(lambda: "started" in server.api("/api/status"))
        yield server
    finally:
        try:   # kernels outlive a closed page: shut them down through the API
            for s in server.api("/api/sessions"):
                server.api(f"/api/sessions/{s['id']}", method="DELETE")
        except (OSError, urllib.error.URLError, ValueError):
            pass
        server.stop()


def voila_server(notebook, tmp_path_factory, env):
    """Start Voila on a copy of ``notebook`` (127.0.0.1, free port, random token)."""
    root = tmp_path_factory.mktemp("voila-root")
    copy = shutil.copy(notebook, root / pathlib.Path(notebook).name)
    port, token = free_port(), secrets.token_hex(16)
    argv = [sys.executable, "-m", "voila", str(copy), "--no-browser",
            "--Voila.ip=127.0.0.1", f"--port={port}", f"--token={token}"]
    server = Server(argv, port, token, env, root, root.parent / f"voila-{port}.log")

    def accepts():
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    server.wait_ready(accepts)
    return server


@pytest.fixture(scope="session")
def voila_dashboard(tmp_path_factory, jupyter_env):
    """Voila serving the workshop dashboard, as ``make workshop`` does."""
    _need_chromium()
    server = voila_server(ROOT / "notebooks" / "workshop" / "dashboard.ipynb",
                          tmp_path_factory, jupyter_env)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (never a downloaded browser)."""
    _need_chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory):
    """Folder for screenshots: ``$HINGE_SCREENSHOTS`` if set, else a pytest temporary folder."""
    if os.environ.get("HINGE_SCREENSHOTS"):
        path = pathlib.Path(os.environ["HINGE_SCREENSHOTS"])
        path.mkdir(parents=True, exist_ok=True)
    else:
        path = tmp_path_factory.mktemp("screenshots")
    print(f"screenshots in {path}")
    return path


class Page:
    """A browser page; ``errors`` lists (text, url) of console errors and uncaught page errors."""

    def __init__(self, browser, screen="laptop"):
        self.context = browser.new_context(**SCREENS[screen])
        self.page = self.context.new_page()
        self.page.set_default_timeout(60_000)
        self.errors = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(
            (m.text, m.location.get("url", ""))))
        self.page.on("pageerror", lambda e: self.errors.append((str(e), "")))

    def close(self):
        self.context.close()


@pytest.fixture
def new_page(browser):
    """Factory: ``new_page(screen="laptop"|"projector"|"tablet")``; pages close after the test."""
    pages = []

    def make(screen="laptop"):
        pages.append(Page(browser, screen))
        return pages[-1]
    yield make
    for p in pages:
        p.close()


def run_all_cells(page, url, name, screenshots, log_tail):
    """Open ``url`` (a notebook in JupyterLab) in ``page`` and run all its cells."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.goto(url)
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for()
    # JupyterLab may ask which kernel to start even for a notebook that names one: take the
    # notebook's own (the dialog's default); it can open a moment after the page is idle
    select = page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept", has_text="Select")
    try:
        select.wait_for(timeout=5_000)
        select.click()
    except PlaywrightTimeout:
        pass
    # The first click can be lost while the page is still settling: click Run All
    # until a cell starts ([*]) or its prompt changes (a notebook saved with outputs).
    before = page.evaluate("[...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
                           ".map(e => e.textContent)")
    for _ in range(5):
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-item:not(.lm-mod-disabled) .lm-Menu-itemLabel",
                     has_text="Run All Cells").first.click()
        try:
            page.wait_for_function(
                """(before) => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                   .some((e, i) => e.textContent.includes('*') || e.textContent !== before[i])""",
                arg=before, timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    # every code cell has run once its prompt shows a number, not [ ] or [*]
    # (a cell whose source starts hidden shows an empty prompt: skip those)
    try:
        page.wait_for_function(
            """() => {
                const p = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                    .filter(e => e.textContent.trim() !== '');
                return p.length > 0 && p.every(e => /\\[\\d+\\]/.test(e.textContent));
            }""", timeout=120_000)
    except PlaywrightTimeout:
        shot = screenshots / f"not-run-{name}.png"
        page.screenshot(path=shot)
        prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
        pytest.fail(f"cells of {name} did not all run: prompts {prompts}, see {shot}\n"
                    f"{log_tail()}")


@pytest.fixture
def run_notebook(lab, screenshots):
    """Function ``run_notebook(page, name)``: open ``lab.root/name`` in JupyterLab, Run All."""
    def run(page, name):
        run_all_cells(page, lab.url(f"/lab/tree/{name}?reset"), name, screenshots, lab.log_tail)
    return run
