"""Matplotlib views of the hinge model, updated in place (no ipywidgets here).

Usage
-----
1. ``from hinge_sim import viz``
2. ``fig = viz.posture_figure(hs.analyze(body, posture, load), style="projector")``
3. ``png = viz.to_png(fig)``

Views: :class:`StickFigure`, :class:`Gauges`, :class:`RepPlot`; words:
:func:`gauge_text`; styles and palette: :mod:`hinge_sim.viz.styles`.
"""
from . import numbers, styles, textcache
from .figures import MIN_TEXT_PX, new_figure, posture_figure, posture_layout, smallest_text
from .frames import frame, system_com
from .gauges import Gauges, dowel_words, gauge_rows, gauge_text, mass_text
from .numbers import number
from .render import Renderer, to_png
from .repplot import BREATHING, RepPlot, phase_spans
from .stick import OVERLAYS, VIEW, StickFigure
from .styles import PALETTE, STYLES, zone

__all__ = ["numbers", "styles", "textcache", "StickFigure", "Gauges", "RepPlot", "gauge_text",
           "gauge_rows", "mass_text", "dowel_words", "number", "posture_figure", "posture_layout",
           "new_figure", "smallest_text", "MIN_TEXT_PX", "to_png", "Renderer", "frame",
           "system_com", "PALETTE", "STYLES", "zone",
           "OVERLAYS", "VIEW", "BREATHING", "phase_spans"]
