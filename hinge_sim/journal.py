"""Debrief journal: one record per set or session, kept in a CSV file that opens
in a spreadsheet and never loses what was written.

Usage
-----
1. ``j = Journal.create("journals/anna.csv")`` (or ``Journal(path)`` to open one,
   ``Journal(path, create=True)`` to open or start one).
2. ``rec = j.add(date="2024-05-02", athlete="Anna", exercise="RDL", load_kg=40,
   reps=8, tempo="3-1-1-0", rib_cage=3, spine=4, hip_drive=3, coach_rating=3,
   hip_to_bar_m=0.31, bar_drift_m=0.04, targets="ribs down at the bottom")``
3. ``j.edit(rec.record_id, coach_rating=4)`` adds revision 2; revision 1 stays
   in the file (``j.history(rec.record_id)``).
4. ``j.records(athlete="Anna")`` -> the latest revision of each record, by date.

The file format is described in ``docs/journal.md``. Every write makes a
complete new file next to the old one, flushes it to disk and renames it over
the old one (``os.replace``), so a crash leaves either the old or the new file,
never a half-written one. A file that is corrupt, from a newer schema or not a
journal raises :class:`JournalError` and is never written to.
"""
import contextlib
import csv
import dataclasses
import datetime
import io
import os
import re
import tempfile
import uuid

from .model.motion import parse_tempo
from .model.presets import EXERCISES

SCHEMA = 1
EXERCISE_NAMES = tuple(EXERCISES) + ("good morning", "other")

# name -> (kind, low, high, unit, required); kinds: int, float, text, date, bool
FIELDS = {
    "date": ("date", "1900-01-01", "2100-12-31", "", True),
    "athlete": ("text", 1, 80, "characters", True),
    "exercise": ("choice", None, None, "", True),
    "load_kg": ("float", 0.0, 500.0, " kg", False),
    "reps": ("int", 1, 100, "", False),
    "tempo": ("tempo", None, None, "", False),
    "rib_cage": ("int", 1, 5, "", False),
    "spine": ("int", 1, 5, "", False),
    "hip_drive": ("int", 1, 5, "", False),
    "coach_rating": ("int", 1, 5, "", False),
    "hip_to_bar_m": ("float", -0.5, 1.0, " m", False),
    "bar_drift_m": ("float", -0.5, 0.5, " m", False),
    "bar_to_midfoot_m": ("float", -0.5, 0.5, " m", False),
    "target_hip_to_bar_m": ("float", -0.5, 1.0, " m", False),
    "target_bar_drift_m": ("float", -0.5, 0.5, " m", False),
    "target_rating": ("int", 1, 5, "", False),
    "targets": ("text", 0, 2000, "characters", False),
    "notes": ("text", 0, 5000, "characters", False),
}
RATINGS = ("rib_cage", "spine", "hip_drive", "coach_rating")
MEASURES = ("hip_to_bar_m", "bar_drift_m", "bar_to_midfoot_m")
BOOKKEEPING = ("schema", "record_id", "revision", "saved_at", "deleted")
COLUMNS = BOOKKEEPING + tuple(FIELDS)


class JournalError(ValueError):
    """A journal file that cannot be read safely (corrupt, newer schema, not a journal)."""


@dataclasses.dataclass(frozen=True)
class Record:
    """One debrief record (one revision of it). Units in the field names.

    Attributes
    ----------
    record_id : str
        Stable id shared by all revisions of a record.
    revision : int
        1 for the first version, +1 for each edit.
    saved_at : str
        ISO 8601 time the revision was written (UTC).
    deleted : bool
        True when this revision marks the record as removed.
    fields : dict
        Field name (see :data:`FIELDS`) -> value; ``None`` when not given.
    """

    record_id: str
    revision: int
    saved_at: str
    deleted: bool
    fields: dict

    def __getattr__(self, name):
        if name in FIELDS:
            return self.fields.get(name)
        raise AttributeError(name)

    def row(self):
        """The CSV cells of this revision, in :data:`COLUMNS` order."""
        cells = [str(SCHEMA), self.record_id, str(self.revision), self.saved_at,
                 "yes" if self.deleted else "no"]
        return cells + [_format(self.fields.get(name)) for name in FIELDS]


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
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown journal field(s) {sorted(unknown)}; valid fields: {list(FIELDS)}")
    return {name: _check(name, values.get(name)) for name in FIELDS}


