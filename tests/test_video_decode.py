"""Decoding video with PyAV: frames and times come back, bad files and long clips are refused
with their reason, and without PyAV the error says how to install it."""
import sys

import numpy as np
import pytest

from hinge_sim.video import decode


def test_without_pyav_the_error_says_how_to_install_it(monkeypatch, tmp_path):
    path = tmp_path / "x.mp4"
    path.write_bytes(b"\0" * 64)
    monkeypatch.setitem(sys.modules, "av", None)  # import av now fails
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'hinge-sim\[video\]'"):
        decode.read_video(path)


def test_bad_arguments_and_files_are_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="no video file"):
        decode.read_video(tmp_path / "none.mp4")
    with pytest.raises(ValueError, match="max_seconds = 0"):
        decode.read_video(tmp_path / "none.mp4", max_seconds=0)
    pytest.importorskip("av")
    text = tmp_path / "notes.mp4"
    text.write_text("time,bar_x\n")
    with pytest.raises(ValueError, match="notes.mp4: unsupported format"):
        decode.read_video(text)


@pytest.fixture(scope="module")
def ramp(tmp_path_factory):
    pytest.importorskip("av")
    path = tmp_path_factory.mktemp("video") / "ramp.mp4"
    levels = np.linspace(40, 200, 45)
    frames = [np.full((48, 64), v) for v in levels]
    decode.write_video(path, frames, fps=30)
    return path, levels


def test_frames_and_times_come_back(ramp):
    path, levels = ramp
    video = decode.read_video(path)
    assert len(video.frames) == levels.size and video.fps == pytest.approx(30)
    assert np.allclose(video.times, np.arange(levels.size) / 30, atol=1e-3)
    assert video.frames[0].shape == (48, 64) and video.shrink == 1
    grey = np.array([f.mean() for f in video.frames])
    assert np.abs(grey - levels).max() < 4  # video (limited) range, H.264 rounding


def test_a_clip_longer_than_max_seconds_is_refused(ramp):
    path, _ = ramp  # 1.5 s
    with pytest.raises(ValueError, match="at most max_seconds = 1 s"):
        decode.read_video(path, max_seconds=1)


def test_too_few_frames_are_refused(tmp_path):
    pytest.importorskip("av")
    path = tmp_path / "short.mp4"
    decode.write_video(path, [np.zeros((16, 16))] * 5, fps=30)
    with pytest.raises(ValueError, match="5 frames; a video track needs at least 10"):
        decode.read_video(path)
