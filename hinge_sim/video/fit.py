"""The athlete's own rep through the model: limb lengths, joint angles, L5/S1 loads per frame.

Usage
-----
1. ``track = read_track("set.csv", plate_px=182)`` with ``bar``, ``foot``
   (midfoot on the floor), ``knee``, ``hip`` and ``shoulder`` tracked, and
   optionally ``sacrum`` (a marker on the back of the pelvis).
2. ``own = rep_through_model(track, hs.presets.load("RDL", 60), mass=80, sex="male")``
3. ``own.body`` (fitted lengths), ``own.angles["hip"]`` (deg per frame),
   ``own.result.disc["compression"]`` (N per frame), ``own.flags["poor_fit"]``.

How
---
The model's ankle sits ``ankle_height`` above the floor and ``midfoot_x``
behind the midfoot, so the tracked foot point gives the ankle. The shank is
the ankle-knee line, the thigh the knee-hip line. Stature and the thigh, shank
and torso proportions are fitted to the median tracked lengths. With a
``sacrum`` marker the pelvis has its own angle and the thorax runs from
L5/S1 to the shoulder, so the lumbar flexion is measured, 0 at the athlete's
own standing frames (:mod:`hinge_sim.video.pelvis`); without it the
hip-shoulder line is the pelvis and trunk together, **lumbar flexion is not
measured**, it is taken as 0 and all trunk flexion is put at the hip, so disc
loads are those of a neutral spine at that trunk angle. Angles are low-passed
(zero lag, 6 Hz) and differentiated for the same inverse dynamics as
:func:`hinge_sim.simulate`. A frame is flagged ``poor_fit`` when a model point
misses its tracked point by more than :data:`FIT_TOLERANCE`, ``missing`` when
a needed point's value was filled in, and ``lumbar_missing`` when the track
has a ``sacrum`` marker but not on that frame (its lumbar flexion is filled
in between the frames that have it).
"""
import dataclasses

import numpy as np

from . import filtering
from .pelvis import MARKER, split_trunk, standing_frames

FIT_TOLERANCE = 0.03  # m: a model point this far from its tracked point is a poor fit [A]
NEEDED = ("bar", "foot", "knee", "hip", "shoulder")


@dataclasses.dataclass
class OwnRep:
    """A tracked rep run through the model.

    Attributes
    ----------
    t : ndarray (N,)
        Time (s), evenly spaced.
    body : Body
        The fitted lifter.
    lengths : dict
        Tracked (median) and model lengths (m) of ``shank``, ``thigh`` and
        ``hip-shoulder``: name -> (tracked, model).
    angles : dict
        ``knee``, ``hip`` and ``lumbar`` flexion (deg; lumbar 0 when not
        measured, see ``lumbar_measured``), ``trunk`` (thorax) and ``pelvis``
        angles from vertical (deg) per frame.
    result : Result
        The model's loads per frame (``moments``, ``disc``, ``metrics``...).
    flags : dict
        ``poor_fit``, ``missing``, ``lumbar_missing`` (bool per frame) and
        ``error`` (largest model-to-track distance per frame, m).
    notes : list of str
        Assumptions and what was clipped.
    points : dict
        The model's points (``ankle``, ``knee``, ``hip``, ``shoulder``,
        ``hand``, ``bar``, ``head``...) per frame in the track's frame (m),
        to draw the fitted figure over the video.
    """

    t: np.ndarray
    body: object
    lengths: dict
    angles: dict
    result: object
    flags: dict
    notes: list
    points: dict = None
    lumbar_measured: bool = False


def _angle(v):
    """Clockwise angle from vertical (rad) of vectors (..., 2)."""
    return np.arctan2(v[..., 0], v[..., 1])


def _model_lengths(body):
    from ..model.chain import joint_offsets, rotate
    seg, j = body.segments, joint_offsets(body)
    hs = rotate(np.deg2rad(body.pelvis_tilt), 0.0, seg["pelvis"].length) + np.array(
        [0.0, j["arm"][1]])
    return {"shank": seg["shank"].length, "thigh": seg["thigh"].length,
            "hip-shoulder": float(np.hypot(*hs))}, float(_angle(hs))