def _check(name, value):
    kind, low, high, unit, required = FIELDS[name]
    if value is None or (isinstance(value, str) and value.strip() == "" and kind != "text"):
        if required:
            raise ValueError(f"{name} is required")
        return None
    if kind == "text":
        text = str(value).strip()
        if required and not text:
            raise ValueError(f"{name} is required (1 to {high} characters)")
        if name == "athlete" and ("\n" in text or "\r" in text):
            raise ValueError(f"athlete = {text!r} must be on one line")
        if not low <= len(text) <= high:
            raise ValueError(f"{name} = {text[:40]!r} has {len(text)} characters; "
                             f"valid range {low} to {high}")
        return text if text or required else None
    if kind == "choice":
        if str(value).strip() not in EXERCISE_NAMES:
            raise ValueError(f"exercise = {value!r} is not known; choose from {list(EXERCISE_NAMES)}")
        return str(value).strip()
    if kind == "tempo":
        parse_tempo(str(value))  # raises with the accepted forms
        return str(value).strip()
    if kind == "date":
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            value = value.isoformat()
        text = str(value).strip()
        try:
            day = datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"date = {value!r} is not a date like 2024-05-02 (YYYY-MM-DD)") from None
        if not low <= day.isoformat() <= high:
            raise ValueError(f"date = {text} is outside the valid range {low} to {high}")
        return day.isoformat()
    number = _number(name, value, integer=kind == "int")
    if not low <= number <= high:
        raise ValueError(f"{name} = {number:g}{unit} is outside the valid range {low:g} to {high:g}{unit}")
    return number


