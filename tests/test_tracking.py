"""Tracked-video CSV import and bar path analysis: the synthetic samples give back
the tempo and drift put into them, and bad files raise errors naming where."""
import io
import os

import numpy as np
import pytest

import hinge_sim as hs
from hinge_sim.video import sample_tracks as S
from hinge_sim.video.barpath import analyze_track, compare_with_model
from hinge_sim.video.tracking import PLATE_DIAMETER, TrackWarning, read_track

TEMPO_TOL = 0.15  # s, stated in docs/journal.md
DRIFT_TOL = 0.01  # m


@pytest.mark.parametrize("name", sorted(S.SAMPLES))
def test_samples_recover_tempo_and_drift(name):
    truth = S.truth(name)
    reps = analyze_track(S.load_sample(name))
    assert len(reps) == truth["reps"]
    for r in reps:
        got = np.array(r.tempo[:3])
        assert np.all(np.abs(got - truth["tempo"][:3]) <= TEMPO_TOL), (r.number, got)
        assert abs(r.drift - truth["drift"]) <= DRIFT_TOL, (r.number, r.drift)
        if truth["hip_to_bar"] is not None:
            assert abs(r.hip_to_bar["bottom"] - truth["hip_to_bar"]) <= DRIFT_TOL
        if truth["bar_to_midfoot"] is not None:
            assert abs(r.bar_to_midfoot["bottom"] - truth["bar_to_midfoot"]) <= DRIFT_TOL
    for r in reps[:-1]:
        assert abs(r.top_pause - truth["tempo"][3]) <= TEMPO_TOL
    assert reps[-1].top_pause is None  # the track ends before the next rep would start


def test_shipped_samples_match_the_generator():
    for name in S.SAMPLES:
        assert S.sample_path(name).read_bytes() == S.render(name).encode("utf-8"), name


def test_samples_are_documented():
    readme = S.sample_path("rdl_3111_px.csv").parent.joinpath("README.md").read_text()
    assert "synthetic" in readme.lower()
    for name in S.SAMPLES:
        assert name in readme


def test_pixels_scaled_by_plate_and_flipped():
    text = "time_s,bar_x_px,bar_y_px\n" + "".join(
        f"{i / 30:.4f},{100 + i},{500 - 2 * i}\n" for i in range(30))
    track = read_track(io.StringIO(text), plate_px=90)
    scale = PLATE_DIAMETER / 90
    assert track.scale == pytest.approx(scale)
    # y grows down the image: the bar rising in pixels-down means it goes up
    assert np.diff(track.points["bar"][:, 1]) == pytest.approx(np.full(29, 2 * scale))
    left = read_track(io.StringIO(text), length=(200, 0.5), facing="left")
    assert np.diff(left.points["bar"][:, 0]) == pytest.approx(np.full(29, -0.5 / 200))


def test_units_in_header_or_argument():
    rows = "".join(f"{i * 20},{i},{50 - i}\n" for i in range(20))
    cm = read_track(io.StringIO("Time (ms),bar_x (cm),bar_y (cm)\n" + rows))
    assert cm.t[1] == pytest.approx(0.02) and cm.scale == pytest.approx(0.01)
    mm = read_track(io.StringIO("time_ms,bar_x,bar_y\n" + rows), units="mm")
    assert mm.points["bar"][1, 0] == pytest.approx(0.001)


def test_kinovea_single_trajectory_table():
    text = '"Time (ms)";"X (px)";"Y (px)"\n' + "".join(
        f'"{i * 33},3";"{200 + i},5";"{400 - i},0"\n' for i in range(12))
    track = read_track(io.StringIO(text), scale=0.002)
    assert track.t[1] == pytest.approx(0.0333)
    assert track.points["bar"][0, 0] == pytest.approx(0.401)


def test_kinovea_names_mapped():
    rows = "".join(f"{i / 25},{i / 100},{i / 100}\n" for i in range(12))
    text = "Time,Barra/0/X,Barra/0/Y\n" + rows
    with pytest.raises(ValueError, match="no bar columns"):
        read_track(io.StringIO(text), units="m")
    assert "bar" in read_track(io.StringIO(text), units="m", names={"Barra": "bar"}).points


GOOD = "time_s,bar_x_px,bar_y_px,hip_x_px,hip_y_px\n" + "".join(
    f"{i / 30:.4f},{300 + i % 3},{400 + i},{250},{300 + i}\n" for i in range(40))


def _edit(line, col, value, text=GOOD):
    rows = [r.split(",") for r in text.strip().split("\n")]
    rows[line - 1][col] = value
    return "\n".join(",".join(r) for r in rows) + "\n"


