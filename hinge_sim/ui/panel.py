"""What every panel shares.

The figure image, the readout, the message area, and callbacks that never
raise (:mod:`hinge_sim.ui.messages`, re-exported here for forms).

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
from .messages import MessageBox, never_raise, plain

__all__ = ["Panel", "MessageBox", "never_raise", "plain"]

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


class Panel:
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

    def _dress(self, widget, name, style):
        """Give the panel's outer widget its CSS classes.

        ``name`` and, in projector style, ``hinge-projector`` with the
        large-widget CSS.
        """
        widget.add_class(name)
        if style == "projector":
            css = widgets.HTML(PROJECTOR_CSS, layout=widgets.Layout(display="none"))
            widget.children = (css,) + tuple(widget.children)
            widget.add_class("hinge-projector")
        return widget

    # -- display -------------------------------------------------------
    def _ipython_display_(self):
        from IPython.display import display
        display(self.widget)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

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
