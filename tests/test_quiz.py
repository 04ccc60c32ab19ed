"""Prediction, Estimate and Quiz: nothing that answers a prediction exists before
Lock in or Show me, feedback is specific, and every answer is saved and restored."""
import ipywidgets as W
import pytest

from hinge_sim import progress
from hinge_sim.ui.quiz import Estimate, Prediction, Quiz

OPTIONS = {"It rises": "Right: the lever arm grows.",
           "It falls": "No: the lever arm grows, not shrinks."}


@pytest.fixture(autouse=True)
def store(tmp_path):
    """Every test saves progress in its own folder, never in a learner's."""
    progress.use(tmp_path)
    yield tmp_path
    progress.use(None)


class Counter:
    """A reveal that counts how often it is built."""

    def __init__(self, result="the panel"):
        self.calls, self.result = 0, result

    def __call__(self):
        self.calls += 1
        return self.result


def predict(key="00_start_here/lever", reveal=None, explain="Because the lever grows."):
    return Prediction("What happens?", OPTIONS, answer="It rises", key=key,
                      reveal=reveal, explain=explain)


def test_quiz_explains_the_chosen_option():
    q = Quiz("What happens?", OPTIONS, answer="It rises", key="00_start_here/q")
    assert q.feedback == "" and q.correct is None
    q.choose("It falls")
    assert "lever arm grows, not shrinks" in q.feedback and "Not quite" in q.feedback
    assert q.correct is False
    q.choose("It rises")
    assert "Right" in q.feedback and q.correct is True


def test_nothing_is_built_or_shown_before_lock_in():
    reveal = Counter()
    p = predict(reveal=reveal)
    assert reveal.calls == 0 and not p.revealed and p.reveal_output is None
    assert p.revealed_area.children == () and p.revealed_area.layout.display == "none"
    assert "lever grows" not in p.feedback
    p.lock()   # nothing chosen: a clear word, still nothing shown
    assert "Pick an answer first" in p.feedback and not p.locked and reveal.calls == 0
    assert progress.step(p.key) is None


def test_lock_in_reveals_and_the_prediction_cannot_change():
    reveal = Counter(W.Label("the panel"))
    p = predict(reveal=reveal)
    p.choose("It falls")
    p.lock()
    assert p.locked and p.revealed and not p.skipped and reveal.calls == 1
    assert p.choices.disabled and p.lock_button.disabled and p.show_button.disabled
    assert "Not quite" in p.feedback and "not shrinks" in p.feedback
    assert "The answer: <i>It rises</i>" in p.feedback
    assert p.reveal_output is reveal.result and reveal.result in p.revealed_area.children
    explain = [c for c in p.revealed_area.children if "hinge-explain" in c._dom_classes]
    assert explain and "lever grows" in explain[0].value
    p.lock()
    p.show_me()
    assert reveal.calls == 1 and progress.step(p.key)["state"] == "locked"


def test_show_me_reveals_and_is_saved_as_a_skip():
    p = predict(reveal=Counter("hip 232 N·m"))
    p.show_me()
    assert p.revealed and p.skipped and p.choices.disabled
    assert "skipped" in p.feedback and "It rises" in p.feedback
    assert "<pre" in p.revealed_area.children[-1].value, "a str is shown as text"
    saved = progress.step(p.key)
    assert saved["state"] == "skipped" and saved["kind"] == "prediction"


def test_a_locked_prediction_comes_back_when_the_cell_runs_again():
    p = predict()
    p.choose("It rises")
    p.lock()
    reveal = Counter()
    again = predict(reveal=reveal)      # the same cell, run again
    assert again.locked and again.revealed and again.choices.value == "It rises"
    assert again.choices.disabled and reveal.calls == 1 and "Right" in again.feedback
    other = predict(key="00_start_here/other")
    assert not other.locked and not other.revealed


def test_widgets_carry_the_classes_and_words_tests_and_learners_look_for():
    p, e = predict(), Estimate("How many?", answer=4.0, tolerance=0.5, low=0, high=10,
                               key="00_start_here/e")
    for w in (p, e):
        assert "hinge-predict" in w.widget._dom_classes
        assert "hinge-reveal" in w.revealed_area._dom_classes
        assert w.revealed_area in w.widget.children
        assert w.lock_button.description == "Lock in" and w.show_button.description == "Show me"


