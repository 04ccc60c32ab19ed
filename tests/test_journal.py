"""Debrief journal: round trips, revisions, schema errors, bad fields, and a
writer killed in the middle of an append."""
import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from hinge_sim import journal as J

GOOD = dict(date="2024-05-02", athlete="Anna", exercise="RDL", load_kg=40, reps=8,
            tempo="3-1-1-0", rib_cage=3, spine=4, hip_drive=2, coach_rating=3,
            hip_to_bar_m=0.31, bar_drift_m=0.04, target_bar_drift_m=0.02, target_rating=4,
            targets="ribs down at the bottom",
            notes='felt it in the hamstrings, "good"\nnext: slower')


@pytest.fixture
def path(tmp_path):
    return J.journal_path(tmp_path, "Anna")


def test_round_trip_keeps_every_field(path):
    j = J.Journal.create(path)
    rec = j.add(**GOOD)
    again = J.Journal(path).records()
    assert len(again) == 1
    assert again[0].record_id == rec.record_id
    for name, value in GOOD.items():
        assert getattr(again[0], name) == value, name
    assert again[0].hip_to_bar_m == pytest.approx(0.31)
    assert again[0].bar_to_midfoot_m is None


def test_file_is_plain_csv_with_schema_column(path):
    import csv
    J.Journal.create(path).add(**GOOD)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["schema"] == str(J.SCHEMA)
    assert rows[0]["athlete"] == "Anna" and rows[0]["load_kg"] == "40.0"


def test_edit_keeps_previous_revision(path):
    j = J.Journal.create(path)
    rec = j.add(**GOOD)
    j.edit(rec.record_id, coach_rating=5, notes="better")
    j2 = J.Journal(path)
    hist = j2.history(rec.record_id)
    assert [h.revision for h in hist] == [1, 2]
    assert hist[0].coach_rating == 3 and hist[1].coach_rating == 5
    assert j2.records()[0].notes == "better"
    j2.delete(rec.record_id)
    assert J.Journal(path).records() == []
    assert len(J.Journal(path).records(include_deleted=True)) == 1
    assert len(J.Journal(path).history(rec.record_id)) == 3


def test_records_sorted_by_date_and_filtered_by_athlete(path):
    j = J.Journal.create(path)
    j.add(**{**GOOD, "date": "2024-06-01"})
    j.add(**{**GOOD, "date": "2024-05-01", "athlete": "Ben"})
    j.add(**{**GOOD, "date": "2024-05-15"})
    assert [r.date for r in j.records()] == ["2024-05-01", "2024-05-15", "2024-06-01"]
    assert [r.date for r in j.records(athlete="Anna")] == ["2024-05-15", "2024-06-01"]
    assert j.athletes() == ["Anna", "Ben"]


@pytest.mark.parametrize("field, value, words", [
    ("spine", 6, "spine = 6 is outside the valid range 1 to 5"),
    ("rib_cage", 0, "rib_cage = 0 is outside the valid range 1 to 5"),
    ("coach_rating", 2.5, "coach_rating must be a whole number"),
    ("load_kg", -5, "load_kg = -5 kg is outside the valid range 0 to 500 kg"),
    ("load_kg", "heavy", "load_kg must be a number, got 'heavy'"),
    ("reps", 0, "reps = 0 is outside the valid range 1 to 100"),
    ("hip_to_bar_m", float("nan"), "hip_to_bar_m must be a finite number"),
    ("bar_drift_m", 3.0, "bar_drift_m = 3 m is outside the valid range -0.5 to 0.5 m"),
    ("date", "02/05/2024", "date = '02/05/2024' is not a date like 2024-05-02"),
    ("date", "1850-01-01", "date = 1850-01-01 is outside the valid range"),
    ("exercise", "bench", "exercise = 'bench' is not known"),
    ("tempo", "slow", "tempo = 'slow' is not coaching tempo notation"),
    ("athlete", "", "athlete"),
])
def test_bad_field_named_with_value_and_range(path, field, value, words):
    j = J.Journal.create(path)
    before = open(path, "rb").read()
    with pytest.raises(ValueError, match=None) as err:
        j.add(**{**GOOD, field: value})
    assert words in str(err.value)
    assert open(path, "rb").read() == before


def test_unknown_field_rejected(path):
    with pytest.raises(ValueError, match="unknown journal field"):
        J.Journal.create(path).add(**GOOD, mood=3)


def test_never_overwrites_an_existing_file(tmp_path):
    other = tmp_path / "notes.csv"
    other.write_text("name,score\nAnna,3\n")
    before = other.read_bytes()
    with pytest.raises(FileExistsError):
        J.Journal.create(other)
    with pytest.raises(J.JournalError, match="not a hinge-sim journal"):
        J.Journal(other, create=True)
    assert other.read_bytes() == before


def test_missing_file_is_not_created_silently(tmp_path):
    with pytest.raises(FileNotFoundError):
        J.Journal(tmp_path / "nobody.csv")
    assert not (tmp_path / "nobody.csv").exists()


