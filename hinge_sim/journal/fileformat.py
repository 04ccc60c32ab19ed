"""The journal file format: rows of revisions with a check each, and a last line.

The last line counts the rows (described in ``docs/journal.md``).

Schema 2 (written now)::

    schema,record_id,revision,saved_at,deleted,date,...,notes,check
    2,3f2a9c0d1b7e,1,2024-05-02T10:00:00+00:00,no,2024-05-02,...,ribs down,9b1c...
    2,3f2a9c0d1b7e,2,2024-05-02T10:05:00+00:00,no,2024-05-02,...,better,04e7...
    end,rows=2,check=a003...,,,...

``check`` is a 64-bit BLAKE2b digest of the row's values written the
canonical way; the ``end`` line holds the number of rows and the sum of their
checks (mod 2**64), so it does not depend on the order of the rows (a
spreadsheet may sort them). Schema 1 files (no ``check`` column, no ``end``
line) are still read.
"""
import csv
import dataclasses
import datetime
import hashlib
import io
import re
import threading

from .fields import FIELDS, from_cell, to_cell, to_number, validate

SCHEMA = 2
BOOKKEEPING = ("schema", "record_id", "revision", "saved_at", "deleted")
COLUMNS_V1 = BOOKKEEPING + tuple(FIELDS)
COLUMNS = COLUMNS_V1 + ("check",)
END = "end"
CHECK_DIGITS = 16  # hex digits: a 64-bit digest [A: misses a random change 1 time in 1.8e19]
_HEX = re.compile(r"[0-9a-f]{%d}" % CHECK_DIGITS)
_MOD = 2 ** (4 * CHECK_DIGITS)
RESEAL_HINT = ("restore the file from a backup; if the change was made on purpose, "
               "hinge_sim.journal.reseal(path) accepts it (keeping a copy of the file as it is)")


class JournalError(ValueError):
    """A journal file that cannot be read safely (damaged, newer schema, not a journal)."""


