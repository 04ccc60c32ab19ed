"""Track the plate's centre on video frames and calibrate from its diameter (numpy only).

Usage
-----
1. Decode the video into grey frames (H, W) and their times (s):
   ``video = decode.read_video("set1.mp4")`` (PyAV, :mod:`hinge_sim.video.decode`).
2. ``track = track_plate(video.frames, video.times)`` (or ``seed=(x, y, r)`` px
   from a click on the first frame) -> a :class:`tracking.Track` with the
   ``bar`` in metres, scaled from the plate's 0.45 m diameter, ready for
   :func:`barpath.analyze_track`.

How
---
The plate is a large circle whose size does not change in a side view.

- **First frame** (no seed): the gradient is correlated by FFT with rings of
  24 radii whose kernel points along the radius, so only edges that run round
  a centre add up (a textured background's do not); the best ring is the
  plate. Its radius is then refined to 0.5 px by the same ring score.
- **Each frame**: the ring of the plate's radius is slid over a window round
  the predicted centre (the last centre plus its last velocity times the time
  since, so unevenly spaced frames are predicted right) and the position where
  the rim's edge is strongest all round is kept (1 px). This uses the whole
  rim at once, so a dark patch of background next to the plate, whose edge
  beats the rim's on a few rays, cannot pull it.
- **Sub-pixel**: 72 rays from there find the strongest radial edge of the
  rim's sign within :data:`BAND_PX` of the radius (gradients sampled
  bilinearly, peaks interpolated); a circle is fitted to those points
  (algebraic least squares) and points more than 3 robust s.d. off are
  dropped, three times.

The scale is the plate diameter over the median fitted diameter (px). Frames
where fewer than half the rays find the rim are left empty and filled like
any gap. Measured on the project's rendered video in
``tests/test_video_plate.py`` and ``docs/tracks.md`` section 7.
"""
import numpy as np

from .tracking import PLATE_DIAMETER, Track

RAYS = 72  # directions searched for the rim in the sub-pixel fit [A]
RING_POINTS = 96  # samples round the ring when sliding it over the frame [A]
MIN_RIM_SHARE = 0.5  # a frame needs half the rays on the rim to count [A]
BAND_PX = 3.0  # px: the rim is searched this far either side of the plate's radius [A]
OUTLIER_PX = 1.5  # px: a rim point further off the circle gets no weight [A]
REACH = 0.25  # the ring is slid this share of the radius (at least 6 px) round the guess [A]


def _edges(img):
    """Image gradient (gx, gy) per px."""
    gy, gx = np.gradient(np.asarray(img, dtype=float))
    return gx, gy


def _sample(img, x, y):
    """Bilinear interpolation of ``img`` at (x, y) px (arrays, clipped to the image)."""
    h, w = img.shape
    x = np.clip(x, 0.0, w - 1.001)
    y = np.clip(y, 0.0, h - 1.001)
    x0, y0 = x.astype(int), y.astype(int)
    fx, fy = x - x0, y - y0
    top = img[y0, x0] * (1 - fx) + img[y0, x0 + 1] * fx
    return top * (1 - fy) + (img[y0 + 1, x0] * (1 - fx) + img[y0 + 1, x0 + 1] * fx) * fy


def _radial(grad, x, y, ang):
    """Gradient along the direction ``ang`` (rad) at (x, y) px."""
    return _sample(grad[0], x, y) * np.cos(ang) + _sample(grad[1], x, y) * np.sin(ang)


def _ring(grad, cx, cy, r):
    """Mean radial gradient round circles of radius ``r`` at (cx, cy) px (arrays broadcast)."""
    ang = np.linspace(0, 2 * np.pi, RING_POINTS, endpoint=False)
    cx, cy, r = (np.asarray(v, dtype=float)[..., None] for v in (cx, cy, r))
    return _radial(grad, cx + r * np.cos(ang), cy + r * np.sin(ang), ang).mean(-1)


