"""Predict-then-see and self-check widgets for the lessons.

A lesson asks the learner to commit to a prediction *before* anything that
answers it is on the screen (:class:`Prediction`, :class:`Estimate`): the panel,
table or explanation that answers it is built only when the learner presses
**Lock in**, or **Show me** (saved as a skip). Questions whose every answer
explains itself check understanding afterwards (:class:`Quiz`). Every answer is
saved with :mod:`hinge_sim.progress` and comes back when the cell runs again,
in this kernel or a new one.

Usage
-----
1. ``Prediction("What happens to ...?", {"It rises": "why ...", "It falls": "why ..."},
   answer="It rises", key="05_tempo/peak-rises", reveal=lambda: TempoPlayer(...),
   explain=f"The peak is {peak:.0f} N because ...")``: the learner picks an option and
   presses *Lock in*; then the verdict, the explanation and the panel appear.
2. ``Estimate("How many body weights ...?", answer=4.2, tolerance=0.8, low=0, high=10,
   unit="BW", explain="...", key="00_start_here/body-weights")``: a slider guess, locked
   in and checked against the model's number.
3. ``Quiz("Which cue ...?", {...}, answer=..., key="05_tempo/which-cue")``: feedback as soon
   as an answer is chosen.

Every widget can be driven from Python (``choose``, ``guess``, ``lock``, ``show_me``;
``revealed``, ``reveal_output``), which is how the tests use them.
"""
import html

import ipywidgets as widgets

from .. import progress
from .kernel_watch import KernelWatch
from .messages import never_raise
from .shown import Shown

GOOD, BAD, NOTE = "hinge-good", "hinge-bad", "hinge-note"
_ICON = {GOOD: "✔ Right.", BAD: "✘ Not quite.", NOTE: "👁 Shown."}
_COLOUR = {GOOD: "#009E73", BAD: "#D55E00", NOTE: "#0072B2"}  # Okabe-Ito
LOCK, SHOW = "Lock in", "Show me"


# Long options wrap under their own radio button instead of running into the
# next one (ipywidgets gives each option one fixed-height line).
QUIZ_CSS = """<style>
.hinge-question .widget-radio-box label { display: flex; flex-wrap: nowrap;
  white-space: normal; height: auto; line-height: 1.35; align-items: flex-start;
  margin-bottom: 0.35em; }
.hinge-question .widget-radio-box input { order: -1; margin: 0.2em 0.6em 0 0; flex: 0 0 auto; }
.hinge-question .widget-html-content { line-height: 1.35; }
</style>"""


def _box(kind, text):
    """Feedback as HTML: an icon and a word, never colour alone."""
    return (f'<div class="{kind}" style="border-left:6px solid {_COLOUR[kind]};'
            f'padding:4px 10px;font-size:1.05em;line-height:1.4">'
            f'<b>{_ICON[kind]}</b> {text}</div>')


class _Question(Shown):
    """Shared parts of every self-check: the question, its key, the feedback area, display."""

    def __init__(self, question, key):
        self.key = progress.check_key(key)
        self.question = widgets.HTML(f"<b>{html.escape(question)}</b>")
        self.output = widgets.HTML(layout=widgets.Layout(min_height="1.5em"))
        self.output.add_class("hinge-feedback")

    @property
    def feedback(self):
        """The feedback shown now, as HTML (empty before an answer)."""
        return self.output.value

    def _safe(self, fn):
        """Wrap a button or choice callback: a problem shows as feedback, never raises."""
        return never_raise(fn, lambda text: setattr(self.output, "value",
                                                     _box(BAD, html.escape(text))))

    def _layout(self, *rows):
        """Return the question's outer box, with the wrapping CSS, and its class.

        Under the CSS, the question's :class:`~hinge_sim.ui.kernel_watch.KernelWatch`
        (``self.watch``): its buttons, too, do nothing once the kernel is gone.
        """
        css = widgets.HTML(QUIZ_CSS, layout=widgets.Layout(display="none"))
        self.watch = KernelWatch()
        box = widgets.VBox([css, self.watch, self.question, *rows, self.output])
        box.add_class("hinge-question")
        return box


class _Choice(_Question):
    """A question with options, each with its explanation, and the answer."""

    def __init__(self, question, options, answer, key):
        if answer not in options:
            raise ValueError(f"answer {answer!r} is not one of the options {list(options)}")
        super().__init__(question, key)
        self.options, self.answer = dict(options), answer
        self.choices = widgets.RadioButtons(options=list(options), value=None,
                                      layout=widgets.Layout(width="auto"))

    @property
    def correct(self):
        """True when the chosen option is the answer; None before a choice."""
        return None if self.choices.value is None else self.choices.value == self.answer

    def choose(self, option):
        """Pick an option, as a learner clicking it would."""
        if option not in self.options:
            raise ValueError(f"option {option!r} is not one of {list(self.options)}")
        self.choices.value = option

    def _verdict(self, before=""):
        chosen = self.choices.value
        kind = GOOD if chosen == self.answer else BAD
        return _box(kind, before + html.escape(self.options[chosen]))


