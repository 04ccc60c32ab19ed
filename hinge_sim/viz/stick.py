"""The lifter as a stick figure seen from the right, updated in place.

Usage
-----
1. ``fig = matplotlib.figure.Figure(); ax = fig.add_subplot()``
2. ``sf = StickFigure(ax, style="projector")``
3. ``sf.update(result, ghost=other_result, overlays=("com", "midfoot", "moments"))``

Every artist is made once in ``__init__``; ``update`` only moves them, so the
figure can be redrawn many times without growing. The view box is fixed
(:data:`VIEW`) and the same for every lifter, so two figures compare at the
same scale.
"""
import numpy as np
from matplotlib import patheffects
from matplotlib.patches import Circle, Polygon, Rectangle

from ..model.constants import COMPRESSION_LIMITS, PLATE_RADIUS, SHEAR_LIMITS
from . import anatomy
from .forces import ForceOverlay
from .frames import system_com
from .grab import HANDLES, handle_point
from .labels import place_labels
from .render import mark_dynamic
from .styles import LABEL_BOX, ZONES, get_style, zone

VIEW = {"x": (-0.80, 1.10), "y": (-0.12, 2.12)}  # m, fixed for every lifter
OVERLAYS = ("com", "midfoot", "hip_to_bar", "dowel", "moments", "forces")
LOAD_KINDS = {"RDL": "barbell", "deadlift": "barbell", "barbell": "barbell",
              "trap bar": "trap bar", "kettlebell": "kettlebell", "dowel": "dowel"}
KETTLEBELL_RADIUS = 0.09  # m, drawing only
HEAD_RADIUS = 0.36  # of the C7/T1-to-vertex length, drawing only
HEAD_CENTRE = 0.62  # of the same length, from C7/T1
BACK_THICKNESS = 0.07  # m, spine to skin of the upper back, drawing only
ARC_RADIUS = 0.075  # m
ARC_FULL_SCALE = 400.0  # N m drawn as a 300 deg arc
MIDFOOT_TOP = 1.72  # m, top of the midfoot line (its label sits under the floor)
MIDFOOT_LABEL_Y = -0.08  # m, in the floor band
KEY_X = VIEW["x"][1] - 0.03  # m, right edge of the key (ghost, dowel, hip-to-bar) at top right
KEY_Y = 2.03  # m, first key line; the next lines follow downwards
KEY_LINE = 1.6  # key line spacing, in font heights
KEY_SYMBOL = 0.10  # m, width of the hip-to-bar symbol at the end of its key line
DISC_LABEL_OFFSET = 0.17  # m behind L5/S1, where the disc's zone is named
SKIN = {"fc": "#e4e4e4", "ec": "#555555", "alpha": 0.9}  # body shapes [A, drawing only]
ZONE_ORDER = ("safe", "caution", "over")
CHOSEN_RING = 3.2  # the chosen handle's ring, in joint-marker sizes, drawing only
CHOSEN_WORDS = {"hip": "hip", "knee": "knee", "bar": "bar", "back": "lower back"}
NAN = np.array([[np.nan, np.nan]])


def disc_zone(result):
    """The L5/S1 disc's zone: the worse of its compression and shear zones."""
    zones = [zone(float(result.disc[k]), *limits)[0]
             for k, limits in (("compression", COMPRESSION_LIMITS), ("shear", SHEAR_LIMITS))]
    return max(zones, key=ZONE_ORDER.index)


def _points_per_metre(ax):
    """Scale of the (equal-aspect) view box: typographic points per metre."""
    w, h = ax.get_position().size * ax.figure.get_size_inches() * 72.0
    return min(w / np.ptp(VIEW["x"]), h / np.ptp(VIEW["y"]))


def _back(v):
    """Unit vector turned a quarter turn counter-clockwise (backward for an upward axis)."""
    v = np.asarray(v, float)
    return np.array([-v[1], v[0]]) / np.hypot(*v)


