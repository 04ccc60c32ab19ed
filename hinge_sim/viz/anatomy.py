r"""Body shapes around the stick figure.

Tapered limbs, a trunk with depth, a pelvis, the lumbar vertebrae and the
L5/S1 disc filled by its load zone.

Usage
-----
1. ``limb_outlines(result.points)`` -> shank, thigh and pelvis outlines (m), each
   a :func:`tapered_segment` between two joints.
2. ``trunk_outline(points["spine"])`` -> the trunk polygon around the spine curve.
3. ``lumbar_blocks(points["spine"])`` -> five vertebra polygons (L5 first)
   and the L5/S1 disc polygon.

All sizes are drawing choices [A] (docs/model.md, section 11): they give the
segments a readable body shape; the mechanics never use them. Lengths in m;
the figure faces +x (toes forward), so the back is on the left::

      c7t1 .----.   trunk: the spine runs along its back,
           |     \\  chest and belly in front
      L1  [=]    |
      L5  [=]    |  lumbar blocks along the spine curve
   L5/S1  (==)---'  the disc, filled by its load zone
          pelvis
            hip
"""
import numpy as np

# half-widths (m) of the limbs at their ends [A, drawing only]
#: limb -> (upper joint, lower joint, half-width at each); the pelvis has round
#: ends of one size around L5/S1 and the hip. Drawn in this order (shank at the back).
LIMBS = {
    "shank": ("knee", "ankle", (0.052, 0.032)),
    "thigh": ("hip", "knee", (0.085, 0.055)),
    "pelvis": ("l5s1", "hip", (0.075, 0.075)),
}
TRUNK_BACK = 0.045  # spine to the skin of the back
TRUNK_FRONT = ((0.0, 0.17), (0.55, 0.21), (1.0, 0.10))  # (along spine, spine to front skin)
LUMBAR_SPAN = 0.36  # share of the spine curve, from L5/S1 up, taken by L5 to L1
VERTEBRA_HALF = (0.030, 0.014)  # half across, half along (drawn larger than life to read)
DISC_HALF = (0.042, 0.013)  # L5/S1 disc half across, half along
CAP_POINTS = 8  # points on each round end


def _unit(v):
    v = np.asarray(v, float)
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def _left(v):
    """Unit vectors a quarter turn counter-clockwise (backward for an upward axis)."""
    u = _unit(v)
    return np.stack([-u[..., 1], u[..., 0]], -1)


def tapered_segment(a, b, half_a, half_b):
    """Outline of a limb from ``a`` to ``b`` that tapers, with round ends.

    Parameters
    ----------
    a, b : array_like (2,)
        Joint centres (m).
    half_a, half_b : float
        Half-widths at ``a`` and ``b`` (m).

    Returns
    -------
    ndarray (n, 2)
        Closed outline (m).
    """
    a, b = np.asarray(a, float), np.asarray(b, float)
    angle = np.arctan2(*(b - a)[::-1])
    turn = np.linspace(-0.5 * np.pi, 0.5 * np.pi, CAP_POINTS)
    cap_b = b + half_b * np.stack([np.cos(angle + turn), np.sin(angle + turn)], -1)
    cap_a = a + half_a * np.stack([np.cos(angle + np.pi + turn), np.sin(angle + np.pi + turn)],
                                  -1)
    return np.concatenate([cap_b, cap_a])


def limb_outlines(points):
    """Outlines of the shank, thigh and pelvis (:data:`LIMBS`) between their joints.

    Parameters
    ----------
    points : dict
        Joint name -> (2,) position (m), as ``Result.points``.

    Returns
    -------
    dict
        Limb name -> closed outline (n, 2) (m), in :data:`LIMBS` order.
    """
    return {name: tapered_segment(points[a], points[b], *halves)
            for name, (a, b, halves) in LIMBS.items()}


def trunk_outline(spine):
    """Outline of the trunk around the spine curve (L5/S1 to C7/T1).

    Parameters
    ----------
    spine : ndarray (n, 2)
        Points along the spine (m), L5/S1 first.

    Returns
    -------
    ndarray (2n, 2)
        Back edge upwards, then front edge downwards (m).
    """
    spine = np.asarray(spine, float)
    tangent = np.gradient(spine, axis=0)
    back = _left(tangent)
    s = np.linspace(0.0, 1.0, len(spine))
    front = np.interp(s, *np.array(TRUNK_FRONT).T)
    return np.concatenate([spine + back * TRUNK_BACK, (spine - back * front[:, None])[::-1]])


def _along(spine, fractions):
    """Points and unit tangents at arc-length fractions of the spine curve."""
    seg = np.linalg.norm(np.diff(spine, axis=0), axis=1)
    s = np.concatenate([[0.0], np.cumsum(seg)]) / np.sum(seg)
    pts = np.stack([np.interp(fractions, s, spine[:, k]) for k in (0, 1)], -1)
    ahead = np.stack([np.interp(np.minimum(fractions + 0.02, 1.0), s, spine[:, k])
                      for k in (0, 1)], -1)
    return pts, _unit(ahead - pts)


def _block(centre, up, half_across, half_along):
    side = -_left(up)  # forward, across the spine
    corners = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]], float)
    return centre + corners[:, :1] * half_across * side + corners[:, 1:] * half_along * up


def lumbar_blocks(spine):
    """The five lumbar vertebrae and the L5/S1 disc along the spine curve.

    Parameters
    ----------
    spine : ndarray (n, 2)
        Points along the spine (m), L5/S1 first.

    Returns
    -------
    (list of ndarray (4, 2), ndarray (4, 2))
        Vertebra polygons L5 to L1, and the disc polygon at L5/S1 (m).
    """
    spine = np.asarray(spine, float)
    length = np.sum(np.linalg.norm(np.diff(spine, axis=0), axis=1))
    first = DISC_HALF[1] / length  # L5 sits on top of the disc
    step = (LUMBAR_SPAN - first) / 5
    centres, ups = _along(spine, first + step * (np.arange(5) + 0.5))
    blocks = [_block(c, u, *VERTEBRA_HALF) for c, u in zip(centres, ups)]
    (disc_centre,), (disc_up,) = _along(spine, np.array([0.0]))
    return blocks, _block(disc_centre, disc_up, *DISC_HALF)
