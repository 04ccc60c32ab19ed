"""The kernel watch: Python answers pings, and the browser's rule for "lost" (run in Node.js).

The rule is the ``lost`` function exported by the widget's own browser code
(``KernelWatch._esm``), imported as it is by Node.js, so what is tested is
what runs in the page. Node.js is part of this machine (Debian's nodejs).
"""
import json
import re
import shutil
import subprocess

import pytest

from hinge_sim.ui import Compare, Explorer, TempoPlayer
from hinge_sim.ui.kernel_watch import BLIND_S, PING_S, QUIET_S, REST_S, KernelWatch
from hinge_sim.ui.swing_player import SwingPlayer

S = 1000.0  # ms in a second: the browser code's times are performance.now() ms
BASE = dict(heard=0.0, waiting=None, gone=None, busy=None, status="idle",
            quiet=QUIET_S * S, blind=BLIND_S * S)


def in_node(tmp_path, name, cases):
    """``name(case)`` for each case, computed by Node.js on the widget's own ES module."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js (`node`) is needed to run the kernel watch's browser code")
    module = tmp_path / "watch.mjs"
    module.write_text(KernelWatch._esm)
    script = (f"import {{ {name} }} from {json.dumps(module.as_uri())};\n"
              f"const cases = {json.dumps(cases)};\n"
              f"console.log(JSON.stringify(cases.map({name})));\n")
    run = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def disagreements(tmp_path, name, cases):
    """The cases (name: (case, wanted)) where the browser code's ``name`` answers otherwise."""
    got = in_node(tmp_path, name, [c for c, _ in cases.values()])
    return {n: g for (n, (_, want)), g in zip(cases.items(), got) if g != want}


def case(**changes):
    return dict(BASE, **changes)


def test_the_rule_for_lost(tmp_path):
    cases = {
        # never answered: a saved or exported page, never live here
        "never heard, a minute of silence": (case(heard=None, waiting=0, now=60 * S), False),
        "never heard, comm closed": (case(heard=None, gone=5 * S, now=6 * S), False),
        # every ping answered
        "all answered": (case(now=600 * S), False),
        # an idle kernel that stops answering
        "idle, waiting just under QUIET_S": (case(waiting=S, now=S + QUIET_S * S - 1), False),
        "idle, waiting QUIET_S": (case(waiting=S, now=S + QUIET_S * S), True),
        # a busy kernel (a 10 s cell, a 2 min cell) answers late but is alive
        "busy 10 s cell": (case(waiting=S, busy=10.5 * S, status="busy", now=11 * S), False),
        "busy 2 min cell": (case(waiting=S, busy=120 * S, status="busy", now=120 * S), False),
        "busy until 10 s, then idle 14 s": (case(waiting=S, busy=10 * S, now=24 * S), False),
        "busy until 10 s, then idle 15 s": (case(waiting=S, busy=10 * S, now=25 * S), True),
        # the widget manager closed the comm, or the kernel restarted or died: at once
        "comm closed after the last answer": (case(heard=10 * S, gone=11 * S, now=11 * S), True),
        "answers again after the closing": (case(heard=12 * S, gone=11 * S, now=12 * S), False),
        # no kernel state to read: the longer wait
        "no state, waiting 59 s": (case(status=None, waiting=0, now=59 * S), False),
        "no state, waiting BLIND_S": (case(status=None, waiting=0, now=BLIND_S * S), True),
        "no state, busy ignored": (case(status=None, waiting=0, busy=59 * S, now=60 * S), True),
    }
    wrong = disagreements(tmp_path, "lost", cases)
    assert not wrong, f"lost() disagrees on {wrong}"


def test_pings_go_out_only_while_someone_watches(tmp_path):
    base = dict(now=100 * S, lastPing=90 * S, every=PING_S * S, heard=95 * S, shows=True,
                lastUse=99 * S, rest=REST_S * S)
    cases = {
        "in use, 10 s since the last ping": (base, True),
        "in use, 4 s since the last ping": (dict(base, lastPing=96 * S), False),
        "in use, exactly PING_S since": (dict(base, lastPing=100 * S - PING_S * S), True),
        "panel not shown (another tab, page hidden)": (dict(base, shows=False), False),
        "page unused for REST_S": (dict(base, now=REST_S * S + 99 * S, lastPing=0), False),
        "page used just under REST_S ago": (dict(base, now=REST_S * S + 98 * S, lastPing=0),
                                            True),
        # until the first answer, wherever the panel is: it arms the watch
        "never answered, not shown": (dict(base, heard=None, shows=False), True),
        "never answered, 4 s since the last ping": (dict(base, heard=None, lastPing=96 * S),
                                                    False),
    }
    wrong = disagreements(tmp_path, "due", cases)
    assert not wrong, f"due() disagrees on {wrong}"


def test_the_waits_leave_room_for_a_busy_kernel_and_a_late_answer():
    assert (PING_S, QUIET_S, BLIND_S, REST_S) == (5.0, 15.0, 60.0, 600.0)  # as the docs say
    assert BLIND_S > 10.0, "a 10 s cell must not raise the banner where no state is read"
    assert QUIET_S >= 3 * PING_S, "three pings go unanswered before the banner"


def test_python_answers_pings_only():
    watch = KernelWatch()
    sent = []
    watch.send = sent.append
    watch._answer(watch, {"ping": 7}, [])
    watch._answer(watch, {"other": 1}, [])
    watch._answer(watch, "ping", [])
    assert sent == [{"pong": 7}]
    assert watch.pongs == 1


@pytest.mark.parametrize("bad, error, words", [
    (dict(every=0), ValueError, "every = 0 s must be above 0"),
    (dict(quiet=-1), ValueError, "quiet = -1 s must be above 0"),
    (dict(blind="60"), TypeError, "blind = '60' must be a number"),
    (dict(every=True), TypeError, "every = True must be a number"),
    (dict(rest=0), ValueError, "rest = 0 s must be above 0"),
    (dict(every=10), ValueError, "quiet = 15.0 s must be at least twice every = 10"),
])
def test_bad_waits_are_refused_by_name(bad, error, words):
    with pytest.raises(error, match=re.escape(words)):
        KernelWatch(**bad)


@pytest.mark.parametrize("make", [Explorer, Compare, TempoPlayer, SwingPlayer])
def test_every_panel_carries_its_watch_at_the_top(make):
    panel = make()
    assert isinstance(panel.watch, KernelWatch)
    assert panel.widget.children[1] is panel.watch  # after the style sheet, before the rest
    assert sum(isinstance(c, KernelWatch) for c in panel.widget.children) == 1


def test_every_question_carries_its_watch():
    from hinge_sim.ui import Quiz
    q = Quiz("Which?", {"A": "because A", "B": "because B"}, answer="A", key="test/which")
    assert isinstance(q.watch, KernelWatch)
    assert q.widget.children[1] is q.watch