class Quiz(_Choice):
    """A self-check question with immediate, specific feedback; the choice is saved.

    Parameters
    ----------
    question : str
    options : dict
        Option text -> explanation shown when that option is chosen. The
        explanation of a wrong option says *why* it is wrong.
    answer : str
        The correct option.
    key : str
        ``"<lesson stem>/<short name>"``, unique in the course: where the
        learner's choice is saved (:mod:`hinge_sim.progress`).
    """

    def __init__(self, question, options, answer, *, key):
        super().__init__(question, options, answer, key)
        self.tries = 0
        saved = progress.step(self.key)
        if saved and saved["kind"] == "quiz" and saved.get("choice") in self.options:
            self.tries = int(saved.get("tries", 1))
            self.choices.value = saved["choice"]
            self._show()
        self.choices.observe(self._safe(lambda change: self._answered()), names="value")
        self.widget = self._layout(self.choices)
        self.widget.add_class("hinge-quiz")

    def _answered(self):
        self._show()
        if self.choices.value is not None:
            self.tries += 1
            progress.record(self.key, "quiz", "answered", choice=self.choices.value,
                            correct=self.correct, tries=self.tries)

    def _show(self):
        self.output.value = "" if self.choices.value is None else self._verdict()


class _Revealing:
    """Lock in / Show me, and the area that stays empty until one is pressed.

    The class that mixes this in sets ``KIND``, builds its inputs and
    implements ``_ready()``, ``_freeze()``, ``_verdict_for(state)``,
    ``_saved_fields()`` and ``_apply(saved)``.
    """

    KIND = None

    def _init_reveal(self, reveal, explain):
        if reveal is not None and not callable(reveal):
            raise TypeError(f"reveal = {reveal!r} must be a function of no arguments that "
                            "returns a widget, a panel or a str")
        if explain is not None and not isinstance(explain, str):
            raise TypeError(f"explain = {explain!r} must be a str (simple HTML allowed)")
        self._reveal, self._explain = reveal, explain or ""
        self.state = None
        self.reveal_output = None
        self.lock_button = widgets.Button(description=LOCK, button_style="primary",
                                    layout=widgets.Layout(width="auto"))
        self.show_button = widgets.Button(description=SHOW, layout=widgets.Layout(width="auto"),
                                    tooltip="See the answer without predicting (saved as a skip)")
        self.lock_button.on_click(self._safe(lambda _: self.lock()))
        self.show_button.on_click(self._safe(lambda _: self.show_me()))
        self.revealed_area = widgets.VBox(layout=widgets.Layout(display="none"))
        self.revealed_area.add_class("hinge-reveal")

    def _finish_layout(self, *inputs, name):
        self.widget = self._layout(*inputs, widgets.HBox([self.lock_button, self.show_button]))
        self.widget.children = (*self.widget.children, self.revealed_area)
        self.widget.add_class(name)
        self.widget.add_class("hinge-predict")
        saved = progress.step(self.key)
        if saved and saved["kind"] == self.KIND and self._apply(saved):
            self._open(saved["state"], save=False)

    @property
    def locked(self):
        """True once the learner has locked in a prediction or pressed *Show me*."""
        return self.state is not None

    @property
    def skipped(self):
        """True when the learner pressed *Show me* instead of predicting."""
        return self.state == "skipped"

    @property
    def revealed(self):
        """True once the answer (verdict, explanation, reveal) is on the screen."""
        return self.revealed_area.layout.display != "none"

    def lock(self):
        """Commit to the prediction, save it and show what answers it."""
        if self.locked:
            return
        if not self._ready():
            self.output.value = _box(BAD, "Pick an answer first, then lock it in.")
            return
        self._open("locked", save=True)

    def show_me(self):
        """Show the answer without predicting; saved as a skip."""
        if not self.locked:
            self._open("skipped", save=True)

    def _open(self, state, save):
        self.state = state
        self._freeze()
        self.lock_button.disabled = self.show_button.disabled = True
        if save:
            progress.record(self.key, self.KIND, state, **self._saved_fields())
        self.output.value = self._verdict_for(state)
        children = []
        if self._explain:
            explain = widgets.HTML(f'<div style="line-height:1.4">{self._explain}</div>')
            explain.add_class("hinge-explain")
            children.append(explain)
        if self._reveal is not None:
            try:
                self.reveal_output = self._reveal()
            except Exception as exc:
                self.output.value += _box(BAD, "The panel that answers this could not be "
                                               f"built: {html.escape(str(exc))}")
                raise
            children.append(_as_widget(self.reveal_output))
        self.revealed_area.children = children
        self.revealed_area.layout.display = "flex"


