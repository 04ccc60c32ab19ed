"""Bar path analysis of a tracked set: reps, tempo, drift, midfoot and hip-to-bar.

Usage
-----
1. ``track = hinge_sim.tracking.read_track("set1.csv", plate_px=182)``
2. ``reps = analyze_track(track)`` -> one :class:`RepMeasures` per rep:
   ``reps[0].tempo`` (lowering, bottom pause, rising, top pause in s),
   ``reps[0].drift`` (m, forward positive), ``reps[0].rms_deviation`` (m) ...
3. ``compare_with_model(reps[0], body, top, bottom, load)`` -> tracked and model
   values side by side, the model rep run at the tracked tempo.

How the phases are timed
------------------------
The bar hardly moves down in the first part of a hinge: the trunk turns about
the hips and the bar's height falls like ``1 - cos`` of that angle, so a
threshold on the bar height starts the clock late (0.5 s late in a 3 s
lowering at a 10 % threshold). Instead, the bar height is normalised to its
drop ``f`` (0 at the top, 1 at the bottom) and compared with the model's bar
drop over a minimum-jerk lowering, ``F(tau)``: each frame with ``f`` between
0.1 and 0.9 gives ``tau = F^-1(f)``, and a straight-line fit ``t = t0 + D tau``
gives the start ``t0`` and duration ``D`` of the phase (the rising is the
lowering backwards). The model's ``F`` hardly changes between lifters and
hinge depths (``tau`` at ``f = 0.5`` is 0.61-0.62 for the preset lifters and
postures), which is what makes this fair for bar-only tracks. Pauses are the
gaps between fitted phases; a pause shorter than the fitting noise (about
0.05 s) shows as 0.
"""
import dataclasses
import functools
import warnings

import numpy as np

from .tracking import Track, TrackWarning

FIT_RANGE = (0.1, 0.9)  # part of the drop used to time a phase
SMOOTH_S = 0.1  # s, moving-average window for heights and drift


@dataclasses.dataclass
class RepMeasures:
    """Measures of one tracked rep (SI units).

    Attributes
    ----------
    number : int
        1 for the first rep.
    start, lowered, rise_start, end : float
        Times (s) the lowering starts, the bar reaches the bottom, the rising
        starts and the bar is back at the top.
    lowering, bottom_pause, rising : float
        Phase durations (s).
    top_pause : float or None
        Time (s) at the top before the next rep; None for the last rep.
    depth : float
        How far the bar went down (m).
    drift : float
        Bar x at the bottom minus bar x at the start (m, forward positive).
    max_deviation, rms_deviation : float
        Largest and root-mean-square horizontal distance (m) of the bar from
        the vertical line through its starting position, over the rep.
    bar_to_midfoot : dict or None
        ``start``, ``bottom``, ``largest`` (signed, largest size) bar x minus
        midfoot x (m) when the foot was tracked.
    hip_to_bar : dict or None
        The same for bar x minus hip x (m) when the hip was tracked.
    t : ndarray (M,)
        Time (s) over the rep.
    bar : ndarray (M, 2)
        Bar position (m) over the rep.
    hip_to_bar_series : ndarray (M,) or None
        Bar x minus hip x (m) over the rep.
    """

    number: int
    start: float
    lowered: float
    rise_start: float
    end: float
    lowering: float
    bottom_pause: float
    rising: float
    top_pause: object
    depth: float
    drift: float
    max_deviation: float
    rms_deviation: float
    bar_to_midfoot: object
    hip_to_bar: object
    t: np.ndarray
    bar: np.ndarray
    hip_to_bar_series: object = None

    @property
    def tempo(self):
        """(lowering, bottom pause, rising, top pause) in s; top pause 0 when unknown."""
        return (self.lowering, self.bottom_pause, self.rising, self.top_pause or 0.0)

    @property
    def tempo_text(self):
        """Tempo in coaching notation with tenths of a second, e.g. ``"3.0-1.0-1.1-0.9"``."""
        return "-".join(f"{v:.1f}" for v in self.tempo[:3]) + (
            f"-{self.top_pause:.1f}" if self.top_pause is not None else "-?")


@functools.lru_cache(maxsize=1)
def _default_drop():
    return _model_drop(None, None, None, None)


def _model_drop(body, top, bottom, load):
    """Normalised bar drop F (0..1) over normalised time tau of a model lowering."""
    from ..model import presets
    from ..model.analysis import simulate
    from ..model.loads import Barbell
    rep = simulate(body or presets.lifter("average man"), top or presets.posture("standing"),
                   bottom or presets.posture("textbook hinge"), tempo=(1, 0, 1, 0),
                   load=load or Barbell(40.0), fps=400)
    n = int(np.searchsorted(rep.t, 1.0)) + 1
    y = rep.points["bar"][:n, 1]
    drop = np.maximum.accumulate((y[0] - y) / (y[0] - y[-1]))
    return rep.t[:n], drop