def test_estimate_says_how_far_off_only_after_lock_in():
    e = Estimate("How many?", answer=4.0, tolerance=0.5, low=0, high=10, unit="BW",
                 explain="Because.", key="00_start_here/e")
    e.guess(6.0)
    assert e.feedback == "" and not e.revealed
    e.lock()
    assert not e.correct and "2 BW too high" in e.feedback and e.slider.disabled
    assert "Because." in e.revealed_area.children[0].value
    assert progress.step("00_start_here/e") == {**progress.step("00_start_here/e"),
                                                "choice": 6.0, "correct": False}
    again = Estimate("How many?", answer=4.0, tolerance=0.5, low=0, high=10, unit="BW",
                     key="00_start_here/e")
    assert again.locked and again.slider.value == 6.0 and "too high" in again.feedback


def test_estimate_close_enough_and_skipped():
    e = Estimate("How many?", answer=4.0, tolerance=0.5, low=0, high=10, unit="BW",
                 key="00_start_here/e")
    e.guess(4.3)
    e.lock()
    assert e.correct and "close enough" in e.feedback
    s = Estimate("How many?", answer=4.0, tolerance=0.5, low=0, high=10, unit="BW",
                 key="00_start_here/s")
    s.show_me()
    assert s.skipped and "The model says 4 BW" in s.feedback
    assert progress.step("00_start_here/s")["state"] == "skipped"


def test_a_quiz_choice_is_saved_and_restored():
    q = Quiz("What happens?", OPTIONS, answer="It rises", key="00_start_here/q")
    q.choose("It falls")
    q.choose("It rises")
    saved = progress.step("00_start_here/q")
    assert saved["choice"] == "It rises" and saved["correct"] is True and saved["tries"] == 2
    again = Quiz("What happens?", OPTIONS, answer="It rises", key="00_start_here/q")
    assert again.choices.value == "It rises" and "Right" in again.feedback
    assert progress.step("00_start_here/q")["at"] == saved["at"], "restoring writes nothing"


def test_a_saved_choice_that_is_no_longer_an_option_is_not_forced_on_the_learner():
    p = predict()
    p.choose("It falls")
    p.lock()
    changed = Prediction("What happens?", {"Up": "yes", "Down": "no"}, answer="Up",
                         key=p.key)
    assert not changed.locked and "pick again" in changed.feedback
    assert progress.step(p.key)["choice"] == "It falls", "the old answer stays saved"


def test_a_reveal_that_fails_says_so_on_the_screen():
    def broken():
        raise ValueError("bar through the shins")
    p = predict(reveal=broken)
    p.choose("It rises")
    with pytest.raises(ValueError):
        p.lock()
    assert "bar through the shins" in p.feedback
    assert progress.step(p.key)["state"] == "locked", "the prediction is kept even so"


@pytest.mark.parametrize("make, error, words", [
    (lambda: Quiz("q", OPTIONS, answer="maybe", key="00_start_here/q"), ValueError, "answer"),
    (lambda: Prediction("q", OPTIONS, answer="maybe", key="00_start_here/q"), ValueError,
     "answer"),
    (lambda: Estimate("q", answer=12, tolerance=1, low=0, high=10, key="00_start_here/q"),
     ValueError, "answer = 12"),
    (lambda: Estimate("q", answer=1, tolerance=0, low=0, high=10, key="00_start_here/q"),
     ValueError, "tolerance"),
    (lambda: Quiz("q", OPTIONS, answer="It rises", key="Lesson 0 question"), ValueError, "key"),
    (lambda: Prediction("q", OPTIONS, answer="It rises", key=3), TypeError, "key"),
    (lambda: Prediction("q", OPTIONS, answer="It rises", key="00_start_here/q",
                        reveal="the answer"), TypeError, "reveal"),
    (lambda: Prediction("q", OPTIONS, answer="It rises", key="00_start_here/q",
                        explain=lambda: "x"), TypeError, "explain"),
])
def test_a_lesson_author_gets_a_clear_error(make, error, words):
    with pytest.raises(error, match=words):
        make()


def test_every_step_needs_a_key():
    with pytest.raises(TypeError, match="key"):
        Prediction("q", OPTIONS, answer="It rises")


def test_long_options_wrap_under_their_own_button():
    """Each question carries the CSS that lets a long option wrap (checked in
    chromium: without it a long option runs into the next one)."""
    for q in (Quiz("q", OPTIONS, answer="It rises", key="00_start_here/a"),
              predict(),
              Estimate("q", answer=1, tolerance=1, low=0, high=10, key="00_start_here/b")):
        css = q.widget.children[0]
        assert "hinge-question" in q.widget._dom_classes
        assert "white-space: normal" in css.value and css.layout.display == "none"
