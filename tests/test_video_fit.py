"""A tracked rep through the model: a rep made by the model comes back with its angles and loads."""
import numpy as np
import pytest

import hinge_sim as hs
from hinge_sim.video.fit import rep_through_model
from hinge_sim.video.tracking import Track


def _track_from_model(body, load, fps=60, shift=None):
    top = hs.Posture(knee=5, hip=0, lumbar=0)
    bottom = hs.Posture(knee=20, hip=80, lumbar=0)
    rep = hs.simulate(body, top, bottom, (2, 0.5, 1.5, 0.5), load, fps=fps)
    foot = rep.points["ankle"] + np.array([body.midfoot_x, -body.ankle_height])
    pts = {"bar": rep.points["bar"], "foot": foot, "knee": rep.points["knee"],
           "hip": rep.points["hip"], "shoulder": rep.points["shoulder"].copy()}
    if shift is not None:
        pts["shoulder"][shift] += [0.08, 0.0]
    moved = {k: v + [0.7, 0.1] for k, v in pts.items()}  # the camera's origin is elsewhere
    return Track(t=rep.t, points=moved, scale=1.0, notes=[], source="<model>"), rep


def test_model_rep_comes_back():
    body, load = hs.Body(1.80, 85, "male", thigh=1.1), hs.presets.load("RDL", 60)
    track, rep = _track_from_model(body, load)
    own = rep_through_model(track, load, mass=85, sex="male")
    assert own.body.stature == pytest.approx(1.80, abs=0.02)
    for name, (tracked, model) in own.lengths.items():
        assert model == pytest.approx(tracked, abs=0.01), name
    inner = slice(10, -10)  # away from the filter's ends
    knee_true = np.rad2deg(rep.segments["shank"]["angle"] - rep.segments["thigh"]["angle"])
    assert np.max(np.abs(own.angles["knee"] - knee_true)[inner]) < 2.0
    assert np.max(np.abs(own.angles["hip"] - rep.metrics["hip_flexion"])[inner]) < 2.0
    for key in ("compression", "shear"):
        err = np.abs(own.result.disc[key] - rep.disc[key])[inner]
        assert np.max(err) < 0.05 * np.max(np.abs(rep.disc[key])), key
    l5 = np.abs(own.result.moments["l5s1"] - rep.moments["l5s1"])[inner]
    assert np.max(l5) < 0.05 * np.max(np.abs(rep.moments["l5s1"]))
    assert not own.flags["poor_fit"][inner].any()
    assert any("lumbar flexion is not measured" in n for n in own.notes)


def test_a_bad_shoulder_point_is_flagged_per_frame():
    body, load = hs.Body(), hs.presets.load("RDL", 40)
    track, _ = _track_from_model(body, load, shift=slice(100, 110))
    own = rep_through_model(track, load)
    assert own.flags["poor_fit"][100:110].all()
    assert not own.flags["poor_fit"][150:].any()


def test_missing_points_are_named():
    body, load = hs.Body(), hs.presets.load("RDL", 40)
    track, _ = _track_from_model(body, load)
    del track.points["knee"]
    with pytest.raises(ValueError, match=r"missing \['knee'\]"):
        rep_through_model(track, load)


def test_filled_frames_are_flagged_missing():
    import io

    from hinge_sim.video.synthetic import csv_text
    from hinge_sim.video.tracking import TrackWarning, read_track
    body, load = hs.Body(), hs.presets.load("RDL", 40)
    track, _ = _track_from_model(body, load)
    lines = csv_text(track).splitlines()
    header = lines[0].split(",")
    col = header.index("knee_x_m")
    for i in range(120, 123):  # a 3-frame gap in the knee, filled on reading
        cells = lines[i].split(",")
        cells[col] = ""
        lines[i] = ",".join(cells)
    with pytest.warns(TrackWarning, match="'knee_x_m': gap at lines 121-123 filled"):
        back = read_track(io.StringIO("\n".join(lines) + "\n"))
    own = rep_through_model(back, load)
    assert own.flags["missing"][119:122].all() and own.flags["missing"].sum() == 3


# --- the lumbar flexion from a marker on the back of the pelvis -----------------------------

TOP = hs.Posture(knee=5, hip=0, lumbar=0)
INNER = slice(10, -10)  # away from the filter's ends


def _rounded(lumbar=25.0, noise=0.001, lost=(), seed=1):
    from hinge_sim.video.synthetic import model_track
    body, load = hs.Body(1.80, 85, "male"), hs.presets.load("RDL", 60)
    track, rep = model_track(body, load, TOP, hs.Posture(knee=15, hip=60, lumbar=lumbar),
                             noise=noise, lost=lost, seed=seed)
    return track, rep, load


def _lumbar_error(own, rep):
    return np.abs(own.angles["lumbar"] - rep.metrics["lumbar_flexion"])


