"""Track the plate's centre on video frames and calibrate from its diameter (numpy only).

Usage
-----
1. Decode the video into grey frames (H, W) and their times (s), e.g. with
   PyAV: ``[(f.to_ndarray(format="gray"), float(f.time)) for f in
   av.open(path).decode(video=0)]``.
2. ``track = track_plate(frames, times)`` (or ``seed=(x, y, r)`` px from a
   click on the first frame) -> a :class:`tracking.Track` with the ``bar``
   in metres, scaled from the plate's 0.45 m diameter, ready for
   :func:`barpath.analyze_track`.

How
---
The plate is a large circle. Without a seed, the first frame's gradient is
correlated by FFT with rings of a range of radii whose kernel points along
the radius, so only edges that run round a centre add up (a textured
background's do not); the best ring is the plate. In each frame, 72 rays
from the predicted centre find the strongest radial edge between 0.7 and
1.3 plate radii; a circle
fitted to those edge points (algebraic least squares, outliers dropped)
gives the centre and radius. The scale is the plate diameter over the
median fitted diameter (px). Frames where the fit leans on too few rays are
left empty and filled like any gap.
"""
import numpy as np

from .tracking import PLATE_DIAMETER, Track

RAYS = 72  # directions searched for the rim [A]
MIN_RIM_SHARE = 0.5  # a frame needs half the rays on the rim to count [A]


def _edges(img):
    """Image gradient (gx, gy) per px."""
    gy, gx = np.gradient(np.asarray(img, dtype=float))
    return gx, gy


