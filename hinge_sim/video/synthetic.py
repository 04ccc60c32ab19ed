"""Bar tracks of known timing with speed profiles unlike the model's, for tests and benchmarks.

Usage
-----
1. ``track, truth = bar_track("trapezoid", tempo=(3, 1, 1, 1), reps=3)``
2. ``truth["events"]``: per rep (start, lowered, rise_start, end) in s;
   ``truth["tempo"]``; ``truth["rising_velocity"]`` (mean, m/s) ...
3. ``csv_text(track)`` writes it as a plain CSV for :func:`tracking.read_track`.

Shapes of the speed over one phase (``SHAPES``):

- ``"constant"``: the speed jumps to its value and stays (a counted tempo);
- ``"trapezoid"``: linear speed-up over the first quarter, slow-down over the last;
- ``"asymmetric"``: fast start (a tenth), long braking (half);
- ``"sticking"``: the rising slows to a fifth of its speed half-way up
  (a sticking point), the lowering is a trapezoid.

Noise is Gaussian (m, 1 s.d.); ``spikes`` frames jump by 5-10 cm; ``drop``
removes that fraction of frames in runs of 1-3 (a phone dropping frames).
"""
import numpy as np

from .tracking import Track

SHAPES = ("constant", "trapezoid", "asymmetric", "sticking")
_FINE = 2001


def _trapezoid(s, up, down):
    return np.clip(np.minimum(s / up if up else 1.0, (1 - s) / down if down else 1.0), 0, 1)


def speed_profile(shape, rising, s):
    """Relative speed (peak about 1) over normalised phase time ``s`` (0..1)."""
    if shape == "constant":
        return np.ones_like(s)
    if shape == "trapezoid" or (shape == "sticking" and not rising):
        return _trapezoid(s, 0.25, 0.25)
    if shape == "asymmetric":
        return _trapezoid(s, 0.1, 0.5)
    if shape == "sticking":
        return _trapezoid(s, 0.15, 0.15) * (1 - 0.8 * np.exp(-0.5 * ((s - 0.5) / 0.08) ** 2))
    raise ValueError(f"shape = {shape!r} is not known; choose from {list(SHAPES)}")


def _fraction(shape, rising, s):
    """Fraction (0..1) of the phase's travel done at normalised time ``s``."""
    fine = np.linspace(0, 1, _FINE)
    u = speed_profile(shape, rising, fine)
    cum = np.concatenate([[0.0], np.cumsum((u[1:] + u[:-1]) / 2)])
    return np.interp(s, fine, cum / cum[-1])


def bar_height(t, shape, tempo, reps, depth, lead=1.0, top=0.8):
    """Bar height (m) at times ``t`` (s) and the true phase events.

    Parameters
    ----------
    t : ndarray
        Times (s).
    shape : str
        One of :data:`SHAPES`.
    tempo : 4 floats
        Lowering, bottom pause, rising, top pause (s).
    reps : int
        Number of reps.
    depth : float
        Bar drop (m).
    lead : float
        Standing still before the first rep (s).
    top : float
        Bar height when standing (m).

    Returns
    -------
    y : ndarray
    events : list of (start, lowered, rise_start, end)
    """
    d0, d1, d2, d3 = (float(v) for v in tempo)
    y = np.full(np.shape(t), float(top))
    events = []
    for k in range(reps):
        t0 = lead + k * (d0 + d1 + d2 + d3)
        ev = (t0, t0 + d0, t0 + d0 + d1, t0 + d0 + d1 + d2)
        events.append(ev)
        down = (t >= ev[0]) & (t < ev[1])
        y[down] = top - depth * _fraction(shape, False, (t[down] - ev[0]) / d0)
        y[(t >= ev[1]) & (t < ev[2])] = top - depth
        up = (t >= ev[2]) & (t < ev[3])
        y[up] = top - depth + depth * _fraction(shape, True, (t[up] - ev[2]) / d2)
    return y, events