def test_lumbar_flexion_comes_back_exactly_without_noise():
    track, rep, load = _rounded(noise=0.0)
    own = rep_through_model(track, load, mass=85)
    assert own.lumbar_measured
    assert np.max(_lumbar_error(own, rep)[INNER]) < 0.3  # deg
    assert np.max(np.abs(own.angles["hip"] - rep.metrics["hip_flexion"])[INNER]) < 0.3
    err = np.abs(own.result.disc["compression"] - rep.disc["compression"])[INNER]
    assert np.max(err) < 0.02 * np.max(rep.disc["compression"])
    assert any("measured from the sacrum marker" in n for n in own.notes)


@pytest.mark.parametrize("lumbar", [25.0, 35.0, -10.0])
@pytest.mark.parametrize("seed", [1, 2])
def test_lumbar_flexion_comes_back_with_noise(lumbar, seed):
    """1 mm of tracking noise on every point: lumbar and hip flexion within 2.5 deg."""
    track, rep, load = _rounded(lumbar, seed=seed)
    own = rep_through_model(track, load, mass=85)
    assert np.max(_lumbar_error(own, rep)[INNER]) < 2.5
    assert np.max(np.abs(own.angles["hip"] - rep.metrics["hip_flexion"])[INNER]) < 2.5
    for key, share in (("compression", 0.06), ("shear", 0.10)):  # noise through two
        err = np.abs(own.result.disc[key] - rep.disc[key])[INNER]  # derivatives: median frame
        assert np.median(err) < share * np.max(np.abs(rep.disc[key])), key
    assert not own.flags["poor_fit"][INNER].any()
    assert not own.flags["lumbar_missing"].any()


def test_the_marker_beats_the_neutral_spine_on_a_rounded_back():
    track, rep, load = _rounded(35.0)
    with_marker = rep_through_model(track, load, mass=85)
    del track.points["sacrum"]
    neutral = rep_through_model(track, load, mass=85)
    assert not neutral.lumbar_measured and not neutral.angles["lumbar"].any()
    assert any("lumbar flexion is not measured (no marker" in n for n in neutral.notes)
    bottom = int(np.argmax(rep.metrics["lumbar_flexion"]))
    assert _lumbar_error(neutral, rep)[bottom] == pytest.approx(35.0)
    assert _lumbar_error(with_marker, rep)[bottom] < 2.5
    for key in ("compression", "shear"):
        assert (np.median(np.abs(with_marker.result.disc[key] - rep.disc[key])[INNER])
                < np.median(np.abs(neutral.result.disc[key] - rep.disc[key])[INNER])), key


def test_frames_without_the_marker_are_flagged_and_filled_in():
    lost = slice(100, 130)  # half a second at the bottom of the rep
    track, rep, load = _rounded(35.0, lost=(lost,))
    own = rep_through_model(track, load, mass=85)
    assert own.flags["lumbar_missing"][lost].all() and own.flags["lumbar_missing"].sum() == 30
    assert np.max(_lumbar_error(own, rep)[lost]) < 4.0  # a straight line over the gap
    assert np.max(_lumbar_error(own, rep)[INNER]) < 4.0
    assert any("on 30 frames without the marker" in n for n in own.notes)
    assert not own.flags["poor_fit"][INNER].any()


def test_no_marker_on_the_standing_frames_falls_back_to_neutral():
    track, rep, load = _rounded(25.0)
    bar_y = track.points["bar"][:, 1]
    track.points["sacrum"][bar_y > bar_y.max() - 0.05] = np.nan  # hidden whenever standing
    own = rep_through_model(track, load, mass=85)
    assert not own.lumbar_measured and not own.angles["lumbar"].any()
    assert not own.flags["lumbar_missing"].any()
    assert any("standing frames" in n and "not measured" in n for n in own.notes)


def test_a_marker_gap_in_a_file_is_flagged():
    import io
    import warnings

    from hinge_sim.video.synthetic import csv_text
    from hinge_sim.video.tracking import TrackWarning, read_track
    track, rep, load = _rounded(25.0)
    lines = csv_text(track, digits=5).splitlines()
    cols = [k for k, h in enumerate(lines[0].split(",")) if h.startswith("sacrum_")]
    assert len(cols) == 2
    for i in range(111, 116):  # five rows blank: lines 112-116, frames 110-114
        cells = lines[i].split(",")
        for k in cols:
            cells[k] = ""
        lines[i] = ",".join(cells)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TrackWarning)
        back = read_track(io.StringIO("\n".join(lines) + "\n"))
    own = rep_through_model(back, load, mass=85)
    assert np.flatnonzero(own.flags["lumbar_missing"]).tolist() == list(range(110, 115))
    assert not own.flags["missing"].any()  # the needed points are all there
    assert np.max(_lumbar_error(own, rep)[INNER]) < 2.5


def test_a_marker_on_the_hip_itself_is_named_and_not_used():
    track, rep, load = _rounded(25.0)
    track.points["sacrum"] = track.points["hip"] + [-0.02, 0.01]  # 2 cm from the hip marker
    own = rep_through_model(track, load, mass=85)
    assert not own.lumbar_measured and not own.angles["lumbar"].any()
    assert any("never 5 cm or more from the hip marker" in n for n in own.notes)
