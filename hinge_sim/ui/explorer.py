"""Explorer: move the lifter's body, posture and load.

Watch the loads on the lower back and hips change.

Usage
-----
1. ``from hinge_sim.ui import Explorer``
2. ``ex = Explorer(posture="rounded back", ghost="textbook hinge")``; end a cell with ``ex``.
3. From Python: ``ex.set(knee=30, hip=90)``; ``ex.result``, ``ex.readout``, ``ex.png``.
4. On the figure: drag the hip, knees, bar or lower back (``ex.grab``), or Tab to it
   and use the keys (``ex.keys``: H, K, B, L choose, the arrows move).
"""
import ipywidgets as widgets

from ..model import presets as named
from ..model.analysis import analyze
from ..model.body import Body
from ..model.pose import Posture
from ..model.strength import STRENGTH_LEVELS
from ..viz import OVERLAYS, gauge_text, posture_layout
from ..viz.numbers import number
from ..viz.words import describe
from . import controls
from .controls import limit_slider
from .grab import Grab
from .keys import Keys
from .live import LiveText
from .panel import Panel

BODY_FIELDS = ("stature", "mass", "sex", "strength", "thigh", "shank", "torso", "arm", "slr",
               "dorsiflexion")
POSTURE_FIELDS = ("knee", "hip", "lumbar", "bar", "weight_shift")
BODY_DEFAULTS = dict(strength="population", thigh=1.0, shank=1.0, torso=1.0, arm=1.0, slr=80.0,
                     dorsiflexion=40.0)
POSTURE_DEFAULTS = dict(knee=15.0, hip=0.0, lumbar=0.0, bar=0.0, weight_shift=0.0)
# shown only when a lesson names them in ``show`` (the full panel stays short)
ON_REQUEST = ("dorsiflexion", "weight_shift")
GROUPS = (("Lifter", ("lifter",) + BODY_FIELDS),
          ("Posture", ("posture",) + POSTURE_FIELDS),
          ("Load", ("exercise", "load", "units", "bracing")),
          ("View", ("overlays", "ghost", "reset", "freeze")))
# "side" layout: the buttons above, then the groups as tabs, the key ones first
SIDE_BUTTONS = ("reset", "freeze")
SIDE_TABS = ("Posture", "View", "Load", "Lifter")
NO_GHOST, FROZEN = "none", "frozen pose"


