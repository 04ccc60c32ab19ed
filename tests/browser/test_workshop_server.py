"""The workshop server under a hostile student, a full class and pages that close.

Raw HTTP + websocket clients (``tools.workshop.student``) stand in for browsers: they send
what the dashboard page sends. Every server runs on 127.0.0.1 and is stopped at the end;
the plain-Voila reproduction is killed after a few seconds whatever happens.
"""
import asyncio
import concurrent.futures
import json
import os
import re
import resource
import signal
import subprocess
import sys
import time
import uuid

import psutil
import pytest
from tornado.httpclient import HTTPClientError
from workshop_server import ROOT, kernels, start_workshop

from tools.processes import free_port
from tools.workshop.student import Student

DASHBOARD = ROOT / "notebooks" / "workshop" / "dashboard.ipynb"
CAP, PER_STUDENT, CULL_S = 4, 2, 6


@pytest.fixture(scope="module")
def workshop(tmp_path_factory, jupyter_env):
    server = start_workshop(
        tmp_path_factory, jupyter_env, f"--max-kernels={CAP}",
        f"--WorkshopVoila.per_student={PER_STUDENT}", "--VoilaConfiguration.default_pool_size=1",
        f"--MappingKernelManager.cull_idle_timeout={CULL_S}",
        "--MappingKernelManager.cull_interval=1")
    yield server
    server.stop()


def run(coro, timeout=120):
    """Run one coroutine to the end, bounded in time, on a loop of its own.

    A thread of its own too: Playwright's sync API (the session's browser) keeps an
    event loop running in the main thread once a browser test has run.
    """
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, asyncio.wait_for(coro, timeout)).result()


async def seated(server, same_browser_as=None):
    """A student with the dashboard open, its widgets' state loaded.

    ``same_browser_as``: another page in that student's browser (its login cookie).
    """
    s = Student(server.base, server.token, timeout=60)
    if same_browser_as is not None:
        s.cookies = dict(same_browser_as.cookies)
    assert await s.open_page() == 200 and s.kernel_id
    await s.connect()
    await s.request_states()
    return s


async def drag(s):
    """Move the first slider one step and back; return the slower of the two latencies."""
    slider = s.models("FloatSliderModel")[0]
    state = s.states[slider][1]
    figure = s.figures()[0]
    up = await s.set_value(slider, state["value"] + state["step"], figure)
    down = await s.set_value(slider, state["value"], figure)
    return max(up, down)


async def legacy_widget_state_request(s):
    """What froze Voila 0.5.13: legacy-protocol socket, then ask for the widgets' state."""
    ws = await s.connect(subprotocols=())
    comm = uuid.uuid4().hex
    for msg_type, content, meta in (
            ("comm_open", {"comm_id": comm, "target_name": "jupyter.widget.control",
                           "data": {}}, {"version": "1.0.0"}),
            ("comm_msg", {"comm_id": comm, "data": {"method": "request_states"}}, {})):
        await ws.write_message(json.dumps({
            "header": s._header(msg_type), "parent_header": {}, "metadata": meta,
            "content": content, "channel": "shell", "buffers": []}))


