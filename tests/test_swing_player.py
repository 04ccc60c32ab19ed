"""The Swing player: a kettlebell swing cycle in the Tempo player's view, at real speed."""
import numpy as np
import pytest

from hinge_sim.model.swing import swing
from hinge_sim.ui.swing_player import SwingPlayer

DPI = 50  # small renders: these tests check behaviour, not pixels


def test_the_player_shows_the_models_swing_and_its_phase_words():
    sp = SwingPlayer(fps=20, dpi=DPI)
    rep = swing(sp.body, bell=16, period=1.1, fps=20)
    np.testing.assert_allclose(sp.rep.disc["compression"], rep.disc["compression"])
    assert sp.summary["peak compression"] == pytest.approx(rep.disc["compression"].max())
    assert np.allclose(sp.player.times, rep.t)
    assert sp.player.labels[0] == "0.00 s · backswing" and sp.player.labels[-1].endswith("upswing")
    sp.goto(0.8)
    assert sp.readout.startswith("0.80 s") and "upswing, exhale at the hip snap" in sp.readout
    assert sp.message == "" and sp.warning == ""


@pytest.mark.parametrize("name, value", [("bell", 24.0), ("period", 1.5), ("bracing", 0.5),
                                         ("units", "lb")])
def test_each_control_changes_the_swing_or_its_picture(name, value):
    sp = SwingPlayer(dpi=DPI)
    png, rep = sp.png, sp.rep
    sp.controls[name].value = value
    assert sp.message == "" and sp.png != png
    if name != "units":
        assert sp.rep is not rep
    if name == "bell":
        assert sp.summary["peak compression"] > rep.summary()["peak compression"]
    if name == "period":
        assert sp.summary["peak compression"] < rep.summary()["peak compression"]


def test_reset_brings_back_the_start_and_the_frames_come_from_the_kernel():
    sp = SwingPlayer(dpi=DPI)
    start = sp.summary["peak compression"]
    sp.controls["bell"].value = 32.0
    sp.reset()
    assert sp.controls["bell"].value == 16.0 and sp.summary["peak compression"] == start
    player = sp.player
    player._on_msg(player, {"want": "frames"}, [])  # what the browser sends
    assert not player.stale and len(player.frames) == len(sp.rep.t)
    assert player.frames[0] == sp.png


def test_a_bad_start_is_refused_by_name():
    with pytest.raises(ValueError, match="fps = 100"):
        SwingPlayer(fps=100)


def test_the_frame_words_say_which_way_the_hip_turns_not_a_minus_sign():
    """At the top the hip holds a flexor moment: the words say "flexor", as the gauges do,
    where they said "Hip moment -174 N·m"."""
    sp = SwingPlayer(fps=20, dpi=DPI)
    for t in (0.0, 0.55):
        sp.goto(t)
        i = int(np.argmin(np.abs(sp.rep.t - t)))
        hip = float(sp.rep.moments["hip"][i])
        kind = "extensor" if hip > 0 else "flexor"
        assert f"Hip moment {abs(hip):.0f} N·m {kind}," in sp.readout, sp.readout
        assert "moment -" not in sp.readout
    sp.goto(0.0)
    assert "N·m flexor" in sp.readout  # the swing's top: the model's hip moment is negative