def _best(grad, cx, cy, r, sign):
    """The (cx, cy, r) of the candidate rings (arrays) whose rim edge is strongest."""
    score = sign * _ring(grad, cx, cy, r)
    i = int(np.argmax(score))
    return float(cx.flat[i]), float(cy.flat[i]), float(np.broadcast_to(r, cx.shape).flat[i])


def _locate(grad, x, y, r, sign, reach):
    """Centre (px, 1 px grid) within ``reach`` of (x, y) where the rim's edge is strongest."""
    off = np.arange(-np.ceil(reach), np.ceil(reach) + 1, 2.0)  # coarse, then 1 px
    x, y, _ = _best(grad, *np.meshgrid(x + off, y + off), r, sign)
    off = np.arange(-2.0, 3.0)
    x, y, _ = _best(grad, *np.meshgrid(x + off, y + off), r, sign)
    return x, y


def _rim(grad, x, y, r, sign):
    """Rim points (px): the strongest edge of the rim's sign on each ray, r +- BAND_PX.

    A ray whose strongest edge is at the end of the band (something outside
    it is stronger still) gives no point.
    """
    h, w = grad[0].shape
    ang = np.linspace(0, 2 * np.pi, RAYS, endpoint=False)
    step = 0.25
    steps = r + np.arange(-BAND_PX, BAND_PX + 1e-9, step)
    px = x + np.cos(ang)[:, None] * steps[None, :]
    py = y + np.sin(ang)[:, None] * steps[None, :]
    inside = ((px >= 0) & (px <= w - 1) & (py >= 0) & (py <= h - 1)).all(axis=1)
    vals = sign * _radial(grad, px, py, ang[:, None])
    rows = np.arange(RAYS)
    peak = np.argmax(vals, axis=1)
    k = np.clip(peak, 1, steps.size - 2)
    a, b, c = vals[rows, k - 1], vals[rows, k], vals[rows, k + 1]
    curve = a - 2 * b + c
    frac = np.where(curve < 0, 0.5 * (a - c) / np.where(curve < 0, curve, -1.0), 0.0)
    dist = steps[k] + np.clip(frac, -0.5, 0.5) * step  # sub-pixel peak
    ok = inside & (b > 0) & (peak == k)
    return (x + np.cos(ang) * dist)[ok], (y + np.sin(ang) * dist)[ok]


def _circle(ex, ey, weight=None):
    """Algebraic least-squares circle (cx, cy, r) through points (px), optionally weighted."""
    w = np.sqrt(np.ones_like(ex) if weight is None else weight)
    a = np.column_stack([ex, ey, np.ones_like(ex)]) * w[:, None]
    c, *_ = np.linalg.lstsq(a, (ex ** 2 + ey ** 2) * w, rcond=None)
    cx, cy = c[0] / 2, c[1] / 2
    return float(cx), float(cy), float(np.sqrt(max(c[2] + cx ** 2 + cy ** 2, 0.0)))


def _fit(grad, x, y, r, sign):
    """Sub-pixel (x, y, r) from the rim round (x, y); None when too few rays find it.

    A robust fit (Tukey's biweight, iteratively reweighted, starting from the
    ring the rim was searched round): a point more than :data:`OUTLIER_PX`
    off the circle has no weight, so edges of the background caught on a few
    rays do not move it.
    """
    ex, ey = _rim(grad, x, y, r, sign)
    cx, cy, cr = x, y, r
    for _ in range(6):
        res = np.hypot(ex - cx, ey - cy) - cr
        weight = np.clip(1 - (res / OUTLIER_PX) ** 2, 0, None) ** 2
        if np.count_nonzero(weight) < MIN_RIM_SHARE * RAYS:
            return None
        cx, cy, cr = _circle(ex, ey, weight)
    return cx, cy, cr


