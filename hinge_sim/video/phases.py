"""Rep phases from the bar's own vertical motion: lowering, bottom pause, rising, top pause.

Usage
-----
1. ``cond = condition(t, y)``: even sampling, spikes out, filtered height
   and velocity, noise level and the movement threshold.
2. ``events = find_phases(cond, min_depth=0.10)`` -> one :class:`RepEvents`
   per rep: when the bar leaves the top, reaches the bottom, leaves it and is
   back at the top.

How
---
No curve shape is assumed. The bar is *still* in a frame when its filtered
vertical speed is at most the threshold ``max(V_FLOOR, K_NOISE * s_v)``,
where ``s_v`` is the speed noise that the measured tracking noise leaves
after the filter (:func:`filtering.velocity_noise`); moving stretches
shorter than :data:`MIN_MOVE_S` are taken as still. A rep is a stretch
where the bar is more than ``min_depth`` below the top. Around the bottom
and around each top the still frames form an interval; the bar leaves it
(or arrives) where its speed, extrapolated along the straight line through
the frames just past the threshold, reaches zero (so the threshold does
not start the clock late); when that line is as steep as the filter's own
response to a sudden start, the time moves towards the half-peak crossing,
where a zero-lag filter puts a sudden start. A turn without a stop gives a
pause of 0.
"""
import dataclasses
import functools

import numpy as np

from . import filtering

PHASE_CUTOFF_HZ = 2.0  # Hz: events need less bandwidth than peak speeds; tuned on synthetic [A]
K_NOISE = 4.0  # threshold in s.d. of the speed noise [A]
V_FLOOR = 0.02  # m/s: slower than this the bar counts as still even without noise [A]
MIN_MOVE_S = 0.1  # s: shorter bursts of speed between still frames are noise [A]
FIT_SPAN = 0.8  # speeds from the threshold to 80 % of the way to the peak fix an edge [A]


@dataclasses.dataclass
class Conditioned:
    """An evenly sampled, cleaned bar height with its speed.

    Attributes
    ----------
    t : ndarray (N,)
        Time (s), evenly spaced.
    fps : float
        Frames per second.
    y : ndarray (N,)
        Height after spike rejection (m).
    yf, vf : ndarray (N,)
        Filtered height (m) and vertical velocity (m/s, up positive).
    sigma : float
        Tracking noise of the height (m, 1 s.d.).
    threshold : float
        Speed (m/s) at or below which the bar is still.
    height_noise : float
        S.d. (m) the tracking noise leaves in ``yf``.
    cutoff_hz : float
        The filter's cutoff (Hz).
    spikes : ndarray of int
        Rows of the input replaced as spikes.
    """

    t: np.ndarray
    fps: float
    y: np.ndarray
    yf: np.ndarray
    vf: np.ndarray
    sigma: float
    threshold: float
    height_noise: float
    cutoff_hz: float
    spikes: np.ndarray


@dataclasses.dataclass
class RepEvents:
    """When one rep's phases start and end (s), and its key frames.

    Attributes
    ----------
    start, lowered, rise_start, end : float
        The bar leaves the top, reaches the bottom, leaves the bottom and is
        back at the top (s).
    next_start : float or None
        The bar leaves the top for the next rep (s); None after the last rep.
    i_top, i_low, i_end : int
        Frames of the top before the rep, the lowest point and the top after it.
    """

    start: float
    lowered: float
    rise_start: float
    end: float
    next_start: object
    i_top: int
    i_low: int
    i_end: int


