"""The FramePlayer's kernel side: what it holds, what it sends, and its named errors.

How it plays in a browser (every frame at its time) is measured in
``tests/browser/test_lab_playback.py`` and ``tests/browser/test_voila_playback.py``.
"""
import pytest
from ipywidgets.widgets.widget import _remove_buffers

from hinge_sim.ui.player import FramePlayer, frame_label

PNGS = [bytes([137, 80, 78, 71, k]) for k in range(3)]  # stand-ins: only their bytes travel
TIMES = [0.0, 1 / 30, 2 / 30]


def test_frames_travel_as_binary_buffers_once():
    player = FramePlayer(frames=PNGS, times=TIMES, labels=["a", "b", "c"])
    state, paths, buffers = _remove_buffers(player.get_state())
    assert [p for p in paths if p[0] == "frames"] == [["frames", 0], ["frames", 1], ["frames", 2]]
    assert [bytes(b) for b in buffers[:3]] == PNGS  # not base64 text in the JSON
    assert state["times"] == TIMES and state["labels"] == ["a", "b", "c"]
    assert not player.stale and player.index == 0 and not player.playing


def test_the_browser_plays_with_animation_frames_at_the_frames_times():
    esm = FramePlayer._esm
    assert "requestAnimationFrame" in esm and "setInterval" not in esm
    assert "model.save_changes" in esm  # the kernel hears of pauses and scrubs
    for key in ('" "', "ArrowRight", "ArrowLeft", "Home", "End"):
        assert key in esm, key
    assert ":focus-visible" in FramePlayer._css


def test_labels_default_to_the_time_and_say_the_phase():
    assert FramePlayer(frames=PNGS, times=TIMES).labels == ["0.00 s", "0.03 s", "0.07 s"]
    assert frame_label(1.2, 2) == "1.20 s · rising"


def test_lazy_frames_are_made_once_when_the_browser_asks():
    made = []

    def source():
        made.append(len(player.times))
        return PNGS[:len(player.times)]
    player = FramePlayer(times=[0.0], source=source)
    assert player.stale and player.frames == []
    player.invalidate(b"poster", TIMES, ["a", "b", "c"])
    assert player.stale and player.poster == b"poster" and player.version == 1
    player._on_msg(player, {"want": "frames"}, [])
    player._on_msg(player, {"want": "frames"}, [])  # a second view asks too: made once
    assert made == [3] and player.frames == PNGS and not player.stale
    player.index = 2
    player.invalidate(b"p2", TIMES[:2], ["a", "b"])  # a shorter rep: the index stays inside
    assert player.index == 1 and player.stale


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(frames=PNGS, times=TIMES[:2]), ValueError, "frames: 3 given for 2 times"),
    (dict(frames=PNGS, times=TIMES, labels=["a"]), ValueError, "labels: 1 given for 3 times"),
    (dict(frames=PNGS, times=[0.0, 0.1, 0.1]), ValueError, "times: frame times"),
    (dict(frames=[], times=[]), ValueError, "times: at least one"),
    (dict(times=TIMES), TypeError, "frames or a source"),
    (dict(frames=PNGS, times=TIMES, font_px=4), ValueError, "font_px = 4 is outside"),
])
def test_bad_input_names_the_parameter(kwargs, error, match):
    with pytest.raises(error, match=match):
        FramePlayer(**kwargs)


def test_index_outside_the_frames_is_refused():
    player = FramePlayer(frames=PNGS, times=TIMES)
    with pytest.raises(Exception, match="index = 3 is outside the valid range 0 to 2"):
        player.index = 3
    with pytest.raises(TypeError, match="source function"):
        player.invalidate(b"", TIMES, ["a", "b", "c"])