@pytest.mark.parametrize("text, kwargs, words", [
    ("time_s,hip_x_px,hip_y_px\n0,1,2\n", {"plate_px": 90}, "no bar columns"),
    ("bar_x_px,bar_y_px\n1,2\n", {"plate_px": 90}, "no time column"),
    ("time_s,bar_x_px,bar_y_m\n0,1,2\n", {"plate_px": 90}, "mix units"),
    ("time_s,bar_x,bar_y\n0,1,2\n", {}, "unit of the coordinates is unknown"),
    ("time_s,bar_x_px,bar_y_px\n0,1,2\n", {}, "give exactly one of plate_px"),
    ("time_s,bar_x_m,bar_y_m\n0,1,2\n", {"plate_px": 90},
     "plate_px, length and scale are for pixels"),
    ("time_s,bar_x_px,bar_y_px\n0,1,2\n", {"plate_px": -3}, "plate_px = -3 px is outside"),
    ("time_s,bar_x_px,bar_y_px\n0,1,2\n", {"plate_px": 90, "units": "m"}, "the header says"),
    ("time_s,bar_x_px\n0,1\n", {"plate_px": 90}, "no matching y column"),
    (_edit(7, 2, "4O5"), {"plate_px": 90}, "line 7, column 'bar_y_px': '4O5' is not a number"),
    (_edit(9, 0, "0.1"), {"plate_px": 90}, "line 9, column 'time_s': time goes backwards"),
    (_edit(5, 0, ""), {"plate_px": 90}, "line 5, column 'time_s': the time cell is empty"),
    (_edit(2, 3, ""), {"plate_px": 90}, "column 'hip_x_px' is empty at the start (lines 2-2)"),
    ("\n".join([GOOD.split("\n")[0]] + [
        f"{i / 30:.4f},300,{'' if 10 <= i < 20 else 400 + i},250,300" for i in range(40)]),
     {"plate_px": 90}, "column 'bar_y_px' has a gap of 0.37 s (lines 12-21)"),
    ("time_s,bar_x_m,bar_y_m\n" + "".join(f"{i / 30},0.1,{400 + i}\n" for i in range(20)), {},
     "spans 19 m after scaling"),
    ("time_s,bar_x_m,bar_y_m\n0,1,2\n0.1,1,2\n", {}, "needs at least 10"),
    ("time_s,bar_x_px,bar_y_px\n0,1,2\n", {"plate_px": 90, "facing": "up"}, "facing = 'up'"),
])
def test_bad_input_names_row_or_column(text, kwargs, words):
    with pytest.raises(ValueError) as err:
        read_track(io.StringIO(text), **kwargs)
    assert words in str(err.value)


def test_short_gap_filled_with_warning():
    text = _edit(12, 2, "", _edit(13, 2, ""))
    with pytest.warns(TrackWarning, match="'bar_y_px': gap at lines 12-13 filled"):
        track = read_track(io.StringIO(text), plate_px=90)
    assert np.all(np.isfinite(track.points["bar"]))
    assert track.points["bar"][11, 1] == pytest.approx(-(400 + 11) * PLATE_DIAMETER / 90, abs=1e-4)


def test_empty_bar_rows_at_the_ends_cut_with_warning():
    text = _edit(2, 1, "", _edit(2, 2, ""))
    with pytest.warns(TrackWarning, match="lines 2-2 have no bar position"):
        track = read_track(io.StringIO(text), plate_px=90)
    assert len(track.t) == 39 and track.t[0] == pytest.approx(1 / 30, abs=1e-4)


def test_file_path_and_semicolon_decimal_comma(tmp_path):
    path = tmp_path / "set.csv"
    path.write_text("time_s;bar_x_m;bar_y_m\n" + "".join(
        f"{i / 50:.2f};0,{i:02d};1,5\n".replace(".", ",") for i in range(20)))
    track = read_track(path)
    assert track.source == "set.csv"
    assert track.points["bar"][3, 0] == pytest.approx(0.03)


def test_no_rep_raises():
    t = np.arange(100) / 30
    text = "time_s,bar_x_m,bar_y_m\n" + "".join(f"{a:.4f},0.1,{0.8 - 0.02 * np.sin(a):.4f}\n"
                                                for a in t)
    with pytest.raises(ValueError, match="no complete rep .* moved 0.02"):
        analyze_track(read_track(io.StringIO(text)))


def test_half_rep_at_the_edges_is_not_counted():
    t, pts = S.positions({**S.SAMPLES["rdl_metres.csv"], "reps": 2})
    cut = slice(int(np.argmin(pts["bar"][: len(t) // 2, 1])), len(t))  # starts at the first bottom
    text = "time_s,bar_x_m,bar_y_m\n" + "".join(
        f"{a:.4f},{x:.5f},{y:.5f}\n" for a, (x, y) in zip(t[cut], pts["bar"][cut]))
    with pytest.warns(TrackWarning, match="rep at the start of the track is cut off"):
        assert len(analyze_track(read_track(io.StringIO(text)))) == 1


def test_compare_with_model_uses_tracked_tempo():
    name = "rdl_3111_px.csv"
    spec = S.SAMPLES[name]
    rep = analyze_track(S.load_sample(name))[0]
    body = hs.presets.lifter(spec["lifter"])
    cmp = compare_with_model(rep, body, hs.presets.posture("standing"),
                             hs.presets.posture(spec["bottom"]), hs.presets.load("RDL", 40))
    rows = {r[0]: r for r in cmp.rows}
    assert rows["lowering"][2] == pytest.approx(rep.lowering, abs=0.01)
    # the sample was made with this model, so tracked and model agree
    assert rows["bar drop"][1] == pytest.approx(rows["bar drop"][2], abs=0.01)
    assert rows["bar drift at the bottom"][1] == pytest.approx(rows["bar drift at the bottom"][2],
                                                                abs=DRIFT_TOL)
    ok = np.isfinite(cmp.tracked_drop)
    assert ok.mean() > 0.8
    # the sample's bar moves at a trapezoidal speed, the model's joints at minimum jerk:
    # the drops agree where the bar is still (top and bottom), not in between
    bottom = (cmp.t > rep.lowering + 0.1) & (cmp.t < rep.lowering + rep.bottom_pause - 0.1)
    assert np.max(np.abs(cmp.tracked_drop[bottom] - cmp.model_drop[bottom])) < 0.01
    assert abs(cmp.tracked_drop[0] - cmp.model_drop[0]) < 0.005


def test_regenerate_script_writes_files(tmp_path):
    S.main(["--out", str(tmp_path)])
    assert sorted(os.listdir(tmp_path)) == sorted(S.SAMPLES)
