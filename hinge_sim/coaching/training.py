"""Practice and planning with the model.

A set under fatigue, tempos side by side, a progression ladder, hinge
variations, and a training block's volume.

Everything here is a *planning aid* for teaching: it shows what the model
predicts for a plan, not what a person should lift. Loads are given in kg and
as multiples of body weight; forces in N and N m.

Usage
-----
1. ``simulate_set(body, top, bottom, reps=8, tempo="3-1-1-0", load=Barbell(60),
   fatigue=1.0)`` -> per-rep peaks (dict of arrays) as the bottom drifts.
2. ``compare_tempos(body, top, bottom, load, ("3-1-3-0", "21X0"))`` -> one row
   per tempo: peaks, hip and lumbar power and work, time under tension.
3. ``progression_ladder(body)`` -> one row per step of :data:`LADDER`.
4. ``hinge_variations(body, mass)`` -> one row per variation of :data:`VARIATIONS`;
   ``compare_lifters({"tall": body1, "short": body2}, mass)``: the same bar height
   for different bodies.
5. ``training_block(body_mass, weeks=6)`` -> one row per week: sessions,
   sets x reps x load, weekly volume load in kg and in body weights.
6. ``table(rows)`` -> a Markdown table of any of the row lists above.
"""
import numpy as np

from ..model import presets
from ..model.analysis import analyze, simulate
from ..model.checks import as_real_array
from ..model.constants import FATIGUE_BAR_M_PER_REP, FATIGUE_LUMBAR_DEG_PER_REP
from ..model.limits import check
from ..model.pose import Posture, depth_for_bar_height
from ..model.units import body_weights

# --- Assumptions of this module [A] ------------------------------------------
# Fatigue rates over a set: constants.FATIGUE_* (assumptions, see there).

#: Progression ladder [A, a typical coaching order; loads as fractions of body
#: mass are planning examples, not prescriptions]:
#: (step, exercise, load / body mass, knee flexion deg at the bottom).
#: An empty men's Olympic bar is 20 kg (IWF) [V], about 0.26 of 78 kg.
LADDER = (
    ("1 dowel hinge", "dowel", 0.0, 20.0),
    ("2 kettlebell hinge", "kettlebell", 0.2, 20.0),
    ("3 light barbell RDL", "RDL", 0.3, 20.0),
    ("4 loaded RDL", "RDL", 0.6, 20.0),
    ("5 trap bar deadlift", "trap bar", 0.8, 50.0),
)

#: Hinge variations and the knee bend each is usually done with (deg) [A]:
#: the RDL keeps the knees soft, a trap bar lets the knees come forward
#: because the handles sit beside the legs.
VARIATIONS = (("RDL", 20.0), ("deadlift", 35.0), ("trap bar", 55.0), ("kettlebell", 30.0))

#: Pulling position of a weightlifting pull with the bar just above the knee,
#: shoulders over the bar, back flat [A].
PULLING_POSITION = dict(knee=25.0, hip=75.0, lumbar=0.0)


def fatigued_bottom(bottom, rep, fatigue=1.0, rounding=FATIGUE_LUMBAR_DEG_PER_REP,
                    drift=FATIGUE_BAR_M_PER_REP):
    """Return the bottom posture of rep ``rep`` (1 = fresh) under fatigue.

    Parameters
    ----------
    bottom : Posture
        The intended (fresh) bottom posture, scalar.
    rep : int
        Rep number, 1 or more.
    fatigue : float
        0 (none) to 2; scales ``rounding`` and ``drift``.
    rounding : float
        Hip flexion moved into lumbar flexion per rep at fatigue 1 (deg),
        0 to 10; default :data:`FATIGUE_LUMBAR_DEG_PER_REP` [A].
    drift : float
        Forward bar drift per rep at fatigue 1 (m), 0 to 0.05; default
        :data:`FATIGUE_BAR_M_PER_REP` [A].

    Returns
    -------
    Posture
        Hip flexion reduced and lumbar flexion increased by the same angle
        (the trunk leans as far as before), and the bar further forward.

    Raises
    ------
    ValueError
        For a rep below 1, fatigue outside 0 to 2, or a drift that leaves
        the valid posture ranges (the message names the posture field).
    """
    rep = int(check("rep", rep))
    fatigue = float(check("fatigue", fatigue))
    rounding = float(check("rounding", rounding))
    drift = float(check("drift", drift))
    tired_reps = fatigue * (rep - 1)  # reps after the first, scaled by fatigue
    (knee, hip, lumbar, bar, weight), _ = bottom.arrays()
    moved = tired_reps * rounding
    try:
        return Posture(knee=float(knee[0]), hip=float(hip[0]) - moved,
                       lumbar=float(lumbar[0]) + moved,
                       bar=float(bar[0]) + tired_reps * drift,
                       weight_shift=float(weight[0]))
    except ValueError as err:
        raise ValueError(f"rep {rep} at fatigue = {fatigue:g} drifts out of range: {err}; "
                         "use fewer reps or less fatigue") from None


