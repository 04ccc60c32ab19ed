"""Figures to PNG bytes: a plain full render, and a fast one.

The fast one redraws only what moves.

The fast path encodes PNG itself (:func:`encode_png`): the canvas's RGBA rows
as they are (no conversion to RGB), no per-row filter search and one fast
zlib pass. On these mostly flat figures that is about twice as fast as
Pillow's writer for a file about a fifth larger (``benchmarks/png.py``).
"""
import io
import struct
import zlib

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg

from .textcache import install as install_text_cache

PNG_COMPRESSION = 1  # zlib level: fast to encode, a little larger
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
RGBA_8BIT = struct.pack(">BBBBB", 8, 6, 0, 0, 0)  # bit depth, colour type, methods, no interlace


def _chunk(tag, data):
    return (struct.pack(">I", len(data)) + tag + data
            + struct.pack(">I", zlib.crc32(data, zlib.crc32(tag)) & 0xFFFFFFFF))


def encode_png(rgba):
    """PNG bytes (8-bit RGBA, filter type "none" on every row) of an image.

    Parameters
    ----------
    rgba : array_like of uint8, shape (height, width, 4)
        E.g. an Agg canvas's ``buffer_rgba()``.

    Returns
    -------
    bytes
        A PNG file that decodes to exactly ``rgba``.
    """
    rgba = np.asarray(rgba)
    if rgba.dtype != np.uint8 or rgba.ndim != 3 or rgba.shape[2] != 4 or 0 in rgba.shape:
        raise ValueError(f"rgba: expected a uint8 array of shape (height >= 1, width >= 1, 4), "
                         f"got {rgba.dtype} {rgba.shape}")
    h, w = rgba.shape[:2]
    rows = np.empty((h, 1 + 4 * w), np.uint8)
    rows[:, 0] = 0  # the filter byte of each row
    rows[:, 1:] = rgba.reshape(h, 4 * w)
    return (PNG_SIGNATURE + _chunk(b"IHDR", struct.pack(">II", w, h) + RGBA_8BIT)
            + _chunk(b"IDAT", zlib.compress(rows, PNG_COMPRESSION)) + _chunk(b"IEND", b""))


def to_png(fig, dpi=None, description=None):
    """PNG bytes of a Figure at ``dpi`` (default the figure's own).

    ``description``, when given, is stored as the PNG's ``Description`` text:
    the picture's alt text, for slides and pages made from the file.
    """
    buf = io.BytesIO()
    metadata = {"Description": description} if description else None
    fig.savefig(buf, format="png", dpi=dpi or fig.dpi, metadata=metadata,
                pil_kwargs={"compress_level": PNG_COMPRESSION})
    return buf.getvalue()


def mark_dynamic(ax, before):
    """Mark the artists added to ``ax`` since ``before`` (a set) as animated.

    :class:`Renderer` redraws only those on each update.
    """
    for a in ax.get_children():
        if a not in before:
            a.set_animated(True)


class Renderer:
    """PNG bytes of a Figure, fast.

    The still parts are drawn once and kept as a background; each render
    restores it and draws only the animated artists (those that updates move).
    ``savefig`` and :func:`to_png` still draw everything.

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
        """Draw everything next time: the still parts changed (limits, labels)."""
        self.background = None

    def png(self, dpi=None):
        """Render and encode; ``dpi`` changes the resolution (then a full draw)."""
        if dpi and dpi != self.fig.dpi:
            self.fig.set_dpi(dpi)
            self.background = None
        if self.background is None:
            install_text_cache(self.canvas.get_renderer())
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
        return encode_png(np.asarray(self.canvas.buffer_rgba()))
