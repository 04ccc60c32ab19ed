"""Input checks that name the parameter, its value and what is allowed.

A wrong kind of value (a string, a bool, a list where one number is needed, a
wrong object) raises ``TypeError``; a number of the right kind outside its
range, NaN or infinity raises ``ValueError``. Either message starts with the
parameter's name and its value, so a learner can tell which input to change.
"""
import numbers

import numpy as np

REAL_KINDS = "iuf"  # numpy dtype kinds taken as real numbers: signed, unsigned, float


def _shown(value, limit=60):
    """``repr(value)``, cut to ``limit`` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _allowed(low, high, unit):
    return f"a number from {low:g} to {high:g}{unit}"


def as_real_array(name, value, scalar=False, allowed="a number"):
    """``value`` as a float array, or ``TypeError`` naming ``name``.

    Parameters
    ----------
    name : str
        Parameter name shown in the message.
    value : array_like
        A real number, or (unless ``scalar``) an array or nested list of them.
        Booleans, strings, bytes, complex numbers, dicts, None and other
        objects are refused.
    scalar : bool
        True when only one number is allowed.
    allowed : str
        What is allowed, for the message (e.g. "a number from 0 to 1").

    Returns
    -------
    ndarray
        Float array (0-d for one number).

    Examples
    --------
    >>> as_real_array("knee", [10, 20])
    array([10., 20.])
    >>> as_real_array("knee", "deep")
    Traceback (most recent call last):
    ...
    TypeError: knee = 'deep' is a str; give a number
    """
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} = {value!r} is a bool; give {allowed}")
    if isinstance(value, numbers.Real) and not isinstance(value, np.ndarray):
        return np.asarray(float(value))
    kind = type(value).__name__
    if isinstance(value, (str, bytes, dict, set, frozenset, complex, np.complexfloating)) \
            or value is None:
        raise TypeError(f"{name} = {_shown(value)} is a {kind}; give {allowed}")
    if scalar and not (isinstance(value, np.ndarray) and value.ndim == 0):
        raise TypeError(f"{name} = {_shown(value)} is a {kind}; give one number, {allowed}")
    try:
        arr = np.asarray(value)
    except ValueError:  # ragged nested lists
        raise TypeError(f"{name} = {_shown(value)} is not a regular array of numbers; "
                        f"give {allowed} or an array of them") from None
    if arr.dtype.kind not in REAL_KINDS:
        what = "booleans" if arr.dtype.kind == "b" else f"{arr.dtype} values"
        raise TypeError(f"{name} = {_shown(value)} holds {what}; give {allowed}"
                        + ("" if scalar else " or an array of them"))
    if arr.size == 0:
        raise ValueError(f"{name} = {_shown(value)} is empty; give {allowed}")
    return arr.astype(float)


def check_range(name, value, low, high, unit="", scalar=False, whole=False):
    """Return ``value`` as a float array, or raise naming the parameter.

    Parameters
    ----------
    name : str
        Parameter name shown in the message.
    value : array_like
        Value(s) to check; NaN and infinity are refused.
    low, high : float
        Inclusive valid range.
    unit : str
        Unit shown in the message, with its leading space (" m").
    scalar : bool
        True when only one number is allowed (a list gives ``TypeError``).
    whole : bool
        True when only whole numbers are allowed (2.5 reps is refused, not cut).

    Returns
    -------
    ndarray
        Float array (0-d for one number).

    Raises
    ------
    TypeError
        For a value that is not a real number (or array of them).
    ValueError
        For a value outside ``low`` to ``high``, NaN or infinity.

    Examples
    --------
    >>> float(check_range("stature", 1.75, 1.2, 2.2, " m"))
    1.75
    >>> check_range("stature", 0.5, 1.2, 2.2, " m")
    Traceback (most recent call last):
    ...
    ValueError: stature = 0.5 m is outside the valid range 1.2 to 2.2 m
    """
    if type(value) in (float, int) and low <= value <= high \
            and (not whole or value == round(value)):
        return np.asarray(float(value))  # the common case, without array arithmetic
    arr = as_real_array(name, value, scalar, _allowed(low, high, unit))
    bad = ~((arr >= low) & (arr <= high))
    if np.any(bad):
        shown = arr[bad].ravel()[0] if arr.ndim else float(arr)
        raise ValueError(
            f"{name} = {shown:g}{unit} is outside the valid range "
            f"{low:g} to {high:g}{unit}"
        )
    if whole and np.any(arr != np.round(arr)):
        shown = arr[arr != np.round(arr)].ravel()[0]
        raise ValueError(f"{name} = {shown:g}{unit} is not a whole number; give a whole "
                         f"number from {low:g} to {high:g}{unit}")
    return arr


def check_choice(name, value, choices):
    """Return ``value`` if it is one of ``choices`` (strings), or raise naming ``name``.

    Examples
    --------
    >>> check_choice("sex", "female", ("male", "female"))
    'female'
    >>> check_choice("sex", ["male"], ("male", "female"))
    Traceback (most recent call last):
    ...
    TypeError: sex = ['male'] is a list; choose one of 'male', 'female'
    """
    options = ", ".join(repr(c) for c in choices)
    if not isinstance(value, str):
        raise TypeError(f"{name} = {_shown(value)} is a {type(value).__name__}; "
                        f"choose one of {options}")
    if value not in choices:
        raise ValueError(f"{name} = {_shown(value)} is not a valid choice; choose one of {options}")
    return value


def check_type(name, value, cls, hint):
    """Return ``value`` if it is a ``cls``, or ``TypeError`` naming ``name``.

    Parameters
    ----------
    hint : str
        How to make a right one, e.g. "hs.Body(stature=1.75, mass=75)".

    Examples
    --------
    >>> check_type("fps", 20, int, "a whole number")
    20
    """
    if not isinstance(value, cls):
        raise TypeError(f"{name} = {_shown(value)} is a {type(value).__name__}, not a "
                        f"{cls.__name__}; give {hint}")
    return value


def check_flag(name, value):
    """Return ``value`` as a bool if it is one (Python or numpy), or ``TypeError``.

    Examples
    --------
    >>> check_flag("reach", True)
    True
    """
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} = {_shown(value)} is a {type(value).__name__}; "
                        "give True or False")
    return bool(value)