def _corrupt_variants(good):
    lines = good.split(b"\r\n")
    newer = str(J.SCHEMA + 1).encode()
    yield "newer schema", good.replace(b"\r\n%d," % J.SCHEMA, b"\r\n" + newer + b",", 1), \
        f"schema {J.SCHEMA + 1}"
    yield "cell out of range", good.replace(b",RDL,40.0,8,3-1-1-0,3,4,",
                                            b",RDL,40.0,8,3-1-1-0,3,9,"), \
        "line 2 is damaged: spine = 9"
    yield "missing cells", \
        b"\r\n".join(lines[:1] + [lines[1].rsplit(b",", 3)[0]] + lines[2:]), "cells"
    yield "binary", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not"
    yield "other csv", b"date,weight\r\n2024-01-01,80\r\n", "not a hinge-sim journal"
    yield "renamed column", good.replace(b"coach_rating", b"coach"), \
        "missing columns ['coach_rating']"
    yield "empty", b"", "not a hinge-sim journal"


@pytest.mark.parametrize("case", ["newer schema", "cell out of range", "missing cells", "binary",
                                  "other csv", "renamed column", "empty"])
def test_bad_file_raises_and_is_left_untouched(path, case):
    J.Journal.create(path).add(**GOOD)
    good = open(path, "rb").read()
    variants = {name: (data, words) for name, data, words in _corrupt_variants(good)}
    data, words = variants[case]
    assert data != good
    with open(path, "wb") as f:
        f.write(data)
    with pytest.raises(J.JournalError) as err:
        J.Journal(path)
    assert words in str(err.value)
    with pytest.raises(J.JournalError):
        J.Journal(path, create=True)
    assert open(path, "rb").read() == data


def test_append_refuses_when_file_became_corrupt(path):
    j = J.Journal.create(path)
    j.add(**GOOD)
    with open(path, "ab") as f:
        f.write(b"garbage,line\r\n")
    data = open(path, "rb").read()
    with pytest.raises(J.JournalError):
        j.add(**GOOD)
    assert open(path, "rb").read() == data


def test_journal_path_slug(tmp_path):
    assert os.path.basename(J.journal_path(tmp_path, "Anna B.")) == "anna_b.csv"
    with pytest.raises(ValueError, match="empty file name"):
        J.journal_path(tmp_path, "...")


WRITER = textwrap.dedent("""
    import sys, time
    from hinge_sim import journal as J
    from hinge_sim import safefile
    def slow(f, data):  # write in small pieces so a kill lands mid-write
        for i in range(0, len(data), 97):
            f.write(data[i:i + 97]); f.flush(); time.sleep(0.0004)
    safefile._write_all = slow
    j = J.Journal(sys.argv[1], create=True)
    start = len(j.records())
    for i in range(start, start + 400):
        rec = j.add(date="2024-05-02", athlete="Anna", exercise="RDL", load_kg=i % 500,
                    reps=1 + i % 100, notes=f"set {i}, " + "x" * (i % 50))
        print(rec.record_id, i, flush=True)
""")


@pytest.mark.slow
def test_killed_writer_leaves_every_earlier_record(tmp_path):
    """SIGKILL a writer at random points; every confirmed record must survive."""
    path = str(tmp_path / "anna.csv")
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    rng = random.Random(5)
    confirmed = {}
    mid_write = 0
    for _ in range(12):
        proc = subprocess.Popen([sys.executable, str(script), path], stdout=subprocess.PIPE,
                                text=True)
        first = proc.stdout.readline()  # started and saving (a busy machine starts it late)
        time.sleep(rng.uniform(0.3, 1.2))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        out = first + out
        mid_write += any(n.endswith(".tmp") for n in os.listdir(tmp_path))
        for line in out.splitlines():
            rid, i = line.split()
            confirmed[rid] = int(i)
        j = J.Journal(path)  # opens without error after every kill
        kept = {r.record_id: r for r in j.records()}
        missing = set(confirmed) - set(kept)
        assert not missing, f"lost {len(missing)} confirmed records"
        for rid, i in confirmed.items():
            assert kept[rid].load_kg == i % 500 and kept[rid].notes.startswith(f"set {i},")
    assert len(confirmed) > 20  # the writer got far enough to test something
    assert mid_write >= 3  # and several kills landed in the middle of a write


def test_progress_figure_draws_ratings_and_targets(path):
    from matplotlib.figure import Figure

    from hinge_sim.viz.progress import progress_figure
    j = J.Journal.create(path)
    for day, spine in (("2024-05-01", 2), ("2024-05-08", 3), ("2024-05-15", 5)):
        j.add(**{**GOOD, "date": day, "spine": spine})
    fig = progress_figure(j.records())
    assert isinstance(fig, Figure)
    ax_r, ax_m = fig.axes[:2]
    labels = [ln.get_label() for ln in ax_r.lines]
    spine = ax_r.lines[labels.index("spine (self)")]
    assert list(spine.get_ydata()) == [2, 3, 5]
    assert "target rating" in labels
    assert "bar drift target" in [ln.get_label() for ln in ax_m.lines]
    empty = progress_figure([])
    assert "No records yet" in empty.axes[0].texts[0].get_text()