def _as_widget(shown):
    """Return a widget showing what a reveal returned (widget, panel, str, displayable)."""
    if isinstance(shown, widgets.Widget):
        return shown
    if isinstance(getattr(shown, "widget", None), widgets.Widget):  # the panels
        return shown.widget
    if isinstance(shown, str):
        return widgets.HTML(f'<pre style="line-height:1.35">{html.escape(shown)}</pre>')
    if not (hasattr(shown, "_ipython_display_") or hasattr(shown, "_repr_mimebundle_")
            or hasattr(shown, "_repr_html_")):
        raise TypeError(f"reveal returned {type(shown).__name__}, which cannot be shown: "
                        "return a widget, a panel, a str or an object IPython can display")
    out = widgets.Output()
    with out:
        from IPython.display import display
        display(shown)
    return out


class Prediction(_Revealing, _Choice):
    """Commit to a prediction, then see what answers it.

    Parameters
    ----------
    question : str
    options : dict
        Option text -> explanation shown for that choice once locked in.
    answer : str
        The option the model bears out.
    key : str
        ``"<lesson stem>/<short name>"``, unique in the course: where the
        prediction is saved (:mod:`hinge_sim.progress`).
    reveal : callable, optional
        No arguments; returns what answers the prediction (a widget, a panel
        such as an Explorer, or a str shown as text). Called only on *Lock in*
        or *Show me*.
    explain : str, optional
        The explanation (simple HTML), shown with the reveal.
    """

    KIND = "prediction"

    def __init__(self, question, options, answer, *, key, reveal=None, explain=None):
        _Choice.__init__(self, question, options, answer, key)
        self._init_reveal(reveal, explain)
        self._finish_layout(self.choices, name="hinge-prediction")

    def _ready(self):
        return self.choices.value is not None

    def _freeze(self):
        self.choices.disabled = True

    def _saved_fields(self):
        return {"choice": self.choices.value, "correct": self.correct}

    def _apply(self, saved):
        if saved["state"] == "locked":
            if saved.get("choice") not in self.options:
                self.output.value = _box(BAD, "Your saved prediction is not one of these "
                                              "options any more: pick again and lock it in.")
                return False
            self.choices.value = saved["choice"]
        return True

    def _verdict_for(self, state):
        right = f"The answer: <i>{html.escape(self.answer)}</i>. "
        if state == "skipped":
            return _box(NOTE, "You skipped the prediction. " + right
                        + html.escape(self.options[self.answer]))
        return self._verdict("" if self.correct else right)


class Estimate(_Revealing, _Question):
    """Guess a number with a slider, lock it in, then see the model's number.

    Parameters
    ----------
    question : str
    answer : float
        The model's value (computed by the lesson from the package, never typed in).
    tolerance : float
        How close counts as right, in the same unit.
    low, high, step : float
        Slider range and step.
    unit : str
        Unit shown with numbers.
    explain : str
        Why the answer is what it is (simple HTML), shown once locked in.
    key : str
        ``"<lesson stem>/<short name>"``, unique in the course.
    reveal : callable, optional
        No arguments; returns what else answers it (a widget, a panel or a str).
    """

    KIND = "estimate"

    def __init__(self, question, answer, tolerance, low, high, step=None, unit="", explain="",
                 *, key, reveal=None):
        if not low <= answer <= high:
            raise ValueError(f"answer = {answer:g} is outside the slider range {low:g} to {high:g}")
        if tolerance <= 0:
            raise ValueError(f"tolerance = {tolerance:g} must be positive")
        _Question.__init__(self, question, key)
        self.answer, self.tolerance, self.unit = answer, tolerance, unit
        self.slider = widgets.FloatSlider(value=low, min=low, max=high,
                                    step=step or (high - low) / 100,
                                    description=f"Guess ({unit})" if unit else "Guess",
                                    style={"description_width": "initial"},
                                    layout=widgets.Layout(width="min(100%, 520px)"))
        self._init_reveal(reveal, explain)
        self._finish_layout(self.slider, name="hinge-estimate")

    @property
    def correct(self):
        """True when the guess is within the tolerance of the answer."""
        return abs(self.slider.value - self.answer) <= self.tolerance

    def guess(self, value):
        """Set the guess, as a learner moving the slider would."""
        if not self.slider.min <= value <= self.slider.max:
            raise ValueError(f"guess = {value:g} is outside the slider range "
                             f"{self.slider.min:g} to {self.slider.max:g}")
        self.slider.value = value

    def _ready(self):
        return True

    def _freeze(self):
        self.slider.disabled = True

    def _saved_fields(self):
        return {"choice": float(self.slider.value), "correct": bool(self.correct)}

    def _apply(self, saved):
        if saved["state"] == "locked":
            guess = saved.get("choice")
            if not isinstance(guess, (int, float)) or not (
                    self.slider.min <= guess <= self.slider.max):
                return False
            self.slider.value = guess
        return True

    def _verdict_for(self, state):
        model = f"The model says {self.answer:.3g} {self.unit}"
        if state == "skipped":
            return _box(NOTE, f"You skipped the estimate. {model}.")
        off = self.slider.value - self.answer
        how = ("close enough" if self.correct else
               f"{abs(off):.3g} {self.unit} too {'high' if off > 0 else 'low'}")
        return _box(GOOD if self.correct else BAD,
                    f"{model}; your guess was {self.slider.value:.3g} {self.unit} ({how}).")