def bar_drop_shape(body=None, top=None, bottom=None, load=None):
    """The model's normalised bar drop over a lowering, used to time phases.

    Parameters
    ----------
    body : Body, optional
        Default: the "average man" preset.
    top, bottom : Posture, optional
        Default: "standing" and "textbook hinge".
    load : Load, optional
        Default: a 40 kg barbell.

    Returns
    -------
    tau : ndarray
        Normalised time, 0 to 1.
    drop : ndarray
        Bar drop as a fraction of the full drop, 0 to 1, non-decreasing.
    """
    if body is top is bottom is load is None:
        return _default_drop()
    return _model_drop(body, top, bottom, load)


def _uniform(track):
    dt = float(np.median(np.diff(track.t)))
    t = np.arange(track.t[0], track.t[-1] + dt / 2, dt)
    pts = {k: np.stack([np.interp(t, track.t, v[:, 0]), np.interp(t, track.t, v[:, 1])], -1)
           for k, v in track.points.items()}
    return t, dt, pts


def _smooth(v, n):
    if n < 2:
        return v
    pad = np.pad(v, (n // 2, n - 1 - n // 2), mode="edge")
    return np.convolve(pad, np.ones(n) / n, mode="valid")


def _noise(v):
    """Robust standard deviation (m) of the frame-to-frame noise, from second differences."""
    d2 = np.diff(v, 2)
    return 1.4826 * float(np.median(np.abs(d2 - np.median(d2)))) / np.sqrt(6.0)


def _level(raw, smooth, window, tol, top):
    """Height of a plateau: the raw mean over frames whose smoothed height is within
    ``tol`` of the window's highest (top) or lowest point. Unbiased by noise,
    unlike the max or min of the smoothed curve.
    """
    y = smooth[window]
    near = y >= y.max() - tol if top else y <= y.min() + tol
    return float(raw[window][near].mean())


def _cut_off(y, outside, top, bottom):
    """True when the bar never gets back near the top (within 10 % of the drop) outside a rep."""
    return y[outside].max() < top - 0.1 * (top - bottom)


def _fit_phase(t, f, shape, rising, label):
    tau_grid, drop = shape
    use = (f >= FIT_RANGE[0]) & (f <= FIT_RANGE[1])
    if use.sum() < 3:
        raise ValueError(f"{label}: only {use.sum()} frames between 10 % and 90 % of the drop; "
                         "the video needs a higher frame rate to time this phase")
    tau = np.interp(f[use], drop, tau_grid)
    if rising:
        tau = 1.0 - tau
    slope, start = np.polyfit(tau, t[use], 1)
    return float(start), float(slope)


def _summary(values, i_start, i_bottom):
    largest = values[np.argmax(np.abs(values))]
    return {"start": float(values[i_start]), "bottom": float(values[i_bottom]),
            "largest": float(largest)}


def analyze_track(track, min_depth=0.10, shape=None):
    """Split a track into reps and measure each one.

    Parameters
    ----------
    track : Track
        From :func:`hinge_sim.tracking.read_track`.
    min_depth : float
        Least bar drop (m) that counts as a rep, 0.03 to 1.
    shape : (tau, drop), optional
        From :func:`bar_drop_shape` for a particular lifter and hinge; the
        default shape suits the preset lifters and hinges.

    Returns
    -------
    list of RepMeasures

    Raises
    ------
    ValueError
        When there is no complete rep (the message says how far the bar moved).
    """
    from ..model.checks import check_range
    if not isinstance(track, Track):
        raise ValueError(f"track must be a Track from read_track, got {type(track).__name__}")
    min_depth = float(check_range("min_depth", min_depth, 0.03, 1.0, " m"))
    shape = shape or bar_drop_shape()
    t, dt, pts = _uniform(track)
    n = max(1, int(round(SMOOTH_S / dt)))
    raw = pts["bar"][:, 1]
    x, y = _smooth(pts["bar"][:, 0], n), _smooth(raw, n)
    tol = 4.0 * _noise(raw) / np.sqrt(n) + 1e-4  # m: how far the smoothed plateau wanders
    top = y.max()
    below = y < top - min_depth
    edges = np.flatnonzero(np.diff(np.r_[0, below.astype(int), 0]))
    runs = [(a, b) for a, b in zip(edges[::2], edges[1::2]) if a > 0 and b < len(y)]
    if not runs:
        raise ValueError(f"no complete rep in {track.source}: the bar moved {np.ptp(y):.3f} m up "
                         f"and down; a rep needs a drop of at least min_depth = {min_depth:g} m "
                         "that starts and ends at the top")
    bounds = [0] + [b for _, b in runs]
    reps = []
    for k, (a, b) in enumerate(runs):
        edge = ("start" if k == 0 else "end") if k in (0, len(runs) - 1) else None
        if edge and _cut_off(y, slice(0, a) if edge == "start" else slice(b, len(y)), top,
                             y[a:b].min()):
            warnings.warn(f"{track.source}: the rep at the {edge} of the track is cut off "
                          "and was left out", TrackWarning, stacklevel=2)
            bounds[k + 1] = b
            continue
        label = f"{track.source} rep {k + 1}"
        nxt = runs[k + 1][0] if k + 1 < len(runs) else len(y)
        i_top0 = bounds[k] + int(np.argmax(y[bounds[k]:a]))
        i_top1 = b + int(np.argmax(y[b:nxt]))
        i_low = a + int(np.argmin(y[a:b]))
        top0 = _level(raw, y, slice(bounds[k], a), tol, True)
        top1 = _level(raw, y, slice(b, nxt), tol, True)
        bottom = _level(raw, y, slice(a, b), tol, False)
        down = slice(i_top0, i_low + 1)
        t0, d0 = _fit_phase(t[down], (top0 - y[down]) / (top0 - bottom), shape, False,
                            label + " lowering")
        up = slice(i_low, i_top1 + 1)
        t1, d1 = _fit_phase(t[up], (top1 - y[up]) / (top1 - bottom), shape, True,
                            label + " rising")
        span = (t >= t0) & (t <= t1 + d1)
        i0 = int(np.argmax(span))
        at_bottom = span & (t >= t0 + d0) & (t <= t1)
        x_start = float(np.interp(t0, t, x))
        x_bottom = float(x[at_bottom].mean()) if at_bottom.any() else float(x[i_low])
        dev = x[span] - x_start
        i_b = i_low - i0
        hip = foot = hip_series = None
        if "foot" in pts:
            foot = _summary(x[span] - _smooth(pts["foot"][:, 0], n)[span], 0, i_b)
        if "hip" in pts:
            hip_series = x[span] - _smooth(pts["hip"][:, 0], n)[span]
            hip = _summary(hip_series, 0, i_b)
        reps.append(RepMeasures(
            number=len(reps) + 1, start=t0, lowered=t0 + d0, rise_start=t1, end=t1 + d1,
            lowering=d0, bottom_pause=max(t1 - (t0 + d0), 0.0), rising=d1, top_pause=None,
            depth=top0 - bottom, drift=x_bottom - x_start,
            max_deviation=float(np.max(np.abs(dev))), rms_deviation=float(np.sqrt(np.mean(dev ** 2))),
            bar_to_midfoot=foot, hip_to_bar=hip, t=t[span], bar=np.stack([x, y], -1)[span],
            hip_to_bar_series=hip_series))
    if not reps:
        raise ValueError(f"no complete rep in {track.source}: every rep is cut off by the "
                         "start or the end of the track")
    for this, nxt in zip(reps, reps[1:]):
        this.top_pause = max(nxt.start - this.end, 0.0)
    return reps


@dataclasses.dataclass
class Comparison:
    """A tracked rep next to the model's rep at the same tempo.

    Attributes
    ----------
    rows : list of (str, float, float, str)
        Measure, tracked value, model value, unit.
    t : ndarray
        Time from the start of the lowering (s), on the model's clock.
    tracked_drop, model_drop : ndarray
        Bar drop below the starting height (m) over ``t``.
    model : Rep
        The model rep.
    """

    rows: list
    t: np.ndarray
    tracked_drop: np.ndarray
    model_drop: np.ndarray
    model: object


def compare_with_model(measures, body, top, bottom, load=None, bracing=0.0, fps=50):
    """Run the model at the tracked rep's tempo and put the two side by side.

    Parameters
    ----------
    measures : RepMeasures
        One rep from :func:`analyze_track`.
    body : Body
    top, bottom : Posture
        The model's postures at the top and the bottom.
    load : Load, optional
        Default: a dowel.
    bracing : float
        0 relaxed to 1 full brace.
    fps : float
        Frames per second of the model rep.

    Returns
    -------
    Comparison
    """
    from ..model.analysis import simulate
    tempo = tuple(round(v, 2) for v in measures.tempo)
    rep = simulate(body, top, bottom, tempo=tempo, load=load, fps=fps, bracing=bracing)
    bar = rep.points["bar"]
    model_drop = bar[0, 1] - bar[:, 1]
    tracked_t = measures.t - measures.start
    y0 = np.interp(0.0, tracked_t, measures.bar[:, 1])
    tracked_drop = y0 - np.interp(rep.t, tracked_t, measures.bar[:, 1], right=np.nan)
    i_bottom = int(np.argmax(model_drop))
    model_drift = float(bar[i_bottom, 0] - bar[0, 0])
    model_hip = float(rep.metrics["hip_to_bar"][i_bottom])
    rows = [("lowering", measures.lowering, tempo[0], "s"),
            ("bottom pause", measures.bottom_pause, tempo[1], "s"),
            ("rising", measures.rising, tempo[2], "s"),
            ("bar drop", measures.depth, float(model_drop.max()), "m"),
            ("bar drift at the bottom", measures.drift, model_drift, "m"),
            ("largest distance from the vertical line", measures.max_deviation,
             float(np.max(np.abs(bar[:, 0] - bar[0, 0]))), "m")]
    if measures.hip_to_bar is not None:
        rows.append(("hip-to-bar at the bottom", measures.hip_to_bar["bottom"], model_hip, "m"))
    return Comparison(rows=rows, t=rep.t, tracked_drop=tracked_drop, model_drop=model_drop,
                      model=rep)
