"""A journal file opened for reading and adding: :class:`Journal`.

Every write takes the lock, reads the file as it is on the disk now, builds
on it (never on what this object read earlier) and replaces it atomically.
"""
import contextlib
import datetime
import os
import re
import unicodedata
import uuid

from .. import safefile
from .fields import validate
from .fileformat import SCHEMA, Record, empty_file, end_line, parse_appended, parse_file

# Largest number of rows (revisions) in one file [A]: opening a file checks every
# row, about 2 s of CPU time at 20,000 rows (benchmarks/journal.py, figures in
# docs/journal.md), and that is the wait in a new process; a save in the same
# process costs 20-35 ms of CPU. 25,000 rows are 15 years of 30 sets a week.
MAX_ROWS = 25_000

# real path -> (bytes, Parsed, where the end line starts or None): the file as this
# process last read or wrote it, so that a save checks only what changed since
_SEEN = {}


def journal_path(folder, name):
    """Return the file for an athlete or a group in a folder: ``folder/<name>.csv``.

    The name is put in Unicode NFC form ("Zoë" typed either way is one
    file), lower-cased, and every run of characters other than letters,
    digits, ``-`` and ``_`` becomes ``_`` (``"Anna B."`` -> ``anna_b.csv``).

    Raises
    ------
    ValueError
        The name gives an empty file name or one too long to write
        (:data:`hinge_sim.safefile.MAX_NAME_BYTES`).
    """
    text = unicodedata.normalize("NFC", str(name).strip().lower())
    slug = unicodedata.normalize("NFC", re.sub(r"[^\w-]+", "_", text).strip("_"))
    if not slug:
        raise ValueError(f"name = {name!r} gives an empty file name; use letters or digits")
    size = len((slug + ".csv").encode("utf-8"))
    if size > safefile.MAX_NAME_BYTES:
        raise ValueError(f"name = {str(name)[:30]!r}... is too long for a file name: "
                         f"{size} bytes, the limit is {safefile.MAX_NAME_BYTES} bytes "
                         "(a letter outside A-Z takes 2 to 4 bytes); use a shorter name")
    return os.path.join(os.fspath(folder), slug + ".csv")