def simulate_set(body, top, bottom, reps=8, tempo="3-1-1-0", load=None, fatigue=1.0,
                 fps=50, bracing=0.0, rounding=FATIGUE_LUMBAR_DEG_PER_REP,
                 drift=FATIGUE_BAR_M_PER_REP):
    """Simulate a set of reps in which fatigue lets the bottom position drift.

    Each rep is :func:`hinge_sim.simulate` from ``top`` to
    :func:`fatigued_bottom` of that rep: hip bend turns into lumbar rounding
    and the bar drifts forward, by the stated assumption rates [A]. Nothing
    else tires: the model has no strength or fatigue of its own.

    Parameters
    ----------
    body : Body
    top, bottom : Posture
        Scalar postures: standing and the fresh bottom position.
    reps : int
        Reps in the set, 1 to 30.
    tempo : str or sequence
        Coaching tempo, see :func:`hinge_sim.parse_tempo`.
    load : Load, optional
        Defaults to a dowel.
    fatigue : float
        0 (every rep like the first) to 2 (twice the assumed drift).
    fps : float
        Frames per second of each rep.
    bracing : float
        0 relaxed to 1 full brace.
    rounding, drift : float
        Per-rep drift at fatigue 1, see :func:`fatigued_bottom` [A]; set one
        to 0 to see what the other does alone.

    Returns
    -------
    dict of ndarray (reps,)
        ``rep`` (1..n); at the bottom: ``hip_flexion`` and ``lumbar_flexion``
        (deg), ``bar_to_midfoot`` (m); peaks over the rep: ``l5s1_moment``
        and ``hip_moment`` (N m), ``compression`` and ``shear`` (N);
        ``hip_share`` (at the bottom, hip / (hip + knee) extensor
        moment); ``hip_work_share``: hip positive work / (hip + lumbar
        positive work) in the rise; ``balanced`` (every frame possible).
    """
    reps = int(check("set reps", reps, label="reps"))
    rows = []
    for n in range(1, reps + 1):
        end = fatigued_bottom(bottom, n, fatigue, rounding, drift)
        rep = simulate(body, top, end, tempo, load, fps, bracing)
        s = rep.summary()
        deep = int(np.argmax(rep.metrics["hip_flexion"] + rep.metrics["lumbar_flexion"]))
        hip_work, lumbar_work = s["hip positive work"], s["lumbar positive work"]
        rows.append({
            "rep": n,
            "hip_flexion": float(rep.metrics["hip_flexion"][deep]),
            "lumbar_flexion": float(rep.metrics["lumbar_flexion"][deep]),
            "bar_to_midfoot": float(rep.metrics["bar_to_midfoot"][deep]),
            "l5s1_moment": s["peak l5s1 moment"],
            "hip_moment": s["peak hip moment"],
            "compression": s["peak compression"],
            "shear": s["peak shear"],
            "hip_share": float(rep.metrics["hip_share"][deep]),
            "hip_work_share": hip_work / max(hip_work + lumbar_work, 1e-9),
            "balanced": bool(np.all(rep.balanced)),
        })
    return {k: np.array([r[k] for r in rows]) for k in rows[0]}


def compare_tempos(body, top, bottom, load=None, tempos=("3-1-3-0", "3-1-1-0", "21X0"),
                   fps=100, bracing=0.0):
    """One rep at each tempo: what speed adds to the load, and hip power.

    Parameters
    ----------
    body : Body
    top, bottom : Posture
    load : Load, optional
        Defaults to a dowel.
    tempos : sequence of str
        Coaching tempos ("3-1-1-0", "31X0").
    fps : float
        Frames per second (power and peaks come from finite differences).
    bracing : float
        0 relaxed to 1 full brace.

    Returns
    -------
    list of dict
        Per tempo: ``tempo``; ``rise`` and ``time under tension`` (s);
        ``peak l5s1 moment`` and ``peak hip moment`` (N m); ``peak
        compression`` and ``peak shear`` (N); ``peak hip power`` (W) and
        ``hip power per kg`` (W/kg body mass); ``hip work`` and ``lumbar
        work`` (J, positive work).
    """
    from ..model.motion import parse_tempo

    rows = []
    for tempo in tempos:
        rep = simulate(body, top, bottom, tempo, load, fps, bracing)
        s = rep.summary()
        peak_power = float(np.max(rep.powers["hip"]))
        rows.append({
            "tempo": tempo,
            "rise": parse_tempo(tempo)[2],
            "time under tension": s["time under tension"],
            "peak l5s1 moment": s["peak l5s1 moment"],
            "peak hip moment": s["peak hip moment"],
            "peak compression": s["peak compression"],
            "peak shear": s["peak shear"],
            "peak hip power": peak_power,
            "hip power per kg": peak_power / body.mass,
            "hip work": s["hip positive work"],
            "lumbar work": s["lumbar positive work"],
        })
    return rows


