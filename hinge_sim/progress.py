"""The learner's progress through the course, kept in one small JSON file.

Every locked prediction, skip, estimate and quiz answer is saved in the
learner's work folder.

Usage
-----
1. ``progress.record("00_start_here/back-or-hips", kind="prediction", state="locked",
   choice="The hips", correct=True)`` saves one lesson step (the lesson widgets do this).
2. ``progress.step("00_start_here/back-or-hips")`` -> that record, or ``None``; a lesson
   step that runs again in a new kernel restores itself from it.
3. ``progress.lesson_status(["00_start_here/back-or-hips", ...])`` -> how far a lesson is done.
4. ``progress.export()`` -> the file's bytes (to download); ``progress.load(data)`` merges a
   downloaded file into this one (on another machine, or Binder).
5. ``progress.use(folder)`` (or the environment variable ``HINGE_SIM_PROGRESS``) points the
   store at another folder; tests use it so they never touch a learner's file.

The file (``hinge-progress.json``, schema in :data:`SCHEMA`)::

    {"schema": 1, "course": "hinge-sim",
     "steps": {"<lesson stem>/<short name>": {"kind": ..., "state": ..., "at": ..., ...}}}

Every write reads the file, changes it and writes a complete new file beside it
(flush, fsync, ``os.replace``) under a lock, as the journal does (both through
:mod:`hinge_sim.safefile`), so two kernels (a lesson and the contents page)
never lose each other's answers and a crash never leaves half a file. A file
that cannot be read is moved aside (``hinge-progress.corrupt-<time>.json``,
nothing deleted) with a warning that names both paths; a file from a newer schema
is left alone and nothing is written to it.

Standard library only (and :mod:`hinge_sim.safefile`): a layer of its own
(``tests/test_layers.py``).
"""
import contextlib
import datetime
import json
import os
import pathlib
import re
import warnings

from . import safefile

SCHEMA = 1
FILENAME = "hinge-progress.json"
ENV = "HINGE_SIM_PROGRESS"
COURSE = "hinge-sim"
KEY = re.compile(r"[0-9a-z_]+/[0-9a-z][0-9a-z-]*")
#: kind -> states a step of that kind can be in
STATES = {
    "prediction": ("locked", "skipped"),
    "estimate": ("locked", "skipped"),
    "quiz": ("answered",),
}

_folder = None


class ProgressError(ValueError):
    """A progress file that must not be written (from a newer schema, or not one)."""


class ProgressWarning(UserWarning):
    """A progress file could not be read and was moved aside (nothing is deleted)."""


def use(folder):
    """Keep progress in ``folder`` from now on (``None``: back to the default).

    Parameters
    ----------
    folder : str or os.PathLike or None
        An existing folder. The default is ``$HINGE_SIM_PROGRESS`` when set,
        else the current working folder (a lesson's kernel runs in the
        lesson's folder, so progress sits next to the learner's lessons).

    Returns
    -------
    pathlib.Path
        The progress file now in use.
    """
    global _folder
    if folder is not None:
        folder = pathlib.Path(folder)
        if not folder.is_dir():
            raise ValueError(f"folder = {str(folder)!r} is not an existing folder")
    _folder = folder
    return path()


@contextlib.contextmanager
def using(folder):
    """Keep progress in ``folder`` inside a ``with`` block, then go back to the folder before."""
    global _folder
    before = _folder
    use(folder)
    try:
        yield path()
    finally:
        _folder = before


def path():
    """Return the progress file in use (it may not exist yet)."""
    folder = _folder or os.environ.get(ENV) or os.getcwd()
    return pathlib.Path(folder) / FILENAME


def check_key(key):
    """Return ``key`` if it is ``"<lesson stem>/<short name>"``; raise otherwise.

    Raises
    ------
    TypeError
        ``key`` is not a str.
    ValueError
        Naming the key and the form it must have.
    """
    if not isinstance(key, str):
        raise TypeError(f"key = {key!r} must be a str like '00_start_here/back-or-hips'")
    if not KEY.fullmatch(key):
        raise ValueError(f"key = {key!r} must be '<lesson stem>/<short name>': lowercase "
                         "letters, digits and _ before the slash, letters, digits and - after "
                         "(e.g. '00_start_here/back-or-hips')")
    return key


def lesson_of(key):
    """Return the lesson stem of a step key (``"00_start_here/x"`` -> ``"00_start_here"``)."""
    return check_key(key).split("/", 1)[0]


def steps():
    """Every saved step: key -> record (a new dict; changing it changes nothing)."""
    return _read()["steps"]


def step(key):
    """Return the saved record of one step, or ``None`` when the learner has not answered it."""
    return steps().get(check_key(key))


def record(key, kind, state, **fields):
    """Save one step and return its record.

    Parameters
    ----------
    key : str
        ``"<lesson stem>/<short name>"``, unique in the course.
    kind : {"prediction", "estimate", "quiz"}
    state : str
        One of :data:`STATES` for the kind: a prediction or estimate is
        ``"locked"`` (the learner committed) or ``"skipped"`` (pressed *Show me*);
        a quiz is ``"answered"``.
    **fields
        JSON values kept with it: ``choice`` (option text, or the guess in the
        estimate's unit), ``correct`` (bool), ``tries`` (int).

    Returns
    -------
    dict
        The record as saved, with ``at`` (UTC, ISO 8601).
    """
    check_key(key)
    if kind not in STATES:
        raise ValueError(f"kind = {kind!r} is not known; choose from {list(STATES)}")
    if state not in STATES[kind]:
        raise ValueError(f"state = {state!r} is not valid for a {kind}; choose from "
                         f"{list(STATES[kind])}")
    _json_value("fields", fields)
    entry = {"kind": kind, "state": state, **fields, "at": _now()}
    with _locked():
        data = _read()
        data["steps"][key] = entry
        _write(data)
    return dict(entry)


