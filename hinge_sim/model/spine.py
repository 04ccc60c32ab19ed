r"""Disc compression and shear at L5/S1 and L4/L5, in each disc's own plane.

For each level, the upper body is held by the net force and moment from
below (:mod:`~hinge_sim.model.mechanics`); inside the spine they are shared
between one equivalent extensor muscle, the passive tissues (disc and
ligaments), the abdominal wall and intra-abdominal pressure (IAP). Whatever
force these do not carry, the disc does::

              u (disc normal)                 compression = R . u
              ^      extensor F_m, angle beta behind u (pulls back and down)
              |    /                          shear = -R . n, anterior on the
    n <-------+---/--- disc mid-plane               upper vertebra positive
   (anterior) | abdominals F_a (flexor arm d), IAP F_A (extensor arm D)
              |  ligaments F_l (arm e, angle gamma, pushes forward)

    M = F_m E + M_p + F_A D - F_a d,      M_p = disc (pure moment) + F_l e

Signs: compression positive; shear positive when it pushes the upper
vertebra anteriorly. Sources and values: :mod:`~hinge_sim.model.constants`
and ``docs/model.md`` section 5.

Usage
-----
1. ``loads = disc_loads(body, theta, lumbar_deg, moment, force, l5s1, bracing)``
2. ``loads["compression"]``, ``loads["shear"]`` (L5/S1, N);
   ``loads["compression_l4l5"]``, ``loads["shear_l4l5"]`` (N).
"""
import numpy as np

from . import constants
from .chain import pair
from .lumbar import REPORTED, lumbar_geometry
from .mechanics import cross

EXTENSOR_LINE_TEXT = {
    "oblique": ("McGill, Hughson & Parks 2000: the extensors pull back and down at an angle "
                "to the disc in the standing curve and resist anterior shear; rounding takes "
                "that angle away"),
    "chord": ("Macintosh, Bogduk & Pearcy 1993; Khoddam-Khorasani & Shirazi-Adl 2020: the "
              "extensors pull along the trunk, so a steep lordotic disc meets them at an angle "
              "that adds anterior shear; rounding takes that angle away"),
}
"""The two readings of ``Body(extensor_line=...)`` in words, for panels and lessons."""


def scales(body):
    """Factors on the disc-model constants for this lifter [A].

    Returns
    -------
    dict
        ``depth``: trunk depth relative to the reference man, taken as
        proportional to stature (geometric similarity; not to mass: Wood et
        al. 1996 found lean and obese men's arms alike); moment arms scale
        with it, areas with its square. ``passive``: passive moments relative
        to the same-sex reference lifter, the cube of the stature ratio.
    """
    male = constants.REFERENCE_LIFTER["male"]
    same_sex = constants.REFERENCE_LIFTER[body.sex]
    return {"depth": body.stature / male, "passive": (body.stature / same_sex) ** 3}


def antagonist_share():
    """Flexor moment of the antagonist abdominals over the whole extensor moment.

    The extensor moment is what the back muscles and the passive tissues hold
    together, so the antagonists do not change when the moment moves between
    them (Potvin et al. 1991). ``k`` is chosen so that, for the reference
    arms E and d and no passive moment, the antagonists add
    :data:`~hinge_sim.model.constants.COCONTRACTION_COMPRESSION_RISE` to the
    compression of the extensors alone: ``(1 + k E / d) / (1 - k) = 1 + r``
    (Granata & Marras 1995 [R]; the share itself [A]).

    Examples
    --------
    >>> round(antagonist_share(), 4)
    0.0857
    """
    r = constants.COCONTRACTION_COMPRESSION_RISE
    return r / (1 + r + constants.EXTENSOR_MOMENT_ARM / constants.ABDOMINAL_MOMENT_ARM)


def passive_moment(flexion, sex):
    """Passive extensor moment (N m) of the lumbar tissues, reference lifter.

    Linear plus exponential in ``flexion``, the fraction of the range from
    standing (0) to full flexion (1), through Dolan et al.'s two points: the
    lordotic value at :data:`~hinge_sim.model.constants.LORDOTIC_FLEXION_FRACTION`
    and the full-flexion value of that sex. In extension (negative fractions)
    only the linear part acts, as a flexor moment [A].

    Parameters
    ----------
    flexion : ndarray
        Lumbar flexion over the lifter's full flexion, -1 to 1.
    sex : {"male", "female"}
    """
    full, k = constants.PASSIVE_MOMENT_FULL_FLEXION[sex], constants.PASSIVE_MOMENT_STEEPNESS
    x0, y0 = constants.LORDOTIC_FLEXION_FRACTION, constants.PASSIVE_MOMENT_LORDOTIC / full
    e0 = np.expm1(k * x0) / np.expm1(k)
    slope = (y0 - e0) / (x0 - y0)  # linear weight b so that g(x0) = y0, g(1) = 1
    bend = np.expm1(k * np.maximum(flexion, 0.0)) / np.expm1(k)
    return full * (slope * flexion + bend) / (slope + 1.0)


