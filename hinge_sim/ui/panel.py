"""What every panel shares.

The figure image, the readout, the message area, callbacks that never
raise (:mod:`hinge_sim.ui.messages`, re-exported here for forms), the Reset
every panel has, and the two layouts: ``"stack"`` (figure, then controls in
columns) and ``"side"`` (controls beside the figure, wrapping under it on a
narrow page).

A panel keeps one matplotlib Figure, renders it to PNG into an
``ipywidgets.Image`` (class ``hinge-figure``), writes plain words into an
``ipywidgets.HTML`` (class ``hinge-readout``) and problems into another
(class ``hinge-message``). When an update fails, the message says why in
plain words and the last good figure stays.
"""
import html

import ipywidgets as widgets

from ..viz.render import Renderer
from . import controls
from .kernel_watch import KernelWatch
from .messages import MessageBox, never_raise, plain
from .shown import Shown

__all__ = ["Panel", "MessageBox", "never_raise", "plain", "LAYOUTS"]

LAYOUTS = ("stack", "side")
# "side": the figure's column grows from 24 em and may shrink to nothing but its
# minimum; the controls keep 27 em (label 11.5 em + slider + readout) and drop
# under the figure when both do not fit the width (flex-wrap).
VIEW_FLEX, CONTROLS_FLEX = "1 1 24em", "0 1 27em"

# Projector style: the widgets' own fonts, sizes and slider handles, scaled for
# the back of a room, scoped to panels carrying the class ``hinge-projector``.
PROJECTOR_FONT_PX = 22
PROJECTOR_CSS = f"""<style>
.hinge-projector {{
  --jp-widgets-font-size: {PROJECTOR_FONT_PX}px;
  --jp-widgets-inline-height: {round(PROJECTOR_FONT_PX * 1.7)}px;
  --jp-widgets-slider-handle-size: {round(PROJECTOR_FONT_PX * 0.9)}px;
  --jp-widgets-slider-track-thickness: 6px;
  font-size: {PROJECTOR_FONT_PX}px;
}}
.hinge-projector .widget-label, .hinge-projector .widget-readout,
.hinge-projector .widget-html-content, .hinge-projector button,
.hinge-projector select, .hinge-projector input,
.hinge-projector .hinge-table {{ font-size: {PROJECTOR_FONT_PX}px; }}
.hinge-projector .hinge-readout .widget-html-content {{ line-height: 1.4; }}
.hinge-projector .widget-readout {{ min-width: 4.5em; }}
</style>"""
# Every panel: a focus ring a keyboard user can see on every control (3 px of the
# Okabe-Ito blue, contrast 5.2:1 on white; over the widgets' own focus styles, which
# take the outline off drop-down menus; on the figure it is drawn inside the picture,
# which an output area's edge would cut); the Explorer's figure can be grabbed
# (ui/grab.py) and posed from the keys (ui/keys.py), and a finger dragging on it
# moves the lifter, not the page. Beside
# the controls (the dashboard's side layout) the words view is for screen readers
# only: the gauges and the readout already show its numbers on a tight screen.
FOCUS_COLOUR = "#0072B2"
# A dark JupyterLab or Voila theme (``data-jp-theme-light="false"`` on the page):
# the white figure is shown inverted with its hues turned back, light lines on dark
# grey, so it does not glare in a dark room; the zones keep their hue and hatching.
DARK_INVERT = 0.88
PANEL_CSS = f"""<style>
.hinge-panel :focus-visible, .hinge-panel .noUi-handle:focus {{
  outline: 3px solid {FOCUS_COLOUR} !important; outline-offset: 2px;
}}
.hinge-explorer img.hinge-figure {{ cursor: grab; touch-action: none; }}
.hinge-panel img.hinge-figure:focus-visible {{ outline-offset: -3px; }}
.hinge-view .hinge-words {{
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
}}
body[data-jp-theme-light="false"] .hinge-panel img.hinge-figure {{
  filter: invert({DARK_INVERT}) hue-rotate(180deg);
}}
</style>"""


