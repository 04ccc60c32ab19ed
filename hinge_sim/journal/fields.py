"""The fields of a debrief record: kinds, valid ranges and checks, and CSV cells.

The valid ranges are rows of :data:`hinge_sim.model.limits.LIMITS` (:data:`LIMIT_OF`).

Text cells that a spreadsheet would run as a formula (they start with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) are written with a leading
``'``, as the OWASP guidance on CSV injection recommends, and read back as
typed (:func:`to_cell`, :func:`from_cell`).
"""
import datetime
import functools
import math
import re
import unicodedata

from ..model.limits import LIMITS, WHOLE
from ..model.limits import check as check_limit
from ..model.motion import PHASES, tempo_phases
from ..model.presets import EXERCISES

EXERCISE_NAMES = tuple(EXERCISES) + ("good morning", "other")

#: field -> its row of :data:`hinge_sim.model.limits.LIMITS`: the one valid range
#: the model, the sliders and the journal share (numbers and text lengths)
LIMIT_OF = {
    "athlete": "athlete name",
    "load_kg": "load mass",
    "reps": "rep",
    "rib_cage": "rating",
    "spine": "rating",
    "hip_drive": "rating",
    "coach_rating": "rating",
    "hip_to_bar_m": "hip to bar",
    "bar_drift_m": "bar drift",
    "bar_to_midfoot_m": "bar to midfoot",
    "target_hip_to_bar_m": "hip to bar",
    "target_bar_drift_m": "bar drift",
    "target_rating": "rating",
    "targets": "targets",
    "notes": "notes",
}
#: the days a record may be for [A: any training day of a living athlete, with room]
DATES = ("1900-01-01", "2100-12-31")


def _spec(name, kind, required):
    """(kind, low, high, unit, required) of a field, its range a row of LIMITS."""
    if kind == "date":
        return kind, *DATES, "", required
    if name not in LIMIT_OF:
        return kind, None, None, "", required
    row = LIMIT_OF[name]
    limit = LIMITS[row]
    if kind == "number":
        kind, unit = ("int" if row in WHOLE else "float"), limit.suffix
    else:
        unit = limit.unit
    return kind, limit.low, limit.high, unit, required


# name -> (kind, low, high, unit, required); kinds: int, float, text, choice, tempo, date
FIELDS = {name: _spec(name, kind, required == "required") for name, kind, required in (
    ("date", "date", "required"),
    ("athlete", "text", "required"),
    ("exercise", "choice", "required"),
    ("load_kg", "number", ""),
    ("reps", "number", ""),
    ("tempo", "tempo", ""),
    ("rib_cage", "number", ""),
    ("spine", "number", ""),
    ("hip_drive", "number", ""),
    ("coach_rating", "number", ""),
    ("hip_to_bar_m", "number", ""),
    ("bar_drift_m", "number", ""),
    ("bar_to_midfoot_m", "number", ""),
    ("target_hip_to_bar_m", "number", ""),
    ("target_bar_drift_m", "number", ""),
    ("target_rating", "number", ""),
    ("targets", "text", ""),
    ("notes", "text", ""),
)}
DECIMALS = 6  # decimals kept of a number: 1 mg, 1 µm [A: far finer than any measure here]

# OWASP "CSV Injection" (owasp.org/www-community/attacks/CSV_Injection) [V]: a
# cell starting with one of these runs as a formula; prefix it with a quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# a cell that starts with one, after any quotes already there (those are kept as typed)
_NEEDS_QUOTE = re.compile("'*[" + re.escape("".join(FORMULA_START)) + "]")


def validate(values):
    """Check record fields and return them typed; raise on the first bad one.

    Parameters
    ----------
    values : dict
        Field name -> value (str from a file or form, or a number).
        Unknown names are rejected. Empty strings and ``None`` mean "not given".

    Returns
    -------
    dict
        Every field of :data:`FIELDS`, typed, ``None`` where not given.

    Raises
    ------
    ValueError
        Naming the field, its value and the valid range or choices.
    """
    unknown = values.keys() - FIELDS.keys()
    if unknown:
        raise ValueError(f"unknown journal field(s) {sorted(unknown)}; "
                         f"valid fields: {list(FIELDS)}")
    return {name: run(values.get(name)) for name, run in _CHECKERS.items()}


