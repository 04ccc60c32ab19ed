"""Debrief journal: one record per set or session, in a CSV file that never loses a record.

The file opens in a spreadsheet.

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

The file format is described in ``docs/journal.md``. Every write takes a lock,
reads the file as it is now and builds on it, makes a complete new file next
to the old one, flushes it to disk and renames it over the old one
(``os.replace``), so a crash leaves either the old or the new file, never a
half-written one. Each row carries a check and the last line counts the rows,
so a file that was cut short or changed is noticed. A file that is damaged,
from a newer schema or not a journal raises :class:`JournalError` and is never
written to.

Modules: :mod:`.fields` (what a record holds), :mod:`.fileformat` (rows and
checks), :mod:`.store` (:class:`Journal`); the lock and the atomic replace are
:mod:`hinge_sim.safefile`'s.
"""
from .fields import EXERCISE_NAMES, FIELDS, LIMIT_OF, validate
from .fileformat import COLUMNS, COLUMNS_V1, SCHEMA, JournalError, Record, parse
from .store import MAX_ROWS, Journal, journal_path, reseal

__all__ = ["COLUMNS", "COLUMNS_V1", "EXERCISE_NAMES", "FIELDS", "LIMIT_OF", "MAX_ROWS", "SCHEMA",
           "Journal", "JournalError", "Record", "journal_path", "parse", "reseal", "validate"]
