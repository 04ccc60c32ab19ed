"""Named lifters and postures for lessons and demonstrations.

Lifters follow the Dumas mean subjects; the variants change one thing each so
a learner can see its effect. Postures are typical of coaching practice
(RDL bottom: hip 75-100 deg, knee 10-30 deg [R], see docs/model.md).
"""
from .body import Body
from .loads import Barbell, Dowel, Kettlebell, TrapBar
from .pose import Posture

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

EXERCISES = {
    "RDL": Barbell,          # Romanian deadlift: barbell from the hang, bar in front
    "deadlift": Barbell,     # same bar, lifted from the floor (plates touch the floor)
    "trap bar": TrapBar,
    "kettlebell": Kettlebell,
    "dowel": Dowel,
}

# Conventional deadlift set-up: knees about 100 deg and the lower back about
# 20 deg from its standing curve, as Schellenberg et al. 2013 measured (knee
# about 105 deg, hip about 102 deg, pelvis-lumbar 26-27 deg) [V]; the bar a
# little ahead of the midfoot so it clears the shins [A]. The hinge depth is
# whatever brings the plates to the floor for this lifter.
DEADLIFT_SETUP = dict(knee=100.0, lumbar=20.0, bar=0.03)


def lifter(name):
    """A :class:`Body` from :data:`LIFTERS` by name."""
    if name not in LIFTERS:
        raise ValueError(f"lifter {name!r} is not a preset; choose from {sorted(LIFTERS)}")
    return Body(**LIFTERS[name])


def posture(name):
    """A :class:`Posture` from :data:`POSTURES` by name."""
    if name not in POSTURES:
        raise ValueError(f"posture {name!r} is not a preset; choose from {sorted(POSTURES)}")
    return Posture(**POSTURES[name])


def load(exercise, mass=0.0):
    """The :class:`Load` for an exercise in :data:`EXERCISES` (mass in kg;
    ignored for the dowel).
    """
    if exercise not in EXERCISES:
        raise ValueError(f"exercise {exercise!r} is not known; choose from {list(EXERCISES)}")
    return Dowel() if exercise == "dowel" else EXERCISES[exercise](mass)


def deadlift_setup(body, load):
    """The :class:`Posture` that puts ``load``'s plates on the floor for
    ``body`` from the :data:`DEADLIFT_SETUP` knee bend and rounding.
    """
    from .pose import depth_for_bar_height
    return depth_for_bar_height(body, load, **DEADLIFT_SETUP)