class Explorer(Panel):
    """Sliders for lifter, posture and load; a stick figure, gauges and words.

    Parameters
    ----------
    lifter, posture : str
        Names in :data:`hinge_sim.presets.LIFTERS` and ``POSTURES``.
    exercise : str
        A name in :data:`hinge_sim.presets.EXERCISES`.
    load : float
        Load in ``units``.
    units : {"kg", "lb"}
    bracing : float
        0 relaxed to 1 full brace.
    style : {"default", "projector", "high contrast"}
    overlays : sequence of str
        Overlays switched on at the start (see :data:`hinge_sim.viz.OVERLAYS`).
    ghost : str or Result, optional
        A posture preset name drawn faint and dashed, or a Result.
    show : list of str, optional
        Control names to display; the others are hidden but still work.
    presets : list of str, optional
        Posture names for the preset menu, in this order.
    dpi : float, optional
        Render resolution (default the style's).
    layout : {"stack", "side"}
        ``"stack"``: the figure, then the controls in columns under it.
        ``"side"``: Reset and Freeze ghost, then the groups as tabs (Posture
        first), beside the figure; under it on a narrow page.
    """

    def __init__(self, lifter="average man", posture="textbook hinge", exercise="RDL",
                 load=40.0, units="kg", bracing=0.0, style="default",
                 overlays=("com", "midfoot"), ghost=None, show=None, presets=None, dpi=None,
                 layout="stack"):
        super().__init__(dpi)
        self._check_layout(layout)
        # the pose and its loads in sentences, announced by screen readers on each change
        self.words = LiveText()
        self.words.add_class("hinge-words")
        postures = list(presets) if presets is not None else list(named.POSTURES)
        for name in postures:
            named.posture(name)  # raises ValueError naming an unknown posture
        self.style = style
        self.fig, self.stick, self.gauges = posture_layout(style)
        self.controls = self._make_controls(lifter, posture, postures, exercise, load, units,
                                            bracing, overlays)
        if named.from_the_floor(exercise):
            self._floor_setup()
        self._ghost = None
        self._set_ghost(ghost)
        self._remember_start()
        self._start_ghost = ghost
        self.result = None
        self.body = None
        self.note = ""
        self.reasons = []
        for name, w in self.controls.items():
            if name in ("lifter", "posture", "units", "exercise", "ghost"):
                self._observe(w, getattr(self, f"_on_{name}"))
            elif name == "overlays":
                for b in w.children:
                    self._observe(b)
            elif name == "freeze":
                w.on_click(self._callback(lambda _b: self.freeze()))
            elif name != "reset":  # the shared Reset is wired where it is made
                self._observe(w)
        self._update_modes()
        # the figure takes focus; keys choose a handle and move it (sliders follow)
        self.keys = Keys(self)
        self.widget = self._layout(show, layout)
        if not self.refresh():
            raise ValueError(f"the starting pose is not possible: {self.message}")
        # drag the hip, knees, bar and lower back on the figure; the sliders follow
        self.grab = Grab(self)

    # -- controls ------------------------------------------------------
    def _make_controls(self, lifter, posture, postures, exercise, load, units, bracing, overlays):
        who = {**BODY_DEFAULTS, **named.LIFTERS[_check(lifter, named.LIFTERS, "lifter")]}
        pose = {**POSTURE_DEFAULTS, **named.POSTURES[_check(posture, postures, "posture")]}
        unknown = set(overlays) - set(OVERLAYS)
        if unknown:
            raise ValueError(f"overlays {sorted(unknown)} are not known; choose from {OVERLAYS}")
        c = {
            "lifter": controls.menu("lifter", named.LIFTERS, lifter),
            "stature": limit_slider("stature", "stature (m)", who["stature"], 0.01),
            "mass": limit_slider("mass", "body mass (kg)", who["mass"], 1, ".0f"),
            "sex": controls.menu("sex", ["male", "female"], who["sex"]),
            # whose strength the gauges' "% strong enough" is measured against
            "strength": controls.menu("strength", STRENGTH_LEVELS, who["strength"]),
            **{part: limit_slider(part, f"{part} ×", who[part], 0.01)
               for part in ("thigh", "shank", "torso", "arm")},
            "slr": limit_slider("slr", "hamstrings (SLR °)", who["slr"], 1, ".0f"),
            "dorsiflexion": limit_slider("dorsiflexion", "ankle mobility (°)",
                                         who["dorsiflexion"], 1, ".0f",
                                         tooltip="how far the shin can tilt forward over the "
                                                 "flat foot (ankle dorsiflexion, °)"),
            "posture": controls.menu("posture", postures, posture),
            "knee": limit_slider("knee", "knee bend (°)", pose["knee"], 1, ".0f"),
            "hip": limit_slider("hip", "hinge depth (°)", pose["hip"], 1, ".0f"),
            "lumbar": limit_slider("lumbar", "back rounding (°)", pose["lumbar"], 1, ".0f"),
            "bar": limit_slider("bar", "bar from midfoot (m)", pose["bar"], 0.01),
            "weight_shift": limit_slider("weight_shift", "weight shift", pose["weight_shift"],
                                         0.05, tooltip="-1 on the heels, 0 over the midfoot, "
                                                       "+1 on the toes"),
            "exercise": controls.exercise_menu(exercise),
            "load": controls.load_slider(load if units == "kg" else controls.load_kg(load, units),
                                         units),
            "units": controls.units_toggle(units),
            "bracing": limit_slider("bracing", "bracing (0-1)", bracing, 0.05),
            "overlays": widgets.HBox([widgets.ToggleButton(value=o in overlays, description=o,
                                                           tooltip=f"show {o}",
                                                           layout=widgets.Layout(width="auto"))
                                      for o in OVERLAYS],
                                     layout=widgets.Layout(flex_flow="row wrap")),
            "ghost": controls.menu("ghost", [NO_GHOST, FROZEN] + list(named.POSTURES), NO_GHOST),
            "reset": self._reset_button(),
            "freeze": widgets.Button(description="Freeze ghost",
                                     tooltip="keep this pose as a dashed ghost",
                                     layout=widgets.Layout(width="auto")),
        }
        return c

    def _settable(self, name):
        return name == "overlays" or super()._settable(name)

    def _value(self, name):
        w = self.controls[name]
        if name == "overlays":
            return tuple(b.description for b in w.children if b.value)
        return w.value

    def _put(self, name, value):
        if name == "overlays":
            for b in self.controls["overlays"].children:
                b.value = b.description in value
        else:
            self.controls[name].value = value

    def _layout(self, show, layout="stack"):
        names = [n for _, group in GROUPS for n in group]
        if show is not None:
            unknown = set(show) - set(names)
            if unknown:
                raise ValueError(f"show {sorted(unknown)} are not controls; choose from {names}")

        def shown(n):
            return n in show if show is not None else n not in ON_REQUEST

        if layout == "side":
            buttons = [self.controls[n] for n in SIDE_BUTTONS if shown(n)]
            tabs = [(title, [self.controls[n] for n in dict(GROUPS)[title]
                             if shown(n) and n not in SIDE_BUTTONS]) for title in SIDE_TABS]
            column = ([widgets.HBox(buttons, layout=widgets.Layout(flex_flow="row wrap"))]
                      if buttons else []) + [controls.tabs([t for t in tabs if t[1]])]
            box = self._side_by_side([self.image, self.keys.widget, self.message_html,
                                      self.readout_html, self.words], column)
            return self._dress(box, "hinge-explorer", self.style)
        groups = []
        for title, group in GROUPS:
            items = [self.controls[n] for n in group if shown(n)]
            if items:
                groups.append([widgets.HTML(f"<b>{title}</b>")] + items)
        # The figure shows at its natural size, full width (its text stays >= 11 px on
        # screen), with the controls under it in columns that wrap.
        box = widgets.VBox([self.image, self.keys.widget, self.message_html]
                           + ([controls.columns(groups, self.style)] if groups else [])
                           + [self.readout_html, self.words])
        return self._dress(box, "hinge-explorer", self.style)

    # -- public --------------------------------------------------------
    @property
    def overlays(self):
        """The overlays switched on (tuple of names)."""
        return self._value("overlays")

    def set(self, **values):
        """Set controls by name as a user would (one redraw at the end).

        ``overlays`` takes a sequence of overlay names; buttons cannot be set.
        """
        for name in values:
            if name not in self.controls or name in ("reset", "freeze"):
                raise ValueError(f"{name!r} is not a settable control; choose from "
                                 f"{[n for n in self.controls if n not in ('reset', 'freeze')]}")
        # menus that move other sliders first, so values given here win
        first = ("lifter", "posture", "units", "exercise")
        order = sorted(values, key=lambda n: first.index(n) if n in first else len(first))
        with self._deferred():
            for name in order:
                self._put(name, values[name])
        return self

    def _after_reset(self):
        """The start ghost and the deadlift's fixed depth come back with the controls."""
        self._set_ghost(self._start_ghost)
        self._update_modes()

    def freeze(self):
        """Keep the current pose as the ghost (drawn faint and dashed)."""
        self._ghost = (self.result, FROZEN)
        with self._quiet():
            self.controls["ghost"].value = FROZEN
        self.refresh()

    # -- callbacks -----------------------------------------------------
    def _set_group(self, change, fields, values):
        """Set a group of controls from a preset at once, then redraw once.

        A preset this lifter cannot take leaves menu, sliders and figure in
        agreement: they all go back to the pose shown, and the message says
        why in a coach's words.
        """
        before = {k: self.controls[k].value for k in fields}
        with self._quiet():
            for k in fields:
                self.controls[k].value = values[k]
        if self.refresh() is not False:
            return
        reasons = "; ".join(self.reasons) or "the weight falls outside the foot"
        with self._quiet():
            change["owner"].value = change["old"]
            for k, value in before.items():
                self.controls[k].value = value
        lifter, posture = (self.controls[k].value for k in ("lifter", "posture"))
        if change["owner"] is self.controls["lifter"]:
            lifter = change["new"]
        else:
            posture = change["new"]
        self._show_message(f"The {lifter} cannot take the {posture}: {reasons}. The "
                           f"{change['owner'].description} menu is back at "
                           f"“{change['old']}”, the pose shown.")

    def _on_lifter(self, change):
        self._set_group(change, BODY_FIELDS, {**BODY_DEFAULTS, **named.LIFTERS[change["new"]]})

    def _on_posture(self, change):
        self._set_group(change, POSTURE_FIELDS,
                        {**POSTURE_DEFAULTS, **named.POSTURES[change["new"]]})

    def _on_exercise(self, change):
        self._update_modes()
        if named.from_the_floor(change["new"]):
            self._floor_setup()
        self.refresh()

    def _on_ghost(self, change):
        if change["new"] == FROZEN:
            self._ghost = (self.result, FROZEN)
        else:
            self._set_ghost(None if change["new"] == NO_GHOST else change["new"])
        self.refresh()

    def _set_ghost(self, ghost):
        """None, a posture preset name, or a Result."""
        if ghost is None or isinstance(ghost, str) and ghost == NO_GHOST:
            self._ghost, value = None, NO_GHOST
        elif isinstance(ghost, str):
            named.posture(ghost)  # raises ValueError naming the preset
            self._ghost, value = (ghost, ghost), ghost
        else:
            self._ghost, value = (ghost, "reference pose"), FROZEN
        with self._quiet():
            self.controls["ghost"].value = value

    def _update_modes(self):
        """From the floor (a deadlift) the depth is found so the plates touch the floor."""
        self.controls["hip"].disabled = named.from_the_floor(self.controls["exercise"].value)
        self.controls["load"].disabled = self.controls["exercise"].value == "dowel"

    def _floor_setup(self):
        """Start a lift from the floor from the calibrated set-up.

        :func:`hinge_sim.presets.posture_for` with no posture
        (:data:`~hinge_sim.presets.DEADLIFT_SETUP`: knees about 100°, lower
        back about 20°): the sliders take its knee bend, rounding, bar and
        depth. Later knee changes keep the plates on the floor (``_posture``).
        """
        setup = named.posture_for(self.controls["exercise"].value, self._body(), self._load())
        with self._quiet():
            for k in POSTURE_FIELDS:
                self.controls[k].value = round(float(getattr(setup, k)), 2)

    # -- model and drawing ---------------------------------------------
    def _body(self):
        return Body(**{k: self.controls[k].value for k in BODY_FIELDS})

    def _load(self):
        return named.load(self.controls["exercise"].value, self.load_kg)

    def _posture(self, body, load):
        c = self.controls
        exercise = c["exercise"].value
        posture = named.posture_for(exercise, body, load,
                                    Posture(**{k: c[k].value for k in POSTURE_FIELDS}))
        self.note = ""
        if named.from_the_floor(exercise):
            with self._quiet():
                c["hip"].value = round(float(posture.hip))
            self.note = (f"{exercise.capitalize()} from the floor: hinge depth "
                         f"{number(posture.hip)}° puts the plates on the floor (the depth "
                         "slider follows the knees).")
        return posture

    def _compute(self):
        body = self._body()
        load = self._load()
        posture = self._posture(body, load)
        result = analyze(body, posture, load, self.controls["bracing"].value)
        self.reasons = []
        if not bool(result.balanced):
            reasons = self.reasons = result.messages() or ["the weight falls outside the foot"]
            return ("This pose is not possible: " + "; ".join(reasons)
                    + ". The figure shows the last possible pose.")
        ghost = None
        if self._ghost is not None:
            g, label = self._ghost
            ghost = analyze(body, named.posture(g), load) if isinstance(g, str) else g
            self._ghost_result = (ghost, label)
        else:
            self._ghost_result = (None, None)
        self.body, self.result, self.posture = body, result, posture
        return None

    def _draw(self):
        c = self.controls
        units, exercise = c["units"].value, c["exercise"].value
        ghost, label = self._ghost_result
        self.stick.update(self.result, ghost=ghost, overlays=self.overlays, load_kind=exercise,
                          ghost_label=label, chosen=self.keys.chosen if self.keys.shown else None,
                          caption=controls.caption(exercise, self.load_kg, units, self.body.mass))
        self.gauges.update(self.result, self.body.mass, units)
        text = gauge_text(self.result, self.body.mass, units, exercise)
        self.words.text = describe(self.posture, self.result, self.body.mass, units, exercise)
        return f"{self.note}\n{text}" if self.note else text



def _check(name, options, what):
    if name not in options:
        raise ValueError(f"{what} {name!r} is not a preset; choose from {list(options)}")
    return name