class Journal:
    """A journal file: read on open, rewritten atomically on every change.

    Parameters
    ----------
    path : str or os.PathLike
        The CSV file (a symbolic link to it works: the link stays a link).
    create : bool
        Start a new journal if the file does not exist (an existing journal
        is opened as it is; an existing file that is not a journal raises).

    Raises
    ------
    FileNotFoundError
        No file and ``create`` is False.
    JournalError
        The file is damaged, from a newer schema or not a journal; it is left
        untouched.
    ValueError
        The file name is too long to write safely.
    """

    def __init__(self, path, create=False):
        self.path = os.fspath(path)
        safefile.check_name(self.path, "journal file")
        self._raw, self._parsed = None, None
        if not os.path.exists(self.path):
            if not create:
                raise FileNotFoundError(f"no journal at {self.path}; use Journal.create(path) "
                                        "or Journal(path, create=True) to start one")
            with self._writing():
                if not os.path.exists(self.path):
                    safefile.replace(self.path, empty_file())
        self.reload()

    @classmethod
    def create(cls, path):
        """Start a new, empty journal; raise if any file is already at ``path``."""
        if os.path.exists(os.fspath(path)):
            raise FileExistsError(f"{os.fspath(path)} already exists; open it with Journal(path) "
                                  "instead (nothing is overwritten)")
        return cls(path, create=True)

    # -- reading ----------------------------------------------------------
    def _read(self):
        """Return the file as it is on the disk now, checked.

        Bytes this process read or wrote before are not checked again: a
        file that only gained rows at the end (another writer's saves) has
        just those rows checked, with the end line that counts them all.
        """
        with open(self.path, "rb") as f:
            raw = f.read()
        real = safefile.target(self.path)
        seen = _SEEN.get(real)
        if seen is not None and raw == seen[0]:
            parsed = seen[1]
        elif seen is not None and seen[2] is not None and len(raw) > seen[2] \
                and memoryview(raw)[:seen[2]] == memoryview(seen[0])[:seen[2]]:
            parsed = parse_appended(seen[1], raw, seen[2], self.path)
        else:
            parsed = parse_file(raw, self.path)
        _remember(real, raw, parsed)
        self._raw, self._parsed = raw, parsed
        return parsed

    def reload(self):
        """Read the file again (another program may have added records)."""
        self._read()

    @property
    def schema(self):
        """The schema the file is written in (1: before checks; rewritten as 2 on a save)."""
        return self._parsed.schema

    def revisions(self):
        """Every revision in file order (a list of :class:`Record`)."""
        return list(self._parsed.revisions)

    def history(self, record_id):
        """All revisions of one record, oldest (lowest revision) first."""
        found = [r for r in self._parsed.revisions if r.record_id == record_id]
        if not found:
            raise ValueError(f"record_id = {record_id!r} is not in {self.path}")
        return sorted(found, key=lambda r: r.revision)

    def records(self, athlete=None, include_deleted=False):
        """Return the latest revision (highest number) of each record, by date and save time.

        Parameters
        ----------
        athlete : str, optional
            Only this athlete's records (exact name; "Zoë" typed either way).
        include_deleted : bool
            Keep records whose latest revision marks them deleted.
        """
        name = None if athlete is None else unicodedata.normalize("NFC", str(athlete).strip())
        out = [r for r in self._parsed.latest().values() if (include_deleted or not r.deleted)
               and (name is None or r.fields["athlete"] == name)]
        return sorted(out, key=lambda r: (r.fields["date"], r.saved_at))

    def athletes(self):
        """Sorted names of the athletes with at least one record."""
        return sorted({r.fields["athlete"] for r in self.records()})

    # -- writing ----------------------------------------------------------
    def add(self, record_id=None, **values):
        """Validate and add a new record; return it (revision 1).

        Parameters
        ----------
        record_id : str, optional
            12 hex digits chosen by the caller, so that a retry after an
            error cannot add the record twice: if the file already holds
            this id with the same values, that record is returned and
            nothing is written. Default: a new random id.
        **values
            The fields (see :data:`FIELDS`).
        """
        fields = validate(values)
        if record_id is not None and not re.fullmatch(r"[0-9a-f]{12}", str(record_id)):
            raise ValueError(f"record_id = {record_id!r} must be 12 hex digits (0-9, a-f)")
        rid = record_id or uuid.uuid4().hex[:12]

        def build(parsed):
            mine = [r for r in parsed.revisions if r.record_id == rid]
            if not mine:
                return Record(rid, 1, _now(), False, fields)
            first = min(mine, key=lambda r: r.revision)
            if first.fields == fields:
                return None  # already saved: a retry
            raise ValueError(f"record_id = {rid!r} is already in {self.path} with other values")
        return self._write(build, rid)

    def edit(self, record_id, **changes):
        """Add a new revision of a record with some fields changed; return it.

        The changes apply to the record's latest revision in the file as it
        is now (another program's edits are kept). Earlier revisions stay.
        An edit that changes nothing writes nothing and returns the latest
        revision.

        Raises
        ------
        ValueError
            The record is not in the file, is deleted, or a value is not valid.
        """
        def build(parsed):
            last = self._latest(parsed, record_id)
            if last.deleted:
                raise ValueError(f"record_id = {record_id!r} was deleted (revision "
                                 f"{last.revision}); a deleted record cannot be edited")
            fields = validate({**last.fields, **changes})
            if fields == last.fields:
                return None
            return Record(record_id, last.revision + 1, _now(), False, fields)
        return self._write(build, record_id)

    def delete(self, record_id):
        """Add a revision that marks a record deleted (earlier ones stay); return it.

        Deleting a deleted record writes nothing.
        """
        def build(parsed):
            last = self._latest(parsed, record_id)
            if last.deleted:
                return None
            return Record(record_id, last.revision + 1, _now(), True, dict(last.fields))
        return self._write(build, record_id)

    def _latest(self, parsed, record_id):
        last = parsed.latest().get(record_id)
        if last is None:
            raise ValueError(f"record_id = {record_id!r} is not in {self.path}")
        return last

    def _write(self, build, record_id):
        """Under the lock: read the file, ``build(parsed)`` a revision, write it.

        ``build`` returns the new :class:`Record`, or ``None`` when the file
        already holds what was asked (then nothing is written and the latest
        revision of ``record_id`` is returned).
        """
        with self._writing():
            safefile.require_writable(self.path)
            parsed = self._read()  # never build on a stale copy, never write over damage
            record = build(parsed)
            if record is None:
                return parsed.latest()[record_id]
            if len(parsed.lines) >= MAX_ROWS:
                raise ValueError(f"{self.path} holds {len(parsed.lines)} rows, the most one "
                                 f"journal file takes ({MAX_ROWS}); start a new file")
            if parsed.schema < SCHEMA:
                safefile.keep_copy(self.path, self._raw, f"schema{parsed.schema}")
            safefile.remove_stale_temps(self.path)
            new = parsed.plus(record)
            data = new.encode()
            safefile.replace(self.path, data)
            _remember(safefile.target(self.path), data, new, canonical=True)
            self._raw, self._parsed = data, new
        return record

    def _writing(self):
        return _saving(self.path)


@contextlib.contextmanager
def _saving(path):
    """Hold the lock for a save; an operating-system error names the journal."""
    try:
        with safefile.locked(path):
            yield
    except OSError as e:
        if e.filename is None:  # already in plain words (a read-only journal)
            raise
        raise _explained(e, path) from None


def _explained(error, path):
    return type(error)(error.errno, f"cannot save the journal {path} ({error.strerror}: "
                                    f"{error.filename}); nothing was written")


def reseal(path):
    """Accept a journal changed outside hinge-sim on purpose; return it opened.

    Use it after editing cells in a spreadsheet: every value is still
    checked (a bad one raises, naming the line), the file as it is is kept
    as ``<name>.edited.bak``, and the file is rewritten with new checks.
    """
    path = os.fspath(path)
    with _saving(path):
        safefile.require_writable(path)
        with open(path, "rb") as f:
            raw = f.read()
        parsed = parse_file(raw, path, verify=False)
        safefile.keep_copy(path, raw, "edited")
        safefile.replace(path, parsed.encode())
    return Journal(path)


def _remember(real, raw, parsed, canonical=False):
    """Keep the file as read or written; note where its end line starts if canonical."""
    start = None
    if parsed.schema == SCHEMA and (canonical or raw == parsed.encode()):
        start = len(raw) - len(end_line(len(parsed.lines), parsed.total))
    _SEEN[real] = (raw, parsed, start)


def _now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")

