"""The forces on the body as arrows, and the load's moment arms as dimension lines.

Usage
-----
1. ``fo = ForceOverlay(ax, style)`` makes the artists once (hidden).
2. ``fo.update(result)`` moves them to a still posture; ``fo.artists`` lists
   them (for showing and hiding), ``fo.labels`` their texts.

Every arrow is drawn to one scale (:data:`FORCE_SCALE`), so lengths compare:
the ground reaction at the centre of pressure, the load's weight at its
centre, the back extensors' pull (their line of action
:data:`~hinge_sim.model.constants.EXTENSOR_MOMENT_ARM` behind L5/S1, along
the trunk), and the compression and shear on the L5/S1 disc. The moment
arms are the horizontal distances from L5/S1 and from the hip to the
vertical line of action of the load's weight.
"""
import numpy as np
from matplotlib.patches import FancyArrowPatch

from ..model.constants import EXTENSOR_MOMENT_ARM, GRAVITY
from .frames import load_mass
from .styles import LABEL_BOX, PALETTE

FORCE_SCALE = 0.14  # m of arrow per kN [A, drawing only]
ARM_TICK = 0.03  # m, half-height of a dimension line's end ticks [A, drawing only]
ARM_DROP = 0.05  # m, the L5/S1 arm is drawn this far below the joint, clear of the back [A]
def force_colors(roles):
    """Colour of each force arrow, from a style's roles (:data:`hinge_sim.viz.styles.ROLES`)."""
    return {"ground": roles["cop"], "load": PALETTE["black"], "extensors": roles["l5s1"],
            "compression": roles["compression"], "shear": roles["shear"]}
FORCE_WORDS = {"ground": "ground", "load": "load", "extensors": "back muscles",
               "compression": "compression", "shear": "shear"}
ARM_WORDS = {"l5s1": "L5/S1 arm", "hip": "hip arm"}


def force_vectors(result):
    """Where each drawn force acts and its vector, for a still posture.

    Parameters
    ----------
    result : Result
        A still posture.

    Returns
    -------
    dict
        Name -> (point (2,) m, force (2,) N): ``ground`` (on the feet, at the
        centre of pressure), ``load`` (its weight), ``extensors`` (their pull
        on the trunk), ``compression`` and ``shear`` (of the upper body on the
        L5/S1 disc).
    """
    points = result.points
    theta = float(result.segments["trunk"]["angle"])
    up = np.array([np.sin(theta), np.cos(theta)])  # along the trunk, as in model.spine
    ahead = np.array([np.cos(theta), -np.sin(theta)])
    l5s1 = np.asarray(points["l5s1"], float)
    weight = load_mass(result) * GRAVITY
    return {
        "ground": (np.array([float(result.cop_x), 0.0]), np.asarray(result.grf, float)),
        "load": (np.asarray(points["bar"], float), np.array([0.0, -weight])),
        "extensors": (l5s1 - ahead * EXTENSOR_MOMENT_ARM,
                      -up * float(result.disc["muscle"])),
        "compression": (l5s1, -up * float(result.disc["compression"])),
        "shear": (l5s1, ahead * float(result.disc["shear"])),
    }


def moment_arms(result):
    """Horizontal distances (m) from L5/S1 and from the hip to the load's line of action."""
    bar_x = float(np.asarray(result.points["bar"])[0])
    return {j: bar_x - float(np.asarray(result.points[j])[0]) for j in ARM_WORDS}


class ForceOverlay:
    """Force arrows and moment-arm dimension lines on a stick figure's axes.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    style : dict
        A style from :func:`hinge_sim.viz.styles.get_style`.
    """

    def __init__(self, ax, style):
        s = style
        roles = s["roles"]  # colours of the things drawn, by role
        self.arrows, self.texts = {}, {}
        for name, color in force_colors(s["roles"]).items():
            arrow = FancyArrowPatch((0, 0), (0, 0), arrowstyle="-|>", color=color,
                                    lw=s["thin"] * 1.6, mutation_scale=s["marker"] * 2.2,
                                    zorder=13, visible=False, shrinkA=0, shrinkB=0)
            ax.add_patch(arrow)
            self.arrows[name] = arrow
            self.texts[name] = ax.text(0, 0, "", fontsize=s["small"], color=color, zorder=14,
                                       ha="center", va="center", bbox=LABEL_BOX, visible=False)
        self.action = ax.plot([], [], color=PALETTE["black"], lw=s["thin"], ls=(0, (4, 3)),
                              zorder=12, visible=False)[0]
        self.arms = {j: ax.plot([], [], color=roles["dimension"], lw=s["thin"] * 1.3,
                                zorder=12, visible=False)[0] for j in ARM_WORDS}
        self.arm_texts = {j: ax.text(0, 0, "", fontsize=s["small"], color=roles["dimension"],
                                     zorder=14, ha="center", va="bottom", bbox=LABEL_BOX,
                                     visible=False) for j in ARM_WORDS}

    @property
    def artists(self):
        """Every artist of the overlay."""
        return (list(self.arrows.values()) + list(self.texts.values()) + [self.action]
                + list(self.arms.values()) + list(self.arm_texts.values()))

    @property
    def labels(self):
        """The overlay's texts, the forces' first."""
        return list(self.texts.values()) + list(self.arm_texts.values())

    def update(self, result):
        """Move the arrows and dimension lines to ``result`` (a still posture)."""
        for name, (point, force) in force_vectors(result).items():
            length = force * FORCE_SCALE / 1000.0
            # the pull on the trunk and the pushes on the disc end where they act;
            # the ground's push and the load's weight start there
            tail, head = ((point - length, point) if name in ("extensors", "compression", "shear")
                          else (point, point + length))
            self.arrows[name].set_positions(tuple(tail), tuple(head))
            size = float(np.hypot(*force))
            self.texts[name].set_text(f"{FORCE_WORDS[name]} {size:.0f} N")
            # the label sits past the arrow's free end, away from the body
            free_end, out = (tail, tail - head) if tail is not point else (head, head - tail)
            out = out / max(float(np.hypot(*out)), 1e-9)
            self.texts[name].set_position(tuple(free_end + 0.06 * out))
        points = result.points
        bar = np.asarray(points["bar"], float)
        top = max(bar[1], float(points["l5s1"][1]), float(points["hip"][1])) + 0.08
        self.action.set_data([bar[0], bar[0]], [0.0, top])
        for j, arm in moment_arms(result).items():
            x0 = float(points[j][0])
            y = float(points[j][1]) - (ARM_DROP if j == "l5s1" else 0.0)
            t = ARM_TICK
            self.arms[j].set_data([x0, x0, np.nan, x0, x0 + arm, np.nan, x0 + arm, x0 + arm],
                                  [y - t, y + t, np.nan, y, y, np.nan, y - t, y + t])
            self.arm_texts[j].set_text(f"{ARM_WORDS[j]} {abs(arm) * 100:.0f} cm")
            self.arm_texts[j].set_position((x0 + 0.5 * arm, y + 0.5 * t))
