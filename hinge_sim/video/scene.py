"""Side-view frames of a lift for the project's own test videos (numpy only).

Usage
-----
1. ``frames = render(points, size=(640, 360), plate_radius=60)`` where
   ``points["bar"]`` is (N, SUB, 2) px: the plate centre at :data:`SUB` instants
   across each frame's exposure (x right, y down); ``"foot"``, ``"knee"``,
   ``"hip"`` and ``"shoulder"`` add the lifter's limbs behind the plate, and
   ``"sacrum"`` a marker taped on the back of the pelvis.
2. ``decode.write_video("lift.mp4", frames, fps)`` encodes them.
3. ``sample_video("rdl_3111_px.csv")`` renders a packaged sample track's lift:
   the frames, their times, and the pixel scale of the CSV it matches.

What is drawn: a smooth random texture (blurred noise), the limbs as grey
bands, a light dot for a taped marker (:data:`MARKERS`: the ``sacrum`` on the
back of the pelvis), then a dark plate with a light hub over them (the plate is nearest the
camera), each frame averaged over its exposure (motion blur), plus sensor
noise. The plate's edge is hard (no anti-aliasing), the hardest case for a
sub-pixel rim fit.
"""
import numpy as np

SUB = 5  # instants averaged across one exposure (motion blur) [A]
SHUTTER = 0.5  # exposure as a share of the frame interval (1/60 s at 30 frames/s) [A]
GREY = {"background": 130.0, "texture": 60.0, "plate": 45.0, "hub": 200.0, "limb": 95.0,
        "marker": 235.0}
NOISE = 4.0  # grey levels, 1 s.d., sensor noise [A]
LIMBS = (("foot", "knee"), ("knee", "hip"), ("hip", "shoulder"), ("shoulder", "bar"),
         ("hip", "sacrum"))  # the last: the pelvis, when the back marker is drawn
LIMB_WIDTH = 0.25  # limb half-width as a share of the plate radius (about 6 cm) [A]
MARKERS = ("sacrum",)  # points drawn as a taped marker (a light dot) over the limbs
MARKER_RADIUS = 0.15  # marker radius as a share of the plate radius (about 3.4 cm) [A]


def exposure_times(times, fps):
    """(N, SUB) instants (s) across each frame's exposure, which opens at the frame's time."""
    return np.asarray(times, float)[:, None] + np.linspace(0, SHUTTER / fps, SUB)[None, :]


def background(size, seed=5):
    """A smooth grey texture (H, W) and the random generator that made it."""
    w, h = size
    rng = np.random.default_rng(seed)
    tex = rng.normal(0, 1, (h, w))
    for axis in (0, 1):  # a smooth texture: blurred noise
        tex = np.apply_along_axis(np.convolve, axis, tex, np.ones(9) / 9, mode="same")
    return GREY["background"] + GREY["texture"] * tex / tex.std(), rng


def _paint(frame, a, b, radius, grey):
    """Set every pixel within ``radius`` px of the segment a-b (a point when a is b) to ``grey``."""
    h, w = frame.shape
    lo = np.floor(np.minimum(a, b) - radius - 1).astype(int).clip(0, [w, h])
    hi = np.ceil(np.maximum(a, b) + radius + 2).astype(int).clip(0, [w, h])
    if np.any(hi <= lo):
        return
    yy, xx = np.mgrid[lo[1]:hi[1], lo[0]:hi[0]].astype(float)
    d = b - a
    u = np.clip(((xx - a[0]) * d[0] + (yy - a[1]) * d[1]) / max(float(d @ d), 1e-9), 0, 1)
    near = np.hypot(xx - a[0] - u * d[0], yy - a[1] - u * d[1]) <= radius
    frame[lo[1]:hi[1], lo[0]:hi[0]][near] = grey


def render(points, size=(640, 360), plate_radius=60.0, seed=5, noise=NOISE):
    """Yield grey uint8 frames of the plate (and limbs) at the given positions.

    Parameters
    ----------
    points : dict
        Name -> (N, SUB, 2) px positions across each frame's exposure; ``"bar"``
        is required.
    size : (int, int)
        Frame width and height (px).
    plate_radius : float
        Plate radius (px).
    seed : int
        Texture and noise seed.
    noise : float
        Sensor noise (grey levels, 1 s.d.).

    Yields
    ------
    ndarray (H, W) uint8
    """
    base, rng = background(size, seed)
    bar = np.asarray(points["bar"], float)
    limbs = [(a, b) for a, b in LIMBS if a in points and b in points]
    dots = [m for m in MARKERS if m in points]
    for i in range(bar.shape[0]):
        img = np.zeros(base.shape)
        for k in range(bar.shape[1]):
            frame = base.copy()
            for a, b in limbs:
                _paint(frame, np.asarray(points[a][i, k], float),
                       np.asarray(points[b][i, k], float), LIMB_WIDTH * plate_radius,
                       GREY["limb"])
            for m in dots:
                at = np.asarray(points[m][i, k], float)
                _paint(frame, at, at, MARKER_RADIUS * plate_radius, GREY["marker"])
            _paint(frame, bar[i, k], bar[i, k], plate_radius, GREY["plate"])
            _paint(frame, bar[i, k], bar[i, k], 0.2 * plate_radius, GREY["hub"])
            img += frame / bar.shape[1]
        yield np.clip(img + rng.normal(0, noise, img.shape), 0, 255).astype(np.uint8)


def sample_video(name="rdl_3111_px.csv", fps=30, seconds=None, shrink=2):
    """Render the lift of a packaged sample track as video frames.

    Parameters
    ----------
    name : str
        A sample in pixels (:data:`sample_tracks.SAMPLES`).
    fps : int
        Video frame rate (frames/s).
    seconds : float, optional
        Length of the clip from the start (s); all of it when omitted.
    shrink : int
        The video is this many times smaller than the CSV's pixels.

    Returns
    -------
    frames : list of ndarray (H, W) uint8
    times : ndarray (s)
    plate_px : float
        The plate's diameter in the sample CSV's pixels (its ``plate_px``).
    """
    from .sample_tracks import ORIGIN_PX, SAMPLES, positions
    spec = SAMPLES[name]
    if spec["units"] != "px":
        raise ValueError(f"sample {name!r} is in {spec['units']}; a video needs a pixel sample")
    fine = fps * round(SUB / SHUTTER)  # SUB instants in the open half of each frame interval
    t_fine, pts = positions({**spec, "fps": fine})
    n = t_fine.size // (fine // fps)
    if seconds is not None:
        n = min(n, int(seconds * fps))
    idx = np.arange(n)[:, None] * (fine // fps) + np.arange(SUB)[None, :]
    scale = spec["px_per_m"] / shrink
    origin = np.array(ORIGIN_PX) / shrink
    px = {m: origin + pts[m][idx] * [scale, -scale] for m in spec["markers"]}
    width = int(np.ceil((origin[0] + 0.9 * scale) / 16) * 16)
    height = int(np.ceil((origin[1] + 0.05 * scale) / 8) * 8)
    frames = list(render(px, (width, height), 0.225 * scale))
    return frames, np.arange(n) / fps, 0.45 * spec["px_per_m"]
