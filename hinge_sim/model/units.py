"""Units a coach reads: pounds, and loads as multiples of body weight."""
import numpy as np
from numpy.typing import ArrayLike

from .constants import GRAVITY
from .limits import check

KG_PER_LB = 0.45359237  # exact, international pound (1959 agreement) [V]


def _out(value, arr):
    """Return a float for a number given, an array for an array."""
    return float(arr) if np.ndim(value) == 0 else arr


def kg_to_lb(kg: ArrayLike) -> ArrayLike:
    """Convert a mass in kilograms (0 to 1000) to pounds.

    Examples
    --------
    >>> round(kg_to_lb(100), 1)
    220.5
    """
    return _out(kg, check("kg", kg, scalar=False) / KG_PER_LB)


def lb_to_kg(lb: ArrayLike) -> ArrayLike:
    """Convert a mass in pounds (0 to 2205) to kilograms.

    Examples
    --------
    >>> lb_to_kg(45)
    20.41165665
    """
    return _out(lb, check("lb", lb, scalar=False) * KG_PER_LB)


def body_weights(force: ArrayLike, body_mass: float) -> ArrayLike:
    """Express a force (N) as a multiple of body weight (``body_mass`` in kg, 30 to 200).

    Examples
    --------
    >>> round(body_weights(3000.0, 75), 2)
    4.08
    """
    mass = float(check("mass", body_mass, label="body_mass"))
    return _out(force, check("force", force, scalar=False) / (mass * GRAVITY))
