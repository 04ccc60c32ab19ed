"""A rep as a movie the browser plays by itself, at real speed.

Every frame is rendered to PNG once, in Python, and handed to a
:class:`~hinge_sim.ui.player.FramePlayer`, which holds them in the browser and
draws each one at its own time: playing and scrubbing never wait on the
kernel, so a busy kernel, or Voila, still shows every frame on time.

Usage
-----
1. ``rep = hinge_sim.simulate(body, top, bottom, "3-1-1-0", load, fps=60)``
2. ``movie = RepMovie(rep)``; end a cell with ``movie`` and press play.
3. ``movie.interval_ms``, ``movie.frame_times`` (s): the timing it plays at.
"""
import math

import numpy as np

from ..model.motion import phase_names
from ..viz import frame, posture_layout
from ..viz.frames import body_mass
from ..viz.render import Renderer
from .panel import PROJECTOR_FONT_PX
from .player import FONT_PX, FramePlayer, frame_label
from .shown import Shown

MIN_FPS = 30.0  # frames/s shown at real speed
TARGET_FPS = 30.0  # frames/s kept from a finer rep: smooth, and fewer frames to send


class RepMovie(Shown):
    """A rep rendered once and played in the browser.

    Parameters
    ----------
    rep : Rep
        From :func:`hinge_sim.simulate`, at ``fps`` of at least 30.
    style : {"default", "projector", "high contrast"}
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
        names = phase_names(rep)
        self.labels = [frame_label(x, rep.phase[i], names)
                       for x, i in zip(self.frame_times, self.indices)]
        self.pngs = self._render(rep, style, overlays, load_kind, dpi)
        self.player = FramePlayer(
            frames=self.pngs, times=self.frame_times.tolist(), labels=self.labels,
            alt=f"The lifter and the loads over a {t[-1]:.1f} s rep",
            font_px=PROJECTOR_FONT_PX if style == "projector" else FONT_PX)
        self.widget = self.player
        self.widget.add_class("hinge-rep-movie")

    def _render(self, rep, style, overlays, load_kind, dpi):
        fig, stick, gauges = posture_layout(style)
        renderer = Renderer(fig)
        mass = body_mass(frame(rep, 0))
        pngs = []
        for i, label in zip(self.indices, self.labels):
            still = frame(rep, i)
            stick.update(still, overlays=overlays, load_kind=load_kind, caption=label)
            gauges.update(still, mass)
            pngs.append(renderer.png(dpi))
        return pngs

    @property
    def frames(self):
        """Number of frames the movie holds."""
        return len(self.pngs)