def variation_posture(body, exercise, mass, knee, height):
    """Return the load and bottom posture of a hinge variation.

    Knee bend ``knee`` (deg) and the hinge depth that brings the grip to
    ``height`` (m).

    The dowel has no grip height (the arms hang): it hinges to the depth a
    barbell would need at the same knee bend.
    """
    from ..model.loads import Barbell

    load = presets.load(exercise, mass)
    reach = load if load.reach else Barbell(0.0)
    return load, depth_for_bar_height(body, reach, knee, height)


def _pose_row(body, name, exercise, load, posture):
    res = analyze(body, posture, load)
    get = {k: float(v) for k, v in res.moments.items()}
    return {
        "variation": name, "exercise": exercise,
        "load kg": load.mass, "load BW": load.mass / body.mass,
        "knee": float(posture.knee), "hip": float(res.metrics["hip_flexion"]),
        "trunk angle": float(res.metrics["trunk_angle"]),
        "hip moment": get["hip"], "knee moment": get["knee"], "l5s1 moment": get["l5s1"],
        "compression": float(res.disc["compression"]),
        "compression BW": body_weights(float(res.disc["compression"]), body.mass),
        "shear": float(res.disc["shear"]),
        "hip share": float(res.metrics["hip_share"]),
        "balanced": bool(res.balanced),
    }


def bar_height(body, bottom=None):
    """Return the grip height (m) of a barbell at ``bottom`` (default the textbook hinge).

    The common height at which variations are compared.
    """
    from ..model.loads import Barbell

    bottom = presets.posture("textbook hinge") if bottom is None else bottom
    return float(analyze(body, bottom, Barbell(0.0)).points["hand"][..., 1])


def progression_ladder(body, steps=LADDER, height=None):
    """Tabulate the model's loads at each step of a progression (N m, N, body weights).

    Parameters
    ----------
    body : Body
    steps : sequence of (name, exercise, load / body mass, knee deg)
        Default :data:`LADDER` [A].
    height : float, optional
        Grip height at the bottom (m); default :func:`bar_height`, so every
        step hinges to the same bar height and only load and knee bend change.

    Returns
    -------
    list of dict
        Per step: ``variation`` (step name), ``exercise``, ``load kg``,
        ``load BW``, ``knee``, ``hip`` and ``trunk angle`` (deg), ``hip
        moment``, ``knee moment``, ``l5s1 moment`` (N m), ``compression`` (N
        and ``compression BW``), ``shear`` (N), ``hip share``, ``balanced``.
    """
    height = bar_height(body) if height is None else height
    rows = []
    for name, exercise, fraction, knee in steps:
        fraction = float(check("load fraction", fraction))
        load, posture = variation_posture(body, exercise, fraction * body.mass, knee, height)
        rows.append(_pose_row(body, name, exercise, load, posture))
    return rows


def hinge_variations(body, mass, height=None, variations=VARIATIONS):
    """Tabulate the same load in each hinge variation, at the same bar height.

    Parameters
    ----------
    body : Body
    mass : float
        Load (kg), 0 to 500.
    height : float, optional
        Grip height at the bottom (m); default :func:`bar_height` (bar just
        below the knee). Pass the load's floor height for lifts from the floor.
    variations : sequence of (exercise, knee deg)
        Default :data:`VARIATIONS` [A].

    Returns
    -------
    list of dict
        As :func:`progression_ladder`.
    """
    mass = float(check("load mass", mass, label="mass"))
    height = bar_height(body) if height is None else height
    rows = []
    for exercise, knee in variations:
        load, posture = variation_posture(body, exercise, mass, knee, height)
        rows.append(_pose_row(body, exercise, exercise, load, posture))
    return rows


def compare_lifters(bodies, mass, knee=20.0, height=None, exercise="RDL"):
    """Several lifters reaching the same bar height with the same knee bend.

    Parameters
    ----------
    bodies : dict
        Name -> :class:`~hinge_sim.body.Body`.
    mass : float
        Load (kg), 0 to 500.
    knee : float
        Knee flexion (deg).
    height : float, optional
        Grip height (m); default :func:`bar_height` of the first lifter.
    exercise : str
        A name in :data:`hinge_sim.presets.EXERCISES`.

    Returns
    -------
    list of dict
        As :func:`progression_ladder`, plus ``lifter`` (the name): each
        lifter hinges as deep as their proportions need.
    """
    mass = float(check("load mass", mass, label="mass"))
    if not bodies:
        raise ValueError("bodies is empty: give at least one lifter")
    height = bar_height(next(iter(bodies.values()))) if height is None else height
    rows = []
    for name, body in bodies.items():
        load, posture = variation_posture(body, exercise, mass, knee, height)
        rows.append({"lifter": name, **_pose_row(body, name, exercise, load, posture)})
    return rows


