r"""Anthropometry: segment lengths, masses, centres of mass and inertias.

Sagittal model seen from the lifter's right: x forward, y up. Both legs and
both arms are lumped into one segment each (a symmetric lift)::

        head
         |  C7/T1 ---- shoulder
       trunk            \  arm (straight, to the grip)
         |  L5/S1        o hand / load
       pelvis
         |  hip
       thigh
         |  knee
       shank
         |  ankle
    heel===foot===toe

Usage
-----
1. ``body = Body(stature=1.75, mass=75, sex="male")``
2. ``body.segment("thigh")`` -> length (m), mass (kg), COM fractions, inertia.
"""
from dataclasses import dataclass

from . import constants
from .checks import check_choice
from .limits import check
from .strength import STRENGTH_LEVELS

EXTENSOR_LINES = ("oblique", "chord")
"""Choices of ``Body(extensor_line=...)``; see :mod:`hinge_sim.model.spine`."""

LIMBS = frozenset({"thigh", "shank", "foot", "upper_arm", "forearm", "hand"})
"""Segments counted twice (left and right)."""


@dataclass(frozen=True)
class Segment:
    """One lumped segment.

    Attributes
    ----------
    length : float
        Proximal joint to distal end along the segment axis (m).
    mass : float
        Mass of both sides together (kg).
    com_axial, com_anterior : float
        COM position from the segment origin, along the axis and forward (m).
    inertia : float
        Moment of inertia about the COM, transverse axis (kg m^2).
    """

    length: float
    mass: float
    com_axial: float
    com_anterior: float
    inertia: float


