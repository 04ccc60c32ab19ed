"""Prediction, Quiz and Estimate give specific feedback and hold a commitment."""
import pytest

from hinge_sim.ui.quiz import Estimate, Prediction, Quiz

OPTIONS = {"It rises": "Right: the lever arm grows.", "It falls": "No: the lever arm grows, not shrinks."}


def test_quiz_explains_the_chosen_option():
    q = Quiz("What happens?", OPTIONS, answer="It rises")
    assert q.feedback == "" and q.correct is None
    q.choose("It falls")
    assert "lever arm grows, not shrinks" in q.feedback and "Not quite" in q.feedback
    assert q.correct is False
    q.choose("It rises")
    assert "Right" in q.feedback and q.correct is True


def test_prediction_must_be_locked_before_reveal_and_cannot_change():
    p = Prediction("What happens?", OPTIONS, answer="It rises")
    p.reveal()
    assert "Lock in" in p.feedback and not p.locked
    p.lock()
    assert "Pick an option" in p.feedback
    p.choose("It falls")
    p.lock()
    assert p.locked and p.choices.disabled and "You predicted" in p.feedback
    assert "not shrinks" not in p.feedback, "the answer shows only after the reveal"
    p.reveal()
    assert "not shrinks" in p.feedback and p.correct is False


def test_estimate_says_how_far_off():
    e = Estimate("How many?", answer=4.0, tolerance=0.5, low=0, high=10, unit="BW", explain="Because.")
    e.guess(6.0)
    e.check()
    assert not e.correct and "2 BW too high" in e.feedback and "Because." in e.feedback
    e.guess(4.3)
    e.check()
    assert e.correct and "close enough" in e.feedback


@pytest.mark.parametrize("make", [
    lambda: Quiz("q", OPTIONS, answer="maybe"),
    lambda: Prediction("q", OPTIONS, answer="maybe"),
    lambda: Estimate("q", answer=12, tolerance=1, low=0, high=10),
    lambda: Estimate("q", answer=1, tolerance=0, low=0, high=10),
])
def test_a_lesson_author_gets_a_clear_error(make):
    with pytest.raises(ValueError):
        make()


def test_long_options_wrap_under_their_own_button():
    """Each question carries the CSS that lets a long option wrap (checked in
    chromium: without it a long option runs into the next one)."""
    for q in (Quiz("q", OPTIONS, answer="It rises"), Prediction("q", OPTIONS, answer="It rises"),
              Estimate("q", answer=1, tolerance=1, low=0, high=10)):
        css = q.widget.children[0]
        assert "hinge-question" in q.widget._dom_classes
        assert "white-space: normal" in css.value and css.layout.display == "none"