def fit_body(tracked, mass=75.0, sex="male", notes=None):
    """Fit stature and the shank, thigh and torso proportions to tracked lengths.

    Parameters
    ----------
    tracked : dict
        ``shank``, ``thigh``, ``hip-shoulder`` lengths (m).
    mass : float
        Body mass (kg).
    sex : {"male", "female"}
    notes : list, optional
        Receives a note when a proportion hits the model's 0.8-1.2 range.

    Returns
    -------
    Body
    """
    from ..model.body import Body
    base = _model_lengths(Body(1.75, mass, sex))[0]
    stature = 1.75 * float(np.mean([tracked[k] / base[k] for k in base]))
    if not 1.2 <= stature <= 2.2:
        raise ValueError(f"the tracked limbs give a stature of {stature:.2f} m, outside 1.2 to "
                         "2.2 m: check the scale and that foot, knee, hip and shoulder are the "
                         "right points")
    factors = {"shank": 1.0, "thigh": 1.0, "torso": 1.0}
    for _ in range(4):
        model = _model_lengths(Body(stature, mass, sex, **factors))[0]
        for key, name in (("shank", "shank"), ("thigh", "thigh"), ("torso", "hip-shoulder")):
            factors[key] *= tracked[name] / model[name]
        factors = {k: float(np.clip(v, 0.8, 1.2)) for k, v in factors.items()}
    clipped = [k for k, v in factors.items() if v in (0.8, 1.2)]
    if clipped and notes is not None:
        notes.append(f"proportions {clipped} reached the model's limit (0.8 to 1.2)")
    return Body(stature, mass, sex, **factors)


