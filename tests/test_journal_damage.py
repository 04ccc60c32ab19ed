"""Journal: a damaged file is refused, never written over.

Exhaustive on a small file: the file cut at every byte offset, and every byte
changed in several ways. A change is allowed through only when every record
reads back exactly as it was (for example a line end turned from CRLF into LF).
"""
import os

import pytest

from hinge_sim import journal as J

RECORDS = [
    dict(date="2024-05-02", athlete="Anna", exercise="RDL", load_kg=40, reps=8, tempo="3-1-1-0",
         spine=4, coach_rating=3, bar_drift_m=-0.04, notes='ribs down, "slow"\nnext: wider'),
    dict(date="2024-05-09", athlete="Anna", exercise="deadlift", load_kg=60.5, reps=5),
    dict(date="2024-05-16", athlete="Zoë", exercise="good morning", targets="=1+1"),
    dict(date="2024-05-23", athlete="Anna", exercise="RDL", hip_to_bar_m=0.31, rib_cage=2),
]


@pytest.fixture
def small(tmp_path):
    """A 4-record journal with an edit and a delete; (path, bytes, revisions)."""
    path = J.journal_path(tmp_path, "Anna")
    j = J.Journal.create(path)
    ids = [j.add(**r).record_id for r in RECORDS]
    j.edit(ids[0], coach_rating=5)
    j.delete(ids[1])
    data = open(path, "rb").read()
    return path, data, J.parse(data)


def _outcome(data, original):
    """'refused' (with the message) or 'same' (every revision read back unchanged)."""
    try:
        revisions = J.parse(data, "anna.csv")
    except J.JournalError as e:
        return "refused", str(e)
    assert revisions == original, "a changed file was read with a record changed"
    return "same", ""


def test_every_truncation_is_refused(small):
    _, data, original = small
    outcomes = {n: _outcome(data[:n], original) for n in range(len(data))}
    accepted = [n for n, (what, _) in outcomes.items() if what == "same"]
    # only cutting the very last byte (the LF of the last CRLF) keeps every cell
    assert accepted == [len(data) - 1]
    for n, (what, message) in outcomes.items():
        if what == "refused":
            assert "line" in message or "empty" in message, (n, message)
    assert len(outcomes) > 900


CHANGES = {
    "bit flip": lambda b: bytes([b ^ 0x01]),
    "digit": lambda b: b"7" if b != ord("7") else b"8",
    "comma": lambda b: b",",
    "quote": lambda b: b'"',
    "line end": lambda b: b"\n",
    "deleted": lambda b: b"",
}


@pytest.mark.parametrize("kind", CHANGES)
def test_every_single_byte_change_is_refused_or_changes_nothing(small, kind):
    _, data, original = small
    same = []
    for i in range(len(data)):
        new = CHANGES[kind](data[i])
        if new == data[i:i + 1]:
            continue
        what, _ = _outcome(data[:i] + new + data[i + 1:], original)
        if what == "same":
            same.append(data[i:i + 1])
    # What gets through leaves every value as it was: a line end (CR or LF) turned into
    # another line end, an empty cell more or less at the end of the end line, a
    # trailing 0 after a decimal point, the quote before "=1+1" (added on writing).
    assert set(same) <= {b"\r", b"\n", b",", b"0", b"'"}, same
    print(f"{kind}: {len(same)} of {len(data)} changes read back with every value unchanged")


def test_damaged_file_is_never_written_over(small):
    path, data, _ = small
    j = J.Journal(path)  # opened while the file was fine
    damaged = data.replace(b"60.5", b"66.5")
    with open(path, "wb") as f:
        f.write(damaged)
    with pytest.raises(J.JournalError, match=r"line 4 \(spreadsheet row 3\) is damaged: its check"):
        J.Journal(path)
    for write in (lambda: j.add(**RECORDS[1]), lambda: j.edit(j.records()[0].record_id, reps=3),
                  lambda: J.Journal(path, create=True)):
        with pytest.raises(J.JournalError):
            write()
    assert open(path, "rb").read() == damaged


def test_lost_rows_at_a_line_boundary_are_named(small):
    path, data, _ = small
    lines = data.split(b"\r\n")
    for cut in (lines[:-3], lines[:3] + lines[4:]):  # last row lost; a middle row lost
        with pytest.raises(J.JournalError, match="line"):
            J.parse(b"\r\n".join(cut) + b"\r\n")
    with pytest.raises(J.JournalError, match="end line 'end,rows=6"):
        J.parse(b"\r\n".join(lines[:3] + lines[4:]))


