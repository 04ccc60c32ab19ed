"""Video panel: one time cursor moves the video frame, the fitted figure and the plots.

Usage
-----
1. ``rv = hinge_sim.video.review.review(frames, times, bar, export, load, mass=80)``
2. ``vp = VideoPanel(rv)``; end a cell with ``vp``.
3. From Python: ``vp.goto(3.5)`` (s); ``vp.moment`` is what is shown
   (frame, velocity, loads, lumbar flexion, and whether the fit is good at this frame).
"""
import ipywidgets as widgets

from ..video.review import Review
from ..viz.figures import new_figure
from ..viz.numbers import number
from ..viz.overlay import VideoView
from . import controls
from .panel import Panel


class VideoPanel(Panel):
    """A reviewed set with one time cursor.

    Parameters
    ----------
    review : Review
        From :func:`hinge_sim.video.review.review`.
    t : float, optional
        Where the cursor starts (s; default: the first rep's bottom).
    style : {"default", "projector", "high contrast"}
    dpi : float, optional

    Raises
    ------
    TypeError
        When ``review`` is not a Review, or ``t`` not a number.
    ValueError
        When ``t`` is outside the video.
    """

    def __init__(self, review, t=None, style="default", dpi=None):
        if not isinstance(review, Review):
            raise TypeError(f"review must be a Review from hinge_sim.video.review.review, got "
                            f"{type(review).__name__}")
        super().__init__(dpi)
        self.review = review
        lo, hi = review.span
        if t is None:
            t = review.reps[0].lowered if review.reps else lo
        t = review.check_time(t)
        step = float(review.times[1] - review.times[0]) if review.times.size > 1 else 0.1
        self.fig = new_figure(style)
        self.view = VideoView(self.fig, style)
        self.view.update(review)
        self.moment = None
        self.controls = {
            "time": widgets.FloatSlider(value=t, min=lo, max=hi, step=step,
                                        description="time (s)", readout_format=".2f",
                                        style=controls.WIDE, continuous_update=True,
                                        layout=widgets.Layout(width="100%")),
        }
        self._observe(self.controls["time"])
        self.widget = widgets.VBox([self.controls["time"], self.image, self.message_html,
                                    self.readout_html])
        self._dress(self.widget, "hinge-video-panel", style)
        self.refresh()

    def goto(self, t):
        """Move the cursor to time ``t`` (s): the frame, the figure and the plots follow."""
        self.controls["time"].value = self.review.check_time(t)
        return self

    def _compute(self):
        self.review.check_time(self.controls["time"].value)
        return None

    def _draw(self):
        self.moment = m = self.view.set_time(self.controls["time"].value)
        where = f"rep {m.rep.number}" if m.rep is not None else "between reps"
        book = ("" if m.textbook is None else
                f" (textbook hinge {number(m.textbook['compression'])} N and "
                f"{number(m.textbook['shear'])} N)")
        return (f"{m.t:.2f} s, {where}: bar {m.velocity:+.2f} m/s. "
                f"L5/S1 compression {number(m.compression)} N, shear {number(m.shear)} N{book}; "
                f"{m.lumbar_words()}.\n"
                f"This frame: {m.status}.")
