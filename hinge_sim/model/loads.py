"""What the lifter holds: barbell, trap bar, kettlebell or dowel."""
from dataclasses import dataclass

from . import constants as C
from .checks import check_range


@dataclass(frozen=True)
class Load:
    """A load held in both hands.

    Attributes
    ----------
    mass : float
        Load mass (kg).
    hang : float
        How far the load's centre of mass hangs below the grip (m).
    min_height : float
        Lowest allowed grip height above the floor (m): plates touch the floor.
    reach : bool
        True when the hands hold the load at a set distance from the midfoot;
        False when the arms hang straight down (dowel).
    in_front : bool
        True when the load must pass in front of the legs (barbell).
    """

    mass: float
    hang: float = 0.0
    min_height: float = 0.0
    reach: bool = True
    in_front: bool = False


def _mass(mass):
    return float(check_range("load mass", mass, 0.0, 500.0, " kg"))


def Barbell(mass=20.0):
    """Barbell in front of the legs (kg); plates of radius 0.225 m."""
    return Load(_mass(mass), 0.0, C.PLATE_RADIUS, True, True)


def TrapBar(mass=25.0):
    """Trap bar: load in line with the body, handles beside the legs (kg)."""
    return Load(_mass(mass), 0.0, C.PLATE_RADIUS, True, False)


def Kettlebell(mass=16.0):
    """Kettlebell held between the legs (kg), hanging below the grip."""
    return Load(_mass(mass), C.KETTLEBELL_HANG, C.KETTLEBELL_HANG, True, False)


def Dowel():
    """A dowel on the back: no load, arms hang straight down."""
    return Load(0.0, 0.0, 0.0, False, False)