def test_journal_form_saves_lists_and_never_raises(tmp_path):
    from hinge_sim.ui.journal_form import JournalForm
    form = JournalForm(tmp_path, athlete="Anna")
    assert "hinge-message" in form.message_html._dom_classes
    form.set(spine=4, rib_cage=3, hip_to_bar_m=0.3, bar_to_midfoot_m=0.12, notes="ribs down")
    rec = form.save()
    assert rec is not None and form.message == ""
    saved = J.Journal(J.journal_path(tmp_path, "Anna")).records()[0]
    assert saved.hip_to_bar_m == pytest.approx(0.3)
    assert saved.bar_to_midfoot_m == pytest.approx(0.12)
    assert "<td>12.0</td>" in form.table.value
    assert rec.date in form.table.value and "<td>4</td>" in form.table.value
    assert form.image.value[:4] == b"\x89PNG"
    before = open(J.journal_path(tmp_path, "Anna"), "rb").read()
    form.set(tempo="slow")
    form.controls["save"].click()  # through the button callback: must not raise
    assert "Tempo = 'slow'" in form.message
    form.set(tempo="3-1-1-0", bar_drift_m="abc")
    form.controls["save"].click()
    assert "Bar drift (cm) = 'abc' is not a number" in form.message
    assert open(J.journal_path(tmp_path, "Anna"), "rb").read() == before
    form.set(bar_drift_m="")
    form.controls["athlete"].value = ""
    form.controls["save"].click()
    assert "Athlete is required" in form.message


def test_journal_form_shows_error_for_a_bad_file(tmp_path):
    from hinge_sim.ui.journal_form import JournalForm
    bad = tmp_path / "anna.csv"
    bad.write_text("not,a,journal\n")
    form = JournalForm(tmp_path, athlete="Anna")
    assert "not a hinge-sim journal" in form.message
    assert bad.read_text() == "not,a,journal\n"


def test_quick_number_checks_agree_with_the_full_check():
    """The per-row quick path gives the value or the message check() gives."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from hinge_sim.journal import fields
    numbers = [n for n, spec in fields.FIELDS.items() if spec[0] in ("int", "float")]
    texts = st.one_of(st.text(alphabet="0123456789.-+eE_ naif²٣", max_size=8),
                      st.floats(allow_nan=True).map(repr), st.integers(-10, 600).map(str),
                      st.sampled_from(["", " 8 ", "08", "1_0", "-0.0", "1e3", "nan", "inf", "²"]))

    def outcome(fn, value):
        try:
            return "ok", fn(value)
        except ValueError as e:
            return "error", str(e)

    @settings(max_examples=400, deadline=None)
    @given(st.sampled_from(numbers), texts)
    def agree(name, value):
        assert outcome(fields._CHECKERS[name], value) == outcome(lambda v: fields.check(name, v),
                                                                 value)
    agree()


def test_a_record_with_a_tempo_faster_than_the_model_simulates_still_reads(path):
    """A journal keeps what was lifted: a 0.1 s rise (refused by the model's simulate) is
    recorded, read back and survives an edit of another field; a 0 s rise is not a tempo."""
    import hinge_sim as hs
    with pytest.raises(ValueError, match="tempo rising = 0.1 s"):
        hs.parse_tempo("1-0-0.1-0")
    j = J.Journal.create(path)
    rec = j.add(**{**GOOD, "tempo": "1-0-0.1-0"})
    j.edit(rec.record_id, coach_rating=5)
    again = J.Journal(path).records()[0]
    assert again.tempo == "1-0-0.1-0" and again.coach_rating == 5
    with pytest.raises(ValueError, match="lowering and rising must take more than 0 s"):
        j.add(**{**GOOD, "tempo": "3-1-0-0"})
    with pytest.raises(ValueError, match="tempo top pause = 25 s is outside the valid range"):
        j.add(**{**GOOD, "tempo": "3-1-1-25"})


@pytest.mark.parametrize("field", sorted(J.LIMIT_OF))
def test_each_field_takes_its_range_from_the_one_limits_table(path, field):
    """The ends of the field's LIMITS row are kept; just outside them is refused, by name."""
    from hinge_sim.model.limits import LIMITS
    limit = LIMITS[J.LIMIT_OF[field]]
    j = J.Journal.create(path)
    text = J.FIELDS[field][0] == "text"
    ends = ["x" * int(limit.low or 1), "x" * int(limit.high)] if text else [limit.low, limit.high]
    for value in ends:
        assert getattr(j.add(**{**GOOD, field: value}), field) == value
    step = 1 if text or J.FIELDS[field][0] == "int" else 1e-3
    outside = ["x" * int(limit.high + step)] if text else [limit.low - step, limit.high + step]
    for value in outside:
        with pytest.raises(ValueError, match=field):
            j.add(**{**GOOD, field: value})
