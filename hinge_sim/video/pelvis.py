r"""Pelvis and thorax angles from a marker on the back of the pelvis: the lumbar flexion on video.

From the hip and shoulder points alone the hip-shoulder chord holds hip and
lumbar flexion together. One more point fixed on the pelvis (tape on the skin
over the sacrum, or over the posterior superior iliac spine on the camera's
side: :data:`MARKER`) gives the pelvis its own angle; the thorax is then the
line from the model's L5/S1 (one pelvis length from the hip along the pelvis)
to the shoulder::

        shoulder o
                  \         thorax: L5/S1 -> shoulder
                   \
             L5/S1  o       one pelvis length from the hip, along the pelvis
     sacrum x      /
              \   /         pelvis: hip -> sacrum marker, less the marker's
               \ /          angle on the pelvis (set from the standing frames)
            hip o

Where the marker sits on the pelvis is not measured: its angle on the pelvis
is set so that the lumbar flexion is 0 (the median) over the athlete's own
standing frames (the top of each rep: :func:`standing_frames`), as the model
measures lumbar flexion from the standing curve (docs/model.md section 1).
So the marker can be anywhere on the back of the pelvis, away from the hip.

Usage
-----
1. ``standing = standing_frames(bar_y)``
2. ``split = split_trunk(hip, shoulder, marker, standing, pelvis_length, tilt_deg)``
3. ``split["pelvis"]``, ``split["trunk"]`` (rad), ``split["lumbar"]`` (deg),
   ``split["seen"]`` (bool per frame), ``split["note"]``.

Assumptions [A]: the marker moves with the pelvis (skin over bone slides a
few millimetres); the athlete stands with a neutral lower back at the top of
the rep; the thorax is rigid from L5/S1 to the shoulder, as in the model's
inverse dynamics.
"""
import numpy as np

from ..model.chain import rotate

MARKER = "sacrum"  # point name of the marker on the back of the pelvis
STANDING_BAND = 0.01  # m: frames with the bar this close to its top count as standing [A]
MIN_STANDING = 5  # standing frames with the marker seen, needed to set neutral [A]
MIN_REACH = 0.05  # m: a marker nearer the hip than this gives a noisy pelvis angle [A]


def _angle(v):
    """Clockwise angle from vertical (rad) of vectors (..., 2)."""
    return np.arctan2(v[..., 0], v[..., 1])


def standing_frames(bar_y):
    """Frames where the lifter stands: the bar within :data:`STANDING_BAND` of its top.

    Parameters
    ----------
    bar_y : ndarray (N,)
        Bar height (m, up positive) per frame.

    Returns
    -------
    ndarray (N,) of bool
    """
    bar_y = np.asarray(bar_y, float)
    return bar_y >= np.percentile(bar_y, 95) - STANDING_BAND


def _trunk(hip, shoulder, pelvis, length):
    """Thorax angle (rad): the line from L5/S1 (``length`` along the pelvis) to the shoulder."""
    return _angle(shoulder - hip - rotate(pelvis, 0.0, length))


def pelvis_for(hip, shoulder, lumbar_rad, length, tilt):
    """Pelvis angle (rad) giving lumbar flexion ``lumbar_rad`` with the tracked hip and shoulder.

    Solves ``trunk(pelvis) - pelvis + tilt = lumbar`` by fixed-point steps (the
    thorax turns by about a fifth of a pelvis turn, so each step cuts the
    error about five times).
    """
    pelvis = _angle(shoulder - hip) + tilt - lumbar_rad
    for _ in range(30):
        pelvis = _trunk(hip, shoulder, pelvis, length) + tilt - lumbar_rad
    return pelvis


def split_trunk(hip, shoulder, marker, standing, length, tilt_deg):
    """Pelvis and thorax angles and the lumbar flexion, frame by frame.

    Parameters
    ----------
    hip, shoulder : ndarray (N, 2)
        Tracked hip and shoulder (m), every frame.
    marker : ndarray (N, 2) or None
        The marker on the back of the pelvis (m); NaN where it was not seen.
        None: no marker, the spine is taken as neutral.
    standing : ndarray (N,) of bool
        The athlete's standing frames (:func:`standing_frames`).
    length : float
        The model's pelvis length, hip to L5/S1 (m).
    tilt_deg : float
        The model's standing pelvis tilt (deg).

    Returns
    -------
    dict
        ``pelvis``, ``trunk`` (rad per frame, unfiltered), ``lumbar`` (deg per
        frame), ``seen`` (bool per frame: the marker measured the lumbar
        flexion there), ``offset`` (the marker's angle on the pelvis, rad, or
        None), ``note`` (how the lumbar flexion was found, in words).
    """
    tilt = np.deg2rad(tilt_deg)
    n = hip.shape[0]
    seen = np.zeros(n, bool) if marker is None else np.all(np.isfinite(marker), axis=-1)
    found = seen.any()
    if found:
        reach = np.hypot(*(marker[seen] - hip[seen]).T)
        seen[seen] = reach >= MIN_REACH
    base = standing & seen
    if marker is None or base.sum() < MIN_STANDING:
        if marker is None or not found:
            why = "no marker on the back of the pelvis"
        elif not seen.any():
            why = (f"the {MARKER} marker is never {100 * MIN_REACH:.0f} cm or more from the hip "
                   "marker: tape it further back on the pelvis")
        else:
            why = (f"the {MARKER} marker is seen on {int(base.sum())} standing frames (at least "
                   f"{MIN_STANDING} set its neutral)")
        pelvis = pelvis_for(hip, shoulder, 0.0, length, tilt)
        return {"pelvis": pelvis, "trunk": _trunk(hip, shoulder, pelvis, length),
                "lumbar": np.zeros(n), "seen": np.zeros(n, bool), "offset": None,
                "note": f"lumbar flexion is not measured ({why}): taken as 0, all trunk flexion "
                        "at the hip"}
    psi = np.full(n, np.nan)
    psi[seen] = _angle(marker[seen] - hip[seen])

    def lumbar(offset):
        pelvis = psi - offset
        return _trunk(hip, shoulder, pelvis, length) - pelvis + tilt

    # the marker's angle on the pelvis: lumbar flexion 0 over standing (median: the band
    # also holds the first frames of each lowering)
    offset = float(np.median(psi[base] - _angle(shoulder[base] - hip[base]) - tilt))
    for _ in range(50):
        step = float(np.median(lumbar(offset)[base]))
        offset -= step / 1.2  # d(lumbar)/d(offset) is about 1.2 (the thorax turns back a little)
        if abs(step) < 1e-10:
            break
    lam = lumbar(offset)
    k = np.arange(n)
    lam = np.interp(k, k[seen], lam[seen])  # not seen: a straight line between seen frames
    pelvis = psi - offset
    pelvis[~seen] = pelvis_for(hip[~seen], shoulder[~seen], lam[~seen], length, tilt)
    missing = int(n - seen.sum())
    note = (f"lumbar flexion measured from the {MARKER} marker, 0 = the athlete's standing "
            f"frames ({int(base.sum())} frames)")
    if missing:
        note += (f"; on {missing} frames without the marker it is filled in by a straight line "
                 "between the nearest frames with it")
    return {"pelvis": pelvis, "trunk": _trunk(hip, shoulder, pelvis, length),
            "lumbar": np.rad2deg(lam), "seen": seen, "offset": offset, "note": note}
