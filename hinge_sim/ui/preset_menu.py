"""Preset menus that name what the controls hold, not what was last chosen.

A preset menu (the Explorer's lifter and posture) sets a group of controls
at once. Once the learner moves one of them (a slider, a drag on the figure,
a key), the menu shows an extra entry such as "(own pose)" instead of a
preset's name; back on a preset's values, it shows that preset again. The
extra entry is in the menu only while it is shown, so the menu's options are
otherwise exactly the presets.

Usage
-----
1. ``name = held(controls, presets, fields, first="textbook hinge")``: the
   preset the controls hold, or None.
2. ``show(menu, list(presets), name or OWN_POSE)``: the menu names it.
"""

OWN_POSE = "(own pose)"
OWN_LIFTER = "(own lifter)"
# A slider holds a preset's value when it is nearer to it than to the next
# step either way: within half a slider step [A]; the float tolerance (far
# below any step) keeps a value exactly half a step off from flickering.
HALF_STEP = 0.5
TOLERANCE = 1e-9


def matches(controls, values, fields):
    """Tell whether the controls hold a preset's values.

    Parameters
    ----------
    controls : dict
        Control name -> widget (sliders with a ``step``, menus without).
    values : dict
        Field name -> the preset's value (slider units: °, m, kg, ×).
    fields : sequence of str
        The fields compared; a slider within half its step of the value
        holds it, a menu must hold it exactly.
    """
    for name in fields:
        w, value = controls[name], values[name]
        step = getattr(w, "step", None)
        if step is None or isinstance(value, str):
            if w.value != value:
                return False
        elif abs(float(w.value) - float(value)) > HALF_STEP * step + TOLERANCE:
            return False
    return True


def held(controls, presets, fields, first=None):
    """Return the name of the preset the controls hold, or None.

    Parameters
    ----------
    controls : dict
        Control name -> widget.
    presets : dict
        Preset name -> field values (every name in ``fields``).
    fields : sequence of str
        The fields compared (see :func:`matches`).
    first : str, optional
        A preset tried before the others (the menu's choice), when it is one.
    """
    order = ([first] if first in presets else []) + [n for n in presets if n != first]
    return next((n for n in order if matches(controls, presets[n], fields)), None)


def show(menu, presets, label):
    """Make ``menu`` show ``label``: a preset, or an extra entry added after them.

    The menu's options are ``presets`` plus ``label`` only when ``label`` is
    not a preset; the front end gets one update. Run it where the menu's own
    callback is quiet (setting the options moves the value on the way).

    Parameters
    ----------
    menu : ipywidgets.Dropdown
    presets : sequence of str
        The preset names, in menu order.
    label : str
        What the menu shows.
    """
    options = tuple(presets) + (() if label in presets else (label,))
    if tuple(menu.options) == options and menu.value == label:
        return
    with menu.hold_sync():
        if tuple(menu.options) != options:
            menu.options = options
        menu.value = label