def condition(t, y, cutoff_hz=PHASE_CUTOFF_HZ):
    """Resample evenly, reject spikes, filter and differentiate a bar height.

    Parameters
    ----------
    t : ndarray (N,)
        Time (s), increasing (dropped frames allowed).
    y : ndarray (N,)
        Bar height (m).
    cutoff_hz : float
        Low-pass cutoff (Hz) for the height used to find the phases.

    Returns
    -------
    Conditioned
    """
    t = np.asarray(t, dtype=float)
    dt = float(np.median(np.diff(t)))
    grid = t[0] + dt * np.arange(int(round((t[-1] - t[0]) / dt)) + 1)
    fps = 1.0 / dt
    y = np.asarray(y, dtype=float)
    y, spikes = filtering.reject_spikes(y, filtering.noise_sd(y), fps)  # before resampling
    y = np.interp(grid, t, y)
    sigma = filtering.noise_sd(y)
    yf = filtering.lowpass(y, fps, cutoff_hz)
    vf = filtering.derivative(yf, fps)
    threshold = max(V_FLOOR, K_NOISE * filtering.velocity_noise(sigma, fps, cutoff_hz))
    return Conditioned(t=grid, fps=fps, y=y, yf=yf, vf=vf, sigma=sigma, threshold=threshold,
                       height_noise=filtering.height_noise(sigma, fps, cutoff_hz), spikes=spikes,
                       cutoff_hz=cutoff_hz)


def _still_mask(cond):
    still = np.abs(cond.vf) <= cond.threshold
    edges = np.flatnonzero(np.diff(np.r_[1, still.astype(int), 1]))
    shortest = MIN_MOVE_S * cond.fps
    for a, b in zip(edges[::2], edges[1::2]):  # moving frames a .. b-1
        if b - a < shortest and a > 0 and b < still.size:
            still[a:b] = True
    return still


def _interval(cond, still, i):
    """First and last frame of the still interval around turning frame ``i``.

    A frame belongs to it when the bar is still there or has not left the
    turn's height by more than ``K_NOISE`` s.d. of the filtered height noise.
    ``(i, i)`` when the bar moves through ``i``.
    """
    near = np.abs(cond.yf - cond.yf[i]) <= K_NOISE * cond.height_noise
    still = still | near
    if not still[i]:
        return i, i
    moving = np.flatnonzero(~still)
    left = moving[moving < i]
    right = moving[moving > i]
    return (int(left[-1]) + 1 if left.size else 0,
            int(right[0]) - 1 if right.size else still.size - 1)


def _edge(cond, edge, far, side, peak):
    """Time (s) the bar leaves (``side=+1``) or reaches (``side=-1``) a still interval.

    ``edge`` is the interval's frame on ``side``, ``far`` its other end.
    Frames past ``edge`` whose speed lies between the threshold and
    ``threshold + FIT_SPAN * (peak - threshold)`` give a straight line
    ``v(t)``; its zero is the time, kept between ``far`` and the first of
    those frames. With fewer than two such frames: the threshold crossing.
    """
    t, v, thr = cond.t, np.abs(cond.vf), cond.threshold
    top = thr + FIT_SPAN * max(peak - thr, 0.0)
    idx = []
    j = edge + side
    while 0 <= j < v.size and v[j] <= top:
        if v[j] > thr:
            idx.append(j)
        j += side
    if len(idx) >= 2:
        slope, icpt = np.polyfit(t[idx], v[idx], 1)
        if slope * side > 0:
            zero = -icpt / slope
            # a change faster than the filter resolves shows as the filter's own step
            # response, centred on the true time: move towards the half-peak crossing
            steepest = peak * _step_slope(cond.fps, cond.cutoff_hz)
            share = float(np.clip(abs(slope) / steepest, 0.0, 1.0))
            ahead = v[edge + side::side] if side > 0 else v[edge + side::-1] if edge > 0 else v[:0]
            over = np.flatnonzero(ahead >= 0.5 * peak)
            if over.size and over[0] > 0:
                k = edge + side * (1 + int(over[0]))
                frac = (0.5 * peak - v[k - side]) / max(v[k] - v[k - side], 1e-12)
                t_half = t[k - side] + side * frac / cond.fps
                zero += share ** 2 * (t_half - zero)
            lo, hi = sorted((float(t[far]), float(t[idx[-1]])))
            return float(np.clip(zero, lo, hi))
    k = edge + side
    if 0 <= k < v.size and v[k] > v[edge]:
        frac = (thr - v[edge]) / (v[k] - v[edge])
        return float(t[edge] + side * np.clip(frac, 0.0, 1.0) / cond.fps)
    return float(t[edge])


