"""Whole figures made of the views, and PNG bytes for widgets and files.

Figures are :class:`matplotlib.figure.Figure` objects, not pyplot ones: they
are freed like any Python object and never pile up in pyplot's list.
"""
from matplotlib.figure import Figure
from matplotlib.text import Text

from .gauges import Gauges
from .stick import StickFigure
from .styles import get_style


def new_figure(style="default", size=None):
    """An empty Figure of the style's size (in) and dpi."""
    s = get_style(style)
    return Figure(figsize=size or s["figsize"], dpi=s["dpi"])


MIN_TEXT_PX = 12.0  # CSS px: the least letter size on screen the panels are held to


def smallest_text(fig, shown_px=None):
    """The figure's smallest shown text and its size in pixels on screen.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    shown_px : float, optional
        Width (CSS px) the figure's image is shown at; default its natural
        width (``figwidth * dpi``), as a panel shows it when the page has room.

    Returns
    -------
    (float, str)
        Size of the smallest text (CSS px) and its words.
    """
    natural = fig.get_figwidth() * fig.dpi
    if shown_px is not None and not shown_px > 0:
        raise ValueError(f"shown_px = {shown_px!r}: expected a width in CSS px above 0")
    fig.draw_without_rendering()  # tick labels exist after a draw
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    if not texts:
        raise ValueError("fig shows no text")
    t = min(texts, key=lambda t: t.get_fontsize())
    scale = 1.0 if shown_px is None else shown_px / natural
    return t.get_fontsize() * fig.dpi / 72 * scale, t.get_text()


def posture_layout(style="default"):
    """A Figure with a stick figure on the left and gauges on the right.

    Returns
    -------
    fig, StickFigure, Gauges
    """
    fig = new_figure(style)
    stick_ax = fig.add_axes((0.0, 0.01, 0.47, 0.93))
    gauge_ax = fig.add_axes((0.48, 0.03, 0.51, 0.94))
    return fig, StickFigure(stick_ax, style), Gauges(gauge_ax, style)


def posture_figure(result, style="default", overlays=("com", "midfoot"), ghost=None,
                   body_mass=None, units="kg", load_kind="barbell", ghost_label=None, caption=""):
    """A stick figure and its gauges for one posture.

    Parameters
    ----------
    result : Result
        A still posture.
    style : str
        "default", "projector" or "high contrast".
    overlays : sequence of str
        See :data:`hinge_sim.viz.stick.OVERLAYS`.
    ghost : Result, optional
        A reference posture drawn faint and dashed.
    body_mass : float, optional
        Lifter's mass (kg); default the sum of the segment masses.
    units : {"kg", "lb"}
    load_kind : str
        How to draw the load (see :class:`StickFigure`).
    ghost_label, caption : str, optional
        Words naming the ghost; a line above the stick figure.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from .frames import body_mass as mass_of

    fig, stick, gauges = posture_layout(style)
    stick.update(result, ghost=ghost, overlays=overlays, load_kind=load_kind,
                 ghost_label=ghost_label, caption=caption)
    gauges.update(result, mass_of(result) if body_mass is None else body_mass, units)
    return fig