def find_plate(frame, radius_px=(20, 200)):
    """Centre and radius (px) of the strongest large circle on a grey frame.

    Parameters
    ----------
    frame : ndarray (H, W)
        Grey levels.
    radius_px : (float, float)
        Smallest and largest plate radius to look for (px).

    Returns
    -------
    (x, y, r) : floats, px (x right, y down).
    """
    gx, gy = _edges(frame)
    h, w = gx.shape
    lo, hi = radius_px
    radii = np.geomspace(max(lo, 4), min(hi, min(h, w) / 2), 24)
    sx, sy = np.fft.rfft2(gx), np.fft.rfft2(gy)
    yy, xx = np.mgrid[:h, :w]
    dy = np.where(yy > h // 2, yy - h, yy).astype(float)
    dx = np.where(xx > w // 2, xx - w, xx).astype(float)
    dist = np.hypot(dx, dy)
    ux, uy = dx / np.maximum(dist, 1e-9), dy / np.maximum(dist, 1e-9)
    best = (-np.inf, 0, 0, 0)
    for r in radii:  # a rim's gradient points along the radius, all round
        ring = (np.abs(dist - r) <= 1.0).astype(float)  # summed: the most rim running round
        score = np.abs(np.fft.irfft2(sx * np.conj(np.fft.rfft2(ring * ux))
                                     + sy * np.conj(np.fft.rfft2(ring * uy)), s=(h, w)))
        whole = (xx >= r) & (xx <= w - 1 - r) & (yy >= r) & (yy <= h - 1 - r)
        score = np.where(whole, score, 0.0)  # the plate lies inside the picture
        i = int(np.argmax(score))
        if score.flat[i] > best[0]:
            best = (score.flat[i], i % w, i // w, r)
    _, x, y, r = best
    return _fit((gx, gy), float(x), float(y), float(r)) or (float(x), float(y), float(r))


def _fit(grad, x, y, r):
    """Refine (x, y, r) from the strongest radial edge along each ray; None when the rim is lost."""
    gx, gy = grad
    h, w = gx.shape
    ang = np.linspace(0, 2 * np.pi, RAYS, endpoint=False)
    steps = np.linspace(0.7 * r, 1.3 * r, max(8, int(0.6 * r)))
    px = x + np.cos(ang)[:, None] * steps[None, :]
    py = y + np.sin(ang)[:, None] * steps[None, :]
    inside = (px >= 0) & (px <= w - 1) & (py >= 0) & (py <= h - 1)
    iy = np.clip(np.rint(py), 0, h - 1).astype(int)
    ix = np.clip(np.rint(px), 0, w - 1).astype(int)
    radial = gx[iy, ix] * np.cos(ang)[:, None] + gy[iy, ix] * np.sin(ang)[:, None]
    # the rim's edge has one sign all round (a dark plate: brighter outside); texture's do not
    sign = 1.0 if np.where(inside, radial, 0).max(1).sum() >= np.where(
        inside, -radial, 0).max(1).sum() else -1.0
    vals = np.where(inside, sign * radial, -1.0)
    rows = np.arange(RAYS)
    k = np.clip(np.argmax(vals, axis=1), 1, steps.size - 2)
    ok = inside[rows, k] & (vals[rows, k] > 0)
    a, b, c = vals[rows, k - 1], vals[rows, k], vals[rows, k + 1]
    curve = a - 2 * b + c
    frac = np.where(curve < 0, 0.5 * (a - c) / np.where(curve < 0, curve, -1.0), 0.0)
    dist = steps[k] + np.clip(frac, -0.5, 0.5) * (steps[1] - steps[0])  # sub-pixel peak
    ex, ey = (x + np.cos(ang) * dist)[ok], (y + np.sin(ang) * dist)[ok]
    for _ in range(3):
        if ex.size < MIN_RIM_SHARE * RAYS:
            return None
        a = np.column_stack([ex, ey, np.ones_like(ex)])
        c, *_ = np.linalg.lstsq(a, ex ** 2 + ey ** 2, rcond=None)
        cx, cy = c[0] / 2, c[1] / 2
        cr = np.sqrt(max(c[2] + cx ** 2 + cy ** 2, 0.0))
        res = np.abs(np.hypot(ex - cx, ey - cy) - cr)
        keep = res <= max(1.0, 2.5 * np.median(res))
        ex, ey = ex[keep], ey[keep]
    return float(cx), float(cy), float(cr)


def track_plate(frames, times, seed=None, plate_diameter=PLATE_DIAMETER, facing="right"):
    """Follow the plate's centre through the frames.

    Parameters
    ----------
    frames : sequence of ndarray (H, W)
        Grey frames.
    times : sequence of float
        Time of each frame (s), increasing.
    seed : (float, float, float), optional
        Plate centre x, y and radius (px) on the first frame; found when omitted.
    plate_diameter : float
        The plate's real diameter (m), 0.2 to 0.6.
    facing : {"right", "left"}
        Which way the lifter faces on the video.

    Returns
    -------
    Track
        ``points["bar"]`` (m, x forward, y up); ``notes`` say how many frames lost the rim.
    """
    from ..model.checks import check_range
    plate_diameter = float(check_range("plate_diameter", plate_diameter, 0.2, 0.6, " m"))
    sign = {"right": 1.0, "left": -1.0}.get(facing)
    if sign is None:
        raise ValueError(f"facing = {facing!r} must be 'right' or 'left'")
    times = np.asarray(times, dtype=float)
    if len(frames) != times.size or times.size < 10:
        raise ValueError(f"{len(frames)} frames and {times.size} times: a video track needs the "
                         "same number of each, at least 10")
    x, y, r = seed if seed is not None else find_plate(frames[0])
    centre = np.full((times.size, 2), np.nan)
    radius = np.full(times.size, np.nan)
    velocity = np.zeros(2)
    for i, frame in enumerate(frames):
        guess = np.array([x, y]) + velocity
        got = _fit(_edges(frame), guess[0], guess[1], r)
        if got is None:
            continue
        nx, ny, nr = got
        velocity = np.array([nx - x, ny - y]) if i else np.zeros(2)
        x, y, r = nx, ny, 0.8 * r + 0.2 * nr
        centre[i], radius[i] = (nx, ny), nr
    lost = int(np.isnan(radius).sum())
    if lost > times.size // 2:
        raise ValueError(f"the plate's rim was lost in {lost} of {times.size} frames: give "
                         "seed=(x, y, radius) px on the first frame")
    good = ~np.isnan(radius)
    idx = np.arange(times.size)
    centre = np.stack([np.interp(idx, idx[good], centre[good, k]) for k in (0, 1)], -1)
    scale = plate_diameter / (2.0 * float(np.median(radius[good])))
    bar = np.stack([sign * scale * centre[:, 0], -scale * centre[:, 1]], -1)
    notes = [f"plate {2 * np.median(radius[good]):.1f} px across: {scale * 1000:.3f} mm per px"]
    if lost:
        notes.append(f"the rim was lost in {lost} frames, filled by a straight line")
    return Track(t=times, points={"bar": bar}, scale=scale, notes=notes, source="<video>",
                 filled={"bar": ~good})
