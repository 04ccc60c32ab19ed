"""Fast text for figures redrawn many times.

A string is rasterised once, then stamped from a cache.

Matplotlib's Agg renderer lays out and rasterises every string again on each
draw (about 2 ms for a 25-character label), which made text most of a panel
update. :func:`install` gives one renderer cached ``draw_text`` and
``get_text_width_height_descent``. Agg offers no public way in, so the cache
uses its private names, in one of two ways chosen when installed by what
this matplotlib has (each way draws a probe string first):

- ``"glyphs"`` (Agg draws text glyph by glyph, matplotlib 3.11): a new string
  is built from cached glyph bitmaps (rendered at a quarter pixel of
  horizontal offset), and the layout of a string whose digits are replaced by
  ``0`` is reused: the fonts used here have digits of one width and no
  kerning with digits (checked by tests), so "3095 N" and "2871 N" share a
  layout and a size. The string lands on whole pixels (at most half a pixel
  from where Agg puts it).
- ``"strings"`` (Agg rasterises a string whole, matplotlib 3.7 to 3.10): the
  bitmap and size Agg makes for a string are kept; the same pixels as Agg.
  (These versions hint digits to widths up to half a pixel apart, so no
  layout is shared.)

With neither (a name missing, or the probe raising) the renderer is left as
it is: plain Agg. An error while drawing switches that renderer back to plain
Agg for good and draws the text the usual way. Rotated and math text always
go the usual way. :func:`status` tells which way a renderer uses.

Usage
-----
``install(canvas.get_renderer())`` before drawing; idempotent.
"""
import logging
import re

import matplotlib
import numpy as np
from matplotlib import ft2font
from matplotlib.backends import backend_agg
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text

MAX_STRINGS = 2048  # cached string bitmaps (the oldest quarter dropped beyond that)
MAX_GLYPHS = 8192
MAX_LAYOUTS = 2048
SUBPIXEL = 4  # glyph positions are kept to 1 / SUBPIXEL pixel
DIGITS = re.compile(r"[0-9]")
PROBE = "L5/S1 3095 N"
WAYS = ("glyphs", "strings")  # in order of preference

log = logging.getLogger(__name__)
_metrics = {}