def bar_track(shape, tempo=(3, 1, 1, 1), reps=3, depth=0.30, fps=60, noise=0.002, drop=0.0,
              spikes=0, drift=-0.05, tail=1.0, seed=0):
    """Make a synthetic bar track with a known speed profile, noise and dropped frames.

    Parameters
    ----------
    shape : str
        One of :data:`SHAPES`.
    tempo : 4 floats
        Lowering, bottom pause, rising, top pause (s).
    reps : int
    depth : float
        Bar drop (m).
    fps : float
        Camera frames per second.
    noise : float
        Tracking noise (m, 1 s.d.) on x and y.
    drop : float
        Fraction of frames dropped (0 to 0.2).
    spikes : int
        Number of frames with a tracking jump of 5-10 cm.
    drift : float
        Bar x at the bottom minus at the top (m).
    tail : float
        Standing still after the last rep (s).
    seed : int

    Returns
    -------
    track : Track
    truth : dict
        ``events`` (per rep: start, lowered, rise_start, end, in s),
        ``tempo``, ``depth`` (m), ``rising_velocity`` (mean, m/s).
    """
    rng = np.random.default_rng(seed)
    lead = 1.0
    total = lead + reps * sum(tempo) - tempo[3] + tail
    t = np.arange(int(total * fps) + 1) / fps
    y, events = bar_height(t, shape, tempo, reps, depth, lead)
    x = 0.1 + drift * (0.8 - y) / depth
    keep = np.ones(t.size, bool)
    if drop:
        n_runs = int(drop * t.size / 2)
        for start in rng.choice(np.arange(5, t.size - 5), n_runs, replace=False):
            keep[start:start + rng.integers(1, 4)] = False
    x = x + rng.normal(0, noise, t.size)
    y = y + rng.normal(0, noise, t.size)
    if spikes:
        where = rng.choice(np.arange(5, t.size - 5), spikes, replace=False)
        y[where] += rng.choice([-1, 1], spikes) * rng.uniform(0.05, 0.10, spikes)
    track = Track(t=t[keep], points={"bar": np.stack([x[keep], y[keep]], -1)}, scale=1.0,
                  notes=[], source=f"<synthetic {shape}>")
    return track, {"events": events, "tempo": tuple(float(v) for v in tempo), "depth": depth,
                   "rising_velocity": depth / tempo[2]}


def csv_text(track, digits=4):
    """Write the track as a plain CSV (``time_s``, ``<point>_x_m``, ``<point>_y_m``)."""
    names = list(track.points)
    header = ["time_s"] + [f"{n}_{a}_m" for n in names for a in "xy"]
    cols = [track.t] + [track.points[n][:, i] for n in names for i in (0, 1)]
    rows = np.stack(cols, -1)
    return "\n".join([",".join(header)] + [",".join(f"{v:.{digits}f}" for v in r)
                                           for r in rows]) + "\n"


#: where the project's own test tracks put the marker on the back of the pelvis:
#: (forward, along the pelvis) in pelvis lengths from the hip joint centre, i.e.
#: about 10 cm behind and 6 cm above it on an average man, near the posterior
#: superior iliac spine [A]. The fit does not use it (it sets the marker's angle
#: from the standing frames), so it only has to be a point fixed on the pelvis.
SACRUM_ON_PELVIS = (-1.1, 0.65)


def sacrum_point(body, hip, pelvis_angle):
    """The back-of-pelvis marker's position (N, 2) m, fixed on the model's pelvis.

    Parameters
    ----------
    body : Body
    hip : ndarray (N, 2)
        Hip joint centre (m).
    pelvis_angle : ndarray (N,)
        Pelvis segment angle (rad, clockwise from vertical).
    """
    from ..model.chain import rotate
    a, b = (v * body.segments["pelvis"].length for v in SACRUM_ON_PELVIS)
    return np.asarray(hip) + rotate(np.asarray(pelvis_angle), a, b)


def model_track(body, load, top, bottom, tempo=(2, 0.5, 1.5, 0.5), fps=60, noise=0.0,
                lost=(), seed=0):
    """A tracked rep made by the model, with the marker on the back of the pelvis.

    Parameters
    ----------
    body : Body
    load : Load
    top, bottom : Posture
        The rep goes from ``top`` to ``bottom`` and back (``hinge_sim.simulate``).
    tempo : 4 floats
        Lowering, bottom pause, rising, top pause (s).
    fps : float
        Frames per second.
    noise : float
        Tracking noise (m, 1 s.d.) on every coordinate.
    lost : sequence of slice
        Frames where the ``sacrum`` marker is not seen (NaN).
    seed : int

    Returns
    -------
    track : Track
        ``bar``, ``foot`` (midfoot on the floor), ``knee``, ``hip``,
        ``shoulder`` and ``sacrum``, moved by an arbitrary camera origin.
    rep : Result
        The model's rep: its ``metrics["lumbar_flexion"]``, ``metrics["hip_flexion"]``,
        ``disc`` and ``moments`` are the truth.
    """
    from ..model.analysis import simulate
    rep = simulate(body, top, bottom, tempo, load, fps=fps)
    foot = rep.points["ankle"] + np.array([body.midfoot_x, -body.ankle_height])
    pts = {"bar": rep.points["bar"], "foot": foot, "knee": rep.points["knee"],
           "hip": rep.points["hip"], "shoulder": rep.points["shoulder"],
           "sacrum": sacrum_point(body, rep.points["hip"], rep.segments["pelvis"]["angle"])}
    rng = np.random.default_rng(seed)
    moved = {k: v + [0.7, 0.1] + rng.normal(0, noise, v.shape) for k, v in pts.items()}
    for where in lost:
        moved["sacrum"][where] = np.nan
    return Track(t=rep.t, points=moved, scale=1.0, notes=[], source="<model>"), rep
