"""Named lifters, postures and exercises for lessons and demonstrations.

Lifters follow the Dumas mean subjects; the variants change one thing each so
a learner can see its effect. Postures are typical of coaching practice
(RDL bottom: hip 75-100 deg, knee 10-30 deg [R], see docs/model.md).

Usage
-----
1. ``body = lifter("long femurs")``; ``load("deadlift", 100)``
2. ``posture_for("deadlift", body, held)``: the one place that decides the
   posture an exercise is done in (plates on the floor for a deadlift).
"""
from typing import Mapping, Optional, Tuple, Union

from .body import Body
from .checks import check_choice, check_type
from .loads import Barbell, Dowel, Kettlebell, Load, TrapBar
from .pose import FIELDS, Posture, depth_for_bar_height

LIFTERS = {
    "average woman": dict(stature=1.62, mass=62, sex="female"),
    "average man": dict(stature=1.77, mass=78, sex="male"),
    "long femurs": dict(stature=1.77, mass=78, sex="male", thigh=1.12, torso=0.92),
    "long torso": dict(stature=1.77, mass=78, sex="male", thigh=0.9, torso=1.1),
    "short lifter": dict(stature=1.55, mass=60, sex="female"),
    "tall lifter": dict(stature=1.98, mass=98, sex="male"),
    "tight hamstrings": dict(stature=1.77, mass=78, sex="male", slr=60),
}

POSTURES = {
    # At lockout the bar rests on the front of the thighs, a few cm ahead of
    # the midfoot (thigh half-depth) [A].
    "standing": dict(knee=5, hip=0, lumbar=0, bar=0.06),
    "textbook hinge": dict(knee=20, hip=85, lumbar=5),
    "rounded back": dict(knee=10, hip=55, lumbar=35),
    "squatty hinge": dict(knee=70, hip=90, lumbar=5, bar=0.08),
    "bar drifting forward": dict(knee=20, hip=85, lumbar=5, bar=0.15),
    "stiff-legged reach": dict(knee=0, hip=70, lumbar=20),
}

#: The posture a lesson starts from when none is named.
DEFAULT_POSTURE = "textbook hinge"

EXERCISES = {
    "RDL": Barbell,          # Romanian deadlift: barbell from the hang, bar in front
    "deadlift": Barbell,     # same bar, lifted from the floor (plates touch the floor)
    "trap bar": TrapBar,
    "kettlebell": Kettlebell,
    "dowel": Dowel,
}

#: Exercises lifted from the floor: the hinge depth is whatever puts the
#: load at its lowest height (:attr:`Load.min_height`) at the knee bend chosen.
FROM_THE_FLOOR = frozenset({"deadlift"})

# Conventional deadlift set-up: knees about 100 deg and the lower back about
# 20 deg from its standing curve, as Schellenberg et al. 2013 measured (knee
# about 105 deg, hip about 102 deg, pelvis-lumbar 26-27 deg) [V]; the bar a
# little ahead of the midfoot so it clears the shins [A]. The hinge depth is
# whatever brings the plates to the floor for this lifter.
DEADLIFT_SETUP = dict(knee=100.0, lumbar=20.0, bar=0.03)

#: What :func:`as_posture` takes: a preset name, a dict of fields, a preset
#: name with some fields changed, or a Posture.
PostureSpec = Union[str, Mapping[str, float], Tuple[str, Mapping[str, float]], Posture]


def _name(what, name, table):
    if not isinstance(name, str):
        raise TypeError(f"{what} = {name!r} is a {type(name).__name__}; give a name from "
                        f"{list(table)}")
    if name not in table:
        raise ValueError(f"{what} {name!r} is not a preset; choose from {sorted(table)}")
    return name


def lifter(name: str) -> Body:
    """Return a :class:`Body` from :data:`LIFTERS` by name.

    Examples
    --------
    >>> lifter("tall lifter").stature
    1.98
    """
    return Body(**LIFTERS[_name("lifter", name, LIFTERS)])


def posture(name: str) -> Posture:
    """Return a :class:`Posture` from :data:`POSTURES` by name.

    Examples
    --------
    >>> float(posture("rounded back").lumbar)
    35.0
    """
    return Posture(**POSTURES[_name("posture", name, POSTURES)])


def load(exercise: str, mass: float = 0.0) -> Load:
    """Return the :class:`Load` for an exercise in :data:`EXERCISES`.

    Parameters
    ----------
    exercise : str
    mass : float
        Load (kg), 0 to 500; ignored for the dowel.

    Examples
    --------
    >>> load("kettlebell", 24).mass
    24.0
    """
    check_choice("exercise", exercise, tuple(EXERCISES))
    return Dowel() if exercise == "dowel" else EXERCISES[exercise](mass)


