"""Numbers as words on screen: never a negative zero.

Usage
-----
1. ``number(-0.3)`` -> ``"0"`` (not ``"-0"``); ``number(2.46, 1)`` -> ``"2.5"``.
2. ``number(0.04, sign=True)`` -> ``"0"``; ``number(3, sign=True)`` -> ``"+3"``.
3. ``moment(-174.2)`` -> ``"174 N·m flexor"``; ``moment(237)`` -> ``"237 N·m extensor"``.
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


def moment(value):
    """A joint moment as the screen says it: its size and which way it turns, no sign.

    Parameters
    ----------
    value : float
        Joint moment (N·m), extensor positive and flexor negative, as the model gives it.

    Returns
    -------
    str
        ``"174 N·m flexor"``, ``"237 N·m extensor"``, or ``"0 N·m"`` when it rounds to zero.
    """
    size = number(abs(float(value)))
    if size == "0":
        return "0 N·m"
    return f"{size} N·m {'extensor' if value > 0 else 'flexor'}"