def _number(name, value, integer):
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number, got {value!r}")
    try:
        number = float(str(value).strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    if integer:
        if number != int(number):
            raise ValueError(f"{name} must be a whole number, got {value!r}")
        return int(number)
    return number


def _format(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(round(value, 6))
    return str(value)


def journal_path(folder, name):
    """The file for an athlete or a group in a folder: ``folder/<name>.csv``.

    The name is lower-cased and every run of characters other than letters,
    digits, ``-`` and ``_`` becomes ``_`` (``"Anna B."`` -> ``anna_b.csv``).
    """
    slug = re.sub(r"[^\w-]+", "_", str(name).strip().lower(), flags=re.UNICODE).strip("_")
    if not slug:
        raise ValueError(f"name = {name!r} gives an empty file name; use letters or digits")
    return os.path.join(os.fspath(folder), slug + ".csv")


class Journal:
    """A journal file: read on open, rewritten atomically on every change.

    Parameters
    ----------
    path : str or os.PathLike
        The CSV file.
    create : bool
        Start a new journal if the file does not exist (an existing journal
        is opened as it is; an existing file that is not a journal raises).

    Raises
    ------
    FileNotFoundError
        No file and ``create`` is False.
    JournalError
        The file is corrupt, from a newer schema or not a journal; it is left
        untouched.
    """

    def __init__(self, path, create=False):
        self.path = os.fspath(path)
        if not os.path.exists(self.path):
            if not create:
                raise FileNotFoundError(f"no journal at {self.path}; use Journal.create(path) "
                                        "or Journal(path, create=True) to start one")
            with self._locked():
                if not os.path.exists(self.path):
                    _atomic_write(self.path, _encode([COLUMNS]))
        self._revisions = self._read()

    @classmethod
    def create(cls, path):
        """Start a new, empty journal; raise if any file is already at ``path``."""
        if os.path.exists(os.fspath(path)):
            raise FileExistsError(f"{os.fspath(path)} already exists; open it with Journal(path) "
                                  "instead (nothing is overwritten)")
        return cls(path, create=True)

    # -- reading ----------------------------------------------------------
    def _read(self):
        with open(self.path, "rb") as f:
            data = f.read()
        return parse(data, self.path)

    def reload(self):
        """Read the file again (another program may have added records)."""
        self._revisions = self._read()

    def revisions(self):
        """Every revision in file order (a list of :class:`Record`)."""
        return list(self._revisions)

    def history(self, record_id):
        """All revisions of one record, oldest first."""
        found = [r for r in self._revisions if r.record_id == record_id]
        if not found:
            raise ValueError(f"record_id = {record_id!r} is not in {self.path}")
        return found

    def records(self, athlete=None, include_deleted=False):
        """The latest revision of each record, sorted by date then save time.

        Parameters
        ----------
        athlete : str, optional
            Only this athlete's records (exact name).
        include_deleted : bool
            Keep records whose latest revision marks them deleted.
        """
        latest = {}
        for r in self._revisions:
            latest[r.record_id] = r
        out = [r for r in latest.values() if (include_deleted or not r.deleted)
               and (athlete is None or r.fields["athlete"] == athlete)]
        return sorted(out, key=lambda r: (r.fields["date"], r.saved_at))

    def athletes(self):
        """Sorted names of the athletes with at least one record."""
        return sorted({r.fields["athlete"] for r in self.records()})

    # -- writing ----------------------------------------------------------
    def add(self, **values):
        """Validate and append a new record; return it (revision 1)."""
        fields = validate(values)
        return self._append(Record(uuid.uuid4().hex[:12], 1, _now(), False, fields))

    def edit(self, record_id, **changes):
        """Append a new revision of a record with some fields changed.

        The previous revisions stay in the file. Returns the new revision.
        """
        last = self.history(record_id)[-1]
        fields = validate({**last.fields, **changes})
        return self._append(Record(record_id, last.revision + 1, _now(), False, fields))

    def delete(self, record_id):
        """Append a revision that marks a record deleted (earlier ones stay)."""
        last = self.history(record_id)[-1]
        return self._append(Record(record_id, last.revision + 1, _now(), True, dict(last.fields)))

    def _append(self, record):
        with self._locked():
            with open(self.path, "rb") as f:
                old = f.read()
            revisions = parse(old, self.path)  # never append to a file we cannot read
            _remove_stale_temps(self.path)
            if not old.endswith(b"\n"):
                old += b"\r\n"
            _atomic_write(self.path, old + _encode([record.row()]))
        self._revisions = revisions + [record]
        return record

    @contextlib.contextmanager
    def _locked(self):
        """Hold an exclusive lock on ``.<name>.lock`` beside the journal (POSIX only)."""
        try:
            import fcntl
        except ImportError:  # Windows: one writer at a time is the user's job
            yield
            return
        folder, name = os.path.split(os.path.abspath(self.path))
        with open(os.path.join(folder, f".{name}.lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def parse(data, where="journal"):
    """Revisions from the bytes of a journal file.

    Raises
    ------
    JournalError
        Naming the line and column of the first problem.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise JournalError(f"{where} is not a hinge-sim journal: not UTF-8 text (byte {e.start})") from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as e:
        raise JournalError(f"{where} is corrupt: {e}") from None
    if not rows or not rows[0] or rows[0][0] != "schema":
        raise JournalError(f"{where} is not a hinge-sim journal: the first column must be 'schema' "
                           f"(found {rows[0][:3] if rows else 'an empty file'})")
    header = tuple(rows[0])
    versions = [row[0] for row in rows[1:] if row]
    newer = [v for v in versions if v.isdigit() and int(v) > SCHEMA]
    if newer:
        raise JournalError(f"{where} uses journal schema {max(map(int, newer))}; this hinge-sim "
                           f"reads schema {SCHEMA} only: update hinge-sim")
    if header != COLUMNS:
        missing = [c for c in COLUMNS if c not in header]
        extra = [c for c in header if c not in COLUMNS]
        raise JournalError(f"{where} is not a schema {SCHEMA} journal: missing columns {missing}, "
                           f"unknown columns {extra}")
    out = []
    for line, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(COLUMNS):
            raise JournalError(f"{where} line {line} is corrupt: {len(row)} cells, "
                               f"expected {len(COLUMNS)}")
        cells = dict(zip(COLUMNS, row))
        if cells["schema"] != str(SCHEMA):
            raise JournalError(f"{where} line {line} column schema = {cells['schema']!r}; "
                               f"expected {SCHEMA}")
        try:
            fields = validate({k: cells[k] for k in FIELDS})
            revision = _number("revision", cells["revision"], integer=True)
            if cells["deleted"] not in ("yes", "no"):
                raise ValueError(f"deleted = {cells['deleted']!r} must be yes or no")
            if not re.fullmatch(r"[0-9a-f]{12}", cells["record_id"]):
                raise ValueError(f"record_id = {cells['record_id']!r} must be 12 hex digits")
        except ValueError as e:
            raise JournalError(f"{where} line {line} is corrupt: {e}") from None
        out.append(Record(cells["record_id"], revision, cells["saved_at"],
                          cells["deleted"] == "yes", fields))
    return out


def _encode(rows):
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def _now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def _write_all(f, data):
    """Write ``data`` to the open file ``f`` (one place, so tests can slow it down)."""
    f.write(data)


def _remove_stale_temps(path):
    """Delete temp files left by a writer that was killed (call with the lock held)."""
    folder, name = os.path.split(os.path.abspath(path))
    for entry in os.listdir(folder):
        if entry.startswith(f".{name}.") and entry.endswith(".tmp"):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, entry))


def _atomic_write(path, data):
    """Replace ``path`` by a file holding ``data``: temp file, fsync, rename, fsync folder."""
    folder, name = os.path.split(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            _write_all(f, data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError, AttributeError):  # directory fsync: POSIX only
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
