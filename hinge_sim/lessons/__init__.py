"""What answers each lesson step: the panel, the table and the words, from one call.

A lesson asks a question first and shows its answer only once the learner has
committed (``Prediction(..., reveal=lesson.some_answer)``). Every answer here is
a zero-argument function that builds the panel the lesson plays with and the
explanation, with every number in the words read from that panel's own results
or from the same model call, so the text and the screen cannot disagree. The
tests in ``tests/test_lessons.py`` call the same functions and check each claim
the words make.

Usage
-----
1. ``from hinge_sim.lessons import what_not_to_do as lesson``
2. ``Prediction(question, options, answer, key=..., reveal=lesson.rounding_answer)``
3. ``a = lesson.rounding_answer()``; ``a.panel`` (the panel), ``a.text`` (the
   Markdown words), ``a.found`` (the named results the words were built from).

One module per lesson, named after it; the notebooks hold the questions, the
quizzes and the prose around them.
"""

import numpy as np


class Answer:
    """What answers a lesson step: panels, tables and the words that explain them.

    Parameters
    ----------
    *parts : panel, ipywidgets widget or str
        Shown in order; a str is Markdown (tables allowed).
    **found
        The named results the words were built from (for the tests and for a
        curious reader).
    """

    def __init__(self, *parts, **found):
        self.parts, self.found = parts, found

    @property
    def text(self):
        """All the words of the answer, as one Markdown string."""
        return "\n\n".join(p for p in self.parts if isinstance(p, str))

    @property
    def panel(self):
        """The first part that is not words (the panel the step plays with), or None."""
        return next((p for p in self.parts if not isinstance(p, str)), None)

    @property
    def widget(self):
        """All parts in one ipywidgets box (words as Markdown outputs), built once.

        The words are added to their output areas from the kernel
        (``append_display_data``), so they are part of the widget's state and
        show without the front end having to capture anything.
        """
        if getattr(self, "_widget", None) is None:
            import ipywidgets as widgets
            from IPython.display import Markdown

            children = []
            for part in self.parts:
                if isinstance(part, str):
                    out = widgets.Output()
                    out.append_display_data(Markdown(part))
                    children.append(out)
                else:
                    children.append(getattr(part, "widget", part))
            self._widget = widgets.VBox(children)
            self._widget.add_class("hinge-answer")
        return self._widget

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)


def rows(header, *lines):
    """Build a Markdown table from a header row and data rows (sequences of cells).

    Parameters
    ----------
    header : sequence of str
    *lines : sequence
        Each a row of the same length as ``header``; cells are shown as given.

    Raises
    ------
    ValueError
        When a row's length differs from the header's.
    """
    header = list(header)
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for line in lines:
        line = list(line)
        if len(line) != len(header):
            raise ValueError(f"row {line!r} has {len(line)} cells, the header {len(header)}")
        out.append("| " + " | ".join(str(c) for c in line) + " |")
    return "\n".join(out)


def percent(new, old):
    """Return the change from ``old`` to ``new`` in percent, signed (float)."""
    return 100.0 * (float(new) / float(old) - 1.0)


def num(x):
    """Return a number or a one-element array as a float."""
    return float(np.asarray(x))