def _number_checker(name):
    """:func:`check` for a number field, quicker for the values every row holds.

    A plain cell ("8", "0.31") in range is taken straight away; anything
    else (empty, out of range, not a number) goes through :func:`check`,
    which gives the same value or the message.
    """
    kind, low, high, _unit, _required = FIELDS[name]
    if kind == "int":
        def run(value):
            if type(value) is str and value.isascii() and value.isdigit():
                number = int(value)
                if low <= number <= high:
                    return number
            return check(name, value)
    else:
        def run(value):
            if type(value) is str and value:
                try:
                    number = float(value)
                except ValueError:
                    return check(name, value)
                if math.isfinite(number) and low <= number <= high:
                    return round(number, DECIMALS)
            return check(name, value)
    return run


def check(name, value):
    """Return one field's value, typed; raise ``ValueError`` naming it when it is not valid."""
    kind, low, high, unit, required = FIELDS[name]
    if value is None or (isinstance(value, str) and value.strip() == "" and kind != "text"):
        if required:
            raise ValueError(f"{name} is required")
        return None
    if kind == "text":
        return _text(name, value, low, high, required)
    if kind == "choice":
        if str(value).strip() not in EXERCISE_NAMES:
            raise ValueError(f"exercise = {value!r} is not known; "
                             f"choose from {list(EXERCISE_NAMES)}")
        return str(value).strip()
    if kind == "tempo":
        return _tempo(str(value))
    if kind == "date":
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            value = value.isoformat()
        return _date(str(value), low, high)
    number = to_number(name, value, integer=kind == "int")
    if not low <= number <= high:
        raise ValueError(f"{name} = {number:g}{unit} is outside the valid range "
                         f"{low:g} to {high:g}{unit}")
    return number if kind == "int" else round(number, DECIMALS)


def _text(name, value, low, high, required):
    if not isinstance(value, str):
        raise TypeError(f"{name} must be text, got {type(value).__name__} {value!r}")
    text = value.strip()
    if name == "athlete":  # a name is an identifier: one spelling for "Zoë" typed either way
        text = unicodedata.normalize("NFC", text)
        if "\n" in text or "\r" in text:
            raise ValueError(f"athlete = {text!r} must be on one line")
    if required and not text:
        raise ValueError(f"{name} is required ({max(low, 1)} to {high} characters)")
    if not low <= len(text) <= high:
        raise ValueError(f"{name} = {text[:40]!r} has {len(text)} characters; "
                         f"valid range {low} to {high}")
    return text if text or required else None


@functools.lru_cache(maxsize=256)  # a file holds a few tempos, read on every row
def _tempo(text):
    """A tempo as written, checked against ``LIMITS["recorded phase"]``.

    Not against the model's lowering and rising rows (0.2 s or more): a
    record keeps what was lifted, and records written before that floor
    must still read.
    """
    phases = tempo_phases(text)  # raises with the accepted forms
    for name, seconds in zip(PHASES, phases):
        check_limit("recorded phase", seconds, label=f"tempo {name}")
    if phases[0] <= 0 or phases[2] <= 0:
        raise ValueError(f"tempo = {text!r}: lowering and rising must take more than 0 s")
    return text.strip()


@functools.lru_cache(maxsize=4096)  # and a few hundred session days
def _date(value, low, high):
    text = value.strip()
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"date = {value!r} is not a date like 2024-05-02 (YYYY-MM-DD)") from None
    if not low <= day.isoformat() <= high:
        raise ValueError(f"date = {text} is outside the valid range {low} to {high}")
    return day.isoformat()


def to_number(name, value, integer):
    """``value`` as a finite float (or int); raise ``ValueError`` naming ``name``."""
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number, got {value!r}")
    try:
        number = float(str(value).strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    if integer:
        if number != int(number):
            raise ValueError(f"{name} must be a whole number, got {value!r}")
        return int(number)
    return number


def to_cell(value):
    """Return the CSV cell for a typed value (text a spreadsheet would run is quoted).

    Numbers are written as numbers: a negative number is not a formula, and
    every number cell is checked as a number on the way back in.
    """
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(round(value, DECIMALS))
    if isinstance(value, str) and _NEEDS_QUOTE.match(value):
        return "'" + value
    return str(value)


def from_cell(name, cell):
    """Return the text of a cell as it was typed (undo the quote :func:`to_cell` adds)."""
    is_text = FIELDS[name][0] not in ("int", "float")
    if is_text and cell.startswith("'") and _NEEDS_QUOTE.match(cell, 1):
        return cell[1:]
    return cell


_CHECKERS = {name: _number_checker(name) if FIELDS[name][0] in ("int", "float")
             else functools.partial(check, name) for name in FIELDS}