def _arc(centre, moment, clockwise_positive, start_deg):
    """Points of a moment arc with an arrow head; empty for a tiny moment."""
    size = min(abs(float(moment)) / ARC_FULL_SCALE, 1.0)
    if size < 0.01:
        return np.empty((0, 2))
    sweep = np.deg2rad(300.0 * size)
    sign = 1.0 if (float(moment) > 0) != clockwise_positive else -1.0  # +1 counter-clockwise
    a = np.deg2rad(start_deg) + sign * np.linspace(0.0, sweep, 40)
    pts = centre + ARC_RADIUS * np.stack([np.cos(a), np.sin(a)], -1)
    tip, tangent = pts[-1], sign * np.array([-np.sin(a[-1]), np.cos(a[-1])])
    side = np.array([-tangent[1], tangent[0]])
    h = 0.035
    head = np.array([tip - h * tangent + 0.6 * h * side, tip, tip - h * tangent - 0.6 * h * side])
    return np.concatenate([pts, NAN, head])


class StickFigure:
    """A stick figure of one posture on a matplotlib Axes.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes to draw on (its limits are set to :data:`VIEW`).
    style : str or dict
        A name in :data:`hinge_sim.viz.styles.STYLES`.
    title : str, optional
        Axes title.
    """

    def __init__(self, ax, style="default", title=None):
        self.ax, self.style = ax, get_style(style)
        s, lw = self.style, self.style["line"]
        roles = s["roles"]  # colours of the things drawn, by role
        ax.set_xlim(*VIEW["x"])
        ax.set_ylim(*VIEW["y"])
        ax.set_aspect("equal")
        ax.set_axis_off()
        if title:
            ax.set_title(title, fontsize=s["title"])
        ax.add_patch(Rectangle((VIEW["x"][0], VIEW["y"][0]), np.ptp(VIEW["x"]), -VIEW["y"][0],
                               facecolor="#eeeeee", edgecolor="none", hatch="..", zorder=0))
        ax.plot(VIEW["x"], [0, 0], color="black", lw=s["thin"], zorder=1)
        # scale bar: 50 cm, bottom left
        x0 = VIEW["x"][0] + 0.05
        self.scale_bar = ax.plot([x0, x0 + 0.5], [1.95, 1.95], color="black", lw=s["thin"])[0]
        ax.text(x0 + 0.25, 1.97, "50 cm", ha="center", va="bottom", fontsize=s["small"])

        static = set(ax.get_children())

        def line(color, width, z, **kw):
            return ax.plot([], [], color=color, lw=width, zorder=z, solid_capstyle="round",
                           solid_joinstyle="round", **kw)[0]

        self.ghost = line(roles["ghost"], lw * 0.8, 2, ls=(0, (2, 1.5)), alpha=0.7)
        self.ghost_head = Circle((0, 0), 0.1, fill=False, ec=roles["ghost"], lw=lw * 0.6,
                                 ls="--", alpha=0.7, visible=False, zorder=2)
        ax.add_patch(self.ghost_head)
        self.key_step = KEY_LINE * s["small"] / _points_per_metre(ax)
        # va="top" so a note of several lines grows downwards, its first line centred on KEY_Y
        self.ghost_text = ax.text(KEY_X, KEY_Y + 0.5 * self.key_step / KEY_LINE, "", ha="right",
                                  va="top", fontsize=s["small"], color="#555555")
        self.caption = ax.text(0.5 * sum(VIEW["x"]), VIEW["y"][1], "", ha="center",
                               va="bottom", fontsize=s["font"], fontweight="bold")
        self.plate = Circle((0, 0), PLATE_RADIUS, fc=roles["load"], ec="black", alpha=0.45,
                            lw=s["thin"], hatch="", zorder=3, visible=False)
        self.hub = Circle((0, 0), 0.03, fc="black", ec="black", zorder=6, visible=False)
        self.bell = Circle((0, 0), KETTLEBELL_RADIUS, fc="#555555", ec="black", lw=s["thin"],
                           zorder=6, visible=False)
        for p in (self.plate, self.hub, self.bell):
            ax.add_patch(p)
        self.handle = line("#555555", lw * 0.7, 6)
        empty = np.zeros((3, 2))
        self.shapes = {name: Polygon(empty, closed=True, lw=s["thin"] * 0.8, zorder=4, **SKIN)
                       for name in (*anatomy.LIMBS, "trunk")}
        self.vertebrae = [Polygon(empty, closed=True, fc="white", ec=roles["spine"],
                                  lw=s["thin"] * 0.8, zorder=6) for _ in range(5)]
        self.disc = Polygon(empty, closed=True, ec="black", lw=s["thin"], zorder=7)
        for p in [*self.shapes.values(), *self.vertebrae, self.disc]:
            ax.add_patch(p)
        self.disc_text = ax.text(0, 0, "", fontsize=s["small"], ha="right", va="center",
                                 zorder=12, bbox=LABEL_BOX)
        self.foot = line(roles["body"], lw, 5)
        self.legs = line(roles["body"], lw, 5)  # ankle-knee-hip-L5/S1
        self.spine = line(roles["spine"], lw * 1.2, 5)
        self.neck = line(roles["body"], lw, 5)
        self.head = Circle((0, 0), 0.1, fc="white", ec=roles["body"], lw=lw, zorder=5)
        ax.add_patch(self.head)
        self.arm = line(roles["arm"], lw * 0.5, 7)
        self.hand = ax.plot([], [], "o", color=roles["arm"], ms=s["marker"] * 0.7, zorder=7)[0]
        self.joints = ax.plot([], [], "o", color="white", mec="black", ms=s["marker"] * 0.8,
                              mew=s["thin"], zorder=8)[0]
        # overlays
        self.base = line(roles["com"], lw * 1.6, 4)
        self.com_drop = line(roles["com"], s["thin"], 4, ls=":")
        self.com = ax.plot([], [], "o", color="white", mec=roles["com"], ms=s["marker"] * 1.6,
                           mew=s["thin"] * 1.5, zorder=9)[0]
        self.com_cross = line(roles["com"], s["thin"] * 1.2, 10)
        self.cop = ax.plot([], [], "^", color=roles["cop"], ms=s["marker"] * 1.5, mec="black",
                           zorder=9)[0]
        self.com_text = ax.text(0, 0, "COM", fontsize=s["small"], color=roles["com"], zorder=12,
                                ha="left", va="center", bbox=LABEL_BOX)
        self.midfoot = line(roles["midfoot"], s["thin"] * 1.5, 1, ls="--")
        self.midfoot_text = ax.text(0, 0, "midfoot", fontsize=s["small"], ha="center",
                                    va="center", color="#1f6f9f", bbox=LABEL_BOX, zorder=10)
        self.dim = line(roles["dimension"], s["thin"], 9)
        # the distance is named in the corner key, away from the body's lines
        self.dim_key = line(roles["dimension"], s["thin"], 9)
        self.dim_text = ax.text(KEY_X - KEY_SYMBOL * 1.4, 0, "", fontsize=s["small"],
                                ha="right", va="center", color=roles["dimension"], zorder=10)
        self.dowel = line(roles["dowel"], lw * 0.8, 9)
        self.contacts = ax.plot([], [], "o", color=roles["dowel"], mec="black",
                                ms=s["marker"] * 1.1, zorder=10)[0]
        self.sacrum = ax.plot([], [], "o", mfc="white", mec="black", mew=s["thin"],
                              ms=s["marker"] * 1.1, zorder=10)[0]
        self.dowel_text = ax.text(KEY_X, 0, "", fontsize=s["small"], ha="right", va="center",
                                  color="black", zorder=10)
        self.arcs = {j: line(roles[j], s["thin"] * 1.5, 11) for j in ("hip", "knee", "l5s1")}
        self.arc_text = {j: ax.text(0, 0, "", fontsize=s["small"], color=roles[j], zorder=11,
                                    ha="right", va="center", bbox=LABEL_BOX) for j in self.arcs}
        self.forces = ForceOverlay(ax, s)
        # the handle the keyboard moves: a thick ring with a white halo, and its name
        halo = [patheffects.withStroke(linewidth=s["thin"] * 5, foreground="white")]
        self.chosen = ax.plot([], [], "o", mfc="none", mec=roles["chosen"],
                              ms=s["marker"] * CHOSEN_RING, mew=s["thin"] * 2.5, zorder=13,
                              path_effects=halo)[0]
        self.chosen_text = ax.text(0, 0, "", fontsize=s["small"], color=roles["chosen"],
                                   fontweight="bold", ha="left", va="center", zorder=13,
                                   bbox=LABEL_BOX)
        self._overlay_artists = {
            "com": [self.base, self.com_drop, self.com, self.com_cross, self.cop, self.com_text],
            "midfoot": [self.midfoot, self.midfoot_text],
            "hip_to_bar": [self.dim, self.dim_key, self.dim_text],
            "dowel": [self.dowel, self.contacts, self.sacrum, self.dowel_text],
            "moments": list(self.arcs.values()) + list(self.arc_text.values()),
            "forces": self.forces.artists,
        }
        mark_dynamic(ax, static)

    # ------------------------------------------------------------------
    def update(self, result, ghost=None, overlays=("com", "midfoot"), load_kind="barbell",
               ghost_label=None, caption="", note=None, chosen=None):
        """Move every artist to show ``result``.

        Parameters
        ----------
        result : Result
            A still posture (use :func:`hinge_sim.viz.frame` for one frame of a rep).
        ghost : Result, optional
            Another posture drawn faint and dashed behind.
        overlays : sequence of str
            Any of :data:`OVERLAYS`.
        load_kind : str
            "barbell", "trap bar", "kettlebell" or "dowel" (exercise names also work).
        ghost_label : str, optional
            Words naming the ghost, shown in a corner.
        caption : str
            A line of words above the figure (e.g. the exercise and load).
        note : str, optional
            Words (one or more lines) at the top of the key, top right, in
            place of the line naming the ghost.
        chosen : str, optional
            A handle of :data:`hinge_sim.viz.grab.HANDLES` ("hip", "knee", "bar",
            "back") drawn ringed and named: the one the keyboard moves.
        """
        unknown = set(overlays) - set(OVERLAYS)
        if unknown:
            raise ValueError(f"overlays {sorted(unknown)} are not known; choose from {OVERLAYS}")
        if load_kind not in LOAD_KINDS:
            raise ValueError(f"load_kind = {load_kind!r} is not known; "
                             f"choose from {sorted(LOAD_KINDS)}")
        if chosen is not None and chosen not in HANDLES:
            raise ValueError(f"chosen = {chosen!r} is not a handle; choose from {list(HANDLES)}")
        kind = LOAD_KINDS[load_kind]
        points = {k: np.asarray(v, float) for k, v in result.points.items()}
        if points["hip"].shape != (2,):
            raise ValueError("result must be one still posture; "
                             "pick a frame with viz.frame(rep, i)")
        self.caption.set_text(caption)
        self._draw_body(points)
        self._draw_shapes(result, points)
        self._draw_load(points, kind)
        self._draw_ghost(ghost, ghost_label)
        if note is not None:
            self.ghost_text.set_text(note)
        top = self.ghost_text.get_text().count("\n") + 1
        shown = set(overlays) | ({"dowel"} if kind == "dowel" else set())
        lines = iter(KEY_Y - self.key_step * k for k in range(top, top + 2))  # under the note
        key_y = {name: next(lines) for name in ("dowel", "hip_to_bar") if name in shown}
        for name, artists in self._overlay_artists.items():
            for a in artists:
                a.set_visible(name in shown)
        if "com" in shown:
            self._draw_com(result, points)
        if "midfoot" in shown:
            mid = 0.5 * (points["heel"][0] + points["toe"][0])
            self.midfoot.set_data([mid, mid], [0.0, MIDFOOT_TOP])
            self.midfoot_text.set_position((mid, MIDFOOT_LABEL_Y))
        if "hip_to_bar" in shown:
            self._draw_dimension(result, points, key_y["hip_to_bar"])
        if "dowel" in shown:
            self._draw_dowel(result, points, key_y["dowel"])
        if "moments" in shown:
            self._draw_moments(result, points)
        if "forces" in shown:
            self.forces.update(result)
        self._draw_chosen(result, chosen)
        per_metre = _points_per_metre(self.ax)
        place_labels(self.ax, self.labels_movable, self.labels_fixed, self._outline_points(),
                     per_metre, keep_off=[self._scale_bar_box(per_metre)])

    def _scale_bar_box(self, points_per_metre):
        """The scale bar's box (m), as thick as its line is drawn."""
        (x0, x1), (y0, y1) = (sorted(v) for v in self.scale_bar.get_data())
        half = 0.5 * self.scale_bar.get_linewidth() / points_per_metre
        return (x0 - half, y0 - half, x1 + half, y1 + half)

    def _outline_points(self):
        """Points (m) on the body's shapes and lines, for labels to keep off."""
        pts = [p.get_xy() for p in self.shapes.values()]
        for ln in (self.legs, self.spine, self.arm, self.neck, self.foot):
            xy = ln.get_xydata()
            t = np.linspace(0.0, 1.0, 8)[:, None]
            pts += [a + t * (b - a) for a, b in zip(xy[:-1], xy[1:])]
        c, r = np.array(self.head.center), self.head.radius
        a = np.linspace(0.0, 2 * np.pi, 16)[:, None]
        pts.append(c + r * np.hstack([np.cos(a), np.sin(a)]))
        return np.concatenate(pts)

    @property
    def labels_fixed(self):
        """Texts that keep their place (caption, key, scale, midfoot)."""
        return [t for t in self.ax.texts if t not in self.labels_movable]

    @property
    def labels_movable(self):
        """Texts moved to a free place if another label is in the way, first placed first."""
        return ([self.chosen_text, self.disc_text, self.com_text] + list(self.arc_text.values())
                + self.forces.labels)

    def _draw_chosen(self, result, chosen):
        """Ring the handle ``chosen`` and name it beside the ring (nothing for None)."""
        self.chosen.set_visible(chosen is not None)
        self.chosen_text.set_visible(chosen is not None)
        if chosen is None:
            return
        x, y = handle_point(result, chosen)
        self.chosen.set_data([x], [y])
        ring = 0.5 * CHOSEN_RING * self.style["marker"] / _points_per_metre(self.ax)  # m
        self.chosen_text.set_text(CHOSEN_WORDS[chosen])
        self.chosen_text.set_position((x + 1.3 * ring, y))

    def _head(self, points):
        axis = points["head"] - points["c7t1"]
        length = np.hypot(*axis)
        return points["c7t1"] + HEAD_CENTRE * axis, HEAD_RADIUS * length, axis / length

    def _draw_body(self, points):
        def path(*names):
            return np.array([points[k] for k in names]).T

        self.foot.set_data(*path("heel", "toe", "ankle", "heel"))
        self.legs.set_data(*path("ankle", "knee", "hip", "l5s1"))
        self.spine.set_data(*points["spine"].T)
        centre, radius, _ = self._head(points)
        self.neck.set_data(*np.array([points["c7t1"], centre]).T)
        self.head.set_center(centre)
        self.head.set_radius(radius)
        self.arm.set_data(*path("shoulder", "hand"))
        self.hand.set_data(*path("hand"))
        self.joints.set_data(*path("ankle", "knee", "hip", "l5s1", "shoulder"))

    def _draw_shapes(self, result, points):
        for name, outline in anatomy.limb_outlines(points).items():
            self.shapes[name].set_xy(outline)
        self.shapes["trunk"].set_xy(anatomy.trunk_outline(points["spine"]))
        blocks, disc = anatomy.lumbar_blocks(points["spine"])
        for patch, xy in zip(self.vertebrae, blocks):
            patch.set_xy(xy)
        z = disc_zone(result)
        self.disc.set_xy(disc)
        self.disc.set_facecolor(ZONES[z]["color"])
        self.disc.set_hatch(ZONES[z]["hatch"])
        self.disc_text.set_text(f"L5/S1 disc: {ZONES[z]['word']}")
        behind = _back(points["c7t1"] - points["l5s1"])
        self.disc_text.set_position(tuple(points["l5s1"] + behind * DISC_LABEL_OFFSET))

    def _draw_load(self, points, kind):
        plates = kind in ("barbell", "trap bar")
        self.plate.set_visible(plates)
        self.hub.set_visible(plates)
        self.bell.set_visible(kind == "kettlebell")
        if plates:
            self.plate.set_center(points["bar"])
            self.hub.set_center(points["bar"])
            self.plate.set_zorder(3 if kind == "barbell" else 1)
            self.plate.set_hatch("" if kind == "barbell" else "||")
            self.handle.set_data([], [])
        elif kind == "kettlebell":
            # the bell's centre of mass, KETTLEBELL_HANG from the grip: below it when held
            # still, on the arm's line in a swing; the handle meets the bell facing the hand
            centre, hand = points["bar"], points["hand"]
            towards = hand - centre
            gap = np.hypot(*towards)
            edge = centre + (towards / gap * KETTLEBELL_RADIUS if gap > 0 else [0, 0])
            self.bell.set_center(centre)
            self.handle.set_data(*np.array([hand, edge]).T)
        else:
            self.handle.set_data([], [])

    def _draw_ghost(self, ghost, label):
        if ghost is None:
            self.ghost.set_data([], [])
            self.ghost_head.set_visible(False)
            self.ghost_text.set_text("")
            return
        ghost_points = {k: np.asarray(v, float) for k, v in ghost.points.items()}
        centre, radius, _ = self._head(ghost_points)
        legs = [ghost_points[k] for k in ("heel", "toe", "ankle", "knee", "hip", "l5s1")]
        arm = [ghost_points["shoulder"], ghost_points["hand"]]
        chain = np.concatenate([np.array(legs), ghost_points["spine"], np.array([centre]), NAN,
                                np.array(arm)])
        self.ghost.set_data(*chain.T)
        self.ghost_head.set_center(centre)
        self.ghost_head.set_radius(radius)
        self.ghost_head.set_visible(True)
        self.ghost_text.set_text(f"dashed: {label}" if label else "dashed: reference")

    def _draw_com(self, result, points):
        com = system_com(result)
        self.base.set_data([points["heel"][0], points["toe"][0]], [-0.025, -0.025])
        self.com_drop.set_data([com[0], com[0]], [0.0, com[1]])
        self.com.set_data([com[0]], [com[1]])
        r = 0.028
        self.com_cross.set_data([com[0] - r, com[0] + r, np.nan, com[0], com[0]],
                                [com[1], com[1], np.nan, com[1] - r, com[1] + r])
        cop = float(result.cop_x)
        self.cop.set_data([cop], [0.0])
        self.com_text.set_position((com[0] + 0.06, com[1]))

    def _draw_dimension(self, result, points, key_y):
        hip, bar = points["hip"], points["bar"]
        y = hip[1]
        t = 0.03
        self.dim.set_data([hip[0], bar[0], np.nan, hip[0], hip[0], np.nan, bar[0], bar[0],
                           np.nan, bar[0], bar[0]],
                          [y, y, np.nan, y - t, y + t, np.nan, y - t, y + t, np.nan, y, bar[1]])
        self.dim.set_linestyle("-")
        d = float(result.metrics["hip_to_bar"]) * 100
        a, b, tick = KEY_X - KEY_SYMBOL, KEY_X, 0.3 * self.key_step
        self.dim_key.set_data([a, a, np.nan, a, b, np.nan, b, b],
                              [key_y - tick, key_y + tick, np.nan, key_y, key_y, np.nan,
                               key_y - tick, key_y + tick])
        self.dim_text.set_text(f"hip to bar {d:.0f} cm")
        self.dim_text.set_y(key_y)

    def _draw_dowel(self, result, points, key_y):
        centre, radius, up = self._head(points)
        head_pt = centre + _back(up) * radius
        chord = points["c7t1"] - points["l5s1"]
        upper = points["spine"][-3] + _back(chord) * BACK_THICKNESS
        along = upper - head_pt
        along /= np.hypot(*along)  # pointing down the back
        normal = -_back(-along)  # into the body (forward of the dowel)
        if normal @ (points["l5s1"] - upper) < 0:
            normal = -normal
        sacrum_on_line = upper + along * (along @ (points["l5s1"] - upper) + 0.08)
        gap = float(result.metrics["dowel_gap"])
        sacrum = sacrum_on_line + normal * gap
        ends = np.array([head_pt - along * 0.25, sacrum_on_line + along * 0.15])
        self.dowel.set_data(*ends.T)
        touching = abs(gap) < 0.01
        pts = [head_pt, upper] + ([sacrum] if touching else [])
        self.contacts.set_data(*np.array(pts).T)
        self.sacrum.set_data(*(np.array([sacrum]).T if not touching else ([], [])))
        words = ("dowel on 3 points" if touching else  # short: the key must clear the head
                 f"dowel: sacrum {abs(gap) * 100:.0f} cm off" if gap > 0 else
                 f"dowel: low back {abs(gap) * 100:.0f} cm in")
        self.dowel_text.set_text(words)
        self.dowel_text.set_y(key_y)

    def _draw_moments(self, result, points):
        # label offsets (m) put each label in the empty space behind the body
        spec = {"hip": (False, 200.0, (-0.10, -0.07)), "knee": (True, -20.0, (-0.10, -0.06)),
                "l5s1": (False, 160.0, (-0.10, 0.10))}
        names = {"hip": "hip", "knee": "knee", "l5s1": "L5/S1"}
        for j, (cw, start, offset) in spec.items():
            m = float(result.moments[j])
            pts = _arc(points[j], m, cw, start)
            self.arcs[j].set_data(*(pts.T if len(pts) else ([], [])))
            self.arc_text[j].set_text(f"{names[j]} {abs(m):.0f} N·m")
            self.arc_text[j].set_position(tuple(points[j] + np.array(offset)))

    @property
    def artists(self):
        """Every artist this figure owns (for tests)."""
        return self.ax.get_children()
