"""Panels as the steps of a demonstration: one tab each, each fitting one screen.

The workshop dashboard shows the Explorer, Compare and the Tempo player as
steps (tabs) instead of one long page. Built with ``layout="side"``, each
panel puts its controls beside its figure; the CSS here makes every step fit
the browser window's height, from a 1920 x 1080 screen down to a 1280 x 720
projector zoomed to 150 % (853 x 480 CSS pixels).

Usage
-----
1. ``ex = Explorer(style="projector", layout="side")`` (and the other panels).
2. ``Steps([("Explore", ex), ("Compare", cmp), ("Tempo", tp)])``; end a cell with it.
3. ``steps.tabs.selected_index = 1`` shows the second step.
"""
import ipywidgets as widgets

from .panel import Panel
from .shown import Shown

# Text size of a step (CSS px): the projector style's 22 px where the window has
# room for it, down to 14 px in a small window. 14 CSS px at 150 % zoom are 21
# screen pixels, the projector style's size on an unzoomed 1920 x 1080 screen.
# 2.05 vh and 1.15 vw are 22 px at 1080 px high and 1920 px wide.
FONT = "clamp(14px, min(2.05vh, 1.15vw), 22px)"
# Under the figure, the words take at most this many lines; more scroll inside their
# box, so a step never makes the page scroll.
READOUT_LINES = 5
# Height kept free of the figure: the step tabs (2.4 em), the words (5 lines of
# 1.45 em), the message line and the page's margins (about 2 em).
RESERVE_EM = 2.4 + READOUT_LINES * 1.45 + 3.0

STEPS_CSS = f"""<style>
.hinge-steps {{ --hinge-font: {FONT}; font-size: var(--hinge-font);
  --jp-widgets-font-size: var(--hinge-font); --jp-widgets-horizontal-tab-width: auto; }}
.hinge-steps .hinge-projector {{
  --jp-widgets-font-size: var(--hinge-font);
  --jp-widgets-inline-height: calc(var(--hinge-font) * 1.7);
  --jp-widgets-slider-handle-size: calc(var(--hinge-font) * 0.9);
  font-size: var(--hinge-font);
}}
.hinge-steps .hinge-projector .widget-label, .hinge-steps .hinge-projector .widget-readout,
.hinge-steps .hinge-projector .widget-html-content, .hinge-steps .hinge-projector button,
.hinge-steps .hinge-projector select, .hinge-steps .hinge-projector input,
.hinge-steps .hinge-projector .hinge-table,
.hinge-steps .lm-TabBar-tab {{ font-size: var(--hinge-font); }}
.hinge-steps .lm-TabBar-tab {{ min-height: 2em; line-height: 2em; padding: 0 0.8em;
  flex: 0 0 auto; }}
.hinge-steps .widget-tab > .lm-TabBar {{ min-height: 2em; }}
.hinge-steps .hinge-view img.hinge-figure {{
  max-height: calc(100vh - {RESERVE_EM:.1f} * var(--hinge-font));
  width: auto; height: auto; object-fit: contain;
}}
.hinge-steps .hinge-view .hinge-readout {{
  max-height: calc({READOUT_LINES} * 1.45 * var(--hinge-font)); overflow-y: auto;
}}
.hinge-steps .hinge-readout .widget-html-content {{ line-height: 1.45; }}
.hinge-steps .hinge-table td, .hinge-steps .hinge-table th {{ padding: 0 0.3em; }}
/* tables beside the figure (Compare's differences, the rep's peaks): a reference,
   read up close, in 0.85 of the step's text and without the widgets' tall lines */
.hinge-steps .hinge-controls .widget-html-content {{ line-height: 1.25; }}
.hinge-steps .hinge-controls table.hinge-table {{ font-size: 0.85em !important; }}
.hinge-steps .widget-tab > .widget-tab-contents {{ padding: 0.3em 0; }}
</style>"""


class Steps(Shown):
    """Panels as tabs, one demonstration step each.

    Parameters
    ----------
    steps : sequence of (str, Panel)
        Title and panel of each step, in the order of the demonstration;
        panels made with ``layout="side"`` fit one screen each.

    Attributes
    ----------
    tabs : ipywidgets.Tab
    panels : list of Panel
    widget : ipywidgets.VBox
        The tabs and their CSS (class ``hinge-steps``).
    """

    def __init__(self, steps):
        steps = list(steps)
        if not steps:
            raise ValueError("steps is empty; give one (title, panel) pair or more")
        for title, panel in steps:
            if not isinstance(title, str) or not isinstance(panel, Panel):
                raise TypeError(f"steps = {steps!r}: each step must be a (title, panel) pair, "
                                "a str and an Explorer, Compare or TempoPlayer")
        self.panels = [panel for _, panel in steps]
        self.tabs = widgets.Tab([p.widget for p in self.panels],
                                titles=[f"{k}. {title}" for k, (title, _) in
                                        enumerate(steps, start=1)], selected_index=0)
        self.tabs.add_class("hinge-step-tabs")
        css = widgets.HTML(STEPS_CSS, layout=widgets.Layout(display="none"))
        self.widget = widgets.VBox([css, self.tabs], layout=widgets.Layout(width="100%"))
        self.widget.add_class("hinge-steps")

