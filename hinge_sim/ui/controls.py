"""Widget makers shared by the panels: sliders with units, menus, the load in kg or lb."""
import ipywidgets as widgets

from ..model import presets
from ..model.limits import LIMITS
from ..model.units import kg_to_lb, lb_to_kg
from ..viz.gauges import mass_text

# The load slider stops at 300 kg, a course's heaviest demonstration, inside the
# model's range (LIMITS["load mass"]); finer steps fit a slider's width [A].
LOAD_MAX_KG = min(300.0, LIMITS["load mass"].high)
STEP = {"kg": 1.0, "lb": 2.5}
# Labels up to ~10.5 em (DejaVu Sans, "bar from midfoot (m)") plus the label's padding:
# never cut to "bar from midfo…", at any font size (em scales with the panel's font).
LABEL_EM = 11.5
WIDE = {"description_width": f"{LABEL_EM}em"}
LAYOUT = {"width": "100%"}
COLUMN = {"default": "400px", "projector": "560px", "high contrast": "440px"}  # CSS width
# of a column of controls in each figure style


def slider(description, value, low, high, step, fmt=".2f", tooltip=None, integer=False):
    """Make a labelled slider over a model parameter's valid range."""
    cls = widgets.IntSlider if integer else widgets.FloatSlider
    kw = {} if integer else {"readout_format": fmt}
    return cls(value=value, min=low, max=high, step=step, description=description,
               style=WIDE, layout=widgets.Layout(**LAYOUT), tooltip=tooltip or description,
               continuous_update=True, **kw)


def limit_slider(name, description, value, step, fmt=".2f", tooltip=None):
    """Make a slider over ``LIMITS[name]``, the model's valid range for that parameter.

    Parameters
    ----------
    name : str
        A key of :data:`hinge_sim.model.limits.LIMITS`.
    description, value, step, fmt, tooltip
        As in :func:`slider`.
    """
    limit = LIMITS[name]
    return slider(description, value, limit.low, limit.high, step, fmt, tooltip)


def columns(groups, style="default"):
    """Lay out groups of widgets as columns of :data:`COLUMN` width.

    They wrap onto more rows when the page is narrow (a slider never squeezed
    to its handle).
    """
    return widgets.HBox([widgets.VBox(list(g), layout=widgets.Layout(width=COLUMN[style]))
                         for g in groups], layout=widgets.Layout(flex_flow="row wrap"))


def tabs(groups):
    """Lay out ``(title, widgets)`` groups as tabs, the first one open.

    For a column beside a figure: one group in view at a time keeps the
    column as short as its longest group.
    """
    return widgets.Tab([widgets.VBox(list(items)) for _, items in groups],
                       titles=[title for title, _ in groups], selected_index=0)


def menu(description, options, value):
    """Make a drop-down menu."""
    return widgets.Dropdown(options=list(options), value=value, description=description,
                            style=WIDE, layout=widgets.Layout(**LAYOUT))


def exercise_menu(value="RDL"):
    """Make the exercise menu (names of :data:`hinge_sim.presets.EXERCISES`)."""
    return menu("exercise", presets.EXERCISES, value)


def units_toggle(value="kg"):
    """Kg / lb toggle."""
    if value not in STEP:
        raise ValueError(f"units = {value!r} is not known; choose 'kg' or 'lb'")
    # width "auto": the label and both buttons on one line (not a 300 px box)
    return widgets.ToggleButtons(options=["kg", "lb"], value=value, description="units",
                                 style={**WIDE, "button_width": "4em"},
                                 layout=widgets.Layout(width="auto"))


def load_slider(kg, units="kg"):
    """Make the load slider, in the chosen units (kg 0 to :data:`LOAD_MAX_KG`, or lb)."""
    s = slider(f"load ({units})", 0.0, 0.0, 1.0, 1.0, fmt=".1f")
    set_load_units(s, kg, units)
    return s


def set_load_units(s, kg, units):
    """Show the load slider in ``units`` holding ``kg`` kilograms.

    Rounded to the slider's step: the slider shows the load the model uses.
    """
    top = LOAD_MAX_KG if units == "kg" else kg_to_lb(LOAD_MAX_KG)
    step = STEP[units]
    value = kg if units == "kg" else kg_to_lb(kg)
    s.max = max(top, s.max)  # widen first so the new value fits
    s.step = step
    s.value = round(value / step) * step
    s.max = round(top / step) * step
    s.description = f"load ({units})"


def load_kg(value, units):
    """Return the slider value as kilograms."""
    return float(value) if units == "kg" else float(lb_to_kg(value))


def caption(exercise, kg, units, body_mass):
    """Write the line above a stick figure: exercise and load, also in body weights."""
    if exercise == "dowel":
        return "dowel drill (no load)"
    return f"{exercise}, {mass_text(kg, units)} ({kg / body_mass:.2f} × body weight)"