def disc_loads(body, theta, lumbar_deg, moment, force, l5s1, bracing):
    """Compression and shear at L5/S1 and L4/L5 in each disc's mid-plane.

    Parameters
    ----------
    body : Body
        Sex, size, ``max_lumbar`` and ``extensor_line`` are used.
    theta : dict of ndarray (N,)
        Segment angles (rad); ``pelvis`` and ``trunk`` are used.
    lumbar_deg : ndarray (N,)
        Lumbar flexion from the standing curve (deg).
    moment : ndarray (N,)
        Net L5/S1 extensor moment (N m).
    force : ndarray (N, 2)
        Net force from below on everything above L5/S1 (N). The thin slice
        between L5/S1 and L4/L5 is not taken off for L4/L5 [A].
    l5s1 : ndarray (N, 2)
        L5/S1 joint centre (m).
    bracing : float
        0 (relaxed) to 1 (full brace).

    Returns
    -------
    dict of ndarray (N,)
        At L5/S1 (no suffix) and L4/L5 (``_l4l5``): ``compression`` and
        ``shear`` (N), ``moment`` (net, N m), ``muscle`` (extensor force, N),
        ``disc_angle`` (disc normal from vertical, deg), ``muscle_moment`` (the
        part of the net moment the muscles hold, extensors less abdominals,
        N m) and ``muscle_compression`` (what the muscles press on the disc,
        N). Once: ``passive_moment``
        (N m), ``ligament`` (N), ``abdominal`` (N), ``iap`` (N) at L5/S1, and
        ``geometry``, the :func:`~hinge_sim.model.lumbar.lumbar_geometry` used.
    """
    geometry = lumbar_geometry(body, theta["pelvis"], lumbar_deg, l5s1)
    l4l5 = geometry["joints"][:, 1]
    net = pair(moment, moment + cross(l5s1 - l4l5, force))  # (N, 2)
    phi = geometry["normal"]
    sin, cos = np.sin(phi), np.cos(phi)
    normal, ahead = pair(sin, cos), pair(cos, -sin)
    along = np.einsum("nj,nlj->nl", force, normal)
    across = -np.einsum("nj,nlj->nl", force, ahead)

    size = scales(body)
    depth = size["depth"]
    flexion = np.minimum(np.maximum(lumbar_deg / body.max_lumbar, -1.0), 1.0)[:, None]
    forward = np.maximum(flexion, 0.0)
    passive = passive_moment(flexion, body.sex) * size["passive"]
    ligament = (1 - constants.DISC_SHARE_OF_PASSIVE) * np.maximum(passive, 0.0) / (
        constants.LIGAMENT_MOMENT_ARM * depth)
    arm = (constants.EXTENSOR_MOMENT_ARM * depth
           * (1 - constants.EXTENSOR_ARM_LOSS_FULL_FLEXION * forward))
    iap = (bracing * constants.IAP_FULL_BRACE_MMHG * constants.MMHG * constants.DIAPHRAGM_AREA
           * depth ** 2)
    iap_arm = constants.IAP_MOMENT_ARM * depth
    abdominal_arm = constants.ABDOMINAL_MOMENT_ARM * depth
    brace = iap * iap_arm / abdominal_arm * constants.ABDOMINAL_COCONTRACTION_RATIO
    active = net - passive + brace * abdominal_arm - iap * iap_arm
    # antagonists: k of the extensor moment that muscles and tissues hold
    # together, so moving a newton-metre between them leaves them unchanged
    k = antagonist_share()
    held = np.maximum(active + k * np.maximum(passive, 0.0), 0.0) / (1 - k)  # extensors, N m
    muscle = held / arm
    abdominal = brace + (held - active) / abdominal_arm
    if body.extensor_line == "oblique":
        beta = np.deg2rad(constants.EXTENSOR_OBLIQUITY_NEUTRAL_DEG) * (1 - forward)
    else:
        beta = theta["trunk"][:, None] - phi
    gamma = np.deg2rad(constants.LIGAMENT_ANGLE_DEG)
    pressed = muscle * np.cos(beta) + abdominal  # the muscles' compression
    compression = along + pressed + ligament * np.cos(gamma) - iap
    shear = across - muscle * np.sin(beta) + ligament * np.sin(gamma)

    out = {"passive_moment": passive[:, 0], "ligament": ligament[:, 0],
           "abdominal": abdominal[:, 0], "iap": iap + 0.0 * moment, "geometry": geometry}
    for i, level in enumerate(REPORTED):
        suffix = "" if level == "l5s1" else f"_{level}"
        out.update({f"compression{suffix}": compression[:, i], f"shear{suffix}": shear[:, i],
                    f"moment{suffix}": net[:, i], f"muscle{suffix}": muscle[:, i],
                    f"muscle_moment{suffix}": muscle[:, i] * arm[:, 0]
                    - abdominal[:, i] * abdominal_arm,
                    f"muscle_compression{suffix}": pressed[:, i],
                    f"disc_angle{suffix}": np.rad2deg(phi[:, i])})
    return out
