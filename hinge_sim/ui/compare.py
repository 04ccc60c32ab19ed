"""Compare: two lifters or two postures side by side.

Both at the same scale, with a table of the differences.

Usage
-----
1. ``from hinge_sim.ui import Compare``
2. ``Compare(left=dict(lifter="long femurs"), right=dict(lifter="long torso"))``
3. ``cmp.table`` -> rows (measure, left, right, difference), with units.
"""
import html

import ipywidgets as widgets

from ..model import presets
from ..model.analysis import analyze
from ..model.units import body_weights
from ..viz import StickFigure, new_figure
from ..viz.numbers import number
from . import controls
from .panel import Panel

SIDES = ("left", "right")
MENUS = ("left_lifter", "left_posture", "right_lifter", "right_posture", "exercise")
DEFAULT = {"lifter": "average man", "posture": "textbook hinge"}

# measure, unit, decimals, function(result, body) -> value in that unit
MEASURES = (
    ("hip to bar", "cm", 0, lambda r, b: float(r.metrics["hip_to_bar"]) * 100),
    ("trunk angle from vertical", "°", 0, lambda r, b: float(r.metrics["trunk_angle"])),
    ("lumbar flexion", "°", 0, lambda r, b: float(r.metrics["lumbar_flexion"])),
    ("dowel gap", "cm", 1, lambda r, b: float(r.metrics["dowel_gap"]) * 100),
    ("hip moment", "N·m", 0, lambda r, b: float(r.moments["hip"])),
    ("knee moment", "N·m", 0, lambda r, b: float(r.moments["knee"])),
    ("L5/S1 moment", "N·m", 0, lambda r, b: float(r.moments["l5s1"])),
    ("L5/S1 compression", "N", 0, lambda r, b: float(r.disc["compression"])),
    ("L5/S1 compression in body weights", "× BW", 1,
     lambda r, b: float(body_weights(r.disc["compression"], b.mass))),
    ("L5/S1 shear", "N", 0, lambda r, b: float(r.disc["shear"])),
    ("hip share", "%", 0, lambda r, b: float(r.metrics["hip_share"]) * 100),
)


