"""Journal: several writers on one file (stale handles, two processes) and rows
in any order (a spreadsheet sort): the revision number decides, no edit is lost
and a deleted record stays deleted."""
import subprocess
import sys
import textwrap

import pytest

from hinge_sim import journal as J

GOOD = dict(date="2024-05-02", athlete="Anna", exercise="RDL", load_kg=40, reps=8,
            coach_rating=3, notes="first")


@pytest.fixture
def path(tmp_path):
    return J.journal_path(tmp_path, "Anna")


def test_two_handles_edit_different_fields_and_both_edits_stay(path):
    a = J.Journal.create(path)
    rec = a.add(**GOOD)
    b = J.Journal(path)  # opened now, then left stale while a edits
    a.edit(rec.record_id, coach_rating=5)
    b.edit(rec.record_id, notes="ribs down")
    latest = J.Journal(path).records()[0]
    assert latest.coach_rating == 5 and latest.notes == "ribs down"
    assert [r.revision for r in J.Journal(path).history(rec.record_id)] == [1, 2, 3]


def test_stale_handle_cannot_bring_a_deleted_record_back(path):
    a = J.Journal.create(path)
    rec = a.add(**GOOD)
    b = J.Journal(path)
    a.delete(rec.record_id)
    with pytest.raises(ValueError, match="was deleted"):
        b.edit(rec.record_id, notes="after the delete")
    assert J.Journal(path).records() == []
    assert b.delete(rec.record_id).deleted  # deleting again writes nothing
    assert len(J.Journal(path).revisions()) == 2


def test_stale_handle_adds_keep_the_other_handles_records(path):
    a = J.Journal.create(path)
    b = J.Journal(path)
    ids = [a.add(**GOOD).record_id, b.add(**GOOD).record_id, a.add(**GOOD).record_id]
    assert sorted(r.record_id for r in J.Journal(path).records()) == sorted(ids)


def test_edit_that_changes_nothing_writes_nothing(path):
    j = J.Journal.create(path)
    rec = j.add(**GOOD)
    before = open(path, "rb").read()
    assert j.edit(rec.record_id, coach_rating=3).revision == 1
    assert open(path, "rb").read() == before


EDITOR = textwrap.dedent("""
    import sys
    from hinge_sim import journal as J
    path, rid, who = sys.argv[1:4]
    j = J.Journal(path)  # one handle for all 100 edits: stale after the other's first edit
    for i in range(100):
        rec = j.edit(rid, notes=f"{who} {i}", coach_rating=1 + i % 5)
        print(rec.revision, rec.notes, flush=True)
""")


@pytest.mark.slow
def test_two_processes_times_100_edits_lose_nothing(tmp_path, path):
    rec = J.Journal.create(path).add(**GOOD)
    script = tmp_path / "editor.py"
    script.write_text(EDITOR)
    procs = [subprocess.Popen([sys.executable, str(script), path, rec.record_id, who],
                              stdout=subprocess.PIPE, text=True) for who in ("a", "b")]
    confirmed = {}
    for p in procs:
        out, _ = p.communicate(timeout=300)
        assert p.returncode == 0
        for line in out.splitlines():
            revision, note = line.split(" ", 1)
            confirmed[note] = int(revision)
    assert len(confirmed) == 200
    history = J.Journal(path).history(rec.record_id)
    revisions = [h.revision for h in history]
    assert revisions == list(range(1, 202)), "revision numbers are unique and have no gaps"
    notes = {h.notes: h.revision for h in history[1:]}
    assert notes == confirmed, "every confirmed edit is in the file under its revision"
    last = max(confirmed, key=confirmed.get)
    assert J.Journal(path).records()[0].notes == last


def _data_rows_reversed(data):
    """The file with its data rows (and the end line) in reverse order, header first."""
    lines = data.split(b"\r\n")
    header, rows = lines[0], [ln for ln in lines[1:] if ln]
    return b"\r\n".join([header] + rows[::-1]) + b"\r\n"


def test_rows_sorted_in_a_spreadsheet_keep_edits_and_deletes(path):
    j = J.Journal.create(path)
    kept = j.add(**GOOD)
    gone = j.add(**{**GOOD, "notes": "to delete"})
    j.edit(kept.record_id, coach_rating=5)
    j.edit(kept.record_id, notes="third")
    j.delete(gone.record_id)
    data = open(path, "rb").read()
    assert b"\n" not in data.replace(b"\r\n", b"")  # one row per line: a reversal is a sort
    with open(path, "wb") as f:
        f.write(_data_rows_reversed(data))
    j2 = J.Journal(path)
    assert [r.revision for r in j2.revisions()] == [2, 3, 2, 1, 1]  # latest rows come first
    (latest,) = j2.records()
    assert latest.record_id == kept.record_id
    assert (latest.revision, latest.coach_rating, latest.notes) == (3, 5, "third")
    assert j2.edit(kept.record_id, reps=5).revision == 4
    assert J.Journal(path).records()[0].notes == "third"


def test_schema_1_rows_in_any_order_and_duplicate_revisions_decide_the_same(path):
    """Files written before schema 2 may hold two rows with one revision number."""
    header = ",".join(J.COLUMNS_V1)
    blank = "," * (len(J.COLUMNS_V1) - 10)

    def row(rev, saved, deleted, notes):
        return (f"1,00000000000a,{rev},2024-05-02T10:0{saved}:00+00:00,{deleted},2024-05-02,"
                f"Anna,RDL,40.0,8{blank}{notes}")
    rows = [row(1, 0, "no", "one"), row(2, 1, "no", "two"), row(2, 2, "yes", "two"),
            row(2, 3, "no", "two b")]
    answers = set()
    for order in (rows, rows[::-1], rows[1:] + rows[:1], [rows[0], rows[3], rows[1], rows[2]]):
        with open(path, "w", newline="") as f:
            f.write("\r\n".join([header] + order) + "\r\n")
        j = J.Journal(path)
        assert j.schema == 1 and len(j.revisions()) == 4
        latest = j.records(include_deleted=True)[0]
        answers.add((latest.revision, latest.deleted, latest.saved_at))
    assert answers == {(2, True, "2024-05-02T10:02:00+00:00")}  # the delete wins the tie