def _per_week(name, value, weeks, label=None):
    arr = as_real_array(label or name, value)
    arr = np.broadcast_to(arr, (weeks,)) if arr.ndim == 0 else arr
    if arr.shape != (weeks,):
        raise ValueError(f"{label or name} must be one number or {weeks} values (one per "
                         f"week), got {len(arr)}")
    return check(name, arr, scalar=False, label=label)


def training_block(body_mass, weeks=6, sessions=(4, 4, 3, 3, 2, 2), sets=3,
                   reps=(8, 8, 6, 6, 5, 5), start=0.3, step=0.1, technique_ok=True):
    """Plan a hinge block: frequent and light early, load rising while technique holds.

    A planning aid, not a prescription [A]: the load (as a fraction of body
    mass) rises by ``step`` after each week whose technique held, and stays
    where it is after a week whose technique did not.

    Parameters
    ----------
    body_mass : float
        Lifter's mass (kg), 30 to 200.
    weeks : int
        Weeks in the block, 1 to 16.
    sessions, sets, reps : int or sequence
        Per week (one value for all weeks, or one per week). Sessions 1 to 7,
        sets 1 to 10, reps 1 to 20.
    start : float
        First week's load as a fraction of body mass, 0 to 3.
    step : float
        Rise per week as a fraction of body mass, 0 to 0.5.
    technique_ok : bool or sequence of bool
        Did technique hold in each week (a coach's rating)?

    Returns
    -------
    list of dict
        Per week: ``week``, ``sessions``, ``sets``, ``reps``, ``load kg``,
        ``load BW``, ``reps per week``, ``volume kg`` (sessions x sets x reps
        x load) and ``volume BW`` (the same in body weights).
    """
    body_mass = float(check("mass", body_mass, label="body_mass"))
    weeks = int(check("weeks", weeks))
    sessions = _per_week("sessions", sessions, weeks)
    sets = _per_week("sets", sets, weeks)
    reps = _per_week("block reps", reps, weeks, label="reps")
    ok = np.broadcast_to(np.asarray(technique_ok, dtype=bool), (weeks,)) \
        if np.ndim(technique_ok) == 0 else np.asarray(technique_ok, dtype=bool)
    if ok.shape != (weeks,):
        raise ValueError(f"technique_ok must be one value or {weeks} values, got {len(ok)}")
    fraction = float(check("load fraction", start, label="start"))
    step = float(check("step", step))
    rows = []
    for w in range(weeks):
        load = fraction * body_mass
        per_week = sessions[w] * sets[w] * reps[w]
        rows.append({"week": w + 1, "sessions": int(sessions[w]), "sets": int(sets[w]),
                     "reps": int(reps[w]), "load kg": load, "load BW": fraction,
                     "reps per week": int(per_week), "volume kg": per_week * load,
                     "volume BW": per_week * fraction})
        if ok[w]:
            fraction += step
    return rows


def table(rows, columns=None, digits=2):
    """Format row dicts as a Markdown table.

    Numbers are rounded to ``digits`` significant places after the point for
    small values, whole numbers for large ones.

    Parameters
    ----------
    rows : list of dict or dict of arrays
        A dict of equal-length arrays (as from :func:`simulate_set`) works too.
    columns : sequence of str, optional
        Columns to show, in order (default: all of the first row's keys).
    digits : int
        Decimal places for values below 10.
    """
    if isinstance(rows, dict):
        keys = list(rows)
        rows = [{k: rows[k][i] for k in keys} for i in range(len(rows[keys[0]]))]
    if not rows:
        raise ValueError("rows is empty: nothing to tabulate")
    columns = list(rows[0]) if columns is None else list(columns)
    for c in columns:
        if c not in rows[0]:
            raise ValueError(f"column {c!r} is not in the rows; choose from {list(rows[0])}")

    def cell(v):
        if isinstance(v, (bool, np.bool_)):
            return "yes" if v else "no"
        if isinstance(v, (int, np.integer)):
            return str(v)
        if isinstance(v, (float, np.floating)):
            if not np.isfinite(v):
                raise ValueError(f"value {v!r} is not a finite number")
            if abs(v) < 0.5 * 10.0 ** -digits:
                v = 0.0  # no "-0.00"
            return f"{v:.0f}" if abs(v) >= 10 else f"{v:.{digits}f}"
        return str(v)

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(r[c]) for c in columns) + " |" for r in rows]
    return "\n".join(lines)
