"""Numbers as words on screen: never a negative zero.

Usage
-----
1. ``number(-0.3)`` -> ``"0"`` (not ``"-0"``); ``number(2.46, 1)`` -> ``"2.5"``.
2. ``number(0.04, sign=True)`` -> ``"0"``; ``number(3, sign=True)`` -> ``"+3"``.
"""


def number(value, digits=0, sign=False):
    """``value`` rounded to ``digits`` decimals, as text.

    Parameters
    ----------
    value : float
        Any real number (in whatever unit the caller writes after it).
    digits : int
        Decimals shown, 0 or more.
    sign : bool
        Write "+" before a positive number (a difference or an offset); a
        number that rounds to zero is written "0" with no sign either way.

    Returns
    -------
    str
    """
    if digits < 0:
        raise ValueError(f"digits = {digits!r} is below the valid minimum 0")
    v = round(float(value), digits) + 0.0  # + 0.0 turns -0.0 into 0.0
    return f"{v:+.{digits}f}" if sign and v != 0 else f"{v:.{digits}f}"