@dataclasses.dataclass(frozen=True)
class Record:
    """One debrief record (one revision of it). Units in the field names.

    Attributes
    ----------
    record_id : str
        Stable id shared by all revisions of a record.
    revision : int
        1 for the first version, +1 for each edit; the highest is the latest.
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
        """Return a field by its name: ``record.spine``."""
        if name in FIELDS:
            return self.fields.get(name)
        raise AttributeError(name)

    def row(self):
        """Return the CSV cells of this revision, in :data:`COLUMNS` order, without the check."""
        cells = [str(SCHEMA), self.record_id, str(self.revision), self.saved_at,
                 "yes" if self.deleted else "no"]
        return cells + [to_cell(self.fields.get(name)) for name in FIELDS]

    def is_newer_than(self, other):
        """Whether this revision supersedes ``other`` (same record).

        The revision number decides, never the order of rows in the file. Two
        rows with the same number (written by versions before 2 without a
        lock on the file's contents) are decided by a deletion first, then
        the later save time, then the cells, so any order of rows gives the
        same answer.
        """
        mine = (self.revision, self.deleted, self.saved_at)
        theirs = (other.revision, other.deleted, other.saved_at)
        return mine > theirs if mine != theirs else self.row() > other.row()


@dataclasses.dataclass
class Parsed:
    """A journal file read and checked.

    Attributes
    ----------
    schema : int
        The schema the file was written in (1 or 2).
    revisions : list of Record
        In file order.
    lines : list of bytes
        Each revision as schema 2 writes it (ending with its check and CRLF).
    total : int
        Sum of the revisions' checks, mod 2**64 (what the ``end`` line holds).
    """

    schema: int
    revisions: list
    lines: list
    total: int

    def latest(self):
        """Record id -> its latest revision."""
        best = {}
        for r in self.revisions:
            seen = best.get(r.record_id)
            if seen is None or r.is_newer_than(seen):
                best[r.record_id] = r
        return best

    def encode(self):
        """Return the whole file in schema 2 (bytes)."""
        return HEADER + b"".join(self.lines) + end_line(len(self.lines), self.total)

    def plus(self, record):
        """Return a new :class:`Parsed` with ``record`` added at the end."""
        line, check = encode_row(record)
        return Parsed(SCHEMA, self.revisions + [record], self.lines + [line],
                      (self.total + check) % _MOD)


_local = threading.local()  # one CSV writer per thread, used again for every row


def _csv_line(cells):
    if not hasattr(_local, "writer"):
        _local.buffer = io.StringIO(newline="")
        _local.writer = csv.writer(_local.buffer, lineterminator="")
    _local.buffer.seek(0)
    _local.buffer.truncate()
    _local.writer.writerow(cells)
    return _local.buffer.getvalue()


HEADER = (_csv_line(COLUMNS) + "\r\n").encode("utf-8")


def encode_row(record):
    """Return a revision's schema 2 line (bytes, with check and CRLF) and its check (int)."""
    body = _csv_line(record.row())
    check = _digest(body)
    return f"{body},{check}\r\n".encode("utf-8"), int(check, 16)


def _digest(body):
    return hashlib.blake2b(body.encode("utf-8"), digest_size=CHECK_DIGITS // 2).hexdigest()


def end_line(rows, total):
    """Return the last line of a schema 2 file: the number of rows and the sum of their checks."""
    cells = [END, f"rows={rows}", f"check={total:0{CHECK_DIGITS}x}"]
    return (_csv_line(cells + [""] * (len(COLUMNS) - len(cells))) + "\r\n").encode("utf-8")


def empty_file():
    """Return the bytes of a journal with no records."""
    return Parsed(SCHEMA, [], [], 0).encode()


def parse(data, where="journal"):
    """Revisions from the bytes of a journal file, in file order.

    Raises
    ------
    JournalError
        Naming the line of the first problem.
    """
    return parse_file(data, where).revisions


def parse_file(data, where="journal", verify=True):
    """Read and check the bytes of a journal file.

    Parameters
    ----------
    data : bytes
    where : str
        The file's name, for messages.
    verify : bool
        Check each row's ``check`` and the ``end`` line (schema 2). Only
        :func:`hinge_sim.journal.reseal` turns this off; values are checked
        either way.

    Returns
    -------
    Parsed

    Raises
    ------
    JournalError
        The file is damaged, from a newer schema or not a journal; the
        message names the line.
    """
    if not data:
        raise JournalError(f"{where} is empty: not a hinge-sim journal (it has no header line)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise JournalError(f"{where} line {line} is damaged or not a hinge-sim journal: not "
                           f"UTF-8 text (byte {e.start}: {e.reason})") from None
    rows = _rows(text, where)
    header = rows[0][2]
    if not header or header[0] != "schema":
        raise JournalError(f"{where} is not a hinge-sim journal: the first column of line 1 "
                           f"must be 'schema' (found {header[:3]})")
    newer = [int(c[0]) for _, _, c in rows[1:] if c and c[0].isdigit() and int(c[0]) > SCHEMA]
    if newer:
        raise JournalError(f"{where} uses journal schema {max(newer)}; this hinge-sim reads "
                           f"schemas 1 to {SCHEMA}: update hinge-sim")
    schema = {COLUMNS: 2, COLUMNS_V1: 1}.get(tuple(header))
    if schema is None:
        missing = [c for c in COLUMNS if c not in header]
        extra = [c for c in header if c not in COLUMNS]
        raise JournalError(f"{where} is not a schema {SCHEMA} journal: line 1 (the header) has "
                           f"missing columns {missing}, unknown columns {extra}")
    parsed = Parsed(schema, [], [], 0)
    ends = _add_rows(parsed, rows[1:], where, verify)
    if schema == 2 and verify:
        _check_end(parsed, ends, text, where)
    elif not text.endswith(("\n", "\r")):  # also: a schema 2 file cut inside its header
        raise JournalError(f"{where} ends in the middle of its last line: the file was cut "
                           f"short; {RESEAL_HINT}")
    return parsed


def parse_appended(known, data, start, where="journal"):
    """Read a schema 2 file whose first ``start`` bytes were read before as ``known``.

    A file another hinge-sim wrote since is the same up to its old end line,
    then holds the new rows and a new end line: only those are read and
    checked (the end line still counts and sums every row).

    Parameters
    ----------
    known : Parsed
        ``data[:start]`` read and checked (schema 2, written the canonical way).
    data : bytes
        The whole file as it is now.
    start : int
        Where ``known`` ends (the start of its end line).
    where : str

    Returns
    -------
    Parsed
    """
    try:
        text = data[start:].decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:start + e.start].count(b"\n") + 1
        raise JournalError(f"{where} line {line} is damaged: not UTF-8 text "
                           f"(byte {start + e.start}: {e.reason})") from None
    first_line = data[:start].count(b"\n") + 1
    rows = _rows(text, where, first_line, len(known.lines) + 2)
    parsed = Parsed(SCHEMA, list(known.revisions), list(known.lines), known.total)
    ends = _add_rows(parsed, rows, where, verify=True)
    _check_end(parsed, ends, text, where)
    return parsed


def _add_rows(parsed, rows, where, verify):
    """Add the records of ``rows`` to ``parsed``; return the end lines met."""
    ends = []
    for line, index, cells in rows:
        place = f"{where} line {line}" + (f" (spreadsheet row {index})" if index != line else "")
        if not cells:
            continue  # a blank line holds no cells
        if cells[0] == END and parsed.schema == 2:
            ends.append((place, cells))
            continue
        record, stored = _record(cells, parsed.schema, place)
        encoded, check = _encoded(record, cells, stored)
        if verify and parsed.schema == 2 and check != int(stored, 16):
            raise JournalError(f"{place} is damaged: its check {stored} does not match its "
                               f"cells (changed outside hinge-sim?); {RESEAL_HINT}")
        parsed.revisions.append(record)
        parsed.lines.append(encoded)
        parsed.total = (parsed.total + check) % _MOD
    return ends


def _encoded(record, cells, stored):
    """Return the canonical line and check of a row (a row hinge-sim wrote is its own)."""
    if stored is not None:
        body = _csv_line(cells[:-1])
        if _digest(body) == stored:  # cells as written: no need to format them again
            return f"{body},{stored}\r\n".encode("utf-8"), int(stored, 16)
    return encode_row(record)


def _rows(text, where, first_line=1, first_index=1):
    """(first line, spreadsheet row, cells) of every row; a csv error names its line."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    out, line = [], first_line
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return out
        except csv.Error as e:
            raise JournalError(f"{where} line {first_line - 1 + reader.line_num} is damaged: "
                               f"{e}") from None
        out.append((line, first_index + len(out), cells))
        line = first_line + reader.line_num


def _record(cells, schema, place):
    columns = COLUMNS if schema == 2 else COLUMNS_V1
    if not any(cells):
        raise JournalError(f"{place} is an empty row ({len(cells)} empty cells); "
                           "delete it (a journal row has values)")
    if len(cells) != len(columns):
        raise JournalError(f"{place} is damaged: {len(cells)} cells, expected {len(columns)}")
    row = dict(zip(columns, cells))
    if row["schema"] != str(schema):
        raise JournalError(f"{place} column schema = {row['schema']!r}; expected {schema}")
    try:
        fields = validate({k: from_cell(k, row[k]) for k in FIELDS})
        revision = to_number("revision", row["revision"], integer=True)
        if revision < 1:
            raise ValueError(f"revision = {revision} must be 1 or more")
        if row["deleted"] not in ("yes", "no"):
            raise ValueError(f"deleted = {row['deleted']!r} must be yes or no")
        if not re.fullmatch(r"[0-9a-f]{12}", row["record_id"]):
            raise ValueError(f"record_id = {row['record_id']!r} must be 12 hex digits")
        _saved_at(row["saved_at"])
        if schema == 2 and not _HEX.fullmatch(row["check"]):
            raise ValueError(f"check = {row['check']!r} must be {CHECK_DIGITS} hex digits")
    except ValueError as e:
        raise JournalError(f"{place} is damaged: {e}") from None
    record = Record(row["record_id"], revision, row["saved_at"], row["deleted"] == "yes", fields)
    return record, row.get("check")


def _saved_at(text):
    try:
        when = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"saved_at = {text!r} is not an ISO 8601 time") from None
    if when.tzinfo is None:
        raise ValueError(f"saved_at = {text!r} has no time zone")


def _check_end(parsed, ends, text, where):
    """Check that the ``end`` line is there once, counts the rows and sums their checks."""
    if not ends:
        raise JournalError(f"{where} has lost its last line (end,rows=...,check=...): the file "
                           f"was cut short and later rows may be missing; {RESEAL_HINT}")
    if len(ends) > 1:
        raise JournalError(f"{where} has {len(ends)} end lines ({', '.join(p for p, _ in ends)}); "
                           f"expected one; {RESEAL_HINT}")
    place, cells = ends[0]
    want = [END, f"rows={len(parsed.lines)}", f"check={parsed.total:0{CHECK_DIGITS}x}"]
    if cells[:3] != want or any(cells[3:]):
        raise JournalError(f"{place} is the end line {','.join(cells[:3])!r} but the file holds "
                           f"{','.join(want)!r}: rows were lost, added or changed; {RESEAL_HINT}")
    if not text.endswith(("\n", "\r")):
        raise JournalError(f"{where} ends in the middle of its last line: the file was cut short; "
                           f"{RESEAL_HINT}")