def rep_through_model(track, load, mass=75.0, sex="male", bracing=0.0, cutoff_hz=6.0):
    """Run a tracked lift through the model's inverse dynamics, frame by frame.

    Parameters
    ----------
    track : Track
        With ``bar``, ``foot``, ``knee``, ``hip`` and ``shoulder`` points, and
        optionally ``sacrum`` (NaN, or filled in, where it was not seen).
    load : Load
        The load lifted (e.g. ``hinge_sim.presets.load("RDL", 60)``).
    mass : float
        The lifter's body mass (kg), 30 to 200.
    sex : {"male", "female"}
    bracing : float
        0 relaxed to 1 full brace.
    cutoff_hz : float
        Low-pass cutoff (Hz) of the angles before differentiation.

    Returns
    -------
    OwnRep
    """
    from ..model.analysis import analyze_angles
    from ..model.chain import rotate
    from ..model.checks import check_range
    missing = [p for p in NEEDED if p not in track.points]
    if missing:
        raise ValueError(f"{track.source}: the model needs {', '.join(NEEDED)} tracked; "
                         f"missing {missing}")
    bracing = float(check_range("bracing", bracing, 0.0, 1.0))
    dt = float(np.median(np.diff(track.t)))
    t = track.t[0] + dt * np.arange(int(round((track.t[-1] - track.t[0]) / dt)) + 1)
    fps = 1.0 / dt
    pts = {k: np.stack([np.interp(t, track.t, track.points[k][:, i]) for i in (0, 1)], -1)
           for k in NEEDED}
    notes = []
    tracked = {"thigh": float(np.median(np.hypot(*(pts["hip"] - pts["knee"]).T))),
               "hip-shoulder": float(np.median(np.hypot(*(pts["shoulder"] - pts["hip"]).T)))}
    from ..model.body import Body
    probe = Body(1.75, mass, sex)
    ankle_offset = np.array([-probe.midfoot_x, probe.ankle_height]) / 1.75  # per m of stature
    stature_guess = 1.75
    for _ in range(3):  # the ankle's place on the foot scales with stature
        ankle = pts["foot"] + ankle_offset * stature_guess
        tracked["shank"] = float(np.median(np.hypot(*(pts["knee"] - ankle).T)))
        body = fit_body(tracked, mass, sex, notes)
        stature_guess = body.stature
    ankle = pts["foot"] + np.array([-body.midfoot_x, body.ankle_height])
    model, _ = _model_lengths(body)
    seg = body.segments
    marker = _marker(track, t)
    split = split_trunk(pts["hip"], pts["shoulder"], marker, standing_frames(pts["bar"][:, 1]),
                        seg["pelvis"].length, body.pelvis_tilt)
    notes.insert(0, split["note"])
    theta = {k: filtering.lowpass(v, fps, cutoff_hz) for k, v in (
        ("shank", _angle(pts["knee"] - ankle)), ("thigh", _angle(pts["hip"] - pts["knee"])),
        ("pelvis", split["pelvis"]), ("trunk", split["trunk"]))}
    theta["head"] = theta["trunk"]
    theta["load"] = np.zeros_like(t)
    from ..model.chain import kinematics
    zeros = {k: np.zeros_like(v) for k, v in theta.items()}
    shoulder = kinematics(body, load, {**theta, "arm": np.zeros_like(t)}, zeros | {"arm": 0 * t},
                          zeros | {"arm": 0 * t}, np.array([0.0, body.ankle_height]))["origin"]
    shoulder = shoulder["arm"][0]
    offset = ankle - np.array([0.0, body.ankle_height])  # model frame -> track frame (m)
    bar_local = pts["bar"] - offset
    sin_arm = (shoulder[:, 0] - bar_local[:, 0]) / seg["arm"].length
    reach = np.abs(sin_arm) <= 1
    theta["arm"] = filtering.lowpass(np.arcsin(np.clip(sin_arm, -1, 1)), fps, cutoff_hz)
    omega = {k: filtering.derivative(v, fps) for k, v in theta.items()}
    alpha = {k: filtering.derivative(v, fps) for k, v in omega.items()}
    knee = np.rad2deg(theta["shank"] - theta["thigh"])
    hip = np.rad2deg(theta["pelvis"] - theta["thigh"]) - body.pelvis_tilt
    lumbar = (np.rad2deg(theta["trunk"] - theta["pelvis"]) + body.pelvis_tilt
              if split["offset"] is not None else np.zeros_like(t))
    result = analyze_angles(body, load, theta, omega, alpha, knee=knee, hip=hip, lumbar=lumbar,
                            problems={"reach": ~reach}, bracing=bracing)
    points = {k: v + offset for k, v in result.points.items() if np.ndim(v) == 2}
    error = np.zeros_like(t)
    for name, model_name in (("knee", "knee"), ("hip", "hip"), ("shoulder", "shoulder"),
                             ("bar", "bar")):
        miss = np.hypot(*(points[model_name] - pts[name]).T)
        error = np.maximum(error, miss)
    seen = split["seen"]
    if split["offset"] is not None:  # the marker, rigid on the fitted pelvis
        reach_m = float(np.median(np.hypot(*(marker[seen] - pts["hip"][seen]).T)))
        points[MARKER] = points["hip"] + rotate(theta["pelvis"] + split["offset"], 0.0, reach_m)
        error[seen] = np.maximum(error[seen],
                                 np.hypot(*(points[MARKER][seen] - marker[seen]).T))
    filled = getattr(track, "filled", None) or {}
    missing_mask = np.zeros(t.size, bool)
    for name, mask in filled.items():
        if name in NEEDED:
            missing_mask |= np.interp(t, track.t, mask.astype(float)) >= 0.5
    flags = {"poor_fit": error > FIT_TOLERANCE, "missing": missing_mask,
             "lumbar_missing": ~seen if split["offset"] is not None else np.zeros(t.size, bool),
             "error": error}
    angles = {"knee": knee, "hip": hip, "lumbar": lumbar, "trunk": np.rad2deg(theta["trunk"]),
              "pelvis": np.rad2deg(theta["pelvis"])}
    return OwnRep(t=t, body=body, lengths={k: (tracked[k], model[k]) for k in model},
                  angles=angles, result=result, flags=flags, notes=notes, points=points,
                  lumbar_measured=split["offset"] is not None)


def _marker(track, t):
    """The ``sacrum`` marker on the time grid ``t`` (m), NaN where it was not seen; or None."""
    if MARKER not in track.points:
        return None
    xy = np.asarray(track.points[MARKER], float)
    filled = (getattr(track, "filled", None) or {}).get(MARKER)
    ok = np.all(np.isfinite(xy), axis=-1)
    if filled is not None:
        ok &= ~np.asarray(filled, bool)
    if not ok.any():
        return np.full((t.size, 2), np.nan)
    out = np.stack([np.interp(t, track.t[ok], xy[ok, i]) for i in (0, 1)], -1)
    out[np.interp(t, track.t, ok.astype(float)) < 0.5] = np.nan
    return out