class Panel(Shown):
    """Base of the panels: image, readout, message and a safe update path.

    Subclasses build ``self.fig`` and ``self.controls`` and implement
    ``_compute()`` (the model, may raise ``ValueError``; returns a message or
    None) and ``_draw()`` (moves artists, returns the readout text).

    Parameters
    ----------
    dpi : float, optional
        Render resolution (default: the figure's).
    """

    def __init__(self, dpi=None):
        self.dpi = dpi
        # natural size (crisp text), never wider than the page; not stretched by its box
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%",
                                                                      align_self="flex-start"))
        self.image.add_class("hinge-figure")
        self.readout_html = widgets.HTML()
        self.readout_html.add_class("hinge-readout")
        self.message_box = MessageBox("Not possible")
        self.message_html = self.message_box.widget
        self.readout = ""
        self.png = b""
        self.renders = 0
        self._busy = False
        self._defer = 0
        self._dirty = False

    @staticmethod
    def _check_layout(layout):
        if layout not in LAYOUTS:
            raise ValueError(f"layout = {layout!r} is not known; choose from {list(LAYOUTS)}")
        return layout

    @staticmethod
    def _side_by_side(view, column):
        """The figure's column (``view``) and a column of controls side by side.

        The controls come first in reading order after the figure and wrap
        under it when the page is too narrow for both.
        """
        left = widgets.VBox(list(view), layout=widgets.Layout(flex=VIEW_FLEX, min_width="0"))
        left.add_class("hinge-view")
        right = widgets.VBox(list(column), layout=widgets.Layout(
            flex=CONTROLS_FLEX, max_width="100%", padding="0 0.3em 0 0"))
        right.add_class("hinge-controls")
        return widgets.Box([left, right], layout=widgets.Layout(
            display="flex", flex_flow="row wrap", align_items="flex-start",
            grid_gap="0 1em", width="100%"))

    def _dress(self, widget, name, style):
        """Give the panel's outer widget its CSS classes, style sheet and kernel watch.

        ``hinge-panel`` (focus rings), ``name`` and, in projector style,
        ``hinge-projector`` with the large-widget CSS; at the top, the panel's
        :class:`~hinge_sim.ui.kernel_watch.KernelWatch` (``self.watch``), which
        says so on the panel when its Python kernel is gone.
        """
        widget.add_class("hinge-panel").add_class(name)
        sheet = PANEL_CSS
        if style == "projector":
            sheet += PROJECTOR_CSS
            widget.add_class("hinge-projector")
        css = widgets.HTML(sheet, layout=widgets.Layout(display="none"))
        if getattr(self, "watch", None) is None:
            self.watch = KernelWatch()
        widget.children = (css, self.watch) + tuple(widget.children)
        return widget

    # -- reset ---------------------------------------------------------
    def _reset_button(self):
        """The panel's Reset button (``self.controls["reset"]``), wired to :meth:`reset`."""
        button = widgets.Button(description="Reset", tooltip="every control back to the start",
                                layout=widgets.Layout(width="auto"))
        button.on_click(self._callback(lambda _button: self.reset()))
        return button

    def _settable(self, name):
        """Whether control ``name`` holds a value Reset restores (not a button or a timer)."""
        w = self.controls[name]
        return hasattr(w, "value") and not isinstance(w, (widgets.Button, widgets.Play))

    def _value(self, name):
        return self.controls[name].value

    def _put(self, name, value):
        self.controls[name].value = value

    def _remember_start(self):
        """Keep every control's value now: what :meth:`reset` returns to."""
        self._start = {n: self._value(n) for n in self.controls if self._settable(n)}

    def reset(self):
        """Every control back to its start value, then one redraw."""
        start = self._start
        with self._quiet():
            for name, value in start.items():
                if name != "load":  # after the units: the slider's range depends on them
                    self._put(name, value)
            if "load" in start:
                units = start.get("units", "kg")
                controls.set_load_units(self.controls["load"],
                                        controls.load_kg(start["load"], units), units)
        self._after_reset()
        self.refresh()
        return self

    def _after_reset(self):
        """Hook: what a panel restores besides its controls (e.g. the ghost)."""

    # -- safe updates --------------------------------------------------
    @property
    def message(self):
        """The problem shown now, in plain words ("" when there is none)."""
        return self.message_box.text

    def _callback(self, fn):
        """Wrap a widget callback: never raises, shows problems as a message."""
        return never_raise(fn, self._show_message, skip=lambda: self._busy)

    def _observe(self, widget, fn=None):
        widget.observe(self._callback(fn or (lambda change: self.refresh())), names="value")

    @property
    def load_kg(self):
        """The load (kg), whichever unit its slider shows."""
        return controls.load_kg(self.controls["load"].value, self.controls["units"].value)

    def _on_units(self, change):
        """Kg <-> lb: the load slider changes unit and keeps the load."""
        kg = controls.load_kg(self.controls["load"].value, change["old"])
        with self._quiet():
            controls.set_load_units(self.controls["load"], kg, change["new"])
        self.refresh()

    def refresh(self):
        """Recompute the model and redraw; on a problem keep the last figure.

        Returns True when the figure was redrawn.
        """
        if self._defer:
            self._dirty = True
            return None
        try:
            problem = self._compute()
        except ValueError as exc:
            problem = plain(exc)
        if problem:
            self._show_message(problem)
            return False
        self._show_message("")
        self._set_readout(self._draw())
        self._render()
        return True

    def _render(self):
        if getattr(self, "renderer", None) is None:
            self.renderer = Renderer(self.fig)
        png = self.renderer.png(self.dpi)
        self.renders += 1
        if png != self.png:
            self.png = png
            self._show(png)

    def _show(self, png):
        """Put a new render on the screen (a panel that shows it elsewhere overrides this)."""
        self.image.value = png

    def _set_readout(self, text):
        self.readout = text
        self.readout_html.value = "<div style='font-size:1.05em;line-height:1.45'>" + "<br>".join(
            html.escape(line) for line in text.splitlines()) + "</div>"

    def _show_message(self, text):
        self.message_box.problem(text)

    def _deferred(self):
        """Context manager: callbacks run, but the redraw waits for the end."""
        return _Deferred(self)

    def _quiet(self):
        """Context manager: change several widgets with one update at the end."""
        return _Quiet(self)


class _Quiet:
    def __init__(self, panel):
        self.panel = panel

    def __enter__(self):
        self.was = self.panel._busy
        self.panel._busy = True

    def __exit__(self, *exc):
        self.panel._busy = self.was
        return False


class _Deferred:
    def __init__(self, panel):
        self.panel = panel

    def __enter__(self):
        self.panel._defer += 1

    def __exit__(self, *exc):
        self.panel._defer -= 1
        if not self.panel._defer and self.panel._dirty:
            self.panel._dirty = False
            if exc[0] is None:
                self.panel.refresh()
        return False
