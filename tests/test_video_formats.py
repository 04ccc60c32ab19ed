"""Each export layout of docs/tracks.md reads into the same track, with the same reps."""
import io
import json
import pathlib

import numpy as np
import pytest

from hinge_sim.video.barpath import analyze_track
from hinge_sim.video.formats import detect
from hinge_sim.video.tracking import read_track

DATA = pathlib.Path(__file__).parent / "data" / "tracks"
TRUTH = json.loads((DATA / "truth.json").read_text())
PX = dict(scale=1 / 400.0)  # 400 px per m on the test video
CASES = [  # file, read_track arguments, seconds added to the clock, points
    ("kinovea_ms_comma.csv", dict(units="px", names={"Barbell": "bar"}, **PX), 0.0, {"bar", "hip"}),
    ("kinovea_frames.csv", dict(units="px", fps=30, **PX), 0.0, {"bar"}),
    ("kinovea_us.csv", dict(units="px", **PX), 0.0, {"bar"}),
    ("kinovea_timecode.csv", dict(units="px", **PX), 55.0, {"bar"}),
    # the video's own timestamps, 512 a frame, from the first frame: 1 s after the origin
    ("kinovea_timestamps.csv", dict(units="px", fps=30, **PX), 1.0, {"bar"}),
    ("kinovea.json", {}, 0.0, {"bar", "hip"}),
    ("kinovea_gnuplot.txt", dict(units="px", **PX), 0.0, {"bar", "hip"}),
    ("kinovea_excel.xml", {}, 0.0, {"bar", "hip"}),
    ("tracker_bar.txt", dict(units="m"), 0.0, {"bar"}),
]


@pytest.mark.parametrize("name, kwargs, offset, points", CASES, ids=[c[0] for c in CASES])
def test_export_reads_and_times_the_reps(name, kwargs, offset, points):
    track = read_track(DATA / name, **kwargs)
    assert set(track.points) == points
    assert track.t[0] == pytest.approx(-1.0 + offset, abs=0.02)  # negative before the origin
    # timecodes keep hundredths of a second (Kinovea's precision at 30 frames/s)
    assert np.median(np.diff(track.t)) == pytest.approx(1 / 30, abs=0.004)
    bar = track.points["bar"]
    assert np.ptp(bar[:, 1]) == pytest.approx(0.30, abs=0.003)  # metres, y up
    assert bar[-1, 1] > bar[len(bar) // 3, 1]  # up is up
    reps = analyze_track(track)
    assert len(reps) == 2
    for r, true in zip(reps, TRUTH["events"]):
        got = np.array([r.start, r.lowered, r.rise_start, r.end]) - offset
        assert np.all(np.abs(got - true) <= 0.15), (name, got, true)
        assert r.drift == pytest.approx(-0.05, abs=0.005)


def test_detected_kinds():
    kinds = {n: detect((DATA / n).read_bytes()) for n, *_ in CASES}
    assert kinds["kinovea.json"] == "kinovea-json"
    assert kinds["kinovea_excel.xml"] == "kinovea-xml"
    assert kinds["kinovea_gnuplot.txt"] == "kinovea-text"
    assert kinds["tracker_bar.txt"] == "tracker"
    assert kinds["kinovea_frames.csv"] == "csv"


def test_time_unit_found_from_the_frame_step_is_noted():
    track = read_track(DATA / "kinovea_us.csv", units="px", **PX)
    assert any("read as us from the frame step" in n for n in track.notes)
    assert read_track(DATA / "kinovea_ms_comma.csv", units="px", fps=30, **PX).t[1] == \
        pytest.approx(-1 + 1 / 30, abs=1e-3)


@pytest.mark.parametrize("data, words", [
    (b"PK\x03\x04rest", "unsupported format: a zip archive"),
    (b"\x00\x00\x00\x18ftypmp42", "unsupported format: a video file"),
    (b"<?xml version='1.0'?><KinoveaVideoAnalysis/>", "unsupported format: a Kinovea project"),
    (b"<?xml version='1.0'?><svg/>", "unsupported format: XML"),
])
def test_unsupported_formats_are_named(data, words):
    with pytest.raises(ValueError, match=words):
        read_track(io.BytesIO(data))


def test_timestamps_are_frames_of_the_frame_step_at_the_frame_rate():
    track = read_track(DATA / "kinovea_timestamps.csv", units="px", fps=30, **PX)
    assert any("read as ts from the frame step (512) and the frame rate (30" in n
               for n in track.notes)
    assert track.t[:3] == pytest.approx([0, 1 / 30, 2 / 30])
    given = read_track(DATA / "kinovea_timestamps.csv", units="px", fps=30, time_unit="ts", **PX)
    assert np.array_equal(given.t, track.t)
    # NTSC: 1001 timestamps a frame on a 1/30000 s base; 1001 would also fit µs at 999
    # frames/s, but the stated frame rate says timestamps
    text = "Time,bar/0/X,bar/0/Y\n" + "".join(
        f"{1001 * k},300,{400 + 30 * np.sin(k / 20):.2f}\n" for k in range(120))
    ntsc = read_track(io.StringIO(text), units="px", fps=29.97, **PX)
    assert np.diff(ntsc.t) == pytest.approx(1 / 29.97)
    # Kinovea's JSON states "ts" and its capture frame rate
    doc = {"metadata": {"captureFramerate": 30.0}, "data": {"timeseries": [
        {"name": "bar", "timeUnit": "ts", "dataUnit": "px", "time": [512 * k for k in range(60)],
         "data": {"0": [[300, 400 + 40 * np.sin(k / 10)] for k in range(60)]}}]}}
    stamped = read_track(io.StringIO(json.dumps(doc)), **PX)
    assert stamped.t[-1] == pytest.approx(59 / 30)


def test_timestamps_need_the_frame_rate():
    with pytest.raises(ValueError, match="time_unit='ts' and fps="):
        read_track(DATA / "kinovea_timestamps.csv", units="px", **PX)
    with pytest.raises(ValueError, match="time is in the video's timestamps; pass fps="):
        read_track(DATA / "kinovea_timestamps.csv", units="px", time_unit="ts", **PX)


def test_frames_need_a_frame_rate():
    with pytest.raises(ValueError, match="time is in frames; pass fps="):
        read_track(DATA / "kinovea_frames.csv", units="px", **PX)
    with pytest.raises(ValueError, match="but the frame rate is 60"):
        read_track(DATA / "kinovea_ms_comma.csv", units="px", fps=60, **PX)


def test_broken_exports_name_the_line():
    text = (DATA / "kinovea_gnuplot.txt").read_text().replace("1000 ", "1OOO ", 1)
    with pytest.raises(ValueError, match=r"line \d+, column 'bar T': '-?1OOO' is not a number"):
        read_track(io.StringIO(text), units="px", **PX)
    bad_json = (DATA / "kinovea.json").read_text()[:500]
    with pytest.raises(ValueError, match=r"line \d+, column \d+: not valid JSON"):
        read_track(io.StringIO(bad_json))
    xml = (DATA / "kinovea_excel.xml").read_text()
    lines = xml.splitlines()
    i = next(k for k, ln in enumerate(lines) if "Number" in ln)
    lines[i] = lines[i].replace('ss:Type="Number">', 'ss:Type="Number">x', 1)
    with pytest.raises(ValueError, match=rf"line {i + 1}, column 'bar x': 'x"):
        read_track(io.StringIO("\n".join(lines)))
    with pytest.raises(ValueError, match="not well-formed XML"):
        read_track(io.StringIO(xml[:-30]))