def test_plain_voila_freezes_on_the_legacy_state_request(tmp_path, jupyter_env):
    """The fault the guard exists for, on the installed Voila: kept bounded and killed."""
    port, token = free_port(), "t" + uuid.uuid4().hex
    log = open(tmp_path / "voila.log", "wb")

    def limit_memory():   # a safety net in case the kill below came late
        resource.setrlimit(resource.RLIMIT_AS, (8 * 2**30, 8 * 2**30))
    proc = subprocess.Popen(
        [sys.executable, "-m", "voila", str(DASHBOARD), "--no-browser",
         "--Voila.ip=127.0.0.1", f"--port={port}", f"--token={token}"],
        cwd=tmp_path, env=jupyter_env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True, preexec_fn=limit_memory)
    base = f"http://127.0.0.1:{port}"
    try:
        async def attack_then_probe():
            for _ in range(240):
                try:
                    victim = Student(base, token, timeout=60)
                    if await victim.open_page() == 200:
                        break
                except (OSError, HTTPClientError):
                    await asyncio.sleep(0.25)
            rss0 = psutil.Process(proc.pid).memory_info().rss
            attacker = Student(base, token, timeout=60)
            await attacker.open_page()
            await legacy_widget_state_request(attacker)
            await asyncio.sleep(3)
            probe = Student(base, token, timeout=4)
            try:
                await probe.fetch("/voila/static/voila.js")
                answered = True
            except (OSError, HTTPClientError, TimeoutError):
                answered = False
            return answered, rss0
        answered, rss0 = run(attack_then_probe(), timeout=150)
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=3)
            stopped = True
        except subprocess.TimeoutExpired:
            stopped = False
        grown = psutil.Process(proc.pid).memory_info().rss - rss0 if not stopped else 0
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)
        log.close()
    assert not answered and grown > 10 * 2**20 and not stopped, (
        f"plain Voila answered={answered}, grew {grown / 2**20:.0f} MB, stopped={stopped}: "
        "if it no longer freezes, tools/workshop/guard.py may be dropped")


def test_hostile_student_cannot_freeze_the_workshop(workshop):
    async def scene():
        honest = await seated(workshop)
        rss0 = psutil.Process(workshop.proc.pid).memory_info().rss
        hostile = Student(workshop.base, workshop.token, timeout=30)
        await hostile.open_page()
        with pytest.raises(HTTPClientError) as refused:
            await legacy_widget_state_request(hostile)
        assert refused.value.code == 400
        # a v1 socket, then one frame whose offset count would loop for ever
        await hostile.connect()
        await hostile.ws.write_message((10**18).to_bytes(8, "little") + bytes(64), binary=True)
        assert await asyncio.wait_for(hostile.ws.read_message(), 10) is None
        assert hostile.ws.close_code == 1008
        latency = await drag(honest)
        grown = psutil.Process(workshop.proc.pid).memory_info().rss - rss0
        await honest.leave()
        await hostile.leave()
        return latency, grown
    latency, grown = run(scene())
    assert latency < 3.0, f"the honest student waited {latency:.1f} s"
    assert grown < 50 * 2**20, f"server grew {grown / 2**20:.0f} MB"


def test_a_kernel_is_only_its_own_pages(workshop):
    async def scene():
        ann = await seated(workshop)
        bob = Student(workshop.base, workshop.token, timeout=30)
        await bob.open_page()
        codes = {}
        with pytest.raises(HTTPClientError) as ws_refused:
            await bob.connect(kernel_id=ann.kernel_id)
        codes["websocket"] = ws_refused.value.code
        for method in ("GET", "DELETE"):
            codes[method] = (await bob.fetch(f"/api/kernels/{ann.kernel_id}", method=method)).code
        bob_kernel, bob.kernel_id = bob.kernel_id, ann.kernel_id
        codes["shutdown"] = await bob.leave()
        bob.kernel_id = bob_kernel
        codes["own"] = (await ann.fetch(f"/api/kernels/{ann.kernel_id}")).code
        latency = await drag(ann)     # still Ann's, still alive
        await ann.leave()
        await bob.leave()
        return codes, latency
    codes, latency = run(scene())
    assert codes == {"websocket": 403, "GET": 403, "DELETE": 403, "shutdown": 403, "own": 200}
    assert latency < 3.0


def wait_for(condition, seconds, step=0.5):
    """Poll ``condition()`` until true or ``seconds`` pass; return its last value."""
    end = time.monotonic() + seconds
    while not (value := condition()) and time.monotonic() < end:
        time.sleep(step)
    return value