@functools.lru_cache(maxsize=8)
def _step_slope(fps, cutoff_hz):
    """Steepest slope (per s) of the filter's response to a unit step."""
    n = 2 * int(np.ceil(4 * fps / cutoff_hz)) + 1
    step = (np.arange(n) >= n // 2).astype(float)
    return float(np.max(np.abs(np.diff(filtering.lowpass(step, fps, cutoff_hz)))) * fps)


def _turn(cond, still, i, peak_before, peak_after):
    """(arrival, departure) times (s) at a turning point ``i``; equal when the bar did not stop."""
    a, b = _interval(cond, still, i)
    arrive = _edge(cond, a, b, -1, peak_before) if a > 0 else float(cond.t[a])
    leave = _edge(cond, b, a, +1, peak_after) if b < cond.t.size - 1 else float(cond.t[b])
    if leave < arrive:  # the extrapolations cross: the bar turned without stopping
        arrive = leave = 0.5 * (arrive + leave)
    return arrive, leave


def _peak(speed):
    """Peak speed of a phase, robust to a stray frame: the 95th percentile."""
    return float(np.percentile(speed, 95)) if speed.size else 0.0


def _extreme(yf, still, a, b, low):
    """Lowest (``low``) or highest frame in ``a:b``, among the still frames when there are any."""
    y = np.where(still[a:b], yf[a:b], np.nan) if still[a:b].any() else yf[a:b]
    return a + int(np.nanargmin(y) if low else np.nanargmax(y))


def rep_runs(cond, min_depth):
    """Frame ranges (a, b) where the bar is more than ``min_depth`` below the highest point.

    A range may touch the start (``a == 0``) or the end of the track: a cut-off rep.
    """
    top = cond.yf.max()
    below = cond.yf < top - min_depth
    edges = np.flatnonzero(np.diff(np.r_[0, below.astype(int), 0]))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2])]


def find_phases(cond, runs):
    """Time the phases of each rep.

    Parameters
    ----------
    cond : Conditioned
        From :func:`condition`.
    runs : list of (int, int)
        Frame ranges below the top, from :func:`rep_runs` (cut-off reps
        already left out).

    Returns
    -------
    list of RepEvents
    """
    still = _still_mask(cond)
    yf, v = cond.yf, np.abs(cond.vf)
    lows = [_extreme(yf, still, a, b, low=True) for a, b in runs]
    tops = [_extreme(yf, still, 0, runs[0][0], low=False)]
    for k, (a, b) in enumerate(runs):
        stop = runs[k + 1][0] if k + 1 < len(runs) else yf.size
        tops.append(_extreme(yf, still, b, stop, low=False))
    turns = []
    for k, i in enumerate(tops):
        before = _peak(v[lows[k - 1]:i + 1]) if k else 0.0
        after = _peak(v[i:lows[k] + 1]) if k < len(lows) else 0.0
        turns.append(_turn(cond, still, i, before, after))
    bottoms = [_turn(cond, still, i, _peak(v[tops[k]:i + 1]), _peak(v[i:tops[k + 1] + 1]))
               for k, i in enumerate(lows)]
    events = []
    for k, i in enumerate(lows):
        events.append(RepEvents(
            start=turns[k][1], lowered=bottoms[k][0], rise_start=bottoms[k][1],
            end=turns[k + 1][0], next_start=turns[k + 1][1] if k + 1 < len(lows) else None,
            i_top=tops[k], i_low=i, i_end=tops[k + 1]))
    return events