class Body:
    """A lifter's body built from stature, mass and sex (Dumas et al. 2007).

    Parameters
    ----------
    stature : float
        Standing height (m), 1.20 to 2.20.
    mass : float
        Body mass (kg), 30 to 200.
    sex : {"male", "female"}
        Selects the Dumas table.
    thigh, shank, torso, arm : float
        Proportion factors, 0.8 to 1.2, on the segment lengths. The standing
        height stays ``stature``: a long-femur lifter has a shorter torso.
        Masses keep the table's fractions [A].
    slr : float
        Straight-leg-raise angle (deg), 30 to 110: hamstring flexibility.
    dorsiflexion : float
        Ankle dorsiflexion limit with the foot flat (deg), 10 to 60.
    max_lumbar : float
        Largest lumbar flexion from standing (deg), 20 to 60.
    extensor_line : {"oblique", "chord"}
        How the back extensors pull relative to the lumbar discs, the
        assumption on which the studies disagree
        (:data:`EXTENSOR_LINES`; :data:`hinge_sim.model.spine.EXTENSOR_LINE_TEXT`).
    strength : {"population", "trained"}
        Whose joint strength the strength check uses: a working population
        or trained lifters (:mod:`hinge_sim.model.strength`).

    Ranges: :data:`hinge_sim.model.limits.LIMITS`.

    Raises
    ------
    TypeError
        For a value of the wrong kind (a string for a number, a list for one
        number, ``sex=["male"]``).
    ValueError
        For a number out of its range, NaN or infinity, or an unknown sex.

    Examples
    --------
    >>> body = Body(stature=1.62, mass=62, sex="female")
    >>> round(body.segments["thigh"].length, 3)
    0.381
    """

    def __init__(self, stature: float = 1.75, mass: float = 75.0, sex: str = "male",
                 thigh: float = 1.0, shank: float = 1.0, torso: float = 1.0, arm: float = 1.0,
                 slr: float = 80.0, dorsiflexion: float = 40.0,
                 max_lumbar: float = constants.MAX_LUMBAR_FLEXION_DEG,
                 extensor_line: str = "oblique", strength: str = "population") -> None:
        self.stature = float(check("stature", stature))
        self.mass = float(check("mass", mass))
        self.sex = check_choice("sex", sex, tuple(constants.DUMAS))
        factors = {name: float(check(name, value)) for name, value in
                   (("thigh", thigh), ("shank", shank), ("torso", torso), ("arm", arm))}
        self.proportions = factors
        self.slr = float(check("slr", slr))
        self.dorsiflexion = float(check("dorsiflexion", dorsiflexion))
        self.max_lumbar = float(check("max_lumbar", max_lumbar))
        self.extensor_line = check_choice("extensor_line", extensor_line, EXTENSOR_LINES)
        self.strength = check_choice("strength", strength, STRENGTH_LEVELS)
        table = {name: dict(zip(constants.DUMAS_COLUMNS, row))
                 for name, row in constants.DUMAS[sex].items()}
        for name, key in (("thigh", "thigh"), ("shank", "shank"), ("trunk", "torso"),
                          ("upper_arm", "arm"), ("forearm", "arm"), ("hand", "arm")):
            table[name]["length"] *= factors[key]
        stack = ("shank", "thigh", "pelvis", "trunk", "head")
        height = sum(table[k]["length"] for k in stack)
        reference = sum(constants.DUMAS[sex][k][0] for k in stack)
        for name in stack:
            table[name]["length"] *= reference / height
        scale = self.stature / constants.REFERENCE_STATURE[sex]
        total = sum(row["mass"] * (2 if name in LIMBS else 1) for name, row in table.items())
        self.segments = {}
        for name in ("head", "trunk", "pelvis", "thigh", "shank", "foot"):
            row = table[name]
            L = row["length"] * scale
            m = self.mass * row["mass"] * (2 if name in LIMBS else 1) / total  # sums to 1
            inertia = m * (row["r_zz"] * L) ** 2  # sagittal: about Z
            if name == "foot":  # axis horizontal: forward (X) and height (Y) from the ankle
                self.segments[name] = Segment(L, m, row["com_x"] * L, row["com_y"] * L, inertia)
            else:  # distance from the proximal joint along the axis, and anterior
                self.segments[name] = Segment(L, m, abs(row["com_y"]) * L, row["com_x"] * L,
                                              inertia)
        self.segments["arm"] = self._straight_arm(table, scale * self._arm_calibration(sex), total)
        self.foot_length = constants.FOOT_LENGTH_PER_STATURE * self.stature
        self.ankle_height = constants.ANKLE_HEIGHT_PER_STATURE * self.stature
        self.heel_x = -constants.HEEL_TO_ANKLE_PER_FOOT * self.foot_length
        self.toe_x = self.heel_x + self.foot_length
        self.midfoot_x = 0.5 * (self.heel_x + self.toe_x)
        self.pelvis_tilt = constants.PELVIS_TILT_STANDING_DEG[sex]

    @staticmethod
    def _arm_calibration(sex):
        """Return the factor on Dumas' arm lengths (about 1.07) for the standing grip.

        It puts the mean subject's standing grip at
        :data:`~hinge_sim.model.constants.GRIP_HEIGHT_PER_STATURE`.
        """
        mean, stature = constants.DUMAS[sex], constants.REFERENCE_STATURE[sex]
        shoulder = (constants.ANKLE_HEIGHT_PER_STATURE * stature + mean["shank"][0]
                    + mean["thigh"][0] + mean["pelvis"][0]
                    + (1 - constants.SHOULDER_BELOW_C7) * mean["trunk"][0])
        hand = mean["hand"]
        reach = mean["upper_arm"][0] + mean["forearm"][0] + abs(hand[3]) * hand[0]
        return (shoulder - constants.GRIP_HEIGHT_PER_STATURE * stature) / reach

    def _straight_arm(self, table, scale, total):
        """Upper arm, forearm and hand of both sides as one straight segment.

        The pieces' centres of mass are put on the shoulder-grip line: Dumas'
        small anterior offsets (under 2 cm) are dropped so that the balance
        keeps its closed form [A].
        """
        start, pieces = 0.0, []
        for name in ("upper_arm", "forearm", "hand"):
            row = table[name]
            L = row["length"] * scale
            m = 2 * self.mass * row["mass"] / total
            along = start + abs(row["com_y"]) * L
            pieces.append((m, along, m * (row["r_zz"] * L) ** 2))
            grip = along  # the grip is at the hand's COM [A]
            start += L
        mass = sum(p[0] for p in pieces)
        com = sum(p[0] * p[1] for p in pieces) / mass
        inertia = sum(p[2] + p[0] * (p[1] - com) ** 2 for p in pieces)
        return Segment(grip, mass, com, 0.0, inertia)

    def __repr__(self):
        """Show the arguments that rebuild this body."""
        extra = "".join(f", {k}={v:g}" for k, v in self.proportions.items() if v != 1.0)
        return (f"Body(stature={self.stature:g}, mass={self.mass:g}, sex={self.sex!r}{extra}, "
                f"slr={self.slr:g}, dorsiflexion={self.dorsiflexion:g}, "
                f"max_lumbar={self.max_lumbar:g}"
                + (f", extensor_line={self.extensor_line!r}" if self.extensor_line != "oblique"
                   else "")
                + (f", strength={self.strength!r})" if self.strength != "population" else ")"))