def lesson_status(keys):
    """How far a lesson is done, from the keys of its steps.

    Parameters
    ----------
    keys : sequence of str
        Every step key of one lesson (see ``hinge_sim.course.lesson_steps``).

    Returns
    -------
    dict
        ``done`` (steps answered), ``total``, ``skipped`` (shown without a
        prediction) and ``state``: ``"not started"``, ``"started"`` or ``"done"``.
    """
    saved = steps()
    answered = [k for k in keys if k in saved]
    skipped = [k for k in answered if saved[k]["state"] == "skipped"]
    state = ("done" if keys and len(answered) == len(keys) else
             "started" if answered else "not started")
    return {"done": len(answered), "total": len(keys), "skipped": len(skipped), "state": state}


def export(destination=None):
    """Return the progress file's content, to download or copy elsewhere.

    Parameters
    ----------
    destination : str or os.PathLike, optional
        Also write it there (a new file: an existing one is never overwritten).

    Returns
    -------
    bytes
        UTF-8 JSON, the same format as the file; ``load`` reads it back.
    """
    data = _encode(_read())
    if destination is not None:
        with open(destination, "xb") as f:
            f.write(data)
    return data


def load(source):
    """Merge a downloaded progress file into this one; return how many steps it brought.

    For a step saved in both, the later answer wins; nothing in this file is
    removed.

    Parameters
    ----------
    source : bytes or str or os.PathLike
        The bytes of an exported file (e.g. from an upload button), or its path.

    Raises
    ------
    ProgressError
        When ``source`` is not a hinge-sim progress file (nothing is changed).
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        raw, where = bytes(source), "the loaded progress"
    else:
        raw, where = pathlib.Path(source).read_bytes(), str(source)
    incoming = _parse(raw, where)["steps"]
    with _locked():
        data = _read()
        for key, entry in incoming.items():
            mine = data["steps"].get(key)
            if mine is None or entry["at"] > mine["at"]:
                data["steps"][key] = entry
        _write(data)
    return len(incoming)


# -- the file --------------------------------------------------------------
def _empty():
    return {"schema": SCHEMA, "course": COURSE, "steps": {}}


def _read():
    """Return the store's content; a file that cannot be read is moved aside first."""
    file = path()
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        return _empty()
    try:
        return _parse(raw, str(file))
    except _Unreadable as e:
        aside = _move_aside(file)
        warnings.warn(f"{e}. It was moved to {aside} (nothing was deleted) and your progress "
                      f"starts again in {file}; to bring the old answers back, fix that file "
                      "and load it with hinge_sim.progress.load(path).", ProgressWarning,
                      stacklevel=3)
        return _empty()


class _Unreadable(ProgressError):
    """Corrupt: not JSON, or not shaped like a progress file."""


def _parse(raw, where):
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise _Unreadable(f"{where} is not a readable progress file ({e})") from None
    if not isinstance(data, dict) or data.get("course") != COURSE:
        raise _Unreadable(f"{where} is not a hinge-sim progress file (no \"course\": "
                          f"\"{COURSE}\")")
    schema = data.get("schema")
    if isinstance(schema, int) and schema > SCHEMA:
        raise ProgressError(f"{where} uses progress schema {schema}; this hinge-sim reads "
                            f"schema {SCHEMA} only: update hinge-sim (the file was not changed)")
    if schema != SCHEMA or not isinstance(data.get("steps"), dict):
        raise _Unreadable(f"{where} is corrupt: schema = {schema!r}, expected {SCHEMA}, "
                          "and a \"steps\" object")
    for key, entry in data["steps"].items():
        ok = (KEY.fullmatch(key) and isinstance(entry, dict)
              and entry.get("state") in STATES.get(entry.get("kind"), ())
              and isinstance(entry.get("at"), str))
        if not ok:
            raise _Unreadable(f"{where} is corrupt: step {key!r} = {entry!r}")
    return data


def _json_value(name, value):
    """Raise when ``value`` cannot be saved as JSON (or holds NaN)."""
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as e:  # an object, or NaN / infinity
        raise TypeError(f"{name} = {value!r} cannot be saved as JSON ({e})") from None


def _encode(data):
    return (json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode()


def _now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="microseconds")


def _move_aside(file):
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    aside = file.with_name(f"{file.stem}.corrupt-{stamp}{file.suffix}")
    os.replace(file, aside)
    return aside


def _write(data):
    """Replace the file by one holding ``data`` (:func:`hinge_sim.safefile.replace`)."""
    safefile.replace(path(), _encode(data))


def _locked():
    """Hold an exclusive lock on ``.hinge-progress.json.lock`` (POSIX; elsewhere a no-op)."""
    return safefile.locked(path())
