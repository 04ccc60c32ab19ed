"""One never-raise wrapper and one message box for every panel and form."""
from hinge_sim.ui.panel import MessageBox, never_raise
from hinge_sim.ui.quiz import Estimate


def test_never_raise_turns_an_exception_into_plain_words():
    box = MessageBox("Not saved")

    def broken(_change):
        raise RuntimeError("disk full")
    safe = never_raise(broken, box.problem)
    assert safe({"new": 1}) is None
    assert box.text == "Disk full"
    assert "Not saved:" in box.widget.value and "Disk full" in box.widget.value
    assert "hinge-message" in box.widget._dom_classes
    box.done("Saved.")
    assert box.text == "" and "Saved." in box.widget.value
    box.clear()
    assert box.widget.value == ""


def test_never_raise_skips_while_busy_and_passes_results_through():
    calls = []
    busy = [True]
    safe = never_raise(lambda x: calls.append(x) or x * 2, calls.append, skip=lambda: busy[0])
    assert safe(3) is None and calls == []
    busy[0] = False
    assert safe(3) == 6 and calls == [3]


def test_message_box_escapes_html():
    box = MessageBox()
    box.problem("<b>bold</b>")
    assert "&lt;b&gt;bold&lt;/b&gt;" in box.widget.value and "Not possible:" in box.widget.value


def test_quiz_button_callback_never_raises(monkeypatch, tmp_path):
    from hinge_sim import progress
    with progress.using(tmp_path):
        q = Estimate("How many?", answer=4.0, tolerance=1.0, low=0, high=10, key="test/how-many")

        def boom():
            raise ValueError("the model broke")
        monkeypatch.setattr(q, "lock", boom)
        q.lock_button.click()  # must not raise
    assert "The model broke" in q.feedback
