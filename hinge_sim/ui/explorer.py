"""Explorer: move the lifter's body, posture and load.

Watch the loads on the lower back and hips change.

Usage
-----
1. ``from hinge_sim.ui import Explorer``
2. ``ex = Explorer(posture="rounded back", ghost="textbook hinge")``; end a cell with ``ex``.
3. From Python: ``ex.set(knee=30, hip=90)``; ``ex.result``, ``ex.readout``, ``ex.png``;
   the pose shown is ``ex.body``, ``ex.posture`` and ``ex.load``.
4. On the figure: drag the hip, knees, bar or lower back (``ex.grab``), or Tab to it
   and use the keys (``ex.keys``: H, K, B, L choose, the arrows move).
5. The lifter and posture menus name the preset the sliders hold; moved off it,
   they read "(own lifter)" and "(own pose)" (from the floor, "(floor set-up)").
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
from .preset_menu import OWN_LIFTER, OWN_POSE, held, matches, show

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
# From the floor the posture menu names the calibrated set-up while the sliders hold
# it (the depth is then the one that puts the plates on the floor, not a slider's).
FLOOR_SETUP = "(floor set-up)"
MENUS = {"lifter": OWN_LIFTER, "posture": OWN_POSE}  # preset menu -> its extra entry


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

    Attributes
    ----------
    body, posture, load, result
        The pose shown: the :class:`Body`, :class:`Posture` and :class:`Load`
        the figure was drawn from, and their :class:`Result`.
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
        # what each preset menu's choice puts on its sliders
        self._presets = {
            "lifter": {n: {**BODY_DEFAULTS, **named.LIFTERS[n]} for n in named.LIFTERS},
            "posture": {n: {**POSTURE_DEFAULTS, **named.POSTURES[n]} for n in postures}}
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
        self.result = self.body = self.posture = self.load = None
        self.note = ""
        self.reasons = []
        self._refused = None  # in set(): the messages of presets refused on the way
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
        for name, value in values.items():
            if name not in self.controls or name in ("reset", "freeze"):
                raise ValueError(f"{name!r} is not a settable control; choose from "
                                 f"{[n for n in self.controls if n not in ('reset', 'freeze')]}")
            options = getattr(self.controls[name], "options", None)
            if isinstance(self.controls[name], widgets.Dropdown) and value not in options:
                raise ValueError(f"{name} = {value!r} is not in its menu; choose from "
                                 f"{list(options)}")
        # menus that move other sliders first, so values given here win
        first = ("lifter", "posture", "units", "exercise")
        order = sorted(values, key=lambda n: first.index(n) if n in first else len(first))
        self._refused = []
        try:
            with self._deferred():
                for name in order:
                    self._put(name, values[name])
        finally:
            refused, self._refused = self._refused, None
        if refused:  # a preset refused as from a click: its reason stays on screen
            text = " ".join(refused)
            self._show_message(text if self.message in ("", *refused)
                               else f"{text} {self.message}")
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
    def _set_group(self, change, menu, fields):
        """Set a group of controls from the preset chosen in a menu, then redraw once.

        A preset this lifter cannot take leaves menu, sliders and figure in
        agreement: they all go back to the pose shown, and the message says
        why in a coach's words. The same from :meth:`set`, where the redraw
        waits for the end but the check cannot. Choosing a menu's extra entry
        ("(own pose)") changes nothing.
        """
        if change["new"] not in self._presets[menu]:
            self._name_presets()  # the menu goes back to naming what the sliders hold
            return
        before = {k: self.controls[k].value for k in fields}
        with self._quiet():
            for k in fields:
                self.controls[k].value = self._presets[menu][change["new"]][k]
        why = self._why_not()
        if why is None:
            self.refresh()  # now from a click, at the end from set()
            return
        with self._quiet():
            for k, value in before.items():
                self.controls[k].value = value
        self._name_presets()
        names = {k: self._menu_words(k) for k in MENUS}
        names[menu] = f"the {change['new']}"
        who = names["lifter"]
        message = (f"{who[0].upper()}{who[1:]} cannot take {names['posture']}: {why}. The "
                   f"{menu} menu is back at “{self.controls[menu].value}”, the pose shown.")
        if self._refused is not None:
            self._refused.append(message)
        self._show_message(message)

    def _on_lifter(self, change):
        self._set_group(change, "lifter", BODY_FIELDS)

    def _on_posture(self, change):
        self._set_group(change, "posture", POSTURE_FIELDS)

    def _menu_words(self, menu):
        """A preset menu's choice as words in a sentence ("the tall lifter", "this pose")."""
        value = self.controls[menu].value
        if value == MENUS[menu]:
            return f"this {menu if menu == 'lifter' else 'pose'}"
        return f"the {value.strip('()')}"

    def _name_presets(self):
        """Make the lifter and posture menus name what their sliders hold.

        A preset's name while every slider of its group is within half a step
        of the preset's value, else the extra entry ("(own lifter)", "(own
        pose)"; :mod:`hinge_sim.ui.preset_menu`). From the floor the depth
        follows the knees, so the posture is matched without it, and the
        calibrated set-up is named :data:`FLOOR_SETUP`.
        """
        c = self.controls
        floor = named.from_the_floor(c["exercise"].value)
        fields = {"lifter": BODY_FIELDS,
                  "posture": tuple(k for k in POSTURE_FIELDS if not (floor and k == "hip"))}
        with self._quiet():
            for menu, own in MENUS.items():
                name = held(c, self._presets[menu], fields[menu], c[menu].value)
                if (name is None and menu == "posture" and floor
                        and matches(c, {**POSTURE_DEFAULTS, **named.DEADLIFT_SETUP}, fields[menu])):
                    name = FLOOR_SETUP
                show(c[menu], list(self._presets[menu]), name or own)

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

    def _model(self):
        """The model at the controls' values: body, load, posture, result (may raise ValueError)."""
        body = self._body()
        load = self._load()
        posture = self._posture(body, load)
        return body, load, posture, analyze(body, posture, load, self.controls["bracing"].value)

    def _reasons(self, result):
        """Why ``result`` is not possible, in a coach's words (``self.reasons``; [] when it is)."""
        self.reasons = [] if bool(result.balanced) else (
            result.messages() or ["the weight falls outside the foot"])
        return self.reasons

    def _why_not(self):
        """Why the pose the controls hold is not possible (None when it is).

        The model only: nothing is drawn or kept as the pose shown.
        """
        try:
            return "; ".join(self._reasons(self._model()[3])) or None
        except ValueError as exc:
            return str(exc)

    def refresh(self):
        """Recompute and redraw (see :meth:`Panel.refresh`); the preset menus follow the sliders."""
        shown = super().refresh()
        if not self._defer:
            self._name_presets()
        return shown

    def _compute(self):
        body, load, posture, result = self._model()
        if self._reasons(result):
            return ("This pose is not possible: " + "; ".join(self.reasons)
                    + ". The figure shows the last possible pose.")
        ghost = None
        if self._ghost is not None:
            g, label = self._ghost
            ghost = analyze(body, named.posture(g), load) if isinstance(g, str) else g
            self._ghost_result = (ghost, label)
        else:
            self._ghost_result = (None, None)
        self.body, self.load, self.result, self.posture = body, load, result, posture
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
