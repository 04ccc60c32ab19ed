"""Figures to PNG bytes: a plain full render, and a fast one that redraws only
what moves.
"""
import io

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

PNG_COMPRESSION = 1  # zlib level: fast to encode, a little larger


def to_png(fig, dpi=None):
    """PNG bytes of a Figure at ``dpi`` (default the figure's own)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi or fig.dpi,
                pil_kwargs={"compress_level": PNG_COMPRESSION})
    return buf.getvalue()


def mark_dynamic(ax, before):
    """Mark the artists added to ``ax`` since ``before`` (a set) as animated:
    :class:`Renderer` redraws only those on each update."""
    for a in ax.get_children():
        if a not in before:
            a.set_animated(True)


class Renderer:
    """PNG bytes of a Figure, fast: the still parts are drawn once and kept
    as a background; each render restores it and draws only the animated
    artists (those that updates move). ``savefig`` and :func:`to_png` still
    draw everything.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    """

    def __init__(self, fig):
        self.fig = fig
        self.canvas = FigureCanvasAgg(fig)
        self.background = None
        self.full_draws = 0

    def invalidate(self):
        """The still parts changed (limits, labels): draw everything next time."""
        self.background = None

    def png(self, dpi=None):
        """Render and encode; ``dpi`` changes the resolution (then a full draw)."""
        if dpi and dpi != self.fig.dpi:
            self.fig.set_dpi(dpi)
            self.background = None
        if self.background is None:
            self.canvas.draw()
            self.background = self.canvas.copy_from_bbox(self.fig.bbox)
            self.full_draws += 1
            axes_order = {ax: i for i, ax in enumerate(self.fig.axes)}
            self.dynamic = sorted(
                self.fig.findobj(lambda a: a.get_animated() and a is not self.fig),
                key=lambda a: (axes_order.get(a.axes, -1), a.get_zorder()))
        else:
            self.canvas.restore_region(self.background)
        for a in self.dynamic:
            if a.get_visible():
                self.fig.draw_artist(a)
        rgba = np.asarray(self.canvas.buffer_rgba())
        buf = io.BytesIO()
        Image.fromarray(rgba[..., :3]).save(buf, format="png", compress_level=PNG_COMPRESSION)
        return buf.getvalue()
