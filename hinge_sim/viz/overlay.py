"""The bar path and the fitted stick figure over a video frame, with the rep's plots beside it.

Usage
-----
1. ``rv = hinge_sim.video.review.review(...)`` (a reviewed set)
2. ``view = VideoView(new_figure("default"), "default")``; ``view.update(rv)``
3. ``view.set_time(2.0)`` moves the frame, the figure and the plots' cursor
   together and returns the :class:`~hinge_sim.video.review.Moment` shown;
   or ``fig = video_figure(rv, 2.0)``.

Left: the frame in grey, the whole bar path (orange) with the bar now (a
dot), the tracked points (open squares) and the model's fitted figure
(black, the spine blue), and a line of words saying whether the fit is good
at this frame or what is wrong. Right, over the set: the bar's vertical
velocity; the athlete's L5/S1 compression and shear (solid) beside the
textbook hinge at the same load and the measured tempo (dashed), with
the NIOSH and shear limits. Colours are Okabe-Ito; lines differ in style too.
"""
import numpy as np

from ..model.constants import COMPRESSION_LIMITS, SHEAR_LIMITS
from .styles import LABEL_BOX, PALETTE, get_style

FIGURE = (("ankle", "knee", "hip"), ("hip", "l5s1"), ("l5s1", "c7t1", "head"),
          ("c7t1", "shoulder", "hand"), ("hip", "sacrum"))  # model points joined into the figure
TRACKED = ("foot", "knee", "hip", "shoulder", "bar", "sacrum")
PROBLEM = PALETTE["vermillion"]


class VideoOverlay:
    """A video frame with the bar path, the tracked points and the fitted figure.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    style : str or dict
        A name in :data:`hinge_sim.viz.styles.STYLES`.
    """

    def __init__(self, ax, style="default"):
        self.ax = ax
        self.style = s = get_style(style)
        roles = s["roles"]  # colours of the things drawn, by role
        self.image = ax.imshow(np.zeros((2, 2)), cmap="gray", vmin=0, vmax=255,
                               interpolation="nearest")
        self.path = ax.plot([], [], color=PALETTE["orange"], lw=s["line"] * 0.6,
                            label="bar path (video)")[0]
        self.bar = ax.plot([], [], "o", color=PALETTE["orange"], mec="black", ms=s["marker"] * 1.4,
                           label="bar now")[0]
        self.tracked = ax.plot([], [], "s", mfc="none", mec=PALETTE["sky blue"],
                               mew=s["thin"] * 1.5, ms=s["marker"] * 1.3,
                               label="tracked points")[0]
        self.bones = [ax.plot([], [], "-", color=roles["spine"] if k == 2 else roles["body"],
                              lw=s["line"] * 0.8, solid_capstyle="round",
                              label="fitted model" if k == 0 else None)[0]
                      for k in range(len(FIGURE))]
        self.status = ax.text(0.01, 0.99, "", transform=ax.transAxes, ha="left", va="top",
                              fontsize=s["small"], bbox=LABEL_BOX, zorder=5)
        for a in (self.image, self.path, self.bar, self.tracked, *self.bones, self.status):
            a.set_animated(True)  # a fast redraw (viz.render.Renderer) draws only these
        ax.set_xticks([])
        ax.set_yticks([])
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=2, fontsize=s["small"],
                  framealpha=0.9, handlelength=1.5, columnspacing=1.0)

    def update(self, frame, bar_path, bar_now, tracked, model, status, ok=True):
        """Draw one frame.

        Parameters
        ----------
        frame : ndarray (H, W)
            Grey frame (0-255).
        bar_path : ndarray (M, 2)
            The bar's path in pixels (column, row).
        bar_now : (float, float)
            The bar now (px).
        tracked : dict
            Name -> (column, row) px of the tracked points now.
        model : dict
            Model point name -> (column, row) px of the fitted figure now.
        status : str
            What to say about this frame.
        ok : bool
            False draws the words on an orange-red edge and the figure dashed.
        """
        frame = np.asarray(frame)
        h, w = frame.shape[:2]
        self.image.set_data(frame)
        self.image.set_extent((-0.5, w - 0.5, h - 0.5, -0.5))
        self.ax.set_xlim(-0.5, w - 0.5)
        self.ax.set_ylim(h - 0.5, -0.5)
        self.path.set_data(*np.asarray(bar_path, float).T)
        self.bar.set_data([bar_now[0]], [bar_now[1]])
        pts = np.array([tracked[k] for k in TRACKED if k in tracked], float).reshape(-1, 2)
        self.tracked.set_data(*pts.T)
        for line, names in zip(self.bones, FIGURE):
            xy = np.array([model[n] for n in names if n in model], float).reshape(-1, 2)
            line.set_data(*xy.T)
            line.set_linestyle("-" if ok else (0, (3, 2)))
        self.status.set_text(status)
        self.status.get_bbox_patch().set(ec=PROBLEM if not ok else "none",
                                         lw=self.style["thin"] * 1.5)