def from_the_floor(exercise: str) -> bool:
    """Tell whether ``exercise`` is lifted from the floor (:data:`FROM_THE_FLOOR`).

    Examples
    --------
    >>> from_the_floor("deadlift"), from_the_floor("RDL")
    (True, False)
    """
    return check_choice("exercise", exercise, tuple(EXERCISES)) in FROM_THE_FLOOR


def as_posture(spec: PostureSpec) -> Posture:
    """Return a :class:`Posture` from any of the ways a lesson names one.

    ``spec`` is a preset name, a dict of fields, a preset name with some
    fields changed (``("textbook hinge", {"knee": 40})``) or a Posture.

    Examples
    --------
    >>> float(as_posture(("textbook hinge", {"knee": 40})).knee)
    40.0
    """
    if isinstance(spec, Posture):
        return spec
    if isinstance(spec, str):
        return posture(spec)
    if isinstance(spec, tuple) and len(spec) == 2:
        name, changes = spec
        return Posture(**{**POSTURES[_name("posture", name, POSTURES)],
                          **_fields(changes, "posture changes")})
    if isinstance(spec, Mapping):
        return Posture(**_fields(spec, "posture"))
    raise TypeError(f"posture = {spec!r} is a {type(spec).__name__}; give a preset name from "
                    f"{list(POSTURES)}, a dict of {list(FIELDS)}, (name, dict) or a Posture")


def _fields(mapping, what):
    if not isinstance(mapping, Mapping):
        raise TypeError(f"{what} = {mapping!r} is a {type(mapping).__name__}; give a dict "
                        f"of {list(FIELDS)}")
    unknown = set(mapping) - set(FIELDS)
    if unknown:
        raise ValueError(f"{what} has unknown fields {sorted(map(str, unknown))}; "
                         f"choose from {list(FIELDS)}")
    return dict(mapping)


def start_fields(exercise: str) -> dict:
    """Return the posture fields an exercise starts from when no posture is named.

    :data:`DEADLIFT_SETUP` for a lift from the floor (its depth is then found),
    else :data:`POSTURES` ``[DEFAULT_POSTURE]``.

    Examples
    --------
    >>> start_fields("deadlift")["knee"], start_fields("RDL")["hip"]
    (100.0, 85)
    """
    return dict(DEADLIFT_SETUP if from_the_floor(exercise) else POSTURES[DEFAULT_POSTURE])


def posture_for(exercise: str, body: Body, load: Load,
                posture: Optional[PostureSpec] = None) -> Posture:
    """Decide the posture ``exercise`` is done in: one rule for every panel and picture.

    For an exercise lifted from the floor (:data:`FROM_THE_FLOOR`) the hinge
    depth is whatever puts ``load`` at its lowest height for ``body``, at the
    posture's knee bend, rounding, bar and weight shift (its ``hip`` is
    ignored). Any other exercise is done in the posture as given. With no
    posture given, both start from :func:`start_fields`.

    Parameters
    ----------
    exercise : str
        A name in :data:`EXERCISES`.
    body : Body
    load : Load
    posture : str, dict, tuple or Posture, optional
        See :func:`as_posture`; default :func:`start_fields`.

    Returns
    -------
    Posture

    Raises
    ------
    ValueError
        When the load cannot reach the floor at that knee bend, in plain
        words (bend the knees more).

    Examples
    --------
    >>> body = lifter("average man")
    >>> floor = posture_for("deadlift", body, load("deadlift", 100))
    >>> float(floor.knee), round(float(floor.hip))
    (100.0, 112)
    >>> float(posture_for("RDL", body, load("RDL", 40)).hip)
    85.0
    """
    check_type("body", body, Body, "hs.Body(stature=1.75, mass=75, sex='male')")
    check_type("load", load, Load, "a load such as hs.Barbell(40)")
    given = as_posture(start_fields(exercise) if posture is None else posture)
    if not from_the_floor(exercise):
        return given
    try:
        return depth_for_bar_height(body, load, given.knee, lumbar=given.lumbar, bar=given.bar,
                                    weight_shift=given.weight_shift)
    except ValueError:
        raise ValueError(f"with the knees bent {float(given.knee.max()):.0f}° the plates cannot "
                         "reach the floor: bend the knees more") from None


def deadlift_setup(body: Body, load: Load) -> Posture:
    """Return the deadlift set-up: ``load``'s plates on the floor for ``body``.

    From the :data:`DEADLIFT_SETUP` knee bend and rounding; the same as
    ``posture_for("deadlift", body, load)``.

    Examples
    --------
    >>> round(float(deadlift_setup(lifter("average man"), load("deadlift", 60)).hip))
    112
    """
    return posture_for("deadlift", body, load)
