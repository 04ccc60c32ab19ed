"""A rep as a movie the browser plays by itself, at real speed.

Every frame is rendered to PNG once, in Python; the frames sit in an
``ipywidgets.Stack`` of ``ipywidgets.Image``. A ``Play`` timer and a
scrubbing slider are linked to the stack's shown child in the browser
(``widgets.jslink``), so playing and scrubbing never wait on the kernel: a
busy kernel, or Voila, still shows every frame on time.

Usage
-----
1. ``rep = hinge_sim.simulate(body, top, bottom, "3-1-1-0", load, fps=60)``
2. ``movie = RepMovie(rep)``; end a cell with ``movie`` and press play.
3. ``movie.interval_ms``, ``movie.frame_times`` (s): the timing it plays at.
"""
import math

import ipywidgets as widgets
import numpy as np

from ..model.motion import PHASES
from ..viz import frame, posture_layout
from ..viz.frames import body_mass
from ..viz.render import Renderer

MIN_FPS = 30.0  # frames/s shown at real speed
TARGET_FPS = 30.0  # frames/s kept from a finer rep: smooth, and fewer frames to send


class RepMovie:
    """A rep rendered once and played in the browser.

    Parameters
    ----------
    rep : Rep
        From :func:`hinge_sim.simulate`, at ``fps`` of at least 30.
    style : {"default", "projector"}
    overlays : sequence of str
        See :data:`hinge_sim.viz.stick.OVERLAYS`.
    load_kind : str
        How the load is drawn (see :class:`hinge_sim.viz.StickFigure`).
    fps : float, optional
        Frames shown per second (30 to the rep's own); default the rep's
        own, thinned to about 30.
    dpi : float, optional
        Resolution of the frames (default the style's).

    Raises
    ------
    ValueError
        For a rep simulated at under 30 frames/s, or ``fps`` outside 30 to
        the rep's frame rate.
    """

    def __init__(self, rep, style="default", overlays=("com", "midfoot"), load_kind="barbell",
                 fps=None, dpi=None):
        t = np.asarray(rep.t, float)
        if t.ndim != 1 or len(t) < 2:
            raise ValueError("rep must be a Rep of two frames or more (from hinge_sim.simulate)")
        rep_fps = 1.0 / (t[1] - t[0])
        if rep_fps < MIN_FPS - 1e-9:
            raise ValueError(f"rep fps = {rep_fps:g} is under {MIN_FPS:g}: simulate the rep "
                             f"with fps between {MIN_FPS:g} and 240 for real-speed playback")
        fps = min(rep_fps, TARGET_FPS) if fps is None else float(fps)
        if not MIN_FPS - 1e-9 <= fps <= rep_fps + 1e-9:
            raise ValueError(f"fps = {fps!r} is outside the valid range {MIN_FPS:g} to "
                             f"{rep_fps:g} (the rep's frame rate)")
        step = max(1, math.floor(rep_fps / fps + 1e-9))
        self.indices = np.arange(0, len(t), step)
        self.frame_times = t[self.indices]
        self.interval_ms = int(round(1000.0 * step / rep_fps))
        self.pngs = self._render(rep, style, overlays, load_kind, dpi)
        self.images = [widgets.Image(value=png, format="png",
                                     layout=widgets.Layout(max_width="100%"))
                       for png in self.pngs]
        for k, image in enumerate(self.images):  # the frame's number, for tests and styling
            image.add_class("hinge-figure").add_class(f"hinge-frame-{k}")
        n = len(self.images)
        self.stack = widgets.Stack(self.images, selected_index=0)
        self.stack.add_class("hinge-movie")
        self.play = widgets.Play(value=0, min=0, max=n - 1, step=1, interval=self.interval_ms,
                                 description="play", show_repeat=True)
        labels = [f"{x:.2f} s · {PHASES[int(rep.phase[i])]}"
                  for x, i in zip(self.frame_times, self.indices)]
        self.scrub = widgets.SelectionSlider(options=list(enumerate(labels)), index=0,
                                             description="time", continuous_update=True,
                                             layout=widgets.Layout(width="100%"),
                                             style={"description_width": "initial"})
        self.links = [widgets.jslink((self.play, "value"), (self.stack, "selected_index")),
                      widgets.jslink((self.play, "value"), (self.scrub, "index"))]
        self.widget = widgets.VBox([widgets.HBox([self.play, self.scrub]), self.stack])
        self.widget.add_class("hinge-rep-movie")

    def _render(self, rep, style, overlays, load_kind, dpi):
        fig, stick, gauges = posture_layout(style)
        renderer = Renderer(fig)
        mass = body_mass(frame(rep, 0))
        pngs = []
        for i, x in zip(self.indices, self.frame_times):
            still = frame(rep, i)
            stick.update(still, overlays=overlays, load_kind=load_kind,
                         caption=f"{x:.2f} s · {PHASES[int(rep.phase[i])]}")
            gauges.update(still, mass)
            pngs.append(renderer.png(dpi))
        return pngs

    @property
    def frames(self):
        """Number of frames the movie holds."""
        return len(self.pngs)

    def _ipython_display_(self):
        from IPython.display import display
        display(self.widget)
