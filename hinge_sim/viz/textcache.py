"""Fast text for figures redrawn many times: each string is laid out and
rasterised once, then stamped from a cache.

Matplotlib's Agg renderer lays out every string (text shaping) and renders
every glyph again on each draw: about 2 ms for a 25-character label, which
made text most of a panel update. :func:`install` replaces the renderer's
``draw_text`` (and ``get_text_width_height_descent``) on one renderer with
cached versions:

- a string's bitmap (its alpha mask) is kept, so an unchanged label moved
  elsewhere costs one stamp;
- a new string is built from cached glyph bitmaps (rendered at a quarter
  pixel of horizontal offset), and the layout of a string whose digits are
  replaced by ``0`` is reused: the fonts used here have digits of one width
  and no kerning with digits (checked by tests), so "3095 N" and "2871 N"
  share a layout.

The whole string lands on whole pixels (at most half a pixel from where
matplotlib would put it). Rotated and math text go the usual way.

Usage
-----
``install(canvas.get_renderer())`` before drawing; idempotent.
"""
import re

import numpy as np
from matplotlib.backends.backend_agg import get_hinting_flag
from matplotlib.ft2font import RenderMode

MAX_STRINGS = 2048  # cached string bitmaps (FIFO beyond that)
MAX_GLYPHS = 8192
MAX_LAYOUTS = 2048
SUBPIXEL = 4  # glyph positions are kept to 1 / SUBPIXEL pixel
DIGITS = re.compile(r"[0-9]")

_strings, _glyphs, _layouts, _metrics = {}, {}, {}, {}


def _remember(cache, key, value, limit):
    if len(cache) >= limit:
        for old in list(cache)[: limit // 4]:  # drop the oldest quarter
            del cache[old]
    cache[key] = value
    return value


def _font_key(prop, dpi, mtext):
    features = mtext.get_fontfeatures() if mtext is not None else None
    language = mtext.get_language() if mtext is not None else None
    return (hash(prop), float(dpi), tuple(features) if features else None, language)


def _layout(renderer, s, prop, mtext):
    """Layout items of ``s``: (ft_object, glyph_index, x, y) in pixels, y up."""
    template = DIGITS.sub("0", s)
    key = (template, _font_key(prop, renderer.dpi, mtext))
    items = _layouts.get(key)
    if items is None:
        font = renderer._prepare_font(prop)
        raw = font._layout(template, flags=get_hinting_flag(),
                           features=mtext.get_fontfeatures() if mtext is not None else None,
                           language=mtext.get_language() if mtext is not None else None)
        items = [(it.ft_object, it.glyph_index, it.x, it.y, it.char) for it in raw]
        _remember(_layouts, key, items, MAX_LAYOUTS)
    if template == s:
        return [(ft, g, x, y) for ft, g, x, y, _ in items]
    if len(items) != len(s) or any(c != t for (*_, c), t in zip(items, template)):
        font = renderer._prepare_font(prop)  # a ligature or a fallback: lay out for real
        return [(it.ft_object, it.glyph_index, it.x, it.y) for it in font._layout(
            s, flags=get_hinting_flag(),
            features=mtext.get_fontfeatures() if mtext is not None else None,
            language=mtext.get_language() if mtext is not None else None)]
    return [(ft, ft.get_char_index(ord(ch)) if ch != t else g, x, y)
            for (ft, g, x, y, t), ch in zip(items, s)]


def _glyph(ft, size, dpi, index, qx, qy, mode):
    """(alpha array, left, top) of one glyph drawn at a sub-pixel offset of
    (qx, qy) / SUBPIXEL pixels; top is upwards.
    """
    key = (ft.fname, size, dpi, index, qx, qy, mode)
    g = _glyphs.get(key)
    if g is None:
        ft.set_size(size, dpi)
        step = 64 // SUBPIXEL
        ft._set_transform(np.array([[0x10000, 0], [0, 0x10000]]), [qx * step, qy * step])
        bitmap = ft._render_glyph(index, get_hinting_flag(), mode)
        buf = np.array(bitmap.buffer, dtype=np.uint8)
        if mode == RenderMode.MONO:
            buf *= 0xff
        g = _remember(_glyphs, key, (buf, bitmap.left, bitmap.top), MAX_GLYPHS)
    return g


def _split(v):
    whole = int(np.floor(v))
    q = int(round((v - whole) * SUBPIXEL))
    if q == SUBPIXEL:
        whole, q = whole + 1, 0
    return whole, q


def _string(renderer, s, prop, antialiased, mtext):
    """(alpha mask, left, top) of ``s`` with its origin at pixel (0, 0), y up."""
    key = (s, antialiased, _font_key(prop, renderer.dpi, mtext))
    entry = _strings.get(key)
    if entry is not None:
        return entry
    size = prop.get_size_in_points()
    mode = RenderMode.NORMAL if antialiased else RenderMode.MONO
    parts = []
    for ft, index, x, y in _layout(renderer, s, prop, mtext):
        (ix, qx), (iy, qy) = _split(x), _split(y)
        buf, left, top = _glyph(ft, size, renderer.dpi, index, qx, qy, mode)
        if buf.size:
            parts.append((buf, ix + left, iy + top))
    if not parts:
        return _remember(_strings, key, None, MAX_STRINGS)
    x0 = min(left for _, left, _ in parts)
    x1 = max(left + b.shape[1] for b, left, _ in parts)
    y1 = max(top for _, _, top in parts)
    y0 = min(top - b.shape[0] for b, _, top in parts)
    mask = np.zeros((y1 - y0, x1 - x0), np.uint16)
    for b, left, top in parts:
        r, c = y1 - top, left - x0
        mask[r:r + b.shape[0], c:c + b.shape[1]] += b
    return _remember(_strings, key, (np.minimum(mask, 255).astype(np.uint8), x0, y1),
                     MAX_STRINGS)


def clear(everything=False):
    """Forget the cached string bitmaps, so the next strings are built anew
    (from cached glyphs and layouts); with ``everything`` also the glyphs,
    layouts and sizes. For benchmarks and tests.
    """
    for cache in (_strings,) + ((_glyphs, _layouts, _metrics) if everything else ()):
        cache.clear()


def install(renderer):
    """Give one Agg renderer cached text drawing (see the module notes)."""
    if getattr(renderer, "_hinge_text_cache", False):
        return renderer
    draw_text, measure = renderer.draw_text, renderer.get_text_width_height_descent

    def cached_draw_text(gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath or angle % 360 or not s:
            return draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
        entry = _string(renderer, s, prop, gc.get_antialiased(), mtext)
        if entry is None:
            return None
        mask, left, top = entry
        height = int(renderer.height)
        top += int(round(renderer.height - y))  # y is downwards; the mask's top upwards
        renderer._renderer.draw_text_image(mask, left + int(round(x)),
                                           height - top + mask.shape[0], 0, gc)
        return None

    def cached_measure(s, prop, ismath):
        if ismath:
            return measure(s, prop, ismath)
        template = DIGITS.sub("0", s)
        key = (template, hash(prop), float(renderer.dpi))
        whd = _metrics.get(key)
        if whd is None:
            whd = _remember(_metrics, key, measure(template, prop, ismath), MAX_LAYOUTS)
        return whd

    renderer.draw_text = cached_draw_text
    renderer.get_text_width_height_descent = cached_measure
    renderer._hinge_text_cache = True
    return renderer