def _remember(cache, key, value, limit):
    if len(cache) >= limit:
        for old in list(cache)[: limit // 4]:
            del cache[old]
    cache[key] = value
    return value


def _missing(names):
    """Name the first of ``names`` ("module_or_class.attribute") this matplotlib lacks."""
    owners = {"ft2font": ft2font, "FT2Font": ft2font.FT2Font, "backend_agg": backend_agg,
              "RendererAgg": backend_agg.RendererAgg, "Text": Text}
    for name in names:
        owner, attribute = name.split(".")
        if not hasattr(owners[owner], attribute):
            return f"matplotlib {matplotlib.__version__} has no {name}"
    return None


class _Glyphs:
    """Strings built from cached glyph bitmaps and digit-free layouts."""

    needs = ("ft2font.RenderMode", "FT2Font._layout", "FT2Font._set_transform",
             "FT2Font._render_glyph", "FT2Font.get_char_index", "backend_agg.get_hinting_flag",
             "RendererAgg._prepare_font", "Text.get_fontfeatures", "Text.get_language")

    shares_digit_layouts = True

    def __init__(self):
        self.strings, self.glyphs, self.layouts = {}, {}, {}

    def takes(self, mtext):
        return True

    @staticmethod
    def _font_key(prop, dpi, mtext):
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        return (hash(prop), float(dpi), tuple(features) if features else None, language)

    @staticmethod
    def _raw_layout(renderer, s, prop, mtext):
        return renderer._prepare_font(prop)._layout(
            s, flags=backend_agg.get_hinting_flag(),
            features=mtext.get_fontfeatures() if mtext is not None else None,
            language=mtext.get_language() if mtext is not None else None)

    def _layout(self, renderer, s, prop, mtext):
        """Layout items of ``s``: (ft_object, glyph_index, x, y) in pixels, y up."""
        template = DIGITS.sub("0", s)
        key = (template, self._font_key(prop, renderer.dpi, mtext))
        items = self.layouts.get(key)
        if items is None:
            items = [(it.ft_object, it.glyph_index, it.x, it.y, it.char)
                     for it in self._raw_layout(renderer, template, prop, mtext)]
            _remember(self.layouts, key, items, MAX_LAYOUTS)
        if template == s:
            return [(ft, g, x, y) for ft, g, x, y, _ in items]
        if len(items) != len(s) or any(c != t for (*_, c), t in zip(items, template)):
            # a ligature or a fallback font: lay the string out for real
            return [(it.ft_object, it.glyph_index, it.x, it.y)
                    for it in self._raw_layout(renderer, s, prop, mtext)]
        return [(ft, ft.get_char_index(ord(ch)) if ch != t else g, x, y)
                for (ft, g, x, y, t), ch in zip(items, s)]

    def _glyph(self, ft, size, dpi, index, qx, qy, antialiased):
        """Return (alpha array, left, top) of one glyph, top upwards.

        The glyph is drawn at a sub-pixel offset of (qx, qy) / SUBPIXEL pixels.
        """
        key = (ft.fname, size, dpi, index, qx, qy, antialiased)
        g = self.glyphs.get(key)
        if g is None:
            mode = ft2font.RenderMode.NORMAL if antialiased else ft2font.RenderMode.MONO
            ft.set_size(size, dpi)
            step = 64 // SUBPIXEL
            ft._set_transform(np.array([[0x10000, 0], [0, 0x10000]]), [qx * step, qy * step])
            bitmap = ft._render_glyph(index, backend_agg.get_hinting_flag(), mode)
            buf = np.array(bitmap.buffer, dtype=np.uint8)
            if not antialiased:
                buf *= 0xff
            g = _remember(self.glyphs, key, (buf, bitmap.left, bitmap.top), MAX_GLYPHS)
        return g

    def bitmap(self, renderer, s, prop, antialiased, mtext):
        """Return (alpha mask, left, top) of ``s``, its origin at pixel (0, 0), y up.

        None for a string with no ink.
        """
        key = (s, antialiased, self._font_key(prop, renderer.dpi, mtext))
        if key in self.strings:
            return self.strings[key]
        size = prop.get_size_in_points()
        parts = []
        for ft, index, x, y in self._layout(renderer, s, prop, mtext):
            (ix, qx), (iy, qy) = _split(x), _split(y)
            buf, left, top = self._glyph(ft, size, renderer.dpi, index, qx, qy, antialiased)
            if buf.size:
                parts.append((buf, ix + left, iy + top))
        if not parts:
            return _remember(self.strings, key, None, MAX_STRINGS)
        x0 = min(left for _, left, _ in parts)
        x1 = max(left + b.shape[1] for b, left, _ in parts)
        y1 = max(top for _, _, top in parts)
        y0 = min(top - b.shape[0] for b, _, top in parts)
        mask = np.zeros((y1 - y0, x1 - x0), np.uint16)
        for b, left, top in parts:
            r, c = y1 - top, left - x0
            mask[r:r + b.shape[0], c:c + b.shape[1]] += b
        return _remember(self.strings, key, (np.minimum(mask, 255).astype(np.uint8), x0, y1),
                         MAX_STRINGS)

    def draw(self, renderer, gc, x, y, s, prop, mtext):
        entry = self.bitmap(renderer, s, prop, gc.get_antialiased(), mtext)
        if entry is not None:
            mask, left, top = entry
            top += int(round(renderer.height - y))  # y is downwards; the mask's top upwards
            renderer._renderer.draw_text_image(mask, left + int(round(x)),
                                               int(renderer.height) - top + mask.shape[0], 0, gc)

    def clear(self, everything):
        self.strings.clear()
        if everything:
            self.glyphs.clear()
            self.layouts.clear()


def _split(v):
    """Whole pixels and quarter pixels of a position."""
    whole = int(np.floor(v))
    q = int(round((v - whole) * SUBPIXEL))
    if q == SUBPIXEL:
        whole, q = whole + 1, 0
    return whole, q


class _Strings:
    """Whole-string bitmaps as Agg makes them (the steps of its ``draw_text``)."""

    needs = ("FT2Font.set_text", "FT2Font.draw_glyphs_to_bitmap", "FT2Font.get_image",
             "FT2Font.get_bitmap_offset", "FT2Font.get_descent", "backend_agg.get_hinting_flag",
             "RendererAgg._prepare_font")

    shares_digit_layouts = False

    def __init__(self):
        self.strings = {}

    def takes(self, mtext):
        """Refuse text with font features or a language (Agg lays it out another way)."""
        return mtext is None or not (getattr(mtext, "get_fontfeatures", lambda: None)()
                                     or getattr(mtext, "get_language", lambda: None)())

    @staticmethod
    def antialiased(gc):
        # before 3.8 Agg's draw_text took the rcParam and Text had no antialiased property
        if hasattr(Text, "set_antialiased"):
            return gc.get_antialiased()
        return matplotlib.rcParams["text.antialiased"]

    def bitmap(self, renderer, s, prop, antialiased, mtext=None):
        """Return (alpha image, x offset, y offset) in pixels, as Agg's ``draw_text``."""
        key = (s, bool(antialiased), hash(prop), float(renderer.dpi))
        entry = self.strings.get(key)
        if entry is None:
            font = renderer._prepare_font(prop)
            font.set_text(s, 0, flags=backend_agg.get_hinting_flag())
            font.draw_glyphs_to_bitmap(antialiased=antialiased)
            xo, yo = font.get_bitmap_offset()
            image = np.array(font.get_image(), dtype=np.uint8)
            entry = _remember(self.strings, key,
                              (image, xo / 64, yo / 64 + font.get_descent() / 64), MAX_STRINGS)
        return entry

    def draw(self, renderer, gc, x, y, s, prop, mtext):
        image, dx, dy = self.bitmap(renderer, s, prop, self.antialiased(gc))
        renderer._renderer.draw_text_image(image, round(x + dx), round(y + dy) + 1, 0, gc)

    def clear(self, everything):
        self.strings.clear()


_WAYS = {"glyphs": _Glyphs(), "strings": _Strings()}


def _usable(name, renderer):
    """None if the way ``name`` works on this matplotlib, else why not."""
    way = _WAYS[name]
    reason = _missing(way.needs)
    if reason is None:
        try:
            entry = way.bitmap(renderer, PROBE, FontProperties(size=10), True, None)
            if entry is None or np.asarray(entry[0]).ndim != 2:
                reason = f"the probe string gave {entry!r}"
        except Exception as error:  # a private signature changed: any error means no
            reason = f"the probe string raised {type(error).__name__}: {error}"
    return None if reason is None else f"{name}: {reason}"


def _uninstall(renderer, reason):
    for method in ("draw_text", "get_text_width_height_descent"):
        renderer.__dict__.pop(method, None)  # the class's own methods show again
    renderer._hinge_text_cache = f"plain ({reason})"


def install(renderer, ways=WAYS):
    """Give one Agg renderer cached text drawing (see the module notes).

    Parameters
    ----------
    renderer : matplotlib.backends.backend_agg.RendererAgg
    ways : sequence of str
        Ways to try, in order, from :data:`WAYS` (tests and benchmarks pick one).

    Returns
    -------
    renderer, with the first way that works, or untouched (plain Agg) if none does.
    """
    unknown = [w for w in ways if w not in _WAYS]
    if unknown or isinstance(ways, str):
        raise ValueError(f"ways={ways!r}: expected a sequence of names from {WAYS}")
    if getattr(renderer, "_hinge_text_cache", None) is not None:
        return renderer
    reasons = []
    for name in ways:
        reason = _usable(name, renderer)
        if reason is None:
            break
        reasons.append(reason)
    else:
        _uninstall(renderer, "; ".join(reasons) or "no way asked for")
        log.info("text cache off, drawing text with plain Agg: %s", "; ".join(reasons))
        return renderer
    way = _WAYS[name]
    draw_text, measure = renderer.draw_text, renderer.get_text_width_height_descent

    def cached_draw_text(gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath or angle % 360 or not s or not way.takes(mtext):
            return draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
        try:
            way.draw(renderer, gc, x, y, s, prop, mtext)
        except Exception as error:  # never lose a figure to the cache: draw it the usual way
            _uninstall(renderer, f"{name} raised {type(error).__name__}: {error}")
            log.warning("text cache off, drawing text with plain Agg: %s: %s",
                        type(error).__name__, error)
            return draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
        return None

    def cached_measure(s, prop, ismath):
        if ismath:
            return measure(s, prop, ismath)
        template = DIGITS.sub("0", s) if way.shares_digit_layouts else s
        key = (template, hash(prop), float(renderer.dpi))
        whd = _metrics.get(key)
        if whd is None:
            whd = _remember(_metrics, key, measure(template, prop, ismath), MAX_LAYOUTS)
        return whd

    renderer.draw_text = cached_draw_text
    renderer.get_text_width_height_descent = cached_measure
    renderer._hinge_text_cache = name
    return renderer


def status(renderer):
    """Tell how ``renderer`` draws text.

    One of ``"glyphs"``, ``"strings"``, ``"plain (why)"`` or ``"not installed"``.
    """
    return getattr(renderer, "_hinge_text_cache", None) or "not installed"


def clear(everything=False):
    """Forget the cached string bitmaps, so the next strings are built anew.

    They are built from cached glyphs and layouts; with ``everything`` those
    and the sizes are forgotten too. For benchmarks and tests.
    """
    for way in _WAYS.values():
        way.clear(everything)
    if everything:
        _metrics.clear()
