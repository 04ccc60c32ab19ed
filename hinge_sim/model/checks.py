"""Input checks that name the parameter, its value and the valid range."""
import numpy as np


def check_range(name, value, low, high, unit=""):
    """Return ``value`` as a float array, or raise ``ValueError``.

    Parameters
    ----------
    name : str
        Parameter name shown in the message.
    value : array_like
        Value(s) to check; NaN is rejected.
    low, high : float
        Inclusive valid range.
    unit : str
        Unit shown in the message.
    """
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    bad = ~((arr >= low) & (arr <= high))
    if np.any(bad):
        shown = arr[bad].ravel()[0] if arr.ndim else float(arr)
        raise ValueError(
            f"{name} = {shown:g}{unit} is outside the valid range "
            f"{low:g} to {high:g}{unit}"
        )
    return arr