def test_empty_row_is_refused_naming_its_line(small):
    path, data, _ = small
    lines = data.split(b"\r\n")
    bad = b"\r\n".join(lines[:3] + [b",,,,"] + lines[3:])
    words = r"line 5 \(spreadsheet row 4\) is an empty row \(5 empty cells\)"
    with pytest.raises(J.JournalError, match=words):
        J.parse(bad, "anna.csv")


def test_edit_made_on_purpose_is_accepted_by_reseal_keeping_a_copy(small):
    path, data, _ = small
    changed = data.replace(b"60.5", b"62.5")
    with open(path, "wb") as f:
        f.write(changed)
    with pytest.raises(J.JournalError, match="reseal"):
        J.Journal(path)
    j = J.reseal(path)
    loads = [r.load_kg for r in j.records(include_deleted=True) if r.exercise == "deadlift"]
    assert loads == [62.5]
    assert open(path + ".edited.bak", "rb").read() == changed
    bad = open(path, "rb").read().replace(b"62.5", b"962.5")
    with open(path, "wb") as f:
        f.write(bad)
    with pytest.raises(J.JournalError, match="load_kg = 962.5 kg is outside"):
        J.reseal(path)  # values are still checked
    assert open(path, "rb").read() == bad


def _schema_1(records):
    """A file as hinge-sim wrote it before schema 2 (no check column, no end line)."""
    import csv
    import io
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(J.COLUMNS_V1)
    for r in records:
        w.writerow(["1"] + r.row()[1:])
    return buf.getvalue().encode()


def test_schema_1_file_loads_and_migrates_on_the_next_save_keeping_a_copy(small, tmp_path):
    _, _, original = small
    path = str(tmp_path / "old.csv")
    old = _schema_1(original)
    with open(path, "wb") as f:
        f.write(old)
    os.chmod(path, 0o640)
    j = J.Journal(path)
    assert j.schema == 1 and j.revisions() == original
    j.add(**RECORDS[3])
    assert open(path + ".schema1.bak", "rb").read() == old
    assert oct(os.stat(path + ".schema1.bak").st_mode & 0o777) == "0o640"
    again = J.Journal(path)
    assert again.schema == 2 and again.revisions()[:-1] == original
    assert open(path, "rb").read().startswith(b"schema,") and b"\r\nend,rows=7," in open(
        path, "rb").read()
    j.add(**RECORDS[3])  # a second save makes no second copy
    assert sorted(os.listdir(tmp_path)).count("old.csv.schema1.bak") == 1
    assert not any(n.startswith("old.csv.schema1-") for n in os.listdir(tmp_path))


def test_rows_another_writer_added_are_checked_too(small, tmp_path):
    """A save reads again only what another writer added at the end; that part is checked."""
    import shutil

    from hinge_sim.journal import store
    path, data, original = small
    J.Journal(path)  # this process now knows the file as it is
    other = str(tmp_path / "other.csv")
    shutil.copyfile(path, other)
    store._SEEN.clear()  # as if another program wrote it
    J.Journal(other).add(**RECORDS[1])
    grown = open(other, "rb").read()
    start = len(data) - len(data.split(b"\r\n")[-2]) - 2
    assert grown[:start] == data[:start] and len(grown) > len(data)
    J.Journal(path)
    refused = 0
    for i in range(start, len(grown)):
        for bad in (grown[:i], grown[:i] + bytes([grown[i] ^ 1]) + grown[i + 1:]):
            with open(path, "wb") as f:
                f.write(bad)
            try:
                revisions = J.Journal(path).revisions()
            except J.JournalError as e:
                assert "line" in str(e)
                assert store._SEEN[os.path.realpath(path)][0] != bad  # not kept as good
                refused += 1
            else:
                assert revisions == J.parse(grown), "damage in the new rows was accepted"
    assert refused >= 2 * (len(grown) - start) - 1
    with open(path, "wb") as f:
        f.write(grown)
    assert J.Journal(path).revisions()[:-1] == original


def test_a_spreadsheet_resave_with_other_quoting_and_number_forms_is_read(small):
    """Checks are over values: quoting, 40 for 40.0, LF line ends and a BOM change none."""
    import csv
    import io
    path, data, original = small
    rows = list(csv.reader(io.StringIO(data.decode(), newline="")))
    rows = [[c[:-2] if c.endswith(".0") and c[:-2].isdigit() else c for c in row]
            for row in rows]
    rows[-1] = rows[-1][:3]  # the empty cells after the end line's counts dropped
    buf = io.StringIO(newline="")
    csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    resaved = "\ufeff" + buf.getvalue()
    assert '"40",' in resaved and "\r" not in resaved and '"60.5"' in resaved
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(resaved)
    assert J.Journal(path).revisions() == original