class Compare(Panel):
    """Two postures side by side at the same scale, with their differences.

    Parameters
    ----------
    left, right : dict
        ``lifter`` and ``posture`` preset names for each side.
    exercise : str
        A name in :data:`hinge_sim.presets.EXERCISES`; a deadlift puts the
        plates on the floor at each posture's knee bend.
    load : float
        Load in ``units``.
    units : {"kg", "lb"}
    style : {"default", "projector", "high contrast"}
    dpi : float, optional
    layout : {"stack", "side"}
        ``"stack"``: the menus in columns above the figure; ``"side"``: Reset
        and tabs (the menus, the table, the load) beside the figure (under it
        on a narrow page).
    """

    def __init__(self, left=None, right=None, exercise="RDL", load=40.0, units="kg",
                 style="default", dpi=None, layout="stack"):
        super().__init__(dpi)
        self._check_layout(layout)
        sides = {"left": {**DEFAULT, **(left or {})},
                 "right": {**DEFAULT, "posture": "rounded back", **(right or {})}}
        self.controls = {}
        for side in SIDES:
            extra = set(sides[side]) - {"lifter", "posture"}
            if extra:
                raise ValueError(f"{side} has unknown keys {sorted(extra)}; "
                                 "use 'lifter' and 'posture'")
            presets.lifter(sides[side]["lifter"])
            presets.posture(sides[side]["posture"])
            self.controls[f"{side}_lifter"] = controls.menu(f"{side} lifter", presets.LIFTERS,
                                                     sides[side]["lifter"])
            self.controls[f"{side}_posture"] = controls.menu(f"{side} posture", presets.POSTURES,
                                                      sides[side]["posture"])
        self.controls["exercise"] = controls.exercise_menu(exercise)
        self.controls["load"] = controls.load_slider(
            load if units == "kg" else controls.load_kg(load, units), units)
        self.controls["units"] = controls.units_toggle(units)
        self.controls["reset"] = self._reset_button()
        self.fig = new_figure(style)
        self.sticks = {side: StickFigure(self.fig.add_axes((0.02 + 0.5 * k, 0.02, 0.46, 0.9)),
                                         style) for k, side in enumerate(SIDES)}
        self.results, self.bodies, self.table = {}, {}, []
        for name, w in self.controls.items():
            if name == "units":
                self._observe(w, self._on_units)
            elif name in MENUS:
                self._observe(w, self._on_menu)
            elif name != "reset":
                self._observe(w)
        self._remember_start()
        self.table_html = widgets.HTML()
        self.table_html.add_class("hinge-table")
        c = self.controls
        if layout == "side":
            # the table as a tab of its own: beside the menus it would not fit a short screen
            column = [widgets.HBox([c["reset"]]), controls.tabs([
                ("Postures", [c["left_lifter"], c["left_posture"], c["right_lifter"],
                              c["right_posture"]]),
                ("Differences", [self.table_html]),
                ("Load", [c["exercise"], c["load"], c["units"]])])]
            self.widget = self._side_by_side([self.image, self.message_html, self.readout_html],
                                             column)
        else:
            self.widget = widgets.VBox([
                controls.columns([[c["left_lifter"], c["left_posture"]],
                                  [c["right_lifter"], c["right_posture"]],
                                  [c["exercise"], c["load"], c["units"], c["reset"]]], style),
                self.image, self.message_html, self.table_html, self.readout_html])
        self._dress(self.widget, "hinge-compare", style)
        if not self.refresh():
            raise ValueError(f"the starting postures are not possible: {self.message}")

    def _on_menu(self, change):
        """A menu choice that is not possible goes back: menu and figure agree."""
        if self.refresh() is not False:
            return
        why = self.message
        with self._quiet():
            change["owner"].value = change["old"]
        self._show_message(f"{why.removesuffix(' The figure shows the last possible pair.')} "
                           f"The {change['owner'].description} menu is back at "
                           f"\u201c{change['old']}\u201d, the pair shown.")

    def _side(self, side):
        c = self.controls
        body = presets.lifter(c[f"{side}_lifter"].value)
        load = presets.load(c["exercise"].value, self.load_kg)
        posture = presets.posture_for(c["exercise"].value, body, load,
                                      c[f"{side}_posture"].value)
        return body, analyze(body, posture, load)

    def _compute(self):
        out = {}
        for side in SIDES:
            try:
                out[side] = self._side(side)
            except ValueError as exc:
                raise ValueError(f"{side}: {exc}") from None
            if not bool(out[side][1].balanced):
                reasons = out[side][1].messages() or ["the weight falls outside the foot"]
                return (f"The {side} pose is not possible: " + "; ".join(reasons)
                        + ". The figure shows the last possible pair.")
        self.bodies = {k: v[0] for k, v in out.items()}
        self.results = {k: v[1] for k, v in out.items()}
        self.table = self._table()
        return None

    def _table(self):
        rows = []
        for name, unit, digits, f in MEASURES:
            a, b = (f(self.results[s], self.bodies[s]) for s in SIDES)
            rows.append((name, f"{number(a, digits)} {unit}", f"{number(b, digits)} {unit}",
                         f"{number(b - a, digits, sign=True)} {unit}"))
        return rows

    def _draw(self):
        c = self.controls
        units, exercise = c["units"].value, c["exercise"].value
        for side in SIDES:
            r, body = self.results[side], self.bodies[side]
            title = f"{side}: {c[side + '_lifter'].value}, {c[side + '_posture'].value}"
            self.sticks[side].update(
                r, overlays=("com", "midfoot", "hip_to_bar"), load_kind=exercise, caption=title,
                note=(f"compression {number(r.disc['compression'])} N\n"
                      + controls.caption(exercise, self.load_kg, units, body.mass)))
        head = "".join(f"<th>{h}</th>" for h in ("measure", "left", "right", "right − left"))
        # a number never parts from its unit ("22 cm", not "22" above "cm"): the
        # measure's words wrap instead when the table sits in a narrow column
        body = "".join("<tr>" + "".join(f"<td>{html.escape(v).replace(' ', '&nbsp;')}</td>"
                                        if k else f"<td>{html.escape(v)}</td>"
                                        for k, v in enumerate(row)) + "</tr>"
                       for row in self.table)
        self.table_html.value = (f"<table class='hinge-table' style='font-size:1.05em'>"
                                 f"<tr>{head}</tr>{body}</table>")
        # the table above already lists every measure (and reads well in a screen
        # reader); the words sum up the differences that matter most for the back
        key = {m: d for m, _, _, d in self.table}
        return ("Right against left: hip to bar " + key["hip to bar"] + ", L5/S1 moment "
                + key["L5/S1 moment"] + ", compression " + key["L5/S1 compression"]
                + ", shear " + key["L5/S1 shear"] + ".")