def test_closing_a_page_frees_its_kernel(workshop):
    async def open_and_close():
        s = await seated(workshop)
        pid_count = len(kernels(workshop))
        return s.kernel_id, pid_count, await s.leave()
    before = len(kernels(workshop))
    kernel_id, during, code = run(open_and_close())
    assert code == 204, "the close beacon was refused"
    assert during >= before
    # the pool refills one kernel for the one taken; the closed page's kernel is gone
    assert wait_for(lambda: len(kernels(workshop)) <= before, 20), \
        f"{len(kernels(workshop))} kernels, {before} before the page opened"
    assert f"Kernel shutdown: {kernel_id}" in workshop.log_tail(200_000)


def test_class_full_and_too_many_pages(workshop):
    async def scene():
        # connected pages: a page nobody connects to would be culled after CULL_S
        students = [await seated(workshop) for _ in range(CAP)]
        codes = [200 if s.kernel_id else None for s in students]
        extra = Student(workshop.base, workshop.token, timeout=60)
        full = await extra.open_page()
        full_page = extra.page
        await students[0].leave()             # a place frees up as soon as a page closes
        again = await extra.open_page()
        for s in students + [extra]:
            await s.leave()
        # one browser, many pages: the per-browser limit
        tabs = [await seated(workshop)]
        for _ in range(PER_STUDENT - 1):
            tabs.append(await seated(workshop, same_browser_as=tabs[0]))
        one_more = Student(workshop.base, workshop.token, timeout=60)
        one_more.cookies = dict(tabs[0].cookies)
        more = await one_more.open_page()
        for s in tabs:
            await s.leave()
        return codes, full, full_page, again, more
    codes, full, page, again, more = run(scene(), timeout=240)
    assert codes == [200] * CAP
    assert full == 503 and "<h1>Class full</h1>" in page and f"All {CAP} places" in page
    assert again == 200
    assert more == 429


def test_a_page_left_without_closing_is_culled(workshop):
    async def vanish():   # the websocket drops, no close beacon (a laptop lid shut)
        s = await seated(workshop)
        s.ws.close()
        return s.kernel_id
    kernel_id = run(vanish())
    start = time.monotonic()
    culled = wait_for(lambda: kernel_id in _culled(workshop), CULL_S + 15)
    assert culled, f"kernel {kernel_id} still there {time.monotonic() - start:.0f} s later"


def _culled(server):
    return " ".join(re.findall(r"Culling '[^']*' kernel '[^']*' \(([0-9a-f-]+)\)",
                               server.log_tail(400_000)))


def test_token_stays_out_of_the_log(workshop):
    async def visit():
        s = await seated(workshop)
        # a failed request is logged at warning level with its address: give it the token
        missing = await s.fetch(f"/voila/files/missing.png?token={workshop.token}")
        await s.leave()
        return missing.code
    assert run(visit()) == 404
    lines = workshop.log_tail(400_000).splitlines()
    leaks = [line for line in lines if workshop.token in line
             and not line.startswith(("Workshop dashboard on this machine:", "Students open:"))]
    assert leaks == []
    assert any("token=[secret]" in line for line in lines), "no request line was logged"


def test_page_loads_nothing_from_outside(workshop):
    s = Student(workshop.base, workshop.token, timeout=60)
    run(s.open_page())
    run(s.leave())
    external = re.findall(r'(?:href|src)="(https?://[^"]+)"', s.page)
    assert external == []
    assert "cdn.jsdelivr" not in s.page


def test_launcher_prints_the_address_and_a_qr_code(workshop):
    lines = workshop.log_tail(400_000).splitlines()
    address = f"http://127.0.0.1:{workshop.port}/?token={workshop.token}"
    assert lines[0] == f"Workshop dashboard on this machine: {address}"
    qr = [line for line in lines[1:40] if line and set(line) <= set("█▀▄ ")]
    assert len(qr) >= 12 and len({len(line) for line in qr}) == 1, "no square QR block"
