"""Journal: the file on the disk (read-only files, mode, owner, symbolic links,
long and accented names) and cells that a spreadsheet would run as formulas."""
import csv
import os
import unicodedata

import pytest

from hinge_sim import journal as J
from hinge_sim import safefile

GOOD = dict(date="2024-05-02", athlete="Anna", exercise="RDL", load_kg=40, reps=8)
posix = pytest.mark.skipif(os.name != "posix", reason="POSIX modes, owners and links")


@pytest.fixture
def path(tmp_path):
    path = J.journal_path(tmp_path, "Anna")
    J.Journal.create(path).add(**GOOD)
    return path


@posix
def test_read_only_journal_is_read_but_not_written(path):
    os.chmod(path, 0o444)
    before = open(path, "rb").read()
    j = J.Journal(path)  # reading is fine
    assert len(j.records()) == 1
    with pytest.raises(PermissionError, match=r"is read-only \(mode -r--r--r--\).*chmod u\+w"):
        j.add(**GOOD)
    with pytest.raises(PermissionError, match="read-only"):
        j.edit(j.records()[0].record_id, reps=3)
    assert open(path, "rb").read() == before
    assert oct(os.stat(path).st_mode & 0o777) == "0o444"


@posix
def test_save_keeps_mode_and_owner(path):
    os.chmod(path, 0o664)
    nobody = 65534
    can_chown = os.geteuid() == 0
    if can_chown:
        os.chown(path, nobody, nobody)
    J.Journal(path).add(**GOOD)
    st = os.stat(path)
    assert oct(st.st_mode & 0o777) == "0o664"
    if can_chown:
        assert (st.st_uid, st.st_gid) == (nobody, nobody)
    assert len(J.Journal(path).records()) == 2


@posix
def test_new_journal_is_private(tmp_path):
    path = tmp_path / "new.csv"
    J.Journal.create(path)
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"


@posix
def test_symlinked_journal_stays_a_link_and_its_target_is_updated(path, tmp_path):
    link_dir = tmp_path / "links"
    link_dir.mkdir()
    link = link_dir / "anna.csv"
    link.symlink_to(path)
    J.Journal(link).add(**{**GOOD, "reps": 3})
    assert link.is_symlink() and os.readlink(link) == path
    assert [r.reps for r in J.Journal(path).records()] == [8, 3]
    assert not [n for n in os.listdir(link_dir) if n != "anna.csv"]  # no temp or lock beside it


def test_255_character_name_gives_a_clear_error(tmp_path):
    limit = f"the limit is {safefile.MAX_NAME_BYTES} bytes"
    assert safefile.MAX_NAME_BYTES + len(".anna.csv.schema1-999.bak") - len("anna.csv") <= 255
    with pytest.raises(ValueError, match=limit) as err:
        J.journal_path(tmp_path, "a" * 255)
    assert "259 bytes" in str(err.value) and ".tmp" not in str(err.value)
    with pytest.raises(ValueError, match=limit):
        J.Journal.create(tmp_path / ("b" * 250 + ".csv"))
    assert os.listdir(tmp_path) == []
    longest = J.journal_path(tmp_path, "c" * (safefile.MAX_NAME_BYTES - 4))
    J.Journal.create(longest).add(**GOOD)  # the longest name allowed really works
    assert len(J.Journal(longest).records()) == 1


def test_name_in_nfc_and_nfd_is_one_file(tmp_path):
    nfc, nfd = (unicodedata.normalize(form, "Zoë") for form in ("NFC", "NFD"))
    assert nfc != nfd
    assert J.journal_path(tmp_path, nfc) == J.journal_path(tmp_path, nfd)
    j = J.Journal.create(J.journal_path(tmp_path, nfd))
    j.add(**{**GOOD, "athlete": nfd})
    j.add(**{**GOOD, "athlete": nfc})
    assert J.Journal(J.journal_path(tmp_path, nfc)).athletes() == [nfc]
    assert len(j.records(athlete=nfd)) == 2


FORMULAS = ["=1+1", "+A1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A2)", "=HYPERLINK(\"x\")",
            "'=already quoted", "''=twice", "'plain quote", "- a list item", "=", "'"]


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_cells_are_neutralised_and_read_back_as_typed(tmp_path, text):
    path = tmp_path / "f.csv"
    j = J.Journal.create(path)
    name = text if text.strip("'") else "Jo"
    rec = j.add(**{**GOOD, "athlete": name, "notes": text, "targets": text})
    with open(path, newline="", encoding="utf-8") as f:
        row = list(csv.DictReader(f))[0]
    for column in ("notes", "targets", "athlete"):
        cell = row[column]
        if column == "athlete" and name == "Jo":
            continue
        assert not cell.startswith(tuple("=+-@\t\r")), (column, cell)  # a spreadsheet shows text
    again = J.Journal(path).records()[0]
    assert (again.notes, again.targets, again.athlete) == (text, text, name)
    assert again == rec


def test_negative_numbers_stay_numbers(tmp_path):
    path = tmp_path / "n.csv"
    J.Journal.create(path).add(**GOOD, bar_drift_m=-0.04)
    with open(path, newline="", encoding="utf-8") as f:
        assert list(csv.DictReader(f))[0]["bar_drift_m"] == "-0.04"


def test_cell_with_tab_or_carriage_return_first_is_quoted():
    from hinge_sim.journal.fields import from_cell, to_cell
    for text in ("\tcmd", "\rcmd", "'\t"):
        cell = to_cell(text)
        assert cell.startswith("'") and from_cell("notes", cell) == text


def test_a_full_journal_refuses_more_rows_with_the_limit_named(tmp_path, monkeypatch):
    from hinge_sim.journal import store
    monkeypatch.setattr(store, "MAX_ROWS", 3)
    j = J.Journal.create(tmp_path / "full.csv")
    rec = j.add(**GOOD)
    j.add(**GOOD)
    j.edit(rec.record_id, reps=3)
    before = open(tmp_path / "full.csv", "rb").read()
    with pytest.raises(ValueError, match=r"holds 3 rows, the most one journal file takes \(3\)"):
        j.add(**GOOD)
    assert open(tmp_path / "full.csv", "rb").read() == before
