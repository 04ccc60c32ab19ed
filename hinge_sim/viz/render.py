"""Figures to PNG bytes: a plain full render, and a fast one that redraws only
what moves.

The fast path encodes PNG itself (:func:`encode_png`): no per-row filter
search (Pillow's adaptive filters cost three times the compression on these
mostly flat figures and barely shrink them) and the rows compressed in two
halves at once (zlib lets go of the GIL).
"""
import io
import os
import struct
import zlib
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

from .textcache import install as install_text_cache

PNG_COMPRESSION = 1  # zlib level: fast to encode, a little larger
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
BANDS = 2 if (os.cpu_count() or 1) > 1 else 1  # parts compressed in parallel
_pool = None


def _chunk(tag, data):
    return (struct.pack(">I", len(data)) + tag + data
            + struct.pack(">I", zlib.crc32(data, zlib.crc32(tag)) & 0xFFFFFFFF))


def _deflate(rows, last):
    """Raw deflate of some rows, ending on a byte boundary unless ``last``;
    returns (bytes, adler32, length).
    """
    c = zlib.compressobj(PNG_COMPRESSION, zlib.DEFLATED, -15)
    data = c.compress(rows) + c.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)
    return data, zlib.adler32(rows), len(rows)


def _adler_combine(a1, a2, len2):
    """Adler-32 of two pieces joined, from each piece's checksum (as zlib's
    adler32_combine).
    """
    base = 65521
    s1 = ((a1 & 0xFFFF) + (a2 & 0xFFFF) - 1) % base
    s2 = ((a1 >> 16) + (a2 >> 16) + (len2 % base) * ((a1 & 0xFFFF) - 1)) % base
    return (s2 << 16) | s1


def encode_png(rgba):
    """PNG bytes (8-bit RGB) of an image array of shape (height, width, 4),
    e.g. an Agg canvas buffer.
    """
    global _pool
    rgba = np.ascontiguousarray(rgba, dtype=np.uint8)
    h, w = rgba.shape[:2]
    rgb = Image.frombuffer("RGBA", (w, h), rgba, "raw", "RGBA", 0, 1).convert("RGB").tobytes()
    raw = np.empty((h, 1 + 3 * w), np.uint8)
    raw[:, 0] = 0  # filter type "none" on every row
    raw[:, 1:] = np.frombuffer(rgb, np.uint8).reshape(h, 3 * w)
    raw = memoryview(raw).cast("B")
    cuts = [h * k // BANDS * (1 + 3 * w) for k in range(BANDS + 1)]
    parts = [raw[a:b] for a, b in zip(cuts[:-1], cuts[1:])]
    if len(parts) > 1:
        if _pool is None:
            _pool = ThreadPoolExecutor(len(parts) - 1, thread_name_prefix="hinge-png")
        later = [_pool.submit(_deflate, p, k == len(parts) - 1) for k, p in enumerate(parts) if k]
        done = [_deflate(parts[0], False)] + [f.result() for f in later]
    else:
        done = [_deflate(parts[0], True)]
    adler = done[0][1]
    for _, a, n in done[1:]:
        adler = _adler_combine(adler, a, n)
    stream = b"\x78\x01" + b"".join(d for d, _, _ in done) + struct.pack(">I", adler)
    return (PNG_SIGNATURE + _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + _chunk(b"IDAT", stream) + _chunk(b"IEND", b""))


def to_png(fig, dpi=None):
    """PNG bytes of a Figure at ``dpi`` (default the figure's own)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi or fig.dpi,
                pil_kwargs={"compress_level": PNG_COMPRESSION})
    return buf.getvalue()


def mark_dynamic(ax, before):
    """Mark the artists added to ``ax`` since ``before`` (a set) as animated:
    :class:`Renderer` redraws only those on each update.
    """
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
