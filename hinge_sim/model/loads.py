"""What the lifter holds: barbell, trap bar, kettlebell or dowel."""
from dataclasses import dataclass

from . import constants
from .checks import check_flag
from .limits import check


@dataclass(frozen=True)
class Load:
    """A load held in both hands.

    Attributes
    ----------
    mass : float
        Load mass (kg), 0 to 500.
    hang : float
        How far the load's centre of mass hangs below the grip (m), 0 to 0.4.
    min_height : float
        Lowest allowed grip height above the floor (m), 0 to 1: plates touch
        the floor.
    reach : bool
        True when the hands hold the load at a set distance from the midfoot;
        False when the arms hang straight down (dowel).
    in_front : bool
        True when the load must pass in front of the legs (barbell).

    Raises
    ------
    TypeError
        For a field of the wrong kind (a string for a number, a number for a flag).
    ValueError
        For a number out of its range (:data:`hinge_sim.model.limits.LIMITS`),
        NaN or infinity.

    Examples
    --------
    >>> Load(24.0, hang=0.15, min_height=0.15)
    Load(mass=24.0, hang=0.15, min_height=0.15, reach=True, in_front=False)
    """

    mass: float
    hang: float = 0.0
    min_height: float = 0.0
    reach: bool = True
    in_front: bool = False

    def __post_init__(self):
        """Check every field (named in the message) and store numbers as floats."""
        for field in ("mass", "hang", "min_height"):
            value = float(check(f"load {field}", getattr(self, field)))
            object.__setattr__(self, field, value)
        for field in ("reach", "in_front"):
            object.__setattr__(self, field, check_flag(field, getattr(self, field)))


def Barbell(mass: float = 20.0) -> Load:
    """Make a barbell in front of the legs (kg); plates of radius :data:`~.constants.PLATE_RADIUS`.

    Examples
    --------
    >>> Barbell(60).min_height
    0.225
    """
    return Load(mass, 0.0, constants.PLATE_RADIUS, True, True)


def TrapBar(mass: float = 25.0) -> Load:
    """Make a trap bar: load in line with the body, handles beside the legs (kg).

    Examples
    --------
    >>> TrapBar(80).in_front
    False
    """
    return Load(mass, 0.0, constants.PLATE_RADIUS, True, False)


def Kettlebell(mass: float = 16.0) -> Load:
    """Make a kettlebell held between the legs (kg), hanging below the grip.

    Examples
    --------
    >>> Kettlebell(24).hang
    0.12
    """
    return Load(mass, constants.KETTLEBELL_HANG, constants.KETTLEBELL_HANG, True, False)


def Dowel() -> Load:
    """Make a dowel on the back: no load, arms hang straight down.

    Examples
    --------
    >>> Dowel().mass
    0.0
    """
    return Load(0.0, 0.0, 0.0, False, False)
