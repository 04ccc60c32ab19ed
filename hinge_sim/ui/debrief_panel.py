"""The coach's debrief: the velocity measures, the athlete's own L5/S1 loads, the journal record.

Usage
-----
1. ``rv = hinge_sim.video.review.review(frames, times, bar, export, load, mass=80)``
2. ``dp = DebriefPanel(rv, "journals", athlete="Alex")``; end a cell with ``dp``.
3. The record's measures are filled in from the video (``rv.journal_values()``);
   the coach adds the ratings and targets and presses "Save record"
   (``dp.form.save()`` from Python).

Made of the existing parts, not copies: the video panel
(:class:`~hinge_sim.ui.video_panel.VideoPanel`, the frame, the fitted figure and
the loads over the set) and the journal form
(:class:`~hinge_sim.ui.journal_form.JournalForm`, the record, the history and the
progress plot), with two tables between them whose numbers come from the
same review object.
"""
import html

import ipywidgets as widgets

from ..journal import EXERCISE_NAMES
from ..video.review import Review
from .journal_form import JournalForm
from .shown import Shown
from .video_panel import VideoPanel

VELOCITY_HEADER = ("rep", "tempo (s)", "mean velocity (m/s)", "peak velocity (m/s)",
                   "time to peak (s)", "range of motion (cm)", "mean power (W)")
LOAD_HEADER = ("rep", "peak L5/S1 compression (N)", "textbook hinge (N)",
               "peak L5/S1 shear (N)", "textbook hinge (N)")


def table_html(header, rows):
    """An HTML table (class ``hinge-table``) of a header and rows of cells (shown as given)."""
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table class='hinge-table'><tr>{head}</tr>{body}</table>"


def velocity_cells(review):
    """The velocity table's rows as text (:meth:`Review.velocity_rows`)."""
    return [(n, tempo, f"{mean:.2f}", f"{peak:.2f}", f"{ttp:.2f}", f"{100 * rom:.0f}",
             "—" if power is None else f"{power:.0f}")
            for n, tempo, mean, peak, ttp, rom, power in review.velocity_rows()]


def load_cells(review):
    """The loads table's rows as text (:meth:`Review.load_rows`)."""
    return [(n, f"{c:.0f}", f"{cb:.0f}", f"{s:.0f}", f"{sb:.0f}")
            for n, c, cb, s, sb in review.load_rows()]


class DebriefPanel(Shown):
    """A reviewed set beside the athlete's journal.

    Parameters
    ----------
    review : Review
        From :func:`hinge_sim.video.review.review`.
    folder : str or os.PathLike
        The journal folder (:class:`JournalForm`).
    athlete : str
        Whose journal.
    exercise : str
        A name in :data:`hinge_sim.journal.EXERCISE_NAMES`.
    style : {"default", "projector", "high contrast"}
    t : float, optional
        Where the video's cursor starts (s).

    Attributes
    ----------
    video : VideoPanel
    form : JournalForm
    widget : ipywidgets.VBox

    Raises
    ------
    TypeError
        When ``review`` is not a Review.
    ValueError
        For an unknown exercise.
    """

    def __init__(self, review, folder, athlete, exercise="RDL", style="default", t=None):
        if not isinstance(review, Review):
            raise TypeError(f"review must be a Review from hinge_sim.video.review.review, got "
                            f"{type(review).__name__}")
        if exercise not in EXERCISE_NAMES:
            raise ValueError(f"exercise = {exercise!r} is not known; choose from "
                             f"{list(EXERCISE_NAMES)}")
        self.review = review
        self.video = VideoPanel(review, t=t, style=style)
        self.form = JournalForm(folder, athlete=athlete, style=style)
        self.form.set(exercise=exercise, **review.journal_values())
        loss = (f"<p>Velocity loss over the set: <b>{review.velocity_loss:.0f} %</b> "
                "(fastest rep's mean velocity to the last rep's).</p>")
        flagged = review.frames_flagged()
        fit = (f"<p>The model's fit: {flagged} of {review.own.t.size} frames have a point "
               "missing or a poor fit" + (" (move the cursor to see which)." if flagged else ".")
               + f" {html.escape(review.lumbar_words())}</p>")
        self.velocity_html = widgets.HTML(table_html(VELOCITY_HEADER, velocity_cells(review))
                                          + loss)
        self.loads_html = widgets.HTML(table_html(LOAD_HEADER, load_cells(review)) + fit)
        self.widget = widgets.VBox([
            widgets.HTML("<h3>Bar velocity per rep (from the video)</h3>"), self.velocity_html,
            widgets.HTML("<h3>The athlete's own L5/S1 loads</h3>"), self.loads_html,
            self.video.widget,
            widgets.HTML("<h3>The debrief record</h3>"), self.form.widget])
        self.widget.add_class("hinge-debrief-panel")
