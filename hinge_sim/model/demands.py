r"""What a prescribed motion asks of the floor and the body that they cannot give.

A swing (:mod:`hinge_sim.model.swing`) is a motion the model prescribes; the
inverse dynamics then finds whatever forces it needs. Physics and strength
bound them, and :func:`beyond` flags each frame that asks for more:

- ``"lift-off"``: the floor can push on the feet, not pull them down. The
  vertical ground force ``F_y`` is the weight of everything on the feet plus
  the mass times the vertical acceleration of every centre of mass,
  ``F_y = sum m_i (g + a_iy)``; where it is below zero the motion needs the
  whole system to fall faster than gravity lets it: the bell would lift the
  lifter off the floor.
- ``"slip"``: the feet stay put only while ``|F_x| <= mu F_y``, ``mu``
  :data:`~hinge_sim.model.constants.SHOE_FLOOR_FRICTION` (flagged only where
  ``F_y >= 0``; below zero it is a lift-off).
- ``"strength"``: a joint moment that fewer than
  :data:`~hinge_sim.model.constants.STRENGTH_FLAG_SHARE` of the lifter's
  population could hold (:mod:`hinge_sim.model.strength`: L5/S1, hip, knee
  and ankle extensor moments, and both shoulders either way). Static strength
  rates a moving moment [A].

Usage
-----
1. ``flags = beyond(body, rep)``: name -> bool array over the frames.
2. ``shares = strength_shares(body, rep.moments)``: joint -> share of lifters able (0 to 1).
"""
import numpy as np

from . import constants
from .strength import capable, shoulder_capable

LIMITS = ("lift-off", "slip", "strength")
"""The names :func:`beyond` flags, in the order a coach would say them."""


def strength_shares(body, moments):
    """Share of the lifter's population (0 to 1) able to hold each joint's moment.

    Parameters
    ----------
    body : Body
    moments : dict
        Joint -> net moment (N m), extensor positive, as ``Result.moments``.

    Returns
    -------
    dict
        ``l5s1``, ``hip``, ``knee``, ``ankle`` (extensor moments; NaN for a flexor one,
        not rated [A]) and ``shoulder`` (either way) -> ndarray shaped like the moments.
    """
    shares = capable(body, moments)
    shares["shoulder"] = shoulder_capable(body, moments["shoulder"])
    return shares


def beyond(body, result, friction=constants.SHOE_FLOOR_FRICTION,
           share=constants.STRENGTH_FLAG_SHARE):
    """The frames whose forces the floor or the lifter's strength cannot give.

    Parameters
    ----------
    body : Body
    result : Result
        Its ``grf`` (N, ..., 2) and ``moments`` (N m).
    friction : float
        Shoe-floor friction coefficient (horizontal over vertical force, no slip).
    share : float
        A moment fewer than this share of the population could hold is flagged.

    Returns
    -------
    dict
        :data:`LIMITS` -> bool array shaped like the frames.

    Examples
    --------
    >>> from hinge_sim import Barbell, Body, Posture, analyze
    >>> res = analyze(Body(), Posture(knee=20, hip=85, lumbar=5), Barbell(40))
    >>> {k: bool(v) for k, v in beyond(Body(), res).items()}
    {'lift-off': False, 'slip': False, 'strength': False}
    """
    fx, fy = result.grf[..., 0], result.grf[..., 1]
    shares = strength_shares(body, result.moments)
    weak = np.zeros(fy.shape, bool)
    for value in shares.values():
        weak |= np.nan_to_num(value, nan=1.0) < share
    return {"lift-off": fy < 0.0, "slip": (fy >= 0.0) & (np.abs(fx) > friction * fy),
            "strength": weak}
