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
