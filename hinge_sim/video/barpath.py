"""Bar path analysis of a tracked set: reps, tempo, velocity, drift, midfoot and hip-to-bar.

Usage
-----
1. ``track = hinge_sim.video.tracking.read_track("set1.csv", plate_px=182)``
2. ``reps = analyze_track(track, load_kg=60)`` -> one :class:`RepMeasures` per rep:
   ``reps[0].tempo`` (lowering, bottom pause, rising, top pause in s),
   ``reps[0].velocity.mean`` (m/s), ``reps[0].drift`` (m, forward positive) ...
3. ``compare_with_model(reps[0], body, top, bottom, load)`` -> tracked and model
   values side by side, the model rep run at the tracked tempo.

The phases are timed from the bar's own vertical motion (:mod:`phases`):
no curve shape is assumed, so constant-speed, trapezoidal or lopsided reps
and sticking points are timed as they happened. The bar barely moves in the
first part of a hinge from upright (its height falls like ``1 - cos`` of the
trunk angle), so the lowering starts when the *bar* starts to move.
"""
import dataclasses
import warnings

import numpy as np

from . import filtering, phases
from .tracking import Track, TrackWarning
from .velocity import rep_velocity


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
    velocity : RepVelocity or None
        Bar velocity measures of the rising (:mod:`velocity`).
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
    velocity: object = None

    @property
    def tempo(self):
        """(lowering, bottom pause, rising, top pause) in s; top pause 0 when unknown."""
        return (self.lowering, self.bottom_pause, self.rising, self.top_pause or 0.0)

    @property
    def tempo_text(self):
        """Tempo in coaching notation with tenths of a second, e.g. ``"3.0-1.0-1.1-0.9"``."""
        return "-".join(f"{v:.1f}" for v in self.tempo[:3]) + (
            f"-{self.top_pause:.1f}" if self.top_pause is not None else "-?")


def _cut_off(y, outside, top, bottom):
    """Tell whether the bar never gets back near the top (10 % of the drop) outside a rep."""
    return y[outside].max() < top - 0.1 * (top - bottom)


def _summary(values, i_start, i_bottom):
    largest = values[np.argmax(np.abs(values))]
    return {"start": float(values[i_start]), "bottom": float(values[i_bottom]),
            "largest": float(largest)}


def _level(y, t, at, half=0.1):
    """Mean height (m) within ``half`` s of time ``at``."""
    near = np.abs(t - at) <= half
    return float(y[near].mean()) if near.any() else float(np.interp(at, t, y))


def analyze_track(track, min_depth=0.10, load_kg=None):
    """Split a track into reps and measure each one.

    Parameters
    ----------
    track : Track
        From :func:`hinge_sim.video.tracking.read_track`.
    min_depth : float
        Least bar drop (m) that counts as a rep, 0.03 to 1.
    load_kg : float, optional
        Mass of the load (kg), for the mean concentric power.

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
    cond = phases.condition(track.t, track.points["bar"][:, 1])
    t, y = cond.t, cond.yf
    fast = filtering.lowpass(cond.y, cond.fps)
    speed = filtering.derivative(fast, cond.fps)
    xs = {k: filtering.lowpass(np.interp(t, track.t, track.points[k][:, 0]), cond.fps)
          for k in ("bar", "hip", "foot") if k in track.points}  # forward positions (m)
    x = xs["bar"]
    runs = phases.rep_runs(cond, min_depth)
    if not runs:
        raise ValueError(f"no complete rep in {track.source}: the bar moved {np.ptp(y):.3f} m up "
                         f"and down; a rep needs a drop of at least min_depth = {min_depth:g} m "
                         "that starts and ends at the top")
    top = y.max()
    kept = []
    for k, (a, b) in enumerate(runs):
        edge = ("start" if k == 0 else "end") if k in (0, len(runs) - 1) else None
        if a == 0 or b == len(y) or edge and _cut_off(
                y, slice(0, a) if edge == "start" else slice(b, len(y)), top, y[a:b].min()):
            warnings.warn(f"{track.source}: the rep at the {edge} of the track is cut off "
                          "and was left out", TrackWarning, stacklevel=2)
            continue
        kept.append((a, b))
    if not kept:
        raise ValueError(f"no complete rep in {track.source}: every rep is cut off by the "
                         "start or the end of the track")
    reps = []
    for ev in phases.find_phases(cond, kept):
        t0, t1 = ev.start, ev.end
        span = (t >= t0) & (t <= t1)
        i0 = int(np.argmax(span))
        at_bottom = span & (t >= ev.lowered) & (t <= ev.rise_start)
        x_start = float(np.interp(t0, t, x))
        x_bottom = float(x[at_bottom].mean()) if at_bottom.any() else float(x[ev.i_low])
        dev = x[span] - x_start
        i_b = ev.i_low - i0
        hip = foot = hip_series = None
        if "foot" in xs:
            foot = _summary(x[span] - xs["foot"][span], 0, i_b)
        if "hip" in xs:
            hip_series = x[span] - xs["hip"][span]
            hip = _summary(hip_series, 0, i_b)
        bottom = _level(cond.y, t, 0.5 * (ev.lowered + ev.rise_start),
                        max(0.05, 0.5 * (ev.rise_start - ev.lowered)))
        reps.append(RepMeasures(
            number=len(reps) + 1, start=t0, lowered=ev.lowered, rise_start=ev.rise_start,
            end=t1, lowering=ev.lowered - t0, bottom_pause=ev.rise_start - ev.lowered,
            rising=t1 - ev.rise_start,
            top_pause=None if ev.next_start is None else ev.next_start - t1,
            depth=_level(cond.y, t, t0, 0.1) - bottom, drift=x_bottom - x_start,
            max_deviation=float(np.max(np.abs(dev))),
            rms_deviation=float(np.sqrt(np.mean(dev ** 2))),
            bar_to_midfoot=foot, hip_to_bar=hip, t=t[span], bar=np.stack([x, y], -1)[span],
            hip_to_bar_series=hip_series,
            velocity=rep_velocity(t, fast, speed, t0, ev.lowered, ev.rise_start, t1, load_kg)))
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
        Frames per second of the model rep, raised when a measured phase is too
        short for it (every phase needs :data:`~hinge_sim.model.limits.MIN_PHASE_FRAMES`).

    Returns
    -------
    Comparison
    """
    from ..model.analysis import simulate
    from ..model.limits import MIN_PHASE_FRAMES
    tempo = tuple(round(v, 2) for v in measures.tempo)
    shortest = min((v for v in tempo if v > 0), default=None)
    if shortest is not None:
        fps = max(fps, MIN_PHASE_FRAMES / shortest)
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