class VideoView:
    """The overlay on the left, the bar velocity and L5/S1 loads over the set on the right.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    style : str or dict
    """

    def __init__(self, fig, style="default"):
        self.fig = fig
        self.style = s = get_style(style)
        roles = s["roles"]  # colours of the things drawn, by role
        left = fig.add_gridspec(1, 1, left=0.01, right=0.43, top=0.98, bottom=0.17)
        gs = fig.add_gridspec(3, 1, left=0.56, right=0.98, top=0.97, bottom=0.1, hspace=0.15)
        self.overlay = VideoOverlay(fig.add_subplot(left[0]), style)
        self.ax_v = fig.add_subplot(gs[0])
        self.ax_c = fig.add_subplot(gs[1], sharex=self.ax_v)
        self.ax_s = fig.add_subplot(gs[2], sharex=self.ax_v)
        self.axes = (self.ax_v, self.ax_c, self.ax_s)
        lw = s["line"] * 0.6
        self.velocity = self.ax_v.plot([], [], color=PALETTE["orange"], lw=lw,
                                       label="bar (video)")[0]
        self.ax_v.axhline(0, color=PALETTE["grey"], lw=s["thin"])
        self.own, self.book = {}, {}
        for ax, key in ((self.ax_c, "compression"), (self.ax_s, "shear")):
            self.own[key] = ax.plot([], [], color=roles[key], lw=lw, label="athlete")[0]
            self.book[key] = ax.plot([], [], color=roles[key], lw=lw * 0.8, ls="--",
                                     label="textbook hinge")[0]
        for ax, (lo, hi), key in ((self.ax_c, COMPRESSION_LIMITS, "compression"),
                                  (self.ax_s, SHEAR_LIMITS, "shear")):
            ax.axhline(lo, color=roles[key], lw=s["thin"], ls=(0, (4, 2)), alpha=0.5)
            ax.axhline(hi, color=roles[key], lw=s["thin"], alpha=0.5)
        for ax, label in ((self.ax_v, "bar velocity\n(m/s, up +)"),
                          (self.ax_c, "L5/S1\ncompression (N)"), (self.ax_s, "L5/S1\nshear (N)")):
            ax.set_ylabel(label, fontsize=s["font"])
            ax.tick_params(labelsize=s["small"], width=s["thin"])
            ax.grid(alpha=0.3)
            ax.legend(loc="upper right", fontsize=s["small"], framealpha=0.9, ncol=2)
        for ax in self.axes[:-1]:
            ax.tick_params(labelbottom=False)
        self.ax_s.set_xlabel("time on the video (s)", fontsize=s["font"])
        self.cursor = [ax.axvline(0, color="black", lw=s["thin"] * 1.5, animated=True)
                       for ax in self.axes]
        self.review = None

    def update(self, review):
        """Show a reviewed set (:class:`hinge_sim.video.review.Review`)."""
        self.review = rv = review
        self.bar_px = rv.pixels(rv.bar.points["bar"])
        t, v = rv.speed
        self.velocity.set_data(t, v)
        own = rv.own
        for key in ("compression", "shear"):
            self.own[key].set_data(own.t, np.asarray(own.result.disc[key]))
            tt, yy = [], []
            for rep, comp in zip(rv.reps, rv.textbook):
                tt += [rep.start + np.asarray(comp.model.t), [np.nan]]
                yy += [np.asarray(comp.model.disc[key]), [np.nan]]
            self.book[key].set_data(np.concatenate(tt) if tt else [],
                                    np.concatenate(yy) if yy else [])
        lo, hi = rv.span
        self.ax_v.set_xlim(lo, hi)
        self.ax_v.set_ylim(min(v.min(), 0) * 1.3 - 0.05, max(v.max(), 0) * 1.5 + 0.05)
        for ax, key in ((self.ax_c, "compression"), (self.ax_s, "shear")):
            ys = np.concatenate([self.own[key].get_ydata(), self.book[key].get_ydata()])
            ys = ys[np.isfinite(ys)]
            ax.set_ylim(min(ys.min(), 0) * 1.2, max(ys.max(), 0) * 1.45)

    def set_time(self, t):
        """Move the frame, the fitted figure and the cursors to time ``t`` (s).

        Returns
        -------
        Moment
            What is shown (:meth:`hinge_sim.video.review.Review.at`).
        """
        rv = self.review
        m = rv.at(t)
        j = m.own
        tracked = {k: rv.pixels(np.array([np.interp(m.t, rv.export.t, rv.export.points[k][:, i])
                                          for i in (0, 1)]))
                   for k in TRACKED if k in rv.export.points}
        inside = rv.own.t[0] <= m.t <= rv.own.t[-1]
        model = {k: rv.pixels(v[j]) for k, v in rv.own.points.items()} if inside else {}
        self.overlay.update(rv.frames[m.frame], self.bar_px, self.bar_px[m.frame], tracked, model,
                            f"t = {m.t:.2f} s, frame {m.frame + 1} of {len(rv.frames)}\n"
                            f"{m.status}", m.ok)
        for c in self.cursor:
            c.set_xdata([m.t, m.t])
        return m


def video_figure(review, t, style="default"):
    """A Figure of :class:`VideoView` for a reviewed set at time ``t`` (s)."""
    from .figures import new_figure
    fig = new_figure(style)
    view = VideoView(fig, style)
    view.update(review)
    view.set_time(t)
    return fig
