"""Journal form: names a plot title would misread, and saves that fail half-way."""
import pytest

from hinge_sim import journal as J

pytest.importorskip("ipywidgets")


def test_name_with_dollars_saves_and_the_title_shows_it_as_typed(tmp_path):
    from hinge_sim.ui.journal_form import JournalForm
    from hinge_sim.viz.progress import progress_figure
    from hinge_sim.viz.render import to_png
    form = JournalForm(tmp_path, athlete="Jo $^$")
    rec = form.save()
    assert rec is not None and form.message == ""
    assert form.image.value[:4] == b"\x89PNG"
    fig = progress_figure(J.Journal(J.journal_path(tmp_path, "Jo $^$")).records())
    assert to_png(fig)[:4] == b"\x89PNG"  # drawing "$^$" as mathtext raises
    assert fig._suptitle.get_text() == "Jo $^$: progress"
    assert len(J.Journal(J.journal_path(tmp_path, "Jo $^$")).records()) == 1


def test_retry_after_a_save_that_wrote_but_failed_adds_nothing(tmp_path, monkeypatch):
    from hinge_sim import safefile
    from hinge_sim.ui.journal_form import JournalForm
    form = JournalForm(tmp_path, athlete="Anna")
    real_replace = safefile.replace

    def replace_then_fail(path, data):  # the file is written, then the disk reports an error
        real_replace(path, data)
        raise OSError(5, "Input/output error", path)
    monkeypatch.setattr(safefile, "replace", replace_then_fail)
    form.controls["save"].click()
    assert "cannot save the journal" in form.message and "Not saved" in form.message_html.value
    monkeypatch.setattr(safefile, "replace", real_replace)
    form.controls["save"].click()  # the retry
    assert form.message == "" and "saved record" in form.message_html.value
    assert len(J.Journal(J.journal_path(tmp_path, "Anna")).records()) == 1
    form.controls["save"].click()  # a new save after a success is a new record (a second set)
    assert len(J.Journal(J.journal_path(tmp_path, "Anna")).records()) == 2


def test_history_that_cannot_be_drawn_after_a_save_says_saved(tmp_path, monkeypatch):
    import hinge_sim.ui.journal_form as journal_form
    form = journal_form.JournalForm(tmp_path, athlete="Anna")

    def broken(*args, **kwargs):
        raise RuntimeError("no fonts")
    monkeypatch.setattr(journal_form, "progress_figure", broken)
    rec = form.save()
    assert rec is not None
    assert "saved record" in form.message and "no fonts" in form.message
    assert "<b>Saved:</b>" in form.message_html.value
    assert "Not saved" not in form.message_html.value


def test_read_only_journal_shows_a_message_and_stays(tmp_path):
    import os

    from hinge_sim.ui.journal_form import JournalForm
    form = JournalForm(tmp_path, athlete="Anna")
    form.save()
    path = J.journal_path(tmp_path, "Anna")
    os.chmod(path, 0o444)
    before = open(path, "rb").read()
    form.controls["save"].click()
    assert "read-only" in form.message
    assert open(path, "rb").read() == before