def _settle(grad, x, y, r, reach):
    """Centre, radius (0.5 px) and rim sign of the plate near (x, y, r), then the fit.

    The centre and radius are searched together: a ring of the wrong radius
    is best off-centre, towards whatever dark patch lies beside the plate.
    """
    def search(x, y, r, off, radii):
        cx, cy, rr = np.meshgrid(x + off, y + off, radii, indexing="ij")
        score = _ring(grad, cx, cy, rr)
        i = int(np.argmax(np.abs(score)))
        return float(cx.flat[i]), float(cy.flat[i]), float(rr.flat[i]), float(score.flat[i])

    step = max(1.0, np.ceil(reach / 6))
    x, y, r, _ = search(x, y, r, np.arange(-np.ceil(reach), np.ceil(reach) + 1, step),
                        np.arange(0.8 * r, 1.25 * r, 1.0))
    x, y, r, score = search(x, y, r, np.arange(-step, step + 0.5), np.arange(r - 1, r + 1.1, 0.5))
    sign = 1.0 if score >= 0 else -1.0
    return _fit(grad, x, y, r, sign), sign


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
    got, _ = _settle((gx, gy), float(x), float(y), float(r), 2.0)
    return got or (float(x), float(y), float(r))


def track_plate(frames, times, seed=None, plate_diameter=PLATE_DIAMETER, facing="right"):
    """Follow the plate's centre through the frames.

    Parameters
    ----------
    frames : sequence of ndarray (H, W)
        Grey frames.
    times : sequence of float
        Time of each frame (s), increasing.
    seed : (float, float, float), optional
        Plate centre x, y and radius (px) on the first frame, e.g. from a
        click (a few px and about 20 % off is fine); found when omitted.
    plate_diameter : float
        The plate's real diameter (m), 0.2 to 0.6.
    facing : {"right", "left"}
        Which way the lifter faces on the video.

    Returns
    -------
    Track
        ``points["bar"]`` (m, x forward, y up); ``notes`` give the scale and
        how many frames lost the rim; ``filled["bar"]`` marks those frames.
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
    first, rim_sign = _settle(_edges(frames[0]), float(x), float(y), float(r),
                              max(6.0, REACH * r))
    if first is not None:
        x, y, r = first
    centre = np.full((times.size, 2), np.nan)
    radius = np.full(times.size, np.nan)
    velocity, last = np.zeros(2), times[0]  # px/s: frames may be unevenly spaced (phones)
    for i, frame in enumerate(frames):
        grad = _edges(frame)
        ahead = velocity * (times[i] - last)
        gx, gy = _locate(grad, x + ahead[0], y + ahead[1], r, rim_sign,
                         max(6.0, REACH * r))
        got = _fit(grad, gx, gy, r, rim_sign)
        if got is None:
            continue
        nx, ny, nr = got
        velocity = np.array([nx - x, ny - y]) / (times[i] - last) if i and times[i] > last \
            else np.zeros(2)
        x, y, r, last = nx, ny, 0.8 * r + 0.2 * nr, times[i]
        centre[i], radius[i] = (nx, ny), nr
    lost = int(np.isnan(radius).sum())
    if lost > times.size // 2:
        raise ValueError(f"the plate's rim was lost in {lost} of {times.size} frames: give "
                         "seed=(x, y, radius) px on the first frame")
    good = ~np.isnan(radius)
    centre = np.stack([np.interp(times, times[good], centre[good, k]) for k in (0, 1)], -1)
    scale = plate_diameter / (2.0 * float(np.median(radius[good])))
    bar = np.stack([sign * scale * centre[:, 0], -scale * centre[:, 1]], -1)
    notes = [f"plate {2 * np.median(radius[good]):.1f} px across: {scale * 1000:.3f} mm per px"]
    if lost:
        notes.append(f"the rim was lost in {lost} frames, filled by a straight line")
    return Track(t=times, points={"bar": bar}, scale=scale, notes=notes, source="<video>",
                 filled={"bar": ~good})
