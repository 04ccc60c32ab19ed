"""Predict-then-check and self-check widgets for the lessons.

A lesson asks the learner to commit to a prediction *before* the panel that
answers it (:class:`Prediction`), and checks understanding afterwards with
questions whose every wrong answer explains itself (:class:`Quiz`,
:class:`Estimate`).

Usage
-----
1. ``Prediction("What happens to ...?", {"It rises": "why ...", "It falls": "why ..."},
   answer="It rises")``: the learner picks, presses *Lock in*, plays with the
   panel below, then presses *Reveal*.
2. ``Quiz("Which cue ...?", {...}, answer=...)``: feedback as soon as an answer is chosen.
3. ``Estimate("How many body weights ...?", answer=4.2, tolerance=0.8, low=0, high=10,
   unit="BW", explain="...")``: a slider guess checked against the model's number.

Every widget can be driven from Python (``choose``, ``lock``, ``reveal``), which
is how the tests and the lessons' hidden checks use them.
"""
import html

import ipywidgets as W

from .messages import never_raise

GOOD, BAD, NOTE = "hinge-good", "hinge-bad", "hinge-note"
_ICON = {GOOD: "✔ Right.", BAD: "✘ Not quite.", NOTE: "🔒"}
_COLOUR = {GOOD: "#009E73", BAD: "#D55E00", NOTE: "#0072B2"}  # Okabe-Ito


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


class _Question:
    """Shared parts of every self-check: the question, the feedback area, display."""

    def __init__(self, question):
        self.question = W.HTML(f"<b>{html.escape(question)}</b>")
        self.output = W.HTML(layout=W.Layout(min_height="1.5em"))
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
        """Build the question's outer box, with the wrapping CSS, and its class."""
        css = W.HTML(QUIZ_CSS, layout=W.Layout(display="none"))
        box = W.VBox([css, self.question, *rows, self.output])
        box.add_class("hinge-question")
        return box

    def _ipython_display_(self):
        from IPython.display import display
        display(self.widget)


class _Choice(_Question):
    """A question with options, each with its explanation, and the answer."""

    def __init__(self, question, options, answer):
        if answer not in options:
            raise ValueError(f"answer {answer!r} is not one of the options {list(options)}")
        super().__init__(question)
        self.options, self.answer = dict(options), answer
        self.choices = W.RadioButtons(options=list(options), value=None,
                                      layout=W.Layout(width="auto"))

    @property
    def correct(self):
        """True when the chosen option is the answer; None before a choice."""
        return None if self.choices.value is None else self.choices.value == self.answer

    def choose(self, option):
        """Pick an option, as a learner clicking it would."""
        if option not in self.options:
            raise ValueError(f"option {option!r} is not one of {list(self.options)}")
        self.choices.value = option

    def _verdict(self):
        chosen = self.choices.value
        kind = GOOD if chosen == self.answer else BAD
        return _box(kind, html.escape(self.options[chosen]))


class Quiz(_Choice):
    """A self-check question with immediate, specific feedback.

    Parameters
    ----------
    question : str
    options : dict
        Option text -> explanation shown when that option is chosen. The
        explanation of a wrong option says *why* it is wrong.
    answer : str
        The correct option.
    """

    def __init__(self, question, options, answer):
        super().__init__(question, options, answer)
        self.choices.observe(self._safe(lambda change: self._show()), names="value")
        self.widget = self._layout(self.choices)
        self.widget.add_class("hinge-quiz")

    def _show(self):
        self.output.value = "" if self.choices.value is None else self._verdict()


class Prediction(_Choice):
    """Commit to a prediction, try it in the panel, then reveal the explanation.

    Parameters
    ----------
    question : str
    options : dict
        Option text -> explanation shown on reveal for that choice.
    answer : str
        The option the model bears out.
    """

    def __init__(self, question, options, answer):
        super().__init__(question, options, answer)
        self.lock_button = W.Button(description="Lock in my prediction",
                                    button_style="primary", layout=W.Layout(width="auto"))
        self.reveal_button = W.Button(description="Reveal the answer",
                                      disabled=True, layout=W.Layout(width="auto"))
        self.lock_button.on_click(self._safe(lambda _: self.lock()))
        self.reveal_button.on_click(self._safe(lambda _: self.reveal()))
        self.choices.observe(self._safe(lambda change: self._ready()), names="value")
        self.lock_button.disabled = True
        self.widget = self._layout(self.choices, W.HBox([self.lock_button, self.reveal_button]))
        self.widget.add_class("hinge-prediction")

    @property
    def locked(self):
        """True once the learner has committed to a prediction."""
        return self.choices.disabled

    def _ready(self):
        self.lock_button.disabled = self.choices.value is None or self.locked

    def lock(self):
        """Commit to the chosen option; it can no longer change."""
        if self.choices.value is None:
            self.output.value = _box(BAD, "Pick an option first, then lock it in.")
            return
        self.choices.disabled = self.lock_button.disabled = True
        self.reveal_button.disabled = False
        self.output.value = _box(NOTE, f"You predicted: <i>{html.escape(self.choices.value)}"
                                       "</i>. Now try it in the panel below, then reveal.")

    def reveal(self):
        """Show whether the prediction held, and why."""
        if not self.locked:
            self.output.value = _box(BAD, "Lock in a prediction before you reveal the answer.")
            return
        self.reveal_button.disabled = True
        self.output.value = self._verdict()


class Estimate(_Question):
    """Guess a number with a slider, then check it against the model.

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
        Why the answer is what it is (shown after checking).
    """

    def __init__(self, question, answer, tolerance, low, high, step=None, unit="", explain=""):
        if not low <= answer <= high:
            raise ValueError(f"answer = {answer:g} is outside the slider range {low:g} to {high:g}")
        if tolerance <= 0:
            raise ValueError(f"tolerance = {tolerance:g} must be positive")
        super().__init__(question)
        self.answer, self.tolerance, self.unit, self.explain = answer, tolerance, unit, explain
        self.slider = W.FloatSlider(value=low, min=low, max=high,
                                    step=step or (high - low) / 100,
                                    description=f"Guess ({unit})" if unit else "Guess",
                                    style={"description_width": "initial"},
                                    layout=W.Layout(width="min(100%, 520px)"))
        self.check_button = W.Button(description="Check my guess",
                                     button_style="primary", layout=W.Layout(width="auto"))
        self.check_button.on_click(self._safe(lambda _: self.check()))
        self.widget = self._layout(self.slider, self.check_button)
        self.widget.add_class("hinge-estimate")

    @property
    def correct(self):
        """True when the guess is within the tolerance of the answer."""
        return abs(self.slider.value - self.answer) <= self.tolerance

    def guess(self, value):
        """Set the guess, as a learner moving the slider would."""
        self.slider.value = value

    def check(self):
        """Compare the guess with the model's answer and explain."""
        off = self.slider.value - self.answer
        how = ("close enough" if self.correct else
               f"{abs(off):.3g} {self.unit} too {'high' if off > 0 else 'low'}")
        text = (f"The model says {self.answer:.3g} {self.unit}; your guess was "
                f"{self.slider.value:.3g} {self.unit} ({how}). {html.escape(self.explain)}")
        self.output.value = _box(GOOD if self.correct else BAD, text)
